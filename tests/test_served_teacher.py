"""Issue 29, item 6: a run's tuned teacher exported (`synthdiv export-teacher`), served over the OpenAI API, and
used by `synthdiv run --teacher-server` to generate and (`--teacher-server-scores`) to score labels; a llama.cpp
server is refused for scoring before any work."""
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
        served_run = [*tiny, '--teacher-server', srv.url, '--teacher-server-scores']
        srv.owned_by = 'llamacpp'   # as llama.cpp's llama-server says it is
        assert main([*served_run, '--root', str(tmp_path/'refused')]) == 2
        assert "is llama.cpp's server" in capsys.readouterr().err and not (tmp_path/'refused').exists()
        srv.owned_by = 'vllm'
        assert main([*served_run, '--root', str(tmp_path/'served')]) == 0
    served, = (tmp_path/'served').iterdir()
    metrics = json.loads((served/'metrics.json').read_text())
    a, g = metrics['annotate'], metrics['generate']
    planned, labels = g['counts']['requested'], 2
    writes = [r for r in srv.seen if not r['body'].get('echo')]
    scores = [r for r in srv.seen if r['body'].get('echo')]   # label scoring: one request per text and label
    assert g['generator'] == a['annotator'] == g['label_check']['judge'] == metrics['teacher']['name']
    assert len(writes) == planned and len(scores) == labels * (a['rows'] + g['label_check']['rows']) > 0
    assert a['requests']['requests'] == labels * a['rows']
    assert g['requests']['requests'] == len(srv.seen) - labels * a['rows']   # each stage counts its own
    assert all(r['path'] == '/v1/completions' for r in srv.seen)   # the teacher's own prompts, not chats
    print(f"served teacher: {len(writes)} generation requests, {len(scores)} label-scoring requests "
          f"({a['rows']} annotated, {g['label_check']['rows']} checked, agreement {g['label_check']['agreement']:.3f})")
    rows = [json.loads(l) for f in ('data.jsonl', 'rejected.jsonl') for l in open(served/'generated'/f)]
    assert len(rows) == planned and {r['teacher'] for r in rows} == {g['generator']}
    report = (served/'report.md').read_text()
    assert f"Written by the teacher served as `{g['generator']}`" in report
    assert f"Labels scored by the teacher served as `{a['annotator']}`" in report
