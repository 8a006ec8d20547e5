#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/extract/figure_report.hpp"

// Periods written without their year take it from the document's own evidence (another
// period of the sentence, the paragraph, the first line, the article date), and say
// which; with none, they stay unknown. A loss word makes an amount a loss.

using namespace finmetrics;

namespace {

const ExtractedFigure& figure(const Extraction& e, std::string_view text) {
  for (const auto& f : e.figures)
    if (f.text == text) return f;
  FAIL("no figure '" << text << "'");
  throw std::logic_error("unreachable");
}

ExtractOptions dated(int y, unsigned m, unsigned d) {
  ExtractOptions o;
  o.article_date = Date{y, m, d};
  return o;
}

IssuerNames march_year(std::string name) {
  IssuerNames i;
  i.name = std::move(name);
  i.calendar = FiscalCalendar{date::March};
  return i;
}

}  // namespace

TEST_CASE("a quarter, half or year without its year takes the article date's", "[extract][context][period]") {
  const Extraction e = extract_figures(
      "Acme said operating profit rose 20% in the third quarter. Net profit jumped 82% to $10.1 billion in the first "
      "half, and revenue for the full year should reach $40 billion.",
      dated(2025, 10, 31));
  const auto& p20 = figure(e, "20%").context.period;
  CHECK(p20.value == "2025Q3");
  CHECK(p20.evidence == "third quarter [article date 2025-10-31]");
  CHECK(p20.confidence == 0.5);
  CHECK(figure(e, "82%").context.period.value == "H1 2025");
  CHECK(figure(e, "$10.1 billion").context.period.value == "H1 2025");
  // The year the text reports on is that of the last quarter ended: a forecast for 2025.
  CHECK(figure(e, "$40 billion").context.period.value == "2025");
  // "the fourth quarter" in February is last year's
  CHECK(extract_figures("Revenue rose 5% in the fourth quarter.", dated(2025, 2, 5)).figures[0].context.period.value ==
        "2024Q4");
}

TEST_CASE("without a date or a stated period, a period without its year stays unknown", "[extract][context][period]") {
  const Extraction e = extract_figures("Revenue rose 5% in the third quarter.", ExtractOptions{});
  CHECK(e.figures[0].context.period.value.empty());
  CHECK(e.figures[0].context.period.confidence == 0.0);
}

TEST_CASE("the headline's and the paragraph's periods are evidence", "[extract][context][period]") {
  const std::string_view t =
      "Zenith third-quarter profit falls 12%\n\n"
      "Zenith said revenue for the quarter dropped 9% to $48.3 billion. Net income fell to $2.9 billion.\n"
      "In 2021, revenue in the first half was $30 billion.\n";
  const Extraction e = extract_figures(t, ExtractOptions{});  // no date: the text's own evidence only
  const auto& rev = figure(e, "$48.3 billion").context.period;
  CHECK(rev.value.empty());  // "third-quarter" in the headline has no year either
  const Extraction d = extract_figures(t, dated(2025, 11, 6));
  CHECK(figure(d, "$48.3 billion").context.period.value == "2025Q3");
  CHECK(figure(d, "$48.3 billion").context.period.evidence == "the quarter [headline: 'third-quarter']");
  // A sentence naming no time goes on about its paragraph's reporting period.
  CHECK(figure(d, "$2.9 billion").context.period.value == "2025Q3");
  CHECK(figure(d, "$2.9 billion").context.period.evidence == "[paragraph: 'the quarter']");
  CHECK(figure(d, "$2.9 billion").context.period.confidence == 0.3);
  // A stated year of the sentence wins over the article date.
  CHECK(figure(d, "$30 billion").context.period.value == "H1 2021");
}

TEST_CASE("a year earlier is the same period a year before, never a growth rate's", "[extract][context][period]") {
  const Extraction e = extract_figures(
      "Revenue for the six months ended June 30 rose 8% to 4.2 billion pounds from 3.9 billion pounds a year earlier. "
      "Margin widened to 3.05% from 2.91% a year earlier.",
      dated(2025, 7, 30));
  CHECK(figure(e, "4.2 billion pounds").context.period.value == "H1 2025");
  CHECK(figure(e, "3.9 billion pounds").context.period.value == "H1 2024");
  CHECK(figure(e, "8%").context.period.value == "H1 2025");
  CHECK(figure(e, "2.91%").context.period.value == "H1 2024");
  CHECK(figure(e, "3.05%").context.period.value == "H1 2025");  // another figure stands between
}

TEST_CASE("periods without a year in the entity's fiscal calendar", "[extract][context][period]") {
  ExtractOptions o = dated(2025, 11, 6);
  o.issuers.push_back(march_year("Kanto Motor"));
  const Extraction e = extract_figures(
      "Kanto Motor cut its full-year operating profit forecast to 1.45 trillion yen. For the first half of the fiscal "
      "year, net profit dropped 31% to 655 billion yen. For the nine months ended December 31, 2024, sales were 9 "
      "trillion yen.",
      o);
  CHECK(figure(e, "1.45 trillion yen").context.period.value == "FY2026");
  CHECK(figure(e, "655 billion yen").context.period.value == "FY2026 H1");
  CHECK(figure(e, "9 trillion yen").context.period.value == "FY2025 Q1..FY2025 Q3");
}

TEST_CASE("a December fiscal year names its quarters as the calendar does", "[extract][context][period]") {
  ExtractOptions o = dated(2025, 11, 13);
  IssuerNames t;
  t.name = "Tencent";
  t.calendar = FiscalCalendar{date::December};
  o.issuers.push_back(t);
  CHECK(extract_figures("Tencent revenue rose 15% in the third quarter.", o).figures[0].context.period.value == "2025Q3");
}

TEST_CASE("a dateline's year is no period; a period's end is", "[extract][context][period]") {
  const Extraction e = extract_figures(
      "LONDON, Aug 5, 2025 - Westmarch said revenue was $48.3 billion.\n"
      "Savanna reported net income of $74.5 billion for the year ended March 31, 2025.\n",
      ExtractOptions{});
  CHECK(figure(e, "$48.3 billion").context.period.value.empty());
  CHECK(figure(e, "$74.5 billion").context.period.value == "2024-04..2025-03");
}

TEST_CASE("a loss word makes an amount a loss of the nearest metric", "[extract][context][loss]") {
  const std::string_view t =
      "Samsung said operating profit rose 20% in the third quarter, while its chip division posted a loss of 3.75 "
      "trillion won. Its refining arm swung to an operating loss of $210 million. Net loss was $48 million. Credit "
      "losses were $1.9bn.";
  const Extraction e = extract_figures(t, dated(2024, 10, 31));
  const auto& won = figure(e, "3.75 trillion won").context;
  CHECK(won.metric.value == "operating_loss");
  CHECK(won.metric.evidence == "loss");
  CHECK(won.loss_of == "operating_income");
  CHECK(figure(e, "$210 million").context.metric.value == "operating_loss");
  CHECK(figure(e, "$48 million").context.metric.value == "net_loss");
  CHECK(figure(e, "$48 million").context.loss_of == "net_income");
  CHECK(figure(e, "$1.9bn").context.loss_of.empty());  // `losses` of credit are a charge, no loss of a metric
  // The draft claims: the metric the amount is a loss of, negative, for check.
  const std::string claims = draft_claims_csv(e, t, "samsung.txt");
  CHECK(claims.find(",-3.75 trillion won,Samsung,,,operating_income,2024Q3,") != std::string::npos);
  CHECK(claims.find("a loss ('loss'): drafted as operating_income, negative") != std::string::npos);
  CHECK(claims.find(",-$48 million,") != std::string::npos);
}

TEST_CASE("a cue past the figure's clause counts less than one before it", "[extract][context]") {
  const Extraction e = extract_figures(
      "Operating profit for the quarter fell 27% to 312.4 billion yen, while revenue rose 3% to 11.9 trillion yen.",
      ExtractOptions{});
  CHECK(figure(e, "312.4 billion yen").context.metric.value == "operating_income");
  CHECK(figure(e, "11.9 trillion yen").context.metric.value == "revenue");
  // a percentage that moves with a direction word is a growth rate
  CHECK(extract_figures("Westmarch second-quarter profit slides 21%.", ExtractOptions{}).figures[0].context.metric.value ==
        "net_income_growth");
}

TEST_CASE("a restated figure, a comparison's base and the first months of the year", "[extract][context][period]") {
  const Extraction e = extract_figures(
      "Granite third-quarter profit rises\n\n"
      "Net income climbed to $4.1 billion, or $1.52 per share, from $3.5 billion, or $1.29 per share, a year ago.\n"
      "The bank set aside $1.4 billion for credit losses, up from $1.1 billion in the second quarter.\n"
      "For the first nine months of the year, net profit reached $9.5 billion.\n"
      "Granite shares rose 2.1% to $187.40. Analysts said the shares could rise 10%.\n",
      dated(2025, 10, 14));
  CHECK(figure(e, "$4.1 billion").context.period.value == "2025Q3");
  CHECK(figure(e, "$4.1 billion").context.period.evidence == "[headline: 'third-quarter']");
  CHECK(figure(e, "$3.5 billion").context.period.value == "2024Q3");  // the restatement between is no other figure
  CHECK(figure(e, "$1.29 per share").context.period.value == "2024Q3");
  // "in the second quarter" is the base's, and no period the text goes on about
  CHECK(figure(e, "$1.1 billion").context.period.value == "2025Q2");
  CHECK(figure(e, "$1.4 billion").context.period.value.empty());  // its metric is no cue: nothing carried
  CHECK(figure(e, "$9.5 billion").context.period.value == "2025Q1..2025Q3");
  // a price with no time written is the article's day's; a projected move is not
  CHECK(figure(e, "$187.40").context.period.value == "2025-10-14");
  CHECK(figure(e, "$187.40").context.period.evidence == "[article date]");
  CHECK(figure(e, "10%").context.period.value.empty());
}

TEST_CASE("a loss word a few words before a base amount", "[extract][context][loss]") {
  const Extraction e = extract_figures(
      "Voltra said its net loss narrowed to 5.2 billion yuan in 2024 from 7.8 billion yuan in the previous year.",
      ExtractOptions{});
  CHECK(figure(e, "5.2 billion yuan").context.metric.value == "net_loss");
  CHECK(figure(e, "5.2 billion yuan").context.period.value == "2024");
  CHECK(figure(e, "7.8 billion yuan").context.metric.value == "net_loss");
  CHECK(figure(e, "7.8 billion yuan").context.period.value == "2023");
}
