"""Time `collectif check` against a bare libyaml parse of the same files, and against a peer.

    python bench/bench.py [--large] [--example] [--runs N] [--as-of DATE] [--no-peer]
    python bench/bench.py --staged-only [--runs N] [--as-of DATE]
    python bench/bench.py --audit-only [--runs N]

The small set (25 members x 24 months x 12 entries) always runs; `--large` adds a whole CAE
(1,000 members x 60 months x 12 entries), `--example` the bundled data/example. Each set lives
under bench/out/ as its own git repository (the cache sits in its .git), generated or copied
once and reused while its parameters stay the same.

For each set, in one run:
- parse: reading and parsing every file with PyYAML's libyaml loader in this process, the
  floor any checker pays;
- cold: `collectif check --no-cache --format json` as a separate process, end to end;
- warm: the same with the cache filled and nothing changed;
- 1 change: the same after one contribution file changed (a comment appended);
- each as a ratio to the parse, and the peak memory (RSS, by /usr/bin/time) of the cold and
  warm runs;
- peer: check-jsonschema with the JSON Schemas of schemas/ on the same files (schema only:
  no line numbers, no charter), and its ratio to the parse.
With `--example` (or alone with `--staged-only`), `check --staged` on the example as the
pre-commit hook runs it, warm, process start to exit, in turn with a bare `python -c pass` (the
floor of any Python command on this machine): both medians, and the median of the ratios of
each pair, which holds better than either time on a busy machine.
With `--example` (or alone with `--audit-only`), `collectif audit` over a history of 10,000
commits on the example by five members and, once in a hundred commits, someone who is no
member; one commit in fifty changes another member's contributions: whole process, warm, JSON
output.
Times are medians of N runs. collectif is byte-compiled first, as pip does when installing it:
otherwise an editable install under PYTHONDONTWRITEBYTECODE compiles every module on every run.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import generate  # bench/generate.py: the script's own folder is first on sys.path
import yaml

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
SCHEMAS = HERE.parent / "schemas"
EXAMPLE = HERE.parent / "data" / "example"
DATA_DIRS = ("members", "roles", "projects", "contributions")
STAMP = ".generated.json"
SCHEMA_OF = {
    "collectif.yaml": "collectif.schema.json",
    "members": "member.schema.json",
    "roles": "role.schema.json",
    "projects": "project.schema.json",
    "contributions": "contribution.schema.json",
}
PEER_BATCH = 4000  # files per check-jsonschema process: the command line has a limit


class Size(NamedTuple):
    name: str
    members: int
    months: int
    entries: int
    runs: int


SMALL = Size("small", 25, 24, 12, 3)
LARGE = Size("large", 1000, 60, 12, 1)
SEED = 1
END = "2026-10"


class Run(NamedTuple):
    seconds: float
    exit_code: int
    peak_kb: int
    stdout: str


class Reported(NamedTuple):
    """`collectif report` on a set, warm: each face's run and the HTML page's size."""

    text: Run
    json: Run
    html: Run
    html_bytes: int


class Timing(NamedTuple):
    name: str
    files: int
    entries: int
    megabytes: float
    parse: float
    cold: Run
    warm: Run
    changed: Run
    peer: float | None
    errors: int
    warnings: int
    report: Reported


# The sets ------------------------------------------------------------------------------------


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def committed(root: Path) -> Path:
    """The folder as its own git repository with everything committed (done once)."""
    if not (root / ".git").is_dir():
        git(root, "init", "-q", "-b", "main")
        git(root, "add", "-A")
        git(
            root,
            "-c",
            "user.name=bench",
            "-c",
            "user.email=bench@example.org",
            "-c",
            "commit.gpgsign=false",
            "commit",
            "-q",
            "-m",
            "bench set",
        )
    return root


def prepared(size: Size) -> Path:
    """The generated set for `size`, generated now unless the existing one has its parameters."""
    folder = OUT / size.name
    params = {
        "members": size.members,
        "months": size.months,
        "entries": size.entries,
        "seed": SEED,
        "end": END,
        "generator": hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest(),
    }
    stamp = folder / STAMP
    if stamp.is_file() and json.loads(stamp.read_text()) == params:
        return committed(folder)
    started = time.perf_counter()
    shutil.rmtree(folder / ".git", ignore_errors=True)
    count = generate.generate(folder, size.members, size.months, size.entries, SEED, END)
    stamp.write_text(json.dumps(params))
    print(f"generated {size.name}: {count} files in {time.perf_counter() - started:.1f} s")
    return committed(folder)


def example() -> Path:
    """A copy of data/example in its own repository, so that runs never touch the project."""
    folder = OUT / "example"
    digest = hashlib.sha256()
    for path in sorted(EXAMPLE.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(EXAMPLE).as_posix().encode() + path.read_bytes())
    stamp = OUT / "example.sha256"
    if not (stamp.is_file() and stamp.read_text() == digest.hexdigest() and folder.is_dir()):
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(EXAMPLE, folder)
        stamp.write_text(digest.hexdigest())
    return committed(folder)


def data_files(root: Path) -> list[Path]:
    """The files `collectif` reads: collectif.yaml and every file under the data folders."""
    found = [root / "collectif.yaml"]
    for folder in DATA_DIRS:
        for dirpath, dirnames, filenames in os.walk(root / folder):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            found.extend(Path(dirpath) / name for name in sorted(filenames))
    return found


# Measures ------------------------------------------------------------------------------------


def parse_all(files: list[Path]) -> tuple[float, int]:
    """Seconds to read and parse every file with libyaml in this process; entries read."""
    entries = 0
    started = time.perf_counter()
    for path in files:
        data = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        entries += len(data) if isinstance(data, list) else 0
    return time.perf_counter() - started, entries


TIME = Path("/usr/bin/time")


def timed(command: list[str], cwd: Path | None = None) -> Run:
    """One process, start to exit: its time, exit code, peak memory (KB) and output.

    The peak comes from /usr/bin/time when there is one: a child's own maximum RSS as the
    kernel reports it to its parent also counts this (large) process's pages up to the exec.
    """
    with tempfile.NamedTemporaryFile("r") as report:
        measured = (
            [str(TIME), "-f", "%M", "-o", report.name, *command] if TIME.exists() else command
        )
        started = time.perf_counter()
        done = subprocess.run(measured, cwd=cwd, capture_output=True, check=False)
        elapsed = time.perf_counter() - started
        peak = int(report.read().split()[-1]) if TIME.exists() else 0
    if done.returncode not in (0, 1):
        raise SystemExit(f"{command[0]} failed ({done.returncode}):\n{done.stderr.decode()}")
    return Run(elapsed, done.returncode, peak, done.stdout.decode())


def median(runs: list[Run]) -> Run:
    ordered = sorted(runs, key=lambda run: run.seconds)
    middle = ordered[len(ordered) // 2]
    return middle._replace(
        seconds=statistics.median(run.seconds for run in runs),
        peak_kb=max(run.peak_kb for run in runs),
    )


def collectif_command() -> list[str]:
    installed = Path(sys.executable).parent / "collectif"
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "collectif"]


def check(root: Path, as_of: str, *extra: str) -> list[str]:
    base = [*collectif_command(), "check", "--repo", str(root), "--as-of", as_of]
    return [*base, "--format", "json", *extra]


def repeated(runs: int, once: Callable[[int], Run]) -> Run:
    return median([once(number) for number in range(runs)])


def one_file_changed(root: Path, as_of: str, runs: int) -> Run:
    """Warm runs, each after one contribution file got a new comment (a new blob each time)."""
    files = sorted((root / "contributions").rglob("*.yaml"))
    target = files[len(files) // 2]
    original = target.read_bytes()
    try:

        def once(number: int) -> Run:
            target.write_bytes(original + f"# bench {time.time_ns()} {number}\n".encode())
            return timed(check(root, as_of))

        return repeated(runs, once)
    finally:
        target.write_bytes(original)


def peer(root: Path, files: list[Path]) -> float | None:
    """Seconds for check-jsonschema to validate every file against its schema; None if absent."""
    program = Path(sys.executable).parent / "check-jsonschema"
    if not program.exists():
        return None
    by_schema: dict[str, list[str]] = {}
    for path in files:
        relative = path.relative_to(root).as_posix()
        schema = SCHEMA_OF.get(relative) or SCHEMA_OF[relative.split("/")[0]]
        by_schema.setdefault(schema, []).append(str(path))
    started = time.perf_counter()
    for schema, paths in by_schema.items():
        for start in range(0, len(paths), PEER_BATCH):
            command = [str(program), "--schemafile", str(SCHEMAS / schema)]
            subprocess.run(
                command + paths[start : start + PEER_BATCH], capture_output=True, check=False
            )
    return time.perf_counter() - started


def report(root: Path, as_of: str, runs: int) -> Reported:
    """`collectif report` as a meeting runs it, warm: text to a pipe, JSON, the HTML page."""
    base = [*collectif_command(), "report", "--repo", str(root), "--as-of", as_of]
    page = OUT / f"{root.name}-report.html"
    text = repeated(runs, lambda _: timed(base))
    json_run = repeated(runs, lambda _: timed([*base, "--format", "json"]))
    html = repeated(runs, lambda _: timed([*base, "--format", "html", "--out", str(page)]))
    return Reported(text, json_run, html, page.stat().st_size)


def measure(name: str, root: Path, runs: int, as_of: str, with_peer: bool) -> Timing:
    files = data_files(root)
    size = sum(path.stat().st_size for path in files) / 1e6
    parses = [parse_all(files) for _ in range(runs)]
    parse, entries = statistics.median(seconds for seconds, _ in parses), parses[0][1]
    cold = repeated(runs, lambda _: timed(check(root, as_of, "--no-cache")))
    timed(check(root, as_of))  # fills the cache
    warm = repeated(runs, lambda _: timed(check(root, as_of)))
    changed = one_file_changed(root, as_of, runs)
    timed(check(root, as_of))  # the cache as it was
    if json.loads(cold.stdout) != json.loads(warm.stdout):
        raise SystemExit(f"{name}: the cache changed the findings")
    summary = json.loads(cold.stdout)["summary"]
    return Timing(
        name,
        len(files),
        entries,
        size,
        parse,
        cold,
        warm,
        changed,
        peer(root, files) if with_peer else None,
        summary["errors"],
        summary["warnings"],
        report(root, as_of, runs),
    )


class Hook(NamedTuple):
    check: Run
    bare: Run
    ratio: float


def staged(root: Path, as_of: str, runs: int) -> Hook:
    """`collectif check --staged` from inside the repository, as the pre-commit hook runs it
    (text output), and `python -c pass` in turn with it."""
    command = [*collectif_command(), "check", "--staged", "--as-of", as_of]
    bare = [sys.executable, "-c", "pass"]
    timed(command, cwd=root)  # fills the cache
    pairs = [(timed(command, cwd=root), timed(bare, cwd=root)) for _ in range(runs)]
    return Hook(
        median([check for check, _ in pairs]),
        median([run for _, run in pairs]),
        statistics.median(check.seconds / run.seconds for check, run in pairs),
    )


AUDIT_COMMITS = 10_000
AUTHORS = ("camille", "leo", "ines", "julien", "aurelie")


def history() -> Path:
    """The example with 10,000 more commits (made once, through one `git fast-import`)."""
    folder = OUT / "audit-10k"
    if (folder / ".git").is_dir():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(EXAMPLE, folder)
    committed(folder)
    lines = []
    for number in range(AUDIT_COMMITS):
        who = "visitor" if number % 100 == 7 else AUTHORS[number % len(AUTHORS)]
        owner = AUTHORS[(number + 1) % len(AUTHORS)] if number % 50 == 0 else who
        owner = "camille" if owner == "visitor" else owner
        stamp = 1_700_000_000 + number * 60
        person = f"{who.title()} <{who}@atelier-commun.fr> {stamp} +0000"
        text = f"# bench {number}\n[]\n".encode()
        message = f"bench {number}".encode()
        lines.append(
            b"commit refs/heads/main\n"
            + f"author {person}\ncommitter {person}\n".encode()
            + f"data {len(message)}\n".encode()
            + message
            + (b"\nfrom refs/heads/main^0\n" if number == 0 else b"\n")
            + f"M 100644 inline contributions/{owner}/2030-01.yaml\n".encode()
            + f"data {len(text)}\n".encode()
            + text
            + b"\n"
        )
    subprocess.run(["git", "fast-import", "--quiet"], cwd=folder, input=b"".join(lines), check=True)
    git(folder, "reset", "-q", "--hard", "main")
    return folder


def audit(root: Path, runs: int) -> tuple[Run, int, int]:
    """`collectif audit` over the whole bench history, warm: its time, commits and findings."""
    first = subprocess.run(
        ["git", "rev-list", "--max-parents=0", "HEAD"], cwd=root, capture_output=True, text=True
    ).stdout.strip()
    command = [*collectif_command(), "audit", f"{first}..HEAD", "--format", "json"]
    command += ["--repo", str(root)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    findings = len(json.loads(done.stdout)["findings"])
    counted = subprocess.run(
        ["git", "rev-list", "--count", f"{first}..HEAD"], cwd=root, capture_output=True, text=True
    ).stdout.strip()
    return repeated(runs, lambda _: timed(command)), int(counted), findings


def byte_compiled() -> None:
    """collectif's modules compiled once, as an installed package's are."""
    compileall.compile_dir(HERE.parent / "collectif", quiet=1)


# Output --------------------------------------------------------------------------------------


def print_table(timings: list[Timing]) -> None:
    header = (
        f"{'set':<8} {'files':>6} {'entries':>8} {'MB':>6} {'parse s':>8} "
        f"{'cold s':>7} {'x':>5} {'warm s':>7} {'x':>5} {'1 chg s':>7} {'x':>5} "
        f"{'cold MB':>7} {'warm MB':>7} {'peer s':>7} {'x':>5} {'err':>4} {'warn':>5}"
    )
    print(header)
    print("-" * len(header))
    for t in timings:
        peer = f"{t.peer:>7.2f} {t.peer / t.parse:>5.1f}" if t.peer is not None else f"{'-':>13}"
        print(
            f"{t.name:<8} {t.files:>6} {t.entries:>8} {t.megabytes:>6.1f} {t.parse:>8.3f} "
            f"{t.cold.seconds:>7.3f} {t.cold.seconds / t.parse:>5.2f} "
            f"{t.warm.seconds:>7.3f} {t.warm.seconds / t.parse:>5.2f} "
            f"{t.changed.seconds:>7.3f} {t.changed.seconds / t.parse:>5.2f} "
            f"{t.cold.peak_kb / 1024:>7.0f} {t.warm.peak_kb / 1024:>7.0f} "
            f"{peer} {t.errors:>4} {t.warnings:>5}"
        )
    print(
        "x: ratio to the parse. cold: --no-cache. warm: cache filled, nothing changed. "
        "1 chg: warm after one file changed. MB: peak RSS. peer: check-jsonschema."
    )
    print()
    print(
        f"{'report':<8} {'text s':>7} {'x chk':>6} {'json s':>7} {'x chk':>6} {'html s':>7} "
        f"{'x chk':>6} {'html MB':>8} {'peak MB':>8}"
    )
    for t in timings:
        r, warm = t.report, t.warm.seconds
        peak = max(r.text.peak_kb, r.json.peak_kb, r.html.peak_kb) / 1024
        print(
            f"{t.name:<8} {r.text.seconds:>7.3f} {r.text.seconds / warm:>6.2f} "
            f"{r.json.seconds:>7.3f} {r.json.seconds / warm:>6.2f} "
            f"{r.html.seconds:>7.3f} {r.html.seconds / warm:>6.2f} "
            f"{r.html_bytes / 1e6:>8.2f} {peak:>8.0f}"
        )
    print("report: warm, whole process; x chk: ratio to the warm check of the same set.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="also the 1,000-member CAE set")
    parser.add_argument("--example", action="store_true", help="also data/example")
    parser.add_argument(
        "--staged-only", action="store_true", help="only check --staged on the example"
    )
    parser.add_argument("--audit-only", action="store_true", help="only audit over 10,000 commits")
    parser.add_argument("--runs", type=int, help="runs per set (default: 3 small, 1 large)")
    parser.add_argument("--as-of", default="2026-11-26", help="the date the checks look from")
    parser.add_argument("--no-peer", action="store_true", help="skip check-jsonschema")
    args = parser.parse_args()
    byte_compiled()
    if not args.staged_only and not args.audit_only:
        sets: list[tuple[str, Path, int]] = []
        if args.example:
            sets.append(("example", example(), args.runs or 5))
        for size in (SMALL, LARGE) if args.large else (SMALL,):
            sets.append((size.name, prepared(size), args.runs or size.runs))
        print_table(
            [measure(name, root, runs, args.as_of, not args.no_peer) for name, root, runs in sets]
        )
    if args.example or args.audit_only:
        took, commits, findings = audit(history(), args.runs or 5)
        print(
            f"audit over {commits} commits, whole process, warm: {took.seconds:.3f} s "
            f"({findings} findings); peak {took.peak_kb / 1024:.0f} MB"
        )
    if args.example or args.staged_only:
        runs = max(args.runs or 11, 5)
        hook = staged(example(), args.as_of, runs)
        print(
            f"check --staged on the example, whole process, warm: {hook.check.seconds:.3f} s; "
            f"python -c pass: {hook.bare.seconds:.3f} s; ratio {hook.ratio:.1f} "
            f"(medians of {runs} runs in turn); peak {hook.check.peak_kb / 1024:.0f} MB"
        )


if __name__ == "__main__":
    main()
