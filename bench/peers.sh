#!/usr/bin/env bash
# finmetrics beside the peers of ../shared/bench (floor, pandas, QuantLib) on the
# normalize-v1 job: same corpus, each run a fresh process end to end, median of
# REPEAT walls, peak RSS; finmetrics' output cross-checked against pandas'.
#
# Usage: bench/peers.sh N [REPEAT]      (from the repository root; REPEAT default 3)
# Env:   PEERS="floor finmetrics finmetrics-1t pandas quantlib" (default: all)
#        SEED=1, WORK=build/peers (corpora, outputs, logs), PY_PANDAS=/usr/bin/python3
# Needs: the build in build/ (scripts/test.sh or scripts/main.sh), and for the peers
#        apt-get install libquantlib0-dev python3-pandas time
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:?usage: bench/peers.sh N [REPEAT]}"
REPEAT="${2:-3}"
SHARED=../shared/bench
FX="${FX:-../shared/data/fx/ecb-eurofxref-hist.csv}"
SEED="${SEED:-1}"
WORK="${WORK:-build/peers}"
PY_PANDAS="${PY_PANDAS:-/usr/bin/python3}"
PEERS=(${PEERS:-floor finmetrics finmetrics-1t pandas quantlib})
mkdir -p "$WORK"
export BUILD="$WORK/bin"
BIN=build/src/cli/finmetrics
[ -x "$BIN" ] || { echo "peers.sh: build first (scripts/test.sh)" >&2; exit 1; }
if [[ ! -x "$BUILD/floor_scan" || ! -x "$BUILD/quantlib_normalize" ]]; then
  bash "$SHARED/build.sh" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
fi

peer_cmd() {  # peer in out -> CMD
  case "$1" in
    floor) CMD=("$BUILD/floor_scan" "$FX" "$2" "$3") ;;
    quantlib) CMD=("$BUILD/quantlib_normalize" "$FX" "$2" "$3") ;;
    pandas) CMD=("$PY_PANDAS" "$SHARED/pandas_normalize.py" "$FX" "$2" "$3") ;;
    finmetrics) CMD=("$BIN" normalize --spec v1 --quiet --fx "$FX" "$2" --output "$3") ;;
    finmetrics-1t) CMD=("$BIN" normalize --spec v1 --quiet --threads 1 --fx "$FX" "$2" --output "$3") ;;
  esac
}

IN="$WORK/figures_${N}_${SEED}.csv"
[ -s "$IN" ] || { python3 "$SHARED/gen_corpus.py" "$N" "$SEED" >"$IN.tmp" && mv "$IN.tmp" "$IN"; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $IN ($N rows, seed $SEED, $(du -h "$IN" | cut -f1)), repeats: $REPEAT"

# finmetrics must agree with the spec's hand-worked rows before anything is timed.
peer_cmd finmetrics "$SHARED/handpicked.csv" "$WORK/handpicked_finmetrics.csv"
"${CMD[@]}" || true  # exit 1: two hand-picked rows have no rate, by design
python3 "$SHARED/compare.py" "$SHARED/handpicked_expected.csv" "$WORK/handpicked_finmetrics.csv" "$SHARED/handpicked.csv" |
  sed 's/^/hand-picked rows: /'

declare -A WALLS RSS
for ((r = 1; r <= REPEAT; r++)); do
  for p in "${PEERS[@]}"; do
    peer_cmd "$p" "$IN" "$WORK/out_$p.csv"
    m="$(python3 "$SHARED/measure.py" "$WORK/run_$p.log" "${CMD[@]}" || true)"
    read -r wall rss <<<"$m"
    WALLS[$p]="${WALLS[$p]:-} $wall"
    RSS[$p]="${RSS[$p]:-} $rss"
  done
done
for p in "${PEERS[@]}"; do
  python3 - "$p" "$N" "${WALLS[$p]}" "${RSS[$p]}" "$(stat -c %s "$IN")" <<'PY'
import statistics, sys
peer, n, walls, rss, size = sys.argv[1], int(sys.argv[2]), [float(x) for x in sys.argv[3].split()], [int(x) for x in sys.argv[4].split()], int(sys.argv[5])
med = statistics.median(walls)
print(f"{peer:<14} {n / med:>12,.0f} rows/s {size / med / 1e6:>8.1f} MB/s   median wall {med:7.3f} s   peak RSS {max(rss) / 1024:7.1f} MiB   walls [{', '.join(f'{w:.3f}' for w in walls)}]")
PY
done
for p in "${PEERS[@]}"; do
  case "$p" in finmetrics*) ;; *) continue ;; esac
  [ -f "$WORK/out_pandas.csv" ] && python3 "$SHARED/compare.py" "$WORK/out_pandas.csv" "$WORK/out_$p.csv" "$IN" | sed "s/^/$p vs pandas: /"
done
