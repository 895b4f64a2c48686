"""Bad servers and bad judges (issue 28, cases 11-17): against the fault-injection server of `synthdiv.fixtures`
(127.0.0.1 only, bounded in requests), `synthdiv generate`, `synthdiv diversity --judge-server` and `synthdiv run
--judge-server` finish, keep every answer that came, and count every failure with its reason."""
import json, os, shutil, signal, subprocess, sys, time
from pathlib import Path
import pandas as pd
import pytest
from synthdiv.cli import main
from synthdiv.fixtures import LocalServer, KeywordJudge
from synthdiv.llm import FakeLLM

WORDS = {'positive': ['warm', 'funny', 'bright', 'moving', 'sharp', 'lovely'],
         'negative': ['dull', 'slow', 'cold', 'flat', 'stale', 'tired']}

def _reviews(path:Path) -> Path:
    "A small labelled CSV: 24 reviews of two labels."
    rows = [(label, f'A {ws[i % 6]} film about {topic}, {ws[(i + 1) % 6]} and {ws[(i + 3) % 6]} to the end.')
            for label, ws in WORDS.items() for i, topic in enumerate(['ghosts', 'football', 'music', 'war'] * 3)]
    pd.DataFrame(rows, columns=['label', 'text']).to_csv(path, index=False)
    return path

def _lines(path:Path) -> list[dict]: return [json.loads(l) for l in path.read_text().splitlines() if l.strip()]

def _generate(csv, server, out, *more):
    return main(['generate', str(csv), '--labels', 'negative,positive', '--server', server.url, '--model', 'fake',
                 '--template', 'label', '--n-topics', '1', '--per-topic', '32', '--out', str(out), *more])

def test_generate_through_a_failing_server_finishes_and_the_rerun_asks_only_what_failed(tmp_path, monkeypatch, capsys):
    "Cases 11-13 and 17: refused prompts and exhausted retries become counted rejected rows; fixed, a rerun completes."
    monkeypatch.setenv('SYNTHDIV_CACHE', str(tmp_path/'cache'))
    csv, out = _reviews(tmp_path/'reviews.csv'), tmp_path/'proj'
    with LocalServer(FakeLLM(), refuse='positive', fail_rate=0.2, seed=3, max_requests=500) as srv:
        srv.fail = ['bad json', 'no choices']   # two 200s that are not answers: retried like a 503
        assert _generate(csv, srv, out, '--max-retries', '1', '--price', '0.5,2', '--rpm', '600') == 0
        said = capsys.readouterr().out
        rejected, summary = _lines(out/'rejected.jsonl'), json.loads((out/'summary.json').read_text())
        asked, counts = summary['config']['requests'], summary['counts']
        refused = [r for r in rejected if r['reason'] == 'request failed (HTTP 400)']
        assert len(refused) == 16 == asked['failures']['HTTP 400']      # every positive prompt, refused for ever
        assert all('prompt refused' in r['output'] for r in refused)    # the server's own words are kept
        assert counts['kept'] + asked['failed'] == counts['requested'] == 32
        assert asked['requests'] == len(srv.seen) and {'bad json', 'no choices'} <= set(srv.outcomes)
        assert f"requests to {srv.url}: {asked['requests']} sent" in said and '16 HTTP 400' in said
        cost = (asked['prompt_tokens'] * 0.5 + asked['completion_tokens'] * 2) / 1e6   # --price, USD per million
        assert asked['cost_usd'] == pytest.approx(cost) and f'cost ${cost:.4f}' in said
        assert asked['rate_wait_s'] > 0   # 36 requests at 10 a second: all but a second's worth waited
        assert 'request failed (HTTP 400)' in (out/'README.md').read_text()
        first_kept = _lines(out/'data.jsonl')
        with capsys.disabled(): print(f"first run: {counts} | {asked['requests']} requests, {asked['retries']} retries, "
              f"{asked['failed']} failed {asked['failures']} | server answered {srv.outcomes}")

        srv.refuse, srv.fail_rate, sent = None, 0.0, len(srv.seen)   # the server is fixed
        assert _generate(csv, srv, out, '--max-retries', '1') == 0
        assert len(srv.seen) - sent == asked['failed']                  # only the failed requests were sent again
        with capsys.disabled(): print(f'rerun against the fixed server: {len(srv.seen) - sent} requests sent')
        final = _lines(out/'data.jsonl')
        assert len(final) == 32 and _lines(out/'rejected.jsonl') == []
        assert [r for r in final if r in first_kept] == first_kept      # the answers that came are kept as they were
    with LocalServer(FakeLLM()) as calm:                                # case 17: another server, same folder
        assert _generate(csv, calm, out) == 2
        assert 'server: "' + srv.url in capsys.readouterr().err
        monkeypatch.setenv('SYNTHDIV_CACHE', str(tmp_path/'fresh-cache'))
        assert _generate(csv, calm, tmp_path/'calm') == 0               # a server that never failed
    calm_texts = sorted(r['text'] for r in _lines(tmp_path/'calm'/'data.jsonl'))
    assert sorted(r['text'] for r in final) == calm_texts
    print(f'final: {len(final)} rows kept, equal to an undisturbed run')


def _judged_diversity(tmp_path, srv, *more):
    texts = tmp_path/'texts.jsonl'
    texts.write_text(''.join(json.dumps({'text': f'a {w} number {i}'}) + '\n'
                             for i, w in enumerate(['dull', 'thriller', 'story', 'film'] * 3)))
    out = tmp_path/'div.csv'
    rc = main(['diversity', str(texts), '--judge-server', srv.url, '--judge-model', 'keyword-judge', '--agent-rounds',
               '3', '--agent-k', '4', '--out', str(out), *more])
    return rc, pd.read_csv(out).set_index('metric')

def test_one_malformed_judge_reply_is_retried(tmp_path, monkeypatch):
    "Case 16: a reply that is not JSON, and one with no choices, cost nothing but a retry."
    judge = KeywordJudge(['film', 'thriller', 'story', 'dull'])
    monkeypatch.setenv('SYNTHDIV_CACHE', str(tmp_path/'cache-calm'))
    with LocalServer(judge) as calm: _, clean = _judged_diversity(tmp_path, calm)
    monkeypatch.setenv('SYNTHDIV_CACHE', str(tmp_path/'cache-faulty'))   # nothing answered from the calm run's cache
    with LocalServer(judge) as srv:
        srv.fail = ['bad json', 'no choices']
        rc, table = _judged_diversity(tmp_path, srv)
    assert rc == 0 and table.loc['cluster_agent', 'mean'] == clean.loc['cluster_agent', 'mean'] > 0
    print(f"one malformed reply: score {table.loc['cluster_agent', 'mean']} (clean run the same); server {srv.outcomes}")
    assert table.loc['cluster_agent', 'repeats'] == 3
    assert srv.outcomes['bad json'] == srv.outcomes['no choices'] == 1

def test_a_judge_that_always_fails_costs_only_its_row(tmp_path, capsys, monkeypatch):
    "Case 16: every judge reply malformed: the lexical table is written and the agent's row says why it is empty."
    monkeypatch.setenv('SYNTHDIV_CACHE', str(tmp_path/'cache'))
    with LocalServer(KeywordJudge(['film'])) as srv:
        srv.fail = ['bad json'] * 400
        rc, table = _judged_diversity(tmp_path, srv, '--max-retries', '0')
    said = capsys.readouterr().out
    assert rc == 0 and {'distinct_2', 'cluster_agent'} <= set(table.index)
    assert pd.notna(table.loc['distinct_2', 'mean']) and pd.isna(table.loc['cluster_agent', 'mean'])
    assert 'judge failed' in table.loc['cluster_agent', 'note'] and 'cluster agent (keyword-judge) failed' in said
    assert f"{srv.outcomes['bad json']} invalid JSON" in said      # every failed request counted, with its reason
    with capsys.disabled(): print(f"judge always failing: {srv.outcomes}; lexical rows kept: {int(table['mean'].notna().sum())}")


def test_run_with_a_flaky_judge_finishes_and_reports_its_failures(tmp_path, monkeypatch):
    "Cases 13 and 16 in `synthdiv run`: a judge failing 30% of requests (no retries) costs rounds, not the run."
    monkeypatch.setenv('SYNTHDIV_CACHE', str(tmp_path/'cache'))
    with LocalServer(KeywordJudge(['film', 'thriller', 'story', 'dull']), fail_rate=0.3, seed=0) as srv:
        rc = main(['run', '--profile', 'tiny', '--seeds', '0', '--root', str(tmp_path/'runs'), '--judge-server',
                   srv.url, '--judge-model', 'keyword-judge', '--max-retries', '0'])
    assert rc == 0
    run, = (tmp_path/'runs').iterdir()
    ca = json.loads((run/'metrics.json').read_text())['cluster_agent']
    assert ca['requests']['failed'] == srv.outcomes['HTTP 500'] > 0 and ca['requests']['requests'] == len(srv.seen)
    report = (run/'report.md').read_text()
    assert f"requests to {srv.url}: {len(srv.seen)} sent, 0 retried, {srv.outcomes['HTTP 500']} failed" in report
    assert all(ca[c]['scored_rounds'] >= 1 for c in ('real (budget)', 'annotated', 'generated'))   # the agent asked again
    print(f"run with a flaky judge: {ca['requests']}; scored rounds "
          f"{ {c: ca[c]['scored_rounds'] for c in ('real (budget)', 'annotated', 'generated')} }")


def test_ctrl_c_while_a_request_hangs_exits_at_once(tmp_path):
    "Case 15: SIGINT during a request that would hang for a minute ends the command in seconds, with exit code 130."
    texts = tmp_path/'texts.jsonl'
    texts.write_text(''.join(json.dumps({'text': f'text number {i} about films'}) + '\n' for i in range(8)))
    with LocalServer(KeywordJudge(['film']), hang_s=60) as srv:
        srv.fail = ['hang'] * 50
        env = {**os.environ, 'SYNTHDIV_PROGRESS': '0', 'SYNTHDIV_CACHE': str(tmp_path/'cache')}
        exe = shutil.which('synthdiv', path=os.path.dirname(sys.executable)) or shutil.which('synthdiv')
        p = subprocess.Popen([exe, 'diversity', str(texts), '--judge-server', srv.url,
                              '--judge-model', 'j', '--timeout', '50'], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True,
                             # as from a terminal: a suite started in the background (`cmd &`, nohup) ignores SIGINT,
                             # and a child would inherit that and never see the Ctrl-C this test sends
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        deadline = time.time() + 120
        while not srv.seen and time.time() < deadline and p.poll() is None: time.sleep(0.05)
        assert srv.seen, 'the judge was never asked'
        time.sleep(0.5)
        t0 = time.time()
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=30)
        took = time.time() - t0
    assert p.returncode == 130 and 'interrupted' in err and took < 10, (p.returncode, took, err[-500:])
    print(f'Ctrl-C during a 60 s hang (timeout 50 s): exit {p.returncode} after {took:.2f} s')


def test_dry_run_counts_the_plan_and_sends_nothing(tmp_path, capsys):
    "Issue 29: `--dry-run` shows the first prompts and counts requests, tokens and cost; no request, no teacher."
    csv = _reviews(tmp_path/'reviews.csv')
    with LocalServer(FakeLLM()) as srv:
        assert _generate(csv, srv, tmp_path/'dry', '--dry-run', '--price', '0.5,2') == 0
        assert srv.seen == []
    said = capsys.readouterr().out
    start = said.index('{\n "requests"')
    counted = json.loads(said[start:said.index('\n}', start) + 2])
    assert counted['requests'] == 32 and counted['completion_tokens_at_most'] == 32 * 64 and 'prompt 1 of 32' in said
    assert counted['cost_usd_at_most'] == (counted['prompt_tokens'] * 0.5 + 32 * 64 * 2) / 1e6
    assert not (tmp_path/'dry'/'data.jsonl').exists() and 'nothing was sent' in said
    assert main(['generate', str(csv), '--labels', 'negative,positive', '--template', 'label', '--n-topics', '1',
                 '--per-topic', '8', '--out', str(tmp_path/'local'), '--dry-run']) == 0   # a local teacher: not tuned
    said = capsys.readouterr().out
    assert '"counted_with": "the tokenizer"' in said and not (tmp_path/'local'/'data.jsonl').exists()
