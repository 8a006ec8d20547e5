#!/usr/bin/env bash
# normalize-v2 against the exact expected output of ../shared/bench/gen_corpus_v2.py
# (two corpora of 20,000 rows, seeds 20251206 and 7), compared by ../shared/bench/compare_v2.py.
# Usage: normalize_v2_corpus_test.sh FINMETRICS_BINARY   (from the repository root)
# Exit 77 (ctest: skipped) when ../shared or python3 is missing, except under CI=true.
set -u
bin="$1"
shared=../shared
python=/usr/bin/python3  # Debian's; the generator runs with any Python 3
[ -x "$python" ] || python="$(command -v python3)"
if [ ! -f "$shared/bench/gen_corpus_v2.py" ] || [ -z "$python" ]; then
  echo "normalize_v2_corpus_test: needs $shared/bench and python3"
  [ "${CI:-}" = true ] && exit 1
  exit 77
fi
fx="$shared/data/fx/ecb-eurofxref-hist.csv"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failed=0
for seed in 20251206 7; do
  "$python" "$shared/bench/gen_corpus_v2.py" 20000 "$seed" --fx "$fx" --expected "$tmp/expected.csv" >"$tmp/in.csv" || exit 1
  "$bin" normalize --quiet --fx "$fx" "$tmp/in.csv" -o "$tmp/out.csv"
  status=$?
  # 1: some rows unparsed or without rate, as the corpus means them to be.
  [ "$status" -eq 1 ] || { echo "seed $seed: normalize exited $status, expected 1"; failed=1; continue; }
  echo "seed $seed:"
  "$python" "$shared/bench/compare_v2.py" "$tmp/expected.csv" "$tmp/out.csv" || failed=1
done
exit "$failed"
