#pragma once
// The JSON writer of figures_json (private to src/extract): keys and values written
// straight into the output string, in the bytes nlohmann's dump of an ordered_json
// gave (a tree per figure cost more than reading the figures). The output grows
// ahead of the writes and is cut to what was written at the end, so that a key or a
// value is one copy, not a string append per piece; a string is validated as UTF-8
// and escaped in the same pass (strings that are not well-formed UTF-8, and
// confidences outside [0, 1], are still dumped by nlohmann, so they read as before).

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "finmetrics/detail/utf8.hpp"

namespace finmetrics::extract_detail {

class JsonWriter {
 public:
  /// Writes at the end of `out`; `finish` (or the destructor) cuts `out` to what was written.
  explicit JsonWriter(std::string& out) : out_(out), size_(out.size()) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  ~JsonWriter() { finish(); }

  void finish() { out_.resize(size_); }

  // `,"k":` (or `"k":` first in an object): the keys are plain ASCII. A literal key's
  // length is known here, so its copy is a few stores, not a call.
  template <std::size_t N>
  void key(const char (&k)[N]) {
    char* p = key_start(N - 1);
    std::memcpy(p, k, N - 1);
    key_end(p + (N - 1));
  }
  void key(std::string_view k) {
    char* p = key_start(k.size());
    std::memcpy(p, k.data(), k.size());
    key_end(p + k.size());
  }
  void string(std::string_view v) {
    separate();
    write_string(v);
  }
  /// The same bytes of the text as the last string written through `last` (the
  /// sentence that several figures share): its JSON is copied, not escaped again.
  struct Recent {
    const char* data = nullptr;
    std::size_t size = 0;
    std::size_t at = 0;   // where its JSON starts in the output
    std::size_t len = 0;  // and its length
  };
  void string(std::string_view v, Recent& last) {
    separate();
    if (v.data() == last.data && v.size() == last.size && last.data != nullptr) {
      char* p = room(last.len);
      std::memcpy(p, out_.data() + last.at, last.len);
      size_ += last.len;
      return;
    }
    const std::size_t at = size_;
    write_string(v);
    last = Recent{v.data(), v.size(), at, size_ - at};
  }

 private:
  void write_string(std::string_view v) {
    // At most six bytes a byte (`\u00xx`) and the quotes.
    const std::size_t start = size_;
    char* const begin = room(v.size() * 6 + 2);
    char* p = begin;
    *p++ = '"';
    const auto* b = reinterpret_cast<const unsigned char*>(v.data());
    const std::size_t n = v.size();
    std::size_t run = 0;  // the first byte not yet copied, none of which needs escaping
    std::size_t i = 0;
    while (i < n) {
      // Sixteen (or eight) bytes at a time past printable ASCII other than '"' and '\\'.
#ifdef __SSE2__
      for (; i + 16 <= n; i += 16) {
        if (!plain16(b + i)) break;
      }
#endif
      for (std::uint64_t x; i + 8 <= n; i += 8) {
        std::memcpy(&x, b + i, 8);
        if (!plain8(x)) break;
      }
      if (i >= n) break;
      const unsigned char c = b[i];
      if (c >= 0x80) {
        const std::size_t len = detail::well_formed_utf8_length(v, i);
        if (len == 0) {  // not UTF-8: nlohmann's reading, invalid bytes replaced
          size_ = start;
          append(nlohmann::ordered_json(v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
          return;
        }
        i += len;
        continue;
      }
      if (c >= 0x20 && c != '"' && c != '\\') {
        ++i;
        continue;
      }
      std::memcpy(p, b + run, i - run);
      p += i - run;
      run = i + 1;
      *p++ = '\\';
      switch (c) {
        case '\b': *p++ = 'b'; break;
        case '\t': *p++ = 't'; break;
        case '\n': *p++ = 'n'; break;
        case '\f': *p++ = 'f'; break;
        case '\r': *p++ = 'r'; break;
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        default: {  // other control characters as nlohmann writes them: \u00xx, lower-case hex
          static constexpr char hex[] = "0123456789abcdef";
          std::memcpy(p, "u00", 3);
          p[3] = hex[c >> 4];
          p[4] = hex[c & 0xF];
          p += 5;
        }
      }
      ++i;
    }
    std::memcpy(p, b + run, n - run);
    p += n - run;
    *p++ = '"';
    end_at(p);
  }

 public:
  void number(std::size_t v) {
    separate();
    const fmt::format_int digits(v);
    append(std::string_view(digits.data(), digits.size()));
  }
  /// `prefix` then the decimal digits of v, as a string (`"E12"`).
  void string_number(char prefix, std::size_t v) {
    separate();
    const fmt::format_int digits(v);
    char* p = room(digits.size() + 3);
    *p++ = '"';
    *p++ = prefix;
    std::memcpy(p, digits.data(), digits.size());
    p += digits.size();
    *p++ = '"';
    end_at(p);
  }
  void boolean(bool v) {
    separate();
    append(v ? std::string_view("true") : std::string_view("false"));
  }
  void null() {
    separate();
    append("null");
  }
  /// Bytes between values (`,\n` between figures); the next value starts a list afresh.
  void raw(std::string_view v) {
    append(v);
    first_ = true;
    value_next_ = false;
  }
  // A ranking score, printed to two decimals, as nlohmann prints that double.
  void confidence(double c) {
    separate();
    const double v = std::round(c * 100) / 100;
    if (v >= 0 && v <= 1) {
      append(hundredths()[static_cast<std::size_t>(std::lround(v * 100))]);
    } else {
      append(nlohmann::ordered_json(v).dump());
    }
  }
  void begin_object() {
    separate();
    append("{");
    first_ = true;
  }
  void end_object() {
    append("}");
    first_ = false;
  }

 private:
  // The separator and opening quote of a key of `size` bytes; where the key goes.
  char* key_start(std::size_t size) {
    char* p = room(size + 4);
    if (!first_) *p++ = ',';
    *p++ = '"';
    return p;
  }
  void key_end(char* p) {
    *p++ = '"';
    *p++ = ':';
    end_at(p);
    first_ = true;  // the value follows without a comma
    value_next_ = true;
  }
  // At least `n` bytes of room past what was written; the first of them.
  char* room(std::size_t n) {
    if (out_.size() - size_ < n) [[unlikely]] grow(n);
    return out_.data() + size_;
  }
  // Up to the string's capacity when that holds n more bytes (no copy, the tail filled
  // once), else past it, where the string doubles its capacity.
  void grow(std::size_t n) { out_.resize(std::max(out_.capacity(), size_ + n + 4096)); }
  void end_at(const char* p) { size_ = static_cast<std::size_t>(p - out_.data()); }
  void append(std::string_view v) {
    char* p = room(v.size());
    std::memcpy(p, v.data(), v.size());
    size_ += v.size();
  }
  void separate() {
    if (value_next_) {
      value_next_ = false;
    } else if (!first_) {
      append(",");
    }
    first_ = false;
  }
  // Whether none of the eight bytes of x needs a second look: each is printable
  // ASCII (0x20 to 0x7F) and neither '"' nor '\\'. DEL (0x7F) and the bytes past
  // ASCII are written as they are once the UTF-8 around them is checked, so 0x7F
  // may pass here and 0x80 up may not.
  static bool plain8(std::uint64_t x) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    const auto has_zero = [](std::uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
    if ((x & highs) != 0) return false;                   // a byte past ASCII
    if (((x - ones * 0x20) & highs) != 0) return false;   // a control character (no byte is >= 0x80 here)
    return !has_zero(x ^ (ones * '"')) && !has_zero(x ^ (ones * '\\'));
  }
#ifdef __SSE2__
  // plain8 for sixteen bytes: a signed compare below 0x20 finds the control characters
  // and the bytes past ASCII at once (DEL passes, as in plain8).
  static bool plain16(const unsigned char* p) noexcept {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i low = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
    const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
    const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    return _mm_movemask_epi8(_mm_or_si128(low, _mm_or_si128(quote, backslash))) == 0;
  }
#endif
  // nlohmann's text of k / 100.0 for k in [0, 100]: round(c * 100) / 100 is that double.
  static const std::array<std::string, 101>& hundredths() {
    static const std::array<std::string, 101> texts = [] {
      std::array<std::string, 101> t;
      for (std::size_t k = 0; k < t.size(); ++k) t[k] = nlohmann::ordered_json(static_cast<double>(k) / 100).dump();
      return t;
    }();
    return texts;
  }

  std::string& out_;
  std::size_t size_;  // the bytes of out_ written; past them, room
  bool first_ = true;
  bool value_next_ = false;
};

}  // namespace finmetrics::extract_detail
