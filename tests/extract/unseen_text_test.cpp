#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "fixture_files.hpp"
#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/io/csv.hpp"
#include "shared_data.hpp"

// Passages written for this test in the styles of coverage the seeds never showed
// (tests/extract/unseen/*.txt: earnings releases of Chinese, Indian, Japanese,
// Korean, Brazilian and European companies, an HKEX announcement, Reuters, FT,
// Bloomberg and Telegraph news), each with every figure it holds labelled by hand
// in `<name>.expected.csv`: text, kind, value (`low..high` for a range; the
// interval of a word form without a value), unit and how the currency was decided,
// then a `#skipped` row per refusal with its reason; `<name>.options` says what a
// caller would (`locale=it`). A figure read with another
// value or currency than the text says fails here.

using namespace finmetrics;

namespace {

std::vector<std::vector<std::string>> read_rows(const std::string& text, const ExtractOptions& options) {
  std::vector<std::vector<std::string>> rows{{"text", "kind", "value", "unit", "currency_source"}};
  const Extraction e = extract_figures(text, options);
  for (const auto& f : e.figures) {
    std::string value = f.quoted ? f.quoted->value.to_string() : (f.interval ? f.interval->to_string() : "");
    if (f.quoted && f.quoted->upper) value += ".." + f.quoted->upper->to_string();
    const bool money = f.kind == FigureKind::money || f.kind == FigureKind::per_share || f.kind == FigureKind::unit_price;
    // a unit price's unit as the JSON writes it: "USD per barrel"
    const std::string unit = f.unit.to_string() + (f.kind == FigureKind::unit_price ? " per " + f.unit.noun : "");
    rows.push_back({f.text, std::string(to_string(f.kind)), value, unit,
                    money ? std::string(to_string(f.currency_source)) : ""});
  }
  for (const auto& s : e.skipped) rows.push_back({"#skipped", s.message, "", "", ""});
  return rows;
}

}  // namespace

TEST_CASE("unseen passages in other companies' styles read as labelled", "[extract][unseen]") {
  const auto dir = test::source_path("tests/extract/unseen");
  std::vector<std::filesystem::path> passages;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") passages.push_back(entry.path());
  }
  REQUIRE(passages.size() >= 14);
  std::size_t figures = 0;
  for (const auto& p : passages) {
    INFO(p.filename().string());
    auto expected_path = p;
    expected_path.replace_extension(".expected.csv");
    const auto expected = test::csv_records(test::slurp(expected_path));
    // `<name>.options`: what the caller would say, one `key=value` a line (`locale=it`:
    // an Italian release that writes decimal commas and dot groups).
    ExtractOptions options;
    auto options_path = p;
    options_path.replace_extension(".options");
    if (std::filesystem::exists(options_path)) {
      std::istringstream lines(test::slurp(options_path));
      for (std::string line; std::getline(lines, line);) {
        const auto eq = line.find('=');
        REQUIRE(eq != std::string::npos);
        const std::string key = line.substr(0, eq);
        REQUIRE(key == "locale");
        options.parse.locale = line.substr(eq + 1);
      }
    }
    const auto got = read_rows(test::slurp(p), options);
    CHECK(got.size() == expected.size());
    for (std::size_t i = 0; i < std::min(got.size(), expected.size()); ++i) {
      INFO("row " << i);
      CHECK(got[i] == expected[i]);
    }
    figures += expected.size() - 1;
  }
  CHECK(figures >= 250);
}
