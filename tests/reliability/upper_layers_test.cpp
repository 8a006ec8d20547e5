// Issue 11's cross-cutting items on the library side: FX files without a fixing,
// directories where a file is expected, and diagnostics that stay one line of
// valid UTF-8 of bounded length (quote_for_message, Error::describe).

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/fx/fred_h10.hpp"
#include "finmetrics/fx/fx_csv.hpp"
#include "finmetrics/fx/load.hpp"
#include "finmetrics/io/read_file.hpp"
#include "finmetrics/series/series_csv.hpp"
#include "finmetrics/time/date.hpp"

using namespace finmetrics;

namespace {

// A scratch directory of this test, removed at the end of the test case.
struct Scratch {
  std::filesystem::path dir;
  Scratch() : dir(std::filesystem::temp_directory_path() / ("finmetrics-upper-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(dir);
  }
  ~Scratch() { std::filesystem::remove_all(dir); }
  std::filesystem::path file(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name, std::ios::binary) << text;
    return dir / name;
  }
};

bool one_line(const std::string& s) { return s.find('\n') == std::string::npos && s.find('\r') == std::string::npos; }

}  // namespace

TEST_CASE("an FX file with only a header is an error naming the file (issue 11 item 12)") {
  // Each was accepted as an empty table, on which every later look-up failed.
  auto ecb = parse_ecb_csv("Date,USD,JPY,\n", "ecb.csv");
  REQUIRE_FALSE(ecb);
  CHECK(ecb.error().code == Errc::csv);
  CHECK(ecb.error().message == "ecb.csv: only a header, no fixings");
  auto long_file = parse_fx_csv("date,base,quote,rate\r\n\r\n", "rates.csv");
  REQUIRE_FALSE(long_file);
  CHECK(long_file.error().message == "rates.csv: only a header, no fixings");
  auto h10 = parse_fred_h10_csv("Date,Country,Exchange rate\n", "h10.csv");
  REQUIRE_FALSE(h10);
  CHECK(h10.error().message == "h10.csv: only a header, no fixings");
  // Rows, but not one rate.
  auto na = parse_ecb_csv("Date,USD,\n2025-03-28,N/A,\n", "ecb.csv");
  REQUIRE_FALSE(na);
  CHECK(na.error().message == "ecb.csv: no fixings: every rate is empty or N/A");

  Scratch s;
  const auto header_only = s.file("rates.csv", "date,base,quote,rate\n");
  auto loaded = load_fx_file(header_only);
  REQUIRE_FALSE(loaded);
  CHECK(loaded.error().message == header_only.string() + ": only a header, no fixings");
  const auto empty = s.file("empty.csv", "");
  auto none = load_fx_file(empty);
  REQUIRE_FALSE(none);
  CHECK(none.error().message == empty.string() + ": empty file, no header line");
}

TEST_CASE("a directory given where a file is expected is reported as a directory (issue 11 item 12)") {
  Scratch s;
  const std::string dir = s.dir.string();
  const std::string expected = "cannot read '" + dir + "': it is a directory, not a file";
  auto text = read_file(s.dir);
  REQUIRE_FALSE(text);
  CHECK(text.error().code == Errc::io);
  CHECK(text.error().message == expected);
  auto fx = load_fx_file(s.dir);  // was "cannot read the file (missing or empty)"
  REQUIRE_FALSE(fx);
  CHECK(fx.error().message == expected);
  auto ecb = load_ecb_csv(s.dir);  // was "ecb.csv: no header line", as if the file were empty
  REQUIRE_FALSE(ecb);
  CHECK(ecb.error().message == expected);
  auto series = load_series_csv(s.dir);
  REQUIRE_FALSE(series);
  CHECK(series.error().message == expected);
}

TEST_CASE("read_file reads to its limit and refuses a file or device beyond it by name and limit (issue 11)") {
  Scratch s;
  const auto ten = s.file("ten.txt", "0123456789");
  auto whole = read_file(ten, 10);  // exactly the limit: read
  REQUIRE(whole);
  CHECK(*whole == "0123456789");
  auto over = read_file(ten, 9);  // a regular file is refused by its size, before a byte is read
  REQUIRE_FALSE(over);
  CHECK(over.error().code == Errc::out_of_range);
  CHECK(over.error().input == ten.string());
  CHECK(over.error().message == "'" + ten.string() + "' is longer than 9 bytes, the most read from one file: not read");
  CHECK(read_file(ten, 0).value() == "0123456789");  // 0: no limit

  // A device without end: read to one buffer past the limit, then refused (it
  // was read until std::bad_alloc). The loaders refuse it through read_file.
  auto zero = read_file("/dev/zero", std::size_t{1} << 20);
  REQUIRE_FALSE(zero);
  CHECK(zero.error().code == Errc::out_of_range);
  CHECK(zero.error().message ==
        "'/dev/zero' is longer than 1 MiB (1048576 bytes), the most read from one file: not read");
  std::FILE* in = std::fopen("/dev/zero", "rb");
  REQUIRE(in != nullptr);
  auto stream = read_stream(in, "stdin", 100000);
  std::fclose(in);
  REQUIRE_FALSE(stream);
  CHECK(stream.error().message == "'stdin' is longer than 100000 bytes, the most read from one file: not read");
  CHECK(default_max_file_bytes == std::size_t{256} << 20);
}

TEST_CASE("quote_for_message escapes line breaks, control bytes and invalid UTF-8, and cuts long text") {
  CHECK(quote_for_message("Rmb5bn") == "Rmb5bn");
  CHECK(quote_for_message("a\nb\r\tc\x01\x7f") == "a\\nb\\r\\tc\\x01\\x7F");
  CHECK(quote_for_message("\xff\xfe 5") == "\\xFF\\xFE 5");
  CHECK(quote_for_message("5\xe4\xba\xbf \xe2\x82\xac") == "5\xe4\xba\xbf \xe2\x82\xac");  // 亿 and € stay
  CHECK(quote_for_message("\xc0\x80 \xed\xa0\x80") == "\\xC0\\x80 \\xED\\xA0\\x80");       // overlong, surrogate
  CHECK(quote_for_message("\xe4\xba") == "\\xE4\\xBA");                                    // cut short
  const std::string long_figure = "$" + std::string(102399, '9');
  CHECK(quote_for_message(long_figure) == "$" + std::string(79, '9') + "... (102400 bytes)");
  std::string yi;
  for (int i = 0; i < 40; ++i) yi += "\xe4\xba\xbf";  // 120 bytes: cut at a character boundary
  CHECK(quote_for_message(yi, 80) == yi.substr(0, 78) + "... (120 bytes)");
}

TEST_CASE("diagnostics are one line and never echo a 100 KB input in full (issue 11 item 13)") {
  const std::string huge(100 * 1024, '7');
  // A date field of 100 KB: the message quoted it in full before.
  auto date = parse_date(huge);
  REQUIRE_FALSE(date);
  CHECK(date.error().message.size() < 200);
  CHECK(date.error().describe().size() < 300);
  // A line feed inside what was read.
  auto d = parse_date("2025-01\n-01");
  REQUIRE_FALSE(d);
  CHECK(d.error().message == "invalid date '2025-01\\n-01': expected YYYY-MM-DD");
  CHECK(one_line(d.error().describe()));
  auto n = Decimal::parse("1\n2");
  REQUIRE_FALSE(n);
  CHECK(n.error().message == "an unexpected character '\\n' in a number");
  CHECK(d.error().describe() == "'2025-01\\n-01' at column 8: invalid date '2025-01\\n-01': expected YYYY-MM-DD");
  // An FX rate field of 100 KB with a line feed in the rows that follow.
  auto fx = parse_ecb_csv("Date,USD,\n2025-03-28," + huge + ",\n", "ecb.csv");
  REQUIRE_FALSE(fx);
  CHECK(fx.error().message.size() < 300);
  CHECK(fx.error().message ==
        "ecb.csv:2:12: USD: '" + std::string(80, '7') +
            "... (102400 bytes)' is not a rate (expected digits with an optional decimal point, or N/A)");
  // Error::describe() escapes whatever a message or input holds.
  Error e = make_error(Errc::syntax, "bad\nthing", "x\ny\xff");
  CHECK(e.describe() == "'x\\ny\\xFF': bad\\nthing");
}
