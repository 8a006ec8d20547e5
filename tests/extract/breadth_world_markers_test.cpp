// Markers and scales of coverage outside the seeds' markets, each pinned: a one-letter
// scale written apart from an amount (`SEK 109.4 M`, read as SEK 109.4 before: silently
// wrong), the naira (`N302.5 billion`), the shekel (`NIS`, agorot), the Kenyan
// shilling (`KShs`, `Ksh`) and the shilling family (`Sh`), the Turkish `TL`, Malaysian
// `bil`, the dong, Peruvian soles, and `P`/`Ps.` of the peso family (never guessed).

#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/parse/parse_figure.hpp"

using namespace finmetrics;

namespace {

struct Read {
  std::string text, kind, value, upper, unit, source;
  bool operator==(const Read&) const = default;
};

std::vector<Read> reads(std::string_view text) {
  std::vector<Read> out;
  for (const auto& f : extract_figures(text).figures) {
    out.push_back({f.text, std::string(to_string(f.kind)), f.quoted ? f.quoted->value.to_string() : "",
                   f.quoted && f.quoted->upper ? f.quoted->upper->to_string() : "", f.unit.to_string(),
                   f.currency_source == CurrencySource::none ? "" : std::string(to_string(f.currency_source))});
  }
  return out;
}

std::vector<std::string> skipped(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& e : extract_figures(text).skipped) out.push_back(e.message);
  return out;
}

}  // namespace

TEST_CASE("a one-letter scale apart from an amount marked before its number is its scale", "[extract][breadth][world]") {
  // Nordic interim reports: `SEK 109.4 M (107.3)` was read as SEK 109.4.
  CHECK(reads("Net sales increased to SEK 1,341.3 M and operating profit to SEK 109.4 M.") ==
        std::vector<Read>{{"SEK 1,341.3 M", "money", "1341300000", "", "SEK", "explicit"},
                          {"SEK 109.4 M", "money", "109400000", "", "SEK", "explicit"}});
  CHECK(reads("It paid $5 M, or about € 3.2 m, and guided to $5-6 M (a range).") ==
        std::vector<Read>{{"$5 M", "money", "5000000", "", "USD", "default"},
                          {"about € 3.2 m", "money", "3200000", "", "EUR", "explicit"},
                          {"$5-6 M", "money", "5000000", "6000000", "USD", "default"}});
  // Not a scale: a letter that starts a word or a compound, a letter after a number
  // with no marker before it, a marker after the number.
  CHECK(reads("a $5 M&A fee and US$5 T-bills") ==
        std::vector<Read>{{"$5", "money", "5", "", "USD", "default"}, {"US$5", "money", "5", "", "USD", "explicit"}});
  CHECK(reads("The wall is 5 M high.").empty());
  CHECK(reads("It cost 5 SEK M.") == std::vector<Read>{{"5 SEK", "money", "5", "", "SEK", "explicit"}});
  // The grammar itself keeps a one-letter scale glued: a figure column's `$5 M` is no amount.
  CHECK_FALSE(parse_figure("$5 M"));
  CHECK(parse_figure("$5M")->value.to_string() == "5000000");
}

TEST_CASE("naira, shekel, Kenyan shilling and Turkish lira markers of their own press", "[extract][breadth][world]") {
  CHECK(reads("Profit after tax was N302.5 billion; revenue N1,412.7 billion and NGN 506.2 billion abroad.") ==
        std::vector<Read>{{"N302.5 billion", "money", "302500000000", "", "NGN", "explicit"},
                          {"N1,412.7 billion", "money", "1412700000000", "", "NGN", "explicit"},
                          {"NGN 506.2 billion", "money", "506200000000", "", "NGN", "explicit"}});
  // One letter: as the rand's R, only with a scale or a thousands group.
  CHECK(reads("The target is N480.").empty());
  CHECK(skipped("The target is N480.") ==
        std::vector<std::string>{"byte 14: 'N480': a one-letter currency marker without a scale or a thousands group "
                                 "may be a name or a label: not read"});
  CHECK(reads("Net profit was NIS 1.171 billion, or 78 agorot a share, against 59 agorot.") ==
        std::vector<Read>{{"NIS 1.171 billion", "money", "1171000000", "", "ILS", "explicit"},
                          {"78 agorot a share", "per_share", "0.78", "", "ILS per share", "explicit"},
                          {"59 agorot", "money", "0.59", "", "ILS", "explicit"}});
  CHECK(reads("Net income rose to KShs 74.5 billion and M-Pesa revenue to Ksh161.1 billion.") ==
        std::vector<Read>{{"KShs 74.5 billion", "money", "74500000000", "", "KES", "explicit"},
                          {"Ksh161.1 billion", "money", "161100000000", "", "KES", "explicit"}});
  CHECK(reads("Net income was TL 5.9 billion, and 61.2 billion liras were paid.") ==
        std::vector<Read>{{"TL 5.9 billion", "money", "5900000000", "", "TRY", "explicit"},
                          {"61.2 billion liras", "money", "61200000000", "", "TRY", "explicit"}});
}

TEST_CASE("Malaysian bil, the dong, Peruvian soles", "[extract][breadth][world]") {
  // `mil` stays out of the scales (scale_from_token's "mil": a thousandth of an inch, the
  // Spanish thousand): `RM277mil` is refused with its reason, never read as RM277.
  CHECK(skipped("Costs rose RM277mil.") ==
        std::vector<std::string>{"byte 11: 'RM277mil': unknown scale or unit 'mil' after the number"});
  CHECK(reads("Net profit rose to RM2.63bil; sales were 4.9 trillion dong, "
              "or VND 4.9 trillion, and 412 million Peruvian soles.") ==
        std::vector<Read>{{"RM2.63bil", "money", "2630000000", "", "MYR", "explicit"},
                          {"4.9 trillion dong", "money", "4900000000000", "", "VND", "explicit"},
                          {"VND 4.9 trillion", "money", "4900000000000", "", "VND", "explicit"},
                          {"412 million Peruvian soles", "money", "412000000", "", "PEN", "explicit"}});
}

TEST_CASE("P, Ps. and Sh name a family: the grammar never guesses which", "[parse][breadth][world]") {
  // P is the Philippine press's peso (and Botswana's pula); Ps. a Mexican or Colombian
  // release's peso; Sh the Kenyan, Tanzanian or Ugandan shilling.
  for (const char* figure : {"P13.1 billion", "Ps. 107,421 million", "Sh19.45", "48.1 billion shillings"}) {
    INFO(figure);
    const auto r = parse_figure(figure);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::ambiguous);
  }
  CHECK(parse_figure("30.7 billion Kenyan shillings")->unit.currency == Currency::from_code("KES").value());
  // In a text that names one shilling, the shillings are that one (`document`).
  CHECK(reads("Service revenue rose to KES 388.7 billion, a payout of 48.1 billion shillings.") ==
        std::vector<Read>{{"KES 388.7 billion", "money", "388700000000", "", "KES", "explicit"},
                          {"48.1 billion shillings", "money", "48100000000", "", "KES", "document"}});
}
