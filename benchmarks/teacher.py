"""Teacher fine-tuning throughput: synthdiv's loop against the Hugging Face `Trainer` doing the same LoRA training.

Same base model (SmolLM2-135M-Instruct, fp32, CPU), same training pairs (the Rotten Tomatoes budget in the
`annotate` and `conditional` formats, tokenised once by `tokenise_pairs`, loss on the completion), same LoRA
adapters (rank 16 on every projection), same optimiser (AdamW, linear warm-up and decay, gradient clipping at 1),
same learning rate, one epoch, the same number of optimizer steps (the Trainer's batch size is the mean number of
rows in synthdiv's token-budget batches, and it accumulates gradients over as many batches as synthdiv does). synthdiv's time includes its dev loss before and after the epoch (early
stopping's baseline) and the Learner's set-up on `accelerate`; so the Trainer's time includes the same two dev
evaluations (`trainer.evaluate` on the same dev pairs before and after the epoch), as a user early-stopping with it
would run. Throughput is real (non-padding) training tokens per second of that whole time. To show that both did the
same training, the dev loss of each result is measured with the same function.

Peers: `Trainer` with dynamic padding (`DataCollatorForSeq2Seq`), and `Trainer` with length-grouped batches
(`train_sampling_strategy='group_by_length'`, the transformers 5 spelling of `group_by_length=True`).

    python benchmarks/teacher.py [--budget 0.05] [--threads 2]
"""
import argparse, copy, json, time, platform, tempfile
import numpy as np, torch
from synthdiv.core import progress
from synthdiv.data import RT_TASK, rotten_tomatoes, budget_sample
from synthdiv.llm import smollm2
from synthdiv.train import token_batches
from synthdiv.teacher import TeacherConfig, teacher_pairs, tokenise_pairs, teacher_model, teacher_learner, dev_loss

def pairs_dataset(pairs):
    from datasets import Dataset
    return Dataset.from_dict({'input_ids': [x[0] for x in pairs], 'labels': [x[1] for x in pairs],
                              'attention_mask': [[1] * len(x[0]) for x in pairs]})

def trainer_run(base, cfg, train, dev, batch_size, group_by_length=False):
    from transformers import Trainer, TrainingArguments, DataCollatorForSeq2Seq
    model = teacher_model(base, cfg)
    ds, dev_ds = pairs_dataset(train), pairs_dataset(dev)
    steps = int(np.ceil(len(train) / batch_size / cfg.accumulate))
    args = TrainingArguments(output_dir=tempfile.mkdtemp(), per_device_train_batch_size=batch_size, per_device_eval_batch_size=batch_size,
                             gradient_accumulation_steps=cfg.accumulate,
                             num_train_epochs=1,
                             learning_rate=cfg.learning_rate, lr_scheduler_type='linear', warmup_steps=int(cfg.warmup * steps),
                             weight_decay=0.0, max_grad_norm=1.0, logging_steps=10**6, save_strategy='no', report_to=[],
                             use_cpu=True, seed=cfg.seed, dataloader_num_workers=0,
                             train_sampling_strategy='group_by_length' if group_by_length else 'random',
                             disable_tqdm=True)
    trainer = Trainer(model=model, args=args, train_dataset=ds, eval_dataset=dev_ds,
                      data_collator=DataCollatorForSeq2Seq(base.tok, padding=True, label_pad_token_id=-100))
    t0 = time.time()
    trainer.evaluate()   # the baseline early stopping compares the first epoch with
    trainer.train()
    trainer.evaluate()
    return model, time.time() - t0

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--budget', type=float, default=0.05); ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--max-rows', type=int, default=0, help='use only this many training pairs (0 = all)')
    a = ap.parse_args(); torch.set_num_threads(a.threads)
    rt = rotten_tomatoes(); base = smollm2(); tok = base.tok
    cfg = TeacherConfig(epochs=1, patience=1)
    few = budget_sample(rt['train'], a.budget)
    train = tokenise_pairs(tok, teacher_pairs(RT_TASK, few, cfg.formats), cfg.loss_on, cfg.max_length)
    if a.max_rows: train = train[:a.max_rows]
    dev = tokenise_pairs(tok, teacher_pairs(RT_TASK, rt['dev'].select(range(128)), cfg.formats), cfg.loss_on, cfg.max_length)
    real_tokens = sum(len(x[0]) for x in train)
    plan = token_batches([len(x[0]) for x in train], cfg.token_budget, seed=0)
    batch_size = int(round(len(train) / len(plan)))
    results = {}
    learn = teacher_learner(teacher_model(base, cfg), train, dev, cfg, tok.pad_token_id, desc='synthdiv')
    t0 = time.time(); learn.fit(); ours = time.time() - t0; model = learn.model
    results['synthdiv'] = {'seconds': ours, 'dev_loss': dev_loss(model, dev, tok.pad_token_id)}
    for name, grouped in [('Trainer', False), ('Trainer group_by_length', True)]:
        m, s = trainer_run(base, cfg, train, dev, batch_size, grouped)
        results[name] = {'seconds': s, 'dev_loss': dev_loss(m, dev, tok.pad_token_id)}
    before = dev_loss(teacher_model(base, cfg), dev, tok.pad_token_id)
    for r in results.values(): r['tokens_per_s'] = real_tokens / r['seconds']
    print(json.dumps({'cpu': platform.processor() or platform.machine(), 'threads': a.threads, 'train_pairs': len(train),
                      'real_tokens': real_tokens, 'batches': len(plan), 'accumulate': cfg.accumulate, 'trainer_batch_size': batch_size,
                      'dev_loss_before': before, 'results': results}, indent=1))
    for name in ('Trainer', 'Trainer group_by_length'):
        print(f"synthdiv / {name}: {results['synthdiv']['tokens_per_s'] / results[name]['tokens_per_s']:.2f}x tokens/s")

if __name__ == '__main__':
    main()
