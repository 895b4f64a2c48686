"""Fuzzing the input readers (issue 28): random bytes, truncated files, wrong types, wrong encodings and huge fields,
as CSV, TSV, JSONL, Parquet and `save_to_disk` folders. Every outcome must be a `DataError` that names the file, or
rows: the valid ones, and the rejected ones each with its row number, a reason and its content kept."""
import collections, json, random, shutil, signal, time
from pathlib import Path
import pandas as pd
import pytest
from datasets import Dataset, disable_progress_bars
from synthdiv.core import DataError
from synthdiv.data import MAX_TEXT_CHARS, Task, validate_rows, validate_texts

TASK = Task('fuzz', 'classification', ['neg', 'pos'])
FORMATS = ('.csv', '.tsv', '.jsonl', '.parquet', 'folder')
VALUES = [None, 1, -2.5, float('nan'), True, [1, 2], {'a': 1}, '', '   ', 'neg', 'pos', 'NEG', 'unknown', 'a fine film',
          '\u00e9t\u00e9 \u2603 \U0001F600', 'line\nbreak', 'tab\there', 'quote " and , comma', '\x00nul', 'x' * 300]

def _rows(g:random.Random, n:int) -> list[dict]:
    "Rows with random (often wrong) types in `text` and `label`, sometimes a column missing or an extra one."
    out = []
    for _ in range(n):
        row = {'text': g.choice(VALUES), 'label': g.choice(VALUES)}
        if g.random() < 0.1: row.pop(g.choice(['text', 'label']))
        if g.random() < 0.1: row['extra'] = g.choice(VALUES)
        out.append(row)
    return out

def _write(rows:list[dict], path:Path, fmt:str) -> Path:
    "Write `rows` in `fmt` as a careless user's tool would (mixed types left as they are where the format allows)."
    if fmt == '.jsonl':
        path.write_text(''.join(json.dumps(r) + '\n' for r in rows))
    elif fmt in ('.csv', '.tsv'):
        pd.DataFrame(rows).to_csv(path, sep='\t' if fmt == '.tsv' else ',', index=False)
    else:
        frame = pd.DataFrame(rows).astype(str) if rows else pd.DataFrame({'text': [], 'label': []})
        if fmt == '.parquet': frame.to_parquet(path)
        else: Dataset.from_pandas(frame, preserve_index=False).save_to_disk(str(path))
    return path

def _mangle(path:Path, g:random.Random, how:str):
    "Damage a written file (or the data file of a folder) in place."
    target = path if path.is_file() else max([f for f in path.iterdir() if f.is_file()], key=lambda p: p.stat().st_size)
    data = target.read_bytes()
    if how == 'truncate': data = data[:g.randrange(0, max(len(data), 1))]
    elif how == 'flip':
        data = bytearray(data)
        for _ in range(max(1, len(data) // 50) if data else 0): data[g.randrange(len(data))] = g.randrange(256)
        data = bytes(data)
    elif how == 'latin-1': data = data.decode('utf-8', 'replace').encode('latin-1', 'replace') + b'\xe9\xff\n'
    elif how == 'utf-16': data = data.decode('utf-8', 'replace').encode('utf-16')
    target.write_bytes(data)

def _case(g:random.Random, tmp:Path, k:int) -> tuple[str, Path, int|None]:
    "One fuzz input: (what it is, its path, the number of data rows when that is known)."
    fmt = g.choice(FORMATS)
    path = tmp/(f'case{k}' + ('' if fmt == 'folder' else fmt))
    kind = g.choice(['random bytes', 'wrong types', 'truncated', 'flipped bytes', 'other encoding', 'huge field'])
    if kind == 'random bytes':
        if fmt == 'folder':
            path.mkdir(); (path/'data-00000-of-00001.arrow').write_bytes(g.randbytes(g.randrange(0, 3000)))
            (path/'state.json').write_bytes(g.randbytes(g.randrange(0, 200)))
        else: path.write_bytes((b'PAR1' if fmt == '.parquet' and g.random() < 0.5 else b'') + g.randbytes(g.randrange(0, 3000)))
        return kind, path, None
    rows = _rows(g, g.randrange(0, 30))
    if kind == 'huge field':
        rows.append({'text': 'word ' * (MAX_TEXT_CHARS // 5 + g.randrange(1, 40000)), 'label': 'pos'})
    _write(rows, path, fmt)
    if kind == 'wrong types' or kind == 'huge field': return kind, path, len(rows) if fmt == '.jsonl' else None
    _mangle(path, g, {'truncated': 'truncate', 'flipped bytes': 'flip'}.get(kind, g.choice(['latin-1', 'utf-16'])))
    return kind, path, None

class _Hang(Exception): pass

def _alarm(*_): raise _Hang()

def _check(read, path:Path, known:int|None) -> str:
    "Read `path`; the kind of outcome, after checking it is one of the two allowed."
    try: valid, rejected = read(path)
    except DataError as e:
        assert path.name in str(e), f'{path}: a DataError that does not name the file: {e}'
        return 'DataError naming the file'
    for r in rejected:
        assert isinstance(r['row'], int) and r['reason'], (path, r)
        assert r['raw'] != '' or r['reason'].startswith(('missing', 'empty')), (path, r)   # its content is kept
    if known is not None: assert len(valid) + len(rejected) == known, (path, len(valid), len(rejected), known)
    if 'label' in valid.column_names: assert set(valid['label']) <= {0, 1}
    assert all(isinstance(t, str) and t.strip() for t in valid['text'])
    return 'rows, some rejected' if len(rejected) else ('rows' if len(valid) else 'no rows')

def test_readers_survive_fuzzed_files(tmp_path):
    disable_progress_bars()
    g, outcomes, started, n = random.Random(28), collections.Counter(), time.time(), 500
    readers = {'validate_rows': lambda p: validate_rows(p, TASK), 'validate_texts': validate_texts}
    old = signal.signal(signal.SIGALRM, _alarm)
    try:
        for k in range(n):
            kind, path, known = _case(g, tmp_path, k)
            for name, read in readers.items():
                signal.alarm(60)   # a reader that hangs on some input is a failure, not a slow test
                try: outcomes[(kind, _check(read, path, known))] += 1
                except _Hang: pytest.fail(f'{name} hung on {kind} {path}')
                finally: signal.alarm(0)
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    finally: signal.signal(signal.SIGALRM, old)
    took = time.time() - started
    print(f'{n} inputs x {len(readers)} readers in {took:.1f} s:')
    for (kind, outcome), count in sorted(outcomes.items()): print(f'  {kind:15} -> {outcome}: {count}')
    assert sum(outcomes.values()) == n * len(readers)
    assert {o for _, o in outcomes} >= {'DataError naming the file', 'rows, some rejected'}   # both kinds were met
