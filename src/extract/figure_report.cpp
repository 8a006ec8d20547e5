#include "finmetrics/extract/figure_report.hpp"

#include <array>
#include <cmath>
#include <iterator>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "finmetrics/claims/claim.hpp"
#include "finmetrics/detail/utf8.hpp"
#include "finmetrics/io/csv.hpp"

namespace finmetrics {

namespace {

std::string value_text(const ExtractedFigure& f) {
  if (!f.quoted) return {};
  if (f.quoted->upper) return fmt::format("{}..{}", f.quoted->value.to_string(), f.quoted->upper->to_string());
  return f.quoted->value.to_string();
}

std::string interval_text(const ExtractedFigure& f) { return f.interval ? f.interval->to_string() : std::string{}; }

// "USD per barrel" for a unit price (the good is the unit's noun), else the unit's own text.
std::string unit_text(const ExtractedFigure& f) {
  if (f.kind == FigureKind::unit_price) return f.unit.to_string() + " per " + f.unit.noun;
  return f.unit.to_string();
}

// Fits a cell into `width` code points (UTF-8), cutting with an ellipsis.
std::string cell(std::string_view s, std::size_t width) {
  std::string out;
  std::size_t points = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t n = 1;
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0xF0) n = 4;
    else if (b >= 0xE0) n = 3;
    else if (b >= 0xC0) n = 2;
    if (points + 1 == width && i + n < s.size()) {
      out += "\xE2\x80\xA6";  // …
      ++points;
      break;
    }
    out.append(s.substr(i, n));
    ++points;
    i += n;
  }
  if (points < width) out.append(width - points, ' ');
  return out;
}

}  // namespace

std::string figures_table(const Extraction& extraction, std::string_view text) {
  (void)text;
  std::string out;
  out += fmt::format("{}{}{}{}{}{}{}{}{}{}\n", cell("#", 4), cell("bytes", 12), cell("kind", 18),
                     cell("figure", 28), cell("value", 16), cell("unit", 14), cell("interval", 30),
                     cell("entity", 16), cell("metric", 18), cell("period", 26));
  for (std::size_t i = 0; i < extraction.figures.size(); ++i) {
    const ExtractedFigure& f = extraction.figures[i];
    const auto& c = f.context;
    out += fmt::format("{}{}{}{}{}{}{}{}{}{}", cell(fmt::format("E{}", i + 1), 4),
                       cell(fmt::format("{}-{}", f.span.begin, f.span.end), 12),
                       cell(fmt::format("{}{}", to_string(f.kind), f.word_form ? "*" : ""), 18), cell(f.text, 28),
                       cell(value_text(f), 16), cell(unit_text(f), 14), cell(interval_text(f), 30),
                       cell(c.entity.value, 16), cell(c.metric.value, 18), cell(c.period.value, 26));
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += '\n';
  }
  std::size_t by_text_locale = 0;
  std::size_t indian = 0;
  for (const auto& f : extraction.figures) {
    by_text_locale += f.number_locale && f.number_locale->locale == "en" ? 1 : 0;
    indian += f.number_locale && f.number_locale->locale == "en-IN" ? 1 : 0;
  }
  out += fmt::format("{} figures ({} in words, marked *){}{}{}{}\n", extraction.figures.size(),
                     [&] {
                       std::size_t n = 0;
                       for (const auto& f : extraction.figures) n += f.word_form ? 1 : 0;
                       return n;
                     }(),
                     extraction.skipped.empty() ? "" : fmt::format("; {} candidates skipped", extraction.skipped.size()),
                     extraction.article_date ? fmt::format("; article date {}", to_string(*extraction.article_date))
                                             : std::string("; article date unknown"),
                     by_text_locale == 0
                         ? std::string()
                         : fmt::format("; {} read as en because the text writes decimal dots (no --locale)",
                                       by_text_locale),
                     indian == 0 ? std::string()
                                 : fmt::format("; {} read in Indian groups (en-IN) as written (no --locale)", indian));
  return out;
}

namespace {

// The figures' JSON is written straight into the output, in the key order and
// the bytes that nlohmann's dump of an ordered_json gave (a tree per figure cost
// more than reading the figures): strings that need escaping, and the
// confidences, are still dumped by nlohmann, so they read as before.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void key(std::string_view k) {
    separate();
    out_ += '"';
    out_ += k;  // the keys below are plain ASCII
    out_ += "\":";
    first_ = true;  // the value follows without a comma
    value_next_ = true;
  }
  void string(std::string_view v) {
    separate();
    if (plain(v)) {
      out_ += '"';
      out_ += v;
      out_ += '"';
    } else if (well_formed_utf8(v)) {
      append_escaped(v);
    } else {
      out_ += nlohmann::ordered_json(v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  }
  void number(std::size_t v) {
    separate();
    fmt::format_to(std::back_inserter(out_), "{}", v);
  }
  void boolean(bool v) {
    separate();
    out_ += v ? "true" : "false";
  }
  void null() {
    separate();
    out_ += "null";
  }
  void string_or_null(const std::optional<std::string>& v) { v ? string(*v) : null(); }
  // A ranking score, printed to two decimals, as nlohmann prints that double.
  void confidence(double c) {
    separate();
    const double v = std::round(c * 100) / 100;
    if (v >= 0 && v <= 1) {
      out_ += hundredths()[static_cast<std::size_t>(std::lround(v * 100))];
    } else {
      out_ += nlohmann::ordered_json(v).dump();
    }
  }
  void begin_object() {
    separate();
    out_ += '{';
    first_ = true;
  }
  void end_object() {
    out_ += '}';
    first_ = false;
  }

 private:
  void separate() {
    if (value_next_) {
      value_next_ = false;
    } else if (!first_) {
      out_ += ',';
    }
    first_ = false;
  }
  // What nlohmann writes unescaped and unchanged: printable ASCII but '"' and '\\'.
  // Whether v is well-formed UTF-8 (Unicode's table 3-7: no overlong form, surrogate
  // or code point past U+10FFFF), as nlohmann's decoder accepts it.
  static bool well_formed_utf8(std::string_view v) {
    for (std::size_t i = 0; i < v.size();) {
      const std::size_t n = detail::well_formed_utf8_length(v, i);
      if (n == 0) return false;
      i += n;
    }
    return true;
  }
  // v (well-formed UTF-8) quoted and escaped as nlohmann's dump escapes it with
  // ensure_ascii off: `"` and `\`, the short escapes of \b \t \n \f \r, other
  // control characters as \u00xx (lower-case hex), everything else as it is.
  void append_escaped(std::string_view v) {
    out_ += '"';
    std::size_t run = 0;  // the start of the bytes not yet written, none of which needs escaping
    for (std::size_t i = 0; i < v.size(); ++i) {
      const auto b = static_cast<unsigned char>(v[i]);
      if (b >= 0x20 && b != '"' && b != '\\') continue;
      out_.append(v.data() + run, i - run);
      run = i + 1;
      switch (b) {
        case '\b': out_ += "\\b"; break;
        case '\t': out_ += "\\t"; break;
        case '\n': out_ += "\\n"; break;
        case '\f': out_ += "\\f"; break;
        case '\r': out_ += "\\r"; break;
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        default: {
          static constexpr char hex[] = "0123456789abcdef";
          out_ += "\\u00";
          out_ += hex[b >> 4];
          out_ += hex[b & 0xF];
        }
      }
    }
    out_.append(v.data() + run, v.size() - run);
    out_ += '"';
  }
  static bool plain(std::string_view v) {
    for (const char c : v) {
      const auto b = static_cast<unsigned char>(c);
      if (b < 0x20 || b >= 0x7F || c == '"' || c == '\\') return false;
    }
    return true;
  }
  // nlohmann's text of k / 100.0 for k in [0, 100]: round(c * 100) / 100 is that double.
  static const std::array<std::string, 101>& hundredths() {
    static const std::array<std::string, 101> texts = [] {
      std::array<std::string, 101> t;
      for (std::size_t k = 0; k < t.size(); ++k) t[k] = nlohmann::ordered_json(static_cast<double>(k) / 100).dump();
      return t;
    }();
    return texts;
  }

  std::string& out_;
  bool first_ = true;
  bool value_next_ = false;
};

void guess_json(JsonWriter& w, std::string_view name, const ContextGuess& g) {
  w.key(name);
  w.begin_object();
  w.key("value");
  g.known() ? w.string(g.value) : w.null();
  w.key("confidence");
  w.confidence(g.confidence);
  w.key("evidence");
  w.string(g.evidence);
  w.end_object();
}

void figure_json(std::string& out, const ExtractedFigure& f, std::size_t i, std::string_view text) {
  JsonWriter w(out);
  w.begin_object();
  w.key("id");
  w.string(fmt::format("E{}", i + 1));
  w.key("begin");
  w.number(f.span.begin);
  w.key("end");
  w.number(f.span.end);
  w.key("text");
  w.string(f.text);
  w.key("kind");
  w.string(to_string(f.kind));
  w.key("word_form");
  w.boolean(f.word_form);
  w.key("value");
  w.string_or_null(f.quoted ? std::optional<std::string>(f.quoted->value.to_string()) : std::nullopt);
  w.key("upper");
  w.string_or_null(f.quoted && f.quoted->upper ? std::optional<std::string>(f.quoted->upper->to_string())
                                               : std::nullopt);
  w.key("unit");
  w.string(unit_text(f));
  w.key("qualifier");
  w.string(to_string(f.qualifier));
  w.key("interval");
  w.string_or_null(f.interval ? std::optional<std::string>(f.interval->to_string()) : std::nullopt);
  w.key("linked");
  w.string_or_null(f.linked ? std::optional<std::string>(fmt::format("E{}", *f.linked + 1)) : std::nullopt);
  const bool money = f.currency_source != CurrencySource::none && f.unit.currency;
  w.key("currency");
  w.string_or_null(money ? std::optional<std::string>(std::string(f.unit.currency->code())) : std::nullopt);
  w.key("currency_source");
  w.string_or_null(money ? std::optional<std::string>(std::string(to_string(f.currency_source))) : std::nullopt);
  // Only a currency the text or the caller states is certain; a default or an inference is not.
  w.key("currency_certain");
  w.boolean(money && (f.currency_source == CurrencySource::explicit_ || f.currency_source == CurrencySource::option));
  w.key("currency_evidence");
  if (f.currency_evidence) {
    w.begin_object();
    w.key("marker");
    w.string(f.currency_evidence->marker);
    w.key("begin");
    w.number(f.currency_evidence->span.begin);
    w.key("end");
    w.number(f.currency_evidence->span.end);
    w.key("currency");
    w.string(f.currency_evidence->currency.code());
    w.end_object();
  } else {
    w.null();
  }
  w.key("number_locale");
  if (f.number_locale) {
    w.begin_object();
    w.key("locale");
    w.string(f.number_locale->locale);
    w.key("source");
    w.string(f.number_locale->locale == "en-IN" ? "figure" : "document");  // "1,18,000" says it itself
    w.key("evidence");
    w.string(f.number_locale->number);
    w.key("begin");
    w.number(f.number_locale->span.begin);
    w.key("end");
    w.number(f.number_locale->span.end);
    w.end_object();
  } else {
    w.null();
  }
  w.key("sentence");
  w.string(text.substr(f.sentence.begin, f.sentence.end - f.sentence.begin));
  w.key("before");
  w.string(f.before);
  w.key("after");
  w.string(f.after);
  w.key("context");
  w.begin_object();
  guess_json(w, "entity", f.context.entity);
  guess_json(w, "segment", f.context.segment);
  guess_json(w, "metric", f.context.metric);
  guess_json(w, "period", f.context.period);
  guess_json(w, "direction", f.context.direction);
  w.end_object();
  w.end_object();
}

nlohmann::ordered_json or_null(const std::optional<std::string>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

}  // namespace

std::string figures_json(const Extraction& extraction, std::string_view text, const ArticleInfo& article) {
  nlohmann::ordered_json out;
  out["article_date"] = or_null(extraction.article_date ? std::optional<std::string>(to_string(*extraction.article_date))
                                                        : std::nullopt);
  out["input"] = {{"format", std::string(to_string(article.format))},
                  {"spans", "UTF-8 byte offsets into " + article.spans()},
                  {"invalid_bytes_replaced", article.invalid_bytes_replaced}};
  if (extraction.unread_from) out["unread_from"] = *extraction.unread_from;  // cut at max_figures
  std::string body = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  body.pop_back();  // '}': the figures follow, one a line
  body += ",\"figures\":[";
  for (std::size_t i = 0; i < extraction.figures.size(); ++i) {
    if (i) body += ',';
    body += '\n';
    // Keys in the order written; any invalid byte replaced rather than fail.
    figure_json(body, extraction.figures[i], i, text);
  }
  body += "\n],\"skipped\":";
  nlohmann::json skipped = nlohmann::json::array();
  for (const Error& e : extraction.skipped) skipped.push_back(e.message);
  body += skipped.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  body += "}\n";
  return body;
}

std::string draft_claims_csv(const Extraction& extraction, std::string_view text, std::string_view document) {
  std::string out(claims_csv_header);
  out += '\n';
  const std::string as_of = extraction.article_date ? to_string(*extraction.article_date) : std::string{};
  for (std::size_t i = 0; i < extraction.figures.size(); ++i) {
    const ExtractedFigure& f = extraction.figures[i];
    if (f.kind == FigureKind::record) continue;
    const auto& c = f.context;
    std::string quote(text.substr(f.sentence.begin, f.sentence.end - f.sentence.begin));
    const auto field = [&](std::string_view v) {
      csv::append_field(out, v);
      out += ',';
    };
    field(fmt::format("E{}", i + 1));
    field(document);
    field(quote);
    field(std::string_view(f.text).substr(f.hedge_verb.empty() ? 0 : f.text.find_first_not_of(" \t", f.hedge_verb.size())));
    field(c.entity.value);
    field("");  // listing: the text rarely says which
    field(c.segment.value);
    field(c.metric.known() ? std::string_view(c.metric.value) : std::string_view("other"));
    field(c.period.value);
    field(as_of);
    field(f.linked && *f.linked < i ? fmt::format("converts:E{}", *f.linked + 1) : std::string{});
    std::string notes = fmt::format("draft by finmetrics extract: {} {}", to_string(f.kind),
                                    f.quoted ? value_text(f) : interval_text(f));
    if (!unit_text(f).empty()) notes += fmt::format(" {}", unit_text(f));
    if (!f.hedge_verb.empty()) notes += fmt::format("; hedged by '{}'", f.hedge_verb);
    if (f.number_locale && f.number_locale->locale == "en-IN") {
      notes += fmt::format("; number read in Indian groups (en-IN) as written ('{}')", f.number_locale->number);
    } else if (f.number_locale) {
      notes += fmt::format("; number read as {} because the text writes decimal dots ('{}')", f.number_locale->locale,
                           f.number_locale->number);
    }
    if (!c.metric.known()) notes += "; metric not read from the text";
    notes += fmt::format("; confidence entity {:.1f}, metric {:.1f}, period {:.1f}", c.entity.confidence,
                         c.metric.confidence, c.period.confidence);
    csv::append_field(out, notes);
    out += '\n';
  }
  return out;
}

}  // namespace finmetrics
