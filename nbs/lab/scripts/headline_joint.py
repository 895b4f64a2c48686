"""Why does the headline grid's teacher write (almost) no (lead, headline) pairs? A diagnosis at the 50-article budget.
Each variant tunes a teacher on the grid's 50 BBC leads (formats annotate + joint, as `headline_grid` does, through
`headline_teacher_config`; teachers are cached, so a rerun trains nothing twice) and asks it for 20 pairs in the joint
format (2 topics × 10, temperature 0.7 → 1.0, 120 new tokens), then prints the outcome counts, the dev losses, the
teacher's chrF on the grid's 150 test leads (as `headline_grid` scores it) and a few outputs.
  A  the grid's recipe (2 epochs, LoRA lr 2e-4); prompts with a topic header (as the grid) and without one
  B  as A, but trained with each lead's topic in the header, so training and generation prompts match
  C  as A, 8 epochs
  D  as A, 4 epochs at lr 1e-3
usage: python nbs/lab/scripts/headline_joint.py A B C D [--out DIR]   (about 5, 5, 19 and 10 minutes on two CPU cores)
The generated pairs go to DIR/NAME; the printed lines also to DIR/log.txt, with DIR/provenance.json."""
import argparse, json, time
from pathlib import Path
from synthdiv.core import write_provenance
from synthdiv.data import HEADLINE_TASK, budget_sample
from synthdiv.teacher import fine_tune
from synthdiv.generation import annotate, discover_topics, plan_prompts, PlanConfig, generate, GenerationConfig
from synthdiv.grid import HeadlineGridConfig, HeadlineData, headline_teacher_config

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument('variants', nargs='+', choices=['A', 'B', 'C', 'D'], help='the teachers to try (see above)')
p.add_argument('--out', type=Path, default=Path('runs/headline-joint'), help='folder of the pairs, log.txt and provenance.json')
a = p.parse_args(); out, which, t_start = a.out, [v for v in 'ABCD' if v in a.variants], time.time()
def say(*parts):
    "Print a line and append it to OUT/log.txt."
    line = ' '.join(map(str, parts)); print(line, flush=True); out.mkdir(parents=True, exist_ok=True); open(out/'log.txt', 'a').write(line + '\n')
grid = HeadlineGridConfig(test_rows=150)   # the grid's leads (60 words), 100 dev and 150 test leads, the default profile's SmolLM2
d = HeadlineData(grid); base = d.base
few, dev, test = budget_sample(d.splits['train'], 50, seed=0), d.dev, d.test
real = [t for s in d.splits.values() for t in s['text']]
topics = discover_topics(d.splits['train']['text'], k=d.profile.headline_topics, seed=0)

def teacher(name, epochs=2, lr=None, with_topics=False):
    t0 = time.time(); cfg = headline_teacher_config(HeadlineGridConfig(teacher_epochs=epochs, teacher_lr=lr))
    kw = dict(topics=topics.assign(few['text']), dev_topics=topics.assign(dev['text'])) if with_topics else {}
    t = fine_tune(base, HEADLINE_TASK, few, dev, cfg, batch_size=32, **kw)
    heads = annotate(t, HEADLINE_TASK, test['text'], max_new_tokens=24)['target']
    say(f'teacher {name}: {time.time() - t0:.0f} s; dev loss by epoch', [round(h['dev_loss'], 3) for h in t.history],
          f'; chrF on {len(test)} test leads {HEADLINE_TASK.evaluate(heads, list(test["target"])):.1f}')
    return t

def pairs(name, lm, template):
    plan = plan_prompts(HEADLINE_TASK, PlanConfig(template, n_topics=2, per_topic=10, temperature=[0.7, 1.0]), topics.names)
    res = generate(lm, HEADLINE_TASK, plan, out/name, GenerationConfig(format='joint', max_new_tokens=120), real_texts=real)
    say(f'  {name}: {res.counts}')
    rejected = [json.loads(l) for l in open(out/name/'rejected.jsonl')] if (out/name/'rejected.jsonl').exists() else []
    for r in list(res.data)[:2]: say('    kept:    ', repr(r['text'] + ' || Headline: ' + r['target'])[:200])
    for r in rejected[:3]: say('    rejected:', repr(r['output'])[:200])

if 'A' in which: t = teacher('A (the grid: 2 epochs)'); pairs('A_topic', t, 'topic'); pairs('A_noheader', t, 'label')
if 'B' in which: pairs('B_topic', teacher('B (2 epochs, topic headers in training)', with_topics=True), 'topic')
if 'C' in which: pairs('C_topic', teacher('C (8 epochs)', epochs=8), 'topic')
if 'D' in which: pairs('D_topic', teacher('D (4 epochs, lr 1e-3)', epochs=4, lr=1e-3), 'topic')
write_provenance(out, t_start, variants=which)
