"""What the headline grid's bert2bert students write: retrain some cells of a finished headline grid and count the
distinct headlines each writes for the test leads (a student that writes a handful of stock phrases scores chrF by
which phrases it picked, not by how well it read the lead).
example: python nbs/lab/scripts/headline_students.py runs/headlines-cpu-lr1e-3 50:annotate:0 200:both:0 [--lr 5e-4] [--epochs 15 --patience 3]
--init FOLDER starts each student from a saved one (nbs/lab/scripts/pretrain_headline_student.py) instead of fresh MiniLM.
BUDGET `all` trains on every article of the training split (mode `none` only: a reference the grid does not have)."""
import argparse, time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from synthdiv.core import write_provenance
from synthdiv.data import budget_sample, HEADLINE_TASK
from synthdiv.grid import HeadlineGridConfig, HeadlineData, GridFolder, mode_data
from synthdiv.student import Seq2SeqConfig, train_seq2seq, generation_scores, mix

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument('grid', type=Path, help='a finished headline grid folder (its run folders hold the synthetic datasets)')
p.add_argument('cells', nargs='+', help='BUDGET:MODE:SEED, e.g. 200:annotate:0, or all:none:0')
p.add_argument('--lr', type=float, help="students' learning rate (default: the grid's, Seq2SeqConfig's 1e-4)")
p.add_argument('--epochs', type=int, help="students' epochs (default: the grid's student_epochs)")
p.add_argument('--init', type=Path, help='start every student from this saved student (Seq2SeqStudent.save)')
p.add_argument('--patience', type=int, help="epochs without a better dev loss before stopping (default: Seq2SeqConfig's 1)")
p.add_argument('--out', type=Path, help='also append each line to OUT/students.txt; OUT/provenance-students.json says how')
a = p.parse_args(); t_start = time.time()

def say(*parts):
    "Print a result line; with --out, also append it to OUT/students.txt."
    line = ' '.join(map(str, parts)); print(line, flush=True)
    if a.out: a.out.mkdir(parents=True, exist_ok=True); open(a.out/'students.txt', 'a').write(line + '\n')
cfg = HeadlineGridConfig.load(a.grid/'grid_config.json')
rows = GridFolder(a.grid, cfg).rows()   # the grid's finished rows, by (budget, mode, seed)
d = HeadlineData(cfg)   # the grid's leads, its test and dev rows (the base model is not loaded)
data, test, dev = d.splits, d.test, d.dev
for cell in a.cells:
    b, mode, seed = cell.split(':'); seed = int(seed)
    if b == 'all' and mode != 'none': p.error(f'{cell}: budget "all" leaves no article to annotate; use all:none:SEED')
    b = len(data['train']) if b == 'all' else int(b)
    syn = mode_data(a.grid/f'budget-{b}', mode)   # what the grid adds to the budget in this mode (None for none)
    gcfg = Seq2SeqConfig(model=d.profile.student_model, epochs=cfg.student_epochs, max_source=96, max_target=24, seed=seed)
    if a.lr: gcfg = replace(gcfg, learning_rate=a.lr)
    if a.epochs: gcfg = replace(gcfg, epochs=a.epochs)
    if a.patience: gcfg = replace(gcfg, patience=a.patience)
    if a.init: gcfg = replace(gcfg, init=str(a.init))
    student = train_seq2seq(HEADLINE_TASK, mix(HEADLINE_TASK, budget_sample(data['train'], b, seed=0), syn), dev, gcfg)
    preds = student.generate(test['text'])   # scored as evaluate_seq2seq scores them, keeping the outputs to count
    chrf = generation_scores(preds, test['target'])['chrf']
    say(f"{b} articles, {mode}, seed {seed}, lr {gcfg.learning_rate:g}, {gcfg.epochs} epochs{', from ' + gcfg.init if gcfg.init else ''}: chrF {chrf:.2f} " +
          (f"(the grid's row: {rows[(b, mode, seed)]['chrf']:.2f}); " if (b, mode, seed) in rows else '(not a grid row); ') +
          f"{len(set(preds))} distinct headlines for {len(preds)} test leads; most common: {Counter(preds).most_common(3)}; "
          f"dev loss by epoch {[round(h['dev_loss'], 3) for h in student.history]} ({student.seconds:.0f} s)")
if a.out: write_provenance(a.out, t_start, name='provenance-students.json')
