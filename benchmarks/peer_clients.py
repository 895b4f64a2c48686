"""One client of `benchmarks/serving_peers.py`, in a process of its own: sends the requests of a JSON file to an
OpenAI-compatible server at a given concurrency and writes the seconds and the answers to another JSON file.

    python benchmarks/peer_clients.py CLIENT URL MODEL CONCURRENCY REQUESTS.json OUT.json

CLIENT is one of
  - plain: `concurrency` threads posting the chat bodies with `requests` (the server's ceiling);
  - synthdiv: `synthdiv.llm.OpenAILM(...).generate` (run with synthdiv's Python);
  - curator: Bespoke Curator's `curator.LLM` with `backend='openai'` and `max_concurrent_requests` (its Python);
  - distilabel: distilabel's `OpenAILLM.generate_outputs`, fed `concurrency` inputs at a time, as a pipeline step
    feeds it one batch at a time (its Python).
Each gets the same chat messages, temperature, max_tokens and seed 0. The seconds cover sending and receiving only:
imports and client set-up (Curator's probe request for rate-limit headers included) come before the clock starts.
"""
import json, os, sys, tempfile, threading, time

def plain(url, model, c, reqs):
    import requests
    todo, out, lock = list(enumerate(reqs)), [None] * len(reqs), threading.Lock()
    def worker():
        s = requests.Session()
        while True:
            with lock:
                if not todo: return
                i, r = todo.pop()
            body = {'model': model, 'messages': r['messages'], 'temperature': r['temperature'],
                    'max_tokens': r['max_tokens'], 'seed': 0}
            a = s.post(f'{url}/chat/completions', json=body, timeout=600)
            a.raise_for_status()
            out[i] = a.json()['choices'][0]['message']['content']
    t = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(c)]
    for th in threads: th.start()
    for th in threads: th.join()
    return time.perf_counter() - t, out

def synthdiv(url, model, c, reqs):
    from synthdiv.llm import OpenAILM
    llm = OpenAILM(url, model, api_key_env='', concurrency=c, show_progress=False, timeout=600)
    r0 = reqs[0]
    t = time.perf_counter()
    out = llm.generate([r['messages'] for r in reqs], temperature=r0['temperature'], max_new_tokens=r0['max_tokens'],
                       seed=0)
    return time.perf_counter() - t, list(out)

def curator(url, model, c, reqs):
    os.environ.update(TELEMETRY_ENABLED='false', CURATOR_CACHE_DIR=tempfile.mkdtemp(), OPENAI_API_KEY='none',
                      LITELLM_LOCAL_MODEL_COST_MAP='True', CURATOR_DISABLE_RICH_DISPLAY='1')
    from bespokelabs import curator as cur
    from bespokelabs.curator.request_processor.online import openai_online_request_processor as oai
    class Words:   # tiktoken's cl100k_base is a download, not in the package; Curator only estimates tokens with it
        def encode(self, text, **kw): return text.split()
    oai.OpenAIOnlineRequestProcessor.get_token_encoding = lambda self: Words()
    class Gen(cur.LLM):
        def prompt(self, row): return row['messages']
        def parse(self, row, response): return {'i': row['i'], 'text': response}
    r0 = reqs[0]
    llm = Gen(model_name=model, backend='openai',
              generation_params={'temperature': r0['temperature'], 'max_tokens': r0['max_tokens'], 'seed': 0},
              backend_params={'base_url': url, 'api_key': 'none', 'max_concurrent_requests': c,
                              'max_requests_per_minute': 10**7, 'max_tokens_per_minute': 10**10, 'max_retries': 1,
                              'request_timeout': 600,
                              'invalid_finish_reasons': ['content_filter']})   # a reply cut at max_tokens is kept, as by the others
    rows = [{'i': i, 'messages': r['messages']} for i, r in enumerate(reqs)]
    t = time.perf_counter()
    ds = llm(rows).dataset
    secs = time.perf_counter() - t
    by_i = {int(i): s for i, s in zip(ds['i'], ds['text'])}
    return secs, [by_i.get(i) for i in range(len(reqs))]

def distilabel(url, model, c, reqs):
    from distilabel.models.llms import OpenAILLM
    llm = OpenAILLM(model=model, base_url=url, api_key='none', max_retries=1, timeout=600)
    llm.load()
    r0, out = reqs[0], []
    t = time.perf_counter()
    for k in range(0, len(reqs), c):
        batch = [r['messages'] for r in reqs[k:k + c]]
        got = llm.generate_outputs(inputs=batch, num_generations=1, max_new_tokens=r0['max_tokens'],
                                   temperature=r0['temperature'], extra_body={'seed': 0})
        out += [g['generations'][0] for g in got]
    return time.perf_counter() - t, out

if __name__ == '__main__':
    client, url, model, c, req_file, out_file = sys.argv[1:7]
    reqs = json.load(open(req_file))
    secs, texts = globals()[client](url, model, int(c), reqs)
    json.dump({'client': client, 'concurrency': int(c), 'seconds': secs, 'texts': texts}, open(out_file, 'w'))
