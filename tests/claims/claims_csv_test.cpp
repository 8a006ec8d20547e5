// Reading a claims CSV: good rows load, bad rows are reported with line and reason.
#include <catch2/catch.hpp>

#include <string>

#include "finmetrics/claims/claim.hpp"
#include "shared_data.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

namespace {
const std::string header = "id,document,quote,figure,entity,listing,segment,metric,period,as_of,relation,notes\n";
// The example issuer's calendar (data/alibaba/issuer.json: March year end, named by the end year).
ClaimsOptions march() {
  ClaimsOptions o;
  o.calendar = FiscalCalendar{date::March};
  return o;
}
}

TEST_CASE("the bundled claims file loads all 70 claims without a row error", "[claims][csv]") {
  const auto set = load_claims_csv(test::source_path("data/alibaba/claims.csv"), march());
  REQUIRE(set);
  CHECK(set->claims.size() == 70);
  CHECK(set->row_errors.empty());
  const Claim* a19 = set->find("A19");
  REQUIRE(a19 != nullptr);
  CHECK(a19->line == 20);
  CHECK(a19->relation == ClaimRelation{RelationKind::converts, {"A18"}});
  CHECK(a19->figure.readings->rounded == Interval::closed_open("10.5e9"_dec, "11.5e9"_dec));
  CHECK(a19->period->first_day() == Date{2023, 10, 1});
  CHECK(a19->as_of == Date{2025, 3, 17});
  CHECK(a19->subject() == "Alibaba");
  CHECK(set->find("A41")->subject() == "Alibaba/Cloud Intelligence Group");
}

TEST_CASE("bad rows are reported with their line and reason and the others still load", "[claims][csv]") {
  const std::string text = header +
                            "B1,doc,up 13%,13%,Alibaba,,,revenue_growth,FY2025 Q3,2025-02-25,growth_of:B9,\n"  // line 2
                            "B2,doc,Rmb81bn spent,Rmb81bn,Alibaba,,,capex,FY2025 Q5,2025-03-17,,\n"           // line 3
                            "B3,doc,q,x,Alibaba\n"                                                             // line 4
                            "B4,doc,Rmb1bn,Rmb1bn,Alibaba,,,capex,FY2025 Q1,2025-02-30,,\n"                    // line 5
                            "\n"                                                                               // line 6
                            "B5,doc,Rmb2bn,Rmb2bn,Alibaba,,,capex,FY2025 Q1,2025-03-17,total_of:B1,\n"         // line 7
                            "B5,doc,Rmb3bn,Rmb3bn,Alibaba,,,capex,FY2025 Q1,2025-03-17,,\n"                    // line 8
                            "B7,doc,\"a \"\"quoted\"\" Rmb4bn\",Rmb4bn,Alibaba,,,Capex,FY2025 Q1,2025-03-17,,\n"  // line 9
                            ",doc,Rmb5bn,Rmb5bn,Alibaba,,,capex,FY2025 Q1,2025-03-17,,\n"                      // line 10
                            "B8,doc,Rmb6bn,Rmb7bn,Alibaba,,,capex,FY2025 Q1,2025-03-17,same_as:B8,\n";         // line 11
  const auto set = parse_claims_csv(text, "t.csv", march());
  REQUIRE(set);
  REQUIRE(set->row_errors.size() == 8);
  const auto& e = set->row_errors;
  CHECK(e[0].line == 2);
  CHECK(e[0].message == "B1: relation 'growth_of:B9' names 'B9', which is no claim of this file (relation ignored)");
  CHECK(e[1].line == 3);
  CHECK(e[1].message.rfind("B2: period 'FY2025 Q5': ", 0) == 0);
  CHECK(e[2].line == 4);
  CHECK(e[2].message == "expected 12 fields, found 5");
  CHECK(e[3].line == 5);
  CHECK(e[3].message == "B4: as_of: invalid date '2025-02-30': February 2025 has 28 days");
  CHECK(e[4].line == 7);
  CHECK(e[4].message ==
        "B5: unknown relation kind 'total_of' (expected one of growth_of, prior_of, converts, same_as, change_of, "
        "margin_of, ratio_of, multiple_of, per, to, compare, sum_of, difference_of, product_of, at_most, at_least, "
        "magnitude_of, daily_of, compound_of, cagr_of, restated)");
  CHECK(e[5].line == 9);
  CHECK(e[5].message == "B7: metric 'Capex' is not a snake_case name (revenue, price_change, ...)");
  CHECK(e[6].line == 10);
  CHECK(e[6].message == "empty id");
  CHECK(e[7].line == 11);
  CHECK(e[7].message == "B8: relation 'same_as:B8' points at the claim itself");
  // B1 (relation dropped), B5 (the second one: the first had a bad relation), B8 load.
  REQUIRE(set->claims.size() == 3);
  CHECK(set->claims[0].id == "B1");
  CHECK_FALSE(set->claims[0].relation);
  CHECK(set->claims[1].id == "B5");
  CHECK(set->claims[1].line == 8);
  CHECK(set->claims[2].id == "B8");
  CHECK(set->claims[2].warnings == std::vector<std::string>{"figure 'Rmb7bn' is not in the quote"});
}

TEST_CASE("a repeated id is a row error", "[claims][csv]") {
  const std::string text = header + "C1,d,Rmb1bn,Rmb1bn,Alibaba,,,capex,FY2025 Q1,,,\n"
                                    "C1,d,Rmb2bn,Rmb2bn,Alibaba,,,capex,FY2025 Q1,,,\n";
  const auto set = parse_claims_csv(text, "<memory>", march());
  REQUIRE(set);
  REQUIRE(set->row_errors.size() == 1);
  CHECK(set->row_errors[0].line == 3);
  CHECK(set->row_errors[0].message == "C1: id 'C1' repeats an earlier row");
  CHECK(set->claims.size() == 1);
}

TEST_CASE("a wrong header refuses the whole file", "[claims][csv]") {
  const auto set = parse_claims_csv("id,figure\nA1,5%\n", "x.csv");
  REQUIRE_FALSE(set);
  CHECK(set.error().code == Errc::csv);
  CHECK(set.error().message ==
        "x.csv: line 1: expected the header "
        "'id,document,quote,figure,entity,listing,segment,metric,period,as_of,relation,notes' (optionally with ',basis')");
  const auto missing = load_claims_csv("/nonexistent/claims.csv");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == Errc::io);
  CHECK(missing.error().message == "cannot open claims file '/nonexistent/claims.csv'");
}

TEST_CASE("without a fiscal calendar a fiscal period is a row error, and calendar periods still read", "[claims][csv]") {
  // No issuer is compiled in: the calendar comes from the profile or the caller.
  const std::string text = header + "F1,d,Rmb1bn,Rmb1bn,Acme,,,capex,FY2025 Q1,,,\n"
                                    "F2,d,Rmb2bn,Rmb2bn,Acme,,,capex,2024-10..2024-12,,,\n";
  const auto set = parse_claims_csv(text);
  REQUIRE(set);
  REQUIRE(set->row_errors.size() == 1);
  CHECK(set->row_errors[0].line == 2);
  CHECK(set->row_errors[0].message.rfind("F1: period 'FY2025 Q1'", 0) == 0);
  REQUIRE(set->claims.size() == 1);
  CHECK(set->claims[0].id == "F2");
  const auto with = parse_claims_csv(text, "<memory>", march());
  REQUIRE(with);
  CHECK(with->row_errors.empty());
  REQUIRE(with->claims[0].period.has_value());
  CHECK(with->claims[0].period->first_day() == Date{2024, 4, 1});
}
