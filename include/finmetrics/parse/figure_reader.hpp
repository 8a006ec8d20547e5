#pragma once
/// \file
/// `FigureReader`: a reader of the commonest money figures (`Rmb81bn`, `US$34.5bn`,
/// `HK$140.9 per share`, `GBP 1,234.5 million`, `INR 64 810`, `380 billion yuan`,
/// `1.49 cents`, `about $5bn`, `US$-677.0mn`, `US4.5cps`), compiled once from a lexicon and
/// `ParseOptions`, whose `read` keeps offsets and plain integers (a
/// trivially-copyable `FigureReading`, nothing allocated) until a caller asks for
/// the `QuotedFigure`. It answers only where `parse_figure` reads the text the
/// same way, field for field, and says "not mine" for everything else (ranges,
/// parentheses, number words, percentages, errors...), which `parse_figure` then
/// reads: one grammar, a faster route through its commonest corner.
///
/// Nothing of it is a second vocabulary: its words are the lexicon's own
/// (markers, scales, hedges), and each is kept, in each position, only where
/// `parse_figure` with the reader's options reads sample figures with it to the
/// same `QuotedFigure` (tests/parse/figure_reader_test.cpp and
/// fuzz/fuzz_parse_figure.cpp compare both on corpora, near misses and
/// arbitrary bytes).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/parse/qualifier.hpp"
#include "finmetrics/parse/quoted_figure.hpp"
#include "finmetrics/unit/scale.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

/// One figure as `FigureReader::read` read it: where its pieces are in the text
/// and its number as plain integers. The value is
/// `(negative ? -1 : 1) x digits x 10^exponent()`, stated to that quantum.
struct FigureReading {
  std::uint64_t digits = 0;          ///< the number's digits as one integer (at most 18 of them)
  std::int32_t fraction_digits = 0;  ///< digits after the decimal point: the number is digits x 10^-fraction_digits
  std::int32_t shift = 0;            ///< minus the power of ten of a minor unit (`cents`: -2) and of
                                     ///< `per 10 shares` (-1), else 0
  Scale scale = scales::units;       ///< as written (`bn` and `billion` are one scale)
  bool negative = false;
  Currency currency;
  Per per = Per::whole;
  Qualifier qualifier = Qualifier::none;
  CurrencySource currency_source = CurrencySource::explicit_;
  std::uint8_t currency_family = 0;  ///< the marker's family in the lexicon (`Lexicon::family_name`; 0: none)
  std::uint32_t begin = 0;           ///< the figure without surrounding white space: [begin, end)
  std::uint32_t end = 0;
  std::uint32_t qualifier_end = 0;   ///< the hedge is [begin, qualifier_end) (empty: none)
  std::uint32_t marker_begin = 0;    ///< the currency marker as written: [marker_begin, marker_end)
  std::uint32_t marker_end = 0;
  /// A range (`$2.3-2.5 billion`, `5 to 7 billion yuan`, `between ₹7 and 22 lakh crore`,
  /// `5m to 1bn USD`; only where `read` was asked for ranges): its upper end is
  /// `upper_digits x 10^upper_exponent()`, and the value above is its lower end.
  /// Where the upper end states a scale of its own, `upper_fraction_digits` counts
  /// it against `scale` (so that it may be negative: `5m to 1bn` has 3 - 0).
  bool range = false;
  std::int32_t upper_fraction_digits = 0;
  std::uint64_t upper_digits = 0;

  /// The power of ten of the value's last stated digit: scale, minor unit and decimals.
  [[nodiscard]] int exponent() const noexcept { return scale.exponent + shift - fraction_digits; }
  [[nodiscard]] int upper_exponent() const noexcept { return scale.exponent + shift - upper_fraction_digits; }
};

class FigureReader {
 public:
  /// How the word tables are compiled. `sampled`: each word is tried in each
  /// position on one sample figure, and the ISO codes the lexicon lists alike (same
  /// entry fields, no other reading in any case) share what one of them learns.
  /// `exhaustive`: every word alone on every sample (about seven times the work;
  /// tests compare the two tables).
  enum class Learning : std::uint8_t { sampled, exhaustive };

  /// Compiles the reader for `options` (the lexicon they name, or the built-in
  /// one, must outlive it) by asking `parse_figure` about the lexicon's words on
  /// sample figures: once per job, not per figure.
  explicit FigureReader(const ParseOptions& options, Learning learning = Learning::sampled);

  /// Reads `text` when it is one of the forms the reader knows, exactly as
  /// `parse_figure(text, options)` reads it; false: not one of them (nothing is
  /// said about whether `parse_figure` reads it). Texts of 4 GiB or more are
  /// never read. What a reading always is (normalize-v2's row relies on it):
  /// money with a currency, one amount (never a range), `digits` below 10^18,
  /// a minor unit (`cents`, `p`, `paise`) divided (`shift` != 0). Const, no
  /// state: one reader may serve many threads.
  [[nodiscard]] bool read(std::string_view text, FigureReading& out) const noexcept { return read(text, out, false); }

  /// `read`, and with `ranges` also a range of two plain numbers that share the
  /// scale and the marker (`USD 5-7bn`, `€1.5–2 per ADS`, `$2.3 to 2.5 billion`):
  /// `out.range` says which it read.
  [[nodiscard]] bool read(std::string_view text, FigureReading& out, bool ranges) const noexcept;

  /// `read` with every figure's beginning (what stands before the number) read by
  /// the grammar instead of looked up among the beginnings compiled with the
  /// tables: the same answer, field for field (tests and fuzz_parse_figure hold
  /// the two to it).
  [[nodiscard]] bool read_uncached(std::string_view text, FigureReading& out, bool ranges = false) const noexcept;

  /// The `QuotedFigure` `parse_figure(text, options)` gives, from `r = read(text)`.
  [[nodiscard]] QuotedFigure to_quoted_figure(std::string_view text, const FigureReading& r) const;

  /// `to_quoted_figure` as `parse_figure` returns it, with `tolerances` as the
  /// figure's: what `parse_figure` gives for options that differ from the reader's
  /// in their tolerances alone (which a reading never depends on). Each field is
  /// built once, in the result.
  [[nodiscard]] Result<QuotedFigure> figure(std::string_view text, const FigureReading& r,
                                            const HedgeTolerances& tolerances) const;

  /// `parse_figure(text, options)`, through `read` where it answers.
  [[nodiscard]] Result<QuotedFigure> parse(std::string_view text) const;

  /// Where `read` reads nothing: whether `parse_figure(text, options)` refuses `text`
  /// in a way the reader knows, and then its error, exactly as `parse_figure` gives
  /// it (code, message, input, position): a second currency marker after the number
  /// (`€5 Singapore dollars`), or a currency word that several currencies share
  /// (`8bn pesos`) ending the figure or before what it is per. False: not decided.
  [[nodiscard]] bool refuses(std::string_view text, Error& error) const;

  /// Whether the reader answers anything at all (false when the options read
  /// numbers otherwise than the English way, e.g. the locale `de`).
  [[nodiscard]] bool enabled() const noexcept { return enabled_; }

  [[nodiscard]] const ParseOptions& options() const noexcept { return options_; }

  /// The compiled word tables and switches as text, one word a line (for tests
  /// that compare two ways of compiling them, and for reading what was kept).
  [[nodiscard]] std::string tables() const;

 private:
  // Where a word may stand; a word is kept in a position only where the samples agree.
  enum Form : std::uint8_t {
    before_attached = 1,  // `£1`, `~1`
    before_spaced = 2,    // `GBP 1`, `about 1`
    after_attached = 4,   // `1€`, `1bn`
    after_spaced = 8,     // `1 euros`, `1 billion`, `1 per share`
  };
  struct Word {
    std::string text;                 // as the lexicon writes it
    std::uint8_t forms = 0;           // where it reads as written
    std::uint8_t any_case = 0;        // where it reads in any ASCII case (the lexicon's folded words)
    Currency currency;                // markers
    CurrencySource source = CurrencySource::explicit_;
    std::uint8_t family = 0;
    std::int8_t shift = 0;            // a minor unit: -2 for cents; `per 10 shares`: -1
    std::uint8_t scaled = 0;          // the forms in which a scale may stand with a marker (`1.5bn USD`, `US$1.5bn`)
    Scale scale = scales::units;      // scales
    Qualifier qualifier = Qualifier::none;  // hedges
    Per per = Per::whole;             // per-share phrases; `cps` (a minor unit after a country prefix)
    std::uint8_t number_kind = 0;     // number words: number_unit, number_tens, ...
    std::uint8_t number = 0;          // and their value (`eleven`: 11)
  };
  enum : std::uint8_t { number_unit = 1, number_tens, number_article, number_half, number_hundred };
  // How a word is found: its first eight bytes as one integer (ASCII-lower-cased for
  // a probe in any case) and the mask of those that count, compared with the text's
  // next eight bytes at once.
  struct Probe {
    std::uint64_t key = 0;
    std::uint64_t mask = 0;
    std::uint16_t word = 0;   // in Table::words
    std::uint8_t size = 0;    // of the word's text
    std::uint8_t forms = 0;   // where this probe reads
    bool folded = false;      // compared in any ASCII case
  };
  // The probes by their first two bytes (both cases for a word read in any case),
  // hashed (multiply-shift: few collisions, so few foreign probes scanned) into
  // `pair_buckets` lists, each longest first; a word of one byte in a list of its
  // own after those (no collisions); ISO codes (three capitals) by their number in
  // 26^3, asked first where no longer word starts with the same three capitals.
  static constexpr std::size_t pair_buckets = 1024;
  static constexpr std::size_t buckets = pair_buckets + 256;
  static std::size_t bucket(unsigned char b0, unsigned char b1) noexcept {
    return static_cast<std::size_t>((static_cast<std::uint32_t>(b0) << 8 | b1) * 0x9E3779B1u >> 22);
  }
  static std::size_t single_bucket(unsigned char b0) noexcept { return pair_buckets + b0; }
  struct Listed {
    std::uint16_t bucket;
    unsigned char byte;
    Probe probe;
  };
  struct Table {
    std::vector<Word> words;
    std::vector<Probe> probes;
    std::array<std::uint32_t, buckets + 1> first{};  // the probes of bucket h: [first[h], first[h + 1])
    std::vector<std::uint16_t> codes;
    std::vector<std::uint8_t> code_shadowed;  // a longer word starts with these three capitals
    std::vector<std::size_t> code_slots;      // the slots set in the two above
    std::array<bool, 256> starts{};           // the bytes a word (or a code) may start with
    std::vector<Listed> listing;              // index()'s scratch
    bool small = false;                       // a few probes, longest first, no buckets
    void index();
    [[nodiscard]] bool may_start(std::string_view s, std::size_t at, std::size_t n) const noexcept {
      return at < n && starts[static_cast<unsigned char>(s[at])];
    }
    // The longest word at `at` in one of two forms, followed by a byte that form's
    // boundary accepts: a word in `first_form` before one in `then_form`; null if
    // none; `form` says which.
    template <class FirstBoundary, class ThenBoundary>
    const Word* match(std::string_view s, std::size_t at, std::size_t n, std::uint8_t first_form,
                      FirstBoundary first_boundary, std::uint8_t then_form, ThenBoundary then_boundary,
                      std::uint8_t& form) const noexcept;
    // The word that is all of [at, n) in `form` (one that ends the text: `per share`):
    // `match` with the text's end as the boundary, asking only the words of that
    // length (a list is longest first).
    const Word* match_rest(std::string_view s, std::size_t at, std::size_t n, std::uint8_t form) const noexcept;
    // In one form.
    template <class Boundary>
    const Word* match(std::string_view s, std::size_t at, std::size_t n, std::uint8_t form,
                      Boundary boundary) const noexcept {
      std::uint8_t which = 0;
      return match(s, at, n, form, boundary, 0, boundary, which);
    }
  };
  // Whether read + to_quoted_figure gives parse_figure's figure for `text`, field for field.
  [[nodiscard]] bool agrees(const std::string& text) const;
  template <class Make, class Known, class Samples>
  std::vector<Word> learn(Table& table, const std::vector<std::string>& candidates, std::uint8_t forms, Make make,
                          Known known, Samples samples, bool in_any_case = true);
  template <class Make, class Known, class Samples>
  void learn_table(Table& table, const std::vector<std::string>& candidates, std::uint8_t forms, Make make, Known known,
                   Samples samples);
  bool agrees_alone(Table& table, const Word& w, const std::string& as_written, const std::string& other_case);
  [[nodiscard]] std::string marker_kind(const std::string& word) const;
  // The ISO codes that share a learned code's word (text, representative's text).
  std::vector<std::pair<std::string, std::string>> learn_markers();
  void learn_scales();
  void learn_hedges();
  void learn_pers();
  void learn_countries();
  void learn_numbers();
  void fill(std::string_view text, const FigureReading& r, const HedgeTolerances& tolerances, QuotedFigure& f) const;
  bool number_words(std::string_view s, std::size_t& i, std::size_t n, std::uint64_t& digits, int& fraction,
                    bool& needs_scale) const noexcept;

  // What stands before the number: where the number starts, the hedge, the sign,
  // parentheses, a marker before it or a country prefix.
  struct Front {
    std::uint32_t i = 0;  // the number's first byte
    std::uint32_t qualifier_end = 0;
    std::uint32_t marker_begin = 0, marker_end = 0;
    std::uint32_t m = 0;  // with outer parentheses: the ')'
    const Word* prefix = nullptr;
    const Word* country = nullptr;
    Qualifier qualifier = Qualifier::none;
    std::uint8_t marker_form = 0;
    bool negative = false, outer = false, inner = false;
  };
  bool trimmed(std::string_view s, std::size_t& b, std::size_t& n) const noexcept;
  std::size_t space_at(std::string_view s, std::size_t k, std::size_t n) const noexcept;
  bool read_front(std::string_view s, std::size_t b, std::size_t n, Front& f) const noexcept;
  bool read_rest(std::string_view s, std::size_t b, std::size_t n, const Front& f, FigureReading& out,
                 bool ranges) const noexcept;
  // The beginnings the general front reads (the bytes before a figure's first digit,
  // at most front_key_bytes of them) and what it reads there, learned from the
  // tables' words (learn_fronts); open addressing on the bytes as two integers.
  static constexpr std::size_t front_key_bytes = 16;
  struct FrontSlot {
    std::uint64_t key = 0, key2 = 0;  // the first eight bytes, the next eight (zeros past the size)
    std::uint8_t size = 0;  // 0: an empty slot
    std::uint8_t qualifier_end = 0, marker_begin = 0, marker_end = 0;  // from the figure's first byte
    std::uint16_t prefix = 0, country = 0;                              // in markers_, countries_ (or none)
    Qualifier qualifier = Qualifier::none;
    std::uint8_t marker_form = 0;
    bool negative = false, inner = false;
  };
  // The slot of up to 16 bytes (key, key2) in a table of 2^(64 - shift) slots.
  static std::size_t slot_of(std::uint64_t key, std::uint64_t key2, std::size_t size, unsigned shift) noexcept {
    return static_cast<std::size_t>((((key ^ size) * 0x9E3779B97F4A7C15ULL ^ key2) * 0xD6E8FEB86659FD93ULL) >> shift);
  }
  // The Front of a cached beginning (front_at) whose number starts at b + d.
  Front front_of(const FrontSlot& slot, std::size_t b, std::size_t d) const noexcept;
  void learn_fronts();
  std::vector<FrontSlot> front_slots_;
  unsigned front_shift_ = 63;

  // What follows the number where it is not ASCII words (`万円`, `亿港元`, `bn€`): the
  // whole rest looked up among the rests of a scale and a marker written onto the
  // number that the general path read when the reader was compiled (learn_tails),
  // with what it read there. Exact because what read_rest reads after the number
  // depends on those bytes alone where no marker stood before the number.
  static constexpr std::size_t tail_key_bytes = 16;
  struct TailSlot {
    std::uint64_t key = 0, key2 = 0;
    std::uint8_t size = 0;  // 0: an empty slot
    bool scaled = false;    // a scale was read (`1.234` is then no locale's question)
    std::int8_t shift = 0;
    std::uint8_t marker_begin = 0, marker_end = 0;  // from the rest's first byte
    std::uint8_t family = 0;
    Scale scale = scales::units;
    Currency currency;
    Per per = Per::whole;
    CurrencySource source = CurrencySource::explicit_;
  };
  const TailSlot* tail_at(const char* p, std::size_t size) const noexcept;
  bool read_tail(const char* p, std::size_t b, std::size_t n, const FrontSlot& front, std::size_t i,
                 std::uint64_t digits, int fraction, bool dot_three, FigureReading& out) const noexcept;
  void learn_tails();
  std::vector<TailSlot> tail_slots_;
  unsigned tail_shift_ = 63;

  // The fast path (figure_reader_fast.cpp): a cached front, a plain number, and
  // units that are ASCII words with single spaces between them, each looked up
  // whole among what the general look-up (Table::match) chose for the same bytes
  // when the reader was compiled. True only where the general path reads the
  // text to the same reading; false: not decided, the general path reads it.
  bool read_fast(std::string_view s, std::size_t b, std::size_t n, const FrontSlot& front, std::size_t d,
                 FigureReading& out) const noexcept;
  // The fast path's units after a number that ends at i (in words: `eleven`, `half a`,
  // which end at a space and may need a scale); in read_fast's body (figure_reader_fast.cpp).
  [[gnu::always_inline]] bool read_units_fast(std::string_view s, std::size_t b, std::size_t n, const FrontSlot& front, std::size_t i,
                       std::uint64_t digits, int fraction, bool dot_three, bool in_words, bool needs_scale,
                       FigureReading& out) const noexcept;
  // A number in words after a front the grammar read (no marker before it), then its units.
  bool read_words_fast(std::string_view s, std::size_t b, std::size_t n, const Front& f,
                       FigureReading& out) const noexcept;
  // One table's words in one form, looked up whole: for each text it holds (a
  // word as written, in capitals and in small letters), the word Table::match
  // chooses on that text alone where it is all of it (else none); and for the
  // folded text of each of the table's words, that it is one (a text not held
  // whose folded text is a word's is not decided), and of each first word of a
  // word of several, that it is one. One open-addressed table by folded text.
  struct Memo {
    struct Slot {
      std::uint64_t hash = 0;    // of the folded text (0: an empty slot)
      std::uint64_t head = 0;    // a held text's first eight bytes (zeros past it)
      std::uint32_t offset = 0;  // in pool
      std::uint16_t size = 0;    // a held text's (0: the slot says only the flags)
      std::uint16_t word = 0;    // in the table's words (or none)
      bool is_word = false;      // the folded text is a word's, in some case
      bool lead = false;         // the first word of a word of several, in some case
    };
    std::vector<Slot> slots;
    std::string pool;
    std::uint8_t max_tokens = 0;
  };
  enum class Found : std::uint8_t { word, none, unknown };
  Found find(const Memo& memo, const char* p, std::size_t size, std::uint16_t& word, bool& lead) const noexcept;
  // The longest run of the words [first[t], last[t + w - 1]) (w at most words - t) that
  // is one of the memo's: how many words (0: none; -1: not decided), the word in `word`.
  int longest_run(const Memo& memo, const char* p, const std::uint32_t* first, const std::uint32_t* last, int t,
                  int words, std::uint16_t& word) const noexcept;
  // A range whose ends are each written as a figure (`between ₹7 and 22 lakh crore`,
  // `A$429-A$832 per ADS`; figure_reader_range.cpp), where read_rest reads none.
  bool read_range(std::string_view s, std::size_t b, std::size_t n, FigureReading& out) const noexcept;
  // The length of `between ` or `from ` at b (0: neither), which read_range reads first.
  static std::size_t range_keyword(std::string_view s, std::size_t b, std::size_t n) noexcept;
  // The cached beginning of the text at p (left bytes) and where its number starts
  // (d); null where none is cached.
  const FrontSlot* front_at(const char* p, std::size_t left, std::size_t& d) const noexcept;
  void learn_memo(Memo& memo, const Table& table, std::uint8_t form);
  // The memo of the texts `held` (each with its word), and the flags of folded texts
  // (their hash; 1: a word's, 2: the first word of a word of several).
  static void fill_memo(Memo& memo, const std::vector<std::pair<std::string, std::uint16_t>>& held,
                        std::vector<std::pair<std::uint64_t, std::uint8_t>> flags);
  static std::uint64_t folded_hash(std::string_view text) noexcept;
  void learn_memos();
  Memo scale_attached_, scale_spaced_, marker_attached_, marker_spaced_, per_memo_;
  // The currency words of several currencies after a number (`pesos`, `Dinars`; in
  // the cases parse_figure was asked about), each with the end of its error message
  // after the quoted word (figure_reader_refuse.cpp).
  Memo ambiguous_;
  std::vector<std::string> ambiguous_ends_;
  void learn_refusals();
  // The beginnings (the bytes before the number's first digit) at which parse_figure
  // refuses a figure, whatever follows them, at a currency marker standing first: a
  // sign or word of several currencies (`₦5bn`, `¥5`, `kr 5`), a sign of the Currency
  // Symbols block it does not know (`₴7 billion`), a capital and a `$` it does not know
  // (`J$399 million`); each with its error's code and message (its position: the
  // figure's first byte), learned from parse_figure on sample figures
  // (learn_front_refusals, figure_reader_learn.cpp).
  struct RefusedFront {
    std::uint64_t key = 0, key2 = 0;
    std::uint8_t size = 0;  // 0: an empty slot
    Errc code = Errc::syntax;
    std::uint16_t message = 0;  // in refused_messages_
  };
  std::vector<RefusedFront> refused_fronts_;
  unsigned refused_shift_ = 63;
  std::vector<std::string> refused_messages_;
  void learn_front_refusals();
  // refuses() where no cached beginning reads the figure's: its beginning [b, b + d)
  // (the number's first digit at b + d) among the refused ones.
  bool refused_front(std::string_view s, std::size_t b, std::size_t n, std::size_t d, Error& error) const;
  bool fast_ = false;

  ParseOptions options_;
  const Lexicon* lexicon_;
  std::vector<std::string_view> family_names_;  // Lexicon::family_name of each of the 256 ids, looked up once
  Learning learning_;
  bool enabled_ = false;
  bool dot_three_ambiguous_ = false;  // no locale: `1.234` with no scale is ambiguous
  bool space_groups_ = false;         // `64 810`: spaces group digits
  bool indian_locale_ = false;        // `1,23,456` with any currency (else only with a rupee marker)
  bool sign_first_ = false;           // `-USD 1`, `-1 USD`, `−$1`
  bool sign_after_marker_ = false;    // `US$-677.0mn`, `S$−4.83`
  bool inner_paren_ = false;          // `US$(318)m`, `R$(84.2) per share`
  bool outer_paren_ = false;          // `(S$ 544m)`, `(USD 1) per share`
  bool wide_spaces_ = false;          // U+00A0, U+202F, U+2009 read as a space wherever one may stand
  Table markers_, scales_, hedges_, pers_;
  Table countries_, minors_;  // `US` before the number, `cents` after it: `US4.5cps`, `HK 12 cents`
  Table numbers_;             // number words: `eleven`, `twenty`, `a`, `half`, `hundred`
  bool hyphen_units_ = false;  // `twenty-five`
  bool hundreds_ = false;      // `eight hundred`
  bool ranges_ = false;        // `5-7bn USD`, `5–7`, `5 to 7`
};

}  // namespace finmetrics
