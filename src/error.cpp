#include "finmetrics/error.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace finmetrics {

namespace {

// Length of the well-formed UTF-8 sequence at `p` (RFC 3629: no overlong forms,
// no surrogates, nothing above U+10FFFF), or 0.
std::size_t utf8_length(std::string_view s, std::size_t p) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[p + k]); };
  const auto cont = [&](std::size_t k) { return p + k < s.size() && (b(k) & 0xC0) == 0x80; };
  const unsigned char b0 = b(0);
  if (b0 < 0x80) return 1;
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (b0 == 0xE0 && b(1) < 0xA0) return 0;   // overlong
    if (b0 == 0xED && b(1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (b0 == 0xF0 && b(1) < 0x90) return 0;   // overlong
    if (b0 == 0xF4 && b(1) >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

std::string escaped(std::string_view text, std::size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes) + 8);
  std::size_t p = 0;
  while (p < text.size()) {
    const std::size_t n = utf8_length(text, p);
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
