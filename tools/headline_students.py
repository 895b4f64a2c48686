"""What the headline grid's bert2bert students write: retrain some cells of a finished headline grid and count the
distinct headlines each writes for the test leads (a student that writes a handful of stock phrases scores chrF by
which phrases it picked, not by how well it read the lead).
usage: python tools/headline_students.py GRID_DIR BUDGET:MODE:SEED ... [--lr LR]   (e.g. runs/headlines-cpu-lr1e-3 50:annotate:0)
--lr: train the students at another learning rate than the grid's (GeneratorConfig's default, 1e-4), to see whether
they then learn to read the lead."""
import sys, json
from collections import Counter
from dataclasses import replace
from pathlib import Path
from datasets import concatenate_datasets, load_from_disk
from synthdiv.data import bbc_headlines, budget_sample, HEADLINE_TASK
from synthdiv.experiments import article_leads, HeadlineGridConfig
from synthdiv.student import GeneratorConfig, train_generator, evaluate_generator, mix

args = sys.argv[1:]; lr = float(args.pop(args.index('--lr') + 1)) if '--lr' in args else None
if '--lr' in args: args.remove('--lr')
if len(args) < 2: sys.exit(__doc__)
grid = Path(args[0]); cfg = HeadlineGridConfig(**{k: v for k, v in json.loads((grid/'grid_config.json').read_text()).items()})
rows = {(r['budget'], r['mode'], r['seed']): r for r in map(json.loads, (grid/'grid.jsonl').read_text().splitlines())}
data = {k: article_leads(v, cfg.lead_words) for k, v in bbc_headlines().items()}
test, dev = data['test'].select(range(cfg.test_rows)), data['dev'].select(range(100))
for cell in args[1:]:
    b, mode, seed = cell.split(':'); b, seed = int(b), int(seed)
    load = lambda name: load_from_disk(str(grid/f'budget-{b}'/name/'dataset'))
    syn = {'none': lambda: None, 'annotate': lambda: load('annotated'), 'generate': lambda: load('generated'),
           'both': lambda: concatenate_datasets([load('annotated'), load('generated')])}[mode]()
    gcfg = GeneratorConfig(model='minilm', epochs=cfg.student_epochs, max_source=96, max_target=24, seed=seed)
    if lr: gcfg = replace(gcfg, learning_rate=lr)
    student = train_generator(HEADLINE_TASK, mix(HEADLINE_TASK, budget_sample(data['train'], b, seed=0), syn), dev, gcfg)
    preds = student.generate(test['text']); sc = evaluate_generator(student, test)
    print(f"{b} articles, {mode}, seed {seed}, lr {gcfg.learning_rate:g}: chrF {sc['chrf']:.2f} (the grid's row, lr 1e-4: {rows[(b, mode, seed)]['chrf']:.2f}); "
          f"{len(set(preds))} distinct headlines for {len(preds)} test leads; most common: {Counter(preds).most_common(3)}", flush=True)
