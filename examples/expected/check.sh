#!/usr/bin/env bash
# Runs an example with the arguments in CMD_FILE (one line) and compares its
# standard output with EXPECTED. Usage: check.sh BINARY CMD_FILE EXPECTED
set -u
bin="$1"; args="$(cat "$2")"; expected="$3"
actual="$(eval "\"$bin\" $args")" || { echo "example exited with status $?"; exit 1; }
if [ "$actual" == "$(cat "$expected")" ]; then echo "1 passed, 0 failed"; exit 0; fi
diff <(echo "$actual") "$expected"
echo "0 passed, 1 failed"
exit 1
