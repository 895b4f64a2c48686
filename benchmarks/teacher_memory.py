"""Peak memory of teacher fine-tuning: how many padded tokens go through one forward pass, against the `Trainer`.

Each arm runs in a fresh process (peak RSS is per process, and glibc keeps what it once allocated), on the same
training pairs (the Rotten Tomatoes 5% budget's training part, `annotate` and `conditional` formats, at most
`--max-rows`), the same dev pairs, LoRA on SmolLM2-135M-Instruct in fp32, one epoch:

- `synthdiv 2048x1`: one forward pass of at most 2,048 padded tokens per optimiser step (the old default);
- `synthdiv 512x4`: four passes of at most 512 tokens, gradients summed, one step (`TeacherConfig()` now);
- `Trainer 512x4`: the Hugging Face `Trainer` with the mean rows of those 512-token batches per device batch and
  `gradient_accumulation_steps=4`, dynamic padding.

Printed per arm: peak RSS (GB), seconds for the epoch with its two dev evaluations, and the dev loss after it
(measured by one function for all arms, so the arms can be seen to train equally well).

    python benchmarks/teacher_memory.py [--max-rows 160] [--threads 2]
"""
import argparse, json, os, resource, subprocess, sys, time
from dataclasses import replace

ARMS = {'synthdiv 2048x1': (2048, 1, False), 'synthdiv 512x4': (512, 4, False), 'Trainer 512x4': (512, 4, True)}

def arm(name, max_rows, threads):
    import torch
    from synthdiv.data import RT_TASK, rotten_tomatoes, budget_sample, split_budget
    from synthdiv.llm import smollm2
    from synthdiv.train import token_batches
    from synthdiv.teacher import TeacherConfig, teacher_pairs, tokenise_pairs, teacher_model, teacher_learner, dev_loss
    torch.set_num_threads(threads)
    budget, accumulate, trainer = ARMS[name]
    cfg = replace(TeacherConfig(epochs=1), token_budget=budget, accumulate=accumulate)
    base = smollm2(); tok = base.tok
    few, dev = split_budget(budget_sample(rotten_tomatoes()['train'], 0.05))
    pairs = lambda rows: tokenise_pairs(tok, teacher_pairs(RT_TASK, rows, cfg.formats), cfg.loss_on, cfg.max_length)
    train, devp = pairs(few)[:max_rows], pairs(dev.select(range(min(32, len(dev)))))
    t0 = time.time()
    if trainer:
        sys.path.insert(0, os.path.dirname(__file__))
        from teacher import trainer_run
        plan = token_batches([len(x[0]) for x in train], budget, seed=0)
        model, _ = trainer_run(base, cfg, train, devp, int(round(len(train) / len(plan))))
    else:
        learn = teacher_learner(teacher_model(base, cfg), train, devp, cfg, tok.pad_token_id, desc=name)
        learn.fit(); model = learn.model
    seconds = time.time() - t0
    return {'arm': name, 'pairs': len(train), 'seconds': round(seconds, 1),
            'dev_loss': round(dev_loss(model, devp, tok.pad_token_id), 4),
            'peak_rss_gb': round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6, 2)}

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--max-rows', type=int, default=160); ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--arm', choices=list(ARMS), help=argparse.SUPPRESS)
    a = ap.parse_args()
    os.environ.setdefault('SYNTHDIV_PROGRESS', '0')
    if a.arm: return print(json.dumps(arm(a.arm, a.max_rows, a.threads)))
    rows = []
    for name in ARMS:
        out = subprocess.run([sys.executable, __file__, '--arm', name, '--max-rows', str(a.max_rows),
                              '--threads', str(a.threads)], capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1])); print(json.dumps(rows[-1]))
    old, new, peer = rows
    print(f"synthdiv 512x4 peak RSS / 2048x1: {new['peak_rss_gb'] / old['peak_rss_gb']:.2f}x; "
          f"/ Trainer 512x4: {new['peak_rss_gb'] / peer['peak_rss_gb']:.2f}x; "
          f"time / Trainer: {new['seconds'] / peer['seconds']:.2f}x")

if __name__ == '__main__':
    main()
