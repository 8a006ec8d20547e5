#include <algorithm>
#include <array>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "finmetrics/extract/detail/context.hpp"
#include "finmetrics/extract/detail/text.hpp"
#include "finmetrics/time/parse_period.hpp"
#include "finmetrics/time/period.hpp"

// Context is read with keyword lists and distances inside the sentence: a
// heuristic, so each reading carries a confidence and the words it came from,
// and nothing is filled in when no cue is found.

namespace finmetrics {

using namespace extract_detail;

namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_abbreviation(std::string_view word) {
  static constexpr std::array list{
      std::string_view{"Mr"},  std::string_view{"Mrs"},  std::string_view{"Ms"},   std::string_view{"Dr"},
      std::string_view{"St"},  std::string_view{"Inc"},  std::string_view{"Corp"}, std::string_view{"Co"},
      std::string_view{"Ltd"}, std::string_view{"Jr"},   std::string_view{"Sr"},   std::string_view{"vs"},
      std::string_view{"No"},  std::string_view{"Jan"},  std::string_view{"Feb"},  std::string_view{"Mar"},
      std::string_view{"Apr"}, std::string_view{"Jun"},  std::string_view{"Jul"},  std::string_view{"Aug"},
      std::string_view{"Sep"}, std::string_view{"Sept"}, std::string_view{"Oct"}, std::string_view{"Nov"},
      std::string_view{"Dec"}, std::string_view{"approx"}, std::string_view{"ca"}, std::string_view{"c"},
      std::string_view{"etc"}, std::string_view{"e.g"},  std::string_view{"i.e"}};
  if (word.size() == 1 && is_upper(word[0])) return true;  // "U.S.", "J. Smith"
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Whether a sentence ends after the byte at k (a '.', '!' or '?'); `end` is the line end.
bool ends_sentence(std::string_view s, std::size_t k, std::size_t end) {
  const char c = s[k];
  if (c != '.' && c != '!' && c != '?') return false;
  if (c == '.') {
    if (k > 0 && k + 1 < end && is_digit(s[k - 1]) && is_digit(s[k + 1])) return false;  // 26.549
    const std::size_t wb = letters_begin(s, k);
    if (wb < k && is_abbreviation(s.substr(wb, k - wb)) && (wb == 0 || s[wb - 1] != '.' || k - wb == 1)) return false;
  }
  std::size_t q = k + 1;
  // Closing quotes and brackets belong to the sentence: `course.” The`.
  for (;;) {
    const CodePoint cp = decode(s, q);
    if (q < end && (cp.value == U'"' || cp.value == U'\'' || cp.value == 0x201D || cp.value == 0x2019 ||
                    cp.value == U')')) {
      q += cp.size;
      continue;
    }
    break;
  }
  if (q >= end) return true;
  const std::size_t r = skip_hspace(s, q);
  if (r == q) return false;
  if (r >= end) return true;
  return !is_lower(s[r]) && !is_digit(s[r]);
}

}  // namespace

TextSpan sentence_around(std::string_view s, std::size_t pos) {
  if (pos > s.size()) pos = s.size();
  std::size_t line_begin = s.rfind('\n', pos == 0 ? 0 : pos - 1);
  line_begin = (line_begin == npos || (pos == 0 && s.empty())) ? 0 : line_begin + 1;
  if (pos == 0) line_begin = 0;
  std::size_t line_end = s.find('\n', pos);
  if (line_end == npos) line_end = s.size();
  std::size_t begin = line_begin;
  std::size_t end = line_end;
  for (std::size_t k = line_begin; k < line_end;) {
    const CodePoint cp = decode(s, k);
    bool boundary = false;
    std::size_t after = k + cp.size;
    if (cp.value == 0x3002 || cp.value == 0xFF01 || cp.value == 0xFF1F) {
      boundary = true;  // 。！？
    } else if (cp.size == 1 && ends_sentence(s, k, line_end)) {
      boundary = true;
      while (after < line_end) {
        const CodePoint c2 = decode(s, after);
        if (c2.value == U'"' || c2.value == U'\'' || c2.value == 0x201D || c2.value == 0x2019 || c2.value == U')') {
          after += c2.size;
        } else {
          break;
        }
      }
    }
    if (boundary) {
      if (after <= pos) {
        begin = after;
      } else {
        end = after;
        break;
      }
    }
    k += cp.size == 0 ? 1 : cp.size;
  }
  begin = skip_hspace(s, begin);
  while (end > begin && (s[end - 1] == '\r' || s[end - 1] == ' ' || s[end - 1] == '\t')) --end;
  return TextSpan{begin, end};
}

std::optional<Date> find_article_date(std::string_view s) {
  const auto number = [&](std::size_t p, std::size_t digits) -> int {
    if (p + digits > s.size()) return -1;
    int v = 0;
    for (std::size_t k = p; k < p + digits; ++k) {
      if (!is_digit(s[k])) return -1;
      v = v * 10 + (s[k] - '0');
    }
    return v;
  };
  const auto make = [](int y, int m, int d) -> std::optional<Date> {
    const Date date{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
    if (y < 1900 || y > 2199 || !date.ok()) return std::nullopt;
    return date;
  };
  // A URL path /YYYY/MM/DD/ anywhere.
  for (std::size_t p = s.find('/'); p != npos; p = s.find('/', p + 1)) {
    if (p + 11 < s.size() && s[p + 5] == '/' && s[p + 8] == '/' && s[p + 11] == '/' && !is_digit(s[p + 12 < s.size() ? p + 12 : p])) {
      const int y = number(p + 1, 4), m = number(p + 6, 2), d = number(p + 9, 2);
      if (y > 0 && m > 0 && d > 0)
        if (auto date = make(y, m, d)) return date;
    }
  }
  // In the first lines: "Month D, YYYY", "Mon. D, YYYY", "MM/DD YYYY", "YYYY-MM-DD".
  static constexpr std::array<std::string_view, 12> months{"jan", "feb", "mar", "apr", "may", "jun",
                                                           "jul", "aug", "sep", "oct", "nov", "dec"};
  std::size_t head_end = 0;
  for (int line = 0; line < 4 && head_end != npos; ++line) head_end = s.find('\n', head_end == 0 && line == 0 ? 0 : head_end + 1);
  const std::string_view head = s.substr(0, head_end == npos ? std::min<std::size_t>(s.size(), 400) : head_end);
  for (std::size_t p = 0; p < head.size(); ++p) {
    if (is_digit(head[p]) && (p == 0 || !is_digit(head[p - 1]))) {
      // MM/DD YYYY and YYYY-MM-DD
      const int a = number(p, 2);
      if (a > 0 && p + 10 < head.size() && head[p + 2] == '/' && head[p + 5] == ' ') {
        const int d = number(p + 3, 2), y = number(p + 6, 4);
        if (d > 0 && y > 0)
          if (auto date = make(y, a, d)) return date;
      }
      const int y = number(p, 4);
      if (y > 0 && p + 10 <= head.size() && head[p + 4] == '-' && head[p + 7] == '-') {
        const int m = number(p + 5, 2), d = number(p + 8, 2);
        if (m > 0 && d > 0)
          if (auto date = make(y, m, d)) return date;
      }
    }
    if (is_upper(head[p]) && (p == 0 || !is_letter(head[p - 1]))) {
      const std::size_t we = letters_end(head, p);
      if (we - p < 3) continue;
      const std::string_view word = head.substr(p, we - p);
      for (std::size_t m = 0; m < months.size(); ++m) {
        if (!istarts_with(word, months[m])) continue;
        std::size_t q = we;
        if (q < head.size() && head[q] == '.') ++q;
        q = skip_hspace(head, q);
        std::size_t de = q;
        while (de < head.size() && is_digit(head[de])) ++de;
        if (de == q || de - q > 2) break;
        const int d = number(q, de - q);
        std::size_t r = de;
        if (r < head.size() && head[r] == ',') ++r;
        r = skip_hspace(head, r);
        const int y = number(r, 4);
        if (y > 0)
          if (auto date = make(y, static_cast<int>(m) + 1, d)) return date;
        break;
      }
    }
  }
  return std::nullopt;
}

namespace extract_detail {

void fill_words_around(std::string_view s, ExtractedFigure& f) {
  constexpr int words = 6;
  std::size_t b = f.span.begin;
  int seen = 0;
  while (b > 0 && s[b - 1] != '\n') {
    const std::size_t sp = skip_hspace_back(s, b);
    if (sp != b) {
      if (++seen > words) break;
      b = sp;
      continue;
    }
    --b;
  }
  f.before = std::string(s.substr(skip_hspace(s, b), f.span.begin - skip_hspace(s, b)));
  while (!f.before.empty() && (f.before.back() == ' ' || f.before.back() == '\t')) f.before.pop_back();
  std::size_t e = f.span.end;
  seen = 0;
  while (e < s.size() && s[e] != '\n' && s[e] != '\r') {
    const std::size_t sp = skip_hspace(s, e);
    if (sp != e) {
      if (++seen > words) break;
      e = sp;
      continue;
    }
    ++e;
  }
  f.after = std::string(s.substr(f.span.end, e - f.span.end));
  const auto first = f.after.find_first_not_of(" \t");
  f.after = first == std::string::npos ? std::string{} : f.after.substr(first);
  while (!f.after.empty() && (f.after.back() == ' ' || f.after.back() == '\t')) f.after.pop_back();
}

}  // namespace extract_detail

namespace {

// A cue found in the text: where, and what it says.
struct Cue {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string value;
  std::string evidence;
  double confidence = 0.0;
};

// Finds `word` (case-sensitive when it starts upper-case, else case-insensitive) as a whole word in [b, e).
template <class F>
void for_each_word(std::string_view s, std::size_t b, std::size_t e, std::string_view word, F&& f) {
  const bool exact = is_upper(word.front());
  const char first = to_lower(word.front());
  for (std::size_t p = b; p + word.size() <= e; ++p) {
    if (to_lower(s[p]) != first) continue;
    if (p > 0 && (is_letter(s[p - 1]) || is_digit(s[p - 1]))) continue;
    const std::string_view here = s.substr(p, word.size());
    if (exact ? here != word : !iequals(here, word)) continue;
    const std::size_t q = p + word.size();
    if (q < s.size() && (is_letter(s[q]) || is_digit(s[q]))) continue;
    f(p, q);
  }
}

std::size_t distance(const TextSpan& figure, std::size_t b, std::size_t e) {
  if (e <= figure.begin) return figure.begin - e;
  if (b >= figure.end) return b - figure.end;
  return 0;
}

// The cue nearest to the figure; cues before it count a little nearer.
const Cue* nearest(const std::vector<Cue>& cues, const TextSpan& figure) {
  const Cue* best = nullptr;
  std::size_t best_d = npos;
  for (const Cue& c : cues) {
    std::size_t d = distance(figure, c.begin, c.end);
    if (c.begin >= figure.end) d = d * 3 / 2 + 10;
    if (d < best_d) {
      best = &c;
      best_d = d;
    }
  }
  return best;
}

double by_distance(std::size_t d, double near, double far) { return d <= 60 ? near : d <= 160 ? (near + far) / 2 : far; }

struct Name {
  std::string_view text;
  std::string_view entity;
  std::string_view segment;
};

// clang-format off
constexpr std::array entity_names{
    Name{"Alibaba Cloud", "Alibaba", "Cloud Intelligence Group"},
    Name{"AliCloud", "Alibaba", "Cloud Intelligence Group"},
    Name{"Aliyun", "Alibaba", "Cloud Intelligence Group"},
    Name{"Alibaba Group", "Alibaba", ""},
    Name{"Alibaba", "Alibaba", ""},
    Name{"BABA", "Alibaba", ""},
    Name{"Taotian Group", "Alibaba", "Taobao and Tmall Group"},
    Name{"Taobao and Tmall Group", "Alibaba", "Taobao and Tmall Group"},
    Name{"Ant Group", "Ant Group", ""},
    Name{"Ant", "Ant Group", ""},
    Name{"Alipay", "Ant Group", ""},
    Name{"Tencent", "Tencent", ""},
    Name{"Baidu", "Baidu", ""},
    Name{"ByteDance", "ByteDance", ""},
    Name{"Amazon", "Amazon", ""},
    Name{"Microsoft", "Microsoft", ""},
    Name{"Apple", "Apple", ""},
    Name{"Nvidia", "Nvidia", ""},
    Name{"DeepSeek", "DeepSeek", ""},
    Name{"OpenAI", "OpenAI", ""},
    Name{"Pinduoduo", "PDD Holdings", ""},
    Name{"PDD", "PDD Holdings", ""},
    Name{"JD.com", "JD.com", ""},
    Name{"Meituan", "Meituan", ""},
    Name{"Huawei", "Huawei", ""},
    Name{"Xiaomi", "Xiaomi", ""},
    Name{"Meta", "Meta", ""},
    Name{"Google", "Alphabet", ""},
    Name{"Alphabet", "Alphabet", ""},
    Name{"Chinese tech companies", "Chinese tech companies", ""},
    Name{"阿里巴巴", "Alibaba", ""},
    Name{"阿里云", "Alibaba", "Cloud Intelligence Group"},
    Name{"腾讯", "Tencent", ""},
};

constexpr std::array segment_cues{
    Name{"Alibaba Cloud", "", "Cloud Intelligence Group"},
    Name{"AliCloud", "", "Cloud Intelligence Group"},
    Name{"Cloud Intelligence", "", "Cloud Intelligence Group"},
    Name{"cloud", "", "Cloud Intelligence Group"},
    Name{"Taobao and Tmall", "", "Taobao and Tmall Group"},
    Name{"Taotian", "", "Taobao and Tmall Group"},
    Name{"customer management revenue", "", "Taobao and Tmall Group"},
    Name{"e-commerce segment", "", "Taobao and Tmall Group"},
    Name{"AIDC", "", "Alibaba International Digital Commerce Group"},
    Name{"International Digital Commerce", "", "Alibaba International Digital Commerce Group"},
    Name{"international e-commerce", "", "Alibaba International Digital Commerce Group"},
    Name{"overseas e-commerce", "", "Alibaba International Digital Commerce Group"},
    Name{"Cainiao", "", "Cainiao Smart Logistics"},
    Name{"阿里云", "", "Cloud Intelligence Group"},
};

// Metric cues: the claims vocabulary of data/alibaba/README.md.
constexpr std::array metric_cues{
    Name{"customer management revenue", "customer_management_revenue", ""},
    Name{"CMR", "customer_management_revenue", ""},
    Name{"adjusted EBITA", "adjusted_ebita", ""},
    Name{"EBITA", "adjusted_ebita", ""},
    Name{"capital expenditure", "capex", ""},
    Name{"capex", "capex", ""},
    Name{"revenue", "revenue", ""},
    Name{"revenues", "revenue", ""},
    Name{"sales", "revenue", ""},
    Name{"net income", "net_income", ""},
    Name{"profit", "net_income", ""},
    Name{"profits", "net_income", ""},
    Name{"earnings", "net_income", ""},
    Name{"market capitalization", "market_cap", ""},
    Name{"market capitalisation", "market_cap", ""},
    Name{"market cap", "market_cap", ""},
    Name{"market value", "market_cap", ""},
    Name{"valuation", "market_cap", ""},
    Name{"valued", "market_cap", ""},
    Name{"valuing", "market_cap", ""},
    Name{"worth", "market_cap", ""},
    Name{"the value of", "market_cap", ""},
    Name{"invest", "investment_plan", ""},
    Name{"investing", "investment_plan", ""},
    Name{"investment", "investment_plan", ""},
    Name{"invested", "investment_plan", ""},
    Name{"invests", "investment_plan", ""},
    Name{"spend", "investment_plan", ""},
    Name{"spending", "investment_plan", ""},
    Name{"budgeted", "investment_plan", ""},
    Name{"budget", "investment_plan", ""},
    Name{"margin", "margin", ""},
    Name{"share price", "price", ""},
    Name{"shares", "price", ""},
    Name{"stock", "price", ""},
    Name{"multiple", "valuation_multiple", ""},
    Name{"收入", "revenue", ""},
    Name{"营收", "revenue", ""},
    Name{"资本开支", "capex", ""},
    Name{"市值", "market_cap", ""},
};
// clang-format on

constexpr std::array<std::string_view, 26> up_words{
    "up",       "rose",    "risen",   "rise",     "rising",  "surged",      "surge",    "soared",  "soaring",
    "increase", "increased", "grew",  "growth",   "gained",  "climbed",     "jumped",   "adding",  "added",
    "boosted",  "skyrocketed", "rebound", "higher", "doubled", "expanded", "increasing", "surpassed"};
constexpr std::array<std::string_view, 20> down_words{
    "down",     "fell",      "fall",     "fallen",  "declined", "decline",  "dropped", "drop",    "plunged", "slumped",
    "tanked",   "decreased", "decrease", "lost",    "cut",      "wiped",    "shrank",  "lower",   "slid",    "laid"};
constexpr std::array<std::string_view, 13> growth_words{
    "year-on-year", "year-over-year", "growth", "grew",   "increase", "increased", "rose",
    "surged",       "rising",         "up",     "jumped", "expanded", "rate"};

void add_cues(std::string_view s, const TextSpan& span, std::string_view word, std::string_view value,
              std::vector<Cue>& out) {
  for_each_word(s, span.begin, span.end, word, [&](std::size_t b, std::size_t e) {
    out.push_back(Cue{b, e, std::string(value), std::string(s.substr(b, e - b)), 0.0});
  });
}

// "Alibaba affiliate Ant Group", "Alibaba's fintech arm": the mention describes another company.
bool is_descriptor(std::string_view s, std::size_t end) {
  std::size_t p = end;
  if (s.substr(p, 2) == "'s") p += 2;
  else if (s.substr(p, 4) == "\xE2\x80\x99s") p += 4;
  for (int words = 0; words < 2; ++words) {
    const std::size_t q = skip_hspace(s, p);
    if (q == p) return false;
    const std::size_t e = letters_end(s, q);
    const std::string_view w = s.substr(q, e - q);
    if (w == "affiliate" || w == "arm" || w == "subsidiary" || w == "rival" || w == "rivals" || w == "parent" ||
        w == "partner" || w == "unit")
      return true;
    p = e;
  }
  return false;
}

// ---- periods ------------------------------------------------------------------

int small_number(std::string_view w) {
  static constexpr std::array<std::pair<std::string_view, int>, 16> words{
      {{"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7}, {"eight", 8},
       {"nine", 9}, {"ten", 10}, {"twelve", 12}, {"fifteen", 15}, {"eighteen", 18}, {"twenty", 20},
       {"thirty", 30}, {"thirty-six", 36}}};
  for (const auto& [word, v] : words)
    if (iequals(w, word)) return v;
  if (!w.empty() && w.size() <= 3 && std::all_of(w.begin(), w.end(), [](char c) { return is_digit(c); }))
    return std::atoi(std::string(w).c_str());
  return 0;
}

struct PeriodReader {
  std::string_view s;
  std::optional<Date> date;
  bool fiscal;  // name quarters in Alibaba's fiscal calendar

  [[nodiscard]] std::string name(const Period& p) const {
    if (fiscal && p.kind() == PeriodKind::quarter)
      return Period::containing(PeriodKind::fiscal_quarter, p.first_day(), FiscalCalendar::alibaba()).to_string();
    return p.to_string();
  }
  [[nodiscard]] std::optional<Period> latest_quarter() const {
    if (!date) return std::nullopt;
    Period q = Period::containing(PeriodKind::quarter, *date).previous();
    // Results come out some weeks after the quarter: the latest reported one.
    while (date::sys_days(q.last_day()) + date::days{45} > date::sys_days(*date)) q = q.previous();
    return q;
  }
  [[nodiscard]] std::string window(const Period& first, const Period& last) const {
    return fmt::format("{}..{}", name(first), name(last));
  }
  [[nodiscard]] std::string month_window(int y, int m, int months) const {
    const int end_index = y * 12 + (m - 1) + months - 1;
    return fmt::format("{:04}-{:02}..{:04}-{:02}", y, m, end_index / 12, end_index % 12 + 1);
  }
};

void period_cues(const PeriodReader& r, const TextSpan& sentence, FigureKind kind, std::string_view metric,
                 std::vector<Cue>& out, std::vector<Cue>& windows) {
  const std::string_view s = r.s;
  const auto add = [&](std::size_t b, std::size_t e, std::string value, double conf) {
    out.push_back(Cue{b, e, std::move(value), std::string(s.substr(b, e - b)), conf});
  };
  const auto phrase = [&](std::string_view words, auto&& f) { for_each_word(s, sentence.begin, sentence.end, words, f); };
  // A move "this year" runs from January 1 to the article date; a flow "this year" is the year.
  const bool window_kind = kind == FigureKind::percent || kind == FigureKind::multiple ||
                           metric == "price_change" || metric == "market_cap_change";

  if (r.date) {
    const int y = static_cast<int>(r.date->year());
    const std::string to_date = fmt::format("{}-01-01..{}", y, to_string(*r.date));
    for (const std::string_view w : {std::string_view{"since the start of the year"},
                                     std::string_view{"since the beginning of the year"},
                                     std::string_view{"within the year"}, std::string_view{"year to date"},
                                     std::string_view{"year-to-date"}, std::string_view{"so far this year"}}) {
      phrase(w, [&](std::size_t b, std::size_t e) { add(b, e, to_date, 0.8); });
    }
    // "since the start of 2025": from January 1 of that year to the article date.
    for (const std::string_view w : {std::string_view{"since the start of"}, std::string_view{"since the beginning of"}}) {
      phrase(w, [&](std::size_t b, std::size_t e) {
        const std::size_t q = skip_hspace(s, e);
        if (q + 4 > s.size() || !std::all_of(s.begin() + static_cast<std::ptrdiff_t>(q),
                                             s.begin() + static_cast<std::ptrdiff_t>(q + 4),
                                             [](char c) { return is_digit(c); }))
          return;
        const int year = std::atoi(std::string(s.substr(q, 4)).c_str());
        if (year == y) add(b, q + 4, to_date, 0.8);
      });
    }
    phrase("this year", [&](std::size_t b, std::size_t e) {
      add(b, e, window_kind ? to_date : std::to_string(y), 0.7);
    });
    phrase("last year", [&](std::size_t b, std::size_t e) { add(b, e, std::to_string(y - 1), 0.6); });
    phrase("next year", [&](std::size_t b, std::size_t e) { add(b, e, std::to_string(y + 1), 0.6); });
    const unsigned m = unsigned{r.date->month()};
    phrase("this month", [&](std::size_t b, std::size_t e) {
      add(b, e, Period::month(y, static_cast<int>(m)).to_string(), 0.6);
    });
    phrase("last month", [&](std::size_t b, std::size_t e) {
      add(b, e, Period::month(y, static_cast<int>(m)).previous().to_string(), 0.6);
    });
    static constexpr std::array<std::pair<std::string_view, int>, 4> month_quarters{
        {{"March quarter", 3}, {"June quarter", 6}, {"September quarter", 9}, {"December quarter", 12}}};
    for (const auto& [words, end_month] : month_quarters) {
      phrase(words, [&, end_month = end_month](std::size_t b, std::size_t e) {
        // The latest quarter ending in that month, on or before the article date.
        Period q = Period::containing(PeriodKind::quarter, *r.date);
        while (unsigned{q.last_day().month()} != static_cast<unsigned>(end_month) ||
               date::sys_days(q.last_day()) > date::sys_days(*r.date))
          q = q.previous();
        add(b, e, r.name(q), 0.7);
      });
    }
    if (const auto latest = r.latest_quarter()) {
      for (const std::string_view w : {std::string_view{"latest quarter"}, std::string_view{"last quarter"},
                                       std::string_view{"this quarter"}, std::string_view{"the quarter"},
                                       std::string_view{"most recent quarter"},
                                       std::string_view{"latest report"}}) {
        phrase(w, [&](std::size_t b, std::size_t e) {
          if (w == "the quarter" && e + 7 <= s.size() && s.substr(e, 7) == " before") {
            add(b, e + 7, r.name(latest->previous()), 0.5);
            return;
          }
          add(b, e, r.name(*latest), 0.6);
        });
      }
      for (const std::string_view w : {std::string_view{"previous quarter"}, std::string_view{"prior quarter"},
                                       std::string_view{"quarter before"}}) {
        phrase(w, [&](std::size_t b, std::size_t e) { add(b, e, r.name(latest->previous()), 0.6); });
      }
      // "the 15 months since ...": the months up to the latest reported quarter.
      for (std::size_t p = sentence.begin; p < sentence.end; ++p) {
        if (!(p == 0 || !is_letter(s[p - 1]))) continue;
        const std::size_t we = letters_end(s, p) == p ? p : letters_end(s, p);
        std::size_t ne = we;
        if (ne == p)
          while (ne < sentence.end && is_digit(s[ne])) ++ne;
        if (ne == p) continue;
        const int months = small_number(s.substr(p, ne - p));
        if (months <= 0) continue;
        const std::size_t q = skip_hspace(s, ne);
        if (!(q > ne && s.substr(q, 6) == "months")) continue;
        const std::size_t after = q + 6;
        const std::size_t r2 = skip_hspace(s, after);
        const bool since = s.substr(r2, 5) == "since";
        const std::size_t wb = letters_begin(s, skip_hspace_back(s, p));
        const bool previous = s.substr(wb, 8) == "previous" || s.substr(wb, 5) == "prior";
        if (!since && !previous) continue;
        if (months % 3 == 0) {
          Period last = *latest;
          if (previous) {
            // The window before the one "since": same length, just before it.
            for (int k = 0; k < months / 3; ++k) last = last.previous();
          }
          Period first = last;
          for (int k = 1; k < months / 3; ++k) first = first.previous();
          windows.push_back(Cue{previous ? wb : p, after, r.window(first, last),
                                std::string(s.substr(previous ? wb : p, after - (previous ? wb : p))), 0.6});
        }
      }
      // "over the next three years", "in the next three years": months from the article's.
      for (const std::string_view lead : {std::string_view{"next"}, std::string_view{"over"}}) {
        phrase(lead, [&](std::size_t, std::size_t e) {
          const std::size_t q = skip_hspace(s, e);
          const std::size_t qe = letters_end(s, q) == q ? q : letters_end(s, q);
          std::size_t ne = qe;
          if (ne == q)
            while (ne < s.size() && is_digit(s[ne])) ++ne;
          const int years = small_number(s.substr(q, ne - q));
          const std::size_t u = skip_hspace(s, ne);
          if (years <= 0 || years > 10 || !(u > ne && s.substr(u, 5) == "years")) return;
          add(e - lead.size(), u + 5,
              r.month_window(static_cast<int>(r.date->year()), static_cast<int>(unsigned{r.date->month()}), years * 12),
              0.5);
        });
      }
    }
  }
  // Absolute names: "the second quarter of 2024", "fiscal year 2025", "2025Q3", "in 2023", "November 2020".
  static constexpr std::array<std::pair<std::string_view, int>, 4> ordinals{
      {{"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}}};
  for (const auto& [ord, qn] : ordinals) {
    phrase(ord, [&, qn = qn](std::size_t b, std::size_t e) {
      std::size_t q = skip_hspace(s, e);
      if (s.substr(q, 7) != "quarter") return;
      q = skip_hspace(s, q + 7);
      if (s.substr(q, 2) != "of") return;
      q = skip_hspace(s, q + 2);
      bool fiscal_year = false;
      for (const std::string_view f : {std::string_view{"fiscal year"}, std::string_view{"fiscal"},
                                       std::string_view{"FY"}}) {
        if (s.substr(q, f.size()) == f) {
          fiscal_year = true;
          q = skip_hspace(s, q + f.size());
          break;
        }
      }
      std::size_t ye = q;
      while (ye < s.size() && is_digit(s[ye])) ++ye;
      if (ye - q != 4) return;
      const int year = std::atoi(std::string(s.substr(q, 4)).c_str());
      if (fiscal_year) {
        add(b, ye, Period::fiscal_quarter(FiscalCalendar::alibaba(), year, qn).to_string(), 0.7);
      } else {
        add(b, ye, r.name(Period::quarter(year, qn)), 0.7);
      }
    });
  }
  for (std::size_t p = sentence.begin; p + 4 <= sentence.end; ++p) {
    if (!is_digit(s[p]) || (p > 0 && (is_digit(s[p - 1]) || s[p - 1] == '.' || s[p - 1] == ','))) continue;
    std::size_t e = p;
    while (e < sentence.end && is_digit(s[e])) ++e;
    if (e - p != 4 || !(s.substr(p, 2) == "19" || s.substr(p, 2) == "20")) continue;
    const int year = std::atoi(std::string(s.substr(p, 4)).c_str());
    // "2025Q3": a calendar quarter, unless it had not ended by the article date; then it
    // can only be the fiscal quarter of that name.
    if (e + 1 < s.size() && (s[e] == 'Q' || s[e] == 'q') && s[e + 1] >= '1' && s[e + 1] <= '4') {
      const int qn = s[e + 1] - '0';
      const Period cal = Period::quarter(year, qn);
      if (r.fiscal && r.date && date::sys_days(cal.last_day()) >= date::sys_days(*r.date)) {
        add(p, e + 2, Period::fiscal_quarter(FiscalCalendar::alibaba(), year, qn).to_string(), 0.5);
      } else {
        add(p, e + 2, r.name(cal), 0.6);
      }
      continue;
    }
    if (e < s.size() && (is_letter(s[e]) || s[e] == '/' || s[e] == '-')) continue;
    if (p >= 2 && (s.substr(p - 2, 2) == "FY" || (p >= 7 && s.substr(p - 7, 7) == "fiscal "))) {
      const std::size_t b = s.substr(p - 2, 2) == "FY" ? p - 2 : p - 7;
      // "FY2025 Q3", "FY2025Q3": the fiscal quarter (Alibaba's calendar: the only one read here).
      const std::size_t q = skip_hspace(s, e);
      if (q + 2 <= s.size() && s[q] == 'Q' && s[q + 1] >= '1' && s[q + 1] <= '4' &&
          (q + 2 == s.size() || !is_digit(s[q + 2]))) {
        add(b, q + 2, Period::fiscal_quarter(FiscalCalendar::alibaba(), year, s[q + 1] - '0').to_string(), 0.7);
        continue;
      }
      add(b, e, Period::fiscal_year(FiscalCalendar::alibaba(), year).to_string(), 0.7);
      continue;
    }
    // "Q3 2024": a calendar quarter.
    if (p >= 3 && s[p - 1] == ' ' && s[p - 3] == 'Q' && s[p - 2] >= '1' && s[p - 2] <= '4' &&
        (p < 4 || !is_letter(s[p - 4]))) {
      add(p - 3, e, r.name(Period::quarter(year, s[p - 2] - '0')), 0.6);
      continue;
    }
    if (p >= 2 && is_letter(s[p - 1])) continue;
    // "November 2020" is a month; a year alone is the calendar year.
    static constexpr std::array<std::string_view, 12> months{"January", "February", "March",     "April",
                                                             "May",     "June",     "July",      "August",
                                                             "September", "October", "November", "December"};
    const std::size_t we = skip_hspace_back(s, p);
    const std::size_t wb = letters_begin(s, we);
    const std::string_view before = s.substr(wb, we - wb);
    bool month = false;
    for (std::size_t m = 0; m < months.size(); ++m) {
      if (before == months[m] && we < p) {
        add(wb, e, Period::month(year, static_cast<int>(m) + 1).to_string(), 0.6);
        month = true;
      }
    }
    if (month) continue;
    const bool preposition = before == "in" || before == "by" || before == "of" || before == "for" ||
                             before == "since" || before == "In" || before == "By";
    add(p, e, std::to_string(year), preposition ? 0.6 : 0.4);
  }
}

ContextGuess guess_from(const Cue* c, const TextSpan& figure, double near, double far) {
  if (!c) return {};
  return ContextGuess{c->value, by_distance(distance(figure, c->begin, c->end), near, far), c->evidence};
}

}  // namespace

namespace extract_detail {

void read_context(std::string_view s, Extraction& out) {
  // Entity mentions, once over the whole text.
  std::vector<Cue> mentions;
  for (const Name& n : entity_names) {
    for_each_word(s, 0, s.size(), n.text, [&](std::size_t b, std::size_t e) {
      for (const Cue& m : mentions)
        if (b >= m.begin && b < m.end) return;  // inside a longer name ("Alibaba Cloud")
      if (is_descriptor(s, e)) return;
      mentions.push_back(Cue{b, e, std::string(n.entity), std::string(n.text), 0.0});
    });
  }
  std::sort(mentions.begin(), mentions.end(), [](const Cue& a, const Cue& b) { return a.begin < b.begin; });

  for (std::size_t i = 0; i < out.figures.size(); ++i) {
    ExtractedFigure& f = out.figures[i];
    FigureContext& ctx = f.context;
    const TextSpan sent = f.sentence;

    // Entity: the nearest mention in the sentence, else the last one before it.
    std::vector<Cue> in_sentence;
    const Cue* last_before = nullptr;
    for (const Cue& m : mentions) {
      if (m.begin >= sent.begin && m.end <= sent.end) in_sentence.push_back(m);
      if (m.end <= sent.begin) last_before = &m;
    }
    if (const Cue* c = nearest(in_sentence, f.span)) {
      ctx.entity = guess_from(c, f.span, 0.9, 0.6);
      if (c->begin >= f.span.end) ctx.entity.confidence -= 0.2;
    } else if (last_before && sent.begin - last_before->end < 600) {
      ctx.entity = ContextGuess{last_before->value, 0.4, last_before->evidence};
    }

    // Segment (Alibaba only): a cue in the sentence, else in the previous sentence.
    if (ctx.entity.value == "Alibaba") {
      std::vector<Cue> cues;
      for (const Name& n : segment_cues) add_cues(s, sent, n.text, n.segment, cues);
      bool group_level = false;
      for_each_word(s, sent.begin, sent.end, "Alibaba Group", [&](std::size_t, std::size_t) { group_level = true; });
      for_each_word(s, sent.begin, sent.end, "overall", [&](std::size_t, std::size_t) { group_level = true; });
      if (const Cue* c = nearest(cues, f.span)) {
        ctx.segment = guess_from(c, f.span, 0.8, 0.5);
      } else if (!group_level && sent.begin > 0) {
        const TextSpan prev = sentence_around(s, sent.begin - 1 > 0 ? skip_hspace_back(s, sent.begin) - 1 : 0);
        std::vector<Cue> prev_cues;
        for (const Name& n : segment_cues) add_cues(s, prev, n.text, n.segment, prev_cues);
        // Only names carry over a sentence boundary, not the generic "cloud".
        prev_cues.erase(std::remove_if(prev_cues.begin(), prev_cues.end(),
                                       [](const Cue& cue) { return is_lower(cue.evidence.front()); }),
                        prev_cues.end());
        if (!prev_cues.empty()) {
          const Cue& last = prev_cues.back();
          ctx.segment = ContextGuess{last.value, 0.4, last.evidence};
        }
      }
      if (group_level && ctx.segment.known() && ctx.segment.confidence < 0.8) ctx.segment = {};
    }

    // Metric, by kind.
    std::vector<Cue> metric_hits;
    for (const Name& n : metric_cues) add_cues(s, sent, n.text, n.entity, metric_hits);
    {
      // "adjusted EBITA profit", "this profit" after an EBITA sentence: the profit is EBITA.
      bool ebita = false;
      const TextSpan prev = sent.begin > 1 ? sentence_around(s, skip_hspace_back(s, sent.begin) - 1) : sent;
      for_each_word(s, prev.begin, sent.end, "EBITA", [&](std::size_t, std::size_t) { ebita = true; });
      std::vector<Cue> kept;
      for (Cue& c : metric_hits) {
        if (c.value == "net_income" && ebita) c.value = "adjusted_ebita";
        // "dollars worth of fines" is not a valuation.
        if (c.evidence == "worth" && s.substr(c.end, 3) == " of") continue;
        kept.push_back(std::move(c));
      }
      metric_hits = std::move(kept);
    }
    const auto growth_cue = [&]() {
      for (const std::string_view w : growth_words) {
        bool found = false;
        for_each_word(s, sent.begin, sent.end, w, [&](std::size_t, std::size_t) { found = true; });
        if (found) return true;
      }
      return false;
    };
    const auto only = [&](std::initializer_list<std::string_view> allowed) {
      std::vector<Cue> kept;
      for (const Cue& c : metric_hits)
        if (std::find(allowed.begin(), allowed.end(), c.value) != allowed.end()) kept.push_back(c);
      return kept;
    };
    if (f.linked && *f.linked < i) {
      ctx.metric = ContextGuess{"fx_conversion", 0.9, "bracketed second currency"};
    } else if (f.kind == FigureKind::per_share) {
      ctx.metric = ContextGuess{"share_price", 0.8, f.text};
    } else if (f.kind == FigureKind::money || (f.kind == FigureKind::number && f.word_form)) {
      const auto kept = only({"customer_management_revenue", "adjusted_ebita", "capex", "revenue", "net_income",
                              "market_cap", "investment_plan"});
      if (const Cue* c = nearest(kept, f.span)) {
        ctx.metric = guess_from(c, f.span, 0.8, 0.5);
        if (c->value == "market_cap") {
          for (const std::string_view w : {std::string_view{"adding"}, std::string_view{"added"},
                                           std::string_view{"increase"}, std::string_view{"wiped"},
                                           std::string_view{"lost"}, std::string_view{"erased"}}) {
            for_each_word(s, sent.begin, sent.end, w, [&](std::size_t, std::size_t) {
              ctx.metric.value = "market_cap_change";
            });
          }
        }
      }
    } else if (f.kind == FigureKind::percent) {
      const auto kept = only({"margin", "price", "revenue", "customer_management_revenue", "adjusted_ebita",
                              "net_income", "market_cap"});
      if (const Cue* c = nearest(kept, f.span)) {
        ContextGuess g = guess_from(c, f.span, 0.7, 0.4);
        if (c->value == "margin") {
          g.value = "margin";
        } else if (c->value == "price" || c->value == "market_cap") {
          g.value = "price_change";
        } else if (growth_cue()) {
          g.value = c->value == "adjusted_ebita" || c->value == "net_income" ? "ebita_growth" : "revenue_growth";
        } else {
          g = {};
        }
        ctx.metric = g;
      }
    } else if (f.kind == FigureKind::multiple) {
      const auto kept = only({"valuation_multiple"});
      if (const Cue* c = nearest(kept, f.span)) ctx.metric = guess_from(c, f.span, 0.8, 0.5);
    }

    // Period: the nearest period phrase in the sentence.
    const PeriodReader reader{s, out.article_date, ctx.entity.value == "Alibaba"};
    std::vector<Cue> periods;
    std::vector<Cue> windows;
    period_cues(reader, sent, f.kind, ctx.metric.value, periods, windows);
    // "Rmb81bn ... up from Rmb34bn in the previous 15 months": windows go to the nearest figure.
    periods.insert(periods.end(), windows.begin(), windows.end());
    if (const Cue* c = nearest(periods, f.span)) {
      ctx.period = ContextGuess{c->value, std::min(c->confidence, by_distance(distance(f.span, c->begin, c->end),
                                                                                1.0, 0.4)),
                                c->evidence};
    }

    // Direction: the nearest up or down word in the sentence.
    std::vector<Cue> dirs;
    for (const std::string_view w : up_words) add_cues(s, sent, w, "up", dirs);
    for (const std::string_view w : down_words) add_cues(s, sent, w, "down", dirs);
    if (const Cue* c = nearest(dirs, f.span)) {
      if (distance(f.span, c->begin, c->end) <= 80) ctx.direction = guess_from(c, f.span, 0.7, 0.4);
    }
  }
}

}  // namespace extract_detail

}  // namespace finmetrics
