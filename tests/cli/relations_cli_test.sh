#!/usr/bin/env bash
# Relations over several claims through `finmetrics check` (docs/checking.md,
# "Relations over several claims"), on the small claim sets of tests/cli/relations/.
# Usage: relations_cli_test.sh FINMETRICS_BINARY   (run from the repository root)
set -u
bin="$1"
. "$(dirname "$0")/../support/cli_checks.sh"

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
# The arithmetic, exactly.
has "sum_of: the rounded sum" "computed from the rounded readings: [13.4, 13.6) bn CNY" "$tmp/report.txt"
check "sum_of: the quarters take the sum's verdict" "INCONSISTENT" "$(verdict Q2)"
has "at_most: the bound" "claim {2.5} bn HKD vs computed (-inf, 2.3] bn HKD" "$tmp/report.txt"
has "product_of: the low end" "low end, computed from the strict readings:  {1.274} bn HKD" "$tmp/report.txt"
has "product_of: the high end" "high end, computed from the strict readings:  {1.75175} bn HKD" "$tmp/report.txt"
has "converts: the threshold, not the hedge" "so the threshold {87.8} bn CNY is used, not the hedge" "$tmp/report.txt"
has "converts: the stated rate, inverted" "rate = 1 / X0 US\$1 = RMB7.2 (USD per CNY, stated in the document)" "$tmp/report.txt"
has "converts: 87.8bn / 7.2" "computed from the strict readings:  (12.19444, 12.19445) bn USD" "$tmp/report.txt"
has "converts: 67.335bn / 6.7335" "computed from the strict readings:  (9.999999, 10.00001) bn USD" "$tmp/report.txt"
check "converts: no reference rate and no FX band with a stated rate" "0" "$(grep -c 'FX tolerance' "$tmp/report.txt")"
has "per 10 shares x shares" "computed from the strict readings:  {3.4} bn CNY" "$tmp/report.txt"
has "daily_of: 36.5bn over 365 days, within a factor 10" "computed from the strict readings:  (0.01, 1) bn orders" "$tmp/report.txt"
has "compound_of: 1.2 x 1.3" "computed from the strict readings:  {56}%" "$tmp/report.txt"
has "cagr_of: 1.1^2 against 121 / 100" "computed from the strict readings:  {1.21}x" "$tmp/report.txt"
check "restated: no same_figure pairing" "0" "$(grep -c '\[same_figure\] B' "$tmp/report.txt")"
has "restated: noted" "restates B1 (another basis): not compared with it" "$tmp/report.txt"

# A rate stated in the document comes before any reference rate: with a reference
# USD/CNY of 7.0 (x [0.97, 1.03]) the same conversion is only consistent by rounding.
"$bin" check tests/cli/relations/relations.csv --no-shared --fx tests/cli/relations/fx-usd-cny.csv >"$tmp/fx.txt" 2>"$tmp/err.txt"
check "stated rate before the reference: no row error" "" "$(cat "$tmp/err.txt")"
check "stated rate before the reference: F3 stays consistent" "consistent" "$(awk '$1 == "F3" { v = substr($0, 8, 28); sub(/ +$/, "", v); print v; exit }' "$tmp/fx.txt")"
check "stated rate before the reference: the FX band only for T1/T2 (arithmetic and data)" "2" "$(grep -c 'FX tolerance' "$tmp/fx.txt")"
check "same_figure: a 15x translation of 'topped' fails" "INCONSISTENT" "$(awk '$1 == "T2" { v = substr($0, 8, 28); sub(/ +$/, "", v); print v; exit }' "$tmp/fx.txt")"
has "same_figure: the threshold is converted" "T2 \$184.5bn and T1 RMB87.8bn: the same metric, entity and period" "$tmp/fx.txt"
"$bin" check tests/cli/relations/reference-rate.csv --no-shared --fx tests/cli/relations/fx-usd-cny.csv >"$tmp/ref.txt" 2>"$tmp/err.txt"
check "reference rate: exit status" 0 "$?"
check "reference rate: G3 by rounding" "consistent only by rounding" "$(awk '$1 == "G3" { v = substr($0, 8, 28); sub(/ +$/, "", v); print v; exit }' "$tmp/ref.txt")"
has "reference rate: 7.0 within the 3% band" "computed from the strict readings:  (9.330707, 9.907865) bn USD" "$tmp/ref.txt"

"$bin" check tests/cli/relations/basis.csv --no-shared >"$tmp/basis.txt" 2>"$tmp/err.txt"
check "basis: no row error" "" "$(cat "$tmp/err.txt")"
check "basis: only the two on the same basis are paired" "1" "$(grep -c '\[same_figure' "$tmp/basis.txt")"
has "basis: B5 against B3" "B5 RMB4.9bn and B3 RMB5.0bn: the same metric, entity and period" "$tmp/basis.txt"

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
