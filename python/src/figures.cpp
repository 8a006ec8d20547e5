// parse_figure and extract: figures as dicts that finmetrics/_figures.py turns
// into `Figure` objects.
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "common.hpp"
#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/parse/parse_figure.hpp"

namespace finmetrics::python {

namespace {

std::string qualifier_name(Qualifier q) {
  const std::string_view s = to_string(q);
  return s.empty() ? std::string("none") : std::string(s);
}

// How the currency was decided, in words, from the library's own account of it
// (QuotedFigure/ExtractedFigure::currency_source): `stated` (its own marker names
// the currency), `context: '$' read as USD` (a bare sign or word read by the
// caller's option or the default), `document: 'HK$92.50' names HKD` (a bare sign
// resolved by an explicit marker elsewhere in the text, extract only).
std::string currency_resolution(const Unit& unit, CurrencySource source, std::string_view marker,
                                const CurrencyEvidence* evidence) {
  if (!unit.currency) return "none";
  const std::string code(unit.currency->code());
  switch (source) {
    case CurrencySource::explicit_: return "stated";
    case CurrencySource::option:
    case CurrencySource::default_: return "context: '" + std::string(marker) + "' read as " + code;
    case CurrencySource::document:
      if (evidence != nullptr) return "document: '" + evidence->marker + "' names " + code;
      return "document: read as " + code;
    case CurrencySource::none: break;
  }
  return "stated";
}

// The source as the JSON writes it, `none` where it writes nothing (not money).
std::string source_name(CurrencySource s) {
  const std::string_view name = to_string(s);
  return name.empty() ? std::string("none") : std::string(name);
}

py::object evidence_of(const std::optional<CurrencyEvidence>& e) {
  if (!e) return py::none();
  return py::make_tuple(e->marker, py::make_tuple(e->span.begin, e->span.end), std::string(e->currency.code()));
}

py::dict figure_dict(const QuotedFigure& f) {
  py::dict d;
  d["text"] = f.text;
  d["span"] = py::make_tuple(f.span.begin, f.span.end);
  d["value"] = to_py(f.value);
  d["number"] = to_py(f.number);
  d["scale"] = std::string(f.scale.symbol);
  d["upper"] = f.upper ? to_py(*f.upper) : py::none();
  d["unit"] = f.unit.to_string();
  d["dimension"] = std::string(to_string(f.unit.dimension));
  d["currency"] = f.unit.currency ? py::object(py::str(std::string(f.unit.currency->code()))) : py::object(py::none());
  d["currency_source"] = source_name(f.currency_source);
  d["currency_resolution"] = currency_resolution(f.unit, f.currency_source, f.currency_marker, nullptr);
  d["per"] = f.unit.per == Per::whole ? py::object(py::none()) : py::object(py::str(std::string(to_string(f.unit.per))));
  d["qualifier"] = qualifier_name(f.qualifier);
  d["hedge"] = std::string(to_string(hedge_of(f.qualifier)));
  d["interval"] = to_py(f.interval());
  d["rounding_interval"] = to_py(f.rounding_interval());
  py::list equivalents;
  for (const QuotedFigure& e : f.equivalents) equivalents.append(figure_dict(e));
  d["equivalents"] = equivalents;
  return d;
}

CurrencyContext context_of(const std::optional<std::string>& dollar, const std::optional<std::string>& yen) {
  CurrencyContext c;
  if (dollar) c.dollar = value_or_raise(Currency::from_code(*dollar));
  if (yen) c.yen_or_yuan = value_or_raise(Currency::from_code(*yen));
  return c;
}

}  // namespace

void bind_figures(py::module_& m) {
  m.def(
      "parse_figure",
      [](std::string_view text, std::optional<std::string> dollar, std::optional<std::string> yen, bool count_nouns) {
        ParseOptions options;
        options.currency = context_of(dollar, yen);
        options.count_nouns = count_nouns;
        return figure_dict(value_or_raise(parse_figure(text, options)));
      },
      py::arg("text"), py::arg("dollar") = "USD", py::arg("yen") = py::none(), py::arg("count_nouns") = true);

  m.def(
      "extract",
      [](std::string_view text, std::optional<std::string> article_date, std::optional<std::string> dollar,
         std::optional<std::string> yen, bool word_forms, bool context) {
        ExtractOptions options;
        options.parse.currency = context_of(dollar, yen);
        if (article_date) options.article_date = value_or_raise(parse_date(*article_date));
        options.word_forms = word_forms;
        options.context = context;
        Extraction found;
        {
          py::gil_scoped_release unlocked;  // pure C++ over the text
          found = extract_figures(text, options);
        }
        py::list figures;
        for (const ExtractedFigure& f : found.figures) {
          py::dict d = f.quoted ? figure_dict(*f.quoted) : py::dict();
          d["text"] = f.text;
          d["span"] = py::make_tuple(f.span.begin, f.span.end);
          d["kind"] = std::string(to_string(f.kind));
          d["word_form"] = f.word_form;
          d["qualifier"] = qualifier_name(f.qualifier);
          if (!f.quoted) {
            d["unit"] = f.unit.to_string();
            d["currency"] = f.unit.currency ? py::object(py::str(std::string(f.unit.currency->code()))) : py::object(py::none());
            d["per"] = f.unit.per == Per::whole ? py::object(py::none()) : py::object(py::str(std::string(to_string(f.unit.per))));
          }
          // The extractor's account of the currency (the document's markers included)
          // is the one that holds, with its evidence.
          const CurrencyEvidence* evidence = f.currency_evidence ? &*f.currency_evidence : nullptr;
          d["currency_source"] = source_name(f.currency_source);
          d["currency_evidence"] = evidence_of(f.currency_evidence);
          d["currency_resolution"] = currency_resolution(
              f.unit, f.currency_source, f.quoted ? std::string_view(f.quoted->currency_marker) : std::string_view(f.text),
              evidence);
          d["interval"] = f.interval ? py::object(to_py(*f.interval)) : py::none();
          d["sentence"] = std::string(text.substr(f.sentence.begin, f.sentence.size()));
          py::dict ctx;
          for (const auto& [name, guess] : {std::pair<const char*, const ContextGuess*>{"entity", &f.context.entity},
                                            {"segment", &f.context.segment},
                                            {"metric", &f.context.metric},
                                            {"period", &f.context.period},
                                            {"direction", &f.context.direction}}) {
            ctx[name] = guess->known() ? py::make_tuple(guess->value, guess->confidence, guess->evidence) : py::object(py::none());
          }
          d["context"] = ctx;
          figures.append(d);
        }
        py::list skipped;
        for (const Error& e : found.skipped) skipped.append(e.describe());
        return py::make_tuple(figures, skipped,
                              found.article_date ? py::object(to_py(*found.article_date)) : py::object(py::none()));
      },
      py::arg("text"), py::arg("article_date") = py::none(), py::arg("dollar") = "USD", py::arg("yen") = py::none(),
      py::arg("word_forms") = true, py::arg("context") = true);
}

}  // namespace finmetrics::python
