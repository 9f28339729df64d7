#!/usr/bin/env python3
"""Execute notebooks and save their outputs, as the docs show them: `python tools/save_outputs.py [NB ...]`.

Each notebook runs as `nbdev-test` runs it (cells flagged with the project's `tst_flags`, e.g. `slow` and
`gpu`, are skipped), and its outputs are written back. Then they are made stable, so that a rerun on
another machine changes nothing a reader would notice: progress bars and notes that the hub is offline are dropped, a warning keeps its
category and message but not the file and line it came from, and the notebook is cleaned as
`nbdev-clean` cleans it. Outputs that still name a machine path (/tmp, /work, the home folder) are
listed: fix the cell so that it shows a name, not a path. Without arguments: every numbered notebook and
index.ipynb (benchmarks and tutorials run with their own, real set-ups)."""
import argparse, json, os, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_bar = re.compile(r"(it/s|s/it|examples/s|trial/s|pass/s|\?\w+/s)\]|\d+%\|")
_warning = re.compile(r"^\S*?(<ipython-input-[^>]*>|\.py):\d+: (\w*Warning): ")
_paths = re.compile(r"(/tmp/|/work/|/root/|/home/)")
_offline = re.compile(r"Hugging Face Hub is in offline mode")  # optional kernels that libraries look up on import: depends on the machine

def _stable_stderr(text: str) -> str:
    "stderr without progress bars, and warnings without the file, line and source they came from."
    out, skip_source = [], False
    for line in text.split("\n"):
        if skip_source and line.startswith("  "): skip_source = False; continue
        skip_source = False
        line = line.rsplit("\r", 1)[-1]  # what a terminal would show of a line rewritten with \r
        if _bar.search(line) or _offline.search(line) or not line.strip(): continue
        m = _warning.match(line)
        if m: line, skip_source = f"{m.group(2)}: {line[m.end():]}", True
        out.append(line)
    return "\n".join(out) + ("\n" if out else "")

def stabilise(nb: dict) -> list:
    "Make the outputs of `nb` stable, in place; returns the ids of cells whose outputs still name a machine path."
    flagged = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "code": continue
        kept = []
        for o in cell.get("outputs", []):
            if o["output_type"] == "stream" and o["name"] == "stderr":
                text = _stable_stderr("".join(o["text"]))
                if not text: continue
                o["text"] = text.splitlines(keepends=True)
            kept.append(o)
        cell["outputs"] = kept
        if _paths.search(json.dumps(kept)): flagged.append(cell.get("id"))
    return flagged

def save_outputs(path: Path, run_flags=(), cell_timeout=None) -> list:
    "Run the notebook at `path` as the tests do (and its cells flagged with `run_flags`), save its outputs made stable, clean it; the ids of cells that show machine paths."
    from nbdev.test import test_nb
    from nbdev.config import get_config
    from nbdev.clean import nbdev_clean
    flags = [f for f in get_config().get("tst_flags", "").split() if f not in run_flags]
    limit = int(get_config().get("cell_timeout", 600)) if cell_timeout is None else (cell_timeout or None)  # 0: no limit
    ok, _ = test_nb(path, skip_flags=flags, force_flags=list(run_flags), save=True, cell_timeout=limit)
    if not ok: raise SystemExit(f"{path} failed; its outputs were not saved")
    nb = json.loads(path.read_text())
    flagged = stabilise(nb)
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
    nbdev_clean(str(path))  # the layout and metadata `nbdev-clean` leaves, so CI's clean changes nothing
    return flagged

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("notebooks", nargs="*", help="notebooks to run (default: the numbered ones and index.ipynb)")
    p.add_argument("--flags", default="", help="also run the cells with these flags, e.g. 'slow' for a tutorial or benchmark")
    p.add_argument("--cell-timeout", type=int, default=None, help="seconds a cell may run (default: the config's cell_timeout; 0: no limit)")
    a = p.parse_args()
    nbs = [Path(n) for n in a.notebooks] or sorted((ROOT/"nbs").glob("[0-9][0-9]_*.ipynb")) + [ROOT/"nbs"/"index.ipynb"]
    bad = {}
    for nb in nbs:
        print(f"running {nb.name}", flush=True)
        if flagged := save_outputs(nb.resolve(), a.flags.split(), a.cell_timeout): bad[nb.name] = flagged
    for name, ids in bad.items(): print(f"{name}: cells {ids} show a machine path in their outputs", file=sys.stderr)

if __name__ == "__main__": main()
