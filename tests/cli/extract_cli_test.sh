#!/usr/bin/env bash
# The `finmetrics extract` command as users run it: output, files, exit status,
# and extract followed by check on a seed article.
# Usage: extract_cli_test.sh FINMETRICS_BINARY   (run from the repository root)
set -u
bin="$1"
. "$(dirname "$0")/../support/cli_checks.sh"
. "$(dirname "$0")/../support/shared_data.sh"

article='In the 15 months since he took the top jobs, Alibaba'"'"'s Wu has spent Rmb81bn ($11bn) on capital expenditure, up from Rmb34bn in the previous 15 months.'

# The issuer's names and fiscal calendar, as its profile gives them (data/<issuer>/issuer.json).
cat >"$tmp/issuer.json" <<'JSON'
{"format": 1, "issuer": "Alibaba", "aliases": ["Alibaba Group"], "fiscal_year": {"end_month": 3, "naming": "end_year"},
 "segments": [{"name": "Cloud Intelligence Group", "aliases": ["Alibaba Cloud", "cloud"]}], "listings": []}
JSON

# 1. The claims CSV on standard output, with a date for the relative periods.
printf '%s\n' "$article" | "$bin" extract - --date 2025-03-17 --format csv --document ft.txt --issuer "$tmp/issuer.json" >"$tmp/out.csv" 2>"$tmp/err.txt"
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

# 2b. -o writes the output atomically (no temporary left), and never over the article.
printf 'Revenue was HK$1.2bn. Profit reached $580 million.\n' >"$tmp/hk.txt"
"$bin" extract "$tmp/hk.txt" --format json -o "$tmp/hk.json" >"$tmp/stdout.txt" 2>"$tmp/err.txt"
check "-o: exit status" 0 "$?"
check "-o: nothing on standard output" "" "$(cat "$tmp/stdout.txt")"
check "-o: no temporary file left" "" "$(ls -A "$tmp" | grep '\.tmp$')"
check "-o: document currency with its evidence" '$580 million HKD document HK$1.2bn 12' \
  "$(python3 -c 'import json,sys; f=json.load(open(sys.argv[1]))["figures"][1]; print(f["text"], f["currency"], f["currency_source"], f["currency_evidence"]["marker"], f["currency_evidence"]["begin"])' "$tmp/hk.json")"
"$bin" extract "$tmp/hk.txt" --dollar SGD --format json | python3 -c 'import json,sys; f=json.load(sys.stdin)["figures"][1]; print(f["currency"], f["currency_source"], f["currency_certain"])' >"$tmp/o.txt"
check "--dollar: the option decides" "SGD option True" "$(cat "$tmp/o.txt")"
"$bin" extract "$tmp/hk.txt" -o "$tmp/hk.txt" >/dev/null 2>"$tmp/err.txt"
check "-o over the article: exit status 2" 2 "$?"
check "-o over the article: the article is intact" "Revenue was HK\$1.2bn. Profit reached \$580 million." "$(cat "$tmp/hk.txt")"
printf 'priced at \xc2\xa5500\n' | "$bin" extract - --format json 2>"$tmp/err.txt" >/dev/null
check "a bare yen sign alone is refused with a reason" "finmetrics extract: skipped byte 10: '¥500': '¥' names no single currency here: no option, and no explicit marker of its family in its paragraph (use --yen CODE)" "$(cat "$tmp/err.txt")"
"$bin" extract - --dollar XX <"$tmp/hk.txt" >/dev/null 2>"$tmp/err.txt"
check "--dollar: a bad code is a usage error" "finmetrics extract: --dollar: 'XX' is not an ISO 4217 currency code" "$(cat "$tmp/err.txt")"

# 2c. Invalid UTF-8: the JSON stays valid, the replacement is counted and said.
printf 'Sales \xff\xfe rose 5%% to $3bn \xc3(.\n' | "$bin" extract - --format json >"$tmp/bad.json" 2>"$tmp/err.txt"
check "invalid UTF-8: valid JSON, replacements counted" "3 2" \
  "$(python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(j["input"]["invalid_bytes_replaced"], len(j["figures"]))' "$tmp/bad.json")"
check "invalid UTF-8: said on stderr" "finmetrics extract: 'stdin': 3 bytes are not UTF-8; each was read as U+FFFD" "$(cat "$tmp/err.txt")"

# 2d. HTML and Markdown articles: spans refer to the decoded text, and the JSON says so.
cat >"$tmp/story.html" <<'HTML'
<!DOCTYPE html><html><head><title>Results</title><style>p { width: 50%; }</style>
<script>var share = "$99bn";</script></head>
<body><h1>Profit&nbsp;jumped&nbsp;82%</h1><p>Revenue rose to HK&#36;1.2bn &amp; more.<br>Net profit was $5 million.</p>
<table><tr><td>capex</td><td>Rmb81bn</td></tr></table><!-- $7bn in a comment --></body></html>
HTML
"$bin" extract "$tmp/story.html" --format json >"$tmp/html.json" 2>"$tmp/err.txt"
check "html: exit status" 0 "$?"
check "html: figures of the text only (no script, style or comment)" "82% HK\$1.2bn \$5 million Rmb81bn" \
  "$(python3 -c 'import json,sys; print(" ".join(f["text"] for f in json.load(open(sys.argv[1]))["figures"]))' "$tmp/html.json")"
check "html: the spans' text is said" "html" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["input"]["format"])' "$tmp/html.json")"
printf '# Sales up **13%%**\n\nSee [the report](https://x.com/a%%20b) with `$4bn`.\n' >"$tmp/story.md"
"$bin" extract "$tmp/story.md" --format json | python3 -c 'import json,sys; print(" ".join(f["text"] + "@" + str(f["begin"]) for f in json.load(sys.stdin)["figures"]))' >"$tmp/md.txt"
check "markdown: markup and link targets dropped, spans in the text read" "13%@9 \$4bn@34" "$(cat "$tmp/md.txt")"

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
if require_shared "$seed"; then
  "$bin" extract "$seed" --date 2025-03-17 --issuer "$tmp/issuer.json" --claims "$tmp/claims.csv" >/dev/null 2>"$tmp/err.txt"
  check "seed: extract exit status" 0 "$?"
  check "seed: 20 drafted claims" 20 "$(($(wc -l <"$tmp/claims.csv") - 1))"
  "$bin" check "$tmp/claims.csv" --data data/alibaba >"$tmp/report.txt" 2>"$tmp/err.txt"
  status=$?
  check "seed: check runs (0 or 1, not a usage error)" 1 "$((status <= 1))"
  check "seed: no row refused by the checker" "" "$(cat "$tmp/err.txt")"
  check "seed: every claim has a verdict" 1 "$(grep -c '^Summary: 20 claims' "$tmp/report.txt")"
  check "seed: the Rmb81bn (\$11bn) pair is consistent (within the 3% FX band)" 1 \
    "$(grep -cE '^E12 +consistent +fx_conversion' "$tmp/report.txt")"
fi

# --locale: a decimal comma or dot grouping is read only when a locale says so.
printf 'Sales were 45,00 z\xc5\x82 and the profit \xe2\x82\xac1.234,5 million.\n' >"$tmp/locale.txt"
"$bin" extract --format csv "$tmp/locale.txt" >"$tmp/out.csv" 2>"$tmp/err.txt"
check "--locale absent: both refused as ambiguous" 2 "$(grep -c 'which only some locales write' "$tmp/err.txt")"
"$bin" extract --locale de --format csv "$tmp/locale.txt" >"$tmp/out.csv" 2>"$tmp/err.txt"
check "--locale de: 45,00 zł is PLN 45.00" 1 "$(grep -c 'money 45.00 PLN' "$tmp/out.csv")"
check "--locale de: €1.234,5 million is EUR 1234500000" 1 "$(grep -c 'money 1234500000 EUR' "$tmp/out.csv")"
"$bin" extract --locale xx "$tmp/locale.txt" >/dev/null 2>"$tmp/err.txt"
check "--locale xx: usage error" "2 1" "$? $(grep -c "unknown locale 'xx'" "$tmp/err.txt")"

# Bounded memory (issue 11): a text of more figures than --max-figures is read up to
# there, the cut said on stderr and in the JSON, exit status 1.
for i in $(seq 50); do printf '$5 '; done >"$tmp/many.txt"
"$bin" extract --max-figures 20 --format json "$tmp/many.txt" >"$tmp/out.json" 2>"$tmp/err.txt"
check "--max-figures: exit status 1" 1 "$?"
check "--max-figures: 20 figures, unread from byte 59" "20 59" \
  "$(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["figures"]), d["unread_from"])' "$tmp/out.json")"
check "--max-figures: said on stderr" "finmetrics extract: 'many.txt': only the first 59 bytes were read (more than 20 figures); --max-figures N raises the limit" "$(tail -1 "$tmp/err.txt")"
"$bin" extract --max-figures 0 --format csv "$tmp/many.txt" >"$tmp/out.csv" 2>"$tmp/err.txt"
check "--max-figures 0: no limit" "0 50" "$? $(grep -c ',\$5,' "$tmp/out.csv")"

if [ "$failures" -ne 0 ]; then echo "$failures check(s) failed"; exit 1; fi
finish_shared_checks
echo "all checks passed"
