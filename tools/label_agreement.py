"""How often does a teacher give the reviews it generated the label they were written for?
Reads a grid's budget folder (its generated data and stage results), loads that budget's teacher from the cache
(it must be there: nothing is trained) and scores every kept review with it.
usage: python tools/label_agreement.py [RESULTS_DIR]   (default: results/cpu-2026-11-23/rt-100-e1, the 100% budget)"""
import json, sys, time
from pathlib import Path
import numpy as np
from synthdiv.core import load_json
from synthdiv.data import RT_TASK, rotten_tomatoes, budget_sample
from synthdiv.llm import smollm2
from synthdiv.teacher import fine_tune, TeacherConfig, teacher_cache_path
from synthdiv.generation import annotate

res = Path(sys.argv[1] if len(sys.argv) > 1 else 'results/cpu-2026-11-23/rt-100-e1')
grid, budget = load_json(res/'grid_config.json'), float(next(res.glob('budget-*')).name.split('-', 1)[1])
rt = rotten_tomatoes(); few = budget_sample(rt['train'], budget, seed=0); base = smollm2(batch_size=32)
cfg = TeacherConfig(epochs=grid['teacher_epochs'], seed=0)
if not teacher_cache_path(base, RT_TASK, few, rt['dev'], cfg).exists(): sys.exit(f'the teacher of {res} is not in the cache: run its grid first')
teacher = fine_tune(base, RT_TASK, few, rt['dev'], cfg, batch_size=64)
rows = [json.loads(l) for l in (res/f'budget-{budget}'/'generated'/'data.jsonl').read_text().splitlines()]
t0 = time.time(); scored = annotate(teacher, RT_TASK, [r['text'] for r in rows])
asked, said = np.array([RT_TASK.label_id(r['label']) for r in rows]), np.array(scored['label'])
print(f'{teacher.name}: {len(rows)} generated reviews; the teacher gives {np.mean(asked == said):.3f} of them the label they were '
      f'written for; asked positive {asked.mean():.3f}, called positive {said.mean():.3f}; mean confidence '
      f'{np.mean(scored["confidence"]):.3f} ({time.time() - t0:.0f} s)')
