"""ΔI per token against temperature on a fixed set of plan prompts, with SmolLM2-135M-Instruct as the generator.

Each temperature samples the same prompts (a `topic_style` plan of Rotten Tomatoes rows, rendered as chat
instructions for the untuned model, the pipeline's prompted-generator form) with the pipeline's top-p 0.95 and
token limit, and scores every sample under the sampler it was drawn from (`plan_information`, `07_bottleneck`).
Beside it, the same samples scored under the untempered model at their own prompt, -log M(x | p): the cross-entropy
that the estimator computed before, which does not follow the temperature down.

example: nice -n 19 python nbs/lab/scripts/delta_i_temperature.py --out results/cpu-2026-12-07/delta-i-temperature"""
import argparse, json, time
from dataclasses import replace
from pathlib import Path
import numpy as np
from synthdiv.core import write_provenance, save_json, rng
from synthdiv.data import RT_TASK
from synthdiv.llm import smollm2, sequence_logprob
from synthdiv.generation import plan_prompts, PlanConfig, GenerationConfig, render_prompt, discover_topics
from synthdiv.data import rotten_tomatoes_pool
from synthdiv.bottleneck import plan_information

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument('--prompts', type=int, default=6, help='plan rows (prompts)')
p.add_argument('--samples', type=int, default=4, help='samples per prompt at each temperature')
p.add_argument('--temperatures', type=float, nargs='+', default=[0.0, 0.3, 0.7, 1.0, 1.3])
p.add_argument('--max-new-tokens', type=int, default=60)
p.add_argument('--out', type=Path, required=True)
a = p.parse_args()
t0 = time.time()
a.out.mkdir(parents=True, exist_ok=True)
llm = smollm2(batch_size=16)
topics = discover_topics(rotten_tomatoes_pool()['text'], k=20, seed=0).names
rows = plan_prompts(RT_TASK, PlanConfig('topic_style', n_topics=a.prompts, per_topic=1, seed=0), topics)
gcfg = GenerationConfig(render='chat', max_new_tokens=a.max_new_tokens)   # top_p 0.95, as the pipeline
out = []
for t in a.temperatures:
    fixed = [{**r, 'temperature': t} for r in rows]
    t1 = time.time()
    est = plan_information(llm, RT_TASK, fixed, gcfg, a.samples, seed=0)
    # the same samples again (same seed), scored under the untempered model at their own prompt
    prompts = [render_prompt(RT_TASK, r, gcfg) for r in fixed for _ in range(a.samples)]
    texts = llm.generate(prompts, temperatures=[t] * len(prompts), top_p=gcfg.top_p, max_new_tokens=a.max_new_tokens,
                         seed=0)
    untempered = -sequence_logprob(llm, prompts, texts)
    row = {'temperature': t, **{k: v for k, v in est.items() if k != 'sampling'}, 'sampling': est['sampling'],
           'untempered_cross_entropy': float(untempered.mean()),
           'untempered_cross_entropy_se': float(untempered.std(ddof=1) / np.sqrt(len(untempered))),
           'seconds': round(time.time() - t1, 1)}
    out.append(row)
    print(json.dumps({k: (round(v, 3) if isinstance(v, float) else v) for k, v in row.items() if k != 'sampling'}),
          flush=True)
save_json({'generator': llm.name, 'prompts': [render_prompt(RT_TASK, r, gcfg) for r in rows], 'rows': out},
          a.out/'delta_i_temperature.json')
write_provenance(a.out, t0, config=vars(a) | {'out': str(a.out)})
print(f'done in {time.time() - t0:.0f} s')
