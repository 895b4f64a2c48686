"The real-only students of the 100% Rotten Tomatoes budget on CPU, appended to copies of the H100 grids (their 100% teacher rows are done). usage: rt100_students.py frozen|ft [SEEDS]"
import shutil, sys, time
from pathlib import Path
from synthdiv.experiments import GridConfig, budget_grid
which = sys.argv[1]   # 'frozen' or 'ft'
mode, modes, seeds = {'frozen': ('frozen', ['none', 'annotate'], [0, 1, 2]), 'ft': ('finetune', ['none'], [int(s) for s in sys.argv[2:]] or [0])}[which]
src, dst = Path('results/h100-2026-11-22')/f'grid-{which}', Path('runs/rt100')/which
if not dst.exists(): shutil.copytree(src, dst)
t0 = time.time()
df = budget_grid(GridConfig(budgets=[1.0], modes=modes, seeds=seeds, student_mode=mode), dst)
print(df[df.budget == 1.0].to_string()); print(f'{which}: {time.time() - t0:.0f} s')
