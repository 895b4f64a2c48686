"Generation, annotation, teacher and student training killed with SIGKILL and restarted give exactly the uninterrupted result."
import os, signal, subprocess, sys, time
from pathlib import Path

SCRIPT = '''
import sys
from pathlib import Path
from synthdiv.fixtures import tiny_llm
from synthdiv.data import RT_TASK
from synthdiv.generation import *
out = Path(sys.argv[1]); lm = tiny_llm()
plan = plan_prompts(RT_TASK, PlanConfig('topic_style_persona', n_topics=6, per_topic=8, temperature=[0.7, 1.3]),
                    ['ghost, haunted', 'football, team', 'music, score', 'war, soldiers'])
res = generate(lm, RT_TASK, plan, out/'gen', GenerationConfig(max_new_tokens=10, shard_size=4), real_texts=['a gem'])
ann = annotate(lm, RT_TASK, [f'review number {i}: ' + 'good ' * (i % 7) for i in range(40)], out/'ann', shard_size=4)
ann.to_json(out/'annotated.jsonl')
print('DONE', len(res.data), len(res.rejected), len(ann))
'''

def _env():
    return {**os.environ, 'SYNTHDIV_PROGRESS': '0', 'HF_HUB_OFFLINE': '1', 'TRANSFORMERS_OFFLINE': '1', 'OMP_NUM_THREADS': '1'}

def _shards(folder:Path) -> int:
    return sum(len(list(d.glob('shard-*.jsonl'))) for d in (folder/'gen'/'shards', folder/'ann'/'shards') if d.exists())

def _files(folder:Path) -> dict:
    names = ['gen/data.jsonl', 'gen/rejected.jsonl', 'gen/summary.json', 'gen/README.md', 'annotated.jsonl']
    names += sorted(str(p.relative_to(folder)) for p in folder.glob('*/shards/shard-*.jsonl'))
    return {n: (folder/n).read_bytes() for n in names}

def test_killed_generation_resumes_to_the_same_data(tmp_path):
    script = tmp_path/'job.py'; script.write_text(SCRIPT)
    ref, run = tmp_path/'ref', tmp_path/'run'
    done = subprocess.run([sys.executable, str(script), str(ref)], env=_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    total = _shards(ref); assert total == 12 + 10
    kills = []
    for target in (1, 7, 12, 15):          # kill after this many shard files exist (generation, then annotation)
        p = subprocess.Popen([sys.executable, str(script), str(run)], env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while p.poll() is None and _shards(run) < target: time.sleep(0.01)
        if p.poll() is None:
            p.send_signal(signal.SIGKILL); p.wait(); kills.append(_shards(run))
    assert len(kills) >= 3 and kills == sorted(kills) and kills[-1] < total, kills
    done = subprocess.run([sys.executable, str(script), str(run)], env=_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    a, b = _files(ref), _files(run)
    assert sorted(a) == sorted(b)
    assert [n for n in a if a[n] != b[n]] == []
    assert done.stdout.startswith('DONE'), done.stdout


PAUSE = '''
import sys, time
from pathlib import Path
from synthdiv.train import Callback
class PauseAt(Callback):
    "Stand still (for the test to SIGKILL us) once a checkpoint at or past `target` is written; say where in `marker`."
    order = 30   # after `Checkpoint` (20) has written this batch's checkpoint
    def __init__(self, target, marker): self.target, self.marker = target, marker
    def after_batch(self, learn):
        here = (learn.position['epoch'], learn.position['batch'])
        saved = learn.position['batch'] % learn.accumulate == 0   # `Checkpoint` writes only after an optimiser step
        if self.target and here >= self.target and saved and not self.marker.exists():
            self.marker.write_text('%d,%d' % here); time.sleep(3600)
target = tuple(map(int, sys.argv[2].split(','))) if len(sys.argv) > 2 else None
pause = PauseAt(target, Path(sys.argv[1])/'paused')
'''

TEACHER = PAUSE + '''
import sys, time
from pathlib import Path
import synthdiv.teacher as teacher
from synthdiv.fixtures import tiny_llm
from synthdiv.data import RT_TASK, rotten_tomatoes, budget_sample
calls = []
real_loss = teacher.masked_lm_loss
def counted(*args): calls.append(1); return real_loss(*args)
teacher.masked_lm_loss = counted
rt = rotten_tomatoes()
t = teacher.fine_tune(tiny_llm(), RT_TASK, budget_sample(rt['train'], 32), rt['dev'].select(range(16)),
                      teacher.TeacherConfig(epochs=2, lr=3e-3, token_budget=256), path=Path(sys.argv[1])/'teacher', checkpoint_every=0,
                      cbs=[pause])
print('DONE', t.weights_hash, len(calls), [round(h['dev_loss'], 6) for h in t.history])
'''

def _position(ckpt:Path):
    "(epoch, next batch) of a training checkpoint, or None while there is none (or it is being replaced)."
    from synthdiv.train import checkpoint_meta
    try: p = checkpoint_meta(ckpt)['position']
    except Exception: return None
    return p['epoch'], p['batch']

def _kill_at(script:Path, folder:Path, target:tuple, ckpt:Path):
    "Run `script` until it pauses at or past `target` (its `PauseAt` callback), SIGKILL it there; where it stopped."
    folder.mkdir(exist_ok=True)
    marker = folder/'paused'; marker.unlink(missing_ok=True)
    p = subprocess.Popen([sys.executable, str(script), str(folder), ','.join(map(str, target))], env=_env(),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 600
    while p.poll() is None and not marker.exists() and time.time() < deadline: time.sleep(0.05)
    if p.poll() is not None: return None          # it finished (or failed) before reaching `target`
    p.send_signal(signal.SIGKILL); p.wait()
    paused = tuple(map(int, marker.read_text().split(','))); marker.unlink()
    assert paused >= target and _position(ckpt) == paused, (target, paused, _position(ckpt))
    return paused

def test_killed_teacher_training_resumes_to_the_same_weights(tmp_path):
    script = tmp_path/'train.py'; script.write_text(TEACHER)
    ref, run = tmp_path/'ref', tmp_path/'run'
    done = subprocess.run([sys.executable, str(script), str(ref)], env=_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    _, ref_hash, ref_calls, ref_losses = done.stdout.split(' ', 3)
    assert not (ref/'teacher.checkpoint.safetensors').exists()
    ckpt = run/'teacher.checkpoint.safetensors'
    kills = [_kill_at(script, run, target, ckpt) for target in ((1, 3), (2, 2))]  # killed at these (epoch, batch)
    assert None not in kills and kills == sorted(set(kills)), kills
    done = subprocess.run([sys.executable, str(script), str(run)], env=_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    _, run_hash, run_calls, run_losses = done.stdout.split(' ', 3)
    assert run_hash == ref_hash and run_losses == ref_losses          # exactly the uninterrupted result
    assert int(run_calls) < int(ref_calls), (run_calls, ref_calls)   # and it went on from the checkpoint, not from the start
    assert not ckpt.exists() and (run/'teacher'/'teacher.json').exists()


STUDENT = PAUSE + '''
import sys, hashlib, time
from pathlib import Path
import numpy as np
from synthdiv.data import RT_TASK, rotten_tomatoes, budget_sample
from synthdiv.student import StudentConfig, train_student
from synthdiv.train import Callback
class CountBatches(Callback):
    n = 0
    def after_batch(self, learn): CountBatches.n += 1
rt = rotten_tomatoes()
train, dev = budget_sample(rt['train'], 64), rt['dev'].select(range(32))
cfg = StudentConfig(method='finetune', model='tiny', epochs=2, patience=2, batch_size=8, learning_rate=1e-3)
s = train_student(RT_TASK, train, dev, cfg, checkpoint=Path(sys.argv[1])/'student.ckpt', checkpoint_every=0,
                  cbs=[CountBatches(), pause])
proba = np.round(s.predict_proba(rt['test']['text'][:64]), 6)
print('DONE', hashlib.sha256(proba.tobytes()).hexdigest()[:16], CountBatches.n,
      [round(h['dev_accuracy'], 6) for h in s.history])
'''

def test_killed_student_training_resumes_to_the_same_model(tmp_path):
    "A fine-tuned student killed twice mid-training and restarted predicts exactly as one never interrupted."
    script = tmp_path/'student.py'; script.write_text(STUDENT)
    ref, run = tmp_path/'ref', tmp_path/'run'
    ref.mkdir(); run.mkdir()
    done = subprocess.run([sys.executable, str(script), str(ref)], env=_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    _, ref_hash, ref_batches, ref_history = done.stdout.strip().split(' ', 3)
    ckpt = run/'student.ckpt'
    kills = [_kill_at(script, run, target, ckpt) for target in ((1, 4), (2, 2))]  # killed at these (epoch, batch)
    assert None not in kills and kills == sorted(set(kills)), kills
    done = subprocess.run([sys.executable, str(script), str(run)], env=_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    _, run_hash, run_batches, run_history = done.stdout.strip().split(' ', 3)
    assert (run_hash, run_history) == (ref_hash, ref_history)             # exactly the uninterrupted result
    assert int(run_batches) < int(ref_batches), (run_batches, ref_batches)  # and it went on from the checkpoint
