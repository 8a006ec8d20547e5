#include "finmetrics/extract/article_text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "finmetrics/detail/utf8.hpp"
#include "finmetrics/extract/detail/text.hpp"
#include "working_memory.hpp"

namespace finmetrics {

using namespace extract_detail;

std::string_view to_string(ArticleFormat f) noexcept {
  switch (f) {
    case ArticleFormat::text: return "text";
    case ArticleFormat::markdown: return "markdown";
    case ArticleFormat::html: return "html";
  }
  return "text";
}

std::optional<ArticleFormat> article_format_named(std::string_view name) noexcept {
  if (name == "text" || name == "txt" || name == "plain") return ArticleFormat::text;
  if (name == "markdown" || name == "md") return ArticleFormat::markdown;
  if (name == "html" || name == "htm") return ArticleFormat::html;
  return std::nullopt;
}

ArticleFormat article_format_of(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  for (char& c : ext) c = to_lower(c);
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return ArticleFormat::html;
  if (ext == ".md" || ext == ".markdown") return ArticleFormat::markdown;
  return ArticleFormat::text;
}

std::string ArticleInfo::spans() const {
  std::string what;
  switch (format) {
    case ArticleFormat::text: what = "the text as given"; break;
    case ArticleFormat::markdown:
      what = "the text of the Markdown (markup dropped, link text kept, line structure kept)";
      break;
    case ArticleFormat::html:
      what = "the text of the HTML (tags, scripts and styles dropped, entities decoded, block elements as "
             "paragraph breaks)";
      break;
  }
  if (invalid_bytes_replaced > 0) what += ", invalid UTF-8 bytes each replaced by U+FFFD";
  return what;
}

std::string valid_utf8(std::string_view s, std::size_t& replaced) {
  std::string out;
  out.reserve(s.size());
  // A long article's copy on 2-MB pages (working_memory.hpp): it is written once, in order.
  extract_detail::advise_huge_pages(out.data(), out.capacity());
  replaced = 0;
  std::size_t i = 0;
  std::size_t copied = 0;  // the valid bytes before i not yet in `out` start here: copied in runs
  while (i < s.size()) {
    // ASCII, eight bytes at a time: most of an article.
    while (i + 8 <= s.size()) {
      std::uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if ((word & 0x8080808080808080ULL) != 0) break;
      i += 8;
    }
    if (i >= s.size()) break;
    // Well-formed UTF-8 only (no overlong forms, surrogates or code points past U+10FFFF).
    const std::size_t n = detail::well_formed_utf8_length(s, i);
    if (n == 0) {
      out.append(s.substr(copied, i - copied));
      out += "\xEF\xBF\xBD";
      ++replaced;
      ++i;
      copied = i;
    } else {
      i += n;
    }
  }
  out.append(s.substr(copied));
  return out;
}

ArticleText plain_article(std::string_view bytes) {
  ArticleText a;
  a.info.format = ArticleFormat::text;
  a.text = valid_utf8(bytes, a.info.invalid_bytes_replaced);
  return a;
}

namespace {

bool is_alnum(char c) { return is_letter(c) || is_digit(c); }

// The inline markup of one Markdown line: links and images keep their text, tags,
// emphasis, code marks and escapes go.
std::string inline_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && !is_alnum(s[i + 1]) && s[i + 1] != ' ') {
      out += s[i + 1];  // an escaped character stands for itself
      i += 2;
      continue;
    }
    if ((c == '[' || (c == '!' && i + 1 < s.size() && s[i + 1] == '['))) {
      // [text](url), ![alt](url), [text][ref]: the text; the target is dropped.
      const std::size_t open = c == '!' ? i + 1 : i;
      const std::size_t close = s.find(']', open + 1);
      if (close != std::string_view::npos && close + 1 < s.size() && (s[close + 1] == '(' || s[close + 1] == '[')) {
        const char end_char = s[close + 1] == '(' ? ')' : ']';
        const std::size_t end = s.find(end_char, close + 2);
        if (end != std::string_view::npos) {
          out += inline_text(s.substr(open + 1, close - open - 1));
          i = end + 1;
          continue;
        }
      }
    }
    if (c == '<') {
      // An HTML tag or an autolink <https://...>: dropped.
      const std::size_t end = s.find('>', i + 1);
      if (end != std::string_view::npos && i + 1 < s.size() && (is_letter(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!')) {
        i = end + 1;
        continue;
      }
    }
    if (c == '`') {
      ++i;
      continue;
    }
    if (c == '*' || c == '_' || c == '~') {
      // Emphasis and strike-through marks: dropped unless inside a word (`snake_case`)
      // or standing alone between spaces (`5 * 3`).
      std::size_t e = i;
      while (e < s.size() && s[e] == c) ++e;
      const bool word_before = i > 0 && is_alnum(s[i - 1]);
      const bool word_after = e < s.size() && is_alnum(s[e]);
      const bool space_before = i == 0 || s[i - 1] == ' ';
      const bool space_after = e >= s.size() || s[e] == ' ';
      if ((c == '_' && word_before && word_after) || (space_before && space_after) || (c == '~' && e - i < 2)) {
        out.append(s.substr(i, e - i));
      }
      i = e;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

// Whether a line is a table's delimiter row (`|---|:--:|`) or a rule (`---`, `***`, `===`).
bool is_rule(std::string_view line) {
  const std::size_t b = line.find_first_not_of(" \t");
  if (b == std::string_view::npos) return false;
  std::size_t marks = 0;
  for (std::size_t i = b; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '-' || c == '*' || c == '_' || c == '=') {
      ++marks;
    } else if (c != ' ' && c != '\t' && c != '|' && c != ':' && c != '\r') {
      return false;
    }
  }
  return marks >= 3;
}

}  // namespace

ArticleText markdown_article(std::string_view bytes) {
  ArticleText a;
  a.info.format = ArticleFormat::markdown;
  const std::string valid = valid_utf8(bytes, a.info.invalid_bytes_replaced);
  const std::string_view s = valid;
  std::string& out = a.text;
  out.reserve(s.size());
  bool fenced = false;
  std::size_t p = 0;
  while (p <= s.size()) {
    std::size_t e = s.find('\n', p);
    const bool last = e == std::string_view::npos;
    if (last) e = s.size();
    std::string_view line = s.substr(p, e - p);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::size_t indent = std::min(line.find_first_not_of(" \t"), line.size());
    std::string_view body = line.substr(indent);
    if (body.substr(0, 3) == "```" || body.substr(0, 3) == "~~~") {
      fenced = !fenced;  // the fence line itself is no text
    } else if (fenced) {
      out += line;
    } else if (is_rule(body)) {
      // a rule, a setext underline or a table's delimiter row: nothing
    } else if (body.size() > 1 && body.front() == '[' && body.find("]:") != std::string_view::npos &&
               body.find("]:") < body.find(' ')) {
      // a link reference definition `[1]: https://...`: nothing
    } else {
      // Block markers: headings, quotes, list bullets and numbers, table pipes.
      while (!body.empty() && body.front() == '>') body = body.substr(std::min(body.find_first_not_of("> "), body.size()));
      std::size_t h = 0;
      while (h < body.size() && h < 6 && body[h] == '#') ++h;
      if (h > 0 && (h == body.size() || body[h] == ' ')) {
        body = body.substr(std::min(h + 1, body.size()));
        while (!body.empty() && (body.back() == '#' || body.back() == ' ')) body.remove_suffix(1);
      } else if (body.size() > 1 && (body[0] == '-' || body[0] == '*' || body[0] == '+') && body[1] == ' ') {
        body = body.substr(2);
      } else {
        std::size_t d = 0;
        while (d < body.size() && d < 9 && is_digit(body[d])) ++d;
        if (d > 0 && d + 1 < body.size() && (body[d] == '.' || body[d] == ')') && body[d + 1] == ' ')
          body = body.substr(d + 2);
      }
      std::string text = inline_text(body);
      if (text.find('|') != std::string::npos && line.find('|') != std::string_view::npos) {
        // A table row: cells apart, as a sentence each.
        std::string cells;
        std::size_t q = 0;
        while (q <= text.size()) {
          std::size_t bar = text.find('|', q);
          if (bar == std::string::npos) bar = text.size();
          const std::string_view cell = std::string_view(text).substr(q, bar - q);
          const std::size_t b = cell.find_first_not_of(" \t");
          if (b != std::string_view::npos) {
            if (!cells.empty()) cells += " ; ";
            cells += cell.substr(b, cell.find_last_not_of(" \t") - b + 1);
          }
          q = bar + 1;
        }
        text = std::move(cells);
      }
      out += text;
    }
    if (last) break;
    out += '\n';
    p = e + 1;
  }
  return a;
}

}  // namespace finmetrics
