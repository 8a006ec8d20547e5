#include "finmetrics/extract/figure_report.hpp"

#include <cmath>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "finmetrics/claims/claim.hpp"
#include "finmetrics/io/csv.hpp"

namespace finmetrics {

namespace {

std::string value_text(const ExtractedFigure& f) {
  if (!f.quoted) return {};
  if (f.quoted->upper) return fmt::format("{}..{}", f.quoted->value.to_string(), f.quoted->upper->to_string());
  return f.quoted->value.to_string();
}

std::string interval_text(const ExtractedFigure& f) { return f.interval ? f.interval->to_string() : std::string{}; }

std::string unit_text(const ExtractedFigure& f) { return f.unit.to_string(); }

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
  out += fmt::format("{} figures ({} in words, marked *){}{}\n", extraction.figures.size(),
                     [&] {
                       std::size_t n = 0;
                       for (const auto& f : extraction.figures) n += f.word_form ? 1 : 0;
                       return n;
                     }(),
                     extraction.skipped.empty() ? "" : fmt::format("; {} candidates skipped", extraction.skipped.size()),
                     extraction.article_date ? fmt::format("; article date {}", to_string(*extraction.article_date))
                                             : std::string("; article date unknown"));
  return out;
}

namespace {

nlohmann::ordered_json guess_json(const ContextGuess& g) {
  return {{"value", g.known() ? nlohmann::ordered_json(g.value) : nlohmann::ordered_json(nullptr)},
          // A ranking score, printed to two decimals.
          {"confidence", std::round(g.confidence * 100) / 100},
          {"evidence", g.evidence}};
}

nlohmann::ordered_json or_null(const std::optional<std::string>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json figure_json(const ExtractedFigure& f, std::size_t i, std::string_view text) {
  nlohmann::ordered_json j;
  j["id"] = fmt::format("E{}", i + 1);
  j["begin"] = f.span.begin;
  j["end"] = f.span.end;
  j["text"] = f.text;
  j["kind"] = to_string(f.kind);
  j["word_form"] = f.word_form;
  j["value"] = or_null(f.quoted ? std::optional<std::string>(f.quoted->value.to_string()) : std::nullopt);
  j["upper"] = or_null(f.quoted && f.quoted->upper ? std::optional<std::string>(f.quoted->upper->to_string())
                                                   : std::nullopt);
  j["unit"] = unit_text(f);
  j["qualifier"] = to_string(f.qualifier);
  j["interval"] = or_null(f.interval ? std::optional<std::string>(f.interval->to_string()) : std::nullopt);
  j["linked"] = or_null(f.linked ? std::optional<std::string>(fmt::format("E{}", *f.linked + 1)) : std::nullopt);
  const bool money = f.currency_source != CurrencySource::none && f.unit.currency;
  j["currency"] = or_null(money ? std::optional<std::string>(std::string(f.unit.currency->code())) : std::nullopt);
  j["currency_source"] = or_null(money ? std::optional<std::string>(std::string(to_string(f.currency_source)))
                                       : std::nullopt);
  // Only a currency the text or the caller states is certain; a default or an inference is not.
  j["currency_certain"] = money && (f.currency_source == CurrencySource::explicit_ ||
                                    f.currency_source == CurrencySource::option);
  if (f.currency_evidence) {
    j["currency_evidence"] = {{"marker", f.currency_evidence->marker},
                              {"begin", f.currency_evidence->span.begin},
                              {"end", f.currency_evidence->span.end},
                              {"currency", std::string(f.currency_evidence->currency.code())}};
  } else {
    j["currency_evidence"] = nullptr;
  }
  j["sentence"] = std::string(text.substr(f.sentence.begin, f.sentence.end - f.sentence.begin));
  j["before"] = f.before;
  j["after"] = f.after;
  j["context"] = {{"entity", guess_json(f.context.entity)},
                  {"segment", guess_json(f.context.segment)},
                  {"metric", guess_json(f.context.metric)},
                  {"period", guess_json(f.context.period)},
                  {"direction", guess_json(f.context.direction)}};
  return j;
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
    // Objects keep nlohmann's key order (sorted); replace any invalid byte rather than fail.
    body += figure_json(extraction.figures[i], i, text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
    if (!c.metric.known()) notes += "; metric not read from the text";
    notes += fmt::format("; confidence entity {:.1f}, metric {:.1f}, period {:.1f}", c.entity.confidence,
                         c.metric.confidence, c.period.confidence);
    csv::append_field(out, notes);
    out += '\n';
  }
  return out;
}

}  // namespace finmetrics
