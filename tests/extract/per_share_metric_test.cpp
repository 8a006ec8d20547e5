// An amount per share is a share price unless its clause names the metric it belongs
// to (`per_share_metric` cues of data/lexicon/cues.csv): before, every per-share
// figure was drafted as `share_price`, and `finmetrics check` compared a dividend of
// US$1.05 per ADS with the ADS's prices (inconsistent by 99%).

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"

namespace {

struct PerShare {
  std::string text, metric, evidence;
  bool operator==(const PerShare&) const = default;
};

// The figures of `kind` in `text`: their text, drafted metric and its evidence.
std::vector<PerShare> metrics_of(std::string_view text, finmetrics::FigureKind kind) {
  std::vector<PerShare> out;
  for (const auto& f : finmetrics::extract_figures(text).figures) {
    if (f.kind != kind) continue;
    out.push_back({f.text, f.context.metric.value, f.context.metric.evidence});
  }
  return out;
}

std::vector<PerShare> per_share(std::string_view text) { return metrics_of(text, finmetrics::FigureKind::per_share); }
std::vector<PerShare> money_metrics(std::string_view text) { return metrics_of(text, finmetrics::FigureKind::money); }

}  // namespace

TEST_CASE("a dividend or earnings per share is no share price", "[extract][context]") {
  CHECK(per_share("Samsung will pay a quarterly dividend of 361 won per common share.") ==
        std::vector<PerShare>{{"361 won per common share", "dividend_per_share", "dividend"}});
  CHECK(per_share("Diluted earnings per share were C$2.91, up 5%.") ==
        std::vector<PerShare>{{"C$2.91", "earnings_per_share", "earnings"}});
  CHECK(per_share("Shares of Tencent closed at HK$420 each.") ==
        std::vector<PerShare>{{"HK$420 each", "share_price", "HK$420 each"}});
  CHECK(per_share("It paid US$1.05 per ADS.") == std::vector<PerShare>{{"US$1.05 per ADS", "share_price", "US$1.05 per ADS"}});
}

TEST_CASE("an amount without a scale right after a price word is the share price", "[extract][context]") {
  // Before, HK$420.20 took the market value named after it, and `finmetrics check` called
  // both it and the HK$3.9 trillion inconsistent.
  CHECK(money_metrics("Tencent's shares closed at HK$420.20, giving the company a market value of about "
                      "HK$3.9 trillion.") ==
        std::vector<PerShare>{{"HK$420.20", "share_price", "shares"},
                              {"about HK$3.9 trillion", "market_cap", "market value"}});
  // The move after a direction word is no price; the level after "to" is.
  CHECK(money_metrics("Its shares rose 45 cents to $43.10.") ==
        std::vector<PerShare>{{"45 cents", "", ""}, {"$43.10", "share_price", "shares"}});
  // A scaled amount after a price word stays what its own cue says ("a $25bn stock buyback").
  CHECK(money_metrics("Alibaba announced a $25bn stock buyback.") ==
        std::vector<PerShare>{{"$25bn", "buyback", "buyback"}});
}
