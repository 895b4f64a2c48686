"""Pretrain the headline student (MiniLM bert2bert) on gap-sentence pairs from unlabelled BBC articles
(`synthdiv.student.pretrain_seq2seq`): each of an article's first 3 sentences is written from the 60 words that follow
it. Only the training split's bodies are read (no headline); the first sentences of 100 dev articles stop it early.
The student is saved in the cache (under a hash of its texts and settings; a second run reuses it) and its folder printed;
`nbs/lab/scripts/headline_students.py GRID CELL ... --init FOLDER` trains grid students from it.
example: python nbs/lab/scripts/pretrain_headline_student.py [--epochs 2]"""
import argparse, time
from pathlib import Path
from synthdiv.core import load_json, write_provenance
from synthdiv.data import bbc_headlines, HEADLINE_TASK
from synthdiv.student import Seq2SeqConfig, gap_sentence_pairs, pretrain_seq2seq, start_seq2seq, Seq2SeqStudent

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument('--epochs', type=int, default=2, help='pretraining epochs (default 2; early-stopped on the dev pairs)')
p.add_argument('--out', type=Path, help='also append the printed lines to OUT/pretrain.txt, with OUT/provenance-pretrain.json')
a = p.parse_args()

def say(*parts):
    "Print a result line; with --out, also append it to OUT/pretrain.txt."
    line = ' '.join(map(str, parts)); print(line, flush=True)
    if a.out: a.out.mkdir(parents=True, exist_ok=True); open(a.out/'pretrain.txt', 'a').write(line + '\n')
data = bbc_headlines(); t0 = time.time()
cfg = Seq2SeqConfig(model='minilm', epochs=a.epochs, patience=1, max_source=96, max_target=32)
folder = pretrain_seq2seq(HEADLINE_TASK, data['train']['text'], data['dev'].select(range(100))['text'], cfg)
info, saved = load_json(folder/'pretraining.json'), load_json(folder/'student.json')
say(f"{folder} ({time.time() - t0:.0f} s here; trained in {saved['seconds']:.0f} s): {info['pairs']} pretraining pairs, {info['dev_pairs']} dev pairs; "
      f"dev loss by epoch {[round(h['dev_loss'], 3) for h in saved['history']]}, train loss {[round(h['train_loss'], 3) for h in saved['history']]}")
model, tok = start_seq2seq(Seq2SeqConfig(init=str(folder), max_source=96, max_target=32))
dev = gap_sentence_pairs(data['dev'].select(range(3))['text'], sentences=1)
for text, out in zip(dev['text'], Seq2SeqStudent(model, tok, cfg, [], 0).generate(dev['text'])): say(f'  {text[:80]}... -> {out}')
if a.out: write_provenance(a.out, t0, name='provenance-pretrain.json')
