"""The cluster agent's answer schema as the paper defines it (06_cluster_agent): each cluster with its metadata values
and 1-5 metric scores. Run on BBC snippets drawn from 1, 3 and 5 topics by the keyword judge (a stand-in that always
answers in form) and by SmolLM2-135M-Instruct, the embedded judge, with the pipeline's small-judge settings (reply budget --max-new-tokens); counts
per judge and form: rounds asked, readable, scored, clusters the judge formed, and the shares of metadata values and
metric scores it filled.

example: nice -n 19 python nbs/lab/scripts/cluster_agent_schema.py --rounds 8 --out results/cpu-2026-12-07/cluster-agent-schema"""
import argparse, time
from pathlib import Path
from synthdiv.core import write_provenance, save_json
from synthdiv.data import bbc_news
from synthdiv.llm import smollm2
from synthdiv.fixtures import KeywordJudge
from synthdiv.diversity import topic_ladder
from synthdiv.cluster_agent import AgentConfig, discover_criteria, cluster_score, cluster_agreement

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument('--rounds', type=int, default=8, help='clustering rounds per corpus (N)')
p.add_argument('--K', type=int, default=6)
p.add_argument('--size', type=int, default=60, help='snippets per corpus')
p.add_argument('--max-new-tokens', type=int, default=150, help="the small judge's reply budget")
p.add_argument('--out', type=Path, required=True)
a = p.parse_args()
t0 = time.time()
a.out.mkdir(parents=True, exist_ok=True)
bbc = bbc_news()['train']
snippets = [t[:300] for t in bbc['text']]
ladder = {k: v for k, v in topic_ladder(snippets, bbc['label'], size=a.size, seed=0).items() if k in (1, 3, 5)}
gold = dict(zip(snippets, bbc['label']))
small = dict(M=3, J=4, K=a.K, N=a.rounds, retries=1, max_chars=300, seed=0)
runs = {('keyword judge', 'json'): (KeywordJudge(['government', 'market', 'film', 'game', 'technology']),
                                    AgentConfig(**small)),
        ('keyword judge', 'compact'): (KeywordJudge(['government', 'market', 'film', 'game', 'technology']),
                                       AgentConfig(**small, compact=True)),
        ('SmolLM2-135M-Instruct', 'compact'): (smollm2(batch_size=16), AgentConfig(**small, compact=True,
                                                                                   max_new_tokens=a.max_new_tokens))}
out = []
for (name, form), (judge, cfg) in runs.items():
    t1 = time.time()
    crit = discover_criteria(judge, list(ladder.values()), cfg)
    for topics, texts in ladder.items():
        res = cluster_score(judge, texts, crit, cfg)
        d = res.to_dict()
        readable = sum(r['groups'] is not None and len(r['groups']) > 0 for r in res.rounds)
        row = {'judge': name, 'form': form, 'topics': topics, 'rounds': d['rounds'], 'readable_rounds': readable,
               'scored_rounds': d['scored_rounds'], 'score': d['score'], 'sd': d['sd'], 'spread': d['spread'],
               'N': d['N'], 'K': d['K'], **{f'labels_{k}': v for k, v in d['labels'].items()},
               'ari': cluster_agreement(res, [gold[t] for t in texts])['ari'],
               'failures': d['judge']['failures'], 'criteria': crit.criteria, 'metadata': list(crit.metadata),
               'metrics': list(crit.metrics),
               'example_round': [{'texts': g[0], 'reason': g[1], 'labels': g[2]} for g in
                                 next((r['groups'] for r in res.rounds if r['groups']), [])]}
        out.append(row)
        save_json(out, a.out/'cluster_agent_schema.json')   # after every corpus: a long run keeps what it did
        print({k: row[k] for k in ('judge', 'form', 'topics', 'readable_rounds', 'scored_rounds', 'labels_clusters',
                                   'labels_metadata_filled', 'labels_metrics_filled')}, flush=True)
    print(f'{name} ({form}): {time.time() - t1:.0f} s', flush=True)
save_json(out, a.out/'cluster_agent_schema.json')
write_provenance(a.out, t0, config=vars(a) | {'out': str(a.out)})
print(f'done in {time.time() - t0:.0f} s')
