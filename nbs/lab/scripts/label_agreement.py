"""How often does a teacher give the reviews it generated the label they were written for?
Reads a Rotten Tomatoes grid's budget folder (its settings and generated data), takes that budget's teacher from the
cache the way the grid does (it must be there: nothing is trained) and scores every kept review with it.
usage: python nbs/lab/scripts/label_agreement.py [GRID_DIR] [--out DIR]   (default: results/cpu-2026-11-23/rt-100-e1, the 100% budget)
With --out, the line is also written to DIR/label_agreement.txt with its provenance.json."""
import sys, time
from pathlib import Path
import numpy as np
from datasets import load_from_disk
from synthdiv.data import RT_TASK
from synthdiv.generation import annotate
from synthdiv.core import write_provenance
from synthdiv.experiments import grid_teacher

args = sys.argv[1:]; out = Path(args.pop(args.index('--out') + 1)) if '--out' in args else None
args = [x for x in args if x != '--out']; t_start = time.time()
grid = Path(args[0] if args else 'results/cpu-2026-11-23/rt-100-e1')
run = next(grid.glob('budget-*')); b = run.name.split('-', 1)[1]
try: teacher = grid_teacher(grid, int(b) if b.isdigit() else float(b))
except FileNotFoundError as e: sys.exit(str(e))
generated = load_from_disk(str(run/'generated'/'dataset'))
t0 = time.time(); scored = annotate(teacher, RT_TASK, generated['text'])
asked, said = np.array(generated['label']), np.array(scored['label'])
line = (f'{teacher.name}: {len(generated)} generated reviews; the teacher gives {np.mean(asked == said):.3f} of them the label they were '
      f'written for; asked positive {asked.mean():.3f}, called positive {said.mean():.3f}; mean confidence '
      f'{np.mean(scored["confidence"]):.3f} ({time.time() - t0:.0f} s)')
print(line)
if out:
    out.mkdir(parents=True, exist_ok=True); (out/'label_agreement.txt').write_text(line + '\n'); write_provenance(out, t_start)
