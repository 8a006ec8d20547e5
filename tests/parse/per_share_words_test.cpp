// What an amount is per is read with the lexicon's per-share words (cues.csv:
// `per_share` phrases, `per_leader`, `share_noun`, `share_class`), not a list in C++:
// the built-in rows read as they did, a new phrase is a row, and a row the grammar
// cannot use is a load error naming the file, the line and the reason.

#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "shared_data.hpp"

using namespace finmetrics;

namespace {

// A copy of data/lexicon in a fresh temporary directory, with `rows` appended to cues.csv.
std::filesystem::path lexicon_with_cues(const std::string& name, const std::string& rows) {
  const auto dir = std::filesystem::temp_directory_path() / ("finmetrics-per-share-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const auto& f : std::filesystem::directory_iterator(finmetrics::test::source_path("data/lexicon"))) {
    std::filesystem::copy_file(f.path(), dir / f.path().filename());
  }
  std::ofstream(dir / "cues.csv", std::ios::app) << rows;
  return dir;
}

std::size_t lines_of(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::size_t n = 0;
  for (std::string l; std::getline(in, l);) ++n;
  return n;
}

std::string per_of(const Result<QuotedFigure>& f) {
  if (!f) return "error: " + f.error().message;
  return f->value.to_string() + " " + f->unit.to_string();
}

}  // namespace

TEST_CASE("Per-share phrases of the built-in lexicon", "[parse][per_share]") {
  CHECK(per_of(parse_figure("HK$140.9 per share")) == "140.9 HKD per share");
  CHECK(per_of(parse_figure("$0.35 a SHARE")) == "0.35 USD per share");
  CHECK(per_of(parse_figure("1,500 Hong Kong dollars each")) == "1500 HKD per share");
  CHECK(per_of(parse_figure("US$1.20 per ADS")) == "1.20 USD per ADS");
  CHECK(per_of(parse_figure("US$1.20 an ADR")) == "1.20 USD per ADS");
  CHECK(per_of(parse_figure("$2 per American Depositary Shares")) == "2 USD per ADS");
  CHECK(per_of(parse_figure("5.77 pence per ordinary share")) == "0.0577 GBP per share");
  CHECK(per_of(parse_figure("R$ 1.32 per preferred and common share")) == "1.32 BRL per share");
  CHECK(per_of(parse_figure("HK$3 per 10 shares")) == "0.3 HKD per share");
  CHECK(per_of(parse_figure("US4.5cps")) == "0.045 USD per share");
  // capitals as written: "ads" is no ADS
  CHECK(per_of(parse_figure("US$1.20 per ads")) == "error: expected 'cent', 'share' or 'ADS' after 'per', found 'ads'");
  CHECK(per_of(parse_figure("HK$3 per 10 share")) == "error: expected 'shares' after 'per 10', found 'share'");
  CHECK(per_of(parse_figure("HK$3 per 20 shares")) == "error: 'per 20 shares' is not per share by a power of ten");
  // a leader ends a count noun, and a per phrase must follow it
  CHECK(per_of(parse_figure("1,000 shares a day")) == "error: expected 'share' or 'ADS' after 'a', found 'day'");
  CHECK(per_of(parse_figure("5 per cent")) == "5 %");
}

TEST_CASE("A new per-share phrase is one row of cues.csv", "[parse][per_share]") {
  CHECK_FALSE(parse_figure("US$1.20 per GDR").has_value());
  CHECK_FALSE(parse_figure("5 dollars a pop").has_value());
  const auto dir = lexicon_with_cues("new", "per GDR,per_share,ads,\na pop,per_share,share,\nunits,share_noun,plural,\n");
  const auto lex = Lexicon::load(dir);
  REQUIRE(lex.has_value());
  ParseOptions options;
  options.lexicon = &*lex;
  CHECK(per_of(parse_figure("US$1.20 per GDR", options)) == "1.20 USD per ADS");
  CHECK(per_of(parse_figure("5 dollars a pop", options)) == "5 USD per share");
  CHECK(per_of(parse_figure("$3 per 10 units", options)) == "0.3 USD per share");
  std::filesystem::remove_all(dir);
}

TEST_CASE("A per-share row the grammar cannot read is a load error", "[parse][per_share]") {
  const auto check_error = [](const std::string& row, const std::string& message_with_line) {
    const auto dir = lexicon_with_cues("broken", "");
    const std::size_t line = lines_of(dir / "cues.csv") + 1;
    std::ofstream(dir / "cues.csv", std::ios::app) << row;
    const auto lex = Lexicon::load(dir);
    REQUIRE_FALSE(lex.has_value());
    CHECK(lex.error().code == Errc::csv);
    CHECK(lex.error().message == fmt::format(fmt::runtime(message_with_line), line));
    std::filesystem::remove_all(dir);
  };
  check_error("per unit,per_share,units,\n", "cues.csv line {}: per_share: value must be 'share' or 'ads', found 'units'");
  check_error("per H-share,per_share,share,\n", "cues.csv line {}: per_share: 'per H-share': the words are ASCII letters");
  check_error("for every share,per_share,share,\n",
              "cues.csv line {}: per_share: 'for every share' starts with 'for', which is no per_leader");
  check_error("for,per_leader,all,\n", "cues.csv line {}: per_leader: value must be empty or 'classes', found 'all'");
  check_error("stock,share_noun,,\n", "cues.csv line {}: share_noun: value must be 'singular' or 'plural', found ''");
}
