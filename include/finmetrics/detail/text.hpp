#pragma once
// Small, locale-free text helpers shared by the CSV readers.

#include <string>
#include <string_view>

namespace finmetrics::detail {

/// `s` without leading and trailing spaces and tabs (what spreadsheets leave
/// around cells).
[[nodiscard]] inline std::string_view trim_blanks(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// ASCII letters lowered; other bytes (UTF-8 included) unchanged.
[[nodiscard]] inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace finmetrics::detail
