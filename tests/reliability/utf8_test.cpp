// The scanners' UTF-8 decoder takes only well-formed sequences (RFC 3629): an
// overlong form, a surrogate or a code point past U+10FFFF reads as its first
// byte, so that `E0 82 A0` (an overlong U+00A0) is not a space inside a figure.

#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "finmetrics/detail/utf8.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/parse/parse_figure.hpp"

using namespace finmetrics;
using finmetrics::detail::decode_utf8;
using finmetrics::detail::well_formed_utf8_length;

TEST_CASE("utf8: well-formed sequences decode to their code point") {
  struct Case {
    std::string bytes;
    char32_t value;
    std::size_t size;
  };
  const Case cases[] = {
      {"A", U'A', 1},
      {"\xC2\xA0", U'\u00A0', 2},           // no-break space, the smallest two-byte form
      {"\xDF\xBF", U'\u07FF', 2},
      {"\xE0\xA0\x80", U'\u0800', 3},       // the smallest three-byte form
      {"\xE2\x88\x92", U'\u2212', 3},       // minus sign
      {"\xED\x9F\xBF", U'\uD7FF', 3},       // just below the surrogates
      {"\xEE\x80\x80", U'\uE000', 3},       // just above them
      {"\xF0\x90\x80\x80", U'\U00010000', 4},
      {"\xF4\x8F\xBF\xBF", U'\U0010FFFF', 4},
  };
  for (const Case& c : cases) {
    INFO(c.bytes);
    CHECK(well_formed_utf8_length(c.bytes, 0) == c.size);
    const auto cp = decode_utf8(c.bytes, 0);
    CHECK(cp.value == c.value);
    CHECK(cp.size == c.size);
  }
}

TEST_CASE("utf8: ill-formed sequences read as their first byte, length 1") {
  const std::string cases[] = {
      "\xC0\x80",          // overlong U+0000
      "\xC1\xBF",          // overlong U+007F
      "\xE0\x82\xA0",      // overlong U+00A0 (no-break space)
      "\xE0\x9F\xBF",      // overlong U+07FF
      "\xED\xA0\x80",      // surrogate U+D800
      "\xED\xBF\xBF",      // surrogate U+DFFF
      "\xF0\x8F\xBF\xBF",  // overlong U+FFFF
      "\xF4\x90\x80\x80",  // U+110000
      "\xF5\x80\x80\x80",  // no lead byte
      "\xFF",
      "\x80",              // a continuation byte alone
      "\xE2\x88",          // cut short
      "\xC2" "A",          // not followed by a continuation byte
  };
  for (const std::string& bytes : cases) {
    INFO(bytes);
    CHECK(well_formed_utf8_length(bytes, 0) == 0);
    const auto cp = decode_utf8(bytes, 0);
    CHECK(cp.value == static_cast<unsigned char>(bytes[0]));
    CHECK(cp.size == 1);
  }
  CHECK(decode_utf8("", 0).size == 0);
  CHECK(well_formed_utf8_length("", 0) == 0);
}

TEST_CASE("utf8: an overlong no-break space is no space inside a figure") {
  const Result<QuotedFigure> nbsp = parse_figure("$5\xC2\xA0" "bn");
  REQUIRE(nbsp);
  CHECK(nbsp->value.to_string() == "5000000000");

  const Result<QuotedFigure> overlong = parse_figure("$5\xE0\x82\xA0" "bn");
  REQUIRE_FALSE(overlong);
  CHECK(overlong.error().code == Errc::syntax);
  CHECK(overlong.error().position == 2);
  CHECK(overlong.error().message == "unexpected '\\xE0' after the figure");

  // An overlong minus sign is no sign.
  const Result<QuotedFigure> minus = parse_figure("\xE0\x88\x92" "5%");
  REQUIRE_FALSE(minus);
  CHECK(minus.error().position == 0);
  CHECK(minus.error().message == "expected a number, found '\\xE0'");
}
