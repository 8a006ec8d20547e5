#include "finmetrics/parse/detail/table_row.hpp"

// A statement line as text extraction gives it: a label, then number cells to the
// end of the line. Read only around one number: the bytes of its line.

namespace finmetrics::parse_detail {

namespace {

constexpr std::size_t max_line = 512;  // a longer line is prose, no row (and bounds the work)

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_gap(char c) noexcept { return c == ' ' || c == '\t' || c == '|' || c == ';'; }  // `;`: an HTML row's cells

// A number cell: "(1,234.5)", "987", "8%", "(5.2%)", a dash for nil ("-", "–", "—").
bool number_cell(std::string_view t) noexcept {
  if (t == "-" || t == "\xE2\x80\x93" || t == "\xE2\x80\x94") return true;
  const bool open = !t.empty() && t.front() == '(';
  if (open) {
    if (t.size() < 3 || t.back() != ')') return false;
    t = t.substr(1, t.size() - 2);
  }
  if (!t.empty() && t.back() == '%') t.remove_suffix(1);
  if (t.empty() || !is_digit(t.front()) || !is_digit(t.back())) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (is_digit(c)) continue;
    if ((c == ',' || c == '.') && is_digit(t[i - 1]) && is_digit(t[i + 1])) continue;
    return false;
  }
  return true;
}

}  // namespace

bool table_row_cell(std::string_view s, std::size_t cell) noexcept {
  if (cell >= s.size()) return false;
  std::size_t begin = cell;
  while (begin > 0 && s[begin - 1] != '\n' && s[begin - 1] != '\r') {
    if (cell - begin > max_line) return false;
    --begin;
  }
  std::size_t end = cell;
  while (end < s.size() && s[end] != '\n' && s[end] != '\r') {
    if (end - begin > max_line) return false;
    ++end;
  }
  // The cells from the end of the line back: all numbers, two or more, `cell` among them.
  std::size_t cells = 0;
  bool found = false;
  std::size_t p = end;
  std::size_t label_end = begin;
  while (p > begin) {
    while (p > begin && is_gap(s[p - 1])) --p;
    std::size_t b = p;
    while (b > begin && !is_gap(s[b - 1])) --b;
    if (b == p) break;
    const std::string_view t = s.substr(b, p - b);
    if (!number_cell(t)) {
      label_end = p;
      break;
    }
    ++cells;
    found = found || b == cell || (s[b] == '(' && b + 1 == cell);
    p = b;
  }
  // The label: words before the cells, the last ending in a letter.
  return found && cells >= 2 && label_end > begin && is_letter(s[label_end - 1]);
}

}  // namespace finmetrics::parse_detail
