"""Speed of synthdiv's diversity metrics against the peers a user would otherwise use, on the same real texts, in one run.

Corpus: real sentences (Rotten Tomatoes critic snippets, then sentences of BBC News articles and of the Rotten Tomatoes
plot summaries), the first n for each size; the 100k row tiles that pool (about 60k sentences), which only matters
for the lexical metrics' values, not for their cost. Embedding metrics run on all-MiniLM-L6-v2 vectors of the 20k
corpus, tiled to larger n.

Peers (installed by tools/setup.sh): nltk `sentence_bleu` (Texygen self-BLEU), fast-bleu's `SelfBLEU` (C++), the
`diversity` package (self-repetition, n-gram diversity, compression ratio, ROUGE-L homogenisation), vendi-score
(`score_dual`, the embedding form; `single_ngram_diversity` for distinct-n), scikit-learn `cosine_distances` (what
`diversity.remote_clique` computes after encoding), sentence-transformers `encode`.

Quadratic peers that would take hours (nltk self-BLEU, `diversity` homogenisation) are timed on a random subset of
rows, each row costing the same against the whole corpus, and extrapolated: time(M rows) x n / M; they are marked
"~". Every value is checked against the peer's (to 1e-6, or after the peer's rounding to 3 places).
Times are of untraced calls; peak memory is tracemalloc's peak of Python and numpy allocations (not BLAS or torch
internals) in a second, traced call ('-' where that call would take over 15 s). The sub-second embedding metrics, ours
and the peers, are called once before timing (threadpoolctl and BLAS set-up). numpy's bundled OpenBLAS segfaults on
this machine on any 20,000 x 20,000 matrix product with two threads (`X @ X.T` alone does), so the scikit-learn peer,
which forms that matrix, runs with one BLAS thread at n >= 20,000; ours never forms it.

    python benchmarks/diversity.py [--sizes 1000 5000 20000] [--big 100000] [--rows 20] [--embed-n 2000] [--skip-lexical]
"""
import argparse, importlib.util, time, tracemalloc, re, sys
from pathlib import Path
import numpy as np

# this file is called diversity.py, like the peer package: keep its folder off the import path
sys.path = [p for p in sys.path if Path(p or '.').resolve() != Path(__file__).resolve().parent]

def peer_module(name):
    root = Path(importlib.util.find_spec('diversity').submodule_search_locations[0])
    spec = importlib.util.spec_from_file_location(f'_diversity_{name}', root/f'{name}.py')
    m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); return m

def real_sentences():
    from synthdiv.data import rotten_tomatoes, bbc_news, _rt_frame
    rt = rotten_tomatoes(); out = [t for s in ('train', 'dev', 'test') for t in rt[s]['text']]
    split = lambda t: [s.strip() for s in re.split(r'(?<=[.!?])\s+', t) if len(s.split()) >= 4]
    for part in bbc_news().values():
        for a in part['text']: out += split(a.split('\n', 1)[-1])
    plots = _rt_frame(); out += [s for t in plots[plots.category == 'plot'].text for s in split(t)]
    return list(dict.fromkeys(out))   # distinct, in a fixed order

def timed(f, memory=True, max_traced=15.0):
    "Value, seconds (untraced), and tracemalloc's peak MiB from a second, traced call (skipped past `max_traced` s)."
    t = time.perf_counter(); v = f(); dt = time.perf_counter() - t
    if not memory or dt > max_traced: return v, dt, None
    tracemalloc.start(); f(); peak = tracemalloc.get_traced_memory()[1] / 2**20; tracemalloc.stop()
    return v, dt, peak

def extrapolated(row_fn, n, rows, seed=0):
    "Mean of row_fn(i) over a random subset of rows, and the time for all n rows extrapolated from it."
    idx = np.random.default_rng(seed).choice(n, min(rows, n), replace=False)
    t = time.perf_counter(); vals = [row_fn(int(i)) for i in idx]; dt = time.perf_counter() - t
    return float(np.mean(vals)), dt * n / len(idx), idx, vals

class Table:
    def __init__(self): self.rows = []
    def add(self, metric, n, peer, t_peer, t_ours, m_peer, m_ours, check, approx=False):
        ratio = t_peer / t_ours if t_ours > 0 else float('inf')
        self.rows.append((metric, n, peer, ('~' if approx else '') + f'{t_peer:.2f}', f'{t_ours:.3f}', f'{ratio:,.0f}x' if ratio >= 10 else f'{ratio:.1f}x',
                          f'{m_peer:.0f}' if m_peer is not None else '-', f'{m_ours:.0f}' if m_ours is not None else '-', check))
        print(' | '.join(map(str, self.rows[-1])), flush=True)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--sizes', type=int, nargs='+', default=[1000, 5000, 20000]); ap.add_argument('--big', type=int, default=100000)
    ap.add_argument('--rows', type=int, default=20); ap.add_argument('--embed-n', type=int, default=2000)
    ap.add_argument('--skip-lexical', action='store_true', help='skip the lexical rows at --sizes (embedding and --big rows only)')
    a = ap.parse_args()
    from synthdiv import diversity as D
    from nltk.translate.bleu_score import sentence_bleu, SmoothingFunction
    from fast_bleu import SelfBLEU
    from rouge_score import rouge_scorer
    from vendi_score import vendi as V, text_utils
    from sklearn.metrics.pairwise import cosine_distances
    sr, ng, cr, hom = (peer_module(m) for m in ('self_repetition', 'ngram_diversity', 'compression', 'homogenization'))
    pool = real_sentences(); print(f'real sentence pool: {len(pool)} distinct sentences', flush=True)
    T = Table()
    print('metric | n | peer | peer s | ours s | ratio | peer MiB | ours MiB | check')
    for n in ([] if a.skip_lexical else a.sizes):
        texts = pool[:n]; docs = [t.split() for t in texts]
        # self-BLEU
        ours, t_o, m_o = timed(lambda: D.self_bleu_scores(texts))
        sf = SmoothingFunction().method1
        mean, t_p, idx, vals = extrapolated(lambda i: sentence_bleu(docs[:i] + docs[i+1:], docs[i], smoothing_function=sf), n, a.rows)
        T.add('self-BLEU-4', n, 'nltk', t_p, t_o, None, m_o, f'max diff {np.abs(ours[idx] - vals).max():.0e} ({len(idx)} rows)', approx=len(idx) < n)
        fb, t_p, m_p = timed(lambda: SelfBLEU(docs, {'4': (0.25,) * 4}).get_score()['4'])
        T.add('self-BLEU-4', n, 'fast-bleu', t_p, t_o, m_p, m_o, f'max diff {np.abs(ours - fb).max():.0e}')
        # homogenisation (exact), peer per row
        sc = rouge_scorer.RougeScorer(['rougeL'])
        ours, t_o, m_o = timed(lambda: D.homogenization(texts, show_progress=False))
        mean, t_p, idx, vals = extrapolated(lambda i: sum(sc.score(p, texts[i])['rougeL'].fmeasure for j, p in enumerate(texts) if j != i) / (n - 1), n, max(2, a.rows // 4))
        T.add('homogenization ROUGE-L', n, 'diversity', t_p, t_o, None, m_o, f'mean of {len(idx)} rows {mean:.4f} vs ours {ours:.4f} (all rows)', approx=True)
        # self-repetition, n-gram diversity, compression
        ours, t_o, m_o = timed(lambda: D.self_repetition(texts)); peer, t_p, m_p = timed(lambda: sr.self_repetition_score(texts, verbose=False))
        T.add('self-repetition', n, 'diversity', t_p, t_o, m_p, m_o, f'diff {abs(ours - peer):.0e}')
        ours, t_o, m_o = timed(lambda: D.ngram_diversity(texts)); peer, t_p, m_p = timed(lambda: ng.ngram_diversity_score(texts, 4))
        T.add('n-gram diversity', n, 'diversity', t_p, t_o, m_p, m_o, f'{round(ours, 3)} == {peer}: {round(ours, 3) == peer}')
        ours, t_o, m_o = timed(lambda: D.compression_ratio(texts, double=True)); peer, t_p, m_p = timed(lambda: cr.compression_ratio(texts))
        T.add('compression ratio', n, 'diversity', t_p, t_o, m_p, m_o, f'{round(ours, 3)} == {peer}: {round(ours, 3) == peer}')
        ours, t_o, m_o = timed(lambda: D.distinct_n(texts, 2)); peer, t_p, m_p = timed(lambda: text_utils.single_ngram_diversity(texts, 2, tokenizer=str.split))
        T.add('distinct-2', n, 'vendi-score', t_p, t_o, m_p, m_o, f'diff {abs(ours - peer):.0e}')
    # embeddings: ours vs sentence-transformers encode, same model and texts
    from synthdiv.llm import load_embedder
    model = load_embedder(); sample = pool[:a.embed_n]
    model.encode(sample[:50])
    ref, t_p, _ = timed(lambda: model.encode(sample, normalize_embeddings=True), memory=False)
    model.encode(sample[:50]); D.embed(sample[:50], model, cache=False)          # warm-up, both
    ours, t_o, _ = timed(lambda: D.embed(sample, model, cache=False), memory=False)
    T.add('MiniLM encoding', a.embed_n, 'sentence-transformers encode', t_p, t_o, None, None,
          f"min cosine {(ref * ours).sum(1).min():.7f} ({'bf16' if D.bf16_supported() else 'fp32'})")
    ours32, t_o, _ = timed(lambda: D.embed(sample, model, cache=False, precision='fp32'), memory=False)
    T.add('MiniLM encoding (fp32)', a.embed_n, 'sentence-transformers encode', t_p, t_o, None, None, f'min cosine {(ref * ours32).sum(1).min():.7f}')
    X20 = D.embed(pool[:max(a.sizes)], model)   # cached after the first run
    from threadpoolctl import threadpool_limits
    warm = X20[:500].astype(np.float64)
    D.vendi(warm); V.score_dual(warm); D.mean_cosine_distance(warm); cosine_distances(warm)
    def sklearn_mean_distance(X):
        if len(X) < 20000: return float(np.mean(np.mean(cosine_distances(X), axis=1)))
        with threadpool_limits(1): return float(np.mean(np.mean(cosine_distances(X), axis=1)))
    for n in a.sizes + [a.big]:
        X = np.tile(X20, (int(np.ceil(n / len(X20))), 1))[:n].astype(np.float64)
        ours, t_o, m_o = timed(lambda: D.vendi(X)); peer, t_p, m_p = timed(lambda: V.score_dual(X))
        T.add('Vendi (embeddings)', n, 'vendi-score score_dual', t_p, t_o, m_p, m_o, f'diff {abs(ours - peer):.0e}')
        ours, t_o, m_o = timed(lambda: D.mean_cosine_distance(X))
        if n <= 20000:
            peer, t_p, m_p = timed(lambda: sklearn_mean_distance(X))
            T.add('mean cosine distance', n, 'sklearn cosine_distances' + (' (1 BLAS thread)' if n >= 20000 else ''), t_p, t_o, m_p, m_o, f'diff {abs(ours - peer):.0e}')
        else: print(f'mean cosine distance | {n} | (peer needs an n x n matrix: {n*n*8/2**30:.0f} GiB) | - | {t_o:.3f} | - | - | {m_o:.0f} | -')
    # everything of ours at the big size
    big = (pool * int(np.ceil(a.big / len(pool))))[:a.big]
    Xb = np.tile(X20, (int(np.ceil(a.big / len(X20))), 1))[:a.big]
    print(f'\nours at n = {a.big} (lexical on tiled real sentences, embedding metrics on tiled real vectors):')
    jobs = {'self-BLEU-4': lambda: D.self_bleu(big), 'self-repetition': lambda: D.self_repetition(big),
            'n-gram diversity': lambda: D.ngram_diversity(big), 'compression ratio': lambda: D.compression_ratio(big),
            'distinct-2': lambda: D.distinct_n(big, 2), 'homogenization (sampled, 20k pairs)': lambda: D.homogenization_sampled(big, 20000),
            'n-gram Vendi (3 subsamples of 3k)': lambda: D.ngram_vendi(big), 'Vendi': lambda: D.vendi(Xb),
            'mean cosine distance': lambda: D.mean_cosine_distance(Xb), 'k-means score (k=10)': lambda: D.kmeans_score(Xb, 10),
            'context length (SmolLM2 tokenizer)': lambda: D.context_length(big, smol_tok)}
    from transformers import AutoTokenizer
    from synthdiv.llm import smollm2_tokenizer_path
    smol_tok = AutoTokenizer.from_pretrained(smollm2_tokenizer_path())
    for name, f in jobs.items():
        v, t, m = timed(f, max_traced=60); print(f'{name:38s} {t:8.2f} s  peak {m:7.0f} MiB  value {v}', flush=True)

if __name__ == '__main__':
    main()
