#!/usr/bin/env bash
# The `finmetrics check` command as users run it: report, exit status, errors.
# Usage: check_cli_test.sh FINMETRICS_BINARY   (run from the repository root)
set -u
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
. "$(dirname "$0")/../support/cli_checks.sh"

# 1. The seed claims with the bundled data only: some claims are inconsistent, exit 1.
"$bin" check data/alibaba/claims.csv --no-shared >"$tmp/report.txt" 2>"$tmp/err.txt"
check "seeds: exit status (inconsistent claims)" 1 "$?"
check "seeds: nothing on stderr" "" "$(cat "$tmp/err.txt")"
check "seeds: first line" "finmetrics check: data/alibaba/claims.csv" "$(head -1 "$tmp/report.txt")"
has "seeds: summary" "Summary: 70 claims: 24 consistent, 11 consistent only by rounding, 6 inconsistent, 29 unverifiable" "$tmp/report.txt"
has "seeds: A13 row" "A13    INCONSISTENT                 market_cap                   almost \$700bn              F31 market_cap: claim [665, 700) bn USD vs computed [818.5494, 857.853] bn USD, gap 118.5495bn USD (14.48%)" "$tmp/report.txt"
has "seeds: A19 row (within the 3% FX band)" "A19    consistent                   fx_conversion                \$11bn                      F5 converts: claim {11} bn USD vs computed (10.86166, 11.53353) bn USD" "$tmp/report.txt"
has "seeds: A1 row" "A1     consistent                   price_change                 nearly 60%" "$tmp/report.txt"
has "seeds: A3 arithmetic" "rounding:   claim (858, +inf) bn USD vs computed [851.9964, 857.853] bn USD: do not meet" "$tmp/report.txt"

# 2. JSON and Markdown, to a file.
"$bin" check data/alibaba/claims.csv --no-shared --format json -o "$tmp/report.json" 2>/dev/null
check "json: exit status" 1 "$?"
has "json: summary" '"summary":{"claims":70,"consistent":24,"consistent_by_rounding":11,"inconsistent":6,"unverifiable":29}' "$tmp/report.json"
if command -v python3 >/dev/null; then
  check "json: parses" "70" "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["claims"]))' "$tmp/report.json")"
fi
"$bin" check data/alibaba/claims.csv --no-shared --format markdown >"$tmp/report.md" 2>/dev/null
has "markdown: counts table" "| INCONSISTENT | 6 |" "$tmp/report.md"

# 3. Claims that all agree: exit 0. A bad row goes to stderr with its line and makes
#    the exit status 1 (the job found something), the others still checked.
head -1 data/alibaba/claims.csv >"$tmp/ok.csv"
grep -E '^A(21|34|35),' data/alibaba/claims.csv >>"$tmp/ok.csv"
"$bin" check "$tmp/ok.csv" --data data/alibaba --no-shared >/dev/null 2>&1
check "consistent claims: exit status" 0 "$?"
printf 'B1,doc,x,x,Alibaba,,,revenue,FY2025 Q9,2025-01-01,,\n' >>"$tmp/ok.csv"
"$bin" check "$tmp/ok.csv" --data data/alibaba --no-shared >"$tmp/ok.txt" 2>"$tmp/err.txt"
check "consistent claims and a bad row: exit status 1" 1 "$?"
has "consistent claims: summary" "Summary: 3 claims: 3 consistent, 0 consistent only by rounding, 0 inconsistent, 0 unverifiable" "$tmp/ok.txt"
has "bad row on stderr" "ok.csv:5: B1: period 'FY2025 Q9'" "$tmp/err.txt"

# An unclosed quote: every row after it is one error row, never "0 claims" and success.
head -2 data/alibaba/claims.csv >"$tmp/quote.csv"
printf '"A9,unclosed\n' >>"$tmp/quote.csv"
"$bin" check "$tmp/quote.csv" --data data/alibaba --no-shared >"$tmp/quote.txt" 2>"$tmp/err.txt"
check "unclosed quote: exit status 1" 1 "$?"
has "unclosed quote: the row error on stderr" "quote.csv:3: quoted field not closed before the end of the file" "$tmp/err.txt"
has "unclosed quote: the row error in the report" "Rows with errors (1):" "$tmp/quote.txt"

# 4. Usage and file errors: exit 2.
"$bin" check /nonexistent/claims.csv >/dev/null 2>"$tmp/err.txt"
check "missing claims file: exit status" 2 "$?"
check "missing claims file: message" "finmetrics check: cannot open claims file '/nonexistent/claims.csv'" "$(cat "$tmp/err.txt")"
"$bin" check data/alibaba/claims.csv --format yaml >/dev/null 2>"$tmp/err.txt"
check "bad format: exit status" 2 "$?"
"$bin" check data/alibaba/claims.csv --data /nonexistent >/dev/null 2>"$tmp/err.txt"
check "missing data folder: exit status" 2 "$?"
check "missing data folder: message" "finmetrics check: data directory '/nonexistent' does not exist" "$(cat "$tmp/err.txt")"
"$bin" check data/alibaba/claims.csv --no-shared --shared ../shared >/dev/null 2>"$tmp/err.txt"
check "--no-shared with --shared: exit status" 2 "$?"
check "--no-shared with --shared: message" "finmetrics check: --no-shared and --shared exclude each other" "$(cat "$tmp/err.txt")"
"$bin" check data/alibaba/claims.csv --shared /etc >/dev/null 2>"$tmp/err.txt"
check "--shared /etc: exit status" 2 "$?"
"$bin" check data/alibaba >/dev/null 2>"$tmp/err.txt"
check "a directory as the claims file: message" "finmetrics check: claims file 'data/alibaba' is a directory" "$(cat "$tmp/err.txt")"
"$bin" check data/alibaba/claims.csv --no-shared --fx data >/dev/null 2>"$tmp/err.txt"
check "a directory as the FX file: message" "finmetrics check: FX file 'data' is a directory" "$(cat "$tmp/err.txt")"
"$bin" check data/alibaba/claims.csv --no-shared --fx-tolerance 100 >/dev/null 2>"$tmp/err.txt"
check "--fx-tolerance out of range: exit status" 2 "$?"

# 5. From a directory outside the repository: the profile gives everything, nothing is looked up in the working directory.
repo="$(pwd)"
(cd "$tmp" && "$bin" check "$repo/data/alibaba/claims.csv" --no-shared >"$tmp/outside.txt" 2>"$tmp/err.txt")
check "outside the repository: exit status" 1 "$?"
has "outside the repository: the same summary" "Summary: 70 claims: 24 consistent, 11 consistent only by rounding, 6 inconsistent, 29 unverifiable" "$tmp/outside.txt"
(cd "$tmp" && "$bin" check "$repo/data/tencent/claims.csv" --no-shared --fx "$repo/data/fx/ecb-selected.csv" >"$tmp/tencent.txt" 2>"$tmp/err.txt")
status=$?
check "Tencent outside the repository: not a usage error" "yes" "$([ "$status" -le 1 ] && echo yes || echo "no ($status: $(cat "$tmp/err.txt"))")"
has "Tencent outside the repository: a summary" "Summary: " "$tmp/tencent.txt"
printf 'id,document,quote,figure,entity,listing,segment,metric,period,as_of,relation,notes\n' >"$tmp/bare.csv"
(cd "$tmp" && "$bin" check bare.csv >/dev/null 2>"$tmp/err.txt")
check "no data folder: exit status" 2 "$?"
check "no data folder: message" "finmetrics check: no reference data for 'bare.csv': give --data DIR (a folder with issuer.json, market.csv or financials.csv)" "$(cat "$tmp/err.txt")"

# 6. Claims from standard input (`-`): the same report, named "stdin"; --data is needed.
"$bin" check - --data data/alibaba --no-shared <data/alibaba/claims.csv >"$tmp/stdin.txt" 2>"$tmp/err.txt"
check "stdin: exit status (inconsistent claims)" 1 "$?"
check "stdin: first line" "finmetrics check: stdin" "$(head -1 "$tmp/stdin.txt")"
has "stdin: the same summary" "Summary: 70 claims: 24 consistent, 11 consistent only by rounding, 6 inconsistent, 29 unverifiable" "$tmp/stdin.txt"
check "stdin: the same rows as from the file" "$(tail -n +2 "$tmp/report.txt")" "$(tail -n +2 "$tmp/stdin.txt")"
"$bin" check - --no-shared <data/alibaba/claims.csv >/dev/null 2>"$tmp/err.txt"
check "stdin without --data: exit status" 2 "$?"
check "stdin without --data: message" "finmetrics check: claims from standard input have no folder of their own: give --data DIR (a folder with issuer.json, market.csv or financials.csv)" "$(cat "$tmp/err.txt")"
printf 'B1,doc,x,x,Alibaba,,,revenue,FY2025 Q9,2025-01-01,,\n' | cat <(head -1 data/alibaba/claims.csv) - |
  "$bin" check - --data data/alibaba --no-shared >/dev/null 2>"$tmp/err.txt"
check "stdin: a bad row is named by line in stdin" "finmetrics check: stdin:2: B1: period 'FY2025 Q9'" "$(head -1 "$tmp/err.txt" | cut -c1-49)"
printf '\xff\xfei\x00d\x00' | "$bin" check - --data data/alibaba --no-shared >/dev/null 2>"$tmp/err.txt"
check "stdin: UTF-16 refused by name" "finmetrics check: claims file 'stdin' is UTF-16LE (its byte-order mark says so); the claims CSV is UTF-8: convert it first (iconv -f UTF-16LE -t UTF-8)" "$(cat "$tmp/err.txt")"

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed"; exit 1; }
echo "all checks passed"
