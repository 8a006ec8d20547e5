#include "finmetrics/lexicon/lexicon.hpp"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "finmetrics/currency/detail/iso4217_table.hpp"
#include "finmetrics/io/csv.hpp"
#include "finmetrics/io/read_file.hpp"
#include "finmetrics/lexicon/builtin_sources.hpp"
#include "finmetrics/lexicon/cue_interval.hpp"
#include "tables.hpp"

namespace finmetrics {

namespace {

using lexicon_detail::max_phrase_bytes;
using lexicon_detail::normalise;
using lexicon_detail::WordIndex;

constexpr std::array file_names{
    std::string_view{"families.csv"}, std::string_view{"currencies.csv"}, std::string_view{"minor_units.csv"},
    std::string_view{"country_prefixes.csv"}, std::string_view{"scales.csv"}, std::string_view{"qualifiers.csv"},
    std::string_view{"numbers.csv"}, std::string_view{"locales.csv"}, std::string_view{"cues.csv"},
    std::string_view{"withdrawn_currencies.csv"}, std::string_view{"coins.csv"},
    std::string_view{"word_like.csv"}};

Error file_error(std::string_view file, std::size_t line, std::string_view reason) {
  Error e = make_error(Errc::csv, fmt::format("{} line {}: {}", file, line, reason), file);
  e.line = line;
  return e;
}

struct Row {
  std::vector<std::string> fields;
  std::size_t line = 0;
};

// The rows of one file after its header, which must be `columns` exactly.
// Empty lines and lines starting with '#' are skipped.
Result<std::vector<Row>> read_rows(const Lexicon::Source& src, std::initializer_list<std::string_view> columns) {
  csv::RecordSplitter splitter;
  splitter.feed(src.text);
  std::vector<Row> rows;
  std::vector<std::string_view> fields;
  std::string scratch;
  bool header = true;
  const auto take = [&](const csv::RawRecord& r) -> Result<void> {
    if (r.too_long) return unexpected(file_error(src.name, r.line, "line too long"));
    if (r.unterminated) return unexpected(file_error(src.name, r.line, "unterminated quoted field"));
    if (!header && (r.text.empty() || r.text.front() == '#')) return {};
    if (auto ok = csv::split_record(r.text, fields, scratch); !ok) {
      return unexpected(file_error(src.name, r.line, ok.error().message));
    }
    if (header) {
      header = false;
      const bool same = fields.size() == columns.size() && std::equal(fields.begin(), fields.end(), columns.begin());
      if (!same) {
        std::string want;
        for (const auto c : columns) want += (want.empty() ? "" : ",") + std::string(c);
        return unexpected(file_error(src.name, r.line, fmt::format("expected the header '{}'", want)));
      }
      return {};
    }
    if (fields.size() != columns.size()) {
      return unexpected(file_error(src.name, r.line,
                                   fmt::format("expected {} fields, found {}", columns.size(), fields.size())));
    }
    Row row;
    row.line = r.line;
    for (const auto f : fields) row.fields.emplace_back(f);
    if (row.fields[0].empty()) return unexpected(file_error(src.name, r.line, "empty first field"));
    if (row.fields[0].size() > max_phrase_bytes) {
      return unexpected(file_error(src.name, r.line, fmt::format("longer than {} bytes", max_phrase_bytes)));
    }
    rows.push_back(std::move(row));
    return {};
  };
  while (auto r = splitter.next()) {
    if (auto ok = take(*r); !ok) return unexpected(ok.error());
  }
  if (auto r = splitter.finish()) {
    if (auto ok = take(*r); !ok) return unexpected(ok.error());
  }
  if (header) return unexpected(file_error(src.name, 1, "empty file: expected a header"));
  return rows;
}

std::string normalised(std::string_view text, bool fold) {
  std::array<char, max_phrase_bytes> buf;
  const std::size_t n = normalise(text, fold, buf);
  return std::string(buf.data(), n);
}

int word_count(std::string_view normal) {
  return 1 + static_cast<int>(std::count(normal.begin(), normal.end(), ' '));
}

// `exact` (or empty) or `any`.
Result<bool> read_case(std::string_view file, const Row& row, std::size_t column) {
  const std::string& c = row.fields[column];
  if (c.empty() || c == "exact") return false;
  if (c == "any") return true;
  return unexpected(file_error(file, row.line, fmt::format("case must be 'exact' or 'any', found '{}'", c)));
}

// An active ISO 4217 code, or one of `withdrawn` (withdrawn_currencies.csv).
Result<Currency> read_currency(std::string_view file, const Row& row, std::size_t column,
                               const std::vector<Currency>& withdrawn) {
  const std::string& code = row.fields[column];
  const bool listed = code.size() == 3 && std::find(withdrawn.begin(), withdrawn.end(),
                                                    Currency{{code[0], code[1], code[2]}}) != withdrawn.end();
  if (detail::find_iso4217(code) == nullptr && !listed) {
    return unexpected(file_error(file, row.line, fmt::format("unknown currency '{}'", code)));
  }
  return Currency{{code[0], code[1], code[2]}};
}

Result<std::uint32_t> read_uint(std::string_view file, const Row& row, std::size_t column, std::string_view what) {
  const std::string& s = row.fields[column];
  std::uint32_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc{} || end != s.data() + s.size()) {
    return unexpected(file_error(file, row.line, fmt::format("{} must be a whole number, found '{}'", what, s)));
  }
  return v;
}

// Adds a phrase to the exact or the folded index of a table.
Result<void> index_phrase(std::string_view file, const Row& row, bool any_case, std::uint32_t at, WordIndex& exact,
                          WordIndex& folded, int& max_words) {
  const std::string key = normalised(row.fields[0], any_case);
  if (!(any_case ? folded : exact).add(key, at)) {
    return unexpected(file_error(file, row.line, fmt::format("'{}' is listed twice", row.fields[0])));
  }
  max_words = std::max(max_words, word_count(key));
  return {};
}

std::optional<Qualifier> qualifier_named(std::string_view name) {
  for (int i = 0; i <= static_cast<int>(Qualifier::no_more_than); ++i) {
    const auto q = static_cast<Qualifier>(i);
    std::string words(to_string(q));
    std::replace(words.begin(), words.end(), ' ', '_');
    if (q != Qualifier::none && words == name) return q;
  }
  return std::nullopt;
}

std::optional<Scale> scale_of_exponent(unsigned e) {
  for (const Scale s : {scales::thousand, scales::wan, scales::lakh, scales::million, scales::crore, scales::yi,
                        scales::billion, scales::trillion}) {
    if (s.exponent == static_cast<int>(e)) return s;
  }
  return std::nullopt;
}

class Builder {
 public:
  Result<Lexicon::Tables> build(std::span<const Lexicon::Source> sources);

 private:
  Result<void> families(const Lexicon::Source& src);
  Result<void> currencies(const Lexicon::Source& src);
  Result<void> minor_units(const Lexicon::Source& src);
  Result<void> country_prefixes(const Lexicon::Source& src);
  Result<void> scales_file(const Lexicon::Source& src);
  Result<void> qualifiers(const Lexicon::Source& src);
  Result<void> numbers(const Lexicon::Source& src);
  Result<void> locales(const Lexicon::Source& src);
  Result<void> cues(const Lexicon::Source& src);
  Result<void> withdrawn_currencies(const Lexicon::Source& src);
  Result<void> coins(const Lexicon::Source& src);
  Result<void> word_like(const Lexicon::Source& src);

  Result<CurrencyFamily> family_named(std::string_view file, const Row& row, std::size_t column) const {
    const std::string& name = row.fields[column];
    if (name.empty()) return CurrencyFamily{0};
    for (std::size_t i = 1; i < t_.family_names.size(); ++i) {
      if (t_.family_names[i] == name) return static_cast<CurrencyFamily>(i);
    }
    return unexpected(file_error(file, row.line, fmt::format("unknown family '{}' (families.csv lists them)", name)));
  }
  CurrencyFamily family_of(Currency c) const {
    for (std::size_t i = 1; i < t_.family_members.size(); ++i) {
      const auto& m = t_.family_members[i];
      if (std::find(m.begin(), m.end(), c) != m.end()) return static_cast<CurrencyFamily>(i);
    }
    return 0;
  }
  // A marker row: `currency` and/or `family` (at least one; a family must hold the currency).
  Result<CurrencyMarker> marker_of(std::string_view file, const Row& row, std::size_t currency_col,
                                   std::size_t family_col) const {
    CurrencyMarker m;
    if (!row.fields[currency_col].empty()) {
      auto c = read_currency(file, row, currency_col, withdrawn_);
      if (!c) return unexpected(c.error());
      m.currency = *c;
      m.family = family_of(*c);
    }
    if (family_col != 0) {
      auto f = family_named(file, row, family_col);
      if (!f) return unexpected(f.error());
      if (*f != 0) {
        if (m.currency && m.family != *f) {
          return unexpected(file_error(file, row.line,
                                       fmt::format("{} is not of the family '{}'", m.currency->code(),
                                                   row.fields[family_col])));
        }
        m.family = *f;
      }
      if (!m.currency && m.family == 0) {
        return unexpected(file_error(file, row.line, "a marker needs a currency or a family"));
      }
    }
    return m;
  }
  Result<void> add_marker(std::string_view file, const Row& row, bool any_case, CurrencyMarker m) {
    t_.markers.push_back(m);
    return index_phrase(file, row, any_case, static_cast<std::uint32_t>(t_.markers.size() - 1), t_.marker_exact,
                        t_.marker_folded, t_.max_currency_words);
  }

  Lexicon::Tables t_;
  std::vector<Currency> withdrawn_;  // withdrawn_currencies.csv, read first
};

Result<void> Builder::families(const Lexicon::Source& src) {
  auto rows = read_rows(src, {"family", "currency", "default", "note"});
  if (!rows) return unexpected(rows.error());
  for (const Row& row : *rows) {
    auto c = read_currency(src.name, row, 1, withdrawn_);
    if (!c) return unexpected(c.error());
    if (const CurrencyFamily other = family_of(*c); other != 0) {
      return unexpected(file_error(src.name, row.line,
                                   fmt::format("{} is already of the family '{}'", c->code(), t_.family_names[other])));
    }
    auto it = std::find(t_.family_names.begin(), t_.family_names.end(), row.fields[0]);
    std::size_t f = static_cast<std::size_t>(it - t_.family_names.begin());
    if (it == t_.family_names.end()) {
      if (t_.family_names.size() == 255) return unexpected(file_error(src.name, row.line, "more than 254 families"));
      t_.family_names.push_back(row.fields[0]);
      t_.family_members.emplace_back();
      t_.family_defaults.emplace_back();
    }
    t_.family_members[f].push_back(*c);
    if (row.fields[2] == "yes") {
      if (t_.family_defaults[f]) {
        return unexpected(file_error(src.name, row.line, fmt::format("second default for '{}'", row.fields[0])));
      }
      t_.family_defaults[f] = *c;
    } else if (!row.fields[2].empty()) {
      return unexpected(file_error(src.name, row.line, fmt::format("default must be 'yes' or empty, found '{}'", row.fields[2])));
    }
  }
  return {};
}

Result<void> Builder::currencies(const Lexicon::Source& src) {
  auto rows = read_rows(src, {"marker", "currency", "family", "case", "note"});
  if (!rows) return unexpected(rows.error());
  for (const Row& row : *rows) {
    auto m = marker_of(src.name, row, 1, 2);
    if (!m) return unexpected(m.error());
    auto any = read_case(src.name, row, 3);
    if (!any) return unexpected(any.error());
    if (auto ok = add_marker(src.name, row, *any, *m); !ok) return ok;
  }
  return {};
}

Result<void> Builder::minor_units(const Lexicon::Source& src) {
  auto rows = read_rows(src, {"marker", "currency", "family", "divisor", "per", "case", "note"});
  if (!rows) return unexpected(rows.error());
  for (const Row& row : *rows) {
    auto m = marker_of(src.name, row, 1, 2);
    if (!m) return unexpected(m.error());
    auto divisor = read_uint(src.name, row, 3, "divisor");
    if (!divisor) return unexpected(divisor.error());
    if (*divisor != 10 && *divisor != 100 && *divisor != 1000) {
      return unexpected(file_error(src.name, row.line, "divisor must be 10, 100 or 1000"));
    }
    m->divisor = *divisor;
    // `before`: exact case, and written before the number as well as after it, as
    // codes of market data are (GBX 520, US¢52); other minor units follow their number.
    const bool before = row.fields[5] == "before";
    m->follows_number = !before;
    if (row.fields[4] == "share") {
      m->per = Per::share;
    } else if (!row.fields[4].empty()) {
      return unexpected(file_error(src.name, row.line, fmt::format("per must be 'share' or empty, found '{}'", row.fields[4])));
    }
    auto any = before ? Result<bool>(false) : read_case(src.name, row, 5);
    if (!any) return unexpected(any.error());
    if (auto ok = add_marker(src.name, row, *any, *m); !ok) return ok;
  }
  return {};
}

// Coins and slang for an amount of a currency: `nickels,,dollar,0.05`, `grand,,dollar,1000`.
// The worth is multiple / divisor with a divisor of 1, 10, 100 or 1000.
Result<void> Builder::coins(const Lexicon::Source& src) {
  auto rows = read_rows(src, {"word", "currency", "family", "worth", "case", "note"});
  if (!rows) return unexpected(rows.error());
  for (const Row& row : *rows) {
    auto m = marker_of(src.name, row, 1, 2);
    if (!m) return unexpected(m.error());
    const std::string& worth = row.fields[3];
    const std::size_t dot = worth.find('.');
    const std::string digits = dot == std::string::npos ? worth : worth.substr(0, dot) + worth.substr(dot + 1);
    const std::size_t decimals = dot == std::string::npos ? 0 : worth.size() - dot - 1;
    Row part = row;
    part.fields = {digits};
    auto multiple = read_uint(src.name, part, 0, "worth");
    if (!multiple || *multiple == 0 || *multiple > 1'000'000 || decimals > 3 || dot == 0) {
      return unexpected(file_error(
          src.name, row.line,
          fmt::format("worth must be a decimal above 0, at most 1000000, with at most 3 decimals; found '{}'", worth)));
    }
    m->multiple = *multiple;
    m->divisor = decimals == 0 ? 1 : decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
    m->follows_number = true;
    m->coin = true;
    auto any = read_case(src.name, row, 4);
    if (!any) return unexpected(any.error());
    if (auto ok = add_marker(src.name, row, *any, *m); !ok) return ok;
  }
  return {};
}

// Markers that are also English words or names ("ALL", "TOP", "won", "real"):
// flagged on every marker the phrase names (as written, and in any case when its
// row says so).
Result<void> Builder::word_like(const Lexicon::Source& src) {
  auto rows = read_rows(src, {"marker", "note"});
  if (!rows) return unexpected(rows.error());
  for (const Row& row : *rows) {
    const std::uint32_t* exact = t_.marker_exact.find(row.fields[0], false);
    const std::uint32_t* folded = t_.marker_folded.find(row.fields[0], true);
    if (exact == nullptr && folded == nullptr) {
      return unexpected(file_error(src.name, row.line, fmt::format("'{}' is no currency marker", row.fields[0])));
    }
    if (exact != nullptr) t_.markers[*exact].word_like = true;
    if (folded != nullptr) t_.markers[*folded].word_like = true;
  }
  return {};
}

Result<void> Builder::country_prefixes(const Lexicon::Source& src) {
  auto rows = read_rows(src, {"prefix", "currency", "note"});
  if (!rows) return unexpected(rows.error());
  for (const Row& row : *rows) {
    auto m = marker_of(src.name, row, 1, 0);
    if (!m) return unexpected(m.error());
    if (m->family == 0) {
      return unexpected(file_error(src.name, row.line,
                                   fmt::format("{} is of no family: a prefix names one of a family's currencies",
                                               m->currency->code())));
    }
    m->country = true;
    if (auto ok = add_marker(src.name, row, false, *m); !ok) return ok;
  }
  return {};
}

Result<void> Builder::scales_file(const Lexicon::Source& src) {
  auto rows = read_rows(src, {"token", "exponent", "case", "note"});
  if (!rows) return unexpected(rows.error());
  for (const Row& row : *rows) {
    auto e = read_uint(src.name, row, 1, "exponent");
    if (!e) return unexpected(e.error());
    const auto sc = scale_of_exponent(*e);
    if (!sc) {
      return unexpected(file_error(src.name, row.line,
                                   fmt::format("exponent {} has no scale (3, 4, 5, 6, 7, 8, 9 or 12)", *e)));
    }
    auto any = read_case(src.name, row, 2);
    if (!any) return unexpected(any.error());
    t_.scales.push_back(*sc);
    if (auto ok = index_phrase(src.name, row, *any, static_cast<std::uint32_t>(t_.scales.size() - 1), t_.scale_exact,
                               t_.scale_folded, t_.max_scale_words);
        !ok) {
      return ok;
    }
  }
  return {};
}

Result<void> Builder::qualifiers(const Lexicon::Source& src) {
  auto rows = read_rows(src, {"phrase", "qualifier", "note"});
  if (!rows) return unexpected(rows.error());
  WordIndex unused;
  for (const Row& row : *rows) {
    const auto q = qualifier_named(row.fields[1]);
    if (!q) {
      return unexpected(file_error(src.name, row.line,
                                   fmt::format("unknown qualifier '{}' (about, nearly, more_than, ...)", row.fields[1])));
    }
    t_.qualifiers.push_back(*q);
    if (auto ok = index_phrase(src.name, row, true, static_cast<std::uint32_t>(t_.qualifiers.size() - 1), unused,
                               t_.qualifier_folded, t_.max_qualifier_words);
        !ok) {
      return ok;
    }
    const char first = row.fields[0][0];
    t_.qualifier_starts[static_cast<unsigned char>(first)] = true;
    if (first >= 'a' && first <= 'z') t_.qualifier_starts[static_cast<unsigned char>(first - 'a' + 'A')] = true;
    if (first >= 'A' && first <= 'Z') t_.qualifier_starts[static_cast<unsigned char>(first - 'A' + 'a')] = true;
  }
  return {};
}

Result<void> Builder::numbers(const Lexicon::Source& src) {
  auto rows = read_rows(src, {"word", "kind", "value", "note"});
  if (!rows) return unexpected(rows.error());
  using K = NumberWord::Kind;
  const std::map<std::string_view, K> kinds{{"article", K::article}, {"cardinal", K::cardinal}, {"tens", K::tens},
                                            {"hundred", K::hundred}, {"fraction", K::fraction},
                                            {"multiple", K::multiple}};
  for (const Row& row : *rows) {
    const auto k = kinds.find(row.fields[1]);
    if (k == kinds.end()) {
      return unexpected(file_error(
          src.name, row.line,
          fmt::format("kind must be article, cardinal, tens, hundred, fraction or multiple, found '{}'", row.fields[1])));
    }
    NumberWord w;
    w.kind = k->second;
    std::string value = row.fields[2];
    if (const auto slash = value.find('/'); slash != std::string::npos && w.kind == K::fraction) {
      Row part = row;
      part.fields = {value.substr(slash + 1)};
      auto d = read_uint(src.name, part, 0, "denominator");
      if (!d) return unexpected(d.error());
      if (*d == 0) return unexpected(file_error(src.name, row.line, "denominator 0"));
      w.denominator = *d;
      value = value.substr(0, slash);
    }
    Row part = row;
    part.fields = {value};
    auto v = read_uint(src.name, part, 0, "value");
    if (!v) return unexpected(v.error());
    w.value = *v;
    t_.numbers.push_back(w);
    WordIndex unused;
    int words = 1;
    if (auto ok = index_phrase(src.name, row, true, static_cast<std::uint32_t>(t_.numbers.size() - 1), unused,
                               t_.number_folded, words);
        !ok) {
      return ok;
    }
  }
  return {};
}

Result<void> Builder::locales(const Lexicon::Source& src) {
  auto rows = read_rows(src, {"locale", "decimal", "group", "note"});
  if (!rows) return unexpected(rows.error());
  for (const Row& row : *rows) {
    NumberLocale l;
    l.name = row.fields[0];
    if (row.fields[1] == "dot") {
      l.decimal = '.';
    } else if (row.fields[1] == "comma") {
      l.decimal = ',';
    } else {
      return unexpected(file_error(src.name, row.line, fmt::format("decimal must be 'dot' or 'comma', found '{}'", row.fields[1])));
    }
    std::string_view groups = row.fields[2];
    while (!groups.empty()) {
      const auto sp = groups.find(' ');
      const std::string_view g = groups.substr(0, sp);
      groups = sp == std::string_view::npos ? std::string_view{} : groups.substr(sp + 1);
      if (g == "comma") {
        l.group_comma = true;
      } else if (g == "dot") {
        l.group_dot = true;
      } else if (g == "space") {
        l.group_space = true;
      } else if (g == "apostrophe") {
        l.group_apostrophe = true;
      } else if (g == "indian") {
        l.indian = true;
      } else if (!g.empty()) {
        return unexpected(file_error(src.name, row.line,
                                     fmt::format("group must list comma, dot, space, apostrophe or indian, found '{}'", g)));
      }
    }
    if ((l.decimal == '.' && l.group_dot) || (l.decimal == ',' && l.group_comma)) {
      return unexpected(file_error(src.name, row.line, "the decimal separator cannot also group digits"));
    }
    t_.locales.push_back(std::move(l));
    WordIndex unused;
    int words = 1;
    if (auto ok = index_phrase(src.name, row, true, static_cast<std::uint32_t>(t_.locales.size() - 1), unused,
                               t_.locale_folded, words);
        !ok) {
      return ok;
    }
  }
  return {};
}

namespace {

// What is wrong with a row of a category whose values a reader interprets: parse_figure's
// per-share words (`per_share`, `per_leader`, `share_noun`) and the extractor's period words
// (`period_word`), if anything. A value no reader knows would be skipped silently.
std::optional<std::string> grammar_cue_error(std::string_view phrase, std::string_view category,
                                                std::string_view value) {
  if (category == "per_share") {
    if (value != "share" && value != "ads") {
      return fmt::format("per_share: value must be 'share' or 'ads', found '{}'", value);
    }
    for (const char c : phrase) {
      if (c != ' ' && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return fmt::format("per_share: '{}': the words are ASCII letters", phrase);
      }
    }
  } else if (category == "per_leader" && !value.empty() && value != "classes") {
    return fmt::format("per_leader: value must be empty or 'classes', found '{}'", value);
  } else if (category == "share_noun" && value != "singular" && value != "plural") {
    return fmt::format("share_noun: value must be 'singular' or 'plural', found '{}'", value);
  } else if (category == "period_word") {
    // the roles the extractor's period reader knows (src/extract/periods.cpp)
    static constexpr std::string_view roles[] = {"quarter", "of", "fiscal", "months", "since", "before", "ahead", "years"};
    if (value.starts_with("quarter_ordinal:")) {
      const std::string_view n = value.substr(16);
      if (n.size() != 1 || n[0] < '1' || n[0] > '4') {
        return fmt::format("period_word: '{}': quarter_ordinal must be 1, 2, 3 or 4, found '{}'", phrase, n);
      }
    } else if (std::find(std::begin(roles), std::end(roles), value) == std::end(roles)) {
      return fmt::format("period_word: '{}': unknown role '{}' (quarter_ordinal:1..4, quarter, of, fiscal, months, since, "
                         "before, ahead, years)",
                         phrase, value);
    }
  }
  return std::nullopt;
}

}  // namespace

Result<void> Builder::cues(const Lexicon::Source& src) {
  auto rows = read_rows(src, {"phrase", "category", "value", "note"});
  if (!rows) return unexpected(rows.error());
  for (const Row& row : *rows) {
    if (row.fields[1].empty()) return unexpected(file_error(src.name, row.line, "empty category"));
    // The word forms the extractor reads without a number carry the values they allow.
    if (row.fields[1] == "vague_magnitude" || row.fields[1] == "digit_rule") {
      if (auto values = cue_interval(row.fields[2]); !values) {
        return unexpected(file_error(src.name, row.line, fmt::format("{}: {}", row.fields[1], values.error().message)));
      }
    }
    // the per-share and period words (docs/lexicon.md): a value their reader does not know is an error, not a
    // row it would skip.
    if (auto bad = grammar_cue_error(row.fields[0], row.fields[1], row.fields[2])) {
      return unexpected(file_error(src.name, row.line, *bad));
    }
    t_.cues.push_back(Cue{row.fields[0], row.fields[1], row.fields[2]});
    const auto at = static_cast<std::uint32_t>(t_.cues.size() - 1);
    const std::string key = normalised(row.fields[0], true);
    if (const std::uint32_t* g = t_.cue_folded.find_normalised(key)) {
      for (const std::uint32_t other : t_.cue_groups[*g]) {
        if (t_.cues[other].category == row.fields[1]) {
          return unexpected(file_error(src.name, row.line,
                                       fmt::format("'{}' is listed twice as {}", row.fields[0], row.fields[1])));
        }
      }
      t_.cue_groups[*g].push_back(at);
    } else {
      t_.cue_groups.push_back({at});
      t_.cue_folded.add(key, static_cast<std::uint32_t>(t_.cue_groups.size() - 1));
      t_.max_cue_words = std::max(t_.max_cue_words, word_count(key));
    }
  }
  // A per_share phrase of several words starts with a per_leader: the grammar looks for one only there.
  for (const Row& row : *rows) {
    if (row.fields[1] != "per_share") continue;
    const std::string key = normalised(row.fields[0], true);
    const std::string first = key.substr(0, key.find(' '));
    if (first.size() == key.size()) continue;
    bool leader = false;
    if (const std::uint32_t* g = t_.cue_folded.find_normalised(first)) {
      for (const std::uint32_t i : t_.cue_groups[*g]) leader = leader || t_.cues[i].category == "per_leader";
    }
    if (!leader) {
      return unexpected(file_error(
          src.name, row.line, fmt::format("per_share: '{}' starts with '{}', which is no per_leader", row.fields[0], first)));
    }
  }
  return {};
}

// Codes ISO 4217 has withdrawn (List Three) that dated data still quote: the
// legacy currencies of the euro area and those the ECB fixed until they went
// (CYP, MTL, LTL, HRK, ...). Markers like the active codes: upper case before or
// after the number, lower case after it.
Result<void> Builder::withdrawn_currencies(const Lexicon::Source& src) {
  auto rows = read_rows(src, {"code", "name", "withdrawn", "note"});
  if (!rows) return unexpected(rows.error());
  for (const Row& row : *rows) {
    const std::string& code = row.fields[0];
    if (code.size() != 3 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      return unexpected(file_error(src.name, row.line, fmt::format("'{}' is not three upper-case letters", code)));
    }
    if (detail::find_iso4217(code) != nullptr) {
      return unexpected(file_error(src.name, row.line, fmt::format("'{}' is an active ISO 4217 code", code)));
    }
    const Currency c{{code[0], code[1], code[2]}};
    if (std::find(withdrawn_.begin(), withdrawn_.end(), c) != withdrawn_.end()) {
      return unexpected(file_error(src.name, row.line, fmt::format("'{}' is listed twice", code)));
    }
    withdrawn_.push_back(c);
    CurrencyMarker m;
    m.currency = c;
    t_.markers.push_back(m);
    std::string lower = code;
    for (char& ch : lower) ch = static_cast<char>(ch - 'A' + 'a');
    t_.marker_exact.add(code, static_cast<std::uint32_t>(t_.markers.size() - 1));
    t_.iso_lower.add(lower, static_cast<std::uint32_t>(t_.markers.size() - 1));
  }
  return {};
}

Result<Lexicon::Tables> Builder::build(std::span<const Lexicon::Source> sources) {
  std::array<const Lexicon::Source*, file_names.size()> found{};
  for (const auto& s : sources) {
    const auto it = std::find(file_names.begin(), file_names.end(), s.name);
    if (it != file_names.end()) found[static_cast<std::size_t>(it - file_names.begin())] = &s;
  }
  for (std::size_t i = 0; i < file_names.size(); ++i) {
    if (found[i] == nullptr) {
      return unexpected(make_error(Errc::io, fmt::format("lexicon file '{}' is missing", file_names[i]), file_names[i]));
    }
  }
  // ISO codes first: listed markers may not shadow them.
  for (const auto& e : detail::iso4217_table) {
    CurrencyMarker m;
    m.currency = Currency{{e.code[0], e.code[1], e.code[2]}};
    t_.markers.push_back(m);
  }
  // Withdrawn codes next: a family may hold one (FRF among the francs).
  if (auto ok = withdrawn_currencies(*found[9]); !ok) return unexpected(ok.error());
  if (auto ok = families(*found[0]); !ok) return unexpected(ok.error());
  for (CurrencyMarker& m : t_.markers) m.family = family_of(*m.currency);
  for (std::size_t i = 0; i < detail::iso4217_table.size(); ++i) {
    const CurrencyMarker& m = t_.markers[i];
    const std::string code(m.currency->code());
    std::string lower = code;
    for (char& c : lower) c = static_cast<char>(c - 'A' + 'a');
    t_.marker_exact.add(code, static_cast<std::uint32_t>(i));
    t_.iso_lower.add(lower, static_cast<std::uint32_t>(i));
  }
  if (auto ok = currencies(*found[1]); !ok) return unexpected(ok.error());
  if (auto ok = minor_units(*found[2]); !ok) return unexpected(ok.error());
  if (auto ok = country_prefixes(*found[3]); !ok) return unexpected(ok.error());
  if (auto ok = scales_file(*found[4]); !ok) return unexpected(ok.error());
  if (auto ok = qualifiers(*found[5]); !ok) return unexpected(ok.error());
  if (auto ok = numbers(*found[6]); !ok) return unexpected(ok.error());
  if (auto ok = locales(*found[7]); !ok) return unexpected(ok.error());
  if (auto ok = cues(*found[8]); !ok) return unexpected(ok.error());
  if (auto ok = coins(*found[10]); !ok) return unexpected(ok.error());
  if (auto ok = word_like(*found[11]); !ok) return unexpected(ok.error());
  t_.index_words();
  return std::move(t_);
}

}  // namespace

Result<Lexicon> Lexicon::from_sources(std::span<const Source> sources) {
  Builder b;
  auto t = b.build(sources);
  if (!t) return unexpected(std::move(t.error()));
  return Lexicon(std::make_shared<const Tables>(std::move(*t)));
}

Result<Lexicon> Lexicon::load(const std::filesystem::path& directory) {
  std::vector<std::string> texts;
  texts.reserve(file_names.size());
  std::vector<Source> sources;
  for (const auto name : file_names) {
    auto text = read_file(directory / name);
    if (!text) return unexpected(std::move(text.error()));
    texts.push_back(std::move(*text));
  }
  for (std::size_t i = 0; i < file_names.size(); ++i) sources.push_back(Source{file_names[i], texts[i]});
  return from_sources(sources);
}

const Lexicon& Lexicon::builtin() {
  static const Lexicon lexicon = [] {
    auto l = from_sources(std::span(detail::builtin_lexicon_sources, detail::builtin_lexicon_source_count));
    // The files were checked when the library was built (a test loads them); a
    // broken embedded lexicon is a build defect, not an input error.
    if (!l) throw std::logic_error("the built-in lexicon does not load: " + l.error().message);
    return std::move(*l);
  }();
  return lexicon;
}

void Lexicon::Tables::index_words() {
  for (std::size_t f = 0; f < family_names.size(); ++f) {
    if (family_names[f] == "dollar") dollar_family = static_cast<std::int32_t>(f);
  }
  const auto entry = [&](std::string_view key) -> WordHits& {
    std::string folded(key);
    for (char& c : folded) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    const std::uint32_t* at = word_folded.find_normalised(folded);
    if (at == nullptr) {
      word_hits.emplace_back();
      word_folded.add(folded, static_cast<std::uint32_t>(word_hits.size() - 1));
      at = word_folded.find_normalised(folded);
    }
    return word_hits[*at];
  };
  // A key of several words also marks its first word (keys are normalised: one ' ').
  const auto first_word = [&](const std::string& key, bool WordHits::*flag) {
    if (const std::size_t sp = key.find(' '); sp != std::string::npos) entry(std::string_view(key).substr(0, sp)).*flag = true;
  };
  marker_exact.each([&](const std::string& key, std::uint32_t row) {
    entry(key).marker_exact.push_back({key, row});
    first_word(key, &WordHits::starts_marker_phrase);
  });
  iso_lower.each([&](const std::string& key, std::uint32_t row) { entry(key).iso_lower.push_back({key, row}); });
  marker_folded.each([&](const std::string& key, std::uint32_t row) {
    entry(key).marker_folded = static_cast<std::int32_t>(row);
    first_word(key, &WordHits::starts_marker_phrase);
  });
  scale_exact.each([&](const std::string& key, std::uint32_t row) {
    entry(key).scale_exact.push_back({key, row});
    first_word(key, &WordHits::starts_scale_phrase);
  });
  scale_folded.each([&](const std::string& key, std::uint32_t row) {
    entry(key).scale_folded = static_cast<std::int32_t>(row);
    first_word(key, &WordHits::starts_scale_phrase);
  });
}

namespace {

// Whether `text` is the exact index key `key` (normalised, case as written), as
// WordIndex::find(text, false) decides it.
bool written_as(std::string_view text, const std::string& key) noexcept {
  if (text.size() == key.size()) {
    std::size_t i = 0;
    while (i < text.size() && text[i] == key[i]) ++i;  // keys are short: no memcmp call
    if (i == text.size()) return true;
  }
  // Only white space (' ', tab, or a space of two or three bytes) makes a text other
  // than its normalised form.
  bool spaced = false;
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    spaced = spaced || b == ' ' || b == '\t' || b == 0xC2 || b == 0xE2 || b == 0xE3;
  }
  if (!spaced) return false;
  std::array<char, max_phrase_bytes> buf;
  const std::size_t n = normalise(text, false, buf);
  return n != std::string_view::npos && std::string_view(buf.data(), n) == key;
}

const WordHits::Written* written_in(const std::vector<WordHits::Written>& list, std::string_view text) noexcept {
  for (const auto& w : list) {
    if (written_as(text, w.key)) return &w;
  }
  return nullptr;
}

}  // namespace

const CurrencyMarker* Lexicon::Tables::marker(const WordHits& h, std::string_view text) const noexcept {
  if (const auto* w = written_in(h.marker_exact, text)) return &markers[w->row];
  if (h.marker_folded >= 0) return &markers[static_cast<std::size_t>(h.marker_folded)];
  return nullptr;
}

const CurrencyMarker* Lexicon::Tables::marker_after(const WordHits& h, std::string_view text) const noexcept {
  if (const CurrencyMarker* m = marker(h, text)) return m;
  if (const auto* w = written_in(h.iso_lower, text)) return &markers[w->row];
  return nullptr;
}

std::optional<Scale> Lexicon::Tables::scale(const WordHits& h, std::string_view text) const noexcept {
  if (const auto* w = written_in(h.scale_exact, text)) return scales[w->row];
  if (h.scale_folded >= 0) return scales[static_cast<std::size_t>(h.scale_folded)];
  return std::nullopt;
}

// One look-up of the word in any case answers the exact index, then the folded one
// (then the lower-case ISO codes): Tables::index_words.
const CurrencyMarker* Lexicon::currency_marker(std::string_view text) const noexcept {
  // Most words asked are no marker: the first and last bytes say so, as cheaply as before.
  if (!t_->marker_exact.may_hold(text, false) && !t_->marker_folded.may_hold(text, true)) return nullptr;
  const WordHits* h = t_->hits(text);
  return h != nullptr ? t_->marker(*h, text) : nullptr;
}

const CurrencyMarker* Lexicon::currency_marker_after_number(std::string_view text) const noexcept {
  if (!t_->marker_exact.may_hold(text, false) && !t_->marker_folded.may_hold(text, true) &&
      !t_->iso_lower.may_hold(text, false)) {
    return nullptr;
  }
  const WordHits* h = t_->hits(text);
  return h != nullptr ? t_->marker_after(*h, text) : nullptr;
}

Result<Currency> Lexicon::resolve(const CurrencyMarker& m, std::string_view text, const CurrencyContext& context) const {
  if (m.country) {
    return unexpected(make_error(Errc::syntax,
                                 fmt::format("'{}' names a currency only before a '$' or a minor unit", text), text, 0));
  }
  if (m.currency) return *m.currency;
  if (static_cast<int>(m.family) == t_->dollar_family) {  // "dollar", found once at load (the common case: `$`)
    if (context.dollar) return *context.dollar;
    return unexpected(make_error(
        Errc::ambiguous,
        fmt::format("ambiguous currency '{}': which dollar (USD, HKD, ...)? set CurrencyContext::dollar", text), text,
        0));
  }
  const std::string_view family = family_name(m.family);
  if (family == "yen") {
    if (context.yen_or_yuan) return *context.yen_or_yuan;
    return unexpected(make_error(
        Errc::ambiguous,
        fmt::format("ambiguous currency '{}': yen (JPY) or yuan (CNY)? set CurrencyContext::yen_or_yuan", text), text,
        0));
  }
  std::string members;
  for (const Currency c : family_members(m.family)) members += (members.empty() ? "" : ", ") + std::string(c.code());
  return unexpected(make_error(Errc::ambiguous,
                               fmt::format("ambiguous currency '{}': which {} ({})? write the ISO code", text, family,
                                           members),
                               text, 0));
}

Result<Currency> Lexicon::currency(std::string_view text, const CurrencyContext& context) const {
  if (const CurrencyMarker* m = currency_marker(text)) return resolve(*m, text, context);
  return Currency::from_code(text);  // its error names the input (and a case slip)
}

CurrencyFamily Lexicon::family(std::string_view name) const noexcept {
  for (std::size_t i = 1; i < t_->family_names.size(); ++i) {
    if (t_->family_names[i] == name) return static_cast<CurrencyFamily>(i);
  }
  return 0;
}

std::string_view Lexicon::family_name(CurrencyFamily f) const noexcept {
  return f < t_->family_names.size() ? std::string_view(t_->family_names[f]) : std::string_view{};
}

CurrencyFamily Lexicon::family_of(Currency c) const noexcept {
  for (std::size_t i = 1; i < t_->family_members.size(); ++i) {
    const auto& m = t_->family_members[i];
    if (std::find(m.begin(), m.end(), c) != m.end()) return static_cast<CurrencyFamily>(i);
  }
  return 0;
}

std::span<const Currency> Lexicon::family_members(CurrencyFamily f) const noexcept {
  if (f >= t_->family_members.size()) return {};
  return t_->family_members[f];
}

std::optional<Currency> Lexicon::family_default(CurrencyFamily f) const noexcept {
  if (f >= t_->family_defaults.size()) return std::nullopt;
  return t_->family_defaults[f];
}

std::optional<Scale> Lexicon::scale(std::string_view text) const noexcept {
  if (!t_->scale_exact.may_hold(text, false) && !t_->scale_folded.may_hold(text, true)) return std::nullopt;
  const WordHits* h = t_->hits(text);
  return h != nullptr ? t_->scale(*h, text) : std::nullopt;
}

std::optional<Qualifier> Lexicon::qualifier(std::string_view phrase) const noexcept {
  if (const std::uint32_t* i = t_->qualifier_folded.find(phrase, true)) return t_->qualifiers[*i];
  return std::nullopt;
}

const NumberWord* Lexicon::number_word(std::string_view word) const noexcept {
  if (const std::uint32_t* i = t_->number_folded.find(word, true)) return &t_->numbers[*i];
  return nullptr;
}

const NumberLocale* Lexicon::locale(std::string_view name) const noexcept {
  if (const std::uint32_t* i = t_->locale_folded.find(name, true)) return &t_->locales[*i];
  return nullptr;
}

std::span<const NumberLocale> Lexicon::locales() const noexcept { return t_->locales; }

std::span<const Cue> Lexicon::cues() const noexcept { return t_->cues; }

std::vector<const Cue*> Lexicon::cues_for(std::string_view phrase) const {
  std::vector<const Cue*> out;
  if (const std::uint32_t* g = t_->cue_folded.find(phrase, true)) {
    for (const std::uint32_t i : t_->cue_groups[*g]) out.push_back(&t_->cues[i]);
  }
  return out;
}

const Cue* Lexicon::cue(std::string_view phrase, std::string_view category) const noexcept {
  if (const std::uint32_t* g = t_->cue_folded.find(phrase, true)) {
    for (const std::uint32_t i : t_->cue_groups[*g]) {
      if (t_->cues[i].category == category) return &t_->cues[i];
    }
  }
  return nullptr;
}

int Lexicon::max_currency_words() const noexcept { return t_->max_currency_words; }
int Lexicon::max_scale_words() const noexcept { return t_->max_scale_words; }
int Lexicon::max_qualifier_words() const noexcept { return t_->max_qualifier_words; }
int Lexicon::max_cue_words() const noexcept { return t_->max_cue_words; }
bool Lexicon::may_start_qualifier(char c) const noexcept {
  return t_->qualifier_starts[static_cast<unsigned char>(c)];
}

}  // namespace finmetrics
