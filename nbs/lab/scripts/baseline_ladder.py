"""Chen et al.'s seven baseline metrics on the BBC topic ladder (05_diversity): corpora drawn evenly from 1 to 5 of
BBC News's topics, several draws; for each metric the Spearman correlation of its value (oriented so higher = more
diverse) with the number of topics, per draw, with the mean and a 90% bootstrap interval over draws.

Context length is in SmolLM2's tokens, perplexity under SmolLM2-135M-Instruct (each text scored once, cached), the
k-means score on all-MiniLM-L6-v2 embeddings; the perplexity gap needs Gemma-3-270M (optional package) and is left
out with a note when it is not installed. Candidate k-means scalars are reported beside the library's, so the choice
of definition can be read off the same ladder.

example: nice -n 19 python nbs/lab/scripts/baseline_ladder.py --draws 5 --size 100 --out results/cpu-2026-12-07/baseline-ladder
(`--metrics perplexity perplexity_gap` computes those alone, on the same corpora: the draws are seeded.)"""
import argparse, time
from pathlib import Path
import numpy as np, pandas as pd
from scipy.stats import spearmanr
from sklearn.cluster import KMeans
from synthdiv.core import write_provenance, save_json, rng
from synthdiv.data import bbc_news
from synthdiv.llm import smollm2, load_embedder, has_gemma3, gemma3
from synthdiv.diversity import (topic_ladder, compare, ordering_quality, model_metrics, embed, _unit, _entropy_q,
                                BASELINES, LEXICAL, EMBEDDING)

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument('--draws', type=int, default=5)
p.add_argument('--size', type=int, default=100, help='texts per corpus')
p.add_argument('--chars', type=int, default=300, help='each article cut to its first CHARS characters (0: whole)')
p.add_argument('--kmeans-k', type=int, nargs='+', default=[5, 10, 25])
p.add_argument('--metrics', nargs='+', help='only these metrics, without the k-means candidates (default: all)')
p.add_argument('--out', type=Path, required=True)
a = p.parse_args()
t0 = time.time()
a.out.mkdir(parents=True, exist_ok=True)
bbc = bbc_news()['train']
texts = [t[:a.chars] if a.chars else t for t in bbc['text']]
llm, emb = smollm2(batch_size=32), load_embedder()
second = gemma3(batch_size=8) if has_gemma3() else None
model, note = model_metrics(llm, second)
print(note, flush=True)
metrics = [m for m in BASELINES if m in model or m not in ('context_length', 'perplexity', 'perplexity_gap')]
metrics += [m for m in LEXICAL + EMBEDDING if m not in metrics]   # the extras, for comparison
if a.metrics: metrics = [m for m in metrics if m in a.metrics]

def kmeans_candidates(X, ks, seed=0) -> dict:
    "Two k-means scalars per k: exp(entropy of the cluster sizes) / k and the mean inertia (the library's default)."
    X, out = _unit(X), {}
    for k in ks:
        km = KMeans(n_clusters=k, n_init='auto', random_state=seed).fit(X)
        out[f'kmeans_size_entropy_k{k}'] = float(np.exp(_entropy_q(np.bincount(km.labels_, minlength=k) / len(X))) / k)
        out[f'kmeans_inertia_k{k}'] = float(km.inertia_ / len(X))
    return out

rows, values = [], []
for d in range(a.draws):
    t1 = time.time()
    ladder = topic_ladder(texts, bbc['label'], size=a.size, seed=d)
    table = compare(ladder, metrics=metrics, embedder=emb, llm=llm, llm_b=second, tokenizer=llm.tok)
    cand = {} if a.metrics else {k: kmeans_candidates(embed(v, emb), a.kmeans_k) for k, v in ladder.items()}
    extra = pd.DataFrame([{'metric': m, 'corpus': k, 'mean': c[m], 'higher_is_more_diverse': True}
                          for k, c in cand.items() for m in c])
    if len(extra): table = pd.concat([table, extra], ignore_index=True)
    values.append(table.assign(draw=d))
    q = ordering_quality(table).assign(draw=d)
    rows.append(q)
    print(f'draw {d}: {time.time() - t1:.0f} s', flush=True)
per_draw = pd.concat(rows, ignore_index=True)
pd.concat(values, ignore_index=True).to_csv(a.out/'values.csv', index=False)
per_draw.to_csv(a.out/'rho_per_draw.csv', index=False)
g = rng(0)
def boot(r): return np.percentile([g.choice(r, len(r)).mean() for _ in range(2000)], [5, 95]).round(2).tolist()
summary = per_draw.groupby('metric', sort=False).spearman_rho.agg(
    mean='mean', sd='std', low=lambda r: boot(r.to_numpy())[0], high=lambda r: boot(r.to_numpy())[1])
summary['baseline'] = [m in BASELINES for m in summary.index]
summary = summary.sort_values('mean', ascending=False)
summary.to_csv(a.out/'rho_summary.csv')
save_json({'note': note, 'draws': a.draws, 'size': a.size, 'chars': a.chars,
           'models': {'perplexity': llm.name, 'embeddings': 'all-MiniLM-L6-v2'}}, a.out/'setup.json')
print(summary.round(2).to_string())
write_provenance(a.out, t0, config=vars(a) | {'out': str(a.out)})
print(f'done in {time.time() - t0:.0f} s')
