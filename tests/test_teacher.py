"Teacher training options the notebook does not walk through: full fine-tuning, loss on every token, early stopping."
import numpy as np, torch
from synthdiv.data import RT_TASK, HEADLINE_TASK, rotten_tomatoes, bbc_headlines, budget_sample
from synthdiv.llm import sequence_logprob
from synthdiv.fixtures import tiny_llm
from synthdiv.teacher import TeacherConfig, fine_tune, load_teacher
from synthdiv.formats import label_scores
from synthdiv.generation import annotate

def _data(n=24):
    rt = rotten_tomatoes()
    return budget_sample(rt['train'], n), rt['dev'].select(range(24))

def test_full_fine_tuning_saves_every_weight_and_reloads_without_a_base(tmp_path):
    few, dev = _data()
    t = fine_tune(tiny_llm(), RT_TASK, few, dev, TeacherConfig(method='full', epochs=2, lr=1e-3), path=tmp_path/'full')
    assert t.history[-1]['dev_loss'] < t.history[0]['dev_loss']
    again = load_teacher(tmp_path/'full')                       # no base needed: the whole model is saved
    p = ['Review: a gem\nSentiment:']
    np.testing.assert_allclose(sequence_logprob(again, p, [' positive']), sequence_logprob(t, p, [' positive']), atol=1e-5)
    assert not list((tmp_path/'full').glob('*.bin')) and not list((tmp_path/'full').glob('*.pt'))   # safetensors only

def test_loss_on_all_tokens_learns_the_inputs_too(tmp_path):
    few, dev = _data()
    cfg = dict(epochs=3, lr=3e-3, formats=['annotate'], accumulate=1)   # a step per batch: enough steps on few rows
    only = fine_tune(tiny_llm(), RT_TASK, few, dev, TeacherConfig(loss_on='completion', **cfg), path=tmp_path/'c')
    every = fine_tune(tiny_llm(), RT_TASK, few, dev, TeacherConfig(loss_on='all', **cfg), path=tmp_path/'a')
    text = [' ' + dev['text'][0]]
    # the model trained on every token assigns the review text a higher likelihood than the one trained on labels only
    assert sequence_logprob(every, ['Review:'], text)[0] > sequence_logprob(only, ['Review:'], text)[0]

def test_early_stopping_keeps_the_best_epoch_even_if_it_is_the_untrained_model(tmp_path):
    few, dev = _data(); base = tiny_llm()
    t = fine_tune(base, RT_TASK, few, dev, TeacherConfig(method='full', epochs=6, lr=1.0, warmup=0.0, patience=1), path=tmp_path/'es')
    trained = [h for h in t.history if h['epoch'] > 0]
    assert len(trained) < 6 and trained[0]['dev_loss'] > t.history[0]['dev_loss']   # a huge learning rate only hurts: it stopped
    assert t.best_epoch == 0
    p = ['Review: a gem\nSentiment:']                                                 # so the teacher is the base model again
    np.testing.assert_allclose(sequence_logprob(t, p, [' positive']), sequence_logprob(base, p, [' positive']), atol=1e-5)

def test_generation_task_teacher_writes_headlines(tmp_path):
    hl = bbc_headlines()
    few, dev = budget_sample(hl['train'], 8), hl['dev'].select(range(8))
    t = fine_tune(tiny_llm(), HEADLINE_TASK, few, dev, TeacherConfig(epochs=1, max_length=96), path=tmp_path/'hl')
    out = annotate(t, HEADLINE_TASK, [few['text'][0][:300]], out_dir=tmp_path/'ann', max_new_tokens=6)
    assert out.column_names[:2] == ['text', 'target'] and isinstance(out['target'][0], str)

def test_label_scores_of_a_bigger_batch_do_not_depend_on_batching():
    lm = tiny_llm(); texts = ['a gem', 'dull and long, far too long for what it is', 'fine', 'an utter mess of a film']
    lm.batch_size = 1; one = label_scores(lm, RT_TASK, texts)
    lm.batch_size = 4; np.testing.assert_allclose(label_scores(lm, RT_TASK, texts), one, atol=1e-4)
