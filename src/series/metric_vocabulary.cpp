#include "finmetrics/series/metric_vocabulary.hpp"

#include <array>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include <fmt/format.h>

#include "finmetrics/io/csv.hpp"
#include "finmetrics/io/read_file.hpp"

namespace finmetrics {

namespace {

constexpr std::array<std::pair<MetricKind, std::string_view>, 4> kinds{
    {{MetricKind::flow, "flow"}, {MetricKind::stock, "stock"}, {MetricKind::ratio, "ratio"}, {MetricKind::count, "count"}}};
constexpr std::array<std::pair<Dimension, std::string_view>, 5> dimensions{{{Dimension::money, "money"},
                                                                           {Dimension::percent, "percent"},
                                                                           {Dimension::count, "count"},
                                                                           {Dimension::number, "number"},
                                                                           {Dimension::multiple, "multiple"}}};
constexpr std::array<MetricRole, 10> roles{MetricRole::amount,       MetricRole::growth_rate,      MetricRole::margin,
                                           MetricRole::share_price,  MetricRole::price_change,     MetricRole::market_cap,
                                           MetricRole::market_cap_change, MetricRole::conversion, MetricRole::multiple,
                                           MetricRole::unchecked};
constexpr std::array<FxBasis, 3> bases{FxBasis::none, FxBasis::spot, FxBasis::period_average};

template <class T, std::size_t N>
std::string names_of(const std::array<T, N>& values) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    if constexpr (std::is_same_v<T, std::pair<MetricKind, std::string_view>> ||
                  std::is_same_v<T, std::pair<Dimension, std::string_view>>) {
      out += std::string(i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(values[i].second);
    } else {
      out += std::string(i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(to_string(values[i]));
    }
  }
  return out;
}

bool is_snake_name(std::string_view s) {
  if (s.empty() || s.front() < 'a' || s.front() > 'z') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

}  // namespace

std::string_view to_string(MetricRole role) noexcept {
  switch (role) {
    case MetricRole::amount: return "amount";
    case MetricRole::growth_rate: return "growth_rate";
    case MetricRole::margin: return "margin";
    case MetricRole::share_price: return "share_price";
    case MetricRole::price_change: return "price_change";
    case MetricRole::market_cap: return "market_cap";
    case MetricRole::market_cap_change: return "market_cap_change";
    case MetricRole::conversion: return "conversion";
    case MetricRole::multiple: return "multiple";
    case MetricRole::unchecked: return "unchecked";
  }
  return "?";
}

std::string_view to_string(FxBasis basis) noexcept {
  switch (basis) {
    case FxBasis::none: return "none";
    case FxBasis::spot: return "spot";
    case FxBasis::period_average: return "period_average";
  }
  return "?";
}

const Metric* MetricVocabulary::find(std::string_view name) const {
  const auto it = index_.find(std::string(name));
  return it == index_.end() ? nullptr : &metrics_[it->second];
}

Metric MetricVocabulary::resolve(std::string_view name) const {
  if (const Metric* m = find(name)) return *m;
  Metric m;
  m.name = std::string(name);
  constexpr std::string_view growth = "_growth";
  if (name.size() > growth.size() && name.substr(name.size() - growth.size()) == growth) {
    m.kind = MetricKind::ratio;
    m.dimension = Dimension::percent;
    m.role = MetricRole::growth_rate;
    m.fx = FxBasis::none;
    m.growth_of = std::string(name.substr(0, name.size() - growth.size()));
  }
  return m;
}

void MetricVocabulary::add(Metric m) {
  if (const auto it = index_.find(m.name); it != index_.end()) {
    metrics_[it->second] = std::move(m);
    return;
  }
  index_.emplace(m.name, metrics_.size());
  metrics_.push_back(std::move(m));
}

tl::expected<void, Error> parse_metric_vocabulary(std::string_view text, std::string_view name, MetricVocabulary& into) {
  csv::RecordSplitter splitter;
  splitter.feed(text);
  std::vector<std::string_view> f;
  std::string scratch;
  bool header = false;
  std::unordered_map<std::string, std::size_t> seen;  // name -> line, within this file
  const auto fail = [&](std::size_t line, std::string message, std::string_view input) {
    Error e = make_error(Errc::syntax, fmt::format("{}:{}: {}", name, line, message), input);
    e.line = line;
    return unexpected(std::move(e));
  };
  const auto row = [&](const csv::RawRecord& rec) -> tl::expected<void, Error> {
    if (!header) {
      header = true;
      if (rec.text != metrics_csv_header) return fail(rec.line, fmt::format("expected the header '{}'", metrics_csv_header), rec.text);
      return {};
    }
    if (rec.text.empty()) return {};
    if (rec.too_long || rec.unterminated) return fail(rec.line, "broken CSV record", {});
    if (auto ok = csv::split_record(rec.text, f, scratch); !ok) return fail(rec.line, ok.error().message, rec.text);
    if (f.size() != 12) return fail(rec.line, fmt::format("expected 12 fields, found {}", f.size()), rec.text);
    Metric m;
    m.name = std::string(f[0]);
    if (!is_snake_name(m.name)) return fail(rec.line, fmt::format("name '{}' is not a snake_case name", f[0]), f[0]);
    if (auto [it, fresh] = seen.emplace(m.name, rec.line); !fresh) {
      return fail(rec.line, fmt::format("metric '{}' is already defined on line {}", m.name, it->second), f[0]);
    }
    bool ok = false;
    for (const auto& [k, n] : kinds)
      if (n == f[1]) m.kind = k, ok = true;
    if (!ok) return fail(rec.line, fmt::format("kind '{}' is not {}", f[1], names_of(kinds)), f[1]);
    ok = false;
    for (const auto& [d, n] : dimensions)
      if (n == f[2]) m.dimension = d, ok = true;
    if (!ok) return fail(rec.line, fmt::format("dimension '{}' is not {}", f[2], names_of(dimensions)), f[2]);
    ok = false;
    for (MetricRole r : roles)
      if (to_string(r) == f[3]) m.role = r, ok = true;
    if (!ok) return fail(rec.line, fmt::format("role '{}' is not {}", f[3], names_of(roles)), f[3]);
    ok = false;
    for (FxBasis b : bases)
      if (to_string(b) == f[4]) m.fx = b, ok = true;
    if (!ok) return fail(rec.line, fmt::format("fx '{}' is not {}", f[4], names_of(bases)), f[4]);
    if (f[5] != "any" && f[5] != "never_negative") return fail(rec.line, fmt::format("sign '{}' is not any or never_negative", f[5]), f[5]);
    m.never_negative = f[5] == "never_negative";
    if (f[6] != "yes" && f[6] != "no") return fail(rec.line, fmt::format("sums_over_quarters '{}' is not yes or no", f[6]), f[6]);
    m.sums_over_quarters = f[6] == "yes";
    if (m.sums_over_quarters && m.kind != MetricKind::flow) {
      return fail(rec.line, fmt::format("metric '{}' sums over quarters but is a {}, not a flow", m.name, f[1]), f[6]);
    }
    m.growth_of = std::string(f[7]);
    m.numerator = std::string(f[8]);
    m.denominator = std::string(f[9]);
    m.reported_as = std::string(f[10]);
    m.description = std::string(f[11]);
    if (m.role == MetricRole::growth_rate && m.growth_of.empty()) {
      return fail(rec.line, fmt::format("growth rate '{}' needs growth_of (the metric that grows)", m.name), rec.text);
    }
    if (m.role == MetricRole::margin && (m.numerator.empty() || m.denominator.empty())) {
      return fail(rec.line, fmt::format("margin '{}' needs a numerator and a denominator", m.name), rec.text);
    }
    m.per = m.role == MetricRole::share_price ? Per::share : Per::whole;
    into.add(std::move(m));
    return {};
  };
  while (auto rec = splitter.next())
    if (auto r = row(*rec); !r) return r;
  if (auto rec = splitter.finish())
    if (auto r = row(*rec); !r) return r;
  if (!header) return fail(1, fmt::format("empty file, expected the header '{}'", metrics_csv_header), {});
  return {};
}

tl::expected<void, Error> load_metric_vocabulary(const std::filesystem::path& file, MetricVocabulary& into) {
  auto text = read_file(file);
  if (!text) return unexpected(text.error());
  return parse_metric_vocabulary(*text, file.string(), into);
}

MetricVocabulary default_metric_vocabulary() {
  MetricVocabulary v;
  // The compiled-in file is tested (tests/series/metric_vocabulary_test.cpp): it parses.
  if (auto ok = parse_metric_vocabulary(default_metrics_csv(), "data/metrics.csv", v); !ok) {
    throw std::logic_error(ok.error().message);
  }
  return v;
}

}  // namespace finmetrics
