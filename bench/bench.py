"""Time `collectif check` against a bare libyaml parse of the same files.

    python bench/bench.py [--large] [--example] [--runs N] [--as-of DATE] [--no-cache]

The small set (25 members x 24 months x 12 entries) always runs; `--large` adds a whole CAE
(1,000 members x 60 months x 12 entries), `--example` the bundled data/example. The synthetic
sets are generated once, under bench/out/, and reused while their parameters stay the same.

For each set, in one run: (a) reading and parsing every file with PyYAML's libyaml loader in
this process, the floor any checker pays; (b) `collectif check --format json` as a separate
process, end to end, as a member or a pre-commit hook runs it. Each is the median of N runs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

import generate  # bench/generate.py: the script's own folder is first on sys.path
import yaml

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
EXAMPLE = HERE.parent / "data" / "example"
DATA_DIRS = ("members", "roles", "projects", "contributions")
STAMP = ".generated.json"


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


class Timing(NamedTuple):
    name: str
    files: int
    megabytes: float
    parse: float
    check: float
    exit_code: int
    errors: int
    warnings: int


def prepared(size: Size) -> Path:
    """The generated set for `size`, generated now unless the cached one has its parameters."""
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
        return folder
    started = time.perf_counter()
    count = generate.generate(folder, size.members, size.months, size.entries, SEED, END)
    stamp.write_text(json.dumps(params))
    print(f"generated {size.name}: {count} files in {time.perf_counter() - started:.1f} s")
    return folder


def data_files(root: Path) -> list[Path]:
    """The files `collectif` reads: collectif.yaml and every file under the data folders."""
    found = [root / "collectif.yaml"]
    for folder in DATA_DIRS:
        for dirpath, dirnames, filenames in os.walk(root / folder):
            dirnames.sort()
            found.extend(Path(dirpath) / name for name in sorted(filenames))
    return found


def parse_all(files: list[Path]) -> float:
    """Seconds to read and parse every file with libyaml, in this process."""
    started = time.perf_counter()
    for path in files:
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    return time.perf_counter() - started


def collectif_command() -> list[str]:
    installed = Path(sys.executable).parent / "collectif"
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "collectif"]


def check_once(root: Path, as_of: str, extra: list[str]) -> tuple[float, int, dict[str, int]]:
    """Seconds for one `collectif check` process, its exit code and its summary."""
    command = [*collectif_command(), "check", "--repo", str(root), "--as-of", as_of]
    command += ["--format", "json", *extra]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"collectif check failed ({done.returncode}):\n{done.stderr}")
    summary = json.loads(done.stdout)["summary"]
    return elapsed, done.returncode, summary


def measure(name: str, root: Path, runs: int, as_of: str, extra: list[str]) -> Timing:
    files = data_files(root)
    size = sum(path.stat().st_size for path in files) / 1e6
    parse = statistics.median(parse_all(files) for _ in range(runs))
    checks = [check_once(root, as_of, extra) for _ in range(runs)]
    _, code, summary = checks[-1]
    check = statistics.median(elapsed for elapsed, _, _ in checks)
    return Timing(
        name, len(files), size, parse, check, code, summary["errors"], summary["warnings"]
    )


def print_table(timings: list[Timing], runs: dict[str, int]) -> None:
    header = (
        f"{'set':<8} {'files':>7} {'MB':>6} {'runs':>4} {'parse s':>8} {'check s':>8} "
        f"{'check/parse':>11} {'exit':>4} {'errors':>6} {'warnings':>8}"
    )
    print(header)
    print("-" * len(header))
    for t in timings:
        print(
            f"{t.name:<8} {t.files:>7} {t.megabytes:>6.1f} {runs[t.name]:>4} {t.parse:>8.3f} "
            f"{t.check:>8.3f} {t.check / t.parse:>11.1f} {t.exit_code:>4} {t.errors:>6} "
            f"{t.warnings:>8}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="also the 1,000-member CAE set")
    parser.add_argument("--example", action="store_true", help="also data/example")
    parser.add_argument("--runs", type=int, help="runs per set (default: 3 small, 1 large)")
    parser.add_argument("--as-of", default="2026-11-26", help="the date the checks look from")
    parser.add_argument("--no-cache", action="store_true", help="pass --no-cache to collectif")
    args = parser.parse_args()
    extra = ["--no-cache"] if args.no_cache else []
    sets: list[tuple[str, Path, int]] = []
    if args.example:
        sets.append(("example", EXAMPLE, args.runs or SMALL.runs))
    for size in (SMALL, LARGE) if args.large else (SMALL,):
        sets.append((size.name, prepared(size), args.runs or size.runs))
    timings = [measure(name, root, runs, args.as_of, extra) for name, root, runs in sets]
    print_table(timings, {name: runs for name, _, runs in sets})


if __name__ == "__main__":
    main()
