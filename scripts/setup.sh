#!/usr/bin/env bash
# Installs the Debian packages finmetrics builds with, when any is missing.
# Idempotent and quiet when everything is already there; needs root (or sudo)
# only when something must be installed.
set -euo pipefail

packages=(
  g++ cmake make
  libboost-dev            # Boost.Multiprecision (checked wide integers)
  libeigen3-dev           # series storage
  libhowardhinnant-date-dev
  catch2                  # v2, tests
  libbenchmark-dev        # Google Benchmark
  libfmt-dev
  libcli11-dev
  nlohmann-json3-dev
  libxml2-dev             # HTML articles for `finmetrics extract` (linked by the CLI only)
  libexpected-dev         # tl::expected
  python3                 # corpus generator and output comparison in tests
  python3-dev pybind11-dev python3-pybind11   # the Python package (python/)
  python3-numpy python3-pandas python3-pytest # its columns, series and tests
  python3-dask python3-distributed           # finmetrics.dask: the package on a Dask cluster
  chromium                # headless browser test of the HTML check report
  help2man                # the man page, generated from --help
  time                    # /usr/bin/time: peak RSS in the normalize CLI test and benchmarks
  iso-codes               # ISO 4217 cross-check (tests/currency)
                          # python3-pandas (above) also runs tests/differential
  clang libclang-rt-14-dev  # libFuzzer targets (scripts/fuzz-smoke.sh)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
