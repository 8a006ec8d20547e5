#include "finmetrics/normalize/detail/row_text.hpp"

#include <fmt/format.h>

#include "finmetrics/detail/utf8.hpp"

namespace finmetrics::detail {

bool parse_iso_date(std::string_view s, date::sys_days& out) noexcept {
  std::int32_t n = 0;
  if (!parse_iso_date(s, n)) return false;
  out = date::sys_days{date::days{n}};
  return true;
}

// Like quote_for_message (line breaks, control bytes and bytes that are not
// well-formed UTF-8 escaped, so a diagnostic is one line of valid UTF-8), but cut
// at `limit` bytes with a plain "...", the form normalize's reasons have always had.
std::string printable(std::string_view text, std::size_t limit) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size() && i < limit) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02X}", c);
    else if (c < 0x80) out += static_cast<char>(c);
    else {
      const std::size_t n = decode_utf8(text, i).size;  // 1: not well-formed UTF-8
      if (n < 2 || i + n > limit) out += fmt::format("\\x{:02X}", c);
      else {
        out.append(text.substr(i, n));
        i += n;
        continue;
      }
    }
    ++i;
  }
  if (text.size() > i) out += "...";
  return out;
}

}  // namespace finmetrics::detail
