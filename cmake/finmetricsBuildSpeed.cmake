# Build-time options for a cold build (CI): precompiled headers and the
# optimisation of the test programs' own code. Both are OFF by default, so the
# builds of everyone working with ccache keep their cached objects; scripts/test.sh
# and scripts/sanitize.sh turn them on under CI=true (docs/building.md).
#
# Nearly every translation unit includes Boost.Multiprecision (decimal.hpp), fmt
# and date, and every test also Catch2: parsing those is 3-5 s of CPU per object
# file with GCC 12, more than half of a test's compile time. A precompiled header
# holds them once per target (once for all test programs).

option(FINMETRICS_PCH "Precompile the third-party and standard headers (for cold CI builds)" OFF)
set(FINMETRICS_TEST_OPTIMIZATION "" CACHE STRING
    "Extra compile options for the test programs' own code, e.g. -O1 (the library keeps its build type's)")

# Only headers that do not change with this project's code: a precompiled header
# that included project headers would be rebuilt (and would rebuild its target)
# on every edit. Code must still include what it uses: builds without
# FINMETRICS_PCH (everyone's) catch a missing include.
set(FINMETRICS_PCH_HEADERS
  <algorithm> <array> <cstddef> <cstdint> <filesystem> <map> <memory> <optional>
  <stdexcept> <string> <string_view> <utility> <vector>
  <boost/multiprecision/cpp_int.hpp> <date/date.h> <fmt/format.h> <tl/expected.hpp>)

# finmetrics_precompile_headers(TARGET [HEADER...]): TARGET's sources get the
# common headers and the given ones precompiled (when FINMETRICS_PCH is on).
# GCC 12 reports its libstdc++ false positives (-Wstringop-overflow, -Warray-bounds
# inside std::string, the family of bug 105329) when the headers come from a
# precompiled header, though not when they are parsed: they are turned off for
# precompiled-header builds only. Builds without FINMETRICS_PCH keep both warnings.
set(FINMETRICS_PCH_WARNINGS $<$<CXX_COMPILER_ID:GNU>:-Wno-stringop-overflow -Wno-array-bounds>)

function(finmetrics_precompile_headers target)
  if(FINMETRICS_PCH)
    target_compile_options(${target} PRIVATE ${FINMETRICS_PCH_WARNINGS})
    # The given headers first: pybind11 (Python.h) must come before the standard ones.
    target_precompile_headers(${target} PRIVATE ${ARGN} ${FINMETRICS_PCH_HEADERS})
  endif()
endfunction()

# finmetrics_reuse_precompiled_headers(TARGET FROM): TARGET uses FROM's precompiled
# header (their compile options must be the same).
function(finmetrics_reuse_precompiled_headers target from)
  if(FINMETRICS_PCH)
    target_compile_options(${target} PRIVATE ${FINMETRICS_PCH_WARNINGS})
    target_precompile_headers(${target} REUSE_FROM ${from})
  endif()
endfunction()
