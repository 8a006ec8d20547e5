#include "finmetrics/extract/figure_report.hpp"

#include <string>

#include <fmt/format.h>

#include "finmetrics/claims/claim.hpp"
#include "finmetrics/io/csv.hpp"

namespace finmetrics {

namespace {

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

std::string value_text(const ExtractedFigure& f) {
  if (!f.quoted) return {};
  if (f.quoted->upper) return fmt::format("{}..{}", f.quoted->value.to_string(), f.quoted->upper->to_string());
  return f.quoted->value.to_string();
}

std::string interval_text(const ExtractedFigure& f) { return f.interval ? f.interval->to_string() : std::string{}; }

std::string unit_text(const ExtractedFigure& f) { return f.unit.to_string(); }

void append_guess(std::string& out, std::string_view name, const ContextGuess& g) {
  append_json_string(out, name);
  out += ":{\"value\":";
  if (g.known()) {
    append_json_string(out, g.value);
  } else {
    out += "null";
  }
  out += fmt::format(",\"confidence\":{:.2f},\"evidence\":", g.confidence);
  append_json_string(out, g.evidence);
  out += '}';
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

std::string figures_json(const Extraction& extraction, std::string_view text) {
  std::string out = "{\"article_date\":";
  if (extraction.article_date) {
    append_json_string(out, to_string(*extraction.article_date));
  } else {
    out += "null";
  }
  out += ",\"figures\":[";
  for (std::size_t i = 0; i < extraction.figures.size(); ++i) {
    const ExtractedFigure& f = extraction.figures[i];
    if (i) out += ',';
    out += fmt::format("\n{{\"id\":\"E{}\",\"begin\":{},\"end\":{},\"text\":", i + 1, f.span.begin, f.span.end);
    append_json_string(out, f.text);
    out += ",\"kind\":";
    append_json_string(out, to_string(f.kind));
    out += fmt::format(",\"word_form\":{},\"value\":", f.word_form ? "true" : "false");
    if (f.quoted) {
      append_json_string(out, f.quoted->value.to_string());
      out += ",\"upper\":";
      if (f.quoted->upper) {
        append_json_string(out, f.quoted->upper->to_string());
      } else {
        out += "null";
      }
    } else {
      out += "null,\"upper\":null";
    }
    out += ",\"unit\":";
    append_json_string(out, unit_text(f));
    out += ",\"qualifier\":";
    append_json_string(out, to_string(f.qualifier));
    out += ",\"interval\":";
    if (f.interval) {
      append_json_string(out, f.interval->to_string());
    } else {
      out += "null";
    }
    out += ",\"linked\":";
    out += f.linked ? fmt::format("\"E{}\"", *f.linked + 1) : std::string("null");
    out += ",\"sentence\":";
    append_json_string(out, text.substr(f.sentence.begin, f.sentence.end - f.sentence.begin));
    out += ",\"before\":";
    append_json_string(out, f.before);
    out += ",\"after\":";
    append_json_string(out, f.after);
    out += ",\"context\":{";
    append_guess(out, "entity", f.context.entity);
    out += ',';
    append_guess(out, "segment", f.context.segment);
    out += ',';
    append_guess(out, "metric", f.context.metric);
    out += ',';
    append_guess(out, "period", f.context.period);
    out += ',';
    append_guess(out, "direction", f.context.direction);
    out += "}}";
  }
  out += "\n],\"skipped\":[";
  for (std::size_t i = 0; i < extraction.skipped.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, extraction.skipped[i].message);
  }
  out += "]}\n";
  return out;
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
