#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"

// An exchange rate quoted in a headline is no amount of money: which currency its
// number is in depends on the market's convention (EUR/USD in dollars, USD/INR in
// rupees), so the extractor refuses it with a reason instead of reading the
// currency written before the number.

using namespace finmetrics;

namespace {

std::vector<std::string> texts(const Extraction& e) {
  std::vector<std::string> out;
  for (const auto& f : e.figures) out.push_back(f.text + " " + f.unit.to_string());
  return out;
}

std::vector<std::string> refused(const Extraction& e) {
  std::vector<std::string> out;
  for (const auto& s : e.skipped) out.push_back(s.message);
  return out;
}

}  // namespace

TEST_CASE("a currency, a number and a relation to another currency is an exchange rate, refused",
          "[extract][fx]") {
  const Extraction e = extract_figures("Euro 1.08 against the dollar as traders weigh rate cuts.");
  CHECK(e.figures.empty());
  CHECK(refused(e) == std::vector<std::string>{
                          "byte 0: 'Euro 1.08 against the dollar': an exchange rate, not an amount (in which currency "
                          "depends on the market's convention): not read"});
  for (const std::string_view text : {"Rupee 83.4 vs dollar", "Rupee 83.4 vs. the dollar", "the yen at JPY 151 versus the euro",
                                      "paid $1.08 per euro", "Rs 83.40 to the dollar", "EUR/USD 1.0850",
                                      "USD/JPY 151.20 on Friday", "Dollar 151.2 yen, a new low"}) {
    INFO(text);
    const Extraction r = extract_figures(text);
    CHECK(r.figures.empty());
    CHECK(r.skipped.size() == 1);
  }
}

TEST_CASE("amounts near another currency stay amounts", "[extract][fx]") {
  // The price of one currency in another, written as an amount, is that amount.
  CHECK(texts(extract_figures("The euro rose to $1.0850 on Tuesday.")) == std::vector<std::string>{"$1.0850 USD"});
  CHECK(texts(extract_figures("The dollar was at 151.20 yen.")) == std::vector<std::string>{"151.20 yen JPY"});
  // "to" without a determiner is a conversion, not a rate; a marker followed by a number is the next figure's.
  CHECK(texts(extract_figures("It converted $5bn to euros.")) == std::vector<std::string>{"$5bn USD"});
  CHECK(texts(extract_figures("raised USD 5bn RMB 81bn")) == std::vector<std::string>{"USD 5bn USD", "RMB 81bn CNY"});
  CHECK(texts(extract_figures("Rmb81bn ($11bn) against Rmb34bn")) ==
        std::vector<std::string>{"Rmb81bn CNY", "$11bn USD", "Rmb34bn CNY"});
  // The same currency twice is no rate.
  CHECK(texts(extract_figures("1 $10 dollars bill")) == std::vector<std::string>{"$10 USD"});
  CHECK(texts(extract_figures("HK$10 HK dollars")) == std::vector<std::string>{"HK$10 HKD"});
  // "per" before a word that names no currency: a per-share amount.
  CHECK(texts(extract_figures("a dividend of HK$1.8 per share")) == std::vector<std::string>{"HK$1.8 per share HKD per share"});
}
