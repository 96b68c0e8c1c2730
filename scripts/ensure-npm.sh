#!/usr/bin/env bash
# Make sure npm is here: the browser tests take axe-core (the accessibility
# rules) from the npm registry, pinned in package-lock.json.
# Installs Debian's npm with apt when it is missing and we are root; otherwise says what to do.
set -euo pipefail

if command -v npm >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "npm is missing: installing Debian's npm package with apt-get..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends npm >/dev/null
  exit 0
fi
cat >&2 <<MSG
npm is not installed, and this script cannot install it (it needs root and
apt-get). The browser tests need it to install axe-core. Install Node.js and
npm (for example 'sudo apt-get install npm') and run 'make test' again.
MSG
exit 1
