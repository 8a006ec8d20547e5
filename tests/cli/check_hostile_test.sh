#!/usr/bin/env bash
# Hostile input to `finmetrics check` (issue 11, items 1, 9, 10, 11, 12): each block
# reproduces an input that broke a promise (crash, silent loss, verdict inflation)
# and asserts the behaviour kept now. Claims in tests/cli/check_hostile/.
# Usage: check_hostile_test.sh FINMETRICS_BINARY   (run from the repository root)
set -u
bin="$1"
. "$(dirname "$0")/../support/cli_checks.sh"
dir=tests/cli/check_hostile

"$bin" check "$dir/claims.csv" --no-shared --fx tests/cli/relations/fx-usd-cny.csv >"$tmp/report.txt" 2>"$tmp/err.txt"
check "a report, no crash (no claim inconsistent; its bad rows make the status 1)" 1 "$?"
has "every claim is reported" "Summary: 16 claims: " "$tmp/report.txt"

# Item 1: a figure beyond 38 digits after its hedge is that claim's problem only.
check "item 1: the 37-digit 'about' figure is unverifiable" "unverifiable" "$(verdict H1)"
has "item 1: says why" "is beyond the 38-digit decimal range" "$tmp/report.txt"
check "item 1: the other claims are still checked" "consistent" "$(verdict H3)"
# ... and relation arithmetic beyond 38 digits makes that finding unverifiable.
check "item 1: a sum beyond 38 digits is unverifiable" "unverifiable" "$(verdict O3)"
has "item 1: the sum says why" "missing: a result within the decimal range (decimal coefficient 199999999999999999999999999999999999997 has more than 38 digits)" "$tmp/report.txt"

# Item 10: ratio_of over two CNY amounts is a pure ratio, never a USD amount.
check "item 10: 1.1x = RMB11bn / RMB10bn" "consistent" "$(verdict R3)"
check "item 10: \$1.1bn as a ratio of CNY/CNY is unverifiable, not inconsistent" "unverifiable" "$(verdict R4)"
has "item 10: says why" "a ratio in %, x or a plain number (a ratio of CNY to CNY is no amount; the claim is in USD)" "$tmp/report.txt"
check "item 10: the verdict does not spread to the numerator" "consistent" "$(verdict R1)"
check "item 10: no gap in the trillions of percent" "0" "$(grep -c '100000000000%' "$tmp/report.txt")"

# Item 11: no verdict inflation.
check "item 11: a duplicated unverifiable row stays unverifiable" "unverifiable" "$(verdict U2)"
check "item 11: ... and so does its original" "unverifiable" "$(verdict U1)"
has "item 11: the repeat is named" "repeats claim U1 (the same quote and figure): not checked against it" "$tmp/report.txt"
has "item 11: a relation cycle is reported" "claims.csv:15: C2: relation 'same_as:C1' closes a cycle (C1 -> C2 -> C1)" "$tmp/err.txt"
check "item 11: an empty as_of is not replaced" "unverifiable" "$(verdict E2)"
has "item 11: ... it says the day is missing" "missing: the day of the CNY/USD rate (the claim has no as_of)" "$tmp/report.txt"

# Item 9: conflicting duplicate facts are refused, whatever their order.
mkdir -p "$tmp/conflict"
cp "$dir/issuer.json" "$tmp/conflict/"
printf 'entity,metric,period,value,unit,currency,source,status\nAcme,revenue,2024,10,bn,CNY,s1,confirmed\nAcme,revenue,2024,12,bn,CNY,s2,confirmed\n' >"$tmp/conflict/financials.csv"
"$bin" check "$dir/claims.csv" --no-shared --data "$tmp/conflict" >/dev/null 2>"$tmp/err.txt"
check "item 9: conflicting financials: exit status" 2 "$?"
has "item 9: conflicting financials: both rows named" "financials.csv:3: Acme revenue 2024 is 12 bn here and 10 bn on line 2" "$tmp/err.txt"
mkdir -p "$tmp/market"
cp "$dir/issuer.json" "$tmp/market/"
printf 'kind,symbol,date,field,value,currency,source\nprice,ACME,2025-01-02,close,10,USD,s1\nprice,ACME,2025-01-02,close,11,USD,s2\n' >"$tmp/market/market.csv"
"$bin" check "$dir/claims.csv" --no-shared --data "$tmp/market" >/dev/null 2>"$tmp/err.txt"
check "item 9: conflicting closes: exit status" 2 "$?"
has "item 9: conflicting closes: both rows named" "market.csv:3: two ACME close prices of 2025-01-02: 10 (" "$tmp/err.txt"

# Item 12: options that cannot be honoured are refused, not ignored.
"$bin" check "$dir/claims.csv" --shared /etc >/dev/null 2>"$tmp/err.txt"
check "item 12: --shared /etc: exit status" 2 "$?"
check "item 12: --shared /etc: message" "finmetrics check: --shared '/etc' holds neither fx/ nor market/ (nor data/fx, data/market): not a shared data root" "$(cat "$tmp/err.txt")"
"$bin" check "$dir/claims.csv" --no-shared --shared ../shared >/dev/null 2>"$tmp/err.txt"
check "item 12: --no-shared --shared: exit status" 2 "$?"
"$bin" check "$dir" >/dev/null 2>"$tmp/err.txt"
check "item 12: a directory as claims: message" "finmetrics check: claims file '$dir' is a directory" "$(cat "$tmp/err.txt")"

# No issuer's calendar is guessed: without a profile's fiscal year or
# --fiscal-year-end, a fiscal period is a row error that says what to give.
mkdir -p "$tmp/nocal"
printf 'entity,metric,period,value,unit,currency,source,status\n' >"$tmp/nocal/financials.csv"
printf 'id,document,quote,figure,entity,listing,segment,metric,period,as_of,relation,notes\nY1,d,Rmb1bn,Rmb1bn,Acme,,,capex,FY2025 Q1,2025-01-02,,\n' >"$tmp/nocal/c.csv"
"$bin" check "$tmp/nocal/c.csv" --no-shared >"$tmp/report.txt" 2>"$tmp/err.txt"
has "no calendar: the row error" "c.csv:2: Y1: period 'FY2025 Q1': fiscal period 'FY2025 Q1' needs a fiscal calendar" "$tmp/err.txt"
has "no calendar: what to give" "give --fiscal-year-end MONTH, or \"fiscal_year\" in issuer.json" "$tmp/err.txt"
"$bin" check "$tmp/nocal/c.csv" --no-shared --fiscal-year-end March >"$tmp/report.txt" 2>"$tmp/err.txt"
check "--fiscal-year-end March: no row error" "" "$(cat "$tmp/err.txt")"
has "--fiscal-year-end March: the claim is read" "Summary: 1 claims: " "$tmp/report.txt"

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
