// `Rs` is INR by default, but Pakistan, Sri Lanka, Nepal, Mauritius and the Seychelles
// write it too (cues.csv `marker_shared`): in a text that names one of them and names
// the rupee by no marker of India's own (`₹`, `INR`), an `Rs` figure is that currency,
// decided by the document (src/extract/currency_from_text.hpp). Before, a Pakistani
// article's `Rs 450 billion` was "explicit" INR: silently wrong.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "../../src/extract/currency_from_text.hpp"
#include "finmetrics/parse/read_figure_at.hpp"

using namespace finmetrics;
using namespace finmetrics::extract_detail;

namespace {

// The figure at `needle` read again by what the whole text says: "CUR value evidence", or "" when it stays.
std::string shared(std::string_view text, std::string_view needle) {
  const Lexicon& lex = Lexicon::builtin();
  ParseOptions options;
  std::vector<ExplicitMoney> money;
  for (std::size_t p = 0; p < text.size(); ++p) {
    if (text[p] < '0' || text[p] > '9' || (p > 0 && text[p - 1] >= '0' && text[p - 1] <= '9')) continue;
    const FigureStart start = figure_start_before(text, p, options);
    const Result<QuotedFigure> r = read_figure_at(text, start.marked, options);
    if (r && r->unit.is_money() && r->currency_source == CurrencySource::explicit_) {
      money.push_back(ExplicitMoney{*r->unit.currency, r->span});
    }
  }
  const std::vector<Currency> named = currencies_named(text, lex);
  const std::size_t at = text.find(needle);
  REQUIRE(at != std::string_view::npos);
  const Result<QuotedFigure> q = read_figure_at(text, at, options);
  REQUIRE(q);
  const auto again = shared_marker_of_document(*q, text, money, named, lex, options);
  if (!again) return "";
  return std::string(again->first.unit.currency->code()) + " " + again->first.value.to_string() + " " +
         again->second.marker;
}

}  // namespace

TEST_CASE("Rs in a text that names another rupee is that rupee", "[extract][breadth][rupee]") {
  const std::string pakistan =
      "Engro Corporation reported a profit of PKR 12.5 billion. Its revenue was Rs 450 billion, and it paid "
      "Rs. 15 per share.";
  CHECK(shared(pakistan, "Rs 450") == "PKR 450000000000 PKR 12.5 billion");
  CHECK(shared(pakistan, "Rs. 15") == "PKR 15 PKR 12.5 billion");
  // Named by words only.
  CHECK(shared("Lucky Cement, which reports in Pakistani rupees, earned Rs 30.4 billion.", "Rs 30.4") ==
        "PKR 30400000000 Pakistani rupees");
  CHECK(shared("John Keells posted revenue of Sri Lankan rupees 276 billion; its hotels earned Rs 4.1 billion.",
               "Rs 4.1") == "LKR 4100000000 Sri Lankan rupees 276 billion");
}

TEST_CASE("Rs stays INR where the text names India's rupee or no other", "[extract][breadth][rupee]") {
  // Nothing else named: the default, as written.
  CHECK(shared("Reliance's revenue was Rs 90,333 crore.", "Rs 90,333").empty());
  // India's rupee by a marker of its own beside a Pakistani figure: Rs is not guessed away.
  CHECK(shared("Tata earned ₹4,000 crore, Engro PKR 12.5 billion, and Infosys Rs 6,000 crore.", "Rs 6,000").empty());
  // Two other rupees: no one of them.
  CHECK(shared("Engro earned PKR 12.5 billion and John Keells LKR 20 billion; Rs 5 billion went to taxes.", "Rs 5")
            .empty());
  // A marker that is no shared one.
  CHECK(shared("Engro earned PKR 12.5 billion, and Tata ₹4,000 crore.", "₹4,000").empty());
}
