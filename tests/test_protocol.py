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
    def spy_repeat(task, train, dev, test, cfg, seeds):
        seen['students'].append((train, list(dev['text']), cfg))
        return repeat(task, train, dev, test, cfg, seeds=seeds)
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
