"""Run notebooks top to bottom and store their outputs, as a reader will see them.

Usage: python tools/run_nb.py NOTEBOOK... [--skip slow notest] [--all]

Cells flagged with a skipped directive (`#| slow`, `#| notest` by default; `--all` skips none) keep their stored
outputs; every other code cell is run in order, in the notebook's folder, and its outputs replace the old ones.
Stops at the first failing cell and says which. Run `nbdev_clean` afterwards."""
import os, re, sys, time
from pathlib import Path
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell


def flags(source: str) -> set:
    "The `#|` directive words of a cell."
    return {w for line in source.splitlines() if line.lstrip().startswith('#|') for w in line.lstrip()[2:].split()}


def run(path: Path, skip: set) -> int:
    "Run one notebook in place; the number of cells run."
    os.environ.setdefault('SYNTHDIV_PROGRESS', '0')
    os.environ.setdefault('MPLBACKEND', 'Agg')
    nb, shell = read_nb(path), CaptureShell()
    shell.set_path(path.parent.resolve())
    ran = 0
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != 'code' or flags(cell.source) & skip: continue
        if {'eval:', 'false'} <= flags(cell.source): continue   # shown, never run (as nbdev's runner does)
        cell.outputs = []
        t = time.time()
        shell.cell(cell)
        ran += 1
        if os.environ.get('RUN_NB_TIMES') and time.time() - t > 2:
            print(f'  cell {i}: {time.time() - t:.1f} s  {cell.source.splitlines()[0][:70]}', file=sys.stderr)
        if shell.exc:
            print(f'{path}: cell {i} failed\n{shell.prettytb(path)}', file=sys.stderr)
            sys.exit(1)
    write_nb(nb, path)
    return ran


if __name__ == '__main__':
    args = sys.argv[1:]
    skip = set() if '--all' in args else {'slow', 'notest'}
    if '--skip' in args: skip = set(args[args.index('--skip') + 1:])
    paths = [Path(a) for a in args if a.endswith('.ipynb')]
    for p in paths:
        here = Path.cwd()
        os.chdir(p.parent)
        try: n = run(Path(p.name), skip)
        finally: os.chdir(here)
        print(f'{p}: {n} cells run, outputs stored')
