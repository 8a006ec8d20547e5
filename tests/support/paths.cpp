// Where the checkout and ../shared are, as configured by CMake. Only this file
// carries the absolute paths (see shared_data.hpp).
#include "shared_data.hpp"

namespace finmetrics::test {

const char* configured_shared_dir() { return FINMETRICS_SHARED_DIR; }
const char* configured_source_dir() { return FINMETRICS_SOURCE_DIR; }

}  // namespace finmetrics::test
