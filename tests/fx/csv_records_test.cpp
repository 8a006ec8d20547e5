// The FX loaders cut their text with the library's one CSV record scanner
// (csv::RecordSplitter, io/csv.hpp): every line end Python's csv module knows
// (LF, CRLF, a lone CR) ends a line, a byte order mark is skipped, and errors
// name the physical line.
#include <catch2/catch.hpp>

#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/fx/ecb.hpp"

using namespace finmetrics;

namespace {
date::sys_days day(int y, unsigned m, unsigned d) { return date::sys_days{date::year{y} / date::month{m} / date::day{d}}; }
}  // namespace

TEST_CASE("FX files: LF, CRLF and lone CR line ends read alike", "[fx][csv]") {
  const std::string lf = "Date,USD,CNY,\n2025-03-28,1.0797,7.8445,\n2025-03-27,1.0785,7.8361,\n";
  std::string crlf, cr;
  for (const char c : lf) {
    if (c == '\n') {
      crlf += "\r\n";
      cr += '\r';
    } else {
      crlf += c;
      cr += c;
    }
  }
  for (const std::string& text : {lf, crlf, cr, "\xEF\xBB\xBF" + cr}) {
    auto t = parse_ecb_csv(text, "mem.csv");
    REQUIRE(t);
    CHECK(t->fixings(USD).size() == 2);
    CHECK(t->fixings(CNY).size() == 2);
    CHECK(t->as_of(day(2025, 3, 28), USD, CNY)->numerator().to_string() == "7.8445");
  }
}

TEST_CASE("FX files: an error names the physical line whatever the line ends", "[fx][csv]") {
  for (const std::string_view end : {"\n", "\r\n", "\r"}) {
    std::string text;  // a blank line 2: line 4 is the bad one
    for (const char* row : {"Date,USD,", "", "2025-03-28,1.0797,", "2025-03-27,x,"}) {
      text += row;
      text += end;
    }
    auto t = parse_ecb_csv(text, "mem.csv");
    REQUIRE_FALSE(t);
    CHECK(t.error().line == 4);
    CHECK(t.error().message.rfind("mem.csv:4:", 0) == 0);
  }
}
