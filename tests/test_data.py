"Properties of the real splits, the budget sampler and user-data loading, beyond the notebook's examples."
import json, numpy as np, pandas as pd, pytest
from datasets import Dataset, DatasetDict
from synthdiv.core import DataError
from synthdiv.data import *

@pytest.fixture(scope='module')
def rt(): return rotten_tomatoes()

@pytest.mark.parametrize('seed', [0, 1, 7])
def test_budgets_are_nested_and_stratified(rt, seed):
    train = rt['train']; p = np.mean(train['label'])
    sets = [budget_sample(train, b, seed=seed) for b in (0.01, 0.05, 0.10, 1.0)]
    for small, big in zip(sets, sets[1:]):
        assert set(small['text']) <= set(big['text'])
        assert big['text'][:len(small)] == small['text']            # a prefix of one ordering
    for s in sets: assert abs(sum(s['label']) - p * len(s)) <= 1     # class counts within one of proportional
    assert len(set(sets[-1]['text'])) == len(train)                  # 100% is a permutation of the whole set

def test_budget_order_is_stratified_for_many_classes():
    g = np.random.default_rng(0)
    for _ in range(20):
        labels = g.integers(0, g.integers(2, 8), size=g.integers(20, 300))
        order = budget_order(labels, seed=int(g.integers(1000)))
        share = np.bincount(labels) / len(labels)
        for n in range(1, len(labels) + 1, 7):
            assert np.all(np.abs(np.bincount(labels[order[:n]], minlength=len(share)) - n * share) <= 1 + 1e-9)

def test_group_split_never_splits_a_group_and_hits_the_shares():
    g = np.random.default_rng(1)
    groups = g.integers(0, 300, size=5000); labels = groups % 3
    split = group_split(groups, strata=labels, seed=3)
    assert pd.DataFrame({'g': groups, 's': split}).groupby('g').s.nunique().max() == 1
    shares = pd.Series(split).value_counts(normalize=True)
    assert abs(shares['test'] - 0.2) < 0.03 and abs(shares['dev'] - 0.1) < 0.03

def test_real_splits_are_fixed_and_disjoint(rt):
    assert rotten_tomatoes()['test']['text'] == rt['test']['text']
    bbc = bbc_news()
    assert len(set(bbc['train']['text']) & set(bbc['test']['text'])) == 0
    for split in bbc.values(): assert sorted(set(split['label'])) == [0, 1, 2, 3, 4]

def test_csv_rows_are_records_not_lines(tmp_path):
    f = tmp_path/'multi.csv'
    f.write_text('text,label\n"A film\nthat spans two lines.",positive\n"",negative\n')
    with pytest.raises(DataError, match=r"row 2, field 'text': empty text"): load_user_data(f, RT_TASK)

def test_bom_tsv_and_extra_columns(tmp_path):
    f = tmp_path/'reviews.tsv'
    f.write_bytes('\ufefftext\tlabel\tcritic\nGreat.\tpositive\tA\nBad.\t0\tB\n'.encode('utf-8'))
    d = load_user_data(f, RT_TASK)
    assert d['label'] == [1, 0] and d.column_names == ['text', 'label', 'source']

def test_generation_data_and_custom_columns(tmp_path):
    f = tmp_path/'news.jsonl'
    f.write_text(json.dumps({'body': 'Markets rose.', 'title': 'Shares up'}) + '\n' + json.dumps({'body': 'x', 'title': ''}) + '\n')
    valid, rejected = validate_rows(f, HEADLINE_TASK, text_col='body', target_col='title')
    assert valid['target'] == ['Shares up'] and rejected[0]['reason'] == 'empty target' and rejected[0]['field'] == 'title'

def test_parquet_wrong_types_and_dataset_dict_folder(tmp_path):
    pd.DataFrame({'text': ['ok', 'fine'], 'label': [1, 7]}).to_parquet(tmp_path/'x.parquet')
    with pytest.raises(DataError, match=r"row 2, field 'label': label id 7 out of range 0..1"): load_user_data(tmp_path/'x.parquet', RT_TASK)
    DatasetDict({'train': Dataset.from_dict({'text': ['a'], 'label': [0]})}).save_to_disk(str(tmp_path/'dd'))
    assert len(load_user_data(tmp_path/'dd', RT_TASK)) == 1
    with pytest.raises(DataError, match=r"splits \['train'\]"): load_user_data(tmp_path/'dd', RT_TASK, split='test')

def test_nothing_is_lost(tmp_path):
    lines = ['{"text": "t%d", "label": %s}' % (i, ['0', '1', '"x"', 'null'][i % 4]) for i in range(40)] + ['{bad json']
    (tmp_path/'m.jsonl').write_text('\n'.join(lines))
    valid, rejected = validate_rows(tmp_path/'m.jsonl', RT_TASK)
    assert len(valid) + len(rejected) == 41 and len(rejected) == 21
    assert set(rejected['reason']) == {"unknown label 'x' (expected one of: negative, positive)", 'missing label', 'invalid JSON: Expecting property name enclosed in double quotes at column 2'}
