// A plain number in brackets after a word is an accounting negative ("Net loss
// (1,234.5)") or an aside: before, the brackets were dropped and the number read
// positive, its sign silently lost. Now it is refused with the reason, as an amount of
// money there is; at the start of a line or cell it still reads negative, and after
// another figure it is an aside, read as written.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "extracted_money.hpp"
#include "finmetrics/extract/extract_figures.hpp"

using finmetrics::test::skipped;

namespace {

struct Number {
  std::string text, value;
  bool operator==(const Number&) const = default;
};

std::vector<Number> numbers(std::string_view text) {
  std::vector<Number> out;
  for (const auto& f : finmetrics::extract_figures(text).figures) {
    out.push_back({f.text, f.quoted ? f.quoted->value.to_string() : ""});
  }
  return out;
}

}  // namespace

TEST_CASE("a grouped or scaled number in brackets after a word is refused, not read positive", "[extract][brackets]") {
  CHECK(numbers("Net loss (1,234.5) (987.0) N/A").empty());
  CHECK(skipped("Net loss (1,234.5) (987.0) N/A") ==
        std::vector<std::string>{
            "byte 9: '(1,234.5)': a number in brackets after a word is an accounting negative or an aside: not read"});
  CHECK(numbers("Operating loss was (1,234) million.").empty());
  CHECK(skipped("Operating loss was (1,234) million.") ==
        std::vector<std::string>{
            "byte 19: '(1,234)': a number in brackets after a word is an accounting negative or an aside: not read"});
  CHECK(skipped("Cash flow was (1.2 million).") ==
        std::vector<std::string>{
            "byte 14: '(1.2 million)': a number in brackets after a word is an accounting negative or an aside: "
            "not read"});
}

TEST_CASE("brackets at the start of a line, after a figure, or around a count keep their readings", "[extract][brackets]") {
  CHECK(numbers("Net loss\n(1,234.5)") == std::vector<Number>{{"(1,234.5)", "-1234.5"}});
  CHECK(numbers("Revenue rose to 5,000 (4,500) tonnes") == std::vector<Number>{{"5,000", "5000"}, {"4,500", "4500"}});
  CHECK(numbers("The plant (12,345 workers) closed.") == std::vector<Number>{{"12,345 workers", "12345"}});
  // Ungrouped small numbers are no figures, in brackets or not: nothing to refuse.
  CHECK(numbers("in 2023 (2022) and note (12)").empty());
  CHECK(skipped("in 2023 (2022) and note (12)").empty());
}
