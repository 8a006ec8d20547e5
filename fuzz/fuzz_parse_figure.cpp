// parse_figure on arbitrary bytes, with options chosen by the first byte.
// Invariants on an accepted figure:
//  - `text` (the figure as written) and `span` agree, and re-parsing `text` gives
//    the same value, upper end, unit and qualifier;
//  - value == number shifted by the scale, and value formats and re-parses exactly;
//  - the rounding and truncation intervals contain the value (and the upper end);
//    interval() exists (never an empty set) and contains the value for the exact,
//    approximate, at-least and at-most hedges;
// on an error: a message and a position inside the text.
// And the two routes through the grammar agree: where the front path reads the text
// (src/parse/figure_front.cpp), every field of its reading (or its error) is the
// general reader's, and parse_figure's answer is the general reader's (through the
// FigureReader its memo compiles once an option set was asked about often enough,
// parse/figure_reader_memo.hpp, where that reader reads the text). And the
// compact FigureReader (parse/figure_reader.hpp) compiled for the same options:
// where it reads the text (with and without ranges), its QuotedFigure is
// parse_figure's field for field, and
// FigureReader::parse answers as parse_figure does; and its read (cached beginnings,
// fast path) reads every text as its general path (read_uncached) does.

#include <array>
#include <memory>

#include "finmetrics/parse/detail/figure_paths.hpp"
#include "finmetrics/parse/figure_reader.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "fuzz_check.hpp"

using namespace finmetrics;

namespace {

std::string show(std::string_view text, const QuotedFigure& f) {
  return std::string(text) + " -> value " + f.value.to_string() + (f.upper ? " upper " + f.upper->to_string() : "") +
         " unit '" + f.unit.to_string() + "'";
}

// Every field of a reading (the quantum of each Decimal too), or the whole error.
std::string fields(const Result<QuotedFigure>& r) {
  const auto span = [](const TextSpan& s) { return std::to_string(s.begin) + "," + std::to_string(s.end); };
  const auto exact = [](const Decimal& d) { return d.to_string() + "e" + std::to_string(d.exponent()); };
  if (!r) {
    return "error " + std::to_string(static_cast<int>(r.error().code)) + " at " + std::to_string(r.error().position) +
           ": " + r.error().message + " | " + r.error().input;
  }
  const QuotedFigure& f = *r;
  return f.text + " | " + span(f.span) + " | " + exact(f.value) + " | " + exact(f.number) + " | " +
         std::to_string(f.scale.exponent) + std::string(f.scale.symbol) + " | " + f.unit.to_string() + " | " +
         std::to_string(static_cast<int>(f.qualifier)) + " | " + (f.upper ? exact(*f.upper) : "-") + " | " +
         exact(f.tolerances.approximate) + " | " + std::string(to_string(f.currency_source)) + " | " + f.currency_marker +
         " | " + span(f.currency_span) + " | " + f.currency_family + " | " + span(f.qualifier_span);
}

bool same_reading(const FigureReading& a, const FigureReading& b) {
  return a.digits == b.digits && a.fraction_digits == b.fraction_digits && a.shift == b.shift &&
         a.scale.exponent == b.scale.exponent && a.scale.symbol == b.scale.symbol && a.negative == b.negative &&
         a.currency == b.currency && a.per == b.per && a.qualifier == b.qualifier &&
         a.currency_source == b.currency_source && a.currency_family == b.currency_family && a.begin == b.begin &&
         a.end == b.end && a.qualifier_end == b.qualifier_end && a.marker_begin == b.marker_begin &&
         a.marker_end == b.marker_end && a.range == b.range && a.upper_digits == b.upper_digits &&
         a.upper_fraction_digits == b.upper_fraction_digits;
}

ParseOptions options_from(std::uint8_t b) {
  ParseOptions o;
  static const std::array<std::optional<Currency>, 3> yen{std::nullopt, Currency{{'C', 'N', 'Y'}}, Currency{{'J', 'P', 'Y'}}};
  static const std::array<std::optional<Currency>, 3> dollar{Currency{{'U', 'S', 'D'}}, Currency{{'H', 'K', 'D'}}, std::nullopt};
  o.currency.yen_or_yuan = yen[b % 3];
  o.currency.dollar = dollar[(b / 3) % 3];
  o.count_nouns = (b & 0x80) == 0;
  return o;
}

// One reader per option set of options_from (18 of them), compiled on first use (about
// 17 million instructions each, sampled learning).
const FigureReader& reader_for(std::uint8_t b) {
  static std::array<std::unique_ptr<FigureReader>, 18> readers;
  std::unique_ptr<FigureReader>& r = readers[b % 3 + 3 * ((b / 3) % 3) + 9 * (b >> 7)];
  if (!r) r = std::make_unique<FigureReader>(options_from(b));
  return *r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const ParseOptions options = options_from(data[0]);
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  auto f = parse_figure(text, options);
  {
    const std::string general = fields(*parse_detail::parse_figure_by(text, options, parse_detail::FigurePaths::general_only));
    FUZZ_CHECK(fields(f) == general, std::string(text) + ": parse_figure " + fields(f) + " vs general " + general);
    if (const auto front = parse_detail::parse_figure_by(text, options, parse_detail::FigurePaths::front_only)) {
      FUZZ_CHECK(fields(*front) == general, std::string(text) + ": front " + fields(*front) + " vs general " + general);
    }
    const FigureReader& reader = reader_for(data[0]);
    if (FigureReading r; reader.read(text, r)) {
      const std::string compact = fields(reader.to_quoted_figure(text, r));
      FUZZ_CHECK(compact == general, std::string(text) + ": reader " + compact + " vs general " + general);
      FUZZ_CHECK(!r.range, std::string(text) + ": a range read without ranges asked for");
    }
    if (FigureReading r; reader.read(text, r, true)) {  // ranges asked for too
      const std::string compact = fields(reader.to_quoted_figure(text, r));
      FUZZ_CHECK(compact == general, std::string(text) + ": reader (ranges) " + compact + " vs general " + general);
    }
    FUZZ_CHECK(fields(reader.parse(text)) == general, std::string(text) + ": reader.parse vs general " + general);
    // read's cached beginnings and fast path against its general path, field for field
    for (const bool ranges : {false, true}) {
      FigureReading fast, slow;
      const bool a = reader.read(text, fast, ranges), b = reader.read_uncached(text, slow, ranges);
      FUZZ_CHECK(a == b, std::string(text) + ": read and read_uncached disagree on reading it");
      if (a && b) FUZZ_CHECK(same_reading(fast, slow), std::string(text) + ": read and read_uncached read it otherwise");
    }
  }
  if (!f) {
    FUZZ_CHECK(fuzz::well_formed(f.error(), text.size()), f.error().describe());
    FUZZ_CHECK(f.error().position <= text.size(), f.error().describe());
    return 0;
  }
  FUZZ_CHECK(f->span.end <= text.size() && f->span.begin <= f->span.end, show(text, *f));
  FUZZ_CHECK(text.substr(f->span.begin, f->span.size()) == f->text, show(text, *f));

  auto again = parse_figure(f->text, options);
  FUZZ_CHECK(again.has_value(), show(text, *f) + " re-parse: " + (again ? "" : again.error().describe()));
  FUZZ_CHECK(again->value == f->value && again->value.same_quantum(f->value), show(text, *f));
  FUZZ_CHECK(again->upper == f->upper, show(text, *f));
  FUZZ_CHECK(again->unit == f->unit && again->qualifier == f->qualifier, show(text, *f));

  // The value is the number at its scale, divided by 10, 100 or 1000 where a minor
  // unit (`25cps`, `5p`) or a per-N-shares amount (`per 10 shares`) divides it.
  bool scaled = false;
  for (int k = 0; k <= 3 && !scaled; ++k) scaled = f->number.shifted(f->scale.exponent - k) == f->value;
  FUZZ_CHECK(scaled, show(text, *f));
  auto value_again = Decimal::parse(f->value.to_string());
  FUZZ_CHECK(!value_again || *value_again == f->value, show(text, *f));
  if (f->upper) FUZZ_CHECK(f->value <= *f->upper, show(text, *f));

  const Interval rounding = f->rounding_interval();
  const Interval truncation = f->truncation_interval();
  FUZZ_CHECK(rounding.contains(f->value) && truncation.contains(f->value), show(text, *f) + " " + rounding.to_string());
  if (f->upper) FUZZ_CHECK(rounding.contains(*f->upper) && truncation.contains(*f->upper), show(text, *f));

  const Interval allowed = f->interval();
  switch (hedge_of(f->qualifier)) {
    case Hedge::exact:
    case Hedge::approximate:
      FUZZ_CHECK(allowed.contains(f->value), show(text, *f) + " " + allowed.to_string());
      if (f->upper) FUZZ_CHECK(allowed.contains(*f->upper), show(text, *f) + " " + allowed.to_string());
      break;
    case Hedge::at_least: FUZZ_CHECK(allowed.contains(f->value), show(text, *f)); break;
    case Hedge::at_most: FUZZ_CHECK(allowed.contains(f->upper ? *f->upper : f->value), show(text, *f)); break;
    default: break;
  }
  return 0;
}
