#pragma once
/// \file
/// The `FigureReader`s `parse_figure` reads through: one per set of options (the
/// built-in lexicon's only), compiled once the process has asked `parse_figure`
/// about `FigureReaderMemo::threshold` texts with those options, so that a program
/// that reads a few figures never pays for the compile (about 37 million
/// instructions, 8-10 ms of CPU: the time of some 11,000 figures read by the
/// grammar alone) and one that reads many pays it once, after it has spent at least
/// as long in `parse_figure`. A memo of
/// a pure function: what `parse_figure` answers does not depend on it, only how
/// fast. Not public API (parse_figure, its tests and the fuzz target use it).

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/parse/parse_figure.hpp"

namespace finmetrics {

class FigureReader;

namespace parse_detail {

/// `parse_figure` by its grammar alone, never through a memo's reader: what the
/// readers are compiled from and compared with.
[[nodiscard]] Result<QuotedFigure> parse_figure_unmemoized(std::string_view text, const ParseOptions& options);

class FigureReaderMemo {
 public:
  /// How many calls with one set of options come before its reader is compiled.
  static constexpr std::uint32_t threshold = 16384;
  /// How many sets of options may have a reader.
  static constexpr std::size_t slot_count = 8;

  /// The memo `parse_figure` asks.
  static FigureReaderMemo& process() noexcept {
    // never destroyed: parse_figure may be called while other statics are
    static FigureReaderMemo* const memo = new FigureReaderMemo;
    return *memo;
  }

  FigureReaderMemo() = default;
  FigureReaderMemo(const FigureReaderMemo&) = delete;
  FigureReaderMemo& operator=(const FigureReaderMemo&) = delete;
  ~FigureReaderMemo();

  /// The reader to read `options`' figures through, counting this call: null while
  /// too few calls were made with them, for a lexicon other than the built-in one
  /// (whose lifetime the memo cannot know), for options under which a reader reads
  /// nothing (a locale that writes numbers otherwise), and once `slot_count` sets
  /// have readers. Its own tolerances are those of the call that compiled it: the
  /// caller's are the figure's (`FigureReader::figure`). Thread-safe and never
  /// blocks: while one call compiles, the others go without.
  [[nodiscard]] const FigureReader* reader(const ParseOptions& options) noexcept {
    // Inline, the case of almost every call: the built-in lexicon and the first
    // slot's options (a look-up of a few instructions instead of ~70).
    if (options.lexicon == nullptr) {
      const Slot& s = slots_[0];
      if (s.state.load(std::memory_order_acquire) == Slot::held && s.key.matches(options, Key::signature_of(options))) {
        return s.reader.load(std::memory_order_acquire);
      }
    }
    return find_or_count(options);
  }

  /// The reader compiled for `options`, if there is one (no call counted).
  [[nodiscard]] const FigureReader* compiled(const ParseOptions& options) const noexcept;

 private:
  // What a reading depends on: every field of ParseOptions but the lexicon (the
  // built-in one only) and the tolerances (copied into the figure, never read);
  // all but the locale packed into one integer (`signature`), so that a look-up
  // compares one word per slot (and the locale only where one is set).
  struct Key {
    std::uint64_t signature = 0;
    std::string locale;
    // Each currency option as its presence and three letters (25 bits), the switches
    // and whether a locale is set above them: equal signatures, equal fields (the
    // locale's text apart).
    [[nodiscard]] static std::uint64_t signature_of(const ParseOptions& o) noexcept {
      const auto packed = [](const std::optional<Currency>& c) -> std::uint64_t {
        if (!c) return 0;
        std::uint32_t letters = 0;
        std::memcpy(&letters, c->alpha.data(), 3);
        return 1 | static_cast<std::uint64_t>(letters) << 1;
      };
      return packed(o.currency.dollar) | packed(o.currency.yen_or_yuan) << 25 |
             static_cast<std::uint64_t>(o.currency.dollar_is_option) << 50 |
             static_cast<std::uint64_t>(o.count_nouns) << 51 | static_cast<std::uint64_t>(o.one_marker) << 52 |
             static_cast<std::uint64_t>(!o.locale.empty()) << 53;
    }
    [[nodiscard]] bool matches(const ParseOptions& o, std::uint64_t of_options) const noexcept {
      return of_options == signature && (locale.empty() || locale == o.locale);
    }
  };
  struct Slot {
    enum : std::uint8_t { free, claiming, held };
    std::atomic<std::uint8_t> state{free};
    Key key;  // written before state is `held`
    std::atomic<const FigureReader*> reader{nullptr};
  };
  // Calls counted by a hash of the options (two sets that share a counter only
  // reach the threshold sooner): a slot is taken only by options that reach it.
  static constexpr std::size_t counter_count = 64;
  // `reader` past its inline first look: every slot, then the count and the compile.
  [[nodiscard]] const FigureReader* find_or_count(const ParseOptions& options) noexcept;
  std::array<Slot, slot_count> slots_;
  std::array<std::atomic<std::uint32_t>, counter_count> calls_{};
  std::mutex claim_;                // a slot is claimed under it (at most slot_count times)
  std::atomic<bool> full_{false};  // every slot is claimed
};

}  // namespace parse_detail

}  // namespace finmetrics
