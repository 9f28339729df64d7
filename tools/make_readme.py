#!/usr/bin/env python3
"""Write README.md from nbs/index.ipynb without quarto: `python tools/make_readme.py [--check]`.

The title cell's `# title` line becomes the heading and its `> description` line a paragraph;
other markdown cells are copied verbatim; code cells flagged `#| hide` are left out and the rest
become ```python blocks without their `#|` directive lines, each followed by its saved text output
(printed text and results, in a plain block; images and tables in HTML are left out). With `--check`,
nothing is written: the script exits 1 if README.md differs."""
import argparse, json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_directive = re.compile(r'^\s*#\s*\|\s*(.*)$')

def _src(cell): return ''.join(cell['source']) if isinstance(cell['source'], list) else cell['source']

def _title(src):
    "The title cell: `# title` becomes a heading, `> description` a paragraph; nbdev front matter (`- key: value`) is dropped"
    out = []
    for line in src.strip().split('\n'):
        if line.startswith('> '): out += ['', line[2:].strip(), '']
        elif re.match(r'^- [\w-]+:', line): continue
        else: out.append(line)
    return re.sub(r'\n{3,}', '\n\n', '\n'.join(out)).strip()

def _code(src):
    "A ```python block, or None if the cell is hidden (or holds nothing but directives)"
    lines = src.split('\n')
    directives = [m.group(1).split() for m in map(_directive.match, lines) if m]
    if any(d and d[0] in ('hide', 'default_exp') for d in directives): return None
    body = '\n'.join(l for l in lines if not _directive.match(l)).strip('\n')
    return f'```python\n{body}\n```' if body.strip() else None

def _text(v): return ''.join(v) if isinstance(v, list) else v

def _outputs(cell):
    "A cell's saved text output as a plain block, or None: printed text, and results that are text only."
    parts = []
    for o in cell.get('outputs', []):
        if o.get('output_type') == 'stream' and o.get('name') == 'stdout': parts.append(_text(o['text']))
        elif o.get('output_type') == 'execute_result' and 'text/plain' in o.get('data', {}) and 'text/html' not in o['data']:
            parts.append(_text(o['data']['text/plain']) + '\n')
    body = ''.join(parts).strip('\n')
    return f'```\n{body}\n```' if body else None

def make_readme(nb_path=ROOT/'nbs'/'index.ipynb'):
    "The README text for the notebook at `nb_path`"
    cells = json.loads(Path(nb_path).read_text())['cells']
    blocks, titled = [], False
    for c in cells:
        src = _src(c)
        if c['cell_type'] == 'markdown':
            if not titled and src.lstrip().startswith('# '): blocks.append(_title(src)); titled = True
            elif src.strip(): blocks.append(src.strip('\n'))
        elif c['cell_type'] == 'code':
            b = _code(src)
            if b: blocks += [x for x in (b, _outputs(c)) if x]
    return '\n\n'.join(blocks) + '\n'

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--check', action='store_true', help='exit 1 if README.md is not what the notebook gives')
    p.add_argument('--nb', default=str(ROOT/'nbs'/'index.ipynb'), help='source notebook')
    p.add_argument('--out', default=str(ROOT/'README.md'), help='README to write or check')
    a = p.parse_args()
    text, out = make_readme(a.nb), Path(a.out)
    if a.check:
        if not out.exists() or out.read_text() != text:
            sys.exit(f'{out} is out of date with {a.nb}: run `python tools/make_readme.py` and commit the result')
        print(f'{out.name} is in sync with {Path(a.nb).name}')
    else:
        out.write_text(text)
        print(f'wrote {out}')

if __name__ == '__main__': main()
