#!/usr/bin/env bash
# Build a throwaway copy of the site with Zensical and print what works and what breaks
# (CONTRIBUTING: "Zensical: what works, what breaks, what a move would take"). Changes nothing
# here and is no part of `make test`. Needs `make deps` (the baseline MkDocs, Playwright,
# Chromium). Usage: scripts/try-zensical.sh [--no-browser]; ZENSICAL_VERSION=0.1.1 by default.
# Findings, logs and screenshots go to $OUT (a new temporary folder unless set).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VERSION="${ZENSICAL_VERSION:-0.1.1}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/try-zensical.XXXXXX")"
OUT="${OUT:-$WORK/out}"
VENV="$WORK/venv"
COPY="$WORK/copy"
[ -x "$ROOT/.venv/bin/python" ] && [ -d "$ROOT/node_modules/pyodide" ] || {
  echo "Run make deps first: the baseline build and the browser checks use .venv" >&2; exit 2; }

python3 -m venv "$VENV"
PIP=("$VENV/bin/python" -m pip install --quiet --disable-pip-version-check)
if ! "${PIP[@]}" "zensical==$VERSION"; then
  # Zensical 0.1.x takes its theme from the zensical-ui package. Where a package index does not
  # serve it, stand in the theme the last self-contained release (0.0.73) shipped inside itself;
  # findings.json says so (theme: stand-in).
  echo "zensical-ui is not to be had here: using the theme bundled in zensical 0.0.73" >&2
  "${PIP[@]}" --no-deps "zensical==$VERSION"
  "$VENV/bin/python" - "$VENV/bin/python" <<'PY'
import importlib.metadata as md, subprocess, sys
needs = [r for r in md.requires("zensical") if not r.startswith("zensical-ui")]
subprocess.run([sys.argv[1], "-m", "pip", "install", "--quiet", *needs], check=True)
PY
  "$VENV/bin/python" -m pip download --quiet --no-deps --dest "$WORK/wheels" "zensical==0.0.73"
  SITE_PACKAGES="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')"
  mkdir -p "$SITE_PACKAGES/zensical_ui"
  "$VENV/bin/python" -m zipfile -e "$WORK"/wheels/zensical-0.0.73-*.whl "$WORK/unpacked"
  cp -r "$WORK/unpacked/zensical/templates" "$SITE_PACKAGES/zensical_ui/theme"
  cat > "$SITE_PACKAGES/zensical_ui/__init__.py" <<'PY'
"""Stand-in for zensical-ui (scripts/try-zensical.sh): the theme of zensical 0.0.73."""
import os
STAND_IN = "zensical 0.0.73 templates"
def get_theme_dir() -> str:
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "theme")
PY
fi
# The macros import MkDocs (PluginError), mkdocs-redirects, brotli and genai-prices: the site's
# runtime dependencies go into the Zensical environment too.
"$VENV/bin/python" - "$ROOT/pyproject.toml" "$VENV/bin/python" <<'PY'
import subprocess, sys, tomllib
deps = tomllib.load(open(sys.argv[1], "rb"))["project"]["dependencies"]
subprocess.run([sys.argv[2], "-m", "pip", "install", "--quiet", *deps], check=True)
PY

# The copy: the tracked files as they are in the working tree, with the pinned Pyodide.
mkdir -p "$COPY"
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) \
  | tar -xf - -C "$COPY"
ln -s "$ROOT/node_modules" "$COPY/node_modules"

cd "$ROOT"
export PYTHONPATH="$COPY"
.venv/bin/python scripts/try_zensical.py --copy "$COPY" --zensical "$VENV/bin/zensical" \
  --out "$OUT" "$@"
echo "Findings, logs and screenshots: $OUT (the copy and the environment: $WORK)"
