#include "finmetrics/error.hpp"

#include <fmt/format.h>

namespace finmetrics {

std::string Error::describe() const {
  std::string out;
  if (line != 0) out += fmt::format("line {}: ", line);
  if (!input.empty()) {
    out += fmt::format("'{}'", input);
    if (position != npos) out += fmt::format(" at column {}", position + 1);
    out += ": ";
  }
  out += message;
  return out;
}

}  // namespace finmetrics
