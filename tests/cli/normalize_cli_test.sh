#!/usr/bin/env bash
# The `finmetrics normalize` command as users run it: output, stderr, exit status.
# Usage: normalize_cli_test.sh FINMETRICS_BINARY   (run from the repository root)
set -u
bin="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
check() {  # description, expected, actual
  if [ "$2" == "$3" ]; then echo "ok: $1"; else echo "FAILED: $1"; echo "  expected: $2"; echo "  actual:   $3"; failures=$((failures + 1)); fi
}

# 1. The seed figures at the curated ECB fixings: every value checked with Python's decimal.
"$bin" normalize --fx data/fx/ecb-selected.csv data/samples/seed-figures.csv >"$tmp/out.csv" 2>"$tmp/err.txt"
check "seed figures: exit status" 0 "$?"
check "seed figures: output" "$(cat tests/cli/seed-figures.expected.csv)" "$(cat "$tmp/out.csv")"
check "seed figures: totals" "finmetrics normalize: 8 rows read, 8 converted, 0 without rate, 0 unparsed, 0 invalid" "$(cat "$tmp/err.txt")"

# 2. Standard input, a row without a rate and an unparsable one: rows stay, reasons on stderr, exit 1.
printf 'date,figure\n2025-03-17,Rmb81bn\n2020-01-02,Rmb1bn\n2025-03-17,81bn\n' |
  "$bin" normalize --fx data/fx/ecb-selected.csv --threads 1 >"$tmp/out.csv" 2>"$tmp/err.txt"
check "stdin: exit status when rows are not converted" 1 "$?"
check "stdin: output" "date,figure,currency,usd_value,per_share
2025-03-17,Rmb81bn,CNY,11197593477.792288,0
2020-01-02,Rmb1bn,CNY,,0
2025-03-17,81bn,,," "$(cat "$tmp/out.csv")"
check "stdin: reasons and totals" "line 3: no CNY rate on or before 2020-01-02 (first fixing 2025-03-17)
line 4: '81bn' at column 5: no currency marker
finmetrics normalize: 3 rows read, 1 converted, 1 without rate, 1 unparsed, 0 invalid" "$(cat "$tmp/err.txt")"

# 3. Options: another currency, a scale, fixed decimals, quiet, an output file
#    (81 x 8.4719 / 7.8869 = 87.0082... bn HKD, Python decimal).
"$bin" normalize --fx data/fx/ecb-selected.csv --to HKD --scale bn --decimals 3 -q -o "$tmp/hkd.csv" data/samples/seed-figures.csv 2>"$tmp/err.txt"
check "options: exit status" 0 "$?"
check "options: header and first row" "date,figure,currency,hkd_value,per_share
2025-03-17,Rmb81bn,CNY,87.008,0" "$(head -2 "$tmp/hkd.csv")"

# 4. Usage and file errors exit 2 and say what is wrong.
"$bin" normalize --fx /nonexistent/fx.csv data/samples/seed-figures.csv >/dev/null 2>"$tmp/err.txt"
check "missing FX file: exit status" 2 "$?"
check "missing FX file: message" "finmetrics normalize: '/nonexistent/fx.csv': cannot read the file (missing or empty)" "$(cat "$tmp/err.txt")"
"$bin" normalize --fx data/fx/ecb-selected.csv --to XYZ data/samples/seed-figures.csv >/dev/null 2>"$tmp/err.txt"
check "unknown target currency: exit status" 2 "$?"
check "unknown target currency: message" "finmetrics normalize: --to: 'XYZ' at column 1: unknown currency 'XYZ'" "$(cat "$tmp/err.txt")"
"$bin" normalize --fx data/fx/ecb-selected.csv /nonexistent/in.csv >/dev/null 2>"$tmp/err.txt"
check "missing input: exit status" 2 "$?"
"$bin" normalize --help >"$tmp/help.txt"
check "help: exit status" 0 "$?"
grep -q -- "--max-staleness" "$tmp/help.txt"
check "help lists --max-staleness" 0 "$?"

echo "$((14 - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
