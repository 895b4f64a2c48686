"""Diversity against student accuracy (Chen et al. 2024), and ΔI against gain (Gan & Liu 2024), at a chosen scale.

The study of `synthdiv.studies.run_diversity_study` (`nbs/09c_studies.ipynb`; `synthdiv study` is the same from the
command line), as a script for a bigger machine:

    python nbs/lab/scripts/diversity_experiment.py --out runs/dva --rows 500 --student finetune --seeds 0 1 2 --agent-rounds 50

The teacher is tuned on the 5% Rotten Tomatoes budget (cached by its hash). Each prompt plan's data is generated
into OUT/plans/NAME in shards, so an interrupted run resumes without generating anything twice; OUT/table.csv
holds every diversity score with its spread over `--subsets` corpus subsets, ΔI per sample and per token with its
standard error (measured on the sampling the plan generated with) and the student's accuracy with its standard
error per plan, and OUT/correlations.csv the Spearman and Pearson correlation of each score with accuracy (90%
intervals over bootstrap resamples of the plans that also draw each value within its uncertainty);
OUT/figures/scores_vs_accuracy.png plots them with both error bars; OUT/provenance.json says how they were made. With `--agent-rounds N` (default 10) the table has the cluster-agent score too, judged by the untuned base
model (SmolLM2-135M-Instruct) with the small-judge settings of `nbs/06_cluster_agent.ipynb` (N rounds of 6 texts
per dataset); `--agent-rounds 0` leaves it out. `--profile tiny` runs the same with tiny random models (a teacher of
1 epoch, students scored on 200 test reviews), a check that takes a few minutes. Models run on `default_device()`.
"""
import argparse, time
from pathlib import Path
from synthdiv.core import default_device
from synthdiv.pipeline import PROFILES, get_profile
from synthdiv.studies import StudyConfig, run_diversity_study


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--out', type=Path, default=Path('runs/dva'))
    p.add_argument('--rows', type=int, default=100, help='prompts per plan')
    p.add_argument('--student', choices=['frozen', 'finetune'], default='frozen')
    p.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2])
    p.add_argument('--info-prompts', type=int, default=12, help='prompts per plan for ΔI')
    p.add_argument('--info-samples', type=int, default=4, help='samples per prompt for ΔI')
    p.add_argument('--agent-rounds', type=int, default=10, help='cluster-agent rounds per dataset (0: no cluster-agent score)')
    p.add_argument('--profile', choices=sorted(PROFILES), default='default', help='tiny random models, for a check that takes a few minutes')
    p.add_argument('--plans', nargs='+', default=[], help='names in study_plans (default: all eight)')
    p.add_argument('--subsets', type=int, default=10, help="corpus subsets per dataset for each diversity value's spread")
    p.add_argument('--subset-share', type=float, default=0.8, help="share of a dataset's rows in each subset")
    p.add_argument('--teacher-epochs', type=int, help="the teacher's upper bound on epochs (default: the profile's, else 3)")
    p.add_argument('--test-rows', type=int, help='test reviews the students are scored on (default: the profile\'s, else all)')
    a = p.parse_args(argv)
    t0 = time.time()
    print(f'device: {default_device()}', flush=True)
    # the profile's own teacher epochs and test rows (tiny: 1 epoch, 200 test reviews); the flags set everything else
    sizes = {k: v for k, v in get_profile(a.profile).run_sizes.items() if k in ('teacher_epochs', 'test_rows')}
    sizes.update({k: v for k, v in (('teacher_epochs', a.teacher_epochs), ('test_rows', a.test_rows)) if v is not None})
    cfg = StudyConfig(profile=a.profile, rows=a.rows, student_method=a.student, seeds=a.seeds, info_prompts=a.info_prompts,
                      info_samples=a.info_samples, agent_rounds=a.agent_rounds, plans=a.plans, subsets=a.subsets,
                      subset_share=a.subset_share, **sizes)
    table, corr = run_diversity_study(cfg, a.out, log=lambda line: print(line, flush=True))
    print(table.round(3).to_string(index=False)); print(corr.round(2).to_string(index=False))
    print(f'total {time.time() - t0:.0f} s; written: {a.out}/table.csv, {a.out}/correlations.csv, {a.out}/provenance.json', flush=True)


if __name__ == '__main__': main()
