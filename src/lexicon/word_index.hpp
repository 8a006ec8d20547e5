#pragma once
// A phrase -> row index, open addressing over a 64-bit FNV-1a hash. Keys are
// stored normalised (white-space runs as one ' ', ASCII-lower-cased for the
// case-insensitive index), and look-ups normalise the text into a stack buffer,
// so that a look-up allocates nothing.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace finmetrics::lexicon_detail {

/// Longer phrases are refused at load time and never found.
inline constexpr std::size_t max_phrase_bytes = 96;

/// `text` normalised into `out`: each run of white space (space, tab, U+00A0,
/// U+2009, U+202F, U+3000) as one ' ', ASCII letters lower-cased when `fold`.
/// Returns the length, or npos when longer than `max_phrase_bytes` or when white
/// space starts or ends the text (callers trim).
std::size_t normalise(std::string_view text, bool fold, std::array<char, max_phrase_bytes>& out) noexcept;

class WordIndex {
 public:
  /// Adds a normalised key; false when it is already there.
  bool add(std::string key, std::uint32_t row);
  /// The row of a normalised key.
  [[nodiscard]] const std::uint32_t* find_normalised(std::string_view key) const noexcept;
  /// The row of `text`, normalised as the index was built.
  [[nodiscard]] const std::uint32_t* find(std::string_view text, bool fold) const noexcept;
  [[nodiscard]] bool empty() const noexcept { return keys_.empty(); }
  /// False when `text` is surely no key (its first and last bytes are no key's): the
  /// filter `find` starts with, for a caller that looks the text up elsewhere.
  [[nodiscard]] bool may_hold(std::string_view text, bool fold) const noexcept {
    if (text.empty()) return false;
    const auto f = [fold](char c) {
      return static_cast<unsigned char>(fold && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    };
    const std::size_t bit = ends_bit(f(text.front()), f(text.back()));
    return (key_ends_[bit / 64] >> (bit % 64) & 1U) != 0;
  }
  /// Every key and its row, in the order added.
  template <class F>
  void each(F&& f) const {
    for (std::size_t i = 0; i < keys_.size(); ++i) f(keys_[i], rows_[i]);
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint64_t word = 0;  // a key of at most 8 bytes, as read by `short_word`: compared without memcmp
    std::uint32_t key = 0;   // 1 + index into keys_, 0 = empty
    std::uint32_t size = 0;  // the key's length
  };
  void grow();
  [[nodiscard]] const std::uint32_t* probe(std::uint64_t hash, std::string_view key) const noexcept;
  [[nodiscard]] const std::uint32_t* probe_short(std::uint64_t word, std::size_t size) const noexcept;
  // The hash of a normalised key: hash_short up to 8 bytes, hash_bytes beyond.
  [[nodiscard]] static std::uint64_t key_hash(std::string_view key) noexcept;

  // A bit per (first byte, last byte) of the keys, hashed into 4,096: a text whose
  // pair has none is no key, said before it is normalised and hashed. Exact for
  // any text: normalising folds ASCII and makes inner white-space runs one ' ', and
  // a text that starts or ends with white space is no key.
  [[nodiscard]] static std::size_t ends_bit(unsigned char first, unsigned char last) noexcept {
    return (static_cast<std::size_t>(first) * 67 + last) & 4095;
  }

  std::vector<Slot> slots_;
  std::array<std::uint64_t, 64> key_ends_{};
  std::vector<std::string> keys_;
  std::vector<std::uint32_t> rows_;
};

// A key of at most 8 bytes as one little-endian integer (zero-padded), and the hash
// of such a word: one multiply instead of a multiply per byte.
[[nodiscard]] inline std::uint64_t short_word(const char* p, std::size_t n) noexcept {
  std::uint64_t w = 0;
  for (std::size_t i = 0; i < n; ++i) w |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return w;
}
[[nodiscard]] constexpr std::uint64_t hash_short(std::uint64_t w, std::size_t n) noexcept {
  std::uint64_t h = (w ^ (static_cast<std::uint64_t>(n) << 56)) * 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 29);
}

[[nodiscard]] constexpr std::uint64_t hash_bytes(std::string_view s) noexcept {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace finmetrics::lexicon_detail
