// A `period_word` row whose role the period reader does not know is a load error
// naming the file, the line and the role, never a row the reader skips.

#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "finmetrics/lexicon/lexicon.hpp"
#include "shared_data.hpp"

using namespace finmetrics;

namespace {

// Lexicon::load of data/lexicon with `row` appended to cues.csv: the error message, or
// "loaded"; `{}` in the expected message stands for the row's line.
std::string load_with(const std::string& row, std::size_t& line) {
  const auto dir = std::filesystem::temp_directory_path() / "finmetrics-period-word-roles";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(test::source_path("data/lexicon"), dir);
  line = 1;
  {
    std::ifstream in(dir / "cues.csv");
    for (std::string l; std::getline(in, l);) ++line;
  }
  std::ofstream(dir / "cues.csv", std::ios::app) << row;
  const Result<Lexicon> lex = Lexicon::load(dir);
  std::filesystem::remove_all(dir);
  if (!lex) return lex.error().message + (lex.error().code == Errc::csv ? "" : " (not a csv error)");
  return "loaded";
}

std::string expect(const std::string& row, const std::string& message_with_line) {
  std::size_t line = 0;
  const std::string got = load_with(row, line);
  return got == "loaded" ? got : (got == fmt::format(fmt::runtime(message_with_line), line) ? "as expected" : got);
}

}  // namespace

TEST_CASE("an unknown period_word role is a load error naming file, line and role", "[extract][period][lexicon]") {
  CHECK(expect("trimester,period_word,quater,\n",
               "cues.csv line {}: period_word: 'trimester': unknown role 'quater' (quarter_ordinal:1..4, quarter, of, "
               "fiscal, months, since, before, ahead, years)") == "as expected");
  CHECK(expect("fifth,period_word,quarter_ordinal:5,\n",
               "cues.csv line {}: period_word: 'fifth': quarter_ordinal must be 1, 2, 3 or 4, found '5'") == "as expected");
  CHECK(expect("opening,period_word,quarter_ordinal:,\n",
               "cues.csv line {}: period_word: 'opening': quarter_ordinal must be 1, 2, 3 or 4, found ''") == "as expected");
  CHECK(expect("next,period_word,,\n",
               "cues.csv line {}: period_word: 'next': unknown role '' (quarter_ordinal:1..4, quarter, of, fiscal, months, "
               "since, before, ahead, years)") == "as expected");
  // every known role loads
  for (const char* row : {"opening,period_word,quarter_ordinal:1,\n", "trimester,period_word,quarter,\n",
                          "FYE,period_word,fiscal,\n", "hence,period_word,since,\n", "coming,period_word,ahead,\n"}) {
    INFO(row);
    std::size_t line = 0;
    CHECK(load_with(row, line) == "loaded");
  }
}
