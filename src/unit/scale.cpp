#include "finmetrics/unit/scale.hpp"

#include <array>

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

}  // namespace

std::optional<Scale> scale_from_token(std::string_view token) noexcept {
  for (const auto& t : scale_tokens) {
    if (t.token == token) return t.scale;
  }
  return std::nullopt;
}

}  // namespace finmetrics
