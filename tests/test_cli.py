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

def test_cli_keeps_its_promises(tmp_path):
    "Issue 30's CLI traps through the installed command: each refused before any work, leaving no folder; --version."
    r = _synthdiv('--version')
    assert r.returncode == 0 and r.stdout.startswith('synthdiv '), r.stdout
    r = _synthdiv('grid', '--template', 'topic_styel', '--out', str(tmp_path / 'grid'))
    assert r.returncode == 2 and "template 'topic_styel' is not one of" in r.stderr and not (tmp_path / 'grid').exists()
    (tmp_path / 'mine.csv').write_text('text,label\n' + ''.join(f'review number {i},{"ab"[i % 2]}\n' for i in range(8)))
    base = ('generate', str(tmp_path / 'mine.csv'), '--labels', 'a,b', '--profile', 'tiny')
    r = _synthdiv(*base, '--out', str(tmp_path / 'gen'), '--template', 'topic_styel')
    assert r.returncode == 2 and 'is not one of' in r.stderr and not (tmp_path / 'gen').exists()
    r = _synthdiv(*base, '--out', str(tmp_path / 'gen'), '--temperature', '0.5', '0.9', '1.3')
    assert r.returncode == 2 and 'got 3' in r.stderr and not (tmp_path / 'gen').exists()
    r = _synthdiv(*base, '--out', str(tmp_path / 'gen'), '--server', 'http://127.0.0.1:9/v1')
    assert r.returncode == 2 and '--server and --model go together' in r.stderr and not (tmp_path / 'gen').exists()
    r = _synthdiv('run', '--profile', 'tiny', '--budget', '50', '--dry-run', cwd=tmp_path)
    assert r.returncode == 0 and 'dry run: nothing was run' in r.stdout, r.stderr[-2000:]
    assert not (tmp_path / 'runs').exists()

def test_readme_and_help_agree():
    "Every flag the README gives a `synthdiv COMMAND` is one that command's --help lists."
    import re
    readme = (Path(__file__).parent.parent / 'README.md').read_text()
    spans = re.findall(r'`(synthdiv [^`]+)`', readme) + re.findall(r'^\s*(?:\.venv/bin/)?(synthdiv .+)$', readme, re.M)
    helps, checked = {}, 0
    for span in spans:
        words = span.split()
        cmd = words[1] if len(words) > 1 and not words[1].startswith('-') else None
        if cmd not in helps: helps[cmd] = _synthdiv(*([cmd] if cmd else []), '--help').stdout
        for flag in re.findall(r'(?<![\w-])--[a-z][a-z-]*', span):
            assert flag in helps[cmd], f'README: `{span}` gives {flag}, which `synthdiv {cmd or ""} --help` does not list'
            checked += 1
    assert checked >= 10, checked
