#pragma once
/// \file
/// Errors as values at the parsing boundary: every failure names what was read,
/// where, and why. Programming errors (broken preconditions) are exceptions.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include <tl/expected.hpp>

namespace finmetrics {

/// What kind of failure an `Error` reports; stable, so callers can branch on it.
enum class Errc {
  syntax,            ///< text outside the grammar (malformed number, stray character)
  unknown_currency,  ///< a currency code or alias that is not known
  ambiguous,         ///< a marker that needs context (`¥`, a bare fiscal `Q3`)
  overflow,          ///< a value beyond the decimal range
  out_of_range,      ///< a valid value outside what the operation accepts
  no_rate,           ///< no FX fixing on or before the date, or too stale
  currency_mismatch, ///< arithmetic across currencies or units
  invalid_date,      ///< a date that does not exist or does not parse
  io,                ///< a file that cannot be opened or read
  csv,               ///< a CSV row that is broken (field count, quoting, header)
};

/// A failure with its position: `input` is the text that was read (a figure, a
/// file name, a row), `position` the 0-based byte offset in it where reading failed
/// (`npos` when no single position applies), `line` the 1-based line when known.
struct Error {
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  Errc code = Errc::syntax;
  std::string message;
  std::string input;
  std::size_t position = npos;
  std::size_t line = 0;

  /// One line for people: "input 'Rmb8,1bn', column 6: expected 3 digits after ','".
  /// The input is shown through `quote_for_message` (escaped, at most
  /// `default_excerpt_bytes` of it), the message with its control bytes and
  /// invalid UTF-8 escaped.
  [[nodiscard]] std::string describe() const;
};

/// How much of an input a diagnostic shows by default (bytes of the input).
inline constexpr std::size_t default_excerpt_bytes = 80;

/// `text` made safe to show inside one line of a diagnostic (put quotes around
/// it yourself): line feeds, carriage returns and tabs as `\n`, `\r`, `\t`,
/// other control bytes and bytes that are not well-formed UTF-8 as `\xHH`
/// (upper-case hex), so the result is valid UTF-8 without line breaks; text
/// longer than `max_bytes` is cut at a character boundary and ends in
/// `... (N bytes)`, so a 100 KB figure is never echoed in full.
/// `quote_for_message("Rmb5\nbn")` is `Rmb5\nbn` (a backslash and an n).
[[nodiscard]] std::string quote_for_message(std::string_view text, std::size_t max_bytes = default_excerpt_bytes);

/// Builds an error; `position` is a byte offset into `input`.
[[nodiscard]] inline Error make_error(Errc code, std::string message, std::string_view input = {},
                                      std::size_t position = Error::npos) {
  return Error{code, std::move(message), std::string(input), position, 0};
}

/// The result of anything that reads outside input.
template <class T>
using Result = tl::expected<T, Error>;

using tl::unexpected;

/// Thrown when exact arithmetic would leave the decimal range; never a silent wrap.
class DecimalOverflow : public std::overflow_error {
 public:
  using std::overflow_error::overflow_error;
};

/// Thrown for arithmetic across currencies or units on runtime-typed values when
/// the caller chose the throwing operators; the checked functions return `Error`.
class CurrencyMismatch : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

}  // namespace finmetrics
