#!/usr/bin/env bash
# Builds the library and the tests with GCC's AddressSanitizer and
# UndefinedBehaviorSanitizer in build-asan/ (-O1, no recovery: the first report
# fails the test) and runs the test suite. No suppressions.
#
#   scripts/sanitize.sh            # configure, build, ctest
#   SANITIZE_BUILD_DIR=... SANITIZE_JOBS=1 scripts/sanitize.sh
set -euo pipefail
cd "$(dirname "$0")/.."

build="${SANITIZE_BUILD_DIR:-build-asan}"
jobs="${SANITIZE_JOBS:-$(nproc)}"
# GCC 12 turns `&table[i] == nullptr` inside constant evaluation into a runtime
# check under -fsanitize=null (and the two nonnull-attribute checks), which makes
# the consteval `Currency::of` ill-formed; those three are left to the clang fuzz
# build (scripts/fuzz-smoke.sh), which has the full -fsanitize=undefined set.
# -Wmaybe-uninitialized is noise from Boost.Multiprecision under ASan at -O1.
flags="-fsanitize=address,undefined -fno-sanitize=null,nonnull-attribute,returns-nonnull-attribute"
flags+=" -fno-omit-frame-pointer -fno-sanitize-recover=all -Wno-maybe-uninitialized"

cmake -S . -B "$build" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
  -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DFINMETRICS_BUILD_TESTS=ON -DFINMETRICS_BUILD_BENCHMARKS=OFF -DFINMETRICS_BUILD_EXAMPLES=OFF \
  -DFINMETRICS_BUILD_CLI=ON -DFINMETRICS_INSTALL=OFF >/dev/null
cmake --build "$build" -j"$jobs"

# Leaks count too; a report stops the test with a non-zero status.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Compile-fail tests only compile: nothing for a sanitizer to see.
ctest --test-dir "$build" --output-on-failure -j"$jobs" -LE compile_fail
