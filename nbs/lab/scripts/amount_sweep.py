"""Students on a finished Rotten Tomatoes grid's data, with increasing amounts of synthetic rows added (Kaddour & Liu's
Figure 5), every mode at the same amount (their Figure 6: annotate vs generate vs half of each), and with each way
of using the teacher's labels (`--labels`: its top label, `confidence`-weighted rows, or `soft` labels).

For each draw (seed) of BUDGET in GRID_DIR (a folder `synthdiv grid` made, each seed a draw of its own), it reads the
budget's rows (training part and dev part, as the grid drew them), the annotated and the generated rows, and trains
one student per (mode, amount): `none` once, and `annotate`, `generate`, `both` with each amount of synthetic rows
(`mode_sets`, `08_student`: the same rows the grid would add, `both` half of each). Fine-tuned students make the same
number of updates in every arm of a draw (the largest training set's epochs). Each row, with the student's 0/1 per test
review, is appended to OUT/sweep.jsonl as it finishes (rerun to resume).

    python nbs/lab/scripts/amount_sweep.py GRID_DIR --budget 0.05 --amounts 25 50 100 --student finetune --out OUT \
        [--labels hard confidence soft]
An amount above what the draw has (the generated rows kept) is replaced by that maximum; a mode with no rows to add
(at the 100% budget no unlabelled text is left to annotate) is left out."""
import argparse, json, math, time
from dataclasses import replace
from pathlib import Path
import numpy as np
from synthdiv.core import write_provenance, to_json
from synthdiv.data import RT_TASK
from synthdiv.grid import GridConfig, budget_context, mode_data
from synthdiv.student import MODES, StudentConfig, mode_sets, modes_with_rows, train_student

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument('grid', type=Path); p.add_argument('--budget', type=float, default=0.05)
p.add_argument('--amounts', type=int, nargs='+', default=[25, 50, 100])
p.add_argument('--student', choices=['frozen', 'finetune'], default='finetune')
p.add_argument('--epochs', type=int, default=6, help='rounds of a fine-tuned student')
p.add_argument('--labels', nargs='+', choices=['hard', 'confidence', 'soft'], default=['hard'],
               help="how students use the teacher's labels (soft needs synthetic rows with `probs`)")
p.add_argument('--out', type=Path, required=True)
a = p.parse_args(); t_start = time.time()
cfg = GridConfig.load(a.grid/'grid_config.json')
budget = int(a.budget) if a.budget > 1 else a.budget   # a count of rows, or a share (the grid's folder names)
a.out.mkdir(parents=True, exist_ok=True)
path = a.out/'sweep.jsonl'
done = {(r['seed'], r['mode'], r['amount'], r.get('labels', 'hard'))
        for r in map(json.loads, path.read_text().splitlines())} if path.exists() else set()
for run in sorted((a.grid/f'budget-{budget}').glob('seed-*')):
    seed = int(run.name.split('-')[1])
    c = budget_context(cfg, a.grid, budget, seed)
    annotated, generated = mode_data(run, 'annotate'), mode_data(run, 'generate')
    modes = [m for m in modes_with_rows(MODES, annotated, generated) if m != 'none']   # at 100%: nothing annotated
    most = min([len(s) for s in (annotated, generated) if len(s)], default=0)
    amounts = sorted({min(n, most) for n in a.amounts})
    arms = [('none', 0, 'hard')] + [(m, n, lab) for lab in a.labels for n in amounts for m in modes]
    scfg = StudentConfig(method=a.student, model=c.profile.student_model, epochs=a.epochs, seed=seed)
    if a.student == 'finetune':
        scfg = replace(scfg, updates=a.epochs * math.ceil((len(c.few_train) + max(amounts)) / scfg.batch_size))
    gold = np.asarray(c.test['label'])
    for mode, n, labels in arms:
        if (seed, mode, n, labels) in done: continue
        train = mode_sets(RT_TASK, c.few_train, annotated, generated, amount=n, modes=[mode], seed=seed,
                          weight_by='confidence' if labels == 'confidence' else 'none',
                          soft_labels=labels == 'soft')[mode]
        st = train_student(RT_TASK, train, c.few_dev, scfg)
        correct = (st.predict(c.test['text']) == gold).astype(int)
        row = {'budget': budget, 'seed': seed, 'mode': mode, 'amount': n, 'labels': labels, 'rows': len(train),
               'student': a.student,
               'accuracy': float(correct.mean()), 'seconds': round(st.seconds, 1), 'correct': correct.tolist()}
        with open(path, 'a') as f: f.write(to_json(row) + '\n')
        print(f"seed {seed} {mode:8s} +{n:3d} {labels:10s}: accuracy {row['accuracy']:.3f} ({row['seconds']:.0f} s)", flush=True)
write_provenance(a.out, t_start, name='provenance-sweep.json')
