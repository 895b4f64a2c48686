"""synthdiv's client against the peers' (Bespoke Curator, distilabel) on the same requests to the same server (issue 29,
item 7): seconds at each concurrency, as a share of a plain saturating load (the server's ceiling).

Every client runs in a process of its own (`benchmarks/peer_clients.py`), the peers in a virtual environment of their
own, since their pins differ from ours:

    python -m venv /tmp/peers && /tmp/peers/bin/pip install bespokelabs-curator==0.1.31 distilabel==1.5.3

All four send the same chat requests (one per row of a constant-temperature generation plan: Curator and distilabel
take one temperature per call, so the scheduled plan would cost them one call per temperature) with seed 0; each
prompt carries its number, so that one seed still gives each request its own answer.

- `--server fake` (default): `synthdiv.fixtures.LocalServer` in its own process, holding each request `--delay`
  seconds, answering with a seeded fake model; every client's answers must equal the plain load's (checked).
- `--llama-cpp GGUF`: llama-cpp-python's server (`tools/build_llamacpp.sh`) serving that file; answers are sampled
  and differ in length, so clients are compared by completion tokens a second (every client's answers counted with
  SmolLM2's tokenizer).

    python benchmarks/serving_peers.py [--rows 256] [--delay 0.1] [--concurrency 8 32 128] [--out F]
    python benchmarks/serving_peers.py --llama-cpp GGUF --rows 32 --max-tokens 16 --concurrency 1 4 16

`--llama-server BIN --slots N` (with `--llama-cpp GGUF`): llama.cpp's own `llama-server` serves it with N parallel
slots instead (`bash tools/build_llamacpp.sh server`).
"""
import argparse, json, os, subprocess, sys, tempfile, time
from pathlib import Path
import numpy as np, requests
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from serving import plan, LlamaCppServer   # the same plan and llama.cpp server as benchmarks/serving.py
from synthdiv.data import RT_TASK
from synthdiv.core import write_provenance
from synthdiv.generation import teacher_prompt

CLIENTS = ('plain', 'synthdiv', 'curator', 'distilabel')

class FakeServer:
    "`LocalServer(FakeLLM(), delay)` in a process of its own (its own GIL), for the length of a `with` block."
    def __init__(self, delay:float):
        code = ('import sys, time\nfrom synthdiv.fixtures import LocalServer\nfrom synthdiv.llm import FakeLLM\n'
                f's = LocalServer(FakeLLM(), delay={delay})\nprint(s.url, flush=True)\ntime.sleep(10**6)')
        self.proc = subprocess.Popen([sys.executable, '-c', code], stdout=subprocess.PIPE, text=True)
        self.url = self.proc.stdout.readline().strip()
    def __enter__(self): return self
    def __exit__(self, *exc): self.proc.kill(); self.proc.wait()

def run_client(client:str, python:str, url:str, model:str, c:int, req_file:str) -> dict:
    "One client's seconds and answers, from its own process."
    out = tempfile.mktemp(suffix='.json')
    env = {**os.environ, 'SYNTHDIV_PROGRESS': '0', 'TQDM_DISABLE': '1'}
    p = subprocess.run([python, str(HERE/'peer_clients.py'), client, url, model, str(c), req_file, out],
                       env=env, capture_output=True, text=True, timeout=1800)
    if p.returncode: raise RuntimeError(f'{client} failed:\n{p.stderr[-3000:]}')
    return json.load(open(out))

def peer_versions(python:str) -> dict:
    "The versions of the peers' packages in their environment."
    code = ("import json, importlib.metadata as m; print(json.dumps({p: m.version(p) for p in "
            "('bespokelabs-curator', 'distilabel', 'litellm', 'openai', 'aiohttp')}))")
    return json.loads(subprocess.run([python, '-c', code], capture_output=True, text=True, check=True).stdout)

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--rows', type=int, default=256)
    ap.add_argument('--delay', type=float, default=0.1, help='seconds the fake server holds each request')
    ap.add_argument('--concurrency', type=int, nargs='+', default=[8, 32, 128])
    ap.add_argument('--max-tokens', type=int, default=12)
    ap.add_argument('--peers-python', default=os.environ.get('PEERS_PYTHON', '/tmp/peers/bin/python'),
                    help="the Python of the peers' virtual environment")
    ap.add_argument('--llama-cpp', help="a GGUF file: measure against llama-cpp-python's server instead")
    ap.add_argument('--llama-server', help="with --llama-cpp: llama.cpp's own llama-server binary serves it instead")
    ap.add_argument('--slots', type=int, default=4, help='with --llama-server: its parallel slots (--parallel)')
    ap.add_argument('--repeats', type=int, default=1, help='each round of clients this many times; medians are kept')
    ap.add_argument('--out', type=Path)
    a, t0 = ap.parse_args(), time.time()
    reqs = [{'messages': [{'role': 'user', 'content': f'{teacher_prompt(RT_TASK, r)} (review {i + 1})'}],
             'temperature': r['temperature'], 'max_tokens': a.max_tokens}
            for i, r in enumerate(plan(a.rows, schedule=False))]   # numbered: one seed gives each its own answer
    req_file = tempfile.mktemp(suffix='.json')
    json.dump(reqs, open(req_file, 'w'))
    if a.llama_cpp:   # the answers' tokens, counted with SmolLM2's tokenizer for every client
        from transformers import AutoTokenizer
        from synthdiv.llm import smollm2_tokenizer_path
        tok = AutoTokenizer.from_pretrained(smollm2_tokenizer_path())
    server = (LlamaCppServer(a.llama_cpp, server_bin=a.llama_server, slots=a.slots) if a.llama_cpp else
              FakeServer(a.delay))
    model = 'm' if a.llama_cpp else 'fake'
    rows = []
    with server as srv:
        if a.llama_cpp: run_client('plain', sys.executable, srv.url, model, 1, req_file)   # warm up: load the weights
        for c in a.concurrency:
            row, got = {'server': srv.name if a.llama_cpp else f'fake, {a.delay} s a request',
                        'concurrency': c, 'requests': len(reqs), 'repeats': a.repeats}, {}
            for _ in range(a.repeats):   # the clients in turn, the whole round repeated
                for client in CLIENTS:
                    python = sys.executable if client in ('plain', 'synthdiv') else a.peers_python
                    got.setdefault(client, []).append(run_client(client, python, srv.url, model, c, req_file))
            for client in CLIENTS:
                row[f'{client}_s'] = round(float(np.median([g['seconds'] for g in got[client]])), 3)
            if a.llama_cpp:   # sampled answers differ in length: compare tokens a second, counted alike for all
                for client in CLIENTS:
                    rates = [sum(len(ids) for ids in tok([t or '' for t in g['texts']])['input_ids']) / g['seconds']
                             for g in got[client]]
                    row[f'{client}_tokens_per_s'] = round(float(np.median(rates)), 1)
                    row[f'{client}_each_tokens_per_s'] = [round(r, 1) for r in rates]
                for client in CLIENTS[1:]:
                    row[f'{client}_of_ceiling'] = round(row[f'{client}_tokens_per_s'] / row['plain_tokens_per_s'], 3)
            else:
                for client in CLIENTS[1:]:
                    row[f'{client}_of_ceiling'] = round(row['plain_s'] / row[f'{client}_s'], 3)
                    row[f'{client}_same_answers'] = all(g['texts'] == got['plain'][0]['texts'] for g in got[client])
            rows.append(row)
            print(json.dumps(row), flush=True)
    if a.out:
        a.out.parent.mkdir(parents=True, exist_ok=True)
        a.out.write_text(json.dumps({'args': vars(a) | {'out': str(a.out)}, 'rows': rows}, indent=1) + '\n')
        write_provenance(a.out.parent, t0, ['python', *sys.argv], peers=peer_versions(a.peers_python))

if __name__ == '__main__':
    main()
