#!/usr/bin/env bash
# The smoke suite in tests/engines/ drives Debian's Firefox ESR (over WebDriver BiDi) and
# WebKitGTK (through WebKitWebDriver, under Xvfb). Install what is missing, as
# ensure-chromium.sh does, when we are root on Debian; otherwise say what to install.
set -euo pipefail
missing=()
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
command -v WebKitWebDriver >/dev/null 2>&1 || missing+=(webkit2gtk-driver)
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
if [ ${#missing[@]} = 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the Firefox and WebKit smoke tests (apt-get)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "Missing for the Firefox and WebKit smoke tests: ${missing[*]} (sudo apt-get install ${missing[*]})." >&2
exit 1
