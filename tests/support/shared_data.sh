# Sourced by the shell tests that read ../shared (the shell twin of shared_data.hpp):
#   require_shared PATH && { checks that read PATH; }
# When PATH is absent: under CI=true a failure (counted in $failures); elsewhere
# a skip, and `finish_shared_checks` at the end exits 77, which ctest reports as
# "Skipped" (SKIP_RETURN_CODE in tests/cli.cmake) when nothing else failed.
shared_skips=0
require_shared() {
  [ -e "$1" ] && return 0
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: CI=true and $1 is absent (../shared is not beside the project)"
    failures=$((failures + 1))
  else
    echo "SKIPPED: $1 is absent (../shared is not beside the project)"
    shared_skips=$((shared_skips + 1))
  fi
  return 1
}
# Exits 77 when checks were skipped and none failed; returns otherwise.
finish_shared_checks() {
  if [ "${failures:-0}" -eq 0 ] && [ "$shared_skips" -gt 0 ]; then
    echo "$shared_skips group(s) of checks skipped: ../shared is absent"
    exit 77
  fi
}
