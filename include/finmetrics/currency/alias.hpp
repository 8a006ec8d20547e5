#pragma once
/// \file
/// Currency markers as written in text: ISO codes, aliases (`RMB`, `Rmb`, `yuan`,
/// `renminbi`, `元`, `HK$`, `US$`, `€`, `£`) and the ambiguous symbols `$` and `¥`,
/// which only an explicit `CurrencyContext` resolves. The markers are data
/// (`data/lexicon/`, read through `Lexicon::builtin()`; see docs/lexicon.md).

#include <optional>
#include <string_view>

#include "finmetrics/currency/currency.hpp"

namespace finmetrics {

/// How to read the symbols that name more than one currency.
struct CurrencyContext {
  /// A bare `$`: US dollar unless the caller says otherwise (e.g. HKD in a Hong
  /// Kong filing).
  std::optional<Currency> dollar = Currency{{'U', 'S', 'D'}};
  /// A bare `¥`: yen or yuan; unset means it is an error, never a guess.
  std::optional<Currency> yen_or_yuan = std::nullopt;
  /// Whether the caller named `dollar` (`--dollar USD`) rather than left it at its
  /// default: a `$` read through a default is `CurrencySource::default_`, through
  /// an option `CurrencySource::option`. A `dollar` other than the family's
  /// default (USD) always counts as an option.
  bool dollar_is_option = false;
};

/// The currency a marker names (`"Rmb"`, `"HK$"`, `"yuan"`, `"USD"`, `"$"`) in the
/// built-in lexicon (`Lexicon::currency` for another).
/// Errors: `unknown_currency` ("unknown currency 'XYZ'"), `ambiguous` for `¥`
/// (or `$`) without context.
[[nodiscard]] Result<Currency> currency_from_marker(std::string_view marker,
                                                    const CurrencyContext& context = {});

}  // namespace finmetrics
