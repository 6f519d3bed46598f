"""Make the evidence readers' test fixtures with the real tools, pinned, offline.

    make evidence-fixtures          (or: python3 scripts/make-evidence-fixtures.py)

Runs the small support-triage task in scripts/evidence_fixtures/cases.json through
- promptfoo (npm, PROMPTFOO below) with its `echo` provider: the prompt is the canned answer,
  so the output is known, no key and no network; twice, as a "before" and an "after" run;
- Inspect AI (PyPI, INSPECT below, in a throwaway venv) with a solver that sets the output
  itself (mockllm/model would download a tokeniser), as a JSON log and as a .eval archive
  (zstd members, which is what current releases write);
and writes the results under tests/fixtures/evidence/. Tools are installed under
.cache/evidence-fixtures/ (promptfoo alone is about 1 GB), never into the repository's own
node_modules. Not part of `make test`: the fixtures are committed.

DeepEval and lm-evaluation-harness are not run: DeepEval's metrics call a model service,
and lm-evaluation-harness needs PyTorch (gigabytes) and datasets from a hub. Their fixtures
under tests/fixtures/evidence/hand-made/ are written by hand from the tools' documented
formats, and say so.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "scripts" / "evidence_fixtures"
WORK = ROOT / ".cache" / "evidence-fixtures"
OUT = ROOT / "tests" / "fixtures" / "evidence"

PROMPTFOO = "0.120.27"
"""promptfoo's last release line that runs on Node 20 (0.123 needs Node 22)."""

INSPECT = "0.3.285"
"""The Inspect AI release the fixtures come from."""


FAILED_TESTS = 100
"""promptfoo's exit status when some tests failed, which the fixtures do on purpose."""


def run(
    command: list[str], cwd: Path, env: dict[str, str] | None = None, allowed: tuple = (0,)
) -> None:
    print("+", " ".join(command), flush=True)
    done = subprocess.run(command, cwd=cwd, check=False, env={**os.environ, **(env or {})})
    if done.returncode not in allowed:
        raise SystemExit(f"{command[0]} exited with status {done.returncode}")


def cases() -> list[dict]:
    return json.loads((HERE / "cases.json").read_text(encoding="utf-8"))["cases"]


def promptfoo_config(answer_key: str) -> dict:
    tests = [
        {
            "description": case["id"],
            "vars": {
                "input": case["input"],
                "answer": case[answer_key],
                "expected": case["expected"],
                "category": case["category"],
                "source": case["source"],
            },
            "assert": [{"type": "equals", "value": "{{expected}}"}],
            "metadata": {"category": case["category"], "source": case["source"]},
        }
        for case in cases()
    ]
    # The echo provider answers with the prompt itself: the prompt is the canned answer.
    return {
        "description": "pilot2prod evidence fixture: support triage",
        "prompts": ["{{answer}}"],
        "providers": ["echo"],
        "tests": tests,
    }


def make_promptfoo() -> None:
    folder = WORK / "promptfoo"
    folder.mkdir(parents=True, exist_ok=True)
    # A package.json of its own, so npm installs here and not into the repository's.
    (folder / "package.json").write_text('{"private": true}\n', encoding="utf-8")
    binary = folder / "node_modules" / ".bin" / "promptfoo"
    package = folder / "node_modules" / "promptfoo"
    installed = package / "package.json"
    if not installed.exists() or json.loads(installed.read_text())["version"] != PROMPTFOO:
        run(
            [
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                f"promptfoo@{PROMPTFOO}",
            ],
            folder,
        )
    # 0.120 looks for its database migrations beside its package root; they ship in dist/.
    drizzle = package / "drizzle"
    if (package / "dist" / "drizzle").is_dir() and not drizzle.exists():
        drizzle.symlink_to(Path("dist") / "drizzle")
    env = {
        "PROMPTFOO_DISABLE_TELEMETRY": "1",
        "PROMPTFOO_DISABLE_UPDATE": "1",
        "PROMPTFOO_CONFIG_DIR": str(folder / "home"),
    }
    for answer_key, name in (("answer", "before"), ("answer_after", "after")):
        config = folder / f"promptfooconfig-{name}.json"
        config.write_text(json.dumps(promptfoo_config(answer_key), indent=1), encoding="utf-8")
        target = OUT / f"promptfoo-{PROMPTFOO}-{name}.json"
        command = [str(binary), "eval", "-c", str(config), "-o", str(target), "--no-cache"]
        run(command, folder, env, allowed=(0, FAILED_TESTS))


def make_inspect() -> None:
    venv = WORK / "inspect-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        run([sys.executable, "-m", "venv", str(venv)], ROOT)
    run([str(python), "-m", "pip", "install", "--quiet", f"inspect-ai=={INSPECT}"], ROOT)
    inspect = str(venv / "bin" / "inspect")
    for form, extra in (("json", ["--log-format", "json"]), ("eval", [])):
        logs = WORK / f"inspect-{form}"
        shutil.rmtree(logs, ignore_errors=True)
        run(
            [
                inspect,
                "eval",
                "inspect_task.py",
                "--model",
                "none",
                "--epochs",
                "2",
                "--log-dir",
                str(logs),
                *extra,
            ],
            HERE,
        )
        (found,) = logs.glob(f"*.{form}")
        shutil.copyfile(found, OUT / f"inspect-{INSPECT}.{form}")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    make_promptfoo()
    make_inspect()
    print(f"fixtures written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
