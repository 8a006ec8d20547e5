#!/usr/bin/env bash
# Relations over several claims through `finmetrics check` (docs/checking.md,
# "Relations over several claims"), on the small claim sets of tests/cli/relations/.
# Usage: relations_cli_test.sh FINMETRICS_BINARY   (run from the repository root)
set -u
bin="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
check() {  # description, expected, actual
  if [ "$2" == "$3" ]; then echo "ok: $1"; else echo "FAILED: $1"; echo "  expected: $2"; echo "  actual:   $3"; failures=$((failures + 1)); fi
}
has() {  # description, needle, file
  if grep -qF -- "$2" "$3"; then echo "ok: $1"; else echo "FAILED: $1"; echo "  missing: $2"; failures=$((failures + 1)); fi
}
verdict() {  # claim id -> its verdict column
  awk -v id="$1" '$1 == id { v = substr($0, 8, 28); sub(/ +$/, "", v); print v; exit }' "$tmp/report.txt"
}

"$bin" check tests/cli/relations/relations.csv --no-shared >"$tmp/report.txt" 2>"$tmp/err.txt"
check "relations: exit status (inconsistent claims)" 1 "$?"
check "relations: no row error" "" "$(cat "$tmp/err.txt")"
check "sum_of: underlying + revaluation = net profit" "consistent" "$(verdict S1)"
has "sum_of: the arithmetic" "S1 RMB13.5bn = a1 + a2" "$tmp/report.txt"
check "sum_of: three quarters are not nine months" "INCONSISTENT" "$(verdict Q0)"
has "sum_of: the quarters' sum" "computed from the strict readings:  {33} bn USD" "$tmp/report.txt"
check "at_most: net above gross" "INCONSISTENT" "$(verdict N1)"
check "product_of: range x count against a range, end to end" "INCONSISTENT" "$(verdict R1)"
has "product_of: end to end" "both sides are ranges of the same quantity: compared end to end" "$tmp/report.txt"
check "converts: a 15x error against 'topped' fails" "INCONSISTENT" "$(verdict X2)"
has "converts: the threshold is converted" "a translation in the same quote converts the number stated" "$tmp/report.txt"
has "converts: the stated rate is used" "X0 US\$1 = RMB7.2" "$tmp/report.txt"
check "converts: at the document's own rate" "consistent" "$(verdict F3)"
check "converts: the rate claim takes part" "consistent" "$(verdict F1)"
check "product_of: per 10 shares x shares" "consistent" "$(verdict D2)"
has "per 10 shares: the reading" "'per 10 shares': read as the amount per share, divided by 10" "$tmp/report.txt"
check "daily_of: a daily figure of the wrong order" "INCONSISTENT" "$(verdict Y1)"
check "compound_of: 20% then 30% is 56%" "consistent" "$(verdict K1)"
check "cagr_of: 10% a year from 100 to 121 over two years" "consistent" "$(verdict A1)"
check "verbal: nearly doubled (1.85x)" "consistent" "$(verdict V1)"
has "verbal: the tolerance is printed" "VerbalTolerances::nearly = 0.1" "$tmp/report.txt"
check "restated: no same_figure pairing" "0" "$(grep -c '\[same_figure' "$tmp/report.txt")"
has "restated: noted" "restates B1 (another basis): not compared with it" "$tmp/report.txt"

"$bin" check tests/cli/relations/basis.csv --no-shared >"$tmp/basis.txt" 2>"$tmp/err.txt"
check "basis: no row error" "" "$(cat "$tmp/err.txt")"
check "basis: only the two on the same basis are paired" "1" "$(grep -c '\[same_figure' "$tmp/basis.txt")"
has "basis: B5 against B3" "B5 RMB4.9bn and B3 RMB5.0bn: the same metric, entity and period" "$tmp/basis.txt"

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
