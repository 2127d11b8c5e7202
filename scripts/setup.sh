#!/usr/bin/env bash
# Installs the Debian packages listed in .ci/apt-packages.txt (when missing) and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t wanted < <(grep -v '^\s*#' .ci/apt-packages.txt | sed '/^\s*$/d')
missing=()
for p in "${wanted[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing Debian packages: ${missing[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "warning: missing Debian packages (run as root to install): ${missing[*]}" >&2
  fi
fi
npm ci --no-audit --no-fund
# npm may skip the root package's lifecycle scripts: compile explicitly so `npx budgetdoc` works
npm run --silent build
