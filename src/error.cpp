#include "finmetrics/error.hpp"

#include <fmt/format.h>

namespace finmetrics {

std::string Error::describe() const {
  fmt::memory_buffer out;
  if (line != 0) fmt::format_to(std::back_inserter(out), "line {}: ", line);
  if (!input.empty()) {
    fmt::format_to(std::back_inserter(out), "'{}'", input);
    if (position != npos) fmt::format_to(std::back_inserter(out), " at column {}", position + 1);
    fmt::format_to(std::back_inserter(out), ": ");
  }
  fmt::format_to(std::back_inserter(out), "{}", message);
  return fmt::to_string(out);
}

}  // namespace finmetrics
