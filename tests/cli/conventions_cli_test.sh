#!/usr/bin/env bash
# The conventions every finmetrics command shares: help, version, a mistyped
# command, the prefix of the argument parser's errors, the man page and the
# bash completion.
# Usage: conventions_cli_test.sh FINMETRICS_BINARY [MAN_PAGE]   (from the repository root)
set -u
bin="$1"
man_page="${2:-}"
. "$(dirname "$0")/../support/cli_checks.sh"

# 1. A mistyped command says so and suggests the nearest one; exit 2.
"$bin" normalise --fx x.csv >"$tmp/out" 2>"$tmp/err"
check "normalise: exit status" 2 "$?"
check "normalise: suggestion" "finmetrics: unknown command 'normalise'; did you mean 'normalize'?" "$(head -1 "$tmp/err")"
check "normalise: nothing on stdout" "" "$(cat "$tmp/out")"
"$bin" chekc 2>"$tmp/err"
check "chekc: suggestion" "finmetrics: unknown command 'chekc'; did you mean 'check'?" "$(head -1 "$tmp/err")"
"$bin" frobnicate 2>"$tmp/err"
check "far from every command: no guess" "finmetrics: unknown command 'frobnicate'" "$(head -1 "$tmp/err")"
has "the list of commands" "the commands are normalize, check, extract, help" "$tmp/err"

# 2. --version and help.
check "--version" "finmetrics 0.1.0" "$("$bin" --version)"
"$bin" --version | grep -qE '^finmetrics 0\.[0-9]+\.[0-9]+$'
check "--version: finmetrics 0.x.y" 0 "$?"
"$bin" help >"$tmp/help"
check "help: exit status" 0 "$?"
has "help: lists normalize" "  normalize " "$tmp/help"
has "help: lists check" "  check " "$tmp/help"
has "help: lists extract" "  extract " "$tmp/help"
check "help equals --help" "$(cat "$tmp/help")" "$("$bin" --help)"
"$bin" help check >"$tmp/help-check"
check "help check: exit status" 0 "$?"
has "help check: usage line" "Usage: finmetrics check [OPTIONS] claims" "$tmp/help-check"
check "help check equals check --help" "$(cat "$tmp/help-check")" "$("$bin" check --help)"
"$bin" help normalise 2>"$tmp/err"
check "help of a mistyped command: exit status" 2 "$?"
check "help of a mistyped command: suggestion" "finmetrics: unknown command 'normalise'; did you mean 'normalize'?" "$(head -1 "$tmp/err")"

# 3. Every option of every command is in its help with its default; --threads says what 0 means.
"$bin" normalize --help >"$tmp/help-normalize"
has "normalize --threads: what 0 means" "0: the number of cores" "$tmp/help-normalize"
for cmd in normalize check extract; do
  "$bin" "$cmd" --help >"$tmp/h" 2>&1
  # An option line that takes a value (TEXT, INT, ...) must state its default
  # or be REQUIRED; flags need none.
  missing="$(awk '/^  -/ && / (TEXT|INT|UINT|FLOAT|NUMBER)/ { line=$0; getline nxt; if ((line nxt) !~ /default|REQUIRED/) print line }' "$tmp/h")"
  check "$cmd --help: every option with a value states its default" "" "$missing"
done

# 4. The argument parser's errors carry the `finmetrics COMMAND:` prefix; exit 2.
"$bin" check --bogus data/alibaba/claims.csv 2>"$tmp/err"
check "unknown option: exit status" 2 "$?"
check "unknown option: prefix" "finmetrics check: The following argument was not expected: --bogus" "$(head -1 "$tmp/err")"
"$bin" normalize --fx 2>"$tmp/err"
check "missing value: prefix" "finmetrics normalize: --fx: 1 required TEXT missing" "$(head -1 "$tmp/err")"
"$bin" normalize --fx x.csv --threads -3 2>"$tmp/err"
check "out of range: exit status" 2 "$?"
grep -q '^finmetrics normalize: --threads' "$tmp/err"
check "out of range: prefix" 0 "$?"
"$bin" 2>"$tmp/err"
check "no command: exit status" 2 "$?"
check "no command: message" "finmetrics: A subcommand is required" "$(head -1 "$tmp/err")"

# 5. The man page (help2man from --help-all) documents every command's options.
if [ -n "$man_page" ]; then
  has "man page: title" ".TH FINMETRICS \"1\"" "$man_page"
  has "man page: normalize's --max-staleness" "max\\-staleness" "$man_page"
  has "man page: check's --parity-tolerance" "parity\\-tolerance" "$man_page"
fi

# 6. The bash completion completes commands and options from the binary's help.
if command -v bash >/dev/null; then
  completion="share/completions/finmetrics.bash"
  got="$(bash -c "source '$completion'; compopt() { :; }; COMP_WORDS=('$bin' 'norm'); COMP_CWORD=1; _finmetrics; echo \"\${COMPREPLY[*]}\"")"
  check "completion: command" "normalize" "$got"
  got="$(bash -c "source '$completion'; compopt() { :; }; COMP_WORDS=('$bin' 'check' '--par'); COMP_CWORD=2; _finmetrics; echo \"\${COMPREPLY[*]}\"")"
  check "completion: option" "--parity-tolerance" "$got"
  got="$(bash -c "source '$completion'; compopt() { :; }; COMP_WORDS=('$bin' 'help' 'ex'); COMP_CWORD=2; _finmetrics; echo \"\${COMPREPLY[*]}\"")"
  check "completion: help topic" "extract" "$got"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "all passed"
