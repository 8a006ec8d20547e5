#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"
#include "test_issuers.hpp"

using namespace finmetrics;

namespace {

const ExtractedFigure& figure(const Extraction& e, std::string_view text) {
  for (const auto& f : e.figures)
    if (f.text == text) return f;
  FAIL("no figure '" << text << "'");
  throw std::logic_error("unreachable");
}

// Dated, with Alibaba's names, segments and fiscal calendar passed in as a profile would.
Extraction at(std::string_view text, Date date) { return extract_figures(text, test::with_alibaba(date)); }
Extraction undated(std::string_view text) { return extract_figures(text, test::with_alibaba()); }

std::string_view sentence(std::string_view text, std::size_t pos) {
  const TextSpan s = sentence_around(text, pos);
  return text.substr(s.begin, s.size());
}

}  // namespace

TEST_CASE("sentences end at . ! ? before a capital, not after abbreviations or inside numbers", "[extract][context]") {
  const std::string_view t =
      "Alibaba’s U.S.-listed shares rose 26.5% on Aug. 28, 2024. Then they fell. “It’s a change.” Next one\nLine two.";
  CHECK(sentence(t, 40) == "Alibaba’s U.S.-listed shares rose 26.5% on Aug. 28, 2024.");
  CHECK(sentence(t, t.find("fell")) == "Then they fell.");
  CHECK(sentence(t, t.find("change")) == "“It’s a change.”");
  CHECK(sentence(t, t.find("Next")) == "Next one");
  CHECK(sentence(t, t.find("two")) == "Line two.");
  CHECK(sentence("第一句。第二句有5%。", 13) == "第二句有5%。");
}

TEST_CASE("the article date is read from a URL path or a dated first line, never from a day alone",
          "[extract][context]") {
  CHECK(find_article_date("On Aug. 28, 2024 the caption\nbody\nhttps://www.cnbc.com/2025/03/28/alibaba.html") ==
        Date{2025, 3, 28});
  CHECK(find_article_date("Title\n\n04/14 2025 395\n") == Date{2025, 4, 14});
  CHECK(find_article_date("August 28, 2025Comment(4)\n") == Date{2025, 8, 28});
  CHECK(find_article_date("Published 2025-02-25 by us") == Date{2025, 2, 25});
  CHECK(find_article_date("How Jack Ma\n\nThe Financial Times03-17\n") == std::nullopt);
  CHECK(find_article_date("no date here") == std::nullopt);
  // A period's end in a release title is not the article's day; its dateline is.
  CHECK(find_article_date("Results for the Six Months Ended September 30, 2024\n\nTOYOTA CITY, Japan, November 6, "
                          "2024 - Sales revenues") == Date{2024, 11, 6});
  CHECK(find_article_date("Quarter ending March 31, 2025\n") == std::nullopt);
}

TEST_CASE("entity is the nearest company named in the sentence, skipping descriptions of another",
          "[extract][context]") {
  const Extraction e = extract_figures(
      "Alibaba affiliate Ant Group was gearing up for an IPO that would raise north of $34 billion. "
      "Amazon plans to invest over $100 billion by 2025, while Microsoft anticipates an $80 billion investment. "
      "It grew 5%.");
  CHECK(figure(e, "north of $34 billion").context.entity.value == "Ant Group");
  CHECK(figure(e, "over $100 billion").context.entity.value == "Amazon");
  CHECK(figure(e, "over $100 billion").context.metric.value == "investment_plan");
  CHECK(figure(e, "$80 billion").context.entity.value == "Microsoft");
  // No company in the sentence: the last one named before it, with a low confidence.
  CHECK(figure(e, "5%").context.entity.value == "Microsoft");
  CHECK(figure(e, "5%").context.entity.confidence == 0.4);
  const Extraction none = extract_figures("Revenue grew 5%.");
  CHECK_FALSE(figure(none, "5%").context.entity.known());
  CHECK(figure(none, "5%").context.entity.confidence == 0.0);
}

TEST_CASE("metric, segment and direction come from the words of the sentence", "[extract][context]") {
  const Extraction e = undated(
      "During the second quarter of 2024, Alibaba Cloud reported revenues of 26.549 billion yuan, while its "
      "adjusted EBITA profit surged by 155% year-on-year to reach 2.337 billion yuan.");
  const auto& rev = figure(e, "26.549 billion yuan").context;
  CHECK(rev.entity.value == "Alibaba");
  CHECK(rev.segment.value == "Cloud Intelligence Group");
  CHECK(rev.metric.value == "revenue");
  CHECK(rev.period.value == "FY2025 Q1");  // calendar Q2 2024 in Alibaba's fiscal names
  CHECK(figure(e, "155%").context.metric.value == "ebita_growth");
  CHECK(figure(e, "155%").context.direction.value == "up");
  CHECK(figure(e, "2.337 billion yuan").context.metric.value == "adjusted_ebita");
  const Extraction fell = extract_figures("Its share price was down 80 per cent from its peak.");
  CHECK(figure(fell, "80 per cent").context.metric.value == "price_change");
  CHECK(figure(fell, "80 per cent").context.direction.value == "down");
  const Extraction unknown = extract_figures("Some teams laid off 30% of their staff.");
  CHECK_FALSE(figure(unknown, "30%").context.metric.known());
}

TEST_CASE("relative periods are resolved with the article date, and stay unknown without it", "[extract][context]") {
  const std::string_view moves = "Alibaba’s shares have risen nearly 60% this year, adding more than $100 billion to the company’s valuation.";
  const Extraction dated = at(moves, Date{2025, 3, 28});
  CHECK(figure(dated, "nearly 60%").context.period.value == "2025-01-01..2025-03-28");
  CHECK(figure(dated, "more than $100 billion").context.metric.value == "market_cap_change");
  CHECK(figure(dated, "more than $100 billion").context.period.value == "2025-01-01..2025-03-28");
  CHECK_FALSE(figure(undated(moves), "nearly 60%").context.period.known());

  const Extraction flows = at(
      "In the 15 months since he took the top jobs, Alibaba's Wu has spent Rmb81bn ($11bn) on capital expenditure, up from "
      "Rmb34bn in the previous 15 months. The company has budgeted Rmb39bn this year.",
      Date{2025, 3, 17});
  CHECK(figure(flows, "Rmb81bn").context.period.value == "FY2024 Q3..FY2025 Q3");
  CHECK(figure(flows, "Rmb81bn").context.metric.value == "capex");
  CHECK(figure(flows, "$11bn").context.metric.value == "fx_conversion");
  CHECK(figure(flows, "Rmb34bn").context.period.value == "FY2023 Q2..FY2024 Q2");
  CHECK(figure(flows, "Rmb39bn").context.period.value == "2025");
  // Quarters are named in an issuer's fiscal calendar only when the entity is that issuer.
  const Extraction other = at("In the 15 months since, Tencent spent Rmb81bn.", Date{2025, 3, 17});
  CHECK(figure(other, "Rmb81bn").context.period.value == "2023Q4..2024Q4");

  const Extraction quarters = at(
      "Alibaba's cloud business posted accelerated growth of 13% in the December quarter. Alibaba Cloud revenue "
      "growth in the latest quarter nearly doubled from the previous quarter's 7%. Alibaba plans to invest 380 "
      "billion yuan over the next three years.",
      Date{2025, 2, 25});
  CHECK(figure(quarters, "13%").context.period.value == "FY2025 Q3");
  CHECK(figure(quarters, "nearly doubled").context.period.value == "FY2025 Q3");
  CHECK(figure(quarters, "7%").context.period.value == "FY2025 Q2");
  CHECK(figure(quarters, "380 billion yuan").context.period.value == "2025-02..2028-01");

  // The counts of months and years are the lexicon's number words ("fifteen", "seven").
  const Extraction words = at("In the fifteen months since, Tencent spent Rmb81bn.", Date{2025, 3, 17});
  CHECK(figure(words, "Rmb81bn").context.period.value == "2023Q4..2024Q4");
  const Extraction seven = at("It will invest 38 billion yuan over the next seven years.", Date{2025, 2, 25});
  CHECK(figure(seven, "38 billion yuan").context.period.value == "2025-02..2032-01");
}

TEST_CASE("a statistical quarter that had not ended at the article date is read as the fiscal quarter",
          "[extract][context]") {
  const std::string_view t = "The 2025Q3 report of Alibaba showed revenue of 136.091 billion yuan.";
  CHECK(figure(at(t, Date{2025, 2, 25}), "136.091 billion yuan").context.period.value == "FY2025 Q3");
  CHECK(figure(at(t, Date{2025, 12, 1}), "136.091 billion yuan").context.period.value == "FY2026 Q2");
}

TEST_CASE("the words around a figure are kept, six either side, on its line", "[extract][context]") {
  const Extraction e = extract_figures("one two three four five six seven $5bn a b c d e f g h\nnext");
  const auto& f = e.figures.at(0);
  CHECK(f.before == "two three four five six seven");
  CHECK(f.after == "a b c d e f");
}

TEST_CASE("metric cues come from the lexicon: profits, margins and their growth on any company", "[extract][context]") {
  const Extraction e = extract_figures(
      "Xiaomi's net profit jumped 82% to 5.2 billion yuan. Operating profit rose 20%. The gross margin was 21.5%. "
      "Reliance Industries said its net margin widened to 9%.");
  CHECK(figure(e, "82%").context.metric.value == "net_income_growth");
  CHECK(figure(e, "82%").context.entity.value == "Xiaomi");
  CHECK(figure(e, "5.2 billion yuan").context.metric.value == "net_income");
  CHECK(figure(e, "20%").context.metric.value == "operating_income_growth");
  CHECK(figure(e, "21.5%").context.metric.value == "gross_margin");
  CHECK(figure(e, "9%").context.metric.value == "net_margin");
  CHECK(figure(e, "9%").context.entity.value == "Reliance Industries");
  CHECK(figure(e, "9%").context.entity.evidence == "Reliance Industries");
}
