#include "finmetrics/claims/claim.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <set>

#include <fmt/format.h>

#include "finmetrics/io/csv.hpp"
#include "finmetrics/io/read_file.hpp"

namespace finmetrics {

namespace {

constexpr std::array<std::pair<RelationKind, std::string_view>, 21> relation_names{{
    {RelationKind::growth_of, "growth_of"},
    {RelationKind::prior_of, "prior_of"},
    {RelationKind::converts, "converts"},
    {RelationKind::same_as, "same_as"},
    {RelationKind::change_of, "change_of"},
    {RelationKind::margin_of, "margin_of"},
    {RelationKind::ratio_of, "ratio_of"},
    {RelationKind::multiple_of, "multiple_of"},
    {RelationKind::per, "per"},
    {RelationKind::to, "to"},
    {RelationKind::compare, "compare"},
    {RelationKind::sum_of, "sum_of"},
    {RelationKind::difference_of, "difference_of"},
    {RelationKind::product_of, "product_of"},
    {RelationKind::at_most, "at_most"},
    {RelationKind::at_least, "at_least"},
    {RelationKind::magnitude_of, "magnitude_of"},
    {RelationKind::daily_of, "daily_of"},
    {RelationKind::compound_of, "compound_of"},
    {RelationKind::cagr_of, "cagr_of"},
    {RelationKind::restated, "restated"},
}};

// How many targets a kind takes: at least, at most.
std::pair<std::size_t, std::size_t> target_count(RelationKind k) {
  switch (k) {
    case RelationKind::sum_of:
    case RelationKind::difference_of:
    case RelationKind::product_of: return {2, 64};
    case RelationKind::at_most:
    case RelationKind::at_least:
    case RelationKind::magnitude_of:
    case RelationKind::compound_of: return {1, 64};
    case RelationKind::cagr_of: return {2, 2};
    case RelationKind::daily_of:
    case RelationKind::restated: return {1, 1};
    default: return {1, 2};
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  return s;
}

bool is_snake_name(std::string_view s) {
  if (s.empty() || std::islower(static_cast<unsigned char>(s.front())) == 0) return false;
  for (char c : s)
    if (!(std::islower(static_cast<unsigned char>(c)) != 0 || std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '_'))
      return false;
  return true;
}

Error row_error(std::size_t line, std::string message, std::string_view input) {
  Error e = make_error(Errc::csv, std::move(message), input);
  e.line = line;
  return e;
}

std::string relation_list() {
  std::string out;
  for (const auto& [k, name] : relation_names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

Result<ClaimRelation> parse_relation(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) {
    return unexpected(make_error(Errc::syntax, fmt::format("relation '{}' is not kind:id[/id] (or kind:id+id, id-id, id*id)", quote_for_message(text)), text));
  }
  const auto kind = relation_kind_from(trim(text.substr(0, colon)));
  if (!kind) {
    return unexpected(make_error(Errc::syntax,
                                 fmt::format("unknown relation kind '{}' (expected one of {})",
                                             quote_for_message(trim(text.substr(0, colon))), relation_list()),
                                 text, 0));
  }
  ClaimRelation r{*kind, {}};
  std::string_view rest = text.substr(colon + 1);
  const char sep = relation_separator(*kind);
  // difference_of also takes '/', for ids that hold a '-'.
  const char cut = *kind == RelationKind::difference_of && rest.find('/') != std::string_view::npos ? '/' : sep;
  while (true) {
    const auto slash = rest.find(cut);
    const std::string_view id = trim(rest.substr(0, slash));
    if (id.empty()) {
      return unexpected(make_error(Errc::syntax, fmt::format("relation '{}' has an empty target id", quote_for_message(text)), text));
    }
    r.targets.emplace_back(id);
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  const auto [least, most] = target_count(*kind);
  if (r.targets.size() > most) {
    return unexpected(make_error(Errc::syntax,
                                 most == 2 ? fmt::format("relation '{}' names more than two targets", quote_for_message(text))
                                           : fmt::format("relation '{}' names more than {} target{}", quote_for_message(text), most, most == 1 ? "" : "s"),
                                 text));
  }
  if (r.targets.size() < least) {
    return unexpected(make_error(Errc::syntax,
                                 fmt::format("relation '{}' needs at least {} targets, separated by '{}'", quote_for_message(text), least, sep),
                                 text));
  }
  return r;
}

}  // namespace

std::string_view to_string(RelationKind kind) noexcept {
  for (const auto& [k, name] : relation_names)
    if (k == kind) return name;
  return "?";
}

std::optional<RelationKind> relation_kind_from(std::string_view name) noexcept {
  for (const auto& [k, n] : relation_names)
    if (n == name) return k;
  return std::nullopt;
}

char relation_separator(RelationKind kind) noexcept {
  switch (kind) {
    case RelationKind::sum_of: return '+';
    case RelationKind::difference_of: return '-';
    case RelationKind::product_of:
    case RelationKind::at_most:
    case RelationKind::at_least:
    case RelationKind::magnitude_of: return '*';
    default: return '/';
  }
}

std::string ClaimRelation::to_string() const {
  std::string out(finmetrics::to_string(kind));
  out += ':';
  bool dash_in_id = false;
  for (const auto& t : targets) dash_in_id = dash_in_id || t.find('-') != std::string::npos;
  const char sep = kind == RelationKind::difference_of && dash_in_id ? '/' : relation_separator(kind);
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (i > 0) out += sep;
    out += targets[i];
  }
  return out;
}

const Claim* ClaimSet::find(std::string_view id) const noexcept {
  if (!index_.empty()) {
    // The index holds the claims parsed; a claim added later is found by the scan below.
    if (auto it = index_.find(std::string(id)); it != index_.end() && it->second < claims.size() && claims[it->second].id == id)
      return &claims[it->second];
    if (index_.size() == claims.size()) return nullptr;
  }
  for (const auto& c : claims)
    if (c.id == id) return &c;
  return nullptr;
}

void ClaimSet::reindex() {
  index_.clear();
  index_.reserve(claims.size());
  for (std::size_t i = 0; i < claims.size(); ++i) index_.emplace(claims[i].id, i);
}

Result<ClaimSet> parse_claims_csv(std::string_view text, std::string_view name, const ClaimsOptions& options) {
  ClaimSet set;
  set.source = std::string(name);
  csv::RecordSplitter splitter;
  splitter.feed(text);
  std::vector<std::string_view> fields;
  std::string scratch;
  bool header_seen = false;
  std::size_t columns = 12;  // 13 with the optional `basis` column
  std::set<std::string> ids;
  std::vector<std::size_t> relation_rows;  // claims whose targets are checked once all ids are known

  const auto handle = [&](const csv::RawRecord& rec) -> tl::expected<void, Error> {
    if (!header_seen) {
      header_seen = true;
      if (trim(rec.text) == claims_csv_header_with_basis) columns = 13;
      if (trim(rec.text) != claims_csv_header && columns == 12) {
        Error e = make_error(Errc::csv,
                             fmt::format("{}: line {}: expected the header '{}' (optionally with ',basis')", name,
                                         rec.line, claims_csv_header),
                             rec.text, 0);
        e.line = rec.line;
        return unexpected(std::move(e));
      }
      return {};
    }
    if (trim(rec.text).empty()) return {};
    if (rec.too_long) {
      set.row_errors.push_back(row_error(rec.line, "row longer than 1 MiB", {}));
      return {};
    }
    if (rec.unterminated) {
      set.row_errors.push_back(row_error(rec.line, "quoted field not closed before the end of the file", rec.text));
      return {};
    }
    if (auto ok = csv::split_record(rec.text, fields, scratch); !ok) {
      set.row_errors.push_back(row_error(rec.line, ok.error().message, rec.text));
      return {};
    }
    if (fields.size() != columns) {
      set.row_errors.push_back(
          row_error(rec.line, fmt::format("expected {} fields, found {}", columns, fields.size()), rec.text));
      return {};
    }
    Claim c;
    c.line = rec.line;
    c.id = std::string(trim(fields[0]));
    c.document = std::string(fields[1]);
    c.quote = std::string(fields[2]);
    const std::string figure(trim(fields[3]));
    c.entity = std::string(trim(fields[4]));
    c.listing = std::string(trim(fields[5]));
    c.segment = std::string(trim(fields[6]));
    c.metric = std::string(trim(fields[7]));
    const std::string period(trim(fields[8]));
    const std::string as_of(trim(fields[9]));
    const std::string relation(trim(fields[10]));
    c.notes = std::string(fields[11]);
    if (columns == 13) c.basis = std::string(trim(fields[12]));

    const auto bad = [&](std::string message, std::string_view input) {
      set.row_errors.push_back(row_error(rec.line, c.id.empty() ? message : quote_for_message(c.id) + ": " + message, input));
    };
    if (c.id.empty()) { bad("empty id", rec.text); return {}; }
    if (ids.count(c.id) != 0) { bad(fmt::format("id '{}' repeats an earlier row", quote_for_message(c.id)), fields[0]); return {}; }
    if (trim(c.quote).empty()) { bad("empty quote", fields[2]); return {}; }
    if (figure.empty()) { bad("empty figure", fields[3]); return {}; }
    if (c.metric.empty()) { bad("empty metric", fields[7]); return {}; }
    if (!is_snake_name(c.metric)) {
      bad(fmt::format("metric '{}' is not a snake_case name (revenue, price_change, ...)", quote_for_message(c.metric)), fields[7]);
      return {};
    }
    if (!as_of.empty()) {
      auto d = parse_date(as_of);
      if (!d) { bad(fmt::format("as_of: {}", d.error().message), fields[9]); return {}; }
      c.as_of = *d;
    }
    if (!period.empty()) {
      auto p = parse_claim_period(period, options.calendar, c.as_of);
      if (!p) { bad(p.error().message, fields[8]); return {}; }
      c.period = std::move(*p);
    }
    if (!relation.empty()) {
      auto r = parse_relation(relation);
      if (!r) { bad(r.error().message, fields[10]); return {}; }
      c.relation = std::move(*r);
    }
    c.figure = read_claim_figure(figure, c.quote, c.metric, options.figures, options.verbal);
    if (c.quote.find(figure) == std::string::npos) {
      c.warnings.push_back(fmt::format("figure '{}' is not in the quote", quote_for_message(figure)));
    }
    ids.insert(c.id);
    if (c.relation) relation_rows.push_back(set.claims.size());
    set.claims.push_back(std::move(c));
    return {};
  };

  while (auto rec = splitter.next()) {
    if (auto r = handle(*rec); !r) return unexpected(r.error());
  }
  if (auto rec = splitter.finish()) {
    if (auto r = handle(*rec); !r) return unexpected(r.error());
  }
  if (!header_seen) {
    return unexpected(make_error(Errc::csv, fmt::format("{}: empty file, expected the header '{}'", name, claims_csv_header)));
  }
  for (std::size_t i : relation_rows) {
    Claim& c = set.claims[i];
    for (const auto& t : c.relation->targets) {
      std::string message;
      if (t == c.id) {
        message = fmt::format("{}: relation '{}' points at the claim itself", quote_for_message(c.id),
                              quote_for_message(c.relation->to_string()));
      } else if (ids.count(t) == 0) {
        message = fmt::format("{}: relation '{}' names '{}', which is no claim of this file (relation ignored)",
                              quote_for_message(c.id), quote_for_message(c.relation->to_string()), quote_for_message(t));
      }
      if (!message.empty()) {
        set.row_errors.push_back(row_error(c.line, std::move(message), t));
        c.relation.reset();
        break;
      }
    }
  }
  std::sort(set.row_errors.begin(), set.row_errors.end(), [](const Error& a, const Error& b) { return a.line < b.line; });
  set.reindex();
  return set;
}

Result<ClaimSet> load_claims_csv(const std::filesystem::path& file, const ClaimsOptions& options) {
  // Read within read_file's limit: a FIFO or device without end is refused by name.
  auto text = read_file(file);
  if (!text) {
    if (text.error().code != Errc::io) return unexpected(std::move(text.error()));
    return unexpected(make_error(Errc::io, fmt::format("cannot open claims file '{}'", file.string()), file.string()));
  }
  return parse_claims_csv(*text, file.string(), options);
}

}  // namespace finmetrics
