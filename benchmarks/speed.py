"""Speed benchmarks of issue 12: `python benchmarks/speed.py` (part of `make bench`). Prints; asserts nothing.

  - start-up: `mandatekit check examples/minusca-zero-draft.docx --format json` against a bare
    `python -c pass`, both measured here, alternately, and their ratio (the goal is 15x at most)
  - the stages of that check (imports, rulebook from the cache, read, judge, JSON), in a fresh process
  - `check FOLDER --format csv` of the 319 real resolutions in ../shared/corpus/txt at --jobs 1 and 2:
    resolutions per second and peak memory of the whole process tree (skipped if ../shared is absent)
  - cost per byte of one huge single paragraph against the corpus
  - a scaling table: 1x, 2x, 4x text; 1x, 2x rules; 1, 2 jobs

The machine may be shared: compare ratios measured in one run, not figures across runs. Where even those
vary, `--instructions` adds the instructions each start-up command executes, counted by valgrind's
callgrind: the same count on every run, whatever else the machine is doing (about 50x slower).
`--code DIR` runs the command-line measurements with the mandatekit package found in DIR (an older
checkout, to measure before and after in one run).
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# ../shared beside the repository (or beside the folder of worktrees); the project never needs it.
CORPUS = next(
    (p / "shared" / "corpus" / "txt" for p in ROOT.parents if (p / "shared" / "corpus" / "txt").is_dir()),
    ROOT.parent / "shared" / "corpus" / "txt",
)
NEUTRAL = Path(tempfile.gettempdir())  # commands run from here: no mandatekit/ folder in the way of --code
DRAFT = ROOT / "examples" / "minusca-zero-draft.docx"

STAGES = """
import time, json, sys
t0 = time.perf_counter()
import mandatekit.cli
from mandatekit.api import setup
from mandatekit.read import read
t1 = time.perf_counter()
s = setup()
t2 = time.perf_counter()
d = read(sys.argv[1])
t3 = time.perf_counter()
r = s.judge(d)
t4 = time.perf_counter()
json.dumps(r.model_dump(mode="json"), indent=2, ensure_ascii=False)
t5 = time.perf_counter()
print(" ".join(f"{x * 1000:.0f}" for x in (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)))
"""


def env_for(code: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as a pip install: modules compiled once, then loaded
    if code is not None:
        env["PYTHONPATH"] = str(code)
    return env


def wall(cmd: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, env=env, cwd=NEUTRAL, check=False)
    return time.perf_counter() - start


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc; 0 elsewhere)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def run_with_peak(cmd: list[str], env: dict[str, str]) -> tuple[float, int, bytes]:
    """Wall seconds, peak resident memory of the process tree (KB, sampled), stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=NEUTRAL)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss_kb(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, _ = proc.communicate()
    elapsed = time.perf_counter() - start
    sampler.join()
    return elapsed, peak[0], out


def instructions(cmd: list[str], env: dict[str, str]) -> int | None:
    """Instructions executed by a command and its children (callgrind); None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}.%p", "--trace-children=yes", *cmd],
            capture_output=True,
            env=env,
            cwd=NEUTRAL,
            check=False,
        )
        total = 0
        for profile in Path(tmp).glob("callgrind.out.*"):
            for line in profile.read_text(errors="replace").splitlines():
                if line.startswith("summary:"):
                    total += int(line.split()[1])
                    break
        return total or None


def count_startup(code: Path | None, label: str) -> None:
    env = env_for(code)
    check = [sys.executable, "-m", "mandatekit", "check", str(DRAFT), "--format", "json"]
    subprocess.run(check, capture_output=True, env=env, cwd=NEUTRAL, check=False)  # fill the caches
    bare = instructions([sys.executable, "-c", "pass"], env)
    full = instructions(check, env)
    if bare is None or full is None:
        print(f"instr    {label:8} skipped: valgrind is not installed")
        return
    print(f"instr    {label:8} python -c pass {bare / 1e6:6.0f} M instructions; check bundled .docx "
          f"--format json {full / 1e6:6.0f} M; ratio {full / bare:5.1f}x (callgrind: the same on every run)")  # fmt: skip


def startup(code: Path | None, label: str, repeat: int) -> None:
    env = env_for(code)
    check = [sys.executable, "-m", "mandatekit", "check", str(DRAFT), "--format", "json"]
    subprocess.run(
        check, capture_output=True, env=env, cwd=NEUTRAL, check=False
    )  # fill the caches (bytecode, rulebook)
    bare, full = [], []
    for _ in range(repeat):  # alternately, so that both see the same load on a shared machine
        bare.append(wall([sys.executable, "-c", "pass"], env))
        full.append(wall(check, env))
    b, f = statistics.median(bare), statistics.median(full)
    print(f"start-up {label:8} python -c pass {b * 1000:6.1f} ms; check bundled .docx --format json "
          f"{f * 1000:6.1f} ms; ratio {f / b:5.1f}x (goal <= 15x)")  # fmt: skip
    stages = subprocess.run(
        [sys.executable, "-c", STAGES, str(DRAFT)],
        capture_output=True,
        text=True,
        env=env,
        cwd=NEUTRAL,
        check=False,
    ).stdout.split()
    if len(stages) == 5:
        names = ("imports", "rulebook", "read .docx", "judge", "JSON")
        print(f"stages   {label:8} " + ", ".join(f"{n} {v} ms" for n, v in zip(names, stages, strict=True)))


def corpus(code: Path | None, label: str) -> dict[int, float]:
    if not CORPUS.is_dir():
        print(f"corpus   {label:8} skipped: {CORPUS} is absent")
        return {}
    n = len(list(CORPUS.glob("*.txt")))
    rates = {}
    outputs = []
    check = [sys.executable, "-m", "mandatekit", "check"]
    helped = subprocess.run(
        [*check, "--help"], capture_output=True, env=env_for(code), cwd=NEUTRAL, check=False
    )
    has_jobs = b"--jobs" in helped.stdout  # an older mandatekit may have no --jobs: one process, then
    for jobs in (1, 2) if has_jobs else (1,):
        cmd = [*check, str(CORPUS), "--format", "csv", *(["--jobs", str(jobs)] if has_jobs else [])]
        elapsed, peak, out = run_with_peak(cmd, env_for(code))
        outputs.append(out)
        rates[jobs] = n / elapsed
        print(f"corpus   {label:8} --jobs {jobs}: {n} resolutions in {elapsed:5.2f} s = {n / elapsed:6.1f}/s "
              f"(goal >= 100/s); peak memory of all processes {peak / 1024:5.0f} MB (goal < 400)")  # fmt: skip
    if len(outputs) == 2:
        print(f"corpus   {label:8} --jobs 1 and 2 give the same CSV: {outputs[0] == outputs[1]}")
    return rates


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


PARAGRAPH = (
    "requests the Mission to support the extension of State authority in the prefectures, encourages "
    "international partners to provide financial support to the Government, stresses the importance of "
    "the rule of law and of justice institutions, requests the Mission to monitor and publicly report on "
    "violations by all actors, calls upon the authorities to respect the Status of Forces Agreement and "
    "requests the Mission to protect civilians irrespective of the source of violence, "
)


def in_process(paragraph_mb: float) -> None:
    from mandatekit.api import setup
    from mandatekit.errors import MandatekitError
    from mandatekit.judge import Prepared, judge_document, judge_rule
    from mandatekit.read import read, read_string

    s = setup()
    rules, profile = s.rulebook.rules, s.profile
    if CORPUS.is_dir():
        # Only the drafts the tool judges: a draft it refuses (e.g. one in French, which the English rules would
        # misjudge) is refused before judging and would only stop the measurement.
        paths, refused = [], 0
        for path in sorted(CORPUS.glob("*.txt")):
            try:
                s.judge(read(path))
            except MandatekitError:
                refused += 1
            else:
                paths.append(path)
        size = sum(p.stat().st_size for p in paths)
        per_byte = timed(lambda: [s.judge(read(p)) for p in paths]) / size
        print(f"per byte corpus: {per_byte * 1e9:7.0f} ns/byte (read + judge, one process, {size / 1e6:.1f} MB; "
              f"{len(paths)} drafts, {refused} refused)")  # fmt: skip
    else:
        per_byte = None
    text = "The Security Council,\n\n1. Decides that the Mission " + PARAGRAPH * int(
        paragraph_mb * 1e6 / len(PARAGRAPH)
    )
    start = time.perf_counter()
    report = judge_document(read_string(text + "end.\n"), rules, profile)
    one = (time.perf_counter() - start) / len(text)
    ratio = f", x{one / per_byte:.2f} the corpus" if per_byte else ""
    print(f"per byte one paragraph of {len(text) / 1e6:.0f} MB: {one * 1e9:7.0f} ns/byte (read + judge{ratio}); "
          f"{sum(len(f.evidence) for f in report.findings)} pieces of evidence")  # fmt: skip

    print("scaling  (read + judge in one process; ideal: x2 per doubling, x1 for 1 -> 2 jobs per draft)")

    def draft(k: int) -> str:  # k x 200 numbered operative paragraphs
        return "The Security Council,\n\n" + "".join(f"{i + 1}. {PARAGRAPH}\n\n" for i in range(200 * k))

    base = draft(1)
    judge_document(read_string(base), rules, profile)  # patterns compiled, RE2 caches warm
    t = {k: timed(lambda k=k: judge_document(read_string(draft(k)), rules, profile), 3) for k in (1, 2, 4)}
    print(f"  text   1x {t[1] * 1000:7.1f} ms   2x {t[2] * 1000:7.1f} ms (x{t[2] / t[1]:.2f})   "
          f"4x {t[4] * 1000:7.1f} ms (x{t[4] / t[1]:.2f})")  # fmt: skip
    prepared = Prepared(read_string(base))
    r1 = timed(lambda: [judge_rule(prepared, r, profile) for r in rules], 3)
    r2 = timed(lambda: [judge_rule(prepared, r, profile) for r in rules * 2], 3)
    print(
        f"  rules  {len(rules)} {r1 * 1000:7.1f} ms   {len(rules) * 2} {r2 * 1000:7.1f} ms (x{r2 / r1:.2f})"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(40):
            (Path(tmp) / f"d{i:02}.txt").write_text(base, encoding="utf-8")
        cmd = [sys.executable, "-m", "mandatekit", "check", tmp, "--format", "csv", "--jobs"]
        j1 = wall([*cmd, "1"], env_for(None))
        j2 = wall([*cmd, "2"], env_for(None))
        print(f"  jobs   1 {j1 * 1000:7.0f} ms   2 {j2 * 1000:7.0f} ms (x{j2 / j1:.2f}) for 40 drafts, CLI")


def skip_corpus(listed: Path) -> None:
    """Measure on the corpus less the resolutions named in `listed` (a holdout no tool may run on): a folder of
    links to the others takes the corpus's place."""
    global CORPUS
    if not CORPUS.is_dir():
        return
    names = {line.strip() for line in listed.read_text(encoding="utf-8").splitlines() if line.strip()}
    folder = Path(tempfile.mkdtemp(prefix="mandatekit-corpus-"))
    atexit.register(shutil.rmtree, folder, True)
    kept = [p for p in sorted(CORPUS.glob("*.txt")) if p.stem not in names and p.name not in names]
    for p in kept:
        (folder / p.name).symlink_to(p)
    print(f"corpus: {len(kept)} resolutions, {len(names)} left out as listed in {listed}")
    CORPUS = folder


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--code", type=Path, help="also measure the command line of an older checkout")
    parser.add_argument("--repeat", type=int, default=9, help="start-up runs of each command")
    parser.add_argument("--paragraph-mb", type=float, default=20, help="size of the one-paragraph draft")
    parser.add_argument("--skip-in-process", action="store_true", help="command-line figures only")
    parser.add_argument(
        "--instructions", action="store_true", help="also count start-up instructions (valgrind)"
    )
    parser.add_argument(
        "--skip",
        type=Path,
        help="a file of resolution names (one a line) the corpus figures leave out: a holdout",
    )
    args = parser.parse_args()
    if args.skip:
        skip_corpus(args.skip)
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at the start")
    if args.code:
        startup(args.code, "before", args.repeat)
    startup(None, "now", args.repeat)
    if args.instructions:
        if args.code:
            count_startup(args.code, "before")
        count_startup(None, "now")
    if args.code:
        before = corpus(args.code, "before")
    now = corpus(None, "now")
    if args.code and before and now:
        print(f"corpus   speed-up --jobs 2 now against before: x{now[2] / before[max(before)]:.2f} "
              f"(before at --jobs {max(before)})")  # fmt: skip
    if not args.skip_in_process:
        in_process(args.paragraph_mb)


if __name__ == "__main__":
    main()
