"""The bootstrap intervals of `metric_correlations` (09c_studies): synthdiv's row-wise correlations against scipy's
`spearmanr` and `pearsonr` called once per resample, the way one would write it (and the way synthdiv did before).

Same table (8 datasets, as in the diversity study, and 15 scores, one of them missing on two datasets), same 2,000
bootstrap resamples; both give the same intervals (checked to 1e-9 before rounding), and the time of each is the best
of `--repeats` runs.

    python benchmarks/correlations.py [--datasets 8] [--scores 15] [--boot 2000]
"""
import argparse, json, time, platform
import numpy as np, pandas as pd
from scipy.stats import spearmanr, pearsonr
from synthdiv.core import rng
from synthdiv.studies import _rowwise_correlations, _correlation_or_none


def scipy_loop(x, y, resamples):
    "Spearman and Pearson of each resample with scipy, None where a resample has < 3 values or a constant side."
    rho, r = [], []
    for i in resamples:
        got = _correlation_or_none(x[i], y[i])
        rho.append(np.nan if got is None else got[0])
        r.append(np.nan if got is None else got[1])
    return np.array(rho), np.array(r)


def best_of(fn, repeats):
    times = []
    for _ in range(repeats):
        t = time.perf_counter(); out = fn(); times.append(time.perf_counter() - t)
    return min(times), out


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--datasets', type=int, default=8)
    p.add_argument('--scores', type=int, default=15)
    p.add_argument('--boot', type=int, default=2000)
    p.add_argument('--repeats', type=int, default=3)
    a = p.parse_args(argv)
    g = rng(0)
    y = g.normal(0.7, 0.02, a.datasets)
    table = pd.DataFrame({f's{j}': y * g.normal(1, 0.5) + g.normal(0, 0.02, a.datasets) for j in range(a.scores)})
    table.loc[:1, 's0'] = np.nan   # a score the judge could not give on two datasets
    resamples = rng(0).integers(0, a.datasets, (a.boot, a.datasets))
    cols = [table[c].to_numpy(float) for c in table]
    t_ours, ours = best_of(lambda: [_rowwise_correlations(x[resamples], y[resamples]) for x in cols], a.repeats)
    t_peer, peer = best_of(lambda: [scipy_loop(x, y, resamples) for x in cols], a.repeats)
    for (r1, p1), (r2, p2) in zip(ours, peer):
        assert np.array_equal(np.isnan(r1), np.isnan(r2)) and np.allclose(r1[~np.isnan(r1)], r2[~np.isnan(r2)], atol=1e-9)
        assert np.allclose(p1[~np.isnan(p1)], p2[~np.isnan(p2)], atol=1e-9)
    print(json.dumps({'datasets': a.datasets, 'scores': a.scores, 'resamples': a.boot, 'synthdiv_s': round(t_ours, 4),
                      'scipy_loop_s': round(t_peer, 3), 'speedup': round(t_peer / t_ours, 1), 'identical': True,
                      'machine': platform.machine(), 'python': platform.python_version()}))


if __name__ == '__main__': main()
