"`build_once` is safe when processes race and when a build is killed half-way."
import os, signal, subprocess, sys, time, textwrap
from pathlib import Path

BUILDER = textwrap.dedent('''
    import os, sys, time
    from pathlib import Path
    from synthdiv.core import build_once
    def build(tmp):
        with open(sys.argv[2], 'a') as log: log.write(f"{os.getpid()}\\n")
        time.sleep(float(sys.argv[3])); (tmp/'weights.bin').write_bytes(b'x' * 1000)
    print(build_once(Path(sys.argv[1]), build))
''')

def spawn(target, log, secs):
    return subprocess.Popen([sys.executable, '-c', BUILDER, str(target), str(log), str(secs)], stdout=subprocess.PIPE, text=True)

def test_two_processes_starting_together_build_once(tmp_path):
    target, log = tmp_path/'model', tmp_path/'builds.log'
    procs = [spawn(target, log, 2) for _ in range(2)]
    outs = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    assert outs == [str(target)] * 2
    assert len(log.read_text().split()) == 1                      # one build, the other process waited and reused it
    assert (target/'weights.bin').stat().st_size == 1000
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith('.model.')] == []   # no temporary folder left

def test_a_killed_build_leaves_no_half_folder(tmp_path):
    target, log = tmp_path/'model', tmp_path/'builds.log'
    p = spawn(target, log, 30)
    for _ in range(600):
        if log.exists() and log.read_text().strip(): break
        time.sleep(0.05)
    p.send_signal(signal.SIGKILL); p.wait()
    assert not target.exists()                                     # nobody can mistake the half build for a model
    q = spawn(target, log, 0); assert q.communicate(timeout=120)[0].strip() == str(target)
    assert (target/'weights.bin').exists() and len(log.read_text().split()) == 2
