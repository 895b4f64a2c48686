"""The Gaussian-mixture experiment of Gan & Liu at larger sizes (07_bottleneck): the 2 x 2 grid {official world, valid
world} x {histogram KL, Monte-Carlo KL}, and the sweep over K, J and L as the paper varies them (one at a time, the
other two at 2), on CPU at reduced repetitions.

`grid` runs `gmm_grid` (every cell on the same seeds) over VALUES for the parameters in PARAMS, into
OUT/grid-PARAMS.csv: its (official world, histogram) cell is the faithful sweep (histogram KL with one truth sample
per round, 100 rounds of 1,000 points as the official code) and its (valid world, Monte-Carlo) cell the fixed one.
`sweep` runs `gmm_sweep` in the faithful and the fixed mode alone (OUT/sweep-MODE.csv).

example: nice -n 19 python nbs/lab/scripts/gmm_sweep.py grid --params J --reps 5 --out results/cpu-2026-12-07/gmm-sweep"""
import argparse, time
from pathlib import Path
import pandas as pd
from synthdiv.core import write_provenance
from synthdiv.bottleneck import gmm_grid, gmm_sweep, grid_table, summarise_sweep

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument('what', choices=['grid', 'sweep'])
p.add_argument('--values', type=int, nargs='+', default=[2, 4, 6, 8, 10, 12, 14])
p.add_argument('--reps', type=int, default=20, help='repetitions per point (official: 100)')
p.add_argument('--rounds', type=int, default=100, help='histogram rounds per repetition (official: 100)')
p.add_argument('--n-eval', type=int, default=1000, help='points per KL estimate (official: 1,000)')
p.add_argument('--params', default='KJL')
p.add_argument('--out', type=Path, required=True)
a = p.parse_args()
t0 = time.time()
a.out.mkdir(parents=True, exist_ok=True)
if a.what == 'grid':
    df = gmm_grid(a.values, a.reps, a.rounds, a.n_eval, params=a.params)
    df.to_csv(a.out/f'grid-{a.params}.csv', index=False)
    print(grid_table(df).round(2).to_string())
else:
    for mode in ('faithful', 'fixed'):
        t1 = time.time()
        df = gmm_sweep(a.values, a.reps, mode=mode, rounds=a.rounds, n_eval=a.n_eval, params=a.params)
        df.to_csv(a.out/f'sweep-{mode}.csv', index=False)
        print(mode, f'{time.time() - t1:.0f} s')
        print(summarise_sweep(df).round(2).to_string(), flush=True)
write_provenance(a.out, t0, name=f'provenance-{a.what}-{a.params}.json', config=vars(a) | {'out': str(a.out)})
print(f'done in {time.time() - t0:.0f} s')
