"""Generation speed of synthdiv's local backend against the loop a user would otherwise write.

Same model (SmolLM2-135M-Instruct, fp32, CPU), same chat prompts, greedy decoding, same max_new_tokens:
  - peer: a plain per-prompt `model.generate` loop (batch 1, no padding);
  - ours: `LocalLM.generate` (length-sorted, left-padded batches with the KV cache);
  - llama.cpp (when llama-cpp-python is installed): the same GGUF file in process, one prompt at a time.
The transformers outputs must be identical; the script prints how many are, tokens/s and samples/s of each, and the
ratio. Tokens are counted up to and including the end-of-sequence token, the same way for both.

    python benchmarks/generate.py [--n 64] [--new-tokens 48] [--batch-size 64] [--threads 1]
"""
import argparse, os, time, json, platform
import torch
from synthdiv.llm import smollm2, smollm2_gguf

TOPICS = ['a heist', 'a haunted lighthouse', 'two rival chefs', 'a chess prodigy', 'a lost dog', 'a mars colony', 'a jazz band',
          'a small-town election', 'a time loop', 'a boxing comeback', 'a family road trip', 'a deep-sea expedition',
          'a courtroom drama', 'a wedding disaster', 'a robot learning to paint', 'a volcano eruption']
STYLES = ['positive', 'negative', 'sarcastic', 'enthusiastic']

def prompts(n):
    return [[{'role': 'user', 'content': f'Write a short {STYLES[i % 4]} review of a movie about {TOPICS[(i // 4) % 16]}.'}] for i in range(n)]

def count_tokens(tok, texts):
    "Generated tokens per text: its tokens plus the end-of-sequence token when it stopped early."
    return sum(len(tok(t, add_special_tokens=False).input_ids) for t in texts)

def per_prompt_loop(llm, chats, new_tokens):
    outs, ntok = [], 0
    for c in chats:
        ids = llm.tok(llm.render(c), return_tensors='pt', add_special_tokens=False)
        with torch.inference_mode():
            out = llm.model.generate(**ids, max_new_tokens=new_tokens, do_sample=False, temperature=None, top_p=None,
                                     top_k=None, pad_token_id=llm.tok.pad_token_id)
        new = out[0, ids.input_ids.shape[1]:]; ntok += len(new)
        outs.append(llm.tok.decode(new, skip_special_tokens=True))
    return outs, ntok

def llama_cpp_loop(chats, new_tokens, threads):
    from llama_cpp import Llama
    import llama_cpp
    m = Llama(model_path=str(smollm2_gguf()), n_ctx=1024, n_threads=threads, n_batch=512, verbose=False, seed=0)
    ntok, t = 0, time.perf_counter()
    for c in chats:
        r = m.create_chat_completion(messages=c, max_tokens=new_tokens, temperature=0.0, repeat_penalty=1.0, top_k=1)
        ntok += r['usage']['completion_tokens']
    return ntok, time.perf_counter() - t

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--n', type=int, default=64); ap.add_argument('--new-tokens', type=int, default=48)
    ap.add_argument('--batch-size', type=int, default=64); ap.add_argument('--threads', type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    llm = smollm2(batch_size=a.batch_size); llm.show_progress = False
    chats = prompts(a.n)
    llm.generate(chats[:2], max_new_tokens=4)                      # warm-up, both paths share it
    t = time.perf_counter(); ours = llm.generate(chats, max_new_tokens=a.new_tokens); t_ours = time.perf_counter() - t
    t = time.perf_counter(); peer, peer_tok = per_prompt_loop(llm, chats, a.new_tokens); t_peer = time.perf_counter() - t
    same = sum(o == p for o, p in zip(ours, peer))
    ours_tok = peer_tok   # identical outputs => identical generated tokens; checked below
    rows = {'per-prompt model.generate': (peer_tok, t_peer), 'synthdiv LocalLM (batched)': (ours_tok, t_ours)}
    try: rows['llama.cpp in process (same GGUF)'] = llama_cpp_loop(chats, a.new_tokens, a.threads)
    except ImportError: pass
    print(f'SmolLM2-135M-Instruct, {a.n} chat prompts, greedy, {a.new_tokens} new tokens, {a.threads} thread(s), batch {a.batch_size}')
    print(f'identical outputs, ours vs per-prompt loop: {same}/{a.n}')
    for name, (ntok, secs) in rows.items():
        print(f'{name:34s} {secs:8.1f} s  {ntok/secs:7.1f} tokens/s  {a.n/secs:6.2f} samples/s')
    print(f'ratio ours / per-prompt loop: {t_peer / t_ours:.2f}x')
    if 'llama.cpp in process (same GGUF)' in rows:
        n2, s2 = rows['llama.cpp in process (same GGUF)']; print(f'ratio ours / llama.cpp: {(ours_tok/t_ours) / (n2/s2):.2f}x (tokens/s)')
    if same != a.n: raise SystemExit(f'outputs differ for {a.n - same} prompts')

if __name__ == '__main__':
    main()
