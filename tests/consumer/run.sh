#!/usr/bin/env bash
# Installs the built finmetrics into a temporary prefix, builds tests/consumer
# against it with find_package, runs it and checks its output.
# Usage: run.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$1"; source="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
cmake -S "$source/tests/consumer" -B "$tmp/build" -DCMAKE_PREFIX_PATH="$tmp/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$tmp/build" >/dev/null
out="$("$tmp/build/consumer")"
[ "$out" == "11148664669.51" ] || { echo "consumer printed '$out', expected 11148664669.51"; exit 1; }
echo "consumer: find_package(finmetrics) from an installed prefix works: $out"
