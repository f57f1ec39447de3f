#!/usr/bin/env bash
# Re-creates src/ChiBo/wwwroot/lib from the versions pinned in package.json / package-lock.json
# (npm ci installs exactly the lock file). To move to a newer version: change package.json,
# run `npm install` here once to update the lock file, then run this script and commit all three.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
lib=../src/ChiBo/wwwroot/lib
mkdir -p "$lib/bootstrap/css" "$lib/bootstrap/js" "$lib/htmx" "$lib/chart.js"
cp node_modules/bootstrap/dist/css/bootstrap.min.css "$lib/bootstrap/css/"
cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js "$lib/bootstrap/js/"
cp node_modules/htmx.org/dist/htmx.min.js "$lib/htmx/"
cp node_modules/chart.js/dist/chart.umd.min.js "$lib/chart.js/"
