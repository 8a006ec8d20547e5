#pragma once
// A per-word memo for the extractor's scanners: the answer of a look-up that
// depends on a word alone. Not public API.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace finmetrics::extract_detail {

// The answer of a look-up that depends on a word alone, kept per word as written
// (up to 16 bytes) in a two-way set-associative table: an article repeats its words
// and every word is looked up. A word is keyed by two overlapping 8-byte (or 4-byte)
// loads of its ends and its length, which together hold every byte of it: a hit is
// three compares, and no byte loop hashes it. Longer words are computed each time.
// The table grows with the text (`text_bytes / 64` slots, 64 to `MaxSlots`), so that
// a short text pays for no large table; a long one's vocabulary (a few thousand
// words) fits.
template <class V, std::size_t MaxSlots>
class WordMemo {
  static_assert((MaxSlots & (MaxSlots - 1)) == 0 && MaxSlots >= 64, "MaxSlots is a power of two");

 public:
  explicit WordMemo(std::size_t text_bytes) {
    std::size_t slots = 64;
    while (slots < MaxSlots && slots * 64 < text_bytes) slots *= 2;
    slots_.resize(slots);
  }

  template <class Compute>
  V get(std::string_view w, Compute&& compute) {
    if (w.size() > 16 || w.empty()) return compute();
    std::uint64_t a = 0, b = 0;
    const char* d = w.data();
    const std::size_t n = w.size();
    if (n >= 8) {
      std::memcpy(&a, d, 8);
      std::memcpy(&b, d + n - 8, 8);
    } else if (n >= 4) {
      std::uint32_t a4 = 0, b4 = 0;
      std::memcpy(&a4, d, 4);
      std::memcpy(&b4, d + n - 4, 4);
      a = a4;
      b = b4;
    } else {
      a = static_cast<unsigned char>(d[0]) | static_cast<std::uint64_t>(static_cast<unsigned char>(d[n / 2])) << 8 |
          static_cast<std::uint64_t>(static_cast<unsigned char>(d[n - 1])) << 16;
    }
    const std::uint64_t h = ((a ^ (b * 0x9E3779B97F4A7C15ULL) ^ n) * 0xFF51AFD7ED558CCDULL) >> 32;
    Slot* set = &slots_[(h * 2) & (slots_.size() - 1)];
    if (set[0].a == a && set[0].b == b && set[0].size == n) return set[0].value;
    if (set[1].a == a && set[1].b == b && set[1].size == n) return set[1].value;
    set[1] = set[0];  // the newest word first, the older one kept
    set[0].value = compute();
    set[0].a = a;
    set[0].b = b;
    set[0].size = static_cast<std::uint8_t>(n);
    return set[0].value;
  }

 private:
  struct Slot {
    std::uint64_t a = 0, b = 0;
    std::uint8_t size = 0;  // 0: no word yet (the empty word is never kept)
    V value{};
  };
  std::vector<Slot> slots_;
};

}  // namespace finmetrics::extract_detail
