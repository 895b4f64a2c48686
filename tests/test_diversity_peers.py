"""Our diversity metrics against the peer packages a user would otherwise use, on real corpora.

Peers: nltk's BLEU (self-BLEU as in Texygen), fast-bleu, the `diversity` package (Shaib et al.), `vendi-score`,
`rouge_score`, sentence-transformers' `encode`. `diversity` rounds its outputs to 3 decimals; where it does, we compare
after the same rounding, and also to 1e-12 against the unrounded computation where the peer exposes one."""
import importlib.util, numpy as np, pytest
from pathlib import Path
from synthdiv.data import rotten_tomatoes, bbc_news
from synthdiv.diversity import *

def peer_module(name):
    "A module of the `diversity` package, loaded from its file (its __init__ imports spaCy and OpenAI clients)."
    root = Path(importlib.util.find_spec('diversity').submodule_search_locations[0])
    spec = importlib.util.spec_from_file_location(f'_diversity_{name}', root/f'{name}.py')
    mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod); return mod

@pytest.fixture(scope='module')
def reviews(): return rotten_tomatoes()['train']['text']

@pytest.fixture(scope='module')
def articles(): return bbc_news()['train']['text']

def test_self_bleu_equals_nltk(reviews):
    from nltk.translate.bleu_score import sentence_bleu, SmoothingFunction
    texts = reviews[:200] + ['', 'good']
    docs = [t.split() for t in texts]
    ref = [sentence_bleu(docs[:i] + docs[i+1:], d, smoothing_function=SmoothingFunction().method1) for i, d in enumerate(docs)]
    np.testing.assert_allclose(self_bleu_scores(texts), ref, rtol=0, atol=1e-12)

def test_self_bleu_equals_fast_bleu(reviews):
    from fast_bleu import SelfBLEU
    texts = reviews[:1000]
    ref = SelfBLEU([t.split() for t in texts], {'4': (0.25,) * 4}).get_score()['4']
    np.testing.assert_allclose(self_bleu_scores(texts), ref, rtol=0, atol=1e-9)

def test_homogenization_equals_diversity_and_rouge_score(reviews, articles):
    from rouge_score import rouge_scorer
    hom = peer_module('homogenization')
    sc = rouge_scorer.RougeScorer(['rougeL'])
    for texts in (reviews[:50], articles[:12]):
        ours = homogenization(texts, show_progress=False)
        assert round(ours, 3) == hom.homogenization_score(texts, verbose=False)
    texts = reviews[50:90] + articles[12:16]
    pairs = [sc.score(a, b)['rougeL'].fmeasure for i, a in enumerate(texts) for j, b in enumerate(texts) if i != j]
    assert abs(homogenization(texts, show_progress=False) - np.mean(pairs)) < 1e-12

def test_self_repetition_equals_diversity(reviews):
    ours, peer = self_repetition(reviews[:3000]), peer_module('self_repetition').self_repetition_score(reviews[:3000], verbose=False)
    assert abs(ours - peer) < 1e-12

def test_ngram_diversity_and_compression_equal_diversity(reviews):
    texts = reviews[:3000]
    assert round(ngram_diversity(texts), 3) == peer_module('ngram_diversity').ngram_diversity_score(texts, 4)
    assert round(compression_ratio(texts, double=True), 3) == peer_module('compression').compression_ratio(texts)

def test_distinct_n_equals_vendi_score_ngram_diversity(reviews):
    from vendi_score import text_utils
    texts = reviews[:2000]
    for n in (1, 2, 3):
        assert abs(distinct_n(texts, n) - text_utils.single_ngram_diversity(texts, n, tokenizer=str.split)) < 1e-12

def test_vendi_equals_vendi_score():
    from vendi_score import vendi as peer
    X = np.random.default_rng(0).normal(size=(500, 32))
    assert abs(vendi(X) - peer.score_dual(X)) < 1e-6
    assert abs(vendi(X[:100]) - peer.score_X(X[:100])) < 1e-6
    for q in (0.5, 2): assert abs(vendi(X, q=q) - peer.score_dual(X, q=q)) < 1e-6

def test_ngram_vendi_equals_vendi_score(reviews):
    # vendi-score's ngram_vendi_score calls the sparse `.A`, which SciPy removed, so it crashes as shipped; we run its
    # own steps (get_ngrams, sklearn's normalize, score_K) exactly as that function does, with .toarray() for .A.
    from sklearn.preprocessing import normalize
    from vendi_score import text_utils, vendi as peer
    texts = reviews[:300] + ['too short']
    K = np.stack([(lambda X: (X @ X.T).toarray())(normalize(text_utils.get_ngrams(texts, n=n, tokenizer=str.split)))
                  for n in (1, 2, 3, 4)]).mean(0)
    assert abs(ngram_vendi(texts) - peer.score_K(K)) < 1e-6

def test_fast_encoding_matches_sentence_transformers_and_mean_distance_matches_remote_clique(reviews, monkeypatch):
    from synthdiv.llm import load_embedder
    model, texts = load_embedder(), reviews[:300]
    ours, ref = embed(texts, model, cache=False), model.encode(texts, normalize_embeddings=True)
    assert (ours * ref).sum(1).min() >= 0.9999
    emb = peer_module('embedding')
    monkeypatch.setattr(emb, 'SentenceTransformer', lambda name: model)   # the peer's own code, with our local model
    assert round(mean_cosine_distance(ref), 3) == emb.remote_clique(texts, verbose=False)

def test_perplexity_equals_the_model_loss():
    import torch
    from synthdiv.fixtures import tiny_llm
    llm = tiny_llm(); texts = ['A good film.', 'Dull, and far too long.']
    nll, n = 0.0, 0
    for t in texts:
        ids = torch.tensor([[llm.tok.bos_token_id] + llm.tok(t, add_special_tokens=False).input_ids])   # LocalLM starts from BOS
        with torch.no_grad(): loss = llm.model(ids, labels=ids).loss.item()
        nll += loss * (ids.shape[1] - 1); n += ids.shape[1] - 1
    assert abs(perplexity(texts, llm) - np.exp(nll / n)) < 1e-3 * np.exp(nll / n)

def test_homogenization_sampled_brackets_the_exact_value(reviews):
    texts = reviews[:300]
    exact = homogenization(texts, show_progress=False)
    est, se = homogenization_sampled(texts, pairs=20_000, seed=1)
    assert abs(est - exact) < 4 * se and se < 0.01
