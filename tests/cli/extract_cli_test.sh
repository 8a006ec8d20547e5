#!/usr/bin/env bash
# The `finmetrics extract` command as users run it: output, files, exit status,
# and extract followed by check on a seed article.
# Usage: extract_cli_test.sh FINMETRICS_BINARY   (run from the repository root)
set -u
bin="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
check() {  # description, expected, actual
  if [ "$2" == "$3" ]; then echo "ok: $1"; else echo "FAILED: $1"; echo "  expected: $2"; echo "  actual:   $3"; failures=$((failures + 1)); fi
}

article='In the 15 months since he took the top jobs, Alibaba'"'"'s Wu has spent Rmb81bn ($11bn) on capital expenditure, up from Rmb34bn in the previous 15 months.'

# 1. The claims CSV on standard output, with a date for the relative periods.
printf '%s\n' "$article" | "$bin" extract - --date 2025-03-17 --format csv --document ft.txt >"$tmp/out.csv" 2>"$tmp/err.txt"
check "csv: exit status" 0 "$?"
check "csv: header" "id,document,quote,figure,entity,listing,segment,metric,period,as_of,relation,notes" "$(head -1 "$tmp/out.csv")"
check "csv: figures, metrics, periods and the pair" "E1,Rmb81bn,capex,FY2024 Q3..FY2025 Q3,
E2,\$11bn,fx_conversion,FY2024 Q3..FY2025 Q3,converts:E1
E3,Rmb34bn,capex,FY2023 Q2..FY2024 Q2," \
  "$(tail -n +2 "$tmp/out.csv" | sed -E 's/^(E[0-9]+),ft.txt,"[^"]*",([^,]*),[^,]*,[^,]*,[^,]*,([^,]*),([^,]*),[^,]*,([^,]*),.*/\1,\2,\3,\4,\5/')"
check "csv: nothing on stderr" "" "$(cat "$tmp/err.txt")"

# 2. The table and JSON formats.
printf '%s\n' "$article" | "$bin" extract - >"$tmp/table.txt" 2>&1
check "table: exit status" 0 "$?"
check "table: summary line" "3 figures (0 in words, marked *); article date unknown" "$(tail -1 "$tmp/table.txt")"
printf 'Sales rose 13%%.\n' | "$bin" extract - --format json >"$tmp/out.json"
check "json: one figure" 1 "$(grep -c '"kind":"percent"' "$tmp/out.json")"

# 3. Usage and file errors exit 2 and say what is wrong.
"$bin" extract /nonexistent/article.txt >/dev/null 2>"$tmp/err.txt"
check "missing article: exit status" 2 "$?"
check "missing article: message" "finmetrics extract: cannot read '/nonexistent/article.txt': No such file or directory" "$(cat "$tmp/err.txt")"
printf 'x\n' | "$bin" extract - --date 2025-02-30 >/dev/null 2>"$tmp/err.txt"
check "bad date: exit status" 2 "$?"
printf 'x\n' | "$bin" extract - --format xml >/dev/null 2>"$tmp/err.txt"
check "bad format: message" "finmetrics extract: --format: expected table, json or csv, found 'xml'" "$(cat "$tmp/err.txt")"

# 4. Extract, then check: the drafted claims of a seed article run through the checker.
seed=../shared/seeds/001_176cb876e40a5867.txt
if [ -f "$seed" ]; then
  "$bin" extract "$seed" --date 2025-03-17 --claims "$tmp/claims.csv" >/dev/null 2>"$tmp/err.txt"
  check "seed: extract exit status" 0 "$?"
  check "seed: 20 drafted claims" 20 "$(($(wc -l <"$tmp/claims.csv") - 1))"
  "$bin" check "$tmp/claims.csv" --data data/alibaba >"$tmp/report.txt" 2>"$tmp/err.txt"
  status=$?
  check "seed: check runs (0 or 1, not a usage error)" 1 "$((status <= 1))"
  check "seed: no row refused by the checker" "" "$(cat "$tmp/err.txt")"
  check "seed: every claim has a verdict" 1 "$(grep -c '^Summary: 20 claims' "$tmp/report.txt")"
  check "seed: the Rmb81bn (\$11bn) pair is consistent by rounding" 1 \
    "$(grep -cE '^E12 +consistent only by rounding +fx_conversion' "$tmp/report.txt")"
else
  echo "skipped: $seed is absent (../shared is not beside the project)"
fi

if [ "$failures" -ne 0 ]; then echo "$failures check(s) failed"; exit 1; fi
echo "all checks passed"
