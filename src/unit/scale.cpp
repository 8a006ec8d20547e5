#include "finmetrics/unit/scale.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace finmetrics {

namespace {

// Scale tokens as data; exact, case-sensitive matching. docs/currencies.md lists
// the same table.
struct ScaleToken {
  std::string_view token;
  Scale scale;
};

// clang-format off
constexpr std::array scale_tokens{
    ScaleToken{"k", scales::thousand},
    ScaleToken{"K", scales::thousand},
    ScaleToken{"thousand", scales::thousand},
    ScaleToken{"Thousand", scales::thousand},
    ScaleToken{"m", scales::million},
    ScaleToken{"M", scales::million},
    ScaleToken{"mn", scales::million},
    ScaleToken{"mln", scales::million},
    ScaleToken{"mm", scales::million},   // US banking's "MM" (thousand thousands)
    ScaleToken{"MM", scales::million},
    ScaleToken{"million", scales::million},
    ScaleToken{"Million", scales::million},
    ScaleToken{"b", scales::billion},
    ScaleToken{"B", scales::billion},
    ScaleToken{"bn", scales::billion},
    ScaleToken{"Bn", scales::billion},
    ScaleToken{"bln", scales::billion},
    ScaleToken{"billion", scales::billion},
    ScaleToken{"Billion", scales::billion},
    ScaleToken{"T", scales::trillion},
    ScaleToken{"tn", scales::trillion},
    ScaleToken{"trn", scales::trillion},
    ScaleToken{"trillion", scales::trillion},
    ScaleToken{"Trillion", scales::trillion},
    ScaleToken{"lakh", scales::lakh},
    ScaleToken{"lakhs", scales::lakh},
    ScaleToken{"Lakh", scales::lakh},
    ScaleToken{"crore", scales::crore},
    ScaleToken{"crores", scales::crore},
    ScaleToken{"Crore", scales::crore},
    ScaleToken{"cr", scales::crore},
    ScaleToken{"万", scales::wan},
    ScaleToken{"萬", scales::wan},
    ScaleToken{"亿", scales::yi},
    ScaleToken{"億", scales::yi},
    ScaleToken{"万亿", scales::trillion},  // 10^4 x 10^8, the Chinese trillion
    ScaleToken{"萬億", scales::trillion},
};
// clang-format on

// Parsers ask for every word after a number, mostly words that are no scale, so
// the table gets an open-addressing hash index, built at compile time: a look-up
// hashes length, first and last byte and compares one token or two.
constexpr std::size_t slot_count = 128;  // a power of two, over three times the tokens

constexpr std::size_t slot_of(std::string_view t) noexcept {
  const auto first = static_cast<unsigned char>(t.front());
  const auto last = static_cast<unsigned char>(t.back());
  return (t.size() * 7 + first * 3 + last) & (slot_count - 1);
}

// slots[k] is 1 + the index of a token, or 0 for an empty slot.
constexpr auto slots = [] {
  std::array<std::uint8_t, slot_count> out{};
  for (std::size_t i = 0; i < scale_tokens.size(); ++i) {
    std::size_t k = slot_of(scale_tokens[i].token);
    while (out[k] != 0) k = (k + 1) & (slot_count - 1);
    out[k] = static_cast<std::uint8_t>(i + 1);
  }
  return out;
}();
static_assert(scale_tokens.size() * 3 < slot_count && scale_tokens.size() < 255);

constexpr bool same_bytes(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

constexpr const ScaleToken* find_token(std::string_view token) noexcept {
  if (token.empty()) return nullptr;
  for (std::size_t k = slot_of(token); slots[k] != 0; k = (k + 1) & (slot_count - 1)) {
    const ScaleToken& t = scale_tokens[slots[k] - 1U];
    if (same_bytes(t.token, token)) return &t;
  }
  return nullptr;
}

consteval bool every_token_is_found() {
  for (const auto& t : scale_tokens) {
    if (find_token(t.token) != &t) return false;
  }
  return true;
}
static_assert(every_token_is_found(), "each token is listed once and indexed");

}  // namespace

std::optional<Scale> scale_from_token(std::string_view token) noexcept {
  if (const ScaleToken* t = find_token(token)) return t->scale;
  return std::nullopt;
}

}  // namespace finmetrics
