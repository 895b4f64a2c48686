"""Issue 29, item 6: a run's tuned teacher exported (`synthdiv export-teacher`), served over the OpenAI API, and
used by `synthdiv run --teacher-server` to generate."""
import json
from synthdiv.cli import main
from synthdiv.fixtures import LocalServer
from synthdiv.llm import load_lm

def test_a_run_generates_with_its_exported_teacher_behind_a_server(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv('SYNTHDIV_CACHE', str(tmp_path/'cache'))
    tiny = ['run', '--profile', 'tiny', '--seeds', '0']
    assert main([*tiny, '--root', str(tmp_path/'local')]) == 0
    local, = (tmp_path/'local').iterdir()
    assert main(['export-teacher', str(local), str(tmp_path/'teacher')]) == 0
    assert 'vllm serve' in capsys.readouterr().out
    with LocalServer(load_lm(tmp_path/'teacher')) as srv:   # a stand-in for vLLM serving the folder
        assert main([*tiny, '--root', str(tmp_path/'served'), '--teacher-server', srv.url]) == 0
    served, = (tmp_path/'served').iterdir()
    metrics = json.loads((served/'metrics.json').read_text())
    g = metrics['generate']
    planned = g['counts']['requested']
    assert g['generator'] == metrics['teacher']['name'] and g['requests']['requests'] == planned == len(srv.seen)
    assert all(r['path'] == '/v1/completions' for r in srv.seen)   # the teacher's own prompts, not chats
    rows = [json.loads(l) for f in ('data.jsonl', 'rejected.jsonl') for l in open(served/'generated'/f)]
    assert len(rows) == planned and {r['teacher'] for r in rows} == {g['generator']}
    assert f"Written by the teacher served as `{g['generator']}`" in (served/'report.md').read_text()
