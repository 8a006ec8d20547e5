#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "finmetrics/extract/detail/scan_paths.hpp"
#include "finmetrics/extract/figure_report.hpp"
#include "finmetrics/io/read_file.hpp"
#include "shared_data.hpp"

// The extractor's fast paths (ScanPaths::fast: an article before a plain word is
// passed over unread) against the general path (every candidate read by the grammar):
// the same figures, refusals and report, byte for byte, on the seed articles, the
// unseen passages, and texts mutated around articles (the words the grammar reads
// after one: scales, currencies, number words, hedges, range words, markers before it,
// punctuation and digits after it).

using namespace finmetrics;
using extract_detail::ScanPaths;

namespace {

// The whole account of an extraction: the JSON report (figures, context, currency
// evidence) and every refusal's message.
std::string account(std::string_view text, const ExtractOptions& options, ScanPaths paths) {
  const Extraction e = extract_detail::extract_figures(text, options, paths);
  std::string out = figures_json(e, text);
  for (const Error& s : e.skipped) out += s.message + "\n";
  return out;
}

void check_same(std::string_view text, const ExtractOptions& options = {}) {
  const std::string fast = account(text, options, ScanPaths::fast);
  const std::string general = account(text, options, ScanPaths::general);
  INFO("text: " << text.substr(0, 4000));
  CHECK(fast == general);
}

// Words that make an article part of a figure, or its context something else.
constexpr std::array after_words{
    "billion",   "bn",        "million",       "hundred",  "third",   "quarter", "half",     "dozen",  "dollar",
    "dollars",   "euro",      "yuan",          "rupee",    "peso",    "pound",   "usd",      "hkd",    "rmb",
    "estimated", "near",      "nearly",        "more",     "more than", "to",    "and",      "or",     "per cent",
    "percent",   "times",     "share",         "us$5bn",   "hk$",     "$5",      "5",        "5bn",    "lakh crore",
    "hong kong dollars", "u.s. dollars", "in the region of", "little over", "company", "year", "rise", "-fold",
    "fourfold",  "twofold",   "bn-dollar",     "record",   "new",     "cent",    "sen",      "grand",  "kr"};
constexpr std::array before_words{"",    "about ", "nearly ", "US$ ", "HK$", "Hong Kong ", "kr ",    "Rs. ", "from ",
                                  "between ", "minus ", "(", "$", "\"", ", ", "; ", ".\n", "\n", "rose by ", "USD "};
constexpr std::array articles{"a", "an", "A", "An"};
constexpr std::array glue{" ", "  ", "\t", "-", "", "\xC2\xA0", " \xE2\x80\x99", ", "};
constexpr std::array tails{"", ".", ",", " of revenue.", " in 2024", " 5%", "\xE2\x80\x99s", " to two billion",
                           " and a half", " dollars.", " (HK$5bn)", "\n", " rise"};

}  // namespace

TEST_CASE("the fast path reads the seed articles and the unseen passages as the general path does",
          "[extract][paths]") {
  const auto dir = test::source_path("tests/extract/unseen");
  std::size_t passages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    ExtractOptions options;
    auto options_path = entry.path();
    options_path.replace_extension(".options");
    if (std::filesystem::exists(options_path)) {
      std::istringstream lines(read_file(options_path).value());
      for (std::string line; std::getline(lines, line);)
        if (line.rfind("locale=", 0) == 0) options.parse.locale = line.substr(7);
    }
    check_same(read_file(entry.path()).value(), options);
    ++passages;
  }
  CHECK(passages > 40);
  FINMETRICS_REQUIRE_SHARED("seeds/000_4be4fd45a4304e2c.txt");
  for (const char* seed : {"000_4be4fd45a4304e2c", "001_176cb876e40a5867", "002_af63c1e32f5ec212",
                           "003_86dc9b19e2eddc32", "004_893f16c0d21005b9"}) {
    const std::string text = read_file(test::shared_path(fmt::format("seeds/{}.txt", seed))).value();
    check_same(text);
    ExtractOptions no_context;
    no_context.context = false;
    check_same(text, no_context);
  }
}

TEST_CASE("the fast path reads every article in every company as the general path does", "[extract][paths]") {
  // Each piece: something before, an article, glue, a word the grammar may read after
  // it, and a tail; all combinations of the lists' heads, then random ones.
  for (const char* before : before_words)
    for (const char* article : articles)
      for (const char* word : after_words) check_same(fmt::format("Acme said {}{} {} rose.", before, article, word));
  std::mt19937 rng(20261207);
  const auto pick = [&](const auto& list) { return list[rng() % list.size()]; };
  for (int k = 0; k < 3000; ++k) {
    std::string text;
    const int pieces = 1 + static_cast<int>(rng() % 4);
    for (int p = 0; p < pieces; ++p) {
      text += pick(before_words);
      text += pick(articles);
      text += pick(glue);
      text += pick(after_words);
      if (rng() % 3 == 0) {
        text += pick(glue);
        text += pick(after_words);
      }
      text += pick(tails);
      text += ' ';
    }
    check_same(text);
  }
}

TEST_CASE("the fast path reads mutated seed passages as the general path does", "[extract][paths]") {
  FINMETRICS_REQUIRE_SHARED("seeds/001_176cb876e40a5867.txt");
  const std::string seed = read_file(test::shared_path("seeds/001_176cb876e40a5867.txt")).value();
  std::mt19937 rng(7);
  const auto pick = [&](const auto& list) { return std::string(list[rng() % list.size()]); };
  for (int k = 0; k < 200; ++k) {
    // A window of the seed with words after its articles replaced, and articles put in.
    const std::size_t from = rng() % (seed.size() - 1500);
    std::string text = seed.substr(from, 1500);
    for (int m = 0; m < 6; ++m) {
      const std::size_t at = text.find(" a ", rng() % text.size());
      if (at == std::string::npos) {
        const std::size_t sp = text.find(' ', rng() % text.size());
        if (sp != std::string::npos) text.insert(sp + 1, pick(articles) + " ");
        continue;
      }
      const std::size_t word = at + 3;
      std::size_t end = word;
      while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
      text.replace(word, end - word, pick(after_words));
    }
    check_same(text);
  }
}
