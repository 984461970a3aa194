#!/usr/bin/env bash
# Builds the stock Docusaurus classic template, unchanged, at our Docusaurus version: the site this
# guide started from, for `BENCH_BASELINE_DIR=<dir>/build npm run bench` to measure beside it.
# Usage: npm run bench:baseline [-- <dir>]   (default /tmp/docusaurus-template; needs the npm registry)
set -euo pipefail
dir="$(realpath -m "${1:-/tmp/docusaurus-template}")"
version="$(node -p "require('@docusaurus/core/package.json').version")"
rm -rf "$dir"
mkdir -p "$(dirname "$dir")"
(cd "$(dirname "$dir")" && npx -y "create-docusaurus@$version" "$(basename "$dir")" classic --typescript --skip-install)
(cd "$dir" && npm install --no-audit --no-fund && npx docusaurus build)
echo "Built $dir/build. Measure it beside the guide: BENCH_BASELINE_DIR=$dir/build npm run bench"
