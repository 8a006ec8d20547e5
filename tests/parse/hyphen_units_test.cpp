#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/parse/parse_figure.hpp"

// A percentage, points or a multiple written as a compound adjective: "a 12-percent
// rise", "a 12-per-cent rise", "a 20-fold jump", "a 50-basis-point cut". The hyphen was
// read as a range's ("expected a number, found 'percent'") and the extractor passed the
// compound over as it does "a 15-month high": the figure was lost, with nothing said.
// `fold` is a unit_word of cues.csv (data), so "20 fold" is a multiple too, no count.

using namespace finmetrics;

namespace {

std::string reading(std::string_view text) {
  const auto r = parse_figure(text);
  if (!r) return "error: " + r.error().message;
  return r->value.to_string() + " " + r->unit.to_string() + " " + std::string(to_string(r->unit.dimension));
}

std::vector<std::string> figures(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& f : extract_figures(text).figures)
    out.push_back(f.text + " = " + (f.quoted ? f.quoted->value.to_string() : "") + " " + f.unit.to_string());
  return out;
}

}  // namespace

TEST_CASE("a unit joined to its number by a hyphen", "[parse][hyphen]") {
  CHECK(reading("12-percent") == "12 % percent");
  CHECK(reading("12-per-cent") == "12 % percent");
  CHECK(reading("12-PCT") == "12 % percent");
  CHECK(reading("0.5-percentage-point") == "0.5 pp percentage_points");
  CHECK(reading("50-basis-points") == "50 bp basis_points");
  CHECK(reading("20-fold") == "20 x multiple");
  CHECK(reading("2.5-fold") == "2.5 x multiple");
  CHECK(reading("20 fold") == "20 x multiple");
  // A range and a money compound keep their readings; other words stay no unit.
  CHECK(reading("5-7%") == "5 % percent");
  CHECK(parse_figure("5-7%")->upper->to_string() == "7");
  CHECK(reading("12-month") == "error: expected a number, found 'month'");
  CHECK(reading("12-percentage") == "error: expected a number, found 'percentage'");
}

TEST_CASE("the compounds in running text", "[parse][hyphen][extract]") {
  CHECK(figures("Sales saw a 12-percent rise and a 12-per-cent gain after a 50-basis-point cut.") ==
        std::vector<std::string>{"12-percent = 12 %", "12-per-cent = 12 %", "50-basis-point = 50 bp"});
  CHECK(figures("Profit rose 2.5-fold; a 5-year plan and 3-month loans are no figures.") ==
        std::vector<std::string>{"2.5-fold = 2.5 x"});
  CHECK(figures("It paid a $10-a-share dividend from a 30-billion-dollar fund.") ==
        std::vector<std::string>{"$10-a-share = 10 USD per share", "30-billion-dollar = 30000000000 USD"});
}
