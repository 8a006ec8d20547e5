#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"

// `half` alone is a share of something (0.5x, as `less than half` is) only where it
// reads as one; as a part of a period or a number it is no figure.

using namespace finmetrics;

namespace {

std::vector<std::string> read(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& f : extract_figures(text).figures) {
    out.push_back(f.text + " " + std::string(to_string(f.kind)) + " " + (f.interval ? f.interval->to_string() : ""));
  }
  return out;
}

}  // namespace

TEST_CASE("half alone as a share of something is 0.5x", "[extract][half]") {
  const std::vector<std::string> half{"half multiple [0.45, 0.55)"};
  CHECK(read("Half of revenue came from cloud.") == std::vector<std::string>{"Half multiple [0.45, 0.55)"});
  CHECK(read("Profit fell by half.") == half);
  CHECK(read("Sales were cut in half, it said.") == half);
  CHECK(read("Cloud accounted for half of sales.") == half);
  CHECK(read("The stock is worth half its peak.") == half);
  CHECK(read("It holds half the market.") == half);
  CHECK(read("More than half of revenue.") == std::vector<std::string>{"More than half multiple (0.5, +inf)"});
}

TEST_CASE("half as a part of a period, of a number or of a phrase is no share", "[extract][half]") {
  for (const std::string_view text :
       {"In the first half of 2024 sales rose.", "The second half was weak.", "Half-year results were due.",
        "It took half a year and half an hour.", "By half of the year.", "Half of 2024 was bad.",
        "the back half of the year", "half time", "a half-point cut"}) {
    INFO(text);
    CHECK(read(text).empty());
  }
  // "one and a half times" is 1.5x, never "a half" (50%).
  CHECK(read("Sales rose one and a half times.") == std::vector<std::string>{"one and a half times multiple [1.45, 1.55)"});
  CHECK(read("It spent two and a half billion dollars.") ==
        std::vector<std::string>{"two and a half billion dollars money [2450000000, 2550000000)"});
}
