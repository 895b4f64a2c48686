"""How often does a teacher give the reviews it generated the label they were written for?
Reads a Rotten Tomatoes grid's budget folder (its settings and generated data), takes that budget's teacher from the
cache the way the grid does (it must be there: nothing is trained) and scores every kept review with it.
usage: python tools/label_agreement.py [GRID_DIR]   (default: results/cpu-2026-11-23/rt-100-e1, the 100% budget)"""
import sys, time
from pathlib import Path
import numpy as np
from synthdiv.core import load_json
from synthdiv.data import RT_TASK
from synthdiv.generation import annotate
from synthdiv.experiments import RunConfig, _Context   # the grid's own recipe for a budget's teacher and data

grid = Path(sys.argv[1] if len(sys.argv) > 1 else 'results/cpu-2026-11-23/rt-100-e1')
run = next(grid.glob('budget-*')); settings = load_json(grid/'grid_config.json')
c = _Context(RunConfig(profile=settings['profile'], budget=float(run.name.split('-', 1)[1]), teacher_epochs=settings['teacher_epochs']), run)
if not c.teacher_cached(): sys.exit(f'the teacher of {run} is not in the cache: run its grid first')
generated = c.dataset('generated')
t0 = time.time(); scored = annotate(c.teacher, RT_TASK, generated['text'])
asked, said = np.array(generated['label']), np.array(scored['label'])
print(f'{c.teacher.name}: {len(generated)} generated reviews; the teacher gives {np.mean(asked == said):.3f} of them the label they were '
      f'written for; asked positive {asked.mean():.3f}, called positive {said.mean():.3f}; mean confidence '
      f'{np.mean(scored["confidence"]):.3f} ({time.time() - t0:.0f} s)')
