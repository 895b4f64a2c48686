"""The job of the ecosystem review's side-by-side (issue 30), as a user writes it in synthdiv, run end to end: 500
labelled rows from a served model with a topic/persona plan and a prompt of the user's own (a Jinja template with
few-shot rows of the user's data), the answers cached, the data measured against the real rows, written as a
Hugging Face dataset with its card, and pushed to the Hub.

`job()` is the user's code. Here the served model is `synthdiv.fixtures.LocalServer` serving the fake model (in place
of vLLM), and the Hub is replaced by stand-ins for `HfApi.create_repo` and `HfApi.upload_folder` that record what would
be uploaded and copy it to a folder. That folder is then read back the way the Hub's users would read it:
`datasets.load_dataset` (both configs, features checked against what was generated) and `DatasetCard.load`. The job
runs twice: the second run sends nothing (the answers are in the folder's shards and in the response cache).

    python benchmarks/side_by_side.py [--rows 500] [--out DIR]
"""
import argparse, fnmatch, json, shutil, tempfile, time
from pathlib import Path
from unittest.mock import patch

import pandas as pd
from datasets import load_dataset
from huggingface_hub import DatasetCard, HfApi
from synthdiv.data import RT_TASK, rotten_tomatoes
from synthdiv.llm import FakeLLM, request_stats
from synthdiv.fixtures import LocalServer

PROMPT = '''Write one new {{ label }} movie review about {{ topic }}, for {{ persona }}.
Here are reviews from the data set:
{{ examples }}
Answer with the review only.'''   # the user's own prompt: a Jinja template over the plan's fields


def job(server:str, reviews_csv:Path, out:Path, rows:int=500):
    "The user's code: plan, generate from a served model (cached), measure, write the dataset and card, push."
    from synthdiv.data import load_user_data
    from synthdiv.llm import served_llm
    from synthdiv.generation import (discover_topics, plan_prompts, PlanConfig, GenerationConfig, generate,
                                     write_outputs, push_folder, NEUTRAL_PERSONAS)
    from synthdiv.diversity import compare, LEXICAL
    real = load_user_data(reviews_csv, RT_TASK)                                  # validated, label a ClassLabel
    teacher = served_llm(server, 'Qwen/Qwen2.5-7B-Instruct', concurrency=32)     # OpenAI API + SQLite response cache
    topics = discover_topics(real['text'], k=20)                                 # topics of *your* data
    plan = plan_prompts(RT_TASK, PlanConfig(PROMPT, n_topics=25, per_topic=rows // 25, temperature=[0.7, 1.2], shots=2),
                        topics.names, personas=NEUTRAL_PERSONAS, examples=real)
    res = generate(teacher, RT_TASK, plan, out, GenerationConfig(render='chat'), real_texts=real['text'])
    n = min(len(real), len(res.data))
    table = compare({'real': real['text'], 'synthetic': res.data['text']}, metrics=LEXICAL, size=n)
    write_outputs(res, RT_TASK, out, table, license='cc-by-4.0', source_datasets=['rotten_tomatoes'])
    url = push_folder(out, 'me/synthetic-reviews', private=True)
    return res, table, url, teacher


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--rows', type=int, default=500, help='rows to generate')
    ap.add_argument('--out', type=Path, help='work folder [a new temporary one]')
    a = ap.parse_args()
    work = a.out or Path(tempfile.mkdtemp(prefix='side-by-side-'))
    work.mkdir(parents=True, exist_ok=True)
    rt = rotten_tomatoes()['train'].select(range(400))
    pd.DataFrame({'text': rt['text'], 'label': [RT_TASK.label_names[y] for y in rt['label']]}).to_csv(
        work/'reviews.csv', index=False)
    hub, uploads = work/'hub', []
    def create_repo(self, repo_id, **kw):
        uploads.append({'create_repo': repo_id, 'private': kw.get('private'), 'repo_type': kw.get('repo_type')})
        return f'https://huggingface.co/datasets/{repo_id}'
    def upload_folder(self, repo_id, folder_path, allow_patterns, delete_patterns, **kw):
        def sent(names): return sorted(n for n in names if any(fnmatch.fnmatch(n, p) for p in allow_patterns))
        uploads.append({'upload_folder': repo_id, 'files': sent(p.name for p in Path(folder_path).iterdir()),
                        'deleted first': delete_patterns})
        shutil.rmtree(hub, ignore_errors=True)   # the repo after the commit: old Parquet files deleted, new ones in
        shutil.copytree(folder_path, hub, ignore=lambda d, names: set(names) - set(sent(names)))
    report = {}
    with LocalServer(FakeLLM(name='Qwen/Qwen2.5-7B-Instruct')) as srv, \
         patch.object(HfApi, 'create_repo', create_repo), patch.object(HfApi, 'upload_folder', upload_folder):
        for attempt in ('first run', 'second run'):
            t0, seen = time.time(), len(srv.seen)
            res, table, url, teacher = job(srv.url, work/'reviews.csv', work/'out', a.rows)
            report[attempt] = {'seconds': round(time.time() - t0, 1), 'requests sent': len(srv.seen) - seen,
                               'counts': res.counts}
        report['a prompt sent'] = srv.seen[0]['body']['messages'][0]['content']   # (the first to arrive)
    report['diversity'] = table.pivot(index='metric', columns='corpus', values='mean').round(4).to_dict()
    report['pushed'], report['hub calls'] = url, uploads[-2:]
    data, card = load_dataset(str(hub), split='train'), DatasetCard.load(hub/'README.md')
    report['load_dataset(hub) data'] = {'rows': len(data), 'label': repr(data.features['label']),
                                        'features equal to generated': data.features == res.data.features}
    if list(hub.glob('rejected-*.parquet')):
        rejected = load_dataset(str(hub), 'rejected', split='train')
        report['load_dataset(hub, "rejected")'] = {'rows': len(rejected), 'reasons': sorted(set(rejected['reason']))}
    report['DatasetCard.load(hub)'] = {k: getattr(card.data, k) for k in ('license', 'task_categories', 'tags',
                                                                           'size_categories', 'source_datasets')}
    report['DatasetCard.load(hub) configs'] = [c['config_name'] for c in card.data.configs]
    report['card has the diversity table'] = '| distinct_2 ↑ |' in card.text
    report['work folder'] = str(work)
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == '__main__': main()
