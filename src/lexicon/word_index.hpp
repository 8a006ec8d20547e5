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

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t key = 0;  // 1 + index into keys_, 0 = empty
  };
  void grow();
  [[nodiscard]] const std::uint32_t* probe(std::uint64_t hash, std::string_view key) const noexcept;

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

[[nodiscard]] constexpr std::uint64_t hash_bytes(std::string_view s) noexcept {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace finmetrics::lexicon_detail
