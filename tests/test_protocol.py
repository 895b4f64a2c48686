"The run's protocol: no label outside the budget reaches a model, and every mode adds as many rows and trains as long."
import tempfile
from pathlib import Path
import synthdiv.pipeline as pipeline
from synthdiv.pipeline import RunConfig, RunContext, run_stage
from synthdiv.core import new_run


def test_only_budget_labels_reach_a_model(monkeypatch):
    seen = {'teacher': [], 'students': []}
    tune, repeat = pipeline.fine_tune, pipeline.repeat_seeds
    def spy_tune(base, task, train, dev, cfg, **kw):
        seen['teacher'].append((list(train['text']), list(dev['text'])))
        return tune(base, task, train, dev, cfg, **kw)
    def spy_repeat(task, train, dev, test, cfg, seeds, **kw):
        seen['students'].append((train, list(dev['text']), cfg))
        return repeat(task, train, dev, test, cfg, seeds=seeds, **kw)
    monkeypatch.setattr(pipeline, 'fine_tune', spy_tune)
    monkeypatch.setattr(pipeline, 'repeat_seeds', spy_repeat)
    cfg = RunConfig.tiny(budget=40, n_annotate=24, n_topics=2, per_topic=6, seeds=[0], student_method='finetune',
                         student_epochs=2)
    c = RunContext(cfg, new_run(Path(tempfile.mkdtemp()), config=cfg))
    c.results = {}
    for stage in ('data', 'teacher', 'annotate', 'generate', 'students'): c.results[stage] = run_stage(c, stage)
    budget, dev = set(c.few['text']), set(c.few_dev['text'])
    assert len(budget) == 40 and len(dev) == 10 and not dev & set(c.few_train['text'])
    (t_train, t_dev), = seen['teacher']
    assert set(t_train) | set(t_dev) <= budget and set(t_dev) == dev
    assert len(seen['students']) == 3
    for train, s_dev, _ in seen['students']:
        real = [t for t, s in zip(train['text'], train['source']) if s == 'real']
        assert set(real) == set(c.few_train['text']) and set(s_dev) == dev
    added = [len(train) - len(c.few_train) for train, _, _ in seen['students']]
    assert added[0] == 0 and added[1] == added[2] > 0            # equal synthetic amounts
    updates = {cfg.updates for _, _, cfg in seen['students']}
    assert updates == {2 * -(-max(len(t) for t, _, _ in seen['students']) // 32)}   # the same updates in every mode


def test_synthdiv_run_on_a_users_files(tmp_path, capsys):
    import pandas as pd
    from synthdiv.cli import main
    billing, bug = ['invoice', 'refund', 'charge', 'payment', 'receipt', 'subscription'], \
                   ['crash', 'freeze', 'error', 'button', 'screen', 'login']
    rows = [(kind, f'The {words[i % 6]} and the {words[(i + 1 + i // 6) % 6]} went wrong for order {i}.')
            for kind, words in (('billing', billing), ('bug', bug)) for i in range(30)] + [('bug', '')]
    pd.DataFrame(rows, columns=['kind', 'message']).to_csv(tmp_path/'tickets.csv', index=False)
    unlabelled = [f'A {w} question about my account.' for w in billing + bug] * 2
    pd.DataFrame({'message': unlabelled}).to_csv(tmp_path/'unlabelled.csv', index=False)
    rc = main(['run', '--profile', 'tiny', '--train', str(tmp_path/'tickets.csv'), '--labels', 'billing,bug',
               '--unlabelled', str(tmp_path/'unlabelled.csv'), '--text-col', 'message', '--label-col', 'kind',
               '--seeds', '0', '--root', str(tmp_path/'runs')])
    assert rc == 0
    run, = (tmp_path/'runs').iterdir()
    report = (run/'report.md').read_text()
    assert 'tickets, budget 1.0 (48 labelled rows: 36 to train on, 12 to select on, no other label)' in report
    assert '- no test file: 12 of the labelled rows (20%) held out to test on' in report
    assert '- 1 rows rejected from the train file' in report
    assert (run/'input_rejected'/'train.jsonl').read_text().count('\n') == 1
    assert 'Annotated 24 unlabelled texts (no gold labels to check)' in report
    import json
    from synthdiv.generation import NEUTRAL_STYLES
    styles = {json.loads(l).get('style') for f in ('data.jsonl', 'rejected.jsonl') for l in open(run/'generated'/f)}
    assert styles and styles <= set(NEUTRAL_STYLES)   # not the movie-review styles

def test_a_run_without_unlabelled_texts_leaves_annotation_out(tmp_path):
    "With no unlabelled file nothing is annotated: the students leave that mode out and the report says why."
    import json, pandas as pd
    from synthdiv.cli import main
    rows = [(k, f'The {w} of order {i} went wrong.') for k, w in (('billing', 'invoice'), ('bug', 'screen'))
            for i in range(20)]
    pd.DataFrame(rows, columns=['kind', 'message']).to_csv(tmp_path/'tickets.csv', index=False)
    assert main(['run', '--profile', 'tiny', '--train', str(tmp_path/'tickets.csv'), '--labels', 'billing,bug',
                 '--text-col', 'message', '--label-col', 'kind', '--seeds', '0', '--root', str(tmp_path/'runs')]) == 0
    run, = (tmp_path/'runs').iterdir()
    report, students = (run/'report.md').read_text(), json.loads((run/'metrics.json').read_text())['students']
    kept = json.loads((run/'metrics.json').read_text())['generate']['counts'].get('kept', 0)
    assert 'real+annotated: not trained, no annotated rows (no unlabelled texts outside the budget)' in report
    assert sorted(students) == ['real'] + ['real+generated'] * bool(kept)   # not real rows again under another name
