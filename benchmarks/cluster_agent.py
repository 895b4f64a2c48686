"""Cluster-agent cost on this machine: judge calls per second and seconds per clustering round.

The same job for every backend: `N` clustering rounds of `K` BBC News snippets (drawn from all five topics) under a
fixed set of criteria, each round one clustering call and one self-verification call, JSON answers. Backends:

- `local`: SmolLM2-135M-Instruct in this process (`synthdiv.llm.smollm2`, transformers, batched);
- `llama.cpp`: the same model as GGUF behind llama-cpp-python's OpenAI-compatible server, when llama-cpp-python is
  installed (`bash tools/build_llamacpp.sh`), queried by `OpenAILM` with `concurrency` requests in flight, once
  free-form and once with the answers' JSON schemas enforced by the server (`schema_style='json_object'`);
- `--server URL --model NAME`: any other OpenAI-compatible server (vLLM, ...), free-form and constrained.

Besides speed it reports what the judge's answers were worth: rounds scored, retries, failures and index fixes.

    python benchmarks/cluster_agent.py [--rounds 12] [--K 8] [--threads 2] [--no-llamacpp] [--server URL --model NAME]
"""
import argparse, json, socket, subprocess, sys, tempfile, time
import torch, requests
from synthdiv.data import bbc_news
from synthdiv.diversity import topic_ladder
from synthdiv.llm import smollm2, smollm2_gguf, OpenAILM
from synthdiv.cluster_agent import AgentConfig, Criteria, cluster_score

CRITERIA = Criteria(metadata={'topic': 'the subject area of the text'}, metrics={'formality': '1 = chatty, 5 = formal'},
                    criteria={'topic': 'Cluster texts by the subject area they are about (business, sport, politics, ...).',
                              'formality': 'Cluster texts by how formal their language is, from chatty to official.'},
                    judge='fixed for the benchmark')

def run(name, judge, corpus, cfg):
    t0 = time.time(); res = cluster_score(judge, corpus, CRITERIA, cfg); s = time.time() - t0
    d = res.to_dict(); calls = d['judge']['calls']
    return {'backend': name, 'seconds': round(s, 1), 'judge_calls': calls, 'calls_per_s': round(calls / s, 3),
            's_per_round': round(s / cfg.N, 2), 'reply_tokens_per_s': round(d['judge']['tokens']['reply'] / s, 1),
            'scored_rounds': f"{d['scored_rounds']}/{d['rounds']}", 'retries': d['judge']['retries'],
            'failures': d['judge']['failures'], 'index_fixes': d['index_fixes'], 'score': round(d['score'], 3),
            'mean_clusters': round(d['mean_clusters'], 2)}

def start_llamacpp(threads):
    with socket.socket() as sk: sk.bind(('127.0.0.1', 0)); port = sk.getsockname()[1]
    log = tempfile.TemporaryFile('w+')
    proc = subprocess.Popen([sys.executable, '-m', 'llama_cpp.server', '--model', str(smollm2_gguf()), '--host', '127.0.0.1',
                             '--port', str(port), '--n_threads', str(threads), '--n_ctx', '4096', '--model_alias', 'smollm2'],
                            stdout=log, stderr=subprocess.STDOUT, text=True)
    url = f'http://127.0.0.1:{port}/v1'
    for _ in range(240):
        try:
            if requests.get(f'{url}/models', timeout=1).ok: return proc, url
        except (requests.ConnectionError, requests.Timeout): pass
        if proc.poll() is not None: log.seek(0); raise SystemExit(f'llama.cpp server exited: {log.read()[-2000:]}')
        time.sleep(0.5)
    proc.kill(); raise SystemExit('llama.cpp server did not start in 120 s')

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--rounds', type=int, default=12); ap.add_argument('--K', type=int, default=8)
    ap.add_argument('--threads', type=int, default=2); ap.add_argument('--no-llamacpp', action='store_true')
    ap.add_argument('--server'); ap.add_argument('--model', default='default')
    ap.add_argument('--concurrency', type=int, default=4)
    a = ap.parse_args(); torch.set_num_threads(a.threads)
    bbc = bbc_news()['train']
    corpus = topic_ladder([t[:300] for t in bbc['text']], bbc['label'], size=100, seed=0)[5]
    cfg = AgentConfig(K=a.K, N=a.rounds, max_new_tokens=200, max_chars=300)
    rows = [run('local (transformers, batched)', smollm2(batch_size=16), corpus, cfg)]
    servers = []
    if a.server: servers.append(('server', a.server, a.model, 'openai', None))
    if not a.no_llamacpp:
        try:
            import llama_cpp  # noqa: F401
            proc, url = start_llamacpp(a.threads); servers.append(('llama.cpp server', url, 'smollm2', 'json_object', proc))
        except ImportError: print('llama-cpp-python is not installed: skipping the llama.cpp server (bash tools/build_llamacpp.sh)')
    for name, url, model, style, proc in servers:
        for constrained in (False, True):
            judge = OpenAILM(url, model, concurrency=a.concurrency, schema_style=style if constrained else 'none', show_progress=False)
            rows.append(run(f"{name}{', JSON schema enforced' if constrained else ''}", judge, corpus, cfg))
        if proc is not None: proc.terminate(); proc.wait(timeout=30)
    print(json.dumps({'rounds': a.rounds, 'K': a.K, 'threads': a.threads, 'results': rows}, indent=1))
    for r in rows: print(f"{r['backend']:45s} {r['calls_per_s']:6.3f} calls/s  {r['s_per_round']:6.2f} s/round  scored {r['scored_rounds']}"
                         f"  forgotten texts {r['index_fixes']['forgotten']}  score {r['score']}")

if __name__ == '__main__':
    main()
