"""Does SmolLM2, tuned as `synthdiv run --task headlines` tunes its teacher, write parsable (article, headline) pairs?
(issue 32: the probe behind `GENERATION_TEACHER` in `09a_pipeline`.)

Usage: python nbs/lab/scripts/generation_teacher_probe.py LR EPOCHS N

Builds the default headline run's context (`RunConfig(data='bbc_headlines')`: budget 5%, seed 0), tunes its base model
on the budget's training part in the annotate and joint formats at LoRA learning rate LR for up to EPOCHS epochs (the
dev-best kept), then generates joint pairs for N rows spread over the run's own plan with the run's generation config
and prints the filter counts (one JSON line) and the first kept pairs. Made results/cpu-2026-12-07/generation-teacher-probe
(probe-1.txt: 1e-3 2 20; probe-2.txt: 1e-3 4 20) at 761c7b4."""
import sys, time, json, tempfile
from pathlib import Path
from synthdiv.pipeline import RunConfig, RunContext, generation_config
from synthdiv.teacher import TeacherConfig, fine_tune
from synthdiv.generation import generate

lr, epochs, n = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
c = RunContext(RunConfig(data='bbc_headlines'), Path(tempfile.mkdtemp()))
t0 = time.time()
tcfg = TeacherConfig(epochs=epochs, lr=lr, formats=['annotate', 'joint'], max_length=192, seed=0)
teacher = fine_tune(c.base, c.task, c.teacher_train, c.few_dev, tcfg, batch_size=64)
t1 = time.time()
plan = c.plan[::max(1, len(c.plan) // n)][:n]
res = generate(teacher, c.task, plan, Path(tempfile.mkdtemp()), generation_config(c.cfg, c.task), real_texts=[])
print(json.dumps({'lr': lr, 'epochs': epochs, 'best_epoch': teacher.best_epoch, 'counts': res.counts,
                  'tune_s': round(t1 - t0), 'gen_s': round(time.time() - t1)}))
for r in list(res.data)[:4]: print('kept:', repr(r['text'])[:150], '->', repr(r['target'])[:80])
