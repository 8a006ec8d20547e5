#!/usr/bin/env bash
# Builds the library, the tests and the CLI with AddressSanitizer and
# UndefinedBehaviorSanitizer in build-asan/ (-O1, no recovery: the first report
# fails the test) and runs the test suite. No suppressions.
#
# With clang (the default when clang++ is installed) the same build also holds
# the libFuzzer targets: the library is instrumented for libFuzzer as well
# (-fsanitize=fuzzer-no-link), so scripts/fuzz-smoke.sh can run the targets from
# this build (FUZZ_BUILD_DIR=build-asan, as .ci/run does) instead of compiling
# the library a third time. Clang has the whole -fsanitize=undefined set.
#
#   scripts/sanitize.sh            # configure, build, ctest
#   SANITIZE_BUILD_DIR=... SANITIZE_JOBS=1 SANITIZE_CXX=g++ scripts/sanitize.sh
set -euo pipefail
cd "$(dirname "$0")/.."

build="${SANITIZE_BUILD_DIR:-build-asan}"
jobs="${SANITIZE_JOBS:-$(nproc)}"
cxx="${SANITIZE_CXX:-}"
if [ -z "$cxx" ]; then
  cxx=g++
  command -v clang++ >/dev/null && cxx=clang++
fi

flags="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
if [ "$("$cxx" --version | head -1 | grep -c clang)" -eq 1 ]; then
  compiler=(-DCMAKE_CXX_COMPILER="$cxx" -DFINMETRICS_BUILD_FUZZERS=ON)
  # Line tables are all a sanitizer report needs (file:line in every frame).
  debug="-gline-tables-only"
else
  compiler=(-DCMAKE_CXX_COMPILER="$cxx" -DFINMETRICS_BUILD_FUZZERS=OFF)
  debug="-g"
  # GCC 12 turns `&table[i] == nullptr` inside constant evaluation into a runtime
  # check under -fsanitize=null (and the two nonnull-attribute checks), which makes
  # the consteval `Currency::of` ill-formed; those three are left to clang.
  # -Wmaybe-uninitialized is noise from Boost.Multiprecision under ASan at -O1.
  flags+=" -fno-sanitize=null,nonnull-attribute,returns-nonnull-attribute -Wno-maybe-uninitialized"
fi
# Precompiled headers for a cold build (FINMETRICS_PCH=ON or CI=true), as scripts/test.sh.
pch="${FINMETRICS_PCH:-}"
[ -z "$pch" ] && { [ "${CI:-}" = true ] && pch=ON || pch=OFF; }

cmake -S . -B "$build" "${compiler[@]}" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 $debug" \
  -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DFINMETRICS_PCH="$pch" \
  -DFINMETRICS_BUILD_TESTS=ON -DFINMETRICS_BUILD_BENCHMARKS=OFF -DFINMETRICS_BUILD_EXAMPLES=OFF \
  -DFINMETRICS_BUILD_CLI=ON -DFINMETRICS_INSTALL=OFF >/dev/null
cmake --build "$build" -j"$jobs"

# Leaks count too; a report stops the test with a non-zero status.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Compile-fail tests only compile: nothing for a sanitizer to see.
ctest --test-dir "$build" --output-on-failure -j"$jobs" -LE compile_fail
