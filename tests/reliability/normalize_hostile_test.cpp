// Issue 11's normalize defects at the library level (the CLI test runs them end to
// end): each case failed before its fix.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/io/atomic_file.hpp"
#include "finmetrics/io/csv.hpp"
#include "finmetrics/normalize/detail/exact_quotient.hpp"
#include "finmetrics/normalize/normalizer.hpp"
#include "finmetrics/normalize/v1_figure.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace finmetrics;

namespace {

constexpr std::string_view ecb =
    "Date,USD,CNY,HKD,\n"
    "2025-01-10,1.0304,7.5533,8.0202,\n"
    "2025-01-09,1.0305,7.5536,8.0217,\n"
    "2025-01-08,1.0314,7.5600,8.0297,\n";

const FxTable& table() {
  static const FxTable t = parse_ecb_csv(ecb, "hostile-ecb").value();
  return t;
}

struct Cut {
  std::vector<std::string> texts;
  std::vector<std::size_t> lines;
  std::vector<bool> too_long;
};

// All records of `text`, fed in pieces of `step` bytes.
Cut cut(std::string_view text, std::size_t step, std::size_t limit = csv::RecordSplitter::default_max_record_bytes) {
  csv::RecordSplitter s(limit);
  Cut c;
  const auto take = [&](const csv::RawRecord& r) {
    c.texts.emplace_back(r.text);
    c.lines.push_back(r.line);
    c.too_long.push_back(r.too_long);
  };
  for (std::size_t at = 0; at < text.size(); at += step) {
    s.feed(text.substr(at, step));
    while (auto r = s.next()) take(*r);
  }
  while (auto r = s.next()) take(*r);
  if (auto r = s.finish()) take(*r);
  return c;
}

std::string run(std::string_view input, NormalizeOptions o = {}) {
  const Normalizer n(table(), o);
  std::string out, diag;
  const NormalizeTotals t = normalize_csv(n, input, out, diag);
  return out + diag + std::to_string(t.rows_read) + " read " + std::to_string(t.converted) + " converted " +
         std::to_string(t.unparsed) + " unparsed " + std::to_string(t.invalid) + " invalid";
}

}  // namespace

TEST_CASE("item 5: LF, CRLF and lone CR all end a record, as Python's csv reads them, whatever the chunking") {
  const std::string text = "a\rb\r\nc\nd\r\re\r\"f\rg\"\rh";
  for (std::size_t step : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{100}}) {
    INFO("step " << step);
    const Cut c = cut(text, step);
    CHECK(c.texts == std::vector<std::string>{"a", "b", "c", "d", "", "e", "\"f\rg\"", "h"});
    CHECK(c.lines == std::vector<std::size_t>{1, 2, 3, 4, 5, 6, 7, 9});
  }
}

TEST_CASE("item 6: an over-long quoted record is one record; the reader resumes after its closing quote") {
  std::string text = "a,b\nx,\"";
  for (int i = 0; i < 5000; ++i) text += "y\n";
  text += "\"\nc,d\r\ne,f\n";
  for (std::size_t step : {std::size_t{7}, std::size_t{4096}, std::size_t{1} << 20}) {
    INFO("step " << step);
    const Cut c = cut(text, step, 1024);
    REQUIRE(c.texts.size() == 4);
    CHECK(c.texts[0] == "a,b");
    CHECK(c.too_long[1]);
    CHECK(c.lines[1] == 2);
    CHECK(c.texts[2] == "c,d");
    CHECK(c.lines[2] == 5003);
    CHECK(c.texts[3] == "e,f");
    CHECK(c.lines[3] == 5004);
  }
}

TEST_CASE("item 2: an exponent beyond the decimal range is that row's error, and the stream goes on") {
  const std::string figure = "Rmb0." + std::string(1000, '0') + std::string(38, '9');
  CHECK_FALSE(parse_v1_figure(figure).has_value());
  CHECK(parse_v1_figure(figure).error().code == Errc::overflow);
  NormalizeOptions o;
  o.significant_digits = 36;
  const std::string out = run("date,figure\n2025-01-10," + figure + "\n2025-01-10,$5\n", o);
  CHECK(out == "date,figure,currency,usd_value,per_share\n2025-01-10," + figure +
                   ",,,\n2025-01-10,$5,USD,5,0\nline 2: '" + figure.substr(0, 80) +
                   "...' at column 4: number has more than 988 decimal places\n"
                   "2 read 1 converted 1 unparsed 0 invalid");
  // Zeros too: more than 988 decimal places are refused whatever their value, as
  // parse_figure refuses them (fuzz_v1_figure; both readers accept one set).
  CHECK(parse_v1_figure("$0." + std::string(1200, '0')).error().code == Errc::overflow);
  CHECK(parse_v1_figure("$0." + std::string(988, '0'))->amount.is_zero());
}

TEST_CASE("item 8: exponents of -1000 and below print in full, as %g would") {
  std::string s;
  detail::append_general(s, detail::Scaled{13640094252204072, -1017}, 17);
  CHECK(s == "1.3640094252204072e-1001");
  s.clear();
  detail::append_general(s, detail::Scaled{1, -1000}, 17);
  CHECK(s == "1e-1000");
  s.clear();
  detail::append_general(s, detail::Scaled{15, 12345}, 17);
  CHECK(s == "1.5e+12346");
  s.clear();
  detail::append_general(s, detail::Scaled{15, -6}, 17);
  CHECK(s == "1.5e-05");
}

TEST_CASE("item 14: the stream refuses exactly what the reference path refuses near 38 digits") {
  NormalizeOptions o;
  o.target = Currency{{'C', 'N', 'Y'}};
  o.scale_exponent = 9;
  o.decimals = 6;
  o.rounding = Rounding::down;
  const Normalizer n(table(), o);
  const std::string figure = "Rmb199999999999999999999999999999999bn";
  CHECK_FALSE(n.convert(date::sys_days{date::year{2025} / 1 / 8}, figure).has_value());
  const std::string out = run("date,figure\n2025-01-08," + figure + "\n2025-01-08,Rmb19999999999999999999999999999999bn\n", o);
  CHECK(out.substr(0, out.find("line")) ==
        "date,figure,currency,cny_value,per_share\n"
        "2025-01-08,Rmb199999999999999999999999999999999bn,CNY,,0\n"
        "2025-01-08,Rmb19999999999999999999999999999999bn,CNY,19999999999999999999999999999999.000000,0\n");
  CHECK(out.substr(out.rfind('\n') + 1) == "2 read 1 converted 0 unparsed 1 invalid");
  // The 32-digit one is what the reference path gives too.
  CHECK(n.convert(date::sys_days{date::year{2025} / 1 / 8}, "Rmb19999999999999999999999999999999bn")->value.to_string() ==
        "19999999999999999999999999999999.000000");
}

TEST_CASE("item 7: AtomicFile writes beside the target and renames; without commit the target is untouched") {
  char dir_template[] = "/tmp/finmetrics-atomic-XXXXXX";
  REQUIRE(mkdtemp(dir_template) != nullptr);
  const std::string dir = dir_template, target = dir + "/out.csv";
  { std::ofstream(target) << "old\n"; }
  {
    auto f = AtomicFile::create(target);
    REQUIRE(f);
    CHECK(f->temporary().rfind(dir + "/.out.csv.", 0) == 0);
    std::fputs("new, partial\n", f->file());
    std::fflush(f->file());
    // Not committed: the destructor removes the temporary file.
  }
  const auto read = [](const std::string& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  CHECK(read(target) == "old\n");
  {
    auto f = AtomicFile::create(target);
    REQUIRE(f);
    const std::string temporary = f->temporary();
    std::fputs("new\n", f->file());
    CHECK(read(target) == "old\n");
    REQUIRE(f->commit());
    CHECK(access(temporary.c_str(), F_OK) != 0);
  }
  CHECK(read(target) == "new\n");
  CHECK(same_file(target, dir + "/./out.csv"));
  CHECK_FALSE(same_file(target, dir + "/missing.csv"));
  CHECK_FALSE(AtomicFile::create(dir).has_value());  // a directory is not a file to write
  {  // a device is written in place, never renamed over
    auto null = AtomicFile::create("/dev/null");
    REQUIRE(null);
    CHECK(null->temporary().empty());
    std::fputs("x\n", null->file());
    REQUIRE(null->commit());
    struct stat st {};
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
  }
  CHECK_FALSE(AtomicFile::create(dir + "/no/such/dir/x.csv").has_value());
  std::remove(target.c_str());
  rmdir(dir.c_str());
}

TEST_CASE("item 13: dates in 0000-01-01..0000-02-29 stay in year 0 (they wrapped to 2213)") {
  const std::string out = run("date,figure\n0000-02-29,Rmb5\n0000-01-01,Rmb5\n0000-03-01,Rmb5\n");
  CHECK(out ==
        "date,figure,currency,usd_value,per_share\n"
        "0000-02-29,Rmb5,CNY,,0\n0000-01-01,Rmb5,CNY,,0\n0000-03-01,Rmb5,CNY,,0\n"
        "line 2: no CNY rate on or before 0000-02-29 (first fixing 2025-01-08)\n"
        "line 3: no CNY rate on or before 0000-01-01 (first fixing 2025-01-08)\n"
        "line 4: no CNY rate on or before 0000-03-01 (first fixing 2025-01-08)\n"
        "3 read 0 converted 0 unparsed 0 invalid");
}
