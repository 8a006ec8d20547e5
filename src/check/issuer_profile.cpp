#include "finmetrics/check/issuer_profile.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "finmetrics/io/read_file.hpp"

namespace finmetrics {

namespace {

using nlohmann::json;

// A failed read: "<file>: <path>: <reason>".
struct Bad {
  std::string message;
};

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& where, const std::string& why) const {
    throw Bad{where.empty() ? fmt::format("{}: {}", file_, why) : fmt::format("{}: {}: {}", file_, where, why)};
  }

  // Refuses keys other than `known` (a misspelt key would otherwise be ignored).
  void only(const json& j, const std::string& where, std::initializer_list<std::string_view> known) const {
    if (!j.is_object()) fail(where, fmt::format("expected an object, found {}", j.type_name()));
    for (const auto& [key, value] : j.items()) {
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        std::string list;
        for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        fail(where.empty() ? key : where + "." + key, fmt::format("unknown key (expected one of {})", list));
      }
    }
  }

  std::string text(const json& j, const std::string& where) const {
    if (!j.is_string()) fail(where, fmt::format("expected a string, found {}", j.type_name()));
    return j.get<std::string>();
  }
  std::string required_text(const json& obj, const std::string& where, const char* key) const {
    if (!obj.contains(key)) fail(join(where, key), "missing");
    std::string s = text(obj.at(key), join(where, key));
    if (s.empty()) fail(join(where, key), "empty");
    return s;
  }
  std::optional<std::string> optional_text(const json& obj, const std::string& where, const char* key) const {
    if (!obj.contains(key) || obj.at(key).is_null()) return std::nullopt;
    return text(obj.at(key), join(where, key));
  }
  Date date(const json& j, const std::string& where) const {
    const std::string s = text(j, where);
    auto d = parse_date(s);
    if (!d) fail(where, fmt::format("'{}' is not a date (YYYY-MM-DD): {}", s, d.error().message));
    return *d;
  }
  std::optional<Date> optional_date(const json& obj, const std::string& where, const char* key) const {
    if (!obj.contains(key) || obj.at(key).is_null()) return std::nullopt;
    return date(obj.at(key), join(where, key));
  }
  Currency currency(const json& j, const std::string& where) const {
    const std::string s = text(j, where);
    auto c = Currency::from_code(s);
    if (!c) fail(where, fmt::format("'{}' is not an ISO 4217 code", s));
    return *c;
  }
  // An exact positive decimal: a JSON string ("8", "9144870002") keeps every digit.
  Decimal positive(const json& j, const std::string& where) const {
    if (!j.is_string()) fail(where, fmt::format("expected a decimal number as a string (\"8\"), found {}", j.type_name()));
    const std::string s = j.get<std::string>();
    auto d = Decimal::parse(s);
    if (!d) fail(where, fmt::format("'{}' is not a decimal number", s));
    if (d->sign() <= 0) fail(where, fmt::format("'{}' is not positive", s));
    return *d;
  }
  bool flag(const json& obj, const std::string& where, const char* key) const {
    if (!obj.contains(key)) return false;
    if (!obj.at(key).is_boolean()) fail(join(where, key), fmt::format("expected true or false, found {}", obj.at(key).type_name()));
    return obj.at(key).get<bool>();
  }
  const json& array(const json& obj, const std::string& where, const char* key) const {
    static const json empty = json::array();
    if (!obj.contains(key)) return empty;
    if (!obj.at(key).is_array()) fail(join(where, key), fmt::format("expected an array, found {}", obj.at(key).type_name()));
    return obj.at(key);
  }
  static std::string join(const std::string& where, std::string_view key) {
    return where.empty() ? std::string(key) : where + "." + std::string(key);
  }
  static std::string at(const std::string& where, std::size_t i) { return fmt::format("{}[{}]", where, i); }

  std::vector<std::string> names(const json& obj, const std::string& where, const char* key) const {
    std::vector<std::string> out;
    const json& a = array(obj, where, key);
    for (std::size_t i = 0; i < a.size(); ++i) {
      std::string s = text(a[i], at(join(where, key), i));
      if (s.empty()) fail(at(join(where, key), i), "empty");
      out.push_back(std::move(s));
    }
    return out;
  }

  // Dated counts, sorted; two on one day are an error.
  std::vector<DatedCount> counts(const json& obj, const std::string& where, const char* key, const char* date_key,
                                 const char* value_key) const {
    std::vector<DatedCount> out;
    const json& a = array(obj, where, key);
    for (std::size_t i = 0; i < a.size(); ++i) {
      const std::string w = at(join(where, key), i);
      only(a[i], w, {date_key, value_key, "source"});
      if (!a[i].contains(date_key)) fail(join(w, date_key), "missing");
      if (!a[i].contains(value_key)) fail(join(w, value_key), "missing");
      DatedCount c{date(a[i].at(date_key), join(w, date_key)), positive(a[i].at(value_key), join(w, value_key)), true,
                   optional_text(a[i], w, "source").value_or(file_)};
      for (const auto& o : out)
        if (o.date == c.date) fail(w, fmt::format("a second entry for {}", to_string(c.date)));
      out.push_back(std::move(c));
    }
    std::sort(out.begin(), out.end(), [](const DatedCount& x, const DatedCount& y) { return x.date < y.date; });
    return out;
  }

  FiscalCalendar calendar(const json& j, const std::string& where) const {
    only(j, where, {"end_month", "naming"});
    if (!j.contains("end_month")) fail(join(where, "end_month"), "missing");
    const json& m = j.at("end_month");
    unsigned month = 0;
    static constexpr std::string_view months[] = {"january", "february", "march",     "april",   "may",      "june",
                                                  "july",    "august",   "september", "october", "november", "december"};
    if (m.is_number_unsigned()) {
      month = m.get<unsigned>();
    } else if (m.is_string()) {
      std::string s = m.get<std::string>();
      std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      for (unsigned k = 0; k < 12; ++k)
        if (s == months[k] || (s.size() == 3 && months[k].substr(0, 3) == s)) month = k + 1;
    }
    if (month < 1 || month > 12) fail(join(where, "end_month"), fmt::format("{} is not a month (1..12 or a month name)", m.dump()));
    FiscalNaming naming = FiscalNaming::end_year;
    if (auto n = optional_text(j, where, "naming")) {
      if (*n == "end_year") {
        naming = FiscalNaming::end_year;
      } else if (*n == "start_year") {
        naming = FiscalNaming::start_year;
      } else if (*n == "split") {
        naming = FiscalNaming::split;
      } else {
        fail(join(where, "naming"), fmt::format("'{}' is not end_year, start_year or split", *n));
      }
    }
    if (naming == FiscalNaming::split && month == 12) fail(join(where, "naming"), "split names need a year that does not end in December");
    return FiscalCalendar{date::month{month}, naming};
  }

  PriceFile price_file(const json& j, const std::string& w) const {
    only(j, w, {"path", "shared", "from", "until", "adjusted_before", "exclude", "skip_zero_volume", "source"});
    PriceFile p;
    const bool local = j.contains("path");
    const bool shared = j.contains("shared");
    if (local == shared) fail(w, "give exactly one of path (relative to the profile) and shared (relative to the shared root)");
    p.shared = shared;
    p.path = required_text(j, w, shared ? "shared" : "path");
    if (std::filesystem::path(p.path).is_absolute()) fail(join(w, shared ? "shared" : "path"), fmt::format("'{}' is absolute; give it relative", p.path));
    p.from = optional_date(j, w, "from");
    p.until = optional_date(j, w, "until");
    if (p.from && p.until && *p.until < *p.from) fail(w, "until is before from");
    p.adjusted_before = optional_date(j, w, "adjusted_before");
    const json& ex = array(j, w, "exclude");
    for (std::size_t i = 0; i < ex.size(); ++i) {
      const std::string we = at(join(w, "exclude"), i);
      only(ex[i], we, {"from", "until", "why"});
      if (!ex[i].contains("from")) fail(join(we, "from"), "missing");
      ExcludedDays e{date(ex[i].at("from"), join(we, "from")), {}, optional_text(ex[i], we, "why").value_or("")};
      e.until = ex[i].contains("until") ? date(ex[i].at("until"), join(we, "until")) : e.from;
      if (e.until < e.from) fail(we, "until is before from");
      p.exclude.push_back(std::move(e));
    }
    p.skip_zero_volume = flag(j, w, "skip_zero_volume");
    p.source = optional_text(j, w, "source").value_or("");
    return p;
  }

  IssuerProfile profile(const json& root) const {
    only(root, "", {"format", "issuer", "aliases", "fiscal_year", "reporting_currency", "segments", "listings",
                    "shares_outstanding", "files"});
    if (root.contains("format") && !(root.at("format").is_number_unsigned() && root.at("format").get<unsigned>() == 1)) {
      fail("format", fmt::format("{} is not a known format (expected 1)", root.at("format").dump()));
    }
    IssuerProfile p;
    p.issuer = required_text(root, "", "issuer");
    p.aliases = names(root, "", "aliases");
    if (root.contains("fiscal_year")) p.calendar = calendar(root.at("fiscal_year"), "fiscal_year");
    if (root.contains("reporting_currency")) p.reporting_currency = currency(root.at("reporting_currency"), "reporting_currency");
    const json& segs = array(root, "", "segments");
    for (std::size_t i = 0; i < segs.size(); ++i) {
      const std::string w = at("segments", i);
      only(segs[i], w, {"name", "aliases"});
      p.segments.push_back(Segment{required_text(segs[i], w, "name"), names(segs[i], w, "aliases")});
    }
    std::set<std::string> symbols;
    const json& ls = array(root, "", "listings");
    for (std::size_t i = 0; i < ls.size(); ++i) {
      const std::string w = at("listings", i);
      only(ls[i], w, {"symbol", "exchange", "currency", "kind", "ads_ratio", "prices"});
      ListedSecurity l{required_text(ls[i], w, "symbol"), optional_text(ls[i], w, "exchange").value_or(""),
                       Currency{{'U', 'S', 'D'}}, false, {}, {}};
      if (!symbols.insert(l.symbol).second) fail(join(w, "symbol"), fmt::format("'{}' is listed twice", l.symbol));
      if (!ls[i].contains("currency")) fail(join(w, "currency"), "missing");
      l.currency = currency(ls[i].at("currency"), join(w, "currency"));
      const std::string kind = optional_text(ls[i], w, "kind").value_or("ordinary");
      if (kind != "ordinary" && kind != "depositary") fail(join(w, "kind"), fmt::format("'{}' is not ordinary or depositary", kind));
      l.depositary = kind == "depositary";
      l.ads_ratio = counts(ls[i], w, "ads_ratio", "from", "ordinary_per_ads");
      if (!l.depositary && !l.ads_ratio.empty()) fail(join(w, "ads_ratio"), "an ordinary listing has no ADS ratio");
      const json& pf = array(ls[i], w, "prices");
      for (std::size_t k = 0; k < pf.size(); ++k) l.prices.push_back(price_file(pf[k], at(join(w, "prices"), k)));
      p.listings.push_back(std::move(l));
    }
    p.shares_outstanding = counts(root, "", "shares_outstanding", "date", "count");
    if (root.contains("files")) {
      const json& f = root.at("files");
      only(f, "files", {"financials", "market", "claims", "metrics"});
      if (auto s = optional_text(f, "files", "financials")) p.financials = *s;
      if (auto s = optional_text(f, "files", "market")) p.market = *s;
      if (auto s = optional_text(f, "files", "claims")) p.claims = *s;
      p.metrics = optional_text(f, "files", "metrics");
    }
    return p;
  }

 private:
  std::string file_;
};

}  // namespace

bool IssuerProfile::names(std::string_view entity) const {
  return entity == issuer || std::find(aliases.begin(), aliases.end(), entity) != aliases.end();
}

Result<IssuerProfile> parse_issuer_profile(std::string_view text, const std::filesystem::path& file) {
  const std::string name = file.string();
  json root;
  try {
    root = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    return unexpected(make_error(Errc::syntax, fmt::format("{}: not JSON: {}", name, e.what()), name, e.byte == 0 ? Error::npos : e.byte - 1));
  } catch (const json::exception& e) {  // out_of_range: a number beyond double (1e999), found while parsing
    return unexpected(make_error(Errc::syntax, fmt::format("{}: not JSON: {}", name, e.what()), name));
  }
  try {
    IssuerProfile p = Reader(name).profile(root);
    p.file = file;
    return p;
  } catch (const Bad& b) {
    return unexpected(make_error(Errc::syntax, b.message, name));
  } catch (const json::exception& e) {  // a number out of range for its type
    return unexpected(make_error(Errc::syntax, fmt::format("{}: {}", name, e.what()), name));
  }
}

Result<IssuerProfile> load_issuer_profile(const std::filesystem::path& path) {
  std::error_code ec;
  const std::filesystem::path file = std::filesystem::is_directory(path, ec) ? path / "issuer.json" : path;
  if (!std::filesystem::is_regular_file(file, ec)) {
    return unexpected(make_error(Errc::io, fmt::format("no issuer profile: '{}' is not a file", file.string()), file.string()));
  }
  auto text = read_file(file);
  if (!text) return unexpected(text.error());
  return parse_issuer_profile(*text, file);
}

}  // namespace finmetrics
