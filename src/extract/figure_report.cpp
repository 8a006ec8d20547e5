#include "finmetrics/extract/figure_report.hpp"

#include <optional>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "finmetrics/claims/claim.hpp"
#include "figure_json_writer.hpp"
#include "finmetrics/io/csv.hpp"
#include "working_memory.hpp"

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

using extract_detail::JsonWriter;

template <std::size_t N>
void guess_json(JsonWriter& w, const char (&name)[N], const ContextGuess& g) {
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

void figure_json(JsonWriter& w, const ExtractedFigure& f, std::size_t i, std::string_view text,
                 JsonWriter::Recent& sentence) {
  w.begin_object();
  w.key("id");
  w.string_number('E', i + 1);
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
  f.quoted ? w.string(f.quoted->value.to_string()) : w.null();
  w.key("upper");
  f.quoted && f.quoted->upper ? w.string(f.quoted->upper->to_string()) : w.null();
  w.key("unit");
  w.string(unit_text(f));
  w.key("qualifier");
  w.string(to_string(f.qualifier));
  w.key("interval");
  f.interval ? w.string(f.interval->to_string()) : w.null();
  w.key("linked");
  f.linked ? w.string_number('E', *f.linked + 1) : w.null();
  const bool money = f.currency_source != CurrencySource::none && f.unit.currency;
  w.key("currency");
  money ? w.string(f.unit.currency->code()) : w.null();
  w.key("currency_source");
  money ? w.string(to_string(f.currency_source)) : w.null();
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
  // Figures of one sentence follow each other: its JSON is written once and copied.
  w.string(text.substr(f.sentence.begin, f.sentence.end - f.sentence.begin), sentence);
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
  {
    body.reserve(body.size() + extraction.figures.size() * 1024 + 64);  // about 1 KB a figure: no copy as it grows
    // The writer fills the room once (JsonWriter::grow): on 2-MB pages for many figures.
    extract_detail::advise_huge_pages(body.data() + body.size(), body.capacity() - body.size());
    JsonWriter w(body);
    JsonWriter::Recent sentence;
    for (std::size_t i = 0; i < extraction.figures.size(); ++i) {
      w.raw(i ? ",\n" : "\n");
      // Keys in the order written; any invalid byte replaced rather than fail.
      figure_json(w, extraction.figures[i], i, text, sentence);
    }
  }  // `body` holds what was written
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
    const std::string_view figure =
        std::string_view(f.text).substr(f.hedge_verb.empty() ? 0 : f.text.find_first_not_of(" \t", f.hedge_verb.size()));
    // A loss of an amount written as such (`an operating loss of $210 million`) is the
    // negative of the metric it is a loss of: drafted so, for check to compare with reported
    // data; a hedged, ranged or already negative figure keeps the loss form (negating it
    // would turn a bound around).
    const bool negated = !c.loss_of.empty() && f.quoted && f.quoted->qualifier == Qualifier::none &&
                         !f.quoted->is_range() && f.quoted->value.sign() > 0 && f.hedge_verb.empty();
    field(negated ? "-" + std::string(figure) : std::string(figure));
    field(c.entity.value);
    field("");  // listing: the text rarely says which
    field(c.segment.value);
    field(negated ? std::string_view(c.loss_of) : c.metric.known() ? std::string_view(c.metric.value) : std::string_view("other"));
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
    if (negated) notes += fmt::format("; a loss ('{}'): drafted as {}, negative", c.metric.evidence, c.loss_of);
    notes += fmt::format("; confidence entity {:.1f}, metric {:.1f}, period {:.1f}", c.entity.confidence,
                         c.metric.confidence, c.period.confidence);
    csv::append_field(out, notes);
    out += '\n';
  }
  return out;
}

}  // namespace finmetrics
