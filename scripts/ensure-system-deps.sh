#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium and need CJK fonts to render the zh-Hans pages.
# Installs them when absent (as root, via apt); otherwise says what to install.
set -euo pipefail
missing=()
[ -x "${CHROME_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || missing+=(fonts-noto-cjk) # not grep -q: with pipefail, fc-list's SIGPIPE would read as absent
[ "${#missing[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "Missing ${missing[*]}: install them (e.g. sudo apt-get install -y ${missing[*]}) or set CHROME_PATH." >&2
  exit 1
fi
echo "Installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
