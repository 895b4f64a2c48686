"""Fine-tuned student speed: synthdiv's `train_student` against the Hugging Face `Trainer` on the same data.

Same model (all-MiniLM-L6-v2 with a fresh classification head, fp32, CPU), same rows (`--rows` Rotten Tomatoes
training reviews; dev: 100 other training reviews; test: `--test` test reviews), same recipe (AdamW, lr 1e-4, weight
decay 0.01, linear warm-up over 10% of steps and decay, gradient clipping at 1, batch size 32, inputs cut at 128
tokens, `--epochs` epochs, dev accuracy after every epoch, the best epoch's weights kept, torch's fused AdamW, which
is the `Trainer`'s default optimiser), the same seeds. What differs is how batches are made and how the best epoch
is kept:

- `synthdiv`: `StudentConfig()` as the pipeline uses it: batches of rows of similar length (padding only to the
  longest row of its group), bf16 autocast where the CPU has fast bf16 kernels (`precision='auto'`), the word
  embeddings frozen, the best epoch kept in memory (early stopping with patience above the epoch count, so every
  epoch runs);
- `synthdiv fp32, embeddings trained`: the same with `precision='fp32', freeze_embeddings=False`, to show what the
  batching alone is worth;
- `Trainer`: random batches padded by `DataCollatorWithPadding`, `eval_strategy='epoch'`,
  `save_strategy='epoch'`, `load_best_model_at_end=True` (how a `Trainer` user keeps the best epoch);
- `Trainer group_by_length`: the same with length-grouped sampling;
- `Trainer group_by_length bf16`: and `bf16=True`, the closest a `Trainer` user gets to ours.

Every arm runs once per seed (`--seeds`), the arms interleaved within a seed so that a slow spell of the shared
machine hits them all. Printed: the median over the seeds of the seconds for the whole fit (evaluations included;
the median, so one run slowed by another job on the machine does not decide the ratio), its ratio to synthdiv's, and
the mean test accuracy of the kept model with its sd over seeds. `--summarise FILE` prints the same from a saved `--out`. synthdiv's seconds include loading the
model and tokenising; a `Trainer`'s start at `trainer.train()`, so the comparison leans towards the `Trainer`.

    python benchmarks/student.py [--rows 512] [--epochs 3] [--test 1066] [--threads 2] [--seeds 0 1 2] [--arms NAME ...] \
        [--out F]
    python benchmarks/student.py --summarise F
"""
import argparse, json, math, os, sys, tempfile, time
from dataclasses import replace
from pathlib import Path
import numpy as np, torch

def trainer_run(path, train, dev, epochs, seed, group_by_length, bf16=False):
    from transformers import (AutoTokenizer, AutoModelForSequenceClassification, Trainer, TrainingArguments,
                              DataCollatorWithPadding)
    from synthdiv.core import seed_everything
    seed_everything(seed)
    tok = AutoTokenizer.from_pretrained(path)
    from synthdiv.student import quiet_load
    with quiet_load(): model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=2)
    enc = lambda ds: ds.map(lambda b: tok(b['text'], truncation=True, max_length=128), batched=True,
                            remove_columns=['text'])
    args = TrainingArguments(output_dir=tempfile.mkdtemp(), per_device_train_batch_size=32,
                             per_device_eval_batch_size=64, num_train_epochs=epochs, learning_rate=1e-4,
                             weight_decay=0.01, warmup_steps=int(0.1 * epochs * math.ceil(len(train) / 32)),
                             lr_scheduler_type='linear', max_grad_norm=1.0,
                             eval_strategy='epoch', save_strategy='epoch', load_best_model_at_end=True,
                             metric_for_best_model='accuracy', save_total_limit=1, report_to=[], use_cpu=True,
                             seed=seed, dataloader_num_workers=0, disable_tqdm=True, logging_strategy='no', bf16=bf16,
                             train_sampling_strategy='group_by_length' if group_by_length else 'random')
    def accuracy(p): return {'accuracy': float((p.predictions.argmax(-1) == p.label_ids).mean())}
    trainer = Trainer(model=model, args=args, train_dataset=enc(train), eval_dataset=enc(dev),
                      data_collator=DataCollatorWithPadding(tok), compute_metrics=accuracy)
    t0 = time.time(); trainer.train(); seconds = time.time() - t0
    return trainer.model.eval(), tok, seconds

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--rows', type=int, default=512); ap.add_argument('--epochs', type=int, default=3)
    ap.add_argument('--test', type=int, default=1066); ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2])
    ap.add_argument('--out', help='also write the results (JSON) to this file')
    ap.add_argument('--arms', nargs='+', help='run only these arms (names as printed; default: all)')
    a, t0 = ap.parse_args(), time.time()
    torch.set_num_threads(a.threads)
    os.environ.setdefault('SYNTHDIV_PROGRESS', '0')
    from synthdiv.data import RT_TASK, rotten_tomatoes
    from synthdiv.llm import minilm_path
    from synthdiv.student import StudentConfig, train_student, evaluate_student, _classifier_proba
    rt = rotten_tomatoes()
    pick = np.random.default_rng(0).permutation(len(rt['train']))
    train, dev = rt['train'].select(pick[:a.rows]), rt['train'].select(pick[a.rows:a.rows + 100])
    test = rt['test'].select(range(a.test))
    cfg = StudentConfig(epochs=a.epochs, patience=a.epochs + 1)
    gold = np.asarray(test['label'])
    arms = [('synthdiv', cfg), ('synthdiv fp32, embeddings trained', replace(cfg, precision='fp32',
                                                                             freeze_embeddings=False))]
    peers = [('Trainer', False, False), ('Trainer group_by_length', True, False),
             ('Trainer group_by_length bf16', True, True)]
    if a.arms:
        arms, peers = [x for x in arms if x[0] in a.arms], [x for x in peers if x[0] in a.arms]
    runs = {name: [] for name in [n for n, _ in arms] + [n for n, *_ in peers]}
    for seed in a.seeds:   # every arm once per seed, arms interleaved so a slow spell of the machine hits them all
        for name, c in arms:
            st = train_student(RT_TASK, train, dev, replace(c, seed=seed))
            runs[name].append({'seed': seed, 'seconds': st.seconds,
                               'test_accuracy': evaluate_student(st, RT_TASK, test)['accuracy']})
        for name, grouped, bf16 in peers:
            model, tok, s = trainer_run(minilm_path(), train.select_columns(['text', 'label']), dev.select_columns(
                ['text', 'label']), a.epochs, seed, grouped, bf16)
            acc = float((_classifier_proba(model, tok, test['text'], 128).argmax(1) == gold).mean())
            runs[name].append({'seed': seed, 'seconds': s, 'test_accuracy': acc})
    results = {n: {'seconds_median': float(np.median([r['seconds'] for r in runs[n]])), 'runs': runs[n]} for n in runs}
    found = {'rows': a.rows, 'epochs': a.epochs, 'test_rows': a.test, 'threads': a.threads, 'seeds': a.seeds,
             'synthdiv_config': cfg.to_dict(), 'results': results}
    if a.out:
        from synthdiv.core import save_json, write_provenance
        save_json(found, a.out)
        write_provenance(Path(a.out).parent, t0, ['python', *sys.argv], name=f'provenance-{Path(a.out).stem}.json')
    summarise(found)

def summarise(found:dict):
    "Print each arm's median seconds over its seeds (robust to a slow spell), its ratio to synthdiv, and accuracy."
    res, n = found['results'], len(found['seeds'])
    def acc(name):
        accs = [r['test_accuracy'] for r in res[name]['runs']]
        return f"{np.mean(accs):.3f} (sd {np.std(accs, ddof=1) if n > 1 else 0:.3f})"
    median = lambda name: float(np.median([r['seconds'] for r in res[name]['runs']]))
    for name in res:
        ratio = f"; {median(name) / median('synthdiv'):.2f}x synthdiv's" if name != 'synthdiv' else ''
        print(f"{name}: median {median(name):.1f} s over {n} seeds{ratio}; test accuracy, mean over seeds {acc(name)}")
    print(f"(one run's test-set SE about {np.sqrt(0.25 / found['test_rows']):.3f})")

if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--summarise': summarise(json.load(open(sys.argv[2])))
    else: main()
