"""Synthetic samples per second, end to end: prompt plan -> generation -> parsing and filters, on this CPU.

The generator is SmolLM2-135M-Instruct LoRA-tuned on the 5% Rotten Tomatoes budget (the teacher of `03_teacher`,
trained here if it is not cached; training time is not counted). The plan uses the
`topic_style_persona` template with a temperature schedule; the filters check every sample against all 12,752 real
reviews. Reported: seconds and samples per second for generation, for parsing + filtering, and end to end, and,
side by side, the same plan generated with one `generate` call per distinct temperature in each shard (what the
generic path does for backends without per-row temperatures). The prompts and the number of samples are the same;
the samples themselves differ (each call draws with its own seed), so only time is compared there.

    python benchmarks/synthetic.py [--n 256] [--batch-size 64]
"""
import argparse, json, tempfile, time
from pathlib import Path
import numpy as np
from synthdiv.core import rng
from synthdiv.data import RT_TASK, rotten_tomatoes, rotten_tomatoes_pool, budget_sample
from synthdiv.llm import smollm2
from synthdiv.teacher import TeacherConfig, fine_tune
from synthdiv import generation as G

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--n', type=int, default=256); ap.add_argument('--batch-size', type=int, default=64)
    a = ap.parse_args()
    rt, pool = rotten_tomatoes(), rotten_tomatoes_pool(); few = budget_sample(rt['train'], 0.05)
    topics = G.discover_topics(pool['text'], k=20, seed=0)
    teacher = fine_tune(smollm2(batch_size=32), RT_TASK, few, rt['dev'], TeacherConfig(), batch_size=a.batch_size)
    real = list(rt['train']['text']) + list(rt['dev']['text']) + list(rt['test']['text'])
    plan = G.plan_prompts(RT_TASK, G.PlanConfig('topic_style_persona', n_topics=a.n // 8, per_topic=8, temperature=[0.7, 1.2], seed=7), topics.names)
    cfg = G.GenerationConfig(max_new_tokens=60, shard_size=a.batch_size)
    out = Path(tempfile.mkdtemp())
    t0 = time.time(); raw = G.run_sharded(out, plan, G._generate_work(teacher, RT_TASK, cfg), {'bench': 1}, cfg.shard_size); t_gen = time.time() - t0
    t0 = time.time(); kept, rejected = G._assemble(teacher, RT_TASK, raw, real, G.FilterConfig(), cfg); t_filter = time.time() - t0
    # peer: one call per distinct temperature in each shard (what the generic path does for backends without per-row temperatures)
    class Wrapped:   # hides LocalLM so the per-temperature path is taken
        def __init__(self, llm): self.llm, self.name = llm, llm.name + '/per-temperature'
        def generate(self, prompts, **kw): return self.llm.generate(prompts, **kw)
    t0 = time.time(); raw2 = G.run_sharded(Path(tempfile.mkdtemp()), plan, G._generate_work(Wrapped(teacher), RT_TASK, cfg), {'bench': 2}, cfg.shard_size)
    t_peer = time.time() - t0
    reasons = {}
    for r in rejected: reasons[r['reason']] = reasons.get(r['reason'], 0) + 1
    n = len(plan)
    print(json.dumps({'samples': n, 'kept': len(kept), 'rejected': reasons, 'generate_s': round(t_gen, 1),
                      'filter_s': round(t_filter, 2), 'end_to_end_samples_per_s': round(n / (t_gen + t_filter), 3),
                      'generate_samples_per_s': round(n / t_gen, 3), 'filter_samples_per_s': round(n / t_filter, 1),
                      'per_temperature_calls_s': round(t_peer, 1)}, indent=1))
    print(f'per-row temperatures vs one call per temperature: {t_peer / t_gen:.2f}x faster generation')

if __name__ == '__main__':
    main()
