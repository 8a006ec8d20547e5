#include "finmetrics/normalize/detail/row_text.hpp"

#include <fmt/format.h>

namespace finmetrics::detail {

bool parse_iso_date(std::string_view s, date::sys_days& out) noexcept {
  std::int32_t n = 0;
  if (!parse_iso_date(s, n)) return false;
  out = date::sys_days{date::days{n}};
  return true;
}

std::string printable(std::string_view text, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < text.size() && i < limit; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02X}", c);
    else out += static_cast<char>(c);
  }
  if (text.size() > limit) out += "...";
  return out;
}

}  // namespace finmetrics::detail
