#pragma once
// The normalizer's FX index by calendar day: each currency's fixings against
// the table's pivot as a dense per-day array of the latest fixing (a row's
// look-up is one memory access; rows' dates are random over decades), the v1
// currencies' legs to the target multiplied out per day in one cache line, and
// the compact figure reader built on first use. Internal to src/normalize/.
#include <atomic>
#include <cstdint>
#include <future>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/fx/fx_table.hpp"
#include "finmetrics/parse/figure_reader.hpp"
#include "finmetrics/normalize/normalizer.hpp"

namespace finmetrics {

namespace detail {

// One fixing of a currency against the pivot, as the kernel uses it:
// C per pivot = mantissa x 10^exponent, or its reciprocal when `inverted`
// (a source that quotes pivot per C, as FRED does for GBP).
// 16 bytes: the per-day table below holds one per calendar day.
struct Leg {
  std::uint64_t mantissa = 1;
  std::int16_t exponent = 0;
  bool inverted = false;
  std::int32_t day = 0;
};

struct CurrencyGrid {
  Currency series_base{};  // the series as published, for messages
  Currency series_quote{};
  bool identity = false;  // the pivot itself: exactly 1
  Leg last;  // the last fixing: the latest for every day after it
  // Per day from the first fixing's: a copy of the latest fixing, so that a row's
  // look-up is one memory access, not an index then a fixing (dates are random
  // over decades: both would miss the cache).
  std::vector<Leg> latest;
  std::int32_t first_day = 0;
  std::int32_t last_day = 0;
  bool usable = false;  // every fixing fits the kernel's integers

  [[nodiscard]] bool inverted_series() const noexcept { return usable && last.inverted; }
};

// v1: a figure currency's two legs to the target on one day, multiplied out:
// target per figure currency = num / den x 10^exponent. `usable` false: the
// stream takes the leg by leg path (a missing or stale leg, a wide mantissa).
struct V1Pair {
  std::uint32_t num = 0, den = 0;
  std::int8_t exponent = 0;
  bool usable = false;
};
// The four v1 currencies on one calendar day, in one cache line: a row costs
// one memory access (prefetched ahead by the batch loop), not one per leg.
struct alignas(64) V1Day {
  V1Pair pair[4];
};

[[nodiscard]] inline std::int32_t day_number(date::sys_days d) {
  return static_cast<std::int32_t>(d.time_since_epoch().count());
}

/// The leg of `c` against the pivot of `fx`, or an unusable grid (the reference path takes over).
[[nodiscard]] CurrencyGrid build_grid(const FxTable& fx, Currency c);

}  // namespace detail

struct Normalizer::Grid {
  using Leg = detail::Leg;
  using CurrencyGrid = detail::CurrencyGrid;
  using V1Pair = detail::V1Pair;
  using V1Day = detail::V1Day;

  // What only v2 and `convert_parts` use is built on first use: a v1 run's
  // start-up is a third of its time on a million rows, and the lean reader
  // (~10 ms) and a grid per currency of the table (~6 MB of pages) are most of it.
  // An acquire load first: std::call_once alone costs two thread-local
  // accesses per call (__tls_get_addr in the Python module), and these run per row.
  const FigureReader& reader(const ParseOptions& parse) const {
    if (!reader_built.load(std::memory_order_acquire))
      std::call_once(reader_once, [&] {
        figure_reader = std::make_unique<FigureReader>(parse);
        reader_built.store(true, std::memory_order_release);
      });
    return *figure_reader;
  }
  // A reader compiled beforehand for the same options (PreparedFigureReader),
  // before any use: no row reads it yet.
  void adopt(std::unique_ptr<FigureReader> prepared) {
    figure_reader = std::move(prepared);
    reader_built.store(true, std::memory_order_release);
  }
  void build_all(const FxTable& fx, Currency to) const {
    if (all_built.load(std::memory_order_acquire)) return;
    std::call_once(all_once, [&] {
      // Every currency of the table (v2 and normalize_rows read any of them),
      // indexed first, then built on two threads: each grid is one currency's
      // fixings copied onto its days (~17M instructions and ~6.5 MB of pages for
      // the ECB table, serial at a v2 run's start).
      std::vector<Currency> order;
      const auto want = [&](Currency c) {
        const int k = slot(c);
        if (k < 0 || index[static_cast<std::size_t>(k)] >= 0) return;
        index[static_cast<std::size_t>(k)] = static_cast<std::int16_t>(order.size());
        order.push_back(c);
      };
      if (fx.pivot()) want(*fx.pivot());
      for (const FxSeries& series : fx.series()) {
        want(series.base);
        want(series.quote);
      }
      want(to);
      all.resize(order.size());
      const auto build = [&](std::size_t from, std::size_t until) {
        for (std::size_t k = from; k < until; ++k) all[k] = detail::build_grid(fx, order[k]);
      };
      const std::size_t half = order.size() / 2;
      if (order.size() >= 8) {
        auto first = std::async(std::launch::async, build, std::size_t{0}, half);
        build(half, order.size());
        first.get();
      } else {
        build(0, order.size());
      }
      target_all = of(to);
      all_built.store(true, std::memory_order_release);
    });
  }
  mutable std::once_flag reader_once, all_once;
  mutable std::atomic<bool> reader_built{false}, all_built{false};
  mutable std::unique_ptr<FigureReader> figure_reader;  // v2's reader of the commonest forms
  CurrencyGrid v1[4];
  CurrencyGrid target;
  int target_v1 = -1;  // index of the target among the v1 currencies, if it is one
  std::vector<V1Day> v1_days;  // from v1_first_day on
  std::int32_t v1_first_day = 0;

  [[nodiscard]] const V1Pair* v1_pair(std::int32_t day, int currency) const noexcept {
    const auto at = static_cast<std::uint32_t>(day - v1_first_day);
    if (at >= v1_days.size()) return nullptr;
    const V1Pair& p = v1_days[at].pair[currency];
    return p.usable ? &p : nullptr;
  }
  void prefetch_v1(std::int32_t day) const noexcept {
    const auto at = static_cast<std::uint32_t>(day - v1_first_day);
    if (at < v1_days.size()) __builtin_prefetch(&v1_days[at]);
  }
  // The legs of each v1 currency to the target multiplied out per day, where
  // both legs exist and the products fit 32 bits (ECB rates have <= 7 digits).
  void build_v1_days(std::int32_t staleness);
  // v2: every currency of the table, found by its code (26^3 slots).
  mutable std::vector<CurrencyGrid> all;
  mutable const CurrencyGrid* target_all = nullptr;  // the target's, found once (two look-ups a row)
  mutable std::vector<std::int16_t> index = std::vector<std::int16_t>(26 * 26 * 26, -1);

  static int slot(Currency c) {
    int k = 0;
    for (char ch : c.alpha) {
      if (ch < 'A' || ch > 'Z') return -1;
      k = k * 26 + (ch - 'A');
    }
    return k;
  }
  [[nodiscard]] const CurrencyGrid* of(Currency c) const {
    const int k = slot(c);
    if (k < 0 || index[static_cast<std::size_t>(k)] < 0) return nullptr;
    return &all[static_cast<std::size_t>(index[static_cast<std::size_t>(k)])];
  }

  // The leg of a currency on `day`, or null when the fast path cannot say.
  static const Leg* lookup(const CurrencyGrid& g, std::int32_t day, std::int32_t staleness) {
    static constexpr Leg one{};
    if (g.identity) return &one;
    const Leg* leg = latest_of(g, day);
    return leg == nullptr || day - leg->day > staleness ? nullptr : leg;
  }
  // Where the latest fixing on or before `day` is kept, without reading it (a
  // prefetch's address); null for none, or a grid the kernel cannot use.
  static const Leg* latest_of(const CurrencyGrid& g, std::int32_t day) noexcept {
    if (!g.usable || day < g.first_day) return nullptr;
    return day > g.last_day ? &g.last : &g.latest[static_cast<std::size_t>(day - g.first_day)];
  }

  // Why `lookup` found nothing, worded exactly as FxTable::as_of words it (a
  // test holds the two together); false when the grid cannot tell.
  static bool explain(const CurrencyGrid& g, std::int32_t day, std::int32_t staleness, std::string& out);
  // Whether `explain` would find a reason, without wording it (no reasons asked:
  // the CLI's --quiet; wording one cost ~450 instructions a row without a rate).
  static bool stale(const CurrencyGrid& g, std::int32_t day, std::int32_t staleness) noexcept {
    if (!g.usable || g.identity) return false;
    if (day < g.first_day) return true;
    const Leg& leg = day > g.last_day ? g.last : g.latest[static_cast<std::size_t>(day - g.first_day)];
    return day - leg.day > staleness;
  }

  // The currency of a series against the pivot ("CNY" for EUR/CNY and for CNY/EUR).
  static std::string_view leg_code(const CurrencyGrid& g) {
    return g.inverted_series() ? g.series_base.code() : g.series_quote.code();
  }
};

}  // namespace finmetrics
