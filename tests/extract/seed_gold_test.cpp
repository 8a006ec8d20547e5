// Precision and recall of extraction against the hand-labelled figures of the five
// seed articles (tests/extract/gold/*.csv). Labels were typed by reading each
// article; the byte spans were then located by searching each label in order.
#include <array>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "fixture_files.hpp"
#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/io/csv.hpp"
#include "shared_data.hpp"

using namespace finmetrics;

namespace {

struct Gold {
  std::size_t begin = 0, end = 0;
  std::string text, kind, value, unit, qualifier, interval;
};

std::vector<Gold> read_gold(const std::filesystem::path& p) {
  std::vector<Gold> out;
  std::istringstream lines(test::slurp(p));
  std::string line;
  std::vector<std::string_view> f;
  std::string scratch;
  std::getline(lines, line);
  REQUIRE(line == "begin,end,text,kind,value,unit,qualifier,interval");
  while (std::getline(lines, line)) {
    REQUIRE(csv::split_record(line, f, scratch));
    REQUIRE(f.size() == 8);
    out.push_back(Gold{std::stoul(std::string(f[0])), std::stoul(std::string(f[1])), std::string(f[2]),
                       std::string(f[3]), std::string(f[4]), std::string(f[5]), std::string(f[6]),
                       std::string(f[7])});
  }
  return out;
}

struct Counts {
  int gold = 0, extracted = 0, found = 0, exact = 0;
};

constexpr std::array seeds{"000_4be4fd45a4304e2c", "001_176cb876e40a5867", "002_af63c1e32f5ec212",
                           "003_86dc9b19e2eddc32", "004_893f16c0d21005b9"};

}  // namespace

TEST_CASE("on the five seed articles every labelled figure is found with its exact value and unit, and nothing else",
          "[extract][gold]") {
  FINMETRICS_REQUIRE_SHARED("seeds/000_4be4fd45a4304e2c.txt");
  std::map<std::string, Counts> by_kind;
  Counts total;
  int words = 0;
  for (const char* seed : seeds) {
    const std::string text = test::slurp(test::shared_path(fmt::format("seeds/{}.txt", seed)));
    const std::vector<Gold> gold = read_gold(test::source_path(fmt::format("tests/extract/gold/{}.csv", seed)));
    const Extraction e = extract_figures(text);
    for (const Gold& g : gold) {
      INFO(seed << ": gold '" << g.text << "'");
      REQUIRE(text.substr(g.begin, g.end - g.begin) == g.text);  // the gold file itself is placed right
      ++by_kind[g.kind].gold;
      ++total.gold;
    }
    for (const ExtractedFigure& f : e.figures) {
      ++by_kind[std::string(to_string(f.kind))].extracted;
      ++total.extracted;
      words += f.word_form ? 1 : 0;
      const Gold* match = nullptr;
      for (const Gold& g : gold)
        if (g.begin == f.span.begin && g.end == f.span.end) match = &g;
      INFO(seed << ": extracted '" << f.text << "' at " << f.span.begin);
      CHECK(match != nullptr);
      if (!match) continue;
      Counts& k = by_kind[match->kind];
      ++k.found;
      ++total.found;
      bool exact = match->kind == to_string(f.kind) && match->unit == f.unit.to_string() &&
                   match->qualifier == to_string(f.qualifier);
      if (!match->value.empty()) {
        exact = exact && f.quoted && f.quoted->value == Decimal::parse(match->value).value();
      } else if (!match->interval.empty()) {
        exact = exact && f.interval && f.interval->to_string() == match->interval;
      } else {
        exact = exact && f.kind == FigureKind::record;
      }
      CHECK(exact);
      if (exact) {
        ++k.exact;
        ++total.exact;
      }
    }
  }
  std::string report = "kind               gold extracted found exact  P(detect) R(detect) P(value) R(value)\n";
  for (const auto& [kind, c] : by_kind) {
    report += fmt::format("{:<18} {:>4} {:>9} {:>5} {:>5}  {:>9.3f} {:>9.3f} {:>8.3f} {:>8.3f}\n", kind, c.gold,
                          c.extracted, c.found, c.exact, c.extracted ? double(c.found) / c.extracted : 1.0,
                          c.gold ? double(c.found) / c.gold : 1.0, c.extracted ? double(c.exact) / c.extracted : 1.0,
                          c.gold ? double(c.exact) / c.gold : 1.0);
  }
  report += fmt::format("{:<18} {:>4} {:>9} {:>5} {:>5}\n", "all", total.gold, total.extracted, total.found,
                        total.exact);
  std::cout << report;

  // Counted by hand from the labels (see docs/extraction.md).
  CHECK(by_kind["money"].gold == 37);
  CHECK(by_kind["per_share"].gold == 1);
  CHECK(by_kind["percent"].gold == 28);
  CHECK(by_kind["percentage_points"].gold == 1);
  CHECK(by_kind["multiple"].gold == 5);
  CHECK(by_kind["count"].gold == 8);
  CHECK(by_kind["number"].gold == 6);
  CHECK(by_kind["record"].gold == 3);
  CHECK(total.gold == 89);
  CHECK(words == 17);
  // Every figure found with its exact value and unit, and nothing more.
  CHECK(total.extracted == 89);
  CHECK(total.found == 89);
  CHECK(total.exact == 89);
  CHECK(by_kind["money"].extracted == 37);
  CHECK(by_kind["money"].exact == 37);
}
