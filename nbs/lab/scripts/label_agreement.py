"""How often does a teacher give the reviews it generated the label they were written for?
Reads a Rotten Tomatoes grid's budget folder (its settings and generated data), takes that budget's teacher from the
cache the way the grid does (`synthdiv.grid.grid_teacher`: it must be there, nothing is trained) and scores every kept
review with it (`synthdiv.generation.label_fidelity`).
usage: python nbs/lab/scripts/label_agreement.py [GRID_DIR] [--out DIR]   (default: results/cpu-2026-11-23/rt-100-e1, the 100% budget)
With --out, the line is also written to DIR/label_agreement.txt with its provenance.json.
Written for grid folders made before each seed became a draw of its own (budget-B/ without seed-S/ inside, library at
26fdf4b or earlier, as the default folder is): run it with that commit's library."""
import argparse, sys, time
from pathlib import Path
from synthdiv.core import write_provenance
from synthdiv.data import RT_TASK
from synthdiv.generation import label_fidelity
from synthdiv.grid import grid_teacher, mode_data

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument('grid', type=Path, nargs='?', default=Path('results/cpu-2026-11-23/rt-100-e1'),
               help='a Rotten Tomatoes grid folder; its first budget-* folder is read')
p.add_argument('--out', type=Path, help='also write the line to OUT/label_agreement.txt, with OUT/provenance.json')
a = p.parse_args(); t_start = time.time()
run = next(a.grid.glob('budget-*'), None)
if run is None: sys.exit(f'{a.grid}: no budget-* folder')
b = run.name.split('-', 1)[1]
try: teacher = grid_teacher(a.grid, int(b) if b.isdigit() else float(b))
except FileNotFoundError as e: sys.exit(str(e))
generated = mode_data(run, 'generate')
t0 = time.time(); fid = label_fidelity(teacher, RT_TASK, generated)
line = (f"{teacher.name}: {fid['rows']} generated reviews; the teacher gives {fid['agreement']:.3f} of them the label they were "
        f"written for; asked positive {fid['asked'].get('positive', float('nan')):.3f}, called positive "
        f"{fid['read'].get('positive', float('nan')):.3f}; mean confidence {fid['mean_confidence']:.3f} ({time.time() - t0:.0f} s)")
print(line)
if a.out:
    a.out.mkdir(parents=True, exist_ok=True); (a.out/'label_agreement.txt').write_text(line + '\n'); write_provenance(a.out, t_start)
