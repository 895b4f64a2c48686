"""Diversity against student accuracy (Chen et al. 2024), and ΔI against gain (Gan & Liu 2024), at a chosen scale.

The same experiment as the slow cells of `nbs/09_experiments.ipynb`, as a script for a bigger machine:

    python nbs/lab/scripts/diversity_experiment.py --out runs/dva --rows 500 --student finetune --seeds 0 1 2 --agent-rounds 50

The teacher is tuned on the 5% Rotten Tomatoes budget (cached by its hash). Each prompt plan's data is generated
into OUT/plans/NAME in shards, so an interrupted run resumes without generating anything twice; OUT/table.csv
holds every diversity score, ΔI and the student's accuracy per plan, and OUT/correlations.csv the Spearman and
Pearson correlation of each score with accuracy (bootstrap 90% intervals). With `--agent-rounds N` (default 10) the
table has the cluster-agent score too, judged by the untuned SmolLM2-135M-Instruct with the small-judge settings of
`nbs/06_cluster_agent.ipynb` (N rounds of 6 texts per dataset); `--agent-rounds 0` leaves it out.
Models run on `default_device()`.
"""
import argparse, json, time
from pathlib import Path
from synthdiv.core import *
from synthdiv.data import *
from synthdiv.llm import smollm2, load_embedder, tiny_llm, tiny_embedder
from synthdiv.teacher import TeacherConfig, fine_tune
from synthdiv.generation import discover_topics, plan_prompts, PlanConfig, GenerationConfig, generate, teacher_prompt, TEMPLATES
from synthdiv.bottleneck import prompt_information
from synthdiv.cluster_agent import AgentConfig
from synthdiv.student import StudentConfig
from synthdiv.experiments import diversity_vs_accuracy, metric_correlations


def plans(rows: int) -> dict:
    "Eight plans of `rows` prompts: the five templates, then few/many topics and a low temperature."
    g = max(1, rows // 10)
    out = {t: PlanConfig(t, n_topics=10, per_topic=g, temperature=[0.7, 1.2], seed=i) for i, t in enumerate(TEMPLATES)}
    out.update({'topic T=2': PlanConfig('topic', 2, max(1, rows // 2), temperature=[0.7, 1.2], seed=11),
                'topic T=20': PlanConfig('topic', 20, max(1, rows // 20), temperature=[0.7, 1.2], seed=12),
                'topic_style t=0.5': PlanConfig('topic_style', 10, g, temperature=0.5, seed=13)})
    return out


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--out', type=Path, default=Path('runs/dva'))
    p.add_argument('--rows', type=int, default=100, help='prompts per plan')
    p.add_argument('--student', choices=['frozen', 'finetune'], default='frozen')
    p.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2])
    p.add_argument('--info-prompts', type=int, default=12, help='prompts per plan for ΔI')
    p.add_argument('--info-samples', type=int, default=4, help='samples per prompt for ΔI')
    p.add_argument('--agent-rounds', type=int, default=10, help='cluster-agent rounds per dataset (0: no cluster-agent score)')
    p.add_argument('--profile', choices=['default', 'tiny'], default='default', help='tiny random models, for a check that takes a few minutes')
    a = p.parse_args(argv)
    a.out.mkdir(parents=True, exist_ok=True); t0 = time.time()
    print(f'device: {default_device()}', flush=True)
    rt, pool = rotten_tomatoes(), rotten_tomatoes_pool(); few = budget_sample(rt['train'], 0.05)
    tiny = a.profile == 'tiny'
    base = tiny_llm() if tiny else smollm2(batch_size=64)
    teacher = fine_tune(base, RT_TASK, few, rt['dev'],
                        TeacherConfig(epochs=1, lr=3e-3) if tiny else TeacherConfig(), batch_size=64)
    topics = discover_topics(pool['text'], k=6 if tiny else 20, seed=0)
    real_texts = list(rt['train']['text']) + list(rt['dev']['text']) + list(rt['test']['text'])
    synthetic, info = {}, {}
    for name, pc in plans(a.rows).items():
        plan = plan_prompts(RT_TASK, pc, topics.names)
        synthetic[name] = generate(teacher, RT_TASK, plan, a.out/'plans'/name.replace(' ', '_').replace('=', ''),
                                   GenerationConfig(max_new_tokens=60), real_texts=real_texts).data
        sub = [plan[i] for i in rng(0).choice(len(plan), min(a.info_prompts, len(plan)), replace=False)]
        est = prompt_information(teacher, [teacher_prompt(RT_TASK, r) for r in sub], a.info_samples, max_new_tokens=48, stop=['\n'])
        info[name] = {'delta_I': est['delta_I']}
        print(f'{name}: {len(synthetic[name])} kept, ΔI {est["delta_I"]:.1f}  ({time.time() - t0:.0f} s)', flush=True)
    test = rt['test'].select(range(200)) if tiny else rt['test']
    agent = AgentConfig(M=4, J=4, K=6, N=a.agent_rounds, compact=True, retries=1, max_new_tokens=150, max_chars=300)
    table = diversity_vs_accuracy(synthetic, few, rt['dev'], test, tiny_embedder() if tiny else load_embedder(),
                                  StudentConfig(mode=a.student, model='tiny' if tiny else 'minilm'), seeds=a.seeds, extra=info,
                                  judge=base if a.agent_rounds > 0 else None, agent=agent)
    table.to_csv(a.out/'table.csv', index=False)
    corr = metric_correlations(table); corr.to_csv(a.out/'correlations.csv', index=False)
    print(table.round(3).to_string(index=False)); print(corr.round(2).to_string(index=False))
    print(f'total {time.time() - t0:.0f} s', flush=True)
    write_provenance(a.out, t0, rows=a.rows, student=a.student, seeds=a.seeds)


if __name__ == '__main__': main()
