"""Read an evaluation file of any supported tool: detect the format, then read its cases.

`read_run(data, name)` takes the file's bytes and its name, works out which tool wrote it from
its content (never from its name alone), and returns a `Run`. Anything it cannot use raises
`EvidenceError` naming the file, the field and what was expected there: another tool's JSON,
an answers file, a cut-off download, non-UTF-8 text, a zip that is not an Inspect log.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath, PureWindowsPath

from pilot2prod.evidence.errors import BOM, EvidenceError
from pilot2prod.evidence.record import FORMAT as RECORD_FORMAT
from pilot2prod.evidence.record import sha256_hex
from pilot2prod.evidence.run import Cases, Run
from pilot2prod.model.nesting import bytes_depth_exceeds

MAX_FILE_BYTES = 400 * 1024 * 1024
"""The largest result file read at all (the command line); a million-row JSONL is ~150 MB."""

PAGE_MAX_BYTES = 150 * 1024 * 1024
"""The largest file the evidence page opens: Pyodide holds the bytes, the text and the parsed
values at once, inside WebAssembly's memory."""

MAX_JSON_DEPTH = 200
"""The deepest nesting read. Tools' files nest a dozen levels; Python's json recurses once per
level, and inside Pyodide a few thousand levels overflow the browser's stack."""

DEFAULT_PASSING_SCORE = 0.5
"""A case given only a score passes at this score or above (data/evidence.yml sets it)."""

_BLANK = re.compile(rb"\s*\Z")
_SHA256 = re.compile(r"[0-9a-f]{64}\Z")

FORMATS = (
    "promptfoo JSON (promptfoo eval -o results.json)",
    "an Inspect AI log (.json or .eval)",
    "a DeepEval test run (JSON with testCases)",
    "lm-evaluation-harness samples (--log_samples JSONL)",
    "a CSV or JSONL with a passed column",
)
"""What `read_run` accepts, as a reader would name it."""


def base_name(name: str) -> str:
    """A file's base name, whatever the path style: records never carry a path."""
    return PurePath(PureWindowsPath(name).name).name or name


def read_run(
    data: bytes,
    name: str,
    passing_score: float = DEFAULT_PASSING_SCORE,
    digest: str | None = None,
    *,
    depth_checked: bool = False,
) -> Run:
    """The run in the file `name` whose bytes are `data`; EvidenceError on any fault.

    `digest` is the SHA-256 of `data` when the caller has it already (the page's worker asks
    the browser's own WebCrypto, which hashes 50 MB many times faster than WebAssembly can).
    `depth_checked` says the bytes were measured to nest within MAX_JSON_DEPTH already (the
    worker does it natively before handing a file over), so the slower pass here is skipped.
    """
    source = base_name(name)
    if len(data) > MAX_FILE_BYTES:
        raise EvidenceError(
            source, "", f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; split the run"
        )
    if _BLANK.match(data):
        raise EvidenceError(source, "", f"is empty; expected {_expected()}")
    if digest is None or not _SHA256.match(digest):
        digest = sha256_hex(data)
    if data[:4] == b"PK\x03\x04":
        from pilot2prod.evidence.formats import inspect_log

        return inspect_log.read_eval_zip(data, source, digest, passing_score)
    if b"\x00" in data[:65536]:
        raise EvidenceError(source, "", f"holds binary data; expected {_expected()}")
    from pilot2prod.evidence.formats import table

    if _json_lines(data):
        return table.read_jsonl(data, source, digest, passing_score)
    text = decode(data, source)
    if text.lstrip()[:1] in ("{", "["):
        document = load_json(text, data, source, depth_checked)
        return _read_document(document, source, digest, passing_score)
    return table.read_csv(text, source, digest, passing_score)


def _expected() -> str:
    return "one of: " + "; ".join(FORMATS)


def decode(data: bytes, source: str) -> str:
    """UTF-8 text (a byte-order mark allowed); EvidenceError naming the byte and line otherwise."""
    if b"\x00" in data[:65536]:
        raise EvidenceError(source, "", f"holds binary data; expected {_expected()}")
    try:
        return data.removeprefix(BOM).decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise EvidenceError(
            source,
            f"line {line} (byte {error.start})",
            "is not UTF-8 text; save the file as UTF-8 (the tools write UTF-8 themselves)",
        ) from None


def load_json(text: str, data: bytes | None, source: str, depth_checked: bool = False) -> object:
    """One JSON document, depth-checked before parsing; EvidenceError saying where it broke.

    NaN and Infinity are read as numbers here and refused where a field is read, by name.
    """
    if not depth_checked:
        raw = data if data is not None else text.encode("utf-8", "surrogatepass")
        if bytes_depth_exceeds(raw, MAX_JSON_DEPTH):
            raise EvidenceError(
                source,
                "",
                f"is nested more than {MAX_JSON_DEPTH} levels deep; no tool writes that",
            )
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        cut = not text[error.pos :].strip()
        hint = " (the file ends early: was it cut off while saving or downloading?)" if cut else ""
        raise EvidenceError(
            source,
            f"line {error.lineno} column {error.colno}",
            f"is not valid JSON: {error.msg}{hint}",
        ) from None
    except RecursionError:
        raise EvidenceError(source, "", "is nested too deeply to read") from None
    except ValueError:
        raise EvidenceError(
            source, "", "is not valid JSON: a number has far too many digits"
        ) from None


def _json_lines(data: bytes) -> bool:
    """True when the file is JSON Lines: a whole object on its first line, and more after it
    (a pretty-printed document opens with a bare `{`, a one-line document has no second line)."""
    body = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    newline = body.find(b"\n")
    if not body.startswith(b"{") or newline < 0 or not body[newline:].strip():
        return False
    first_line = body[:newline].strip()
    if not first_line.endswith(b"}") or first_line.count(b"{") > MAX_JSON_DEPTH:
        return False
    try:
        return isinstance(json.loads(first_line), dict)
    except (ValueError, RecursionError):
        return False


def _read_document(document: object, source: str, digest: str, passing_score: float) -> Run:
    """Dispatch a parsed JSON document to the reader of the tool that wrote it."""
    if isinstance(document, dict):
        stated = document.get("format")
        if stated == "pilot2prod/answers":
            raise EvidenceError(
                source,
                "format",
                "this is a readiness answers file, not evaluation results; give it to "
                "`pilot2prod assess`",
            )
        if stated == RECORD_FORMAT:
            raise EvidenceError(
                source,
                "format",
                "this is already an evidence record; give it to `pilot2prod assess --evidence` "
                "or `pilot2prod evidence compare`",
            )
        from pilot2prod.evidence.formats import deepeval, inspect_log, promptfoo

        if promptfoo.recognises(document):
            return promptfoo.read(document, source, digest)
        if inspect_log.recognises(document):
            return inspect_log.read_json(document, source, digest, passing_score)
        if deepeval.recognises(document):
            return deepeval.read(document, source, digest)
        if "passed" in document:
            from pilot2prod.evidence.formats import table

            return table.rows_run([document], source, digest, passing_score, "jsonl", 1)
        keys = ", ".join(sorted(str(key)[:30] for key in document)[:8]) or "none"
        raise EvidenceError(
            source,
            "",
            f"is JSON from a tool pilot2prod does not read (its top-level keys: {keys}); "
            f"expected {_expected()}",
        )
    if isinstance(document, list):
        from pilot2prod.evidence.formats import table

        return table.rows_run(document, source, digest, passing_score, "jsonl", 1, array=True)
    raise EvidenceError(source, "", f"holds a single value, not results; expected {_expected()}")


def empty_cases(source: str) -> Cases:
    """A fresh column store for a reader."""
    return Cases(source)
