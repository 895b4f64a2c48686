"""Render nbs/index.ipynb into README.md without Quarto (not available offline): markdown cells as they are, code
cells as python blocks with their text outputs, hidden cells and nbdev directives left out.
`python tools/make_readme.py --check` fails if README.md is out of date."""
import json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def _text(out):
    if out.get('output_type') == 'stream': return ''.join(out['text'])
    data = out.get('data', {})
    if 'text/markdown' in data: return None, ''.join(data['text/markdown'])
    return ''.join(data.get('text/plain', ''))

def render(nb_path=ROOT/'nbs'/'index.ipynb') -> str:
    nb, parts = json.loads(Path(nb_path).read_text()), ['<!-- generated from nbs/index.ipynb by tools/make_readme.py: do not edit -->']
    for cell in nb['cells']:
        src = ''.join(cell['source'])
        if cell['cell_type'] == 'markdown': parts.append(src.strip()); continue
        lines = src.split('\n')
        if any(re.match(r'#\s*\|\s*hide', l) for l in lines): continue
        code = '\n'.join(l for l in lines if not re.match(r'#\s*\|', l)).strip()
        if code: parts.append(f'```python\n{code}\n```')
        for out in cell.get('outputs', []):
            t = _text(out)
            if isinstance(t, tuple): parts.append(t[1].strip())
            elif t and t.strip(): parts.append('    ' + t.strip().replace('\n', '\n    '))
    return '\n\n'.join(parts) + '\n'

if __name__ == '__main__':
    readme = ROOT/'README.md'
    if '--check' in sys.argv:
        if not readme.exists() or readme.read_text() != render(): sys.exit('README.md is out of date: run python tools/make_readme.py')
        print('README.md is up to date')
    else: readme.write_text(render()); print(f'wrote {readme}')
