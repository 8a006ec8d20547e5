#!/usr/bin/env bash
# Builds everything (library, CLI, tests, examples, benchmarks) in build/ and runs
# the test suite. Installs missing Debian packages first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs="$(nproc)"
# For a cold build (FINMETRICS_PCH=ON, as .ci/run sets, or CI=true): precompiled
# headers and -O1 for the test programs' own code (the library, CLI and Python
# module stay -O3). Off otherwise, so that the builds of everyone using ccache
# keep their cached objects. See docs/building.md.
pch="${FINMETRICS_PCH:-}"
[ -z "$pch" ] && { [ "${CI:-}" = true ] && pch=ON || pch=OFF; }
test_opt=""
[ "$pch" = ON ] && test_opt=-O1
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DFINMETRICS_PCH="$pch" \
  -DFINMETRICS_TEST_OPTIMIZATION="$test_opt" >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"
