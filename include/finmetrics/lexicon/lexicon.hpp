#pragma once
/// \file
/// `Lexicon`: the words financial text uses for figures (currency markers, minor
/// units, scales, hedges, number words, locales, context cues), read from the
/// CSV files of `data/lexicon/` into one immutable value. `parse_figure`, the
/// extractor, `normalize` and the claims reader all read words through it; the
/// file formats are in docs/lexicon.md.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/currency/alias.hpp"
#include "finmetrics/currency/currency.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/parse/qualifier.hpp"
#include "finmetrics/unit/scale.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

/// A family of currencies that share a sign or a word (`$` and `dollars`: the
/// dollars; `¥`: yen and yuan; `pesos`). 0 is "no family".
using CurrencyFamily = std::uint8_t;

/// What a currency marker (`HK$`, `yuan`, `$`, `cents`, `cps`) names.
struct CurrencyMarker {
  /// The currency it names, or nullopt when only context decides (`$`, `¥`, `cents`).
  std::optional<Currency> currency;
  /// The family of `currency`, or the family context chooses from.
  CurrencyFamily family = 0;
  /// 1 for a currency, 100 for its minor unit (`cents`, `pence`, `p`, `paise`).
  std::uint32_t divisor = 1;
  /// `Per::share` for `cps` (cents per share).
  Per per = Per::whole;
  /// A country prefix (`US`, `HK`): names the currency of a family marker it
  /// stands with (`US4.5cps`, `HK1 cent`, `US $5`), never a currency alone.
  bool country = false;
  /// What one of the marker is worth is `multiple / divisor` of the currency:
  /// 5 for a nickel (5 / 100 dollar), 1000 for `grand` (coins.csv); else 1.
  std::uint32_t multiple = 1;
  /// Written after its number only (minor units, coins, slang: `5p`, `5 nickels`,
  /// `10 grand`); before a number it is an error.
  bool follows_number = false;
  /// A coin or slang word (coins.csv): an amount only when no word but a
  /// `count_stop` cue follows it (`10 grand for it`, never `two grand slams`).
  bool coin = false;
  /// A marker that is also an English word or name (`ALL`, `TOP`, `won`, `real`;
  /// word_like.csv): in running text it is a marker before a number only when
  /// glued to it, never in `ALL 5 solutions` or `Acme won 3 contracts`.
  bool word_like = false;
};

/// A number word (`three`, `twenty`, `hundred`, `a`, `half`, `third`, `twofold`).
struct NumberWord {
  enum class Kind : std::uint8_t {
    article,   ///< `a`, `an`: one, before a scale or a fraction
    cardinal,  ///< `one` .. `nineteen`
    tens,      ///< `twenty` .. `ninety` (`twenty-one`)
    hundred,   ///< `hundred`: multiplies what stands before it
    fraction,  ///< `half` (1/2), `third` (1/3), `quarter`: `value` / `denominator`
    multiple,  ///< `double`, `twofold`, `triple`: a multiple
  };
  Kind kind = Kind::cardinal;
  std::uint32_t value = 0;
  std::uint32_t denominator = 1;
};

/// How a locale writes numbers: `1.234,5` (de), `1 234,5` (fr), `1,23,456.7` (en-IN).
struct NumberLocale {
  std::string name;
  char decimal = '.';           ///< '.' or ','
  bool group_comma = false;     ///< 1,234
  bool group_dot = false;       ///< 1.234
  bool group_space = false;     ///< 1 234 (space, no-break, thin, narrow no-break)
  bool group_apostrophe = false;  ///< 1'234
  bool indian = false;          ///< 1,23,456 without a rupee marker
};

/// A context cue: a phrase, its category and value (`rose,direction,up`,
/// `net profit,metric,net_income`). The categories are open: the extractor
/// decides which it reads.
struct Cue {
  std::string phrase;
  std::string category;
  std::string value;
};

/// One immutable lexicon. Look-ups take the words as written: each entry
/// matches exactly or, when its file says `any`, in any ASCII case; white space
/// between the words of a phrase may be any run of spaces, tabs, no-break,
/// thin or narrow no-break spaces. Look-ups allocate nothing.
///
/// Copies share the same tables (cheap, thread-safe: nothing changes after load).
class Lexicon {
 public:
  /// The CSV files of `directory` (docs/lexicon.md): `currencies.csv`,
  /// `minor_units.csv`, `coins.csv`, `country_prefixes.csv`, `families.csv`,
  /// `scales.csv`, `qualifiers.csv`, `numbers.csv`, `locales.csv`, `cues.csv`,
  /// `withdrawn_currencies.csv`, `word_like.csv`. Errors
  /// (`io`, `csv`) name the file and line and say why in the message
  /// ("currencies.csv line 7: unknown currency 'XXX'"); `Error::line` is set.
  [[nodiscard]] static Result<Lexicon> load(const std::filesystem::path& directory);

  /// A file set given as text: (file name, contents) pairs, in any order.
  struct Source {
    std::string_view name;
    std::string_view text;
  };
  [[nodiscard]] static Result<Lexicon> from_sources(std::span<const Source> sources);

  /// The lexicon compiled into the library from `data/lexicon/*.csv` at build
  /// time: needs no data path at run time. Built once, on first use.
  [[nodiscard]] static const Lexicon& builtin();

  /// A currency marker: an ISO code (upper case; active, or withdrawn and listed
  /// in `withdrawn_currencies.csv`: `CYP`, `DEM`), a listed marker, a minor unit
  /// or a country prefix; nullptr when the text names none. The returned
  /// pointer lives as long as the lexicon.
  [[nodiscard]] const CurrencyMarker* currency_marker(std::string_view text) const noexcept;
  /// Like `currency_marker`, but also lower-case ISO codes (`10 usd`), which
  /// only count after a number.
  [[nodiscard]] const CurrencyMarker* currency_marker_after_number(std::string_view text) const noexcept;
  /// The currency a marker names in `context` (`$` -> `context.dollar`, `¥` ->
  /// `context.yen_or_yuan`); `ambiguous` when context leaves it open, naming the
  /// marker as `text`. A country prefix alone is not a currency.
  [[nodiscard]] Result<Currency> resolve(const CurrencyMarker& marker, std::string_view text,
                                         const CurrencyContext& context) const;
  /// `currency_marker` then `resolve`; `unknown_currency` for anything else.
  [[nodiscard]] Result<Currency> currency(std::string_view text, const CurrencyContext& context) const;

  /// The family named `name` ("dollar", "yen", "peso"), or 0.
  [[nodiscard]] CurrencyFamily family(std::string_view name) const noexcept;
  /// The name of a family ("" for 0).
  [[nodiscard]] std::string_view family_name(CurrencyFamily f) const noexcept;
  /// The family a currency belongs to (HKD -> dollar), or 0.
  [[nodiscard]] CurrencyFamily family_of(Currency c) const noexcept;
  /// The currencies of a family, and its default (USD for dollar; none for yen).
  [[nodiscard]] std::span<const Currency> family_members(CurrencyFamily f) const noexcept;
  [[nodiscard]] std::optional<Currency> family_default(CurrencyFamily f) const noexcept;

  /// A scale token or phrase (`bn`, `million`, `lakh crore`, `亿`).
  [[nodiscard]] std::optional<Scale> scale(std::string_view text) const noexcept;
  /// A hedge phrase (`about`, `in the region of`, `~`) and the qualifier it means.
  [[nodiscard]] std::optional<Qualifier> qualifier(std::string_view phrase) const noexcept;
  /// A number word (`three`, `twenty`, `hundred`, `half`, `twofold`).
  [[nodiscard]] const NumberWord* number_word(std::string_view word) const noexcept;
  /// A locale by name (`de`, `fr`, `en-IN`), or nullptr.
  [[nodiscard]] const NumberLocale* locale(std::string_view name) const noexcept;
  /// Every locale, in file order.
  [[nodiscard]] std::span<const NumberLocale> locales() const noexcept;
  /// Every cue, in file order, and those of one phrase (in any category).
  [[nodiscard]] std::span<const Cue> cues() const noexcept;
  [[nodiscard]] std::vector<const Cue*> cues_for(std::string_view phrase) const;
  /// The cue of `phrase` (any case) in `category`, or nullptr; allocates nothing
  /// (the extractor's word lists: `hedge_verb`, `count_stop`, `duration`, ...).
  [[nodiscard]] const Cue* cue(std::string_view phrase, std::string_view category) const noexcept;

  /// The most words any phrase of a table has (for longest-match readers).
  [[nodiscard]] int max_currency_words() const noexcept;
  [[nodiscard]] int max_scale_words() const noexcept;
  [[nodiscard]] int max_qualifier_words() const noexcept;
  [[nodiscard]] int max_cue_words() const noexcept;

  /// Whether a byte can start a qualifier phrase (a filter before `qualifier`).
  [[nodiscard]] bool may_start_qualifier(char c) const noexcept;

  struct Tables;  ///< private representation (src/lexicon/tables.hpp)

 private:
  explicit Lexicon(std::shared_ptr<const Tables> t) : t_(std::move(t)) {}
  std::shared_ptr<const Tables> t_;
};

}  // namespace finmetrics
