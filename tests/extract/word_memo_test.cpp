#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/detail/text.hpp"
#include "finmetrics/extract/detail/word_memo.hpp"

// The extractor's per-word memo keys a word by loads of its ends and its length, and
// keeps two words per set: every answer it gives must be the one computed for that
// word, whatever words came before (a differential check against computing each time).

using namespace finmetrics::extract_detail;

namespace {

// Words that share first or last bytes, lengths 1 to 20 (past the 16 bytes kept), case
// variants, and bytes beyond ASCII: the keys that could be mistaken for each other.
std::vector<std::string> tricky_words() {
  std::vector<std::string> out;
  const std::string base = "abcdefghijklmnopqrstuvwxyz";
  for (std::size_t n = 1; n <= 20; ++n) {
    out.push_back(base.substr(0, n));
    out.push_back(base.substr(26 - n));
    std::string middle = base.substr(0, n);
    middle[n / 2] = 'X';  // differs only in the middle
    out.push_back(middle);
    std::string upper = base.substr(0, n);
    upper[0] = static_cast<char>(upper[0] - 'a' + 'A');
    out.push_back(upper);
  }
  for (const char* w : {"a", "A", "an", "aN", "the", "tHe", "half", "halves", "billion", "billions", "year-on-year",
                        "JD.com", "U.S", "\xe4\xba\xbf", "\xe4\xb8\x87\xe4\xba\xbf", "abcabcab", "abcabcabc",
                        "abcdefghabcdefgh", "abcdefghabcdefghX"}) {
    out.emplace_back(w);
  }
  return out;
}

// A word's answer: its length and a fold of every byte, so that two words answer alike
// only when they are equal.
std::size_t answer(std::string_view w) {
  std::size_t h = w.size();
  for (const char c : w) h = h * 131 + static_cast<unsigned char>(c);
  return h;
}

}  // namespace

TEST_CASE("WordMemo answers what the look-up computes, for every word and any order") {
  const std::vector<std::string> words = tricky_words();
  for (const std::size_t text_bytes : {std::size_t{0}, std::size_t{4096}, std::size_t{1} << 20}) {
    WordMemo<std::size_t, 8192> memo(text_bytes);
    std::size_t computed = 0;
    // Three passes in different orders: hits, evictions from two-way sets, refills.
    for (int pass = 0; pass < 3; ++pass) {
      for (std::size_t k = 0; k < words.size(); ++k) {
        const std::string& w = words[pass == 1 ? words.size() - 1 - k : (k * 7 + static_cast<std::size_t>(pass)) % words.size()];
        const std::size_t got = memo.get(w, [&] {
          ++computed;
          return answer(w);
        });
        INFO("word '" << w << "', text bytes " << text_bytes << ", pass " << pass);
        REQUIRE(got == answer(w));
      }
    }
    // A memo keeps answers: in the large tables most look-ups after the first pass hit.
    if (text_bytes == (std::size_t{1} << 20)) CHECK(computed < words.size() * 2);
  }
}

TEST_CASE("WordMemo computes words of more than 16 bytes and the empty word each time") {
  WordMemo<int, 64> memo(0);
  int calls = 0;
  const auto count = [&] { return ++calls; };
  CHECK(memo.get("abcdefghijklmnopq", count) == 1);  // 17 bytes
  CHECK(memo.get("abcdefghijklmnopq", count) == 2);
  CHECK(memo.get("", count) == 3);
  CHECK(memo.get("", count) == 4);
  CHECK(memo.get("abcdefghijklmnop", count) == 5);  // 16 bytes: kept
  CHECK(memo.get("abcdefghijklmnop", count) == 5);
}

TEST_CASE("ASCII byte classes by table agree with the character ranges") {
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    const bool upper = b >= 'A' && b <= 'Z';
    const bool lower = b >= 'a' && b <= 'z';
    const bool digit = b >= '0' && b <= '9';
    INFO("byte " << b);
    CHECK(is_upper(c) == upper);
    CHECK(is_lower(c) == lower);
    CHECK(is_digit(c) == digit);
    CHECK(is_letter(c) == (upper || lower));
    CHECK(is_alnum(c) == (upper || lower || digit));
    CHECK(to_lower(c) == (upper ? static_cast<char>(b - 'A' + 'a') : c));
  }
}

TEST_CASE("any_byte_is finds a byte in any of the eight places") {
  for (int place = 0; place < 8; ++place) {
    for (const unsigned char c : {static_cast<unsigned char>('.'), static_cast<unsigned char>(','),
                                  static_cast<unsigned char>(0x00), static_cast<unsigned char>(0xFF)}) {
      std::uint64_t x = 0x4141414141414141ULL;  // "AAAAAAAA"
      x = (x & ~(std::uint64_t{0xFF} << (8 * place))) | (std::uint64_t{c} << (8 * place));
      INFO("place " << place << ", byte " << int{c});
      CHECK(any_byte_is(x, c));
      CHECK_FALSE(any_byte_is(0x4141414141414141ULL, c));
    }
  }
  // A byte one above or below is not it (no borrow makes a false find in the lowest place).
  CHECK_FALSE(any_byte_is(0x2F2F2F2F2F2F2F2FULL, '.'));
  CHECK_FALSE(any_byte_is(0x2D2D2D2D2D2D2D2DULL, ','));
}
