#!/usr/bin/env bash
# normalize-v2 against the exact expected output of ../shared/bench/gen_corpus_v2.py
# (20,000 rows, seed 20251206), compared by ../shared/bench/compare_v2.py.
# Usage: normalize_v2_corpus_test.sh FINMETRICS_BINARY   (from the repository root)
# Exit 77 (ctest: skipped) when ../shared or python3 is missing, except under CI=true.
set -u
bin="$1"
shared=../shared
if [ ! -f "$shared/bench/gen_corpus_v2.py" ] || ! command -v python3 >/dev/null; then
  echo "normalize_v2_corpus_test: needs $shared/bench and python3"
  [ "${CI:-}" = true ] && exit 1
  exit 77
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 "$shared/bench/gen_corpus_v2.py" 20000 20251206 --fx "$shared/data/fx/ecb-eurofxref-hist.csv" \
  --expected "$tmp/expected.csv" >"$tmp/in.csv" || exit 1
"$bin" normalize --quiet --fx "$shared/data/fx/ecb-eurofxref-hist.csv" "$tmp/in.csv" -o "$tmp/out.csv"
status=$?
[ "$status" -le 1 ] || { echo "normalize exited $status"; exit 1; }
python3 "$shared/bench/compare_v2.py" "$tmp/expected.csv" "$tmp/out.csv"
