"Run every notebook in `nbs/` as a test with nbdev's own runner, honouring the `tst_flags` in settings.ini."
import os
from pathlib import Path
import pytest
from nbdev.config import get_config
from nbdev.test import test_nb as run_nb   # aliased so pytest does not collect nbdev's function as a test

NBS = Path(__file__).parent.parent/'nbs'
NOTEBOOKS = sorted(p for p in NBS.glob('*.ipynb') if not p.name.startswith(('_', '.')))

def skip_flags():
    "Flags whose cells are skipped: settings.ini `tst_flags` minus those named in `NBDEV_FLAGS` (e.g. 'slow')."
    wanted = set(os.environ.get('NBDEV_FLAGS', '').split())
    return [f for f in get_config().tst_flags.split() if f not in wanted]

def test_found_notebooks():
    assert len(NOTEBOOKS) >= 4, NOTEBOOKS

@pytest.mark.parametrize('nb', NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook(nb, monkeypatch):
    monkeypatch.chdir(nb.parent)
    monkeypatch.setenv('SYNTHDIV_PROGRESS', '0')
    ok, secs = run_nb(nb, skip_flags=skip_flags(), basepath=get_config().config_path, do_print=False)
    assert ok, f'{nb.name} failed (its traceback is printed above)'
