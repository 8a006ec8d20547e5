#pragma once
// Currency markers that are not ISO codes, as constexpr data. Matching is exact
// (case and spacing as listed); docs/currencies.md lists the same table.

#include <array>
#include <cstddef>
#include <string_view>

namespace finmetrics::detail {

/// How an alias names its currency.
enum class AliasKind {
  fixed,        ///< always `code`
  dollar,       ///< whatever `CurrencyContext::dollar` says (`$`, "dollars")
  yen_or_yuan,  ///< whatever `CurrencyContext::yen_or_yuan` says (`¥`, `￥`)
};

struct CurrencyAlias {
  std::string_view marker;
  AliasKind kind;
  std::string_view code;  ///< ISO code for `fixed`, empty otherwise
};

// clang-format off
inline constexpr std::array currency_aliases{
    // Chinese yuan renminbi
    CurrencyAlias{"RMB", AliasKind::fixed, "CNY"},
    CurrencyAlias{"Rmb", AliasKind::fixed, "CNY"},
    CurrencyAlias{"rmb", AliasKind::fixed, "CNY"},
    CurrencyAlias{"yuan", AliasKind::fixed, "CNY"},
    CurrencyAlias{"Yuan", AliasKind::fixed, "CNY"},
    CurrencyAlias{"Chinese yuan", AliasKind::fixed, "CNY"},
    CurrencyAlias{"renminbi", AliasKind::fixed, "CNY"},
    CurrencyAlias{"Renminbi", AliasKind::fixed, "CNY"},
    CurrencyAlias{"CN¥", AliasKind::fixed, "CNY"},
    CurrencyAlias{"元", AliasKind::fixed, "CNY"},
    CurrencyAlias{"人民币", AliasKind::fixed, "CNY"},
    CurrencyAlias{"人民幣", AliasKind::fixed, "CNY"},
    // Hong Kong dollar
    CurrencyAlias{"HK$", AliasKind::fixed, "HKD"},
    CurrencyAlias{"HK dollar", AliasKind::fixed, "HKD"},
    CurrencyAlias{"HK dollars", AliasKind::fixed, "HKD"},
    CurrencyAlias{"Hong Kong dollar", AliasKind::fixed, "HKD"},
    CurrencyAlias{"Hong Kong dollars", AliasKind::fixed, "HKD"},
    CurrencyAlias{"港元", AliasKind::fixed, "HKD"},
    CurrencyAlias{"港币", AliasKind::fixed, "HKD"},
    CurrencyAlias{"港幣", AliasKind::fixed, "HKD"},
    // US dollar, named as such
    CurrencyAlias{"US$", AliasKind::fixed, "USD"},
    CurrencyAlias{"U.S.$", AliasKind::fixed, "USD"},
    CurrencyAlias{"US dollar", AliasKind::fixed, "USD"},
    CurrencyAlias{"US dollars", AliasKind::fixed, "USD"},
    CurrencyAlias{"U.S. dollar", AliasKind::fixed, "USD"},
    CurrencyAlias{"U.S. dollars", AliasKind::fixed, "USD"},
    CurrencyAlias{"美元", AliasKind::fixed, "USD"},
    // A dollar whose country the text leaves to context
    CurrencyAlias{"$", AliasKind::dollar, ""},
    CurrencyAlias{"dollar", AliasKind::dollar, ""},
    CurrencyAlias{"dollars", AliasKind::dollar, ""},
    // Other dollars with a prefix
    CurrencyAlias{"A$", AliasKind::fixed, "AUD"},
    CurrencyAlias{"AU$", AliasKind::fixed, "AUD"},
    CurrencyAlias{"C$", AliasKind::fixed, "CAD"},
    CurrencyAlias{"CA$", AliasKind::fixed, "CAD"},
    CurrencyAlias{"S$", AliasKind::fixed, "SGD"},
    CurrencyAlias{"NT$", AliasKind::fixed, "TWD"},
    // Euro
    CurrencyAlias{"€", AliasKind::fixed, "EUR"},
    CurrencyAlias{"euro", AliasKind::fixed, "EUR"},
    CurrencyAlias{"euros", AliasKind::fixed, "EUR"},
    CurrencyAlias{"Euro", AliasKind::fixed, "EUR"},
    CurrencyAlias{"Euros", AliasKind::fixed, "EUR"},
    CurrencyAlias{"欧元", AliasKind::fixed, "EUR"},
    CurrencyAlias{"歐元", AliasKind::fixed, "EUR"},
    // Pound sterling (a bare "pound" is not listed: EGP, LBP, SYP ... use it too)
    CurrencyAlias{"£", AliasKind::fixed, "GBP"},
    CurrencyAlias{"pound sterling", AliasKind::fixed, "GBP"},
    CurrencyAlias{"pounds sterling", AliasKind::fixed, "GBP"},
    CurrencyAlias{"sterling", AliasKind::fixed, "GBP"},
    CurrencyAlias{"Sterling", AliasKind::fixed, "GBP"},
    CurrencyAlias{"英镑", AliasKind::fixed, "GBP"},
    CurrencyAlias{"英鎊", AliasKind::fixed, "GBP"},
    // Japanese yen
    CurrencyAlias{"円", AliasKind::fixed, "JPY"},
    CurrencyAlias{"yen", AliasKind::fixed, "JPY"},
    CurrencyAlias{"Yen", AliasKind::fixed, "JPY"},
    CurrencyAlias{"JP¥", AliasKind::fixed, "JPY"},
    CurrencyAlias{"日元", AliasKind::fixed, "JPY"},
    CurrencyAlias{"日圓", AliasKind::fixed, "JPY"},
    // Yen or yuan: the sign is shared, so only context decides
    CurrencyAlias{"¥", AliasKind::yen_or_yuan, ""},
    CurrencyAlias{"￥", AliasKind::yen_or_yuan, ""},  // full-width form, common in Chinese text
    // Other signs that name a single currency
    CurrencyAlias{"₩", AliasKind::fixed, "KRW"},
    CurrencyAlias{"₹", AliasKind::fixed, "INR"},
};
// clang-format on

/// The alias row for `marker`, or nullptr.
[[nodiscard]] constexpr const CurrencyAlias* find_currency_alias(std::string_view marker) noexcept {
  for (const auto& a : currency_aliases) {
    if (a.marker == marker) return &a;
  }
  return nullptr;
}

[[nodiscard]] consteval bool currency_aliases_are_unique() {
  for (std::size_t i = 0; i < currency_aliases.size(); ++i) {
    for (std::size_t j = i + 1; j < currency_aliases.size(); ++j) {
      if (currency_aliases[i].marker == currency_aliases[j].marker) return false;
    }
    if ((currency_aliases[i].kind == AliasKind::fixed) == currency_aliases[i].code.empty()) return false;
  }
  return true;
}
static_assert(currency_aliases_are_unique(), "each alias is listed once; fixed aliases name a code");

}  // namespace finmetrics::detail
