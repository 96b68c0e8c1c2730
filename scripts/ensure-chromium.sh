#!/usr/bin/env bash
# Make sure Debian's Chromium is here for the browser tests.
# Installs it with apt when it is missing and we are root; otherwise says what to do.
set -euo pipefail

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package with apt-get (about 30 s)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
cat >&2 <<MSG
Chromium is not installed at $CHROMIUM, and this script cannot install it
(it needs root and apt-get). The browser tests need it. Install it with:

    sudo apt-get install chromium

or set CHROMIUM=/path/to/chromium and run 'make test' again.
MSG
exit 1
