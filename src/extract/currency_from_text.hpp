#pragma once
// What the words of a text say about the currency of a figure whose own marker does
// not say it all: the currencies the text names, the one currency of a family without
// default (`pesos`) its explicit figures and codes name, and a minor unit that other
// currencies name too (`sen`). Private to src/extract (figures_from_candidates.cpp).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/extract/extracted_figure.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/parse/parse_figure.hpp"

namespace finmetrics::extract_detail {

/// The currencies a cue's value lists, space-separated ISO codes (`AUD NZD`), in order;
/// a word that is no code is passed over.
std::vector<Currency> currencies_listed(std::string_view list);

/// The currencies the words of `text` name (`yen`, `JPY`, `ringgit`, `RM`; minor units
/// not), each once, in text order.
std::vector<Currency> currencies_named(std::string_view text, const Lexicon& lexicon);

/// Whether `m` names a family of currencies and no one of them, outside the dollar
/// and yen (whose bare signs are resolved otherwise): `pesos`, `dinars`.
bool names_family_only(const CurrencyMarker* m, const Lexicon& lexicon);

/// Whether `text` holds such a marker: a word (`pesos`, `naira`) or a sign of one code
/// point (`₦`, `₫`).
bool holds_family_only_marker(std::string_view text, const Lexicon& lexicon);

/// An explicit money figure of the text: its currency and bytes.
struct ExplicitMoney {
  Currency currency;
  TextSpan span;
};

/// The currency the dateline's place names (`family_place` cues: "MEXICO CITY (Reuters) -",
/// "MANILA -", "NAIROBI, May 9 -") when it is of `family`, with the place as evidence;
/// nullopt when the text opens with no dateline or its place names none of the family.
std::optional<CurrencyEvidence> dateline_currency(std::string_view text, CurrencyFamily family, const Lexicon& lexicon);

/// The currency the dateline's place names (`family_place` cues), of whatever family,
/// with the place as evidence; nullopt when the text opens with no dateline or its
/// place names none.
std::optional<CurrencyEvidence> dateline_place_currency(std::string_view text, const Lexicon& lexicon);

/// `figure` (the text of a figure refused as ambiguous) read with the one currency of
/// its family marker without default (`pesos`: MXN, PHP, ...) that the text's explicit
/// figures and the currencies its words name agree on, and the evidence (the first such
/// figure, else the code); nullopt when the figure holds no such marker, or the text
/// names none or several (then the dateline's place may say). Dollar and yen are resolved otherwise.
std::optional<std::pair<QuotedFigure, CurrencyEvidence>> family_of_document(std::string_view figure,
                                                                            std::string_view text,
                                                                            std::span<const ExplicitMoney> explicit_money,
                                                                            std::span<const Currency> named,
                                                                            const Lexicon& lexicon,
                                                                            const ParseOptions& options);

/// `q` read again with the one other currency its shared marker
/// may name (`marker_shared` cues: `Rs` and `rupees` are INR by default, and Pakistan,
/// Sri Lanka, Nepal, Mauritius write them too) that the text names, by an explicit figure
/// or a word (`PKR`, `Pakistani rupees`), else by its dateline's place (`KARACHI -`), when no explicit figure of the text names the
/// default by a marker of its own (`₹`, `INR`); with the evidence. nullopt otherwise.
std::optional<std::pair<QuotedFigure, CurrencyEvidence>> shared_marker_of_document(
    const QuotedFigure& q, std::string_view text, std::span<const ExplicitMoney> explicit_money,
    std::span<const Currency> named, const Lexicon& lexicon, const ParseOptions& options);

/// Why a figure whose minor unit other currencies name too (`minor_shared` cues: `sen`
/// is the ringgit's, the yen's and the rupiah's hundredth) is not read: the text names
/// one of the others and not its own currency. nullopt when it may be read.
std::optional<std::string> shared_minor_unit_refusal(std::string_view marker, Currency own,
                                                     std::span<const Currency> named, const Lexicon& lexicon);

}  // namespace finmetrics::extract_detail
