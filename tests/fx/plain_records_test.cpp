// Fast paths of the FX and normalize readers held to their careful paths:
// csv::RecordSplitter::next_plain (runs of plain records, cut by the caller)
// against next() record by record, and the ECB loader's one-pass row reader
// against the general field-by-field reader (forced by rates it leaves to it),
// an ECB file read for a few columns against it read whole, and FX lines cut in
// place against the record scanner.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/fx/detail/csv_scan.hpp"
#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/io/csv.hpp"

using namespace finmetrics;

namespace {

struct Record {
  std::string text;
  std::size_t line;
  bool too_long, unterminated;
  friend bool operator==(const Record&, const Record&) = default;
};

// Feeds `text` in pieces of the given sizes (cycled); `plain` mixes next_plain
// (its runs cut at their line feeds) with next, as normalize_pipeline does.
std::vector<Record> split(std::string_view text, std::size_t limit, const std::vector<std::size_t>& pieces, bool plain,
                          std::size_t window, std::size_t* plain_records = nullptr) {
  csv::RecordSplitter s(limit);
  std::vector<Record> out;
  const auto drain = [&] {
    while (true) {
      if (plain) {
        if (auto run = s.next_plain(window)) {
          REQUIRE(run->count > 0);
          REQUIRE(run->text.back() == '\n');
          std::size_t line = run->line, at = 0, n = 0;
          while (at < run->text.size()) {
            const std::size_t lf = run->text.find('\n', at);
            out.push_back(Record{std::string(run->text.substr(at, lf - at)), line++, false, false});
            at = lf + 1;
            ++n;
          }
          CHECK(n == run->count);
          if (plain_records != nullptr) *plain_records += n;
          continue;
        }
      }
      auto r = s.next();
      if (!r) return;
      out.push_back(Record{std::string(r->text), r->line, r->too_long, r->unterminated});
    }
  };
  std::size_t at = 0, k = 0;
  while (at < text.size()) {
    const std::size_t n = std::min(pieces[k++ % pieces.size()], text.size() - at);
    s.feed(text.substr(at, n));
    drain();
    at += n;
  }
  drain();
  if (auto r = s.finish()) out.push_back(Record{std::string(r->text), r->line, r->too_long, r->unterminated});
  return out;
}

}  // namespace

TEST_CASE("Runs of plain records cut into the records next() reads", "[io][csv]") {
  std::mt19937 rng(20261206);
  // Corpus-like rows, quoted figures with commas, and every byte the splitter minds.
  const std::vector<std::string> parts = {"2021-01-14,$904,711", "2016-12-21,\"HK$18,129,520\"", "a\"b,\"c", "\"x\"\"y\"",
                                          "\"multi\nline\"", ",", "\"", "\n", "\n", "\n", "\r", "\r\n", "\xEF\xBB\xBF",
                                          "2004-06-28,\xE2\x82\xAC""47.11", "Rmb473m", "x", "\"\"", ",\"q\"", "0123456789abcdef"};
  std::size_t plain_total = 0, records_total = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) text += parts[rng() % parts.size()];
    const std::size_t limit = rng() % 4 == 0 ? 1 + rng() % 40 : 1 << 20;
    std::vector<std::size_t> pieces;
    for (int i = 0; i < 4; ++i) pieces.push_back(1 + rng() % (rng() % 2 == 0 ? 7 : 300));
    const std::size_t window = rng() % 3 == 0 ? 1 + rng() % 64 : 1 << 20;
    const auto careful = split(text, limit, {text.size() + 1}, false, window);
    const auto mixed = split(text, limit, pieces, true, window, &plain_total);
    records_total += careful.size();
    REQUIRE(careful.size() == mixed.size());
    for (std::size_t i = 0; i < careful.size(); ++i) {
      INFO("round " << round << " record " << i);
      CHECK(careful[i] == mixed[i]);
    }
  }
  CHECK(plain_total > records_total / 4);  // the runs are taken, not always declined
}

TEST_CASE("A plain run stops before quotes that hold a line end, a CR, an over-long record", "[io][csv]") {
  std::size_t plain = 0;
  const std::string text = "a,1\nb,\"2,3\"\nc,\"4\n5\"\nd,6\r\ne,7\n";
  const auto careful = split(text, 1 << 20, {text.size()}, false, 1 << 20);
  const auto mixed = split(text, 1 << 20, {text.size()}, true, 1 << 20, &plain);
  CHECK(careful == mixed);
  REQUIRE(careful.size() == 5);
  CHECK(careful[2] == Record{"c,\"4\n5\"", 3, false, false});
  CHECK(careful[4] == Record{"e,7", 6, false, false});
  CHECK(plain == 3);  // a,1 and b,"2,3" in the first run; e,7 after the CRLF

  csv::RecordSplitter s(4);  // records of at most 4 bytes
  s.feed("ab\nabcd\nabcde\nx\n");
  auto run = s.next_plain(1 << 20);
  REQUIRE(run);
  CHECK(run->text == "ab\n");  // "abcd\n" would need a window of 5 bytes
  CHECK(run->count == 1);
}

TEST_CASE("The ECB loader's one-pass rows read as its field-by-field reader does", "[fx][ecb]") {
  std::mt19937 rng(4242);
  const std::vector<std::string> codes = {"USD", "JPY", "CNY", "HKD", "GBP"};
  for (int round = 0; round < 200; ++round) {
    std::string fast = "Date,USD,JPY,CNY,HKD,GBP,\n", careful = fast;
    for (int row = 0; row < 30; ++row) {
      const std::string date = "2024-" + std::string(row / 28 == 0 ? "01" : "02") + "-" +
                               (row % 28 + 1 < 10 ? "0" : "") + std::to_string(row % 28 + 1);
      fast += date;
      careful += date;
      for (std::size_t c = 0; c < codes.size(); ++c) {
        std::string rate;
        const unsigned kind = rng() % 8;
        if (kind == 0) rate = "N/A";
        else if (kind == 1) rate = "";
        else {
          rate = std::to_string(1 + rng() % 999999);
          const std::size_t point = rng() % (rate.size() + 1);
          if (point < rate.size()) rate.insert(point, ".");
          if (rate[0] == '.') rate.insert(0, "0");
        }
        fast += "," + rate;
        // 19 leading zeros: more digits than the one-pass reader takes, the same value.
        careful += "," + (kind >= 2 ? std::string(19, '0') + rate : rate);
      }
      if (rng() % 2 == 0) {
        fast += ',';
        careful += ',';
      }
      fast += '\n';
      careful += '\n';
    }
    auto a = parse_ecb_csv(fast, "fast.csv");
    auto b = parse_ecb_csv(careful, "careful.csv");
    REQUIRE(a.has_value() == b.has_value());
    if (!a) continue;  // a column of N/A and empty only
    REQUIRE(a->series().size() == b->series().size());
    for (std::size_t i = 0; i < a->series().size(); ++i) {
      CHECK(a->series()[i].quote == b->series()[i].quote);
      CHECK(a->series()[i].fixings == b->series()[i].fixings);
    }
  }
}

TEST_CASE("Rows the ECB loader's one-pass reader declines get the careful reader's word", "[fx][ecb]") {
  const auto error_of = [](std::string_view text) {
    auto t = parse_ecb_csv(text, "ecb.csv");
    return t ? std::string("loaded") : t.error().message;
  };
  // An empty last field after the trailing comma is one field too many.
  CHECK(error_of("Date,USD,CNY,\n2025-03-28,1.0797,,\n") == "loaded");
  CHECK(error_of("Date,USD,CNY,\n2025-03-28,1.0797,7.8445,,\n") == "ecb.csv:2: expected 3 fields as in the header, read 4");
  CHECK(error_of("Date,USD,CNY,\n2025-03-28,1.0797\n") == "ecb.csv:2: expected 3 fields as in the header, read 2");
  CHECK(error_of("Date,USD,\n2025-03-28,N/AX,\n") ==
        "ecb.csv:2:12: USD: 'N/AX' is not a rate (expected digits with an optional decimal point, or N/A)");
  CHECK(error_of("Date,USD,\n2025-03-28,1.2.3,\n") ==
        "ecb.csv:2:12: USD: '1.2.3' is not a rate (expected digits with an optional decimal point, or N/A)");
  CHECK(error_of("Date,USD,\n2025-03-28,.,\n") ==
        "ecb.csv:2:12: USD: '.' is not a rate (expected digits with an optional decimal point, or N/A)");
  CHECK(error_of("Date,USD,\n2025-02-30,1.0797,\n") == "ecb.csv:2:1: Date: '2025-02-30' is not a calendar date");
  // 19 significant digits: beyond the one-pass reader's 64 bits, read exactly by the careful one.
  auto t = parse_ecb_csv("Date,USD,\n2025-03-28,1.234567890123456789,\n", "ecb.csv");
  REQUIRE(t);
  CHECK(t->fixings(USD)[0].rate.to_string() == "1.234567890123456789");
}

namespace {

// A table of `rows` rows over `codes`, rates of 1 to 17 bytes (the one-pass
// reader takes a field of fewer than 16 bytes 16 bytes at a time), N/A and
// empty cells, with or without the trailing comma; then `mutations` bytes
// replaced by bytes that matter to a rate reader.
std::string random_ecb(std::mt19937& rng, const std::vector<std::string>& codes, int rows, int mutations) {
  std::string text = "Date";
  for (const std::string& c : codes) text += "," + c;
  text += ",\n";
  const std::size_t header = text.size();
  for (int row = 0; row < rows; ++row) {
    const int d = row % 28 + 1;
    text += "2023-" + std::string(row / 28 % 12 + 1 < 10 ? "0" : "") + std::to_string(row / 28 % 12 + 1) + "-" +
            (d < 10 ? "0" : "") + std::to_string(d);
    for (std::size_t c = 0; c < codes.size(); ++c) {
      const auto kind = static_cast<unsigned>(rng() % 10);
      std::string rate;
      if (kind == 0) rate = "N/A";
      else if (kind == 1) rate = "";
      else {
        const std::size_t digits = 1 + rng() % 16;
        for (std::size_t k = 0; k < digits; ++k) rate += static_cast<char>('0' + rng() % 10);
        if (rng() % 4 != 0) rate.insert(rng() % (rate.size() + 1), ".");
      }
      text += "," + rate;
    }
    if (rng() % 2 == 0) text += ',';
    text += '\n';
  }
  static constexpr char bytes[] = {'0', '1', '9', '.', '.', ',', 'N', '/', 'A', ' ', 'x', '-', '\xff', '/'};
  for (int m = 0; m < mutations && text.size() > header; ++m)
    text[header + rng() % (text.size() - header)] = bytes[rng() % sizeof bytes];
  return text;
}

// The same table with 19 zeros before every field that starts with a digit: the
// same rates, valid or not alike, and every row beyond the one-pass reader (19
// digits and more), so read by the careful reader alone.
std::string careful_copy(std::string_view text) {
  std::string out;
  const std::size_t header_end = text.find('\n') + 1;
  out.append(text.substr(0, header_end));
  bool field_start = false;
  for (std::size_t i = header_end; i < text.size(); ++i) {
    const char c = text[i];
    if (field_start && c >= '0' && c <= '9') out.append(19, '0');
    out += c;
    field_start = c == ',';
  }
  return out;
}

std::string describe(const Result<FxTable>& t) {
  if (!t) return "error at line " + std::to_string(t.error().line);
  std::string s;
  for (const FxSeries& series : t->series()) {
    s += std::string(series.quote.code()) + ":";
    for (const Fixing& f : series.fixings) s += " " + f.rate.to_string();
    s += "\n";
  }
  return s;
}

}  // namespace

TEST_CASE("The ECB one-pass reader's 16-byte fields read as the careful reader reads them, near misses too",
          "[fx][ecb]") {
  std::mt19937 rng(90210);
  const std::vector<std::string> codes = {"USD", "JPY", "CNY", "HKD", "GBP", "CHF"};
  int loaded = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random_ecb(rng, codes, 1 + static_cast<int>(rng() % 12), static_cast<int>(rng() % 3));
    const auto fast = parse_ecb_csv(text, "fast.csv");
    const auto careful = parse_ecb_csv(careful_copy(text), "careful.csv");
    const auto field_by_field = parse_ecb_csv(text, "fast.csv", EcbOptions{"ECB", {}, false});
    INFO(text);
    REQUIRE(describe(fast) == describe(careful));
    REQUIRE(fast.has_value() == field_by_field.has_value());
    if (fast) CHECK(describe(fast) == describe(field_by_field));
    else CHECK(fast.error().message == field_by_field.error().message);
    loaded += fast ? 1 : 0;
  }
  CHECK(loaded > 500);  // both outcomes are exercised
  CHECK(loaded < 2900);
}

TEST_CASE("An ECB file read for a few columns keeps their fixings and is refused exactly as read whole", "[fx][ecb]") {
  std::mt19937 rng(777);
  const std::vector<std::string> codes = {"USD", "JPY", "CNY", "HKD", "GBP", "CHF"};
  EcbOptions some;
  some.only = {USD, HKD};
  int loaded = 0;
  for (int round = 0; round < 2000; ++round) {
    const std::string text = random_ecb(rng, codes, 1 + static_cast<int>(rng() % 12), static_cast<int>(rng() % 3));
    const auto whole = parse_ecb_csv(text, "ecb.csv");
    const auto kept = parse_ecb_csv(text, "ecb.csv", some);
    INFO(text);
    if (!whole) {
      REQUIRE_FALSE(kept);
      CHECK(kept.error().message == whole.error().message);
      continue;
    }
    std::string expected;  // the whole table's USD and HKD series
    for (const FxSeries& series : whole->series()) {
      if (series.quote != USD && series.quote != HKD) continue;
      expected += std::string(series.quote.code()) + ":";
      for (const Fixing& f : series.fixings) expected += " " + f.rate.to_string();
      expected += "\n";
    }
    if (expected.empty()) {
      REQUIRE_FALSE(kept);
      CHECK(kept.error().message == "ecb.csv: no fixings: the columns kept (USD HKD) hold no rate");
      continue;
    }
    REQUIRE(kept);
    CHECK(describe(kept) == expected);
    ++loaded;
  }
  CHECK(loaded > 300);
}

TEST_CASE("FX lines cut in place read as the CSV record scanner cuts them", "[fx][csv]") {
  std::mt19937 rng(4242);
  for (int round = 0; round < 3000; ++round) {
    std::string text = rng() % 4 == 0 ? "\xEF\xBB\xBF" : "";
    const std::size_t size = rng() % 40;
    for (std::size_t k = 0; k < size; ++k) text += "ab,\n\n"[rng() % 5];
    csv::RecordSplitter splitter(std::size_t{1} << 30);
    splitter.feed(text);
    std::vector<std::pair<std::string, std::size_t>> expected, got;
    for (bool finished = false;;) {  // as LineReader reads through the scanner
      auto r = splitter.next();
      if (!r && !finished) {
        finished = true;
        r = splitter.finish();
      }
      if (!r) break;
      expected.emplace_back(r->text, r->line);
    }
    fx_detail::LineReader lines(text);
    fx_detail::Line line;
    while (lines.next(line)) got.emplace_back(line.text, line.number);
    INFO(text);
    CHECK(got == expected);
  }
}
