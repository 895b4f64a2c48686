"""The decoder-only headline student's learning curve: budgets x seeds, each seed a new draw of the budget.

Usage: python nbs/lab/scripts/headline_curve.py --out results/cpu-2026-12-07/headline-curve
       [--cells 50:0 200:0 all:0 ...] [--layers 0] [--lora-layers 8] [--lead-words 30] [--test-rows 100] [--epochs 2]

A cell is BUDGET:SEED (BUDGET a number of articles or `all`); cells run in the order given.

Each finished student is one line of OUT/curve.jsonl (appended at once); rerunning the same command resumes. The
students' outputs on the test leads go to OUT/outputs/budget-B-seed-S.jsonl. Run it under `nice -n 19`."""
import argparse, json, time
from pathlib import Path
from synthdiv.core import *
from synthdiv.data import *
from synthdiv.student import generation_scores, lead_baseline
from synthdiv.decoder import DecoderConfig, train_decoder, constant_baseline, student_lm

def main():
    p = argparse.ArgumentParser()
    p.add_argument('--out', type=Path, required=True)
    p.add_argument('--cells', nargs='+', default=[f'{b}:{s}' for s in (0, 1, 2) for b in (50, 100, 200, 400, 'all')])
    p.add_argument('--model', default='smollm2')
    p.add_argument('--layers', type=int, default=0)
    p.add_argument('--method', default='lora')
    p.add_argument('--lora-layers', type=int, default=8)
    p.add_argument('--lead-words', type=int, default=30)
    p.add_argument('--test-rows', type=int, default=100)
    p.add_argument('--epochs', type=int, default=2)
    p.add_argument('--lr', type=float, default=1e-3)
    a = p.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out/'outputs').mkdir(exist_ok=True)
    settings = {k: v for k, v in vars(a).items() if k not in ('out', 'cells')}
    if (a.out/'settings.json').exists() and load_json(a.out/'settings.json') != json_roundtrip(settings):
        raise SystemExit(f'{a.out} holds a curve made with other settings: {load_json(a.out/"settings.json")}')
    save_json(settings, a.out/'settings.json')
    done = {(r['budget'], r['seed']) for r in map(json.loads, (a.out/'curve.jsonl').read_text().splitlines())} \
        if (a.out/'curve.jsonl').exists() else set()
    splits = {k: article_leads(v, a.lead_words) for k, v in bbc_headlines().items()}
    test = splits['test'].select(range(min(a.test_rows, len(splits['test']))))
    cfg = DecoderConfig(model=a.model, layers=a.layers, method=a.method, lora_layers=a.lora_layers, epochs=a.epochs,
                        lr=a.lr)
    base, t0 = None, time.time()
    for b, s in (c.split(':') for c in a.cells):
        s = int(s)
        if (b, s) in done: continue
        n = len(splits['train']) if b == 'all' else int(b)
        few = budget_sample(splits['train'], n, seed=s)
        train, dev = split_budget(few, seed=s)
        base = base or student_lm(DecoderConfig(model=a.model))   # the full model, loaded once
        t = time.time()
        st = train_decoder(HEADLINE_TASK, train, dev, DecoderConfig(**{**cfg.to_dict(), 'seed': s}), base=base)
        trained = time.time() - t
        preds = st.generate(test['text'])
        sc = {**generation_scores(preds, test['target']), 'distinct': len(set(preds)), 'n': len(preds)}
        atomic_write(a.out/'outputs'/f'budget-{b}-seed-{s}.jsonl',
                     ''.join(to_json({'lead': l, 'reference': r, 'student': o}) + '\n'
                             for l, r, o in zip(test['text'], test['target'], preds)))
        row = {'budget': b, 'seed': s, 'rows': len(few), 'train': len(train), 'dev': len(dev),
               **{k: sc[k] for k in ('chrf', 'bleu', 'rougeL', 'distinct', 'n')},
               'train_seconds': round(st.seconds, 1), 'wall_seconds': round(time.time() - t, 1),
               'fit_wall_seconds': round(trained, 1), 'best_epoch': st.lm.best_epoch,
               'dev_loss': [round(h['dev_loss'], 4) for h in st.history], 'student': st.lm.name,
               **lead_baseline(test, few), **{k: v for k, v in constant_baseline(test, few, seed=s).items()}}
        with open(a.out/'curve.jsonl', 'a') as f: f.write(to_json(row) + '\n')
        print(f"budget {b} seed {s}: chrF {sc['chrf']:.2f} ROUGE-L {sc['rougeL']:.2f} BLEU {sc['bleu']:.2f} "
              f"(lead {row['lead_chrf']:.2f}/{row['lead_rougeL']:.2f}, constant {row['constant_chrf']:.2f}); "
              f"{sc['distinct']} distinct; trained {st.seconds:.0f} s, {row['wall_seconds']:.0f} s in all", flush=True)
    write_provenance(a.out, t0, config={**settings, 'cells': a.cells})

if __name__ == '__main__': main()
