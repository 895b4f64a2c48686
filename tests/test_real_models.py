"The embedded real models load offline and behave: SmolLM2 (teacher and judge) and all-MiniLM-L6-v2 (embeddings)."
import numpy as np, pytest
from synthdiv.llm import smollm2, load_embedder, sequence_logprob

@pytest.fixture(scope='module')
def teacher(): return smollm2(batch_size=8)

def test_batched_greedy_generation_matches_one_prompt_at_a_time(teacher):
    prompts = [[{'role': 'user', 'content': q}] for q in ('Write one short positive movie review.', 'Name a colour.',
               'Write a headline about a football match that ended in a draw after extra time.')]
    batched = teacher.generate(prompts, max_new_tokens=16)
    teacher.batch_size = 1
    try: single = teacher.generate(prompts, max_new_tokens=16)
    finally: teacher.batch_size = 8
    assert batched == single
    assert all(len(t.split()) >= 3 for t in batched)

def test_label_scoring_prefers_the_right_sentiment(teacher):
    reviews = ['A warm, funny and beautifully acted film.', 'A dull, lifeless mess that wastes its cast.']
    prompts = [f'Review: {r}\nIs this review positive or negative?\nAnswer:' for r in reviews]
    pos = sequence_logprob(teacher, prompts, [' positive'] * 2)
    neg = sequence_logprob(teacher, prompts, [' negative'] * 2)
    assert pos[0] - neg[0] > pos[1] - neg[1]    # the positive review leans more positive than the negative one

def test_minilm_embeddings():
    m = load_embedder()
    v = m.encode(['A wonderful, heartfelt film.', 'A great movie with superb acting.', 'The stock market fell sharply today.'],
                 normalize_embeddings=True)
    assert v.shape == (3, 384)
    assert v[0] @ v[1] > 0.5 and abs(v[0] @ v[2]) < 0.2
