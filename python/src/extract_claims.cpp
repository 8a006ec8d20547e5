// extract_claims: an article's figures as the rows of `finmetrics extract
// --format csv` (the draft claims file), for tables of figures over many
// documents (finmetrics/dask). The article is read as the CLI reads a plain-text
// or Markdown file, with the CLI's options; the rows are the library's own
// `draft_claims_csv`, cut back into fields by the library's CSV reader, so
// writing them with minimal quoting gives the CLI's bytes.
#include <optional>
#include <string>
#include <vector>

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "common.hpp"
#include "finmetrics/extract/article_text.hpp"
#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/extract/figure_report.hpp"
#include "finmetrics/extract/issuer_names.hpp"
#include "finmetrics/io/csv.hpp"
#include "finmetrics/lexicon/lexicon.hpp"

namespace finmetrics::python {

namespace {

std::optional<Currency> currency_option(const std::optional<std::string>& code, const char* name) {
  if (!code) return std::nullopt;
  const auto c = Currency::from_code(*code);
  if (!c) throw py::value_error(std::string(name) + ": '" + *code + "' is not an ISO 4217 currency code");
  return *c;
}

}  // namespace

void bind_extract_claims(py::module_& m) {
  m.def(
      "extract_claims",
      [](const py::bytes& article, const std::string& document, std::optional<std::string> article_date,
         std::optional<std::string> dollar, std::optional<std::string> yen, const std::string& input_format,
         bool word_forms, const std::vector<std::string>& issuers, const std::string& locale) {
        ExtractOptions options;
        options.word_forms = word_forms;
        if (article_date) options.article_date = value_or_raise(parse_date(*article_date));
        options.dollar = currency_option(dollar, "dollar");
        options.yen = currency_option(yen, "yen");
        if (!locale.empty()) {  // as the CLI's --locale
          if (Lexicon::builtin().locale(locale) == nullptr)
            throw py::value_error("locale: unknown locale '" + locale + "' (data/lexicon/locales.csv)");
          options.parse.locale = locale;
        }
        for (const std::string& file : issuers) options.issuers.push_back(value_or_raise(load_issuer_names(file)));
        const auto format = article_format_named(input_format);
        if (!format || *format == ArticleFormat::html)
          throw py::value_error("input_format: text or markdown, not '" + input_format + "'");
        const std::string_view bytes = article;
        std::string csv_text, skipped_text;
        std::size_t replaced = 0;
        std::vector<std::string> skipped;
        {
          py::gil_scoped_release unlocked;
          const ArticleText text = *format == ArticleFormat::markdown ? markdown_article(bytes) : plain_article(bytes);
          replaced = text.info.invalid_bytes_replaced;
          const Extraction found = extract_figures(text.text, options);
          csv_text = draft_claims_csv(found, text.text, document);
          for (const Error& e : found.skipped) skipped.push_back(e.message);
        }
        // Back into fields; the first record is the header.
        csv::RecordSplitter splitter;
        splitter.feed(csv_text);
        std::vector<std::string_view> fields;
        std::string scratch;
        py::list rows;
        py::object header = py::none();
        const auto add = [&](const csv::RawRecord& record) {
          if (auto ok = csv::split_record(record.text, fields, scratch); !ok) raise(ok.error());
          py::tuple row(fields.size());
          for (std::size_t i = 0; i < fields.size(); ++i)
            row[i] = py::reinterpret_steal<py::str>(
                PyUnicode_DecodeUTF8(fields[i].data(), static_cast<Py_ssize_t>(fields[i].size()), "replace"));
          if (header.is_none()) header = row;
          else rows.append(row);
        };
        while (auto record = splitter.next()) add(*record);
        if (auto last = splitter.finish()) add(*last);
        return py::make_tuple(header, rows, skipped, replaced);
      },
      py::arg("article"), py::arg("document"), py::arg("article_date") = py::none(), py::arg("dollar") = py::none(),
      py::arg("yen") = py::none(), py::arg("input_format") = "text", py::arg("word_forms") = true,
      py::arg("issuers") = std::vector<std::string>{}, py::arg("locale") = "",
      "An article's figures as `finmetrics extract --format csv` writes them: (header, rows, skipped,\n"
      "invalid_bytes_replaced); each row a tuple of str (id, document, quote, figure, entity, listing,\n"
      "segment, metric, period, as_of, relation, notes).");
}

}  // namespace finmetrics::python
