#include "finmetrics/error.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "finmetrics/detail/utf8.hpp"

namespace finmetrics {

namespace {

std::string escaped(std::string_view text, std::size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes) + 8);
  std::size_t p = 0;
  while (p < text.size()) {
    const std::size_t n = detail::well_formed_utf8_length(text, p);
    if (p + std::max<std::size_t>(n, 1) > max_bytes) break;
    const auto c = static_cast<unsigned char>(text[p]);
    if (n == 0 || c < 0x20 || c == 0x7F) {
      if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else out += fmt::format("\\x{:02X}", unsigned{c});
      ++p;
    } else {
      out.append(text.substr(p, n));
      p += n;
    }
  }
  if (p < text.size()) out += fmt::format("... ({} bytes)", text.size());
  return out;
}

}  // namespace

std::string quote_for_message(std::string_view text, std::size_t max_bytes) { return escaped(text, max_bytes); }

std::string Error::describe() const {
  fmt::memory_buffer out;
  if (line != 0) fmt::format_to(std::back_inserter(out), "line {}: ", line);
  if (!input.empty()) {
    fmt::format_to(std::back_inserter(out), "'{}'", quote_for_message(input));
    if (position != npos) fmt::format_to(std::back_inserter(out), " at column {}", position + 1);
    fmt::format_to(std::back_inserter(out), ": ");
  }
  // Messages quote what they read; a long quote is cut where it was written.
  fmt::format_to(std::back_inserter(out), "{}", escaped(message, std::string_view::npos));
  return fmt::to_string(out);
}

}  // namespace finmetrics
