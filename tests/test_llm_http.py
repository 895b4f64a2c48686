"`OpenAILM` against a real HTTP server on 127.0.0.1: concurrency, retries, timeouts, errors, API keys, log-probs, cache."
import time, pytest, numpy as np
from synthdiv.core import LLMError
from synthdiv.llm import OpenAILM, FakeLLM, CachedLLM, Sampling, reply_failure
from synthdiv.fixtures import LocalServer

@pytest.fixture
def server():
    s = LocalServer(FakeLLM()); yield s; s.close()

def client(server, **kw):
    return OpenAILM(server.url, 'fake', **{'backoff': 0.01, 'show_progress': False, **kw})

def test_same_answers_as_the_backend(server):
    prompts = ['Write a review.', 'Write a headline.', [{'role': 'user', 'content': 'Hi'}]]
    for kw in ({}, {'temperature': 0.9, 'seed': 3}, {'stop': ['film']}):
        assert client(server).generate(prompts, **kw) == FakeLLM().generate(prompts, **kw)
    assert sorted(r['path'] for r in server.seen[:3]) == ['/v1/chat/completions', '/v1/completions', '/v1/completions']

def test_repeated_prompts_get_distinct_seeds(server):
    outs = client(server).generate(['Same prompt.'] * 4, temperature=1.0, seed=7)
    assert sorted(r['body']['seed'] for r in server.seen) == [7, 8, 9, 10]   # requests arrive in any order
    assert len(set(outs)) == 4

def test_requests_run_concurrently_up_to_the_limit(server):
    server.delay = 0.3
    t = time.perf_counter(); client(server, concurrency=4).generate([f'prompt {i}' for i in range(8)])
    assert server.max_active == 4
    assert time.perf_counter() - t < 8 * 0.3   # 8 requests in about 2 rounds, not 8 in a row

def test_retries_on_overload_then_succeeds(server):
    server.fail = [503, 429, 502]
    c = client(server, concurrency=1)
    assert c.generate(['Hi']) == FakeLLM().generate(['Hi'])
    assert (c.requests, c.retries) == (4, 3)

def test_honours_retry_after(server):
    server.fail, server.retry_after = [429], 0.5
    t = time.perf_counter(); client(server, backoff=10).generate(['Hi'])
    assert 0.5 <= time.perf_counter() - t < 5

def test_gives_up_with_a_clear_reason(server):
    "After its retries a request fails for good: `generate` keeps it as a `FailedReply`, `logprobs` raises."
    server.fail = [503] * 10
    out, = client(server, max_retries=2).generate(['Hi'])
    assert reply_failure(out) == 'HTTP 503' and 'failed after 3 attempts; last error: HTTP 503' in out.detail
    with pytest.raises(LLMError, match=r'failed after 3 attempts; last error: HTTP 503'):
        client(server, max_retries=2).logprobs(['Hi'], [' there'])

def test_client_errors_are_not_retried(server):
    server.fail = [400]
    c = client(server)
    out, = c.generate(['Hi'])
    assert reply_failure(out) == 'HTTP 400' and 'injected 400' in out.detail
    assert c.requests == 1 and c.failures == {'HTTP 400': 1}

def test_timeout_is_retried_then_reported(server):
    server.delay = 1.0
    c = client(server, timeout=0.2, max_retries=1)
    out, = c.generate(['Hi'])
    assert reply_failure(out) == 'timeout' and 'within 0.2 s' in out.detail
    assert c.requests == 2

def test_api_key_only_from_the_environment(monkeypatch, tmp_path):
    s = LocalServer(FakeLLM(), api_key='sk-secret-42')
    try:
        monkeypatch.delenv('SYNTHDIV_TEST_KEY', raising=False)
        c = OpenAILM(s.url, 'fake', api_key_env='SYNTHDIV_TEST_KEY', show_progress=False)
        with pytest.raises(LLMError, match='HTTP 401'): c.generate(['Hi'])
        monkeypatch.setenv('SYNTHDIV_TEST_KEY', 'sk-secret-42')
        cached = CachedLLM(c, tmp_path/'cache.sqlite')
        assert cached.generate(['Hi']) == FakeLLM().generate(['Hi'])
        assert 'sk-secret' not in repr(c) and 'sk-secret' not in str(vars(c))
        assert b'sk-secret' not in (tmp_path/'cache.sqlite').read_bytes()
    finally: s.close()

def test_logprobs_from_echo(server):
    lp = client(server).logprobs(['a good film, good', 'the plot'], [' good acting', ' is dull'])
    ref = FakeLLM().logprobs(['a good film, good', 'the plot'], ['good acting', 'is dull'])
    # the server scores word by word with the words before each as the prompt, so the first word matches exactly
    np.testing.assert_allclose(lp[0][0], ref[0][0]); assert len(lp[0]) == 2 and len(lp[1]) == 2

def test_chat_prompts_cannot_be_scored(server):
    with pytest.raises(LLMError, match='plain-text prompts'):
        client(server).logprobs([[{'role': 'user', 'content': 'Hi'}]], [' there'])

def test_cache_in_front_makes_reruns_free(server, tmp_path):
    c = CachedLLM(client(server), tmp_path/'c.sqlite')
    a = c.generate(['x', 'y', 'x'], temperature=1.0, seed=1); n = len(server.seen)
    assert c.generate(['x', 'y', 'x'], temperature=1.0, seed=1) == a and len(server.seen) == n == 3
