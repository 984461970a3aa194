#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium, need CJK fonts to render the zh-Hans pages, and serve
# the build through Debian's nginx with the shipped config (deploy/nginx.conf).
# Installs them when absent (as root, via apt); otherwise says what to install.
set -euo pipefail
missing=()
[ -x "${CHROME_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
[ -x "${NGINX_PATH:-/usr/sbin/nginx}" ] || missing+=(nginx)
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || missing+=(fonts-noto-cjk) # not grep -q: with pipefail, fc-list's SIGPIPE would read as absent
[ "${#missing[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "Missing ${missing[*]}: install them (e.g. sudo apt-get install -y ${missing[*]}) or set CHROME_PATH / NGINX_PATH." >&2
  exit 1
fi
echo "Installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# policy-rc.d answers "no" to the package's attempt to start the nginx service: the tests run their own.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy"
  trap 'rm -f "$policy"' EXIT
fi
apt-get install -y -qq "${missing[@]}" >/dev/null
