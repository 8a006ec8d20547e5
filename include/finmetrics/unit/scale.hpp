#pragma once
/// \file
/// Scales as quoted: `k`, `mn`, `bn`, `tn`, `million`, `lakh`, `crore`, `万`, `亿`.

#include <optional>
#include <string_view>

namespace finmetrics {

/// A power of ten written as a word or suffix. `exponent` is log10 of the factor.
struct Scale {
  int exponent = 0;
  std::string_view symbol = "";  ///< canonical short form: "", "k", "mn", "bn", "tn", "lakh", "crore", "万", "亿"

  friend constexpr bool operator==(const Scale& a, const Scale& b) noexcept { return a.exponent == b.exponent; }
};

namespace scales {
inline constexpr Scale units{0, ""};
inline constexpr Scale thousand{3, "k"};
inline constexpr Scale wan{4, "万"};        ///< Chinese 10^4
inline constexpr Scale lakh{5, "lakh"};     ///< Indian 10^5
inline constexpr Scale million{6, "mn"};
inline constexpr Scale crore{7, "crore"};   ///< Indian 10^7
inline constexpr Scale yi{8, "亿"};         ///< Chinese 10^8
inline constexpr Scale billion{9, "bn"};
inline constexpr Scale trillion{12, "tn"};
}  // namespace scales

/// The scale a token names: attached (`k`, `m`, `mn`, `bn`, `tn`, `b`) or a word
/// (`thousand`, `million`, `billion`, `trillion`, `lakh`, `crore`, `万`, `亿`).
/// Case-sensitive for the one-letter forms (`m` is million, `M` too; `K` thousand),
/// nullopt for anything else. The tokens are data (`data/lexicon/scales.csv`, read
/// through `Lexicon::builtin()`; `Lexicon::scale` for another lexicon).
[[nodiscard]] std::optional<Scale> scale_from_token(std::string_view token) noexcept;

/// The scale whose canonical symbol or word is `name` ("bn", "billion", "1e9" is not accepted).
[[nodiscard]] inline std::optional<Scale> scale_from_name(std::string_view name) noexcept {
  return scale_from_token(name);
}

}  // namespace finmetrics
