#pragma once
// The commands read UTF-8 only. A UTF-16 or UTF-32 file (a spreadsheet's
// "Unicode text" export) read as UTF-8 is a NUL between every character: no
// header, no figure found, and `extract` would report an empty article as a
// success. Its byte-order mark names it, so it is refused by name instead.

#include <string_view>

namespace finmetrics::cli {

/// "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE" when `head` (the first bytes
/// of an input, at least 4 when there are) starts with that byte-order mark; empty otherwise.
[[nodiscard]] inline std::string_view utf16_or_32_bom(std::string_view head) noexcept {
  if (head.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4)) return "UTF-32LE";
  if (head.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)) return "UTF-32BE";
  if (head.substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
  if (head.substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
  return {};
}

}  // namespace finmetrics::cli
