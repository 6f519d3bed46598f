"""Time `pilot2prod evidence` on a 1,000,000-row JSONL (`make bench-evidence`, and a row of
`make bench`).

Writes ROWS cases (id, a category of 20 values, a source, passed, a score, latency and cost,
from a fixed seed) into a temporary file, then, each in a fresh process, runs
`pilot2prod evidence FILE --slice category --mix MIX -o RECORD` as a reader would, and a bare
loop that calls `json.loads` on each line and nothing else. Prints wall-clock seconds (best of
`--runs`) and peak memory of each, beside the issue's targets of 5 s and 1 GB. Not part of
`make test`: timings depend on the machine and on what else it is doing.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ROWS = 1_000_000
TARGET_S = 5.0
TARGET_MB = 1024.0

BARE = """
import json, sys
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        json.loads(line)
"""


def write_rows(path: Path, rows: int, seed: int = 5) -> None:
    """`rows` JSONL cases in the plain format, with 20 categories and a few sources."""
    rng = random.Random(seed)
    categories = [f"category-{n:02d}" for n in range(20)]
    sources = ["production", "synthetic", "red-team"]
    with path.open("w", encoding="utf-8") as handle:
        for n in range(rows):
            category = categories[min(19, int(rng.expovariate(0.25)))]
            passed = rng.random() < (0.97 if category < "category-10" else 0.85)
            row = {
                "id": f"case-{n}",
                "category": category,
                "source": sources[n % 3],
                "passed": passed,
                "score": 1.0 if passed else round(rng.random() * 0.5, 3),
                "latency_ms": round(rng.lognormvariate(6.5, 0.5), 1),
                "cost": round(rng.uniform(0.0005, 0.004), 6),
            }
            handle.write(json.dumps(row) + "\n")


PEAK = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False).returncode
seconds = time.perf_counter() - start
print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""
"""Runs one command as its only child, so the peak memory it reports is that command's."""


def _timed(command: list[str]) -> tuple[float, float, int]:
    """Wall-clock seconds, peak memory in MB (ru_maxrss, KiB on Linux) and the exit status."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *command], capture_output=True, text=True, check=True
    )
    seconds, peak_kib, code = done.stdout.split()
    return float(seconds), int(peak_kib) / 1024, int(code)


def measure(rows: int = ROWS, runs: int = 1) -> dict[str, float]:
    """Seconds and peak MB for the CLI and for the bare loop on the same file."""
    with tempfile.TemporaryDirectory(prefix="p2p-evidence-cli-") as tmp:
        folder = Path(tmp)
        data = folder / "cases.jsonl"
        write_rows(data, rows)
        mix = folder / "mix.csv"
        mix.write_text(
            "".join(f"category-{n:02d},{100 - 4 * n}\n" for n in range(20)), encoding="utf-8"
        )
        bare_script = folder / "bare.py"
        bare_script.write_text(BARE, encoding="utf-8")
        python = sys.executable
        bare = [_timed([python, str(bare_script), str(data)]) for _ in range(runs)]
        cli_command = [
            python,
            "-m",
            "pilot2prod.cli",
            "evidence",
            str(data),
            "--slice",
            "category",
            "--mix",
            str(mix),
            "-o",
            str(folder / "record.json"),
        ]
        cli = [_timed(cli_command) for _ in range(runs)]
        if any(code != 0 for _, _, code in cli):
            raise SystemExit("pilot2prod evidence failed on the generated file")
        return {
            "bytes": data.stat().st_size,
            "cli_s": min(s for s, _, _ in cli),
            "cli_mb": max(m for _, m, _ in cli),
            "bare_s": min(s for s, _, _ in bare),
            "bare_mb": max(m for _, m, _ in bare),
        }


def row(rows: int = ROWS) -> tuple[str, str, str, str, str, str]:
    """The bench table's row for the command line on a million-row JSONL."""
    found = measure(rows)
    met = found["cli_s"] <= TARGET_S and found["cli_mb"] <= TARGET_MB
    return (
        f"pilot2prod evidence on {rows:,} JSONL rows ({found['bytes'] / 1e6:.0f} MB)",
        f"{found['cli_s']:.2f} s, peak {found['cli_mb']:.0f} MB",
        f"json.loads per line: {found['bare_s']:.2f} s, peak {found['bare_mb']:.0f} MB",
        f"{found['cli_s'] / found['bare_s']:.2f}x",
        "<= 5 s, <= 1 GB",
        "met" if met else "MISSED",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    found = measure(args.rows, args.runs)
    print(f"pilot2prod evidence on {args.rows:,} JSONL rows ({found['bytes'] / 1e6:.0f} MB):")
    print(f"  pilot2prod evidence: {found['cli_s']:.2f} s, peak {found['cli_mb']:.0f} MB")
    print(f"  json.loads per line: {found['bare_s']:.2f} s, peak {found['bare_mb']:.0f} MB")
    print(f"  target: <= {TARGET_S:g} s and <= {TARGET_MB:g} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
