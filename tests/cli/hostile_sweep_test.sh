#!/usr/bin/env bash
# A second hostile-input sweep of the three commands (issue 11, inputs the issue
# did not list): outputs that are devices or FIFOs, write errors, deeply nested
# HTML, UTF-16 files. Each block failed before its fix (docs/reliability.md).
# Usage: hostile_sweep_test.sh FINMETRICS_BINARY   (run from the repository root)
set -u
bin="$1"
. "$(dirname "$0")/../support/cli_checks.sh"

article='Revenue rose 13% to Rmb81bn in the quarter.'
printf '%s\n' "$article" >"$tmp/article.txt"

# 1. extract -o a FIFO: written through it. It was renamed over (a temporary file
#    beside it), which replaces a FIFO, or /dev/null as root, by a regular file.
mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/from-fifo.txt" &
reader=$!
"$bin" extract "$tmp/article.txt" -o "$tmp/fifo" 2>"$tmp/err.txt"
check "extract -o FIFO: exit status" 0 "$?"
if [ -p "$tmp/fifo" ]; then still_fifo=yes; wait "$reader"; else still_fifo=no; kill "$reader" 2>/dev/null; wait "$reader" 2>/dev/null; fi
check "extract -o FIFO: the FIFO is still a FIFO" yes "$still_fifo"
has "extract -o FIFO: the reader got the table" "2 figures" "$tmp/from-fifo.txt"

# 2. extract -o / --claims a device that fails every write (a private /dev/full,
#    root only): exit 2 with the reason, the device left as it was. It was
#    replaced by a regular file, and the run exited 0.
if mknod -m 666 "$tmp/full" c 1 7 2>/dev/null; then
  "$bin" extract "$tmp/article.txt" -o "$tmp/full" 2>"$tmp/err.txt"
  check "extract -o full device: exit status" 2 "$?"
  check "extract -o full device: says why" "finmetrics extract: cannot write '$tmp/full': No space left on device" "$(cat "$tmp/err.txt")"
  [ -c "$tmp/full" ] && device=yes || device=no
  check "extract -o full device: still a device" yes "$device"
  "$bin" extract "$tmp/article.txt" --claims "$tmp/full" >/dev/null 2>"$tmp/err.txt"
  check "extract --claims full device: exit status" 2 "$?"
  "$bin" extract "$tmp/article.txt" >"$tmp/full" 2>"$tmp/err.txt"
  check "extract > full device: exit status" 2 "$?"
else
  echo "skipped: extract -o a full device (mknod needs root)"
fi

# 3. HTML nested deeper than libxml2's default limit (256 levels): the text after
#    the limit was dropped without a word (1 figure of 4, exit 0).
/usr/bin/python3 - "$tmp" <<'PY'
import sys
n = 100000
open(sys.argv[1] + "/nested.html", "w").write(
    "<html><body><p>Margin was 5% before.</p>" + "<div>" * n + "Revenue rose 13% to Rmb81bn." + "</div>" * n
    + "<p>Capex was $3bn after.</p></body></html>")
open(sys.argv[1] + "/unclosed.html", "w").write("<html><body>" + "<div><span><b>" * n + "Revenue rose 13% to Rmb81bn.")
PY
"$bin" extract "$tmp/nested.html" >"$tmp/nested.txt" 2>"$tmp/err.txt"
check "100,000 nested divs: exit status" 0 "$?"
check "100,000 nested divs: every figure" "4 figures (0 in words, marked *); article date unknown" "$(tail -1 "$tmp/nested.txt")"
"$bin" extract "$tmp/unclosed.html" >"$tmp/unclosed.txt" 2>"$tmp/err.txt"
check "300,000 unclosed elements: the text inside" "2 figures (0 in words, marked *); article date unknown" "$(tail -1 "$tmp/unclosed.txt")"

# 4. UTF-16 files (with a byte-order mark) are refused by name, exit 2. extract
#    reported an empty article (0 figures, exit 0); normalize failed every row
#    (exit 1); check said only that the header was wrong.
printf '\xff\xfe' >"$tmp/article16.txt"
printf '%s\n' "$article" | iconv -f UTF-8 -t UTF-16LE >>"$tmp/article16.txt"
"$bin" extract "$tmp/article16.txt" >/dev/null 2>"$tmp/err.txt"
check "extract UTF-16: exit status" 2 "$?"
check "extract UTF-16: says so" "finmetrics extract: '$tmp/article16.txt' is UTF-16LE (its byte-order mark says so); articles are read as UTF-8: convert it first (iconv -f UTF-16LE -t UTF-8)" "$(cat "$tmp/err.txt")"
printf 'date,figure\n2025-03-17,$5\n' | iconv -f UTF-8 -t UTF-16 >"$tmp/rows16.csv"
"$bin" normalize --fx data/fx/ecb-selected.csv "$tmp/rows16.csv" -o "$tmp/out16.csv" 2>"$tmp/err.txt"
check "normalize UTF-16: exit status" 2 "$?"
has "normalize UTF-16: says so" "finmetrics normalize: '$tmp/rows16.csv' is UTF-16LE (its byte-order mark says so)" "$tmp/err.txt"
[ -e "$tmp/out16.csv" ] && written=yes || written=no
check "normalize UTF-16: no output file" no "$written"
cat "$tmp/rows16.csv" | "$bin" normalize --fx data/fx/ecb-selected.csv - >/dev/null 2>"$tmp/err.txt"
check "normalize UTF-16 on standard input: exit status" 2 "$?"
printf 'id,document,quote,figure,entity,listing,segment,metric,period,as_of,relation,notes\n' | iconv -f UTF-8 -t UTF-16 >"$tmp/claims16.csv"
"$bin" check "$tmp/claims16.csv" --data data/alibaba --no-shared >/dev/null 2>"$tmp/err.txt"
check "check UTF-16: exit status" 2 "$?"
has "check UTF-16: says so" "finmetrics check: claims file '$tmp/claims16.csv' is UTF-16LE (its byte-order mark says so)" "$tmp/err.txt"

# 5. A directory as the input is named as one (was: "error reading '/dir'"), and
#    extract -o and --claims naming one file is refused (the claims replaced the
#    table without a word, exit 0).
mkdir -p "$tmp/dir"
"$bin" extract "$tmp/dir" >/dev/null 2>"$tmp/err.txt"
check "extract DIR: exit status" 2 "$?"
check "extract DIR: says so" "finmetrics extract: cannot read '$tmp/dir': it is a directory" "$(cat "$tmp/err.txt")"
"$bin" normalize --fx data/fx/ecb-selected.csv "$tmp/dir" >/dev/null 2>"$tmp/err.txt"
check "normalize DIR: exit status" 2 "$?"
has "normalize DIR: says so" "finmetrics normalize: cannot read '$tmp/dir': it is a directory" "$tmp/err.txt"
"$bin" extract "$tmp/article.txt" -o "$tmp/both.txt" --claims "$tmp/both.txt" 2>"$tmp/err.txt"
check "extract -o X --claims X: exit status" 2 "$?"
check "extract -o X --claims X: says so" "finmetrics extract: -o and --claims both name '$tmp/both.txt': the second would replace the first" "$(cat "$tmp/err.txt")"

# 6. check -o into a missing directory: the reason once (it named the file twice:
#    "'X': cannot write 'X': ..."), exit 2, and a write error on a device likewise.
"$bin" check data/alibaba/claims.csv --no-shared -o "$tmp/missing/report.txt" >/dev/null 2>"$tmp/err.txt"
check "check -o missing dir: exit status" 2 "$?"
check "check -o missing dir: says why once" "finmetrics check: cannot write '$tmp/missing/report.txt': No such file or directory" "$(grep -v ': warning: ' "$tmp/err.txt")"
if [ -c "$tmp/full" ]; then
  "$bin" check data/alibaba/claims.csv --no-shared -o "$tmp/full" >/dev/null 2>"$tmp/err.txt"
  check "check -o full device: exit status" 2 "$?"
  check "check -o full device: says why" "finmetrics check: cannot write '$tmp/full': No space left on device" "$(grep -v ': warning: ' "$tmp/err.txt")"
fi

# 7. normalize: a header naming the figure (or date) column twice. The first was
#    read without a word, exit 0; now the run says which it reads, exit 1.
printf 'date,figure,date,figure\n2025-03-17,USD 5,2025-03-18,USD 6\n' >"$tmp/dup.csv"
"$bin" normalize --fx data/fx/ecb-selected.csv "$tmp/dup.csv" >"$tmp/dup.out" 2>"$tmp/err.txt"
check "duplicate columns: exit status" 1 "$?"
check "duplicate columns: says which is read" "line 1: the header names the column 'date' twice (columns 1 and 3): reading column 1
line 1: the header names the column 'figure' twice (columns 2 and 4): reading column 2
finmetrics normalize: 1 rows read, 1 converted, 0 without rate, 0 unparsed, 0 invalid; bad header" "$(cat "$tmp/err.txt")"
check "duplicate columns: the first figure converted" "2025-03-17,USD 5,2025-03-18,USD 6,USD,5,,,exact,,5,," "$(tail -1 "$tmp/dup.out")"

# 8. extract interrupted (SIGTERM) while it waits for its article: its outputs'
#    temporary files are removed and it says so (exit 143); nothing is left
#    beside the target. extract installed no handler, and a signal during the
#    write left '.NAME.XXXXXX.tmp' behind.
mkfifo "$tmp/in.fifo"
"$bin" extract - -o "$tmp/int.txt" --claims "$tmp/int.csv" <"$tmp/in.fifo" 2>"$tmp/int-err.txt" &
pid=$!
exec 3>"$tmp/in.fifo"
for _ in $(seq 50); do
  ls "$tmp"/.int.csv.*.tmp >/dev/null 2>&1 && break
  sleep 0.1
done
kill -TERM "$pid"
wait "$pid"
check "extract interrupted: exit status 128 + SIGTERM" 143 "$?"
exec 3>&-
has "extract interrupted: says what it removed" "finmetrics extract: interrupted, removed the unfinished output '$tmp/.int.txt." "$tmp/int-err.txt"
check "extract interrupted: nothing left" "" "$(ls -A "$tmp" | grep '^\.int\|^int\.' || true)"

# 9. check -o interrupted (SIGTERM) while it reads its claims: the report's
#    temporary file is removed and it says so (exit 143), the target is not
#    created. The report is created before the claims are read, and the claims
#    come from a FIFO whose writer (this shell) sends nothing: once `exec 4>FIFO`
#    returns, check has opened it for reading, so its temporary file exists (no
#    sleep, no timing). check created its report only after checking, installed
#    its handler there, and had no test of it.
mkfifo "$tmp/claims.fifo"
"$bin" check "$tmp/claims.fifo" --data data/alibaba --no-shared -o "$tmp/report-int.txt" >/dev/null 2>"$tmp/check-int-err.txt" &
pid=$!
exec 4>"$tmp/claims.fifo"
check "check interrupted: its temporary file exists while it reads" 1 "$(ls -A "$tmp" | grep -c '^\.report-int\.txt\..*\.tmp$')"
kill -TERM "$pid"
wait "$pid"
check "check interrupted: exit status 128 + SIGTERM" 143 "$?"
exec 4>&-
has "check interrupted: says what it removed" "finmetrics check: interrupted, removed the unfinished output '$tmp/.report-int.txt." "$tmp/check-int-err.txt"
check "check interrupted: nothing left" "" "$(ls -A "$tmp" | grep 'report-int' || true)"

# 10. An input without end (/dev/zero) or longer than the limit is refused by name
#     and limit, exit 2, nothing written: it was read until std::bad_alloc (exit 2
#     after gigabytes). extract reads its article whole (64 MiB by default,
#     --max-bytes); normalize --fx reads the FX table whole (256 MiB, read_file).
"$bin" extract /dev/zero -o "$tmp/zero.txt" 2>"$tmp/err.txt"
check "extract /dev/zero: exit status" 2 "$?"
check "extract /dev/zero: names input and limit" "finmetrics extract: '/dev/zero' is longer than 64 MiB (67108864 bytes), the most read from one file: not read; --max-bytes N raises the limit" "$(cat "$tmp/err.txt")"
check "extract /dev/zero: no output" "" "$(ls -A "$tmp" | grep 'zero' || true)"
"$bin" extract --max-bytes 1000 - </dev/zero >/dev/null 2>"$tmp/err.txt"
check "extract - </dev/zero --max-bytes 1000: names stdin and limit" "2 finmetrics extract: 'stdin' is longer than 1000 bytes, the most read from one file: not read; --max-bytes N raises the limit" "$? $(cat "$tmp/err.txt")"
"$bin" extract --max-bytes 44 "$tmp/article.txt" >"$tmp/limit.txt" 2>"$tmp/err.txt"
check "extract --max-bytes exactly the article's size: read" "0 2 figures (0 in words, marked *); article date unknown" "$? $(tail -1 "$tmp/limit.txt")"
"$bin" extract --max-bytes 43 "$tmp/article.txt" >/dev/null 2>"$tmp/err.txt"
check "extract --max-bytes one byte short: refused" 2 "$?"
printf 'date,figure\n2025-03-17,USD 5\n' >"$tmp/rows.csv"
"$bin" normalize --fx /dev/zero "$tmp/rows.csv" -o "$tmp/rows.out" 2>"$tmp/err.txt"
check "normalize --fx /dev/zero: exit status" 2 "$?"
has "normalize --fx /dev/zero: names input and limit" "'/dev/zero' is longer than 256 MiB (268435456 bytes), the most read from one file: not read" "$tmp/err.txt"
check "normalize --fx /dev/zero: no output" "" "$(ls -A "$tmp" | grep 'rows.out' || true)"

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
