#include "finmetrics/unit/scale.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

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

// Parsers ask for every word after a number, mostly words that are no scale: a
// copy of the table sorted by length (at compile time) lets a look-up compare
// only the few tokens of the right length, byte by byte.
constexpr std::size_t max_token_size = 8;

constexpr auto tokens_by_size = [] {
  std::array<ScaleToken, scale_tokens.size()> out{};
  std::size_t k = 0;
  for (std::size_t n = 1; n <= max_token_size; ++n) {
    for (const auto& t : scale_tokens) {
      if (t.token.size() == n) out[k++] = t;
    }
  }
  return out;
}();

// Tokens of length n are tokens_by_size[first_of_size[n] .. first_of_size[n + 1]).
constexpr auto first_of_size = [] {
  std::array<std::uint8_t, max_token_size + 2> first{};
  std::size_t k = 0;
  for (std::size_t n = 1; n <= max_token_size + 1; ++n) {
    first[n] = static_cast<std::uint8_t>(k);
    for (const auto& t : scale_tokens) k += t.token.size() == n ? 1 : 0;
  }
  return first;
}();
static_assert(first_of_size[max_token_size + 1] == scale_tokens.size(), "every token is at most 8 bytes long");

}  // namespace

std::optional<Scale> scale_from_token(std::string_view token) noexcept {
  const std::size_t n = token.size();
  if (n == 0 || n > max_token_size) return std::nullopt;
  for (std::size_t k = first_of_size[n]; k < first_of_size[n + 1]; ++k) {
    const char* t = tokens_by_size[k].token.data();
    std::size_t i = 0;
    while (i < n && t[i] == token[i]) ++i;
    if (i == n) return tokens_by_size[k].scale;
  }
  return std::nullopt;
}

}  // namespace finmetrics
