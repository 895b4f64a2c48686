"""How well synthdiv's generation keeps a server busy, against the server's own ceiling (issue 29, items 1 and 7).

The server is the local OpenAI-compatible fake (`synthdiv.fixtures.LocalServer`), each request held `--delay` seconds
as a model would take: a server with `c` slots can finish at most c / delay requests a second. Three clients send
the same requests (one per row of a generation plan, each with its own temperature and seed):

  - ceiling: a plain saturating load, `c` threads posting the bodies with `requests`, nothing else;
  - synthdiv, shards in turn: `generate` with one shard worked at a time (the behaviour before this change, where a
    shard's last slow requests leave the other slots idle and no more than a shard is ever in flight);
  - synthdiv: `generate` as it is (several shards in flight over one bounded set of slots).

For each concurrency it prints the wall time, the share of the ceiling, and the most requests the server saw in
flight at once (the server counts a request until its handler returns, so the count can run one over the client's
limit while a reply is still being sent); with `--schedule both`, the same with a constant temperature. Outputs of the two
synthdiv clients must be identical (the script checks). The server shares this process (and its GIL) with the
clients: on 2 cores the ceiling is the ceiling of this set-up, not of a real server.

    python benchmarks/serving.py [--rows 512] [--delay 0.1] [--concurrency 8 32 128] [--shard-size 64] [--out F]

With `--llama-cpp GGUF` the server is instead llama-cpp-python's OpenAI-compatible server (`tools/build_llamacpp.sh`)
serving that GGUF file (e.g. the packaged SmolLM2-135M-Instruct), started by this script on a free port; the table
then also gives completion tokens per second (from the server's `usage`), and the synthdiv clients' outputs are not
compared (a sampling server need not repeat itself). The plain load sends the bodies `generate` sends (stop at a
newline, top-p 0.95), so tokens per second compare like with like.

    python benchmarks/serving.py --llama-cpp GGUF --rows 32 --max-tokens 16 --concurrency 1 2 4 8 16

With `--llama-server BIN` as well, llama.cpp's own server binary (`bash tools/build_llamacpp.sh server`) serves the
GGUF instead, with `--slots N` parallel slots (continuous batching: several requests decoded together), which is
what a user who serves a model with llama.cpp runs:

    python benchmarks/serving.py --llama-cpp GGUF --llama-server BIN --slots 4 --rows 32 --max-tokens 16 \
        --concurrency 1 2 4 8 16
"""
import argparse, json, os, socket, subprocess, sys, tempfile, threading, time
from pathlib import Path
import numpy as np, requests
os.environ.setdefault('SYNTHDIV_PROGRESS', '0')
import synthdiv.generation as generation
from synthdiv.core import write_provenance
from synthdiv.data import RT_TASK
from synthdiv.fixtures import LocalServer
from synthdiv.generation import GenerationConfig, PlanConfig, generate, plan_prompts, teacher_prompt
from synthdiv.llm import CachedLLM, FakeLLM, OpenAILM

TOPICS = ['ghost, haunted', 'football, team', 'music, score', 'war, soldiers', 'space, crew', 'heist, bank',
          'chef, kitchen', 'court, trial']

def plan(rows:int, schedule:bool):
    per = rows // len(TOPICS)
    return plan_prompts(RT_TASK, PlanConfig('topic', n_topics=len(TOPICS), per_topic=per,
                                            temperature=[0.7, 1.2] if schedule else 1.0), TOPICS)

def ceiling(srv, bodies, c:int) -> tuple[float, int]:
    "Seconds for `c` threads to post every body, one request after another on each thread; completion tokens."
    todo, lock, tokens = list(bodies), threading.Lock(), [0]
    def worker():
        s = requests.Session()
        while True:
            with lock:
                if not todo: return
                body = todo.pop()
            r = s.post(f'{srv.url}/completions', json=body, timeout=600)
            r.raise_for_status()
            with lock: tokens[0] += int((r.json().get('usage') or {}).get('completion_tokens') or 0)
    t = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(c)]
    for th in threads: th.start()
    for th in threads: th.join()
    return time.perf_counter() - t, tokens[0]

def synthdiv_run(srv, p, c:int, shard_size:int, in_turn:bool, max_tokens:int=12):
    "Seconds, data and client of `generate` against `srv` (fresh cache), shards in turn or side by side."
    client = OpenAILM(srv.url, 'fake', api_key_env='', concurrency=c, show_progress=False, timeout=600)
    llm = CachedLLM(client, Path(tempfile.mkdtemp())/'responses.sqlite')
    real = generation.served_client
    if in_turn: generation.served_client = lambda llm: None   # generate then works one shard at a time
    try:
        t = time.perf_counter()
        res = generate(llm, RT_TASK, p, Path(tempfile.mkdtemp()), GenerationConfig(max_new_tokens=max_tokens,
                                                                                   shard_size=shard_size))
        return time.perf_counter() - t, list(res.data['text']), client
    finally: generation.served_client = real

class LlamaCppServer:
    """A llama.cpp server on a free local port, serving `gguf`, for the length of a `with` block: llama-cpp-python's
    (one request at a time), or llama.cpp's own `llama-server` binary `server_bin` with `slots` parallel slots."""
    def __init__(self, gguf:str, threads:int=2, server_bin:str|None=None, slots:int=4):
        with socket.socket() as sk: sk.bind(('127.0.0.1', 0)); port = sk.getsockname()[1]
        self.url, self.name = f'http://127.0.0.1:{port}/v1', 'llama-cpp-python'
        cmd = [sys.executable, '-m', 'llama_cpp.server', '--model', gguf, '--host', '127.0.0.1', '--port', str(port),
               '--n_ctx', '2048', '--n_threads', str(threads)]
        if server_bin:   # continuous batching over `slots` slots, each with 1,024 tokens of context
            self.name = f'llama-server --parallel {slots}'
            cmd = [server_bin, '-m', gguf, '--host', '127.0.0.1', '--port', str(port), '--alias', 'm',
                   '-c', str(1024 * slots), '--parallel', str(slots), '-t', str(threads), '-tb', str(threads)]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(600):
            try:
                if requests.get(f'{self.url}/models', timeout=1).ok: return
            except requests.ConnectionError: pass
            if self.proc.poll() is not None:
                raise RuntimeError(f'{self.name} exited: is it installed (tools/build_llamacpp.sh)?')
            time.sleep(0.2)
        raise RuntimeError(f'{self.name} did not start in 2 minutes')
    def __enter__(self): return self
    def __exit__(self, *exc): self.proc.terminate(); self.proc.wait(30)

def llama_cpp_rows(a) -> list[dict]:
    "The table against the real llama.cpp server: throughput of a plain load and of synthdiv at each concurrency."
    rows, p = [], plan(a.rows, True)
    bodies = [{'model': 'm', 'prompt': teacher_prompt(RT_TASK, r), 'max_tokens': a.max_tokens, 'top_p': 0.95,
               'stop': ['\n'], 'temperature': r['temperature'], 'seed': i} for i, r in enumerate(p)]   # as generate asks
    with LlamaCppServer(a.llama_cpp, server_bin=a.llama_server, slots=a.slots) as srv:
        ceiling(srv, bodies[:2], 1)   # warm up: the first requests load the weights into memory
        for c in a.concurrency:
            plain, ours = [], []   # tokens a second of each repeat, the two clients in turn
            for _ in range(a.repeats):
                secs, tokens = ceiling(srv, bodies, c)
                plain.append(tokens / secs)
                secs, _, client = synthdiv_run(srv, p, c, a.shard_size, False, a.max_tokens)
                ours.append(client.stats['completion_tokens'] / secs)
            row = {'server': f"{srv.name} {a.llama_cpp.split('/')[-1]}", 'concurrency': c, 'requests': len(p),
                   'repeats': a.repeats, 'ceiling_tokens_per_s': round(float(np.median(plain)), 1),
                   'synthdiv_tokens_per_s': round(float(np.median(ours)), 1),
                   'each_ceiling': [round(x, 1) for x in plain], 'each_synthdiv': [round(x, 1) for x in ours]}
            row['synthdiv_of_ceiling'] = round(row['synthdiv_tokens_per_s'] / row['ceiling_tokens_per_s'], 3)
            rows.append(row)
            print(json.dumps(row), flush=True)
    return rows

def save(a, rows:list, t0:float):
    "Write the table and its provenance to `--out` (if given)."
    if not a.out: return
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps({'args': vars(a) | {'out': str(a.out)}, 'rows': rows}, indent=1) + '\n')
    write_provenance(a.out.parent, t0, ['python', *sys.argv])

def main():
    t0 = time.time()
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--rows', type=int, default=512)
    ap.add_argument('--delay', type=float, default=0.1, help='seconds the server holds each request')
    ap.add_argument('--concurrency', type=int, nargs='+', default=[8, 32, 128])
    ap.add_argument('--shard-size', type=int, default=64)
    ap.add_argument('--schedule', choices=['scheduled', 'constant', 'both'], default='both')
    ap.add_argument('--out', type=Path)
    ap.add_argument('--llama-cpp', help='a GGUF file: measure against llama-cpp-python\'s server instead')
    ap.add_argument('--llama-server', help="with --llama-cpp: llama.cpp's own llama-server binary serves it instead")
    ap.add_argument('--slots', type=int, default=4, help='with --llama-server: its parallel slots (--parallel)')
    ap.add_argument('--max-tokens', type=int, default=12)
    ap.add_argument('--repeats', type=int, default=1,
                    help='with --llama-cpp: each arm this many times, in turn; the median tokens a second is kept')
    a = ap.parse_args()
    if a.llama_cpp:
        rows = llama_cpp_rows(a)
        save(a, rows, t0)
        return
    rows = []
    for schedule in ([True, False] if a.schedule == 'both' else [a.schedule == 'scheduled']):
        p = plan(a.rows, schedule)
        bodies = [{'model': 'fake', 'prompt': teacher_prompt(RT_TASK, r), 'max_tokens': 12,
                   'temperature': r['temperature'], 'seed': i} for i, r in enumerate(p)]
        for c in a.concurrency:
            row = {'temperature': 'scheduled' if schedule else 'constant', 'concurrency': c, 'requests': len(p),
                   'ideal_s': round(len(p) / c * a.delay, 3)}
            with LocalServer(FakeLLM(), delay=a.delay) as srv: row['ceiling_s'] = round(ceiling(srv, bodies, c)[0], 3)
            for name, in_turn in (('shards_in_turn', True), ('synthdiv', False)):
                with LocalServer(FakeLLM(), delay=a.delay) as srv:
                    secs, texts, _ = synthdiv_run(srv, p, c, a.shard_size, in_turn)
                    row[f'{name}_s'], row[f'{name}_max_in_flight'] = round(secs, 3), srv.max_active
                row[f'{name}_of_ceiling'] = round(row['ceiling_s'] / secs, 3)
                row.setdefault('texts', texts)
                assert texts == row['texts'], 'the two synthdiv clients must write the same data'
            row['same_outputs'] = True
            del row['texts']
            rows.append(row)
            print(json.dumps(row), flush=True)
    save(a, rows, t0)

if __name__ == '__main__':
    main()
