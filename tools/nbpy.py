#!/usr/bin/env python3
"""Edit notebooks as plain text: `nbpy.py topy NB.ipynb [OUT.py]`, `nbpy.py tonb IN.py NB.ipynb`.

The text form is py:percent: `# %%` starts a code cell, `# %% [markdown]` a markdown cell whose
lines are prefixed with `# `. Cell ids are derived from the notebook name and the cell's position,
so they are stable and `nbdev-export` never invents random ones. A cell whose source is unchanged keeps
the outputs it had in the notebook being replaced; a changed or new cell has none until the notebook is
run again (`tools/save_outputs.py`)."""
import sys, json, hashlib
from pathlib import Path

def _cid(stem, i): return hashlib.sha1(f"{stem}:{i}".encode()).hexdigest()[:8]

def topy(nb_path, out=None):
    nb = json.loads(Path(nb_path).read_text())
    parts = []
    for c in nb['cells']:
        src = ''.join(c['source'])
        if c['cell_type'] == 'markdown':
            parts.append('# %% [markdown]\n' + '\n'.join(('# ' + l) if l else '#' for l in src.split('\n')))
        else: parts.append('# %%\n' + src)
    txt = '\n\n'.join(parts) + '\n'
    if out: Path(out).write_text(txt)
    else: sys.stdout.write(txt)

def _split(txt):
    cells, cur, kind = [], None, None
    for line in txt.split('\n'):
        if line.startswith('# %%'):
            if cur is not None: cells.append((kind, cur))
            kind, cur = ('markdown' if '[markdown]' in line else 'code'), []
        elif cur is not None: cur.append(line)
    if cur is not None: cells.append((kind, cur))
    out = []
    for kind, lines in cells:
        while lines and not lines[-1].strip(): lines.pop()
        while lines and not lines[0].strip(): lines.pop(0)
        if kind == 'markdown': lines = [l[2:] if l.startswith('# ') else l.lstrip('#') for l in lines]
        out.append((kind, '\n'.join(lines)))
    return out

def _old_outputs(nb_path) -> dict:
    "Outputs of the code cells of the notebook at `nb_path` (if any), by their source."
    p = Path(nb_path)
    if not p.exists(): return {}
    return {''.join(c['source']): c.get('outputs', []) for c in json.loads(p.read_text())['cells'] if c['cell_type'] == 'code'}

def tonb(py_path, nb_path):
    stem, old = Path(nb_path).stem, _old_outputs(nb_path)
    cells = []
    for i, (kind, src) in enumerate(_split(Path(py_path).read_text())):
        lines = src.split('\n')
        source = [l + '\n' for l in lines[:-1]] + [lines[-1]] if src else []
        c = dict(cell_type=kind, id=_cid(stem, i), metadata={}, source=source)
        if kind == 'code': c.update(execution_count=None, outputs=old.get(src, []))
        cells.append(c)
    nb = dict(cells=cells, metadata=dict(kernelspec=dict(display_name='python3', language='python', name='python3')),
              nbformat=4, nbformat_minor=5)
    Path(nb_path).write_text(json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + '\n')

if __name__ == '__main__':
    cmd, *args = sys.argv[1:]
    {'topy': topy, 'tonb': tonb}[cmd](*args)
