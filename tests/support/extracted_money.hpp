#pragma once
// The money figures an extraction reads (text, value, currency, currency source) and
// the reasons of what it skipped, as plain values the reading tests compare whole.

#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/extract/extract_figures.hpp"

namespace finmetrics::test {

struct Money {
  std::string text, value, currency, source;
  bool operator==(const Money&) const = default;
};

/// The money and per-share figures of `text`, in order.
inline std::vector<Money> money(std::string_view text, const ExtractOptions& options = {}) {
  std::vector<Money> out;
  for (const auto& f : extract_figures(text, options).figures) {
    if (f.kind != FigureKind::money && f.kind != FigureKind::per_share) continue;
    out.push_back({f.text, f.quoted ? f.quoted->value.to_string() : "", std::string(f.unit.currency->code()),
                   std::string(to_string(f.currency_source))});
  }
  return out;
}

/// The reasons of the figures `text`'s extraction skipped, in order.
inline std::vector<std::string> skipped(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& e : extract_figures(text).skipped) out.push_back(e.message);
  return out;
}

}  // namespace finmetrics::test
