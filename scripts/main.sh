#!/usr/bin/env bash
# Builds everything and runs the main job: `finmetrics normalize` on the figures of
# the seed articles, at the ECB rates of their dates (the full history from
# ../shared when present, else the curated fixings in data/fx/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
fx=../shared/data/fx/ecb-eurofxref-hist.csv
[ -f "$fx" ] || fx=data/fx/ecb-selected.csv
set -x
build/src/cli/finmetrics normalize --fx "$fx" data/samples/seed-figures.csv
