"""The installed `synthdiv` console script: it exists, explains itself and fails cleanly on bad input."""
import json, os, shutil, subprocess, sys
from pathlib import Path

def _synthdiv(*args, cwd=None):
    exe = shutil.which('synthdiv', path=os.path.dirname(sys.executable)) or shutil.which('synthdiv')
    assert exe, 'the synthdiv console script is not installed (pip install -e .)'
    return subprocess.run([exe, *args], capture_output=True, text=True, cwd=cwd, timeout=300)

def test_help_lists_every_command():
    r = _synthdiv('--help')
    assert r.returncode == 0
    for cmd in ('run', 'grid', 'study', 'generate', 'diversity', 'report'): assert cmd in r.stdout
    r = _synthdiv('run', '--help')
    assert r.returncode == 0 and '--profile' in r.stdout and '--resume' in r.stdout

def test_bad_input_is_a_message_and_exit_code_2(tmp_path):
    r = _synthdiv('diversity', str(tmp_path / 'missing.csv'))
    assert r.returncode == 2 and 'missing.csv' in r.stderr and 'Traceback' not in r.stderr
    (tmp_path / 'x.jsonl').write_text('{"text": "one"}\n{"text": 5}\nnot json\n{"text": "two words"}\n')
    r = _synthdiv('diversity', str(tmp_path / 'x.jsonl'))
    assert r.returncode == 0 and '2 texts, 2 rows left out' in r.stdout
    r = _synthdiv('report', str(tmp_path))
    assert r.returncode == 2 and 'not a synthdiv run folder' in r.stderr

def test_headline_grid_with_tiny_models(tmp_path):
    "`synthdiv grid --task headlines`: a teacher row and one row per mode and seed, then a resumed run that adds nothing."
    args = ('grid', '--task', 'headlines', '--profile', 'tiny', '--budgets', '8', '--seeds', '0', '--modes', 'none',
            '--n-annotate', '4', '--n-generate', '4', '--teacher-epochs', '1', '--student-epochs', '1', '--test-rows', '6',
            '--out', str(tmp_path / 'hg'))
    r = _synthdiv(*args)
    assert r.returncode == 0, r.stderr[-2000:]
    rows = (tmp_path / 'hg' / 'grid.jsonl').read_text().splitlines()
    assert len(rows) == 2 and (tmp_path / 'hg' / 'grid.png').exists() and 'teacher tuned' in r.stdout
    settings = json.loads((tmp_path / 'hg' / 'grid_config.json').read_text())
    assert (settings['student_epochs'], settings['test_rows']) == (1, 6)
    assert _synthdiv(*args).returncode == 0 and (tmp_path / 'hg' / 'grid.jsonl').read_text().splitlines() == rows
