"""The shape of the library notebooks (`nbs/[0-9]*.ipynb`; not `nbs/lab/`, not `index`), per notebook and in all.

Usage: python tools/notebook_stats.py [--json] [--check]

- exported cells: how many, and their size in non-blank lines without `#|` directives (median / p90 / max);
- `multi`: exported cells that define more than one public name (top-level `def`/`class`/assignment not starting
  with `_`; a cell of one public name and private helpers counts as one);
- `checked`: exported cells (import cells aside) followed by a checking cell (`test_*` or `assert`) before the
  next exported cell;
- `names`: public names of the module's `__all__` that appear on a check line of their own notebook (a name the
  module imports from another is that notebook's to check);
- `long`: source lines over 120 characters (code and markdown); `semi`: statements joined by `;`;
- `leaks`: reads of `results/`, references to files outside the repository, `sys.path` edits.

`--check` exits 1 when a target of the design is missed (median <= 10, p90 <= 25, max <= 40, no multi, every
name checked, no long line, no `;`, no leak)."""
import ast, io, json, re, statistics, sys, tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECK = re.compile(r'\b(test_eq|test_close|test_fail|test_ne|test_is|test_eq_type|test_shuffled|test_stdout|test_warns)\b'
                   r'|^\s*assert\b')
LEAK = re.compile(r'results/|research/|\.\./tests|sys\.path')


def cells(nb: Path) -> list[dict]:
    "The cells of a notebook, each with its source as one string."
    return [{**c, 'text': ''.join(c['source'])} for c in json.loads(nb.read_text())['cells']]


def is_code(c, directive=None) -> bool:
    "Whether `c` is a code cell (with the `#| directive` line, when given)."
    if c['cell_type'] != 'code': return False
    return directive is None or bool(re.search(rf'^\s*#\|\s*{directive}\b', c['text'], re.M))


def body_lines(text: str) -> list[str]:
    "Non-blank lines that are not `#|` directives."
    return [l for l in text.splitlines() if l.strip() and not l.lstrip().startswith('#|')]


def public_defs(text: str) -> list[str]:
    "Public names a cell defines at top level (an alias `Old = New` defines nothing new)."
    try: tree = ast.parse('\n'.join(l for l in text.splitlines() if not l.lstrip().startswith('#|')))
    except SyntaxError: return []
    names = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)): names.append(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            if isinstance(node.value, ast.Name): continue   # `Old = New`: an alias, not a new definition
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names += [t.id for t in targets if isinstance(t, ast.Name)]
    return [n for n in names if not n.startswith('_') and n != '__all__']


def only_imports(text: str) -> bool:
    "Whether a cell holds nothing but imports (and `#|` directives, and nbdev's `_all_` declaration)."
    try: tree = ast.parse('\n'.join(l for l in text.splitlines() if not l.lstrip().startswith('#|')))
    except SyntaxError: return False
    def declares(n):   # nbdev's `_all_ = [...]` re-export declaration counts with the imports
        return isinstance(n, ast.Assign) and [getattr(t, 'id', None) for t in n.targets] == ['_all_']
    return bool(tree.body) and all(isinstance(n, (ast.Import, ast.ImportFrom)) or declares(n) for n in tree.body)


def imported_names(text: str) -> set:
    "Names a cell binds by `from ... import` (a re-export is checked in the notebook that defines it)."
    try: tree = ast.parse('\n'.join(l for l in text.splitlines() if not l.lstrip().startswith('#|')))
    except SyntaxError: return set()
    return {a.asname or a.name for n in tree.body if isinstance(n, ast.ImportFrom) for a in n.names}


def semicolons(text: str) -> int:
    "Statements joined by `;` in a code cell (tokens, so strings and comments do not count)."
    src = '\n'.join('' if l.lstrip().startswith(('%', '!')) else l for l in text.splitlines())
    try: return sum(t.type == tokenize.OP and t.string == ';' for t in tokenize.generate_tokens(io.StringIO(src).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError): return src.count(';')


def module_all(cs) -> list[str]:
    "`__all__` of the module a notebook exports to (read from the generated file)."
    m = next((re.search(r'#\|\s*default_exp\s+(\S+)', c['text']) for c in cs if is_code(c, 'default_exp')), None)
    if not m: return []
    path = ROOT / 'synthdiv' / (m.group(1).replace('.', '/') + '.py')
    if not path.exists(): return []
    found = re.search(r'__all__\s*=\s*(\[.*?\])', path.read_text(), re.S)
    return ast.literal_eval(found.group(1)) if found else []


def notebook(nb: Path) -> dict:
    "The numbers of one notebook."
    cs = cells(nb)
    exported = [i for i, c in enumerate(cs) if is_code(c, 'export')]
    examples = [i for i in exported if not only_imports(cs[i]['text'])]   # an import cell has nothing to check
    sizes = [len(body_lines(cs[i]['text'])) for i in exported]
    ends = exported[1:] + [len(cs)]
    checked = sum(any(is_code(cs[j]) and CHECK.search(cs[j]['text']) for j in range(i + 1, e))
                  for i, e in zip(exported, ends) if i in examples)
    check_lines = [l for c in cs if is_code(c) and not is_code(c, 'export') for l in c['text'].splitlines() if CHECK.search(l)]
    reexported = set().union(*(imported_names(cs[i]['text']) for i in exported))
    names = [n for n in module_all(cs) if n not in reexported]
    unchecked = [n for n in names if not any(re.search(rf'\b{re.escape(n)}\b', l) for l in check_lines)]
    text = [c['text'] for c in cs]
    return {'exported': len(exported), 'examples': len(examples), 'sizes': sizes,
            'multi': sum(len(public_defs(cs[i]['text'])) > 1 for i in exported),
            'checked': checked, 'names': len(names) - len(unchecked), 'all': len(names), 'unchecked': unchecked,
            'long': sum(len(l) > 120 for t in text for l in t.splitlines()),
            'semi': sum(semicolons(c['text']) for c in cs if is_code(c)),
            'leaks': sorted({m.group(0) for t in text for m in LEAK.finditer(t)}),
            'cells': len(cs), 'bytes': nb.stat().st_size}


def quantiles(sizes):
    "Median, p90 and max (p90 as `statistics.quantiles` with n=10)."
    if not sizes: return 0, 0, 0
    p90 = statistics.quantiles(sizes, n=10)[8] if len(sizes) > 1 else sizes[0]
    return statistics.median(sizes), p90, max(sizes)


def stats(root: Path = ROOT) -> dict:
    "Per notebook and in all."
    per = {nb.name: notebook(nb) for nb in sorted((root / 'nbs').glob('[0-9]*.ipynb'))}
    sizes = [s for v in per.values() for s in v['sizes']]
    total = {k: sum(v[k] for v in per.values()) for k in ('exported', 'examples', 'multi', 'checked', 'names', 'all', 'long', 'semi')}
    total['median'], total['p90'], total['max'] = quantiles(sizes)
    total['leaks'] = sum(len(v['leaks']) for v in per.values())
    return {'per': per, 'total': total}


def missed(t: dict) -> list[str]:
    "The design targets the totals miss."
    rules = [(t['checked'] == t['examples'], 'every exported cell followed by a check'), (t['median'] <= 10, 'median <= 10'), (t['p90'] <= 25, 'p90 <= 25'), (t['max'] <= 40, 'max <= 40'),
             (t['multi'] == 0, 'one public definition per exported cell'), (t['names'] == t['all'], 'every public name checked'),
             (t['long'] == 0, 'no line over 120 characters'), (t['semi'] == 0, 'no ;-joined statements'),
             (t['leaks'] == 0, 'no reads outside the library')]
    return [name for ok, name in rules if not ok]


def report(s: dict) -> str:
    "A table, one row per notebook, then the totals."
    head = (f"{'notebook':24s} {'cells':>5s} {'exp':>4s} {'median':>6s} {'p90':>5s} {'max':>4s} {'multi':>5s} "
            f"{'checked':>8s} {'names':>7s} {'long':>4s} {'semi':>4s}  leaks")
    rows = [head]
    for name, v in s['per'].items():
        med, p90, mx = quantiles(v['sizes'])
        rows.append(f"{name:24s} {v['cells']:5d} {v['exported']:4d} {med:6.1f} {p90:5.1f} {mx:4d} {v['multi']:5d} "
                    f"{v['checked']:3d}/{v['examples']:<4d} {v['names']:3d}/{v['all']:<3d} {v['long']:4d} {v['semi']:4d}"
                    f"  {', '.join(v['leaks'])}")
    t = s['total']
    rows.append(f"all: {t['exported']} exported cells, median {t['median']} / p90 {t['p90']:.1f} / max {t['max']} lines; "
                f"{t['multi']} with more than one public definition; {t['checked']}/{t['examples']} exported cells (import cells aside) followed by a check; "
                f"{t['names']}/{t['all']} public names on a check line; {t['long']} lines over 120 characters; "
                f"{t['semi']} ';'-joined statements; {t['leaks']} leaks")
    for name, v in s['per'].items():
        if v['unchecked']: rows.append(f"  unchecked in {name}: {', '.join(v['unchecked'])}")
    return '\n'.join(rows)


if __name__ == '__main__':
    s = stats()
    if '--json' in sys.argv: print(json.dumps(s, indent=1))
    else: print(report(s))
    if '--check' in sys.argv and (m := missed(s['total'])):
        print('targets missed: ' + '; '.join(m)); sys.exit(1)
