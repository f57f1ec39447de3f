#!/usr/bin/env bash
# Reinstalls the pinned front-end packages and copies the files the app serves into wwwroot/lib.
set -euo pipefail
cd "$(dirname "$0")"
npm install --no-audit --no-fund
lib=../src/ChiBo/wwwroot/lib
mkdir -p $lib/bootstrap/css $lib/bootstrap/js $lib/htmx $lib/chart.js
cp node_modules/bootstrap/dist/css/bootstrap.min.css $lib/bootstrap/css/
cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js $lib/bootstrap/js/
cp node_modules/htmx.org/dist/htmx.min.js $lib/htmx/
cp node_modules/chart.js/dist/chart.umd.min.js $lib/chart.js/
