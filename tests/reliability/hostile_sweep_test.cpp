// The second hostile-input sweep (issue 11) on the library side: claims files
// whose fields are 100 KB long, relations naming thousands of claims, a relation
// cycle through thousands of claims. Every diagnostic stays one short line
// (quote_for_message); before, each echoed its field in full (200 KB lines).

#include <string>

#include <catch2/catch.hpp>

#include "finmetrics/check/checker.hpp"
#include "finmetrics/check/reference_data.hpp"
#include "finmetrics/claims/claim.hpp"

using namespace finmetrics;

namespace {

const std::string header = std::string(claims_csv_header) + "\n";

std::string row(const std::string& id, const std::string& relation = "", const std::string& period = "FY2024",
                const std::string& metric = "revenue") {
  return id + ",d,Rmb941bn,Rmb941bn,Acme,,," + metric + "," + period + ",2025-03-17," + relation + ",\n";
}

bool short_line(const std::string& s) {
  return s.size() < 600 && s.find('\n') == std::string::npos && s.find('\r') == std::string::npos;
}

}  // namespace

TEST_CASE("claims: a 100 KB field is quoted in a row error, never echoed in full") {
  const std::string big(100000, 'A');
  std::string text = header + row(big) + row(big) + row("L2", "", "FY" + big) + row("L3", "same_as:" + big + "x") +
                     row("L4", big + ":x") + row("L5", "same_as:L5");
  ClaimsOptions options;
  options.calendar = FiscalCalendar{date::March};
  auto set = parse_claims_csv(text, "long.csv", options);
  REQUIRE(set);
  REQUIRE(set->row_errors.size() == 5);
  for (const Error& e : set->row_errors) CHECK(short_line(e.message));
  const std::string cut = std::string(80, 'A') + "... (100000 bytes)";
  CHECK(set->row_errors[0].message == cut + ": id '" + cut + "' repeats an earlier row");
  CHECK(set->row_errors[0].line == 3);
  CHECK(set->row_errors[3].message.rfind("L4: unknown relation kind '" + cut + "' (expected one of ", 0) == 0);
  // Six rows: three refused (the repeated id, L2, L4), three claims (L3 and L5
  // kept without their relation, each with a row error that says so).
  CHECK(set->claims.size() == 3);
}

TEST_CASE("claims: a relation naming 3000 targets is refused in one short line") {
  std::string text = header;
  std::string targets;
  for (int i = 0; i < 3000; ++i) {
    text += row("W" + std::to_string(i));
    targets += (i ? "+W" : "W") + std::to_string(i);
  }
  text += row("S", "sum_of:" + targets);
  auto set = parse_claims_csv(text, "wide.csv", ClaimsOptions{FiscalCalendar{date::March}, {}, {}});
  REQUIRE(set);
  REQUIRE(set->row_errors.size() == 1);
  const std::string& m = set->row_errors[0].message;
  CHECK(short_line(m));
  CHECK(m.rfind("S: relation 'sum_of:W0+W1+", 0) == 0);
  CHECK(m.find("bytes)' names more than 64 targets") != std::string::npos);
}

TEST_CASE("check: a relation cycle through 5000 claims is named by its ends") {
  std::string text = header;
  for (int i = 0; i < 5000; ++i) text += row("Y" + std::to_string(i), "same_as:Y" + std::to_string((i + 1) % 5000));
  auto set = parse_claims_csv(text, "cycle.csv", ClaimsOptions{FiscalCalendar{date::March}, {}, {}});
  REQUIRE(set);
  CHECK(set->row_errors.empty());
  ReferenceSources sources;
  sources.data_dir = "data/alibaba";
  sources.calendar = FiscalCalendar{date::March};
  auto data = load_reference_data(sources);
  REQUIRE(data);
  const CheckResult result = check_claims(*set, *data);
  REQUIRE(result.claims.size() == 5000);
  REQUIRE(result.row_errors.size() == 1);
  CHECK(result.row_errors[0].message ==
        "Y4999: relation 'same_as:Y0' closes a cycle (Y0 -> Y1 -> Y2 -> Y3 -> ... (4993 more) -> Y4997 -> Y4998 -> "
        "Y4999 -> Y0): each finding of the cycle rests on the others");
}
