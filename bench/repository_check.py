"""Time `pilot2prod check` on a repository of 100,000 files beside a plain `os.walk` of it.

`make bench` prints these rows in its table (`bench/run.py` calls `repository_check_rows`);
`make bench-check` runs them alone. The tree is the passing fixture repository of the tests
(`tests/cli/repos.py`) with 100,000 empty source files added, committed with git, in memory
where the machine allows. A child process times, in alternation, a plain `os.walk` over the
tree and `check_repository` with the default rules (the walk, every rule, git's history), and
reports the best of several rounds of each, by the wall clock and by CPU time; the ratio of
the wall clocks meets the target of 3x or misses it. The whole command in a fresh process
(start-up and reading the data included) is printed beside it for context. Not part of `make
test`: timings depend on the machine and on what else it is doing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.cli.repos import PASSING, RESULTS, commit, git, init, many_files, scratch
from tests.fixtures import ROOT

FILES = 100_000
TARGET_RATIO = 3.0
"""The issue's target: the check takes at most three times a plain walk over the same tree."""


def make_tree(folder: Path, count: int) -> Path:
    """The passing repository with `count` empty source files, all committed."""
    repo = init(folder / "repo")
    commit(repo, PASSING, 30, "Prompts, configuration and runbook")
    many_files(repo, count)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "The rest of the code", when=time.time() - 20 * 86400)
    commit(repo, RESULTS, 10, "Evaluation results")
    return repo


def _measure(root: Path, rounds: int) -> dict[str, float]:
    """Best wall and CPU seconds of `os.walk` and of the check, in this process."""
    from pilot2prod.repocheck.evaluate import check_repository
    from tests.fixtures import repo_data

    rule_set = repo_data().repository_checks
    best = {"walk": 9e9, "walk_cpu": 9e9, "check": 9e9, "check_cpu": 9e9}
    found = {"walked": 0, "checked": 0, "passed": 0}
    sum(len(names) for _, _, names in os.walk(root))  # both start from a warm cache
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        found["walked"] = sum(len(names) for _, _, names in os.walk(root))
        best["walk"] = min(best["walk"], time.perf_counter() - wall)
        best["walk_cpu"] = min(best["walk_cpu"], time.process_time() - cpu)
        wall, cpu = time.perf_counter(), time.process_time()
        result = check_repository(root, rule_set)
        best["check"] = min(best["check"], time.perf_counter() - wall)
        best["check_cpu"] = min(best["check_cpu"], time.process_time() - cpu)
        found["checked"] = result.files
        found["passed"] = sum(1 for o in result.outcomes if o.outcome == "pass")
    return {**best, **found}


def _command_seconds(root: Path) -> float:
    """Wall seconds of `pilot2prod check ROOT` in a fresh process, as a reader runs it."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pilot2prod.cli", "check", str(root), "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"check failed on the bench tree: {done.stderr.decode()[:300]}")
    return seconds


def repository_check_rows(rounds: int = 5, count: int = FILES) -> list[tuple[str, ...]]:
    """The rows for the bench table: measure, check, plain os.walk, ratio, target, verdict."""
    with scratch("p2p-bench-check-") as folder:
        root = make_tree(folder, count)
        done = subprocess.run(
            [sys.executable, __file__, "--measure", str(root), "--rounds", str(rounds)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        numbers = json.loads(done.stdout)
        command = min(_command_seconds(root) for _ in range(2))
    ratio = numbers["check"] / numbers["walk"]
    cpu_ratio = numbers["check_cpu"] / numbers["walk_cpu"]
    files = f"{int(numbers['checked']):,} files"
    return [
        (
            f"pilot2prod check on {files} beside os.walk, wall, best of {rounds}",
            f"{numbers['check'] * 1000:.0f} ms",
            f"{numbers['walk'] * 1000:.0f} ms",
            f"{ratio:.2f}x",
            f"<= {TARGET_RATIO:.2f}x",
            "met" if ratio <= TARGET_RATIO else "MISSED",
        ),
        (
            f"pilot2prod check on {files} beside os.walk, CPU time",
            f"{numbers['check_cpu'] * 1000:.0f} ms",
            f"{numbers['walk_cpu'] * 1000:.0f} ms",
            f"{cpu_ratio:.2f}x",
            "",
            "",
        ),
        (
            "the whole command in a fresh process (start-up and data included), best of 2",
            f"{command * 1000:.0f} ms",
            "-",
            "-",
            "",
            "",
        ),
    ]


def main() -> int:
    """Alone: build the tree, time, print the rows and the load the machine was under."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--count", type=int, default=FILES)
    parser.add_argument("--measure", metavar="ROOT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(_measure(Path(args.measure), args.rounds)))
        return 0
    rows = repository_check_rows(args.rounds, args.count)
    for row in rows:
        print(" | ".join(row))
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0 if rows[0][-1] == "met" else 1


if __name__ == "__main__":
    sys.exit(main())
