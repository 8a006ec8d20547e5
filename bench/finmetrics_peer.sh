#!/usr/bin/env bash
# finmetrics as a peer of ../shared/bench (same calling convention: FX IN OUT).
# FINMETRICS: the finmetrics binary (default: build/src/cli/finmetrics beside this script's repo).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${FINMETRICS:-$here/../build/src/cli/finmetrics}"
exec "$bin" normalize --spec v1 --quiet --fx "$1" "$2" --output "$3"
