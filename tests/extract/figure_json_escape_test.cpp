#include <cstddef>
#include <random>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "finmetrics/extract/figure_report.hpp"

// figures_json writes its strings itself: plain ones as they are, well-formed UTF-8
// with escapes, anything else through nlohmann. Every string must come out as
// nlohmann's dump (ensure_ascii off, invalid bytes replaced) writes it: a
// differential check on strings of control characters, quotes, backslashes, DEL,
// well-formed and ill-formed UTF-8 (overlong, surrogate, past U+10FFFF, cut short).

using namespace finmetrics;

namespace {

std::string nlohmann_text(const std::string& s) {
  return nlohmann::ordered_json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The JSON of one figure whose `text` is s, and where that string's text starts.
std::string json_with_text(const std::string& s) {
  Extraction e;
  ExtractedFigure f;
  f.text = s;
  e.figures.push_back(f);
  return figures_json(e, "");
}

void check_same(const std::string& s) {
  const std::string json = json_with_text(s);
  const std::string expected = "\"text\":" + nlohmann_text(s);
  INFO("string bytes: " << nlohmann::json(std::vector<int>(s.begin(), s.end())).dump());
  CHECK(json.find(expected) != std::string::npos);
}

}  // namespace

TEST_CASE("figures_json escapes strings exactly as nlohmann dumps them") {
  for (int b = 0; b < 0x80; ++b) check_same(std::string("a") + static_cast<char>(b) + "z");
  for (const char* s : {"\"quoted\"", "back\\slash", "tab\there", "line\nend", "cr\r", "\x7f", "\xe2\x80\x9cyes\xe2\x80\x9d",
                        "\xe5\x85\x83 \xf0\x9f\x92\xb0", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                        "\xf0\x8f\xbf\xbf", "\xe2\x82", "\xe2\x82 \"", "\xff", "\x80", "ok\xc3", "\xc3\xa9\"\x01"}) {
    check_same(s);
  }
  // Random strings over a byte mix that makes every case likely.
  std::mt19937 rng(20261206);
  const unsigned char pool[] = {'a', ' ', '"', '\\', '\n', '\t', 0x01, 0x1F, 0x7F, 0x80, 0x9F, 0xA0, 0xBF,
                                0xC2, 0xC3, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
  for (int k = 0; k < 20000; ++k) {
    std::string s;
    const std::size_t n = rng() % 12;
    for (std::size_t i = 0; i < n; ++i) s += static_cast<char>(pool[rng() % sizeof pool]);
    check_same(s);
  }
}
