#include "finmetrics/check/report.hpp"

#include <fmt/format.h>

#include "finmetrics/models/display.hpp"

namespace finmetrics {

namespace {

constexpr VerdictKind kinds[] = {VerdictKind::consistent, VerdictKind::consistent_by_rounding, VerdictKind::inconsistent,
                                 VerdictKind::unverifiable};

std::string pad(std::string s, std::size_t n) {
  // Pads by code points, so curly quotes do not shift columns.
  std::size_t cps = 0;
  for (unsigned char ch : s) cps += (ch & 0xC0U) != 0x80U ? 1 : 0;
  if (cps < n) s.append(n - cps, ' ');
  return s;
}

std::string clip(const std::string& s, std::size_t n) {
  std::size_t cps = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0U) != 0x80U) {
      if (cps == n) return s.substr(0, i) + "...";
      ++cps;
    }
  }
  return s;
}

std::string summary_line(const CheckResult& r) {
  return fmt::format("{} claims: {} consistent, {} consistent only by rounding, {} inconsistent, {} unverifiable",
                     r.claims.size(), r.count(VerdictKind::consistent), r.count(VerdictKind::consistent_by_rounding),
                     r.count(VerdictKind::inconsistent), r.count(VerdictKind::unverifiable));
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

template <class T, class F>
std::string json_array(const std::vector<T>& v, F&& f) {
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i == 0 ? "" : ",") + f(v[i]);
  return out + "]";
}

}  // namespace

std::string format_text_report(const CheckResult& r, const ClaimSet& set) {
  std::string out;
  out += fmt::format("finmetrics check: {}\n", r.claims_source);
  out += "reference data: ";
  for (std::size_t i = 0; i < r.data_files.size(); ++i) out += (i == 0 ? "" : ", ") + r.data_files[i];
  out += fmt::format("\nFX: {}\n\n", r.fx_source);
  out += "Summary: " + summary_line(r) + "\n";
  out += fmt::format("\n{} {} {} {} {}\n", pad("claim", 6), pad("verdict", 28), pad("metric", 28), pad("figure", 26), "why");
  for (std::size_t i = 0; i < r.claims.size(); ++i) {
    const auto& o = r.claims[i];
    const Claim& c = set.claims[i];
    out += fmt::format("{} {} {} {} {}\n", pad(o.id, 6), pad(std::string(label(o.kind)), 28), pad(c.metric, 28),
                       pad(clip(c.figure.text, 24), 26), o.reason);
  }
  if (!r.row_errors.empty()) {
    out += fmt::format("\nRows with errors ({}):\n", r.row_errors.size());
    for (const auto& e : r.row_errors) out += fmt::format("  line {}: {}\n", e.line, e.message);
  }
  out += "\nFindings\n";
  for (const auto& f : r.findings) {
    const Claim* c = set.find(f.subject);
    out += fmt::format("\n{} [{}{}{}] {}\n  => {}\n", f.id, f.kind, f.stated ? ", stated" : "",
                       f.supporting ? ", supporting" : "", f.title, label(f.verdict.kind));
    if (c != nullptr) out += fmt::format("  quote ({}, {}): \"{}\"\n", c->id, c->document, c->quote);
    for (const auto& id : f.claims) {
      if (id == f.subject) continue;
      if (const Claim* o = set.find(id)) out += fmt::format("  quote ({}, {}): \"{}\"\n", o->id, o->document, o->quote);
    }
    if (c != nullptr)
      for (const auto& n : c->figure.notes) out += "  reading: " + n + "\n";
    for (const auto& line : f.verdict.arithmetic) out += "    " + line + "\n";
    if (!f.verdict.data.empty()) {
      out += "  data used:\n";
      for (const auto& d : f.verdict.data) out += fmt::format("    - {}: {} [{}]\n", d.what, d.value, d.source);
    }
  }
  return out;
}

std::string format_markdown_report(const CheckResult& r, const ClaimSet& set) {
  std::string out = fmt::format("# finmetrics check: `{}`\n\n", r.claims_source);
  out += "Reference data: ";
  for (std::size_t i = 0; i < r.data_files.size(); ++i) out += (i == 0 ? "`" : ", `") + r.data_files[i] + "`";
  out += fmt::format(". FX: {}.\n\n**{}**\n\n", r.fx_source, summary_line(r));
  out += "| verdict | claims |\n|---|---|\n";
  for (VerdictKind k : kinds) out += fmt::format("| {} | {} |\n", label(k), r.count(k));
  out += "\n| claim | verdict | metric | figure | why |\n|---|---|---|---|---|\n";
  const auto cell = [](std::string s) {
    std::string o;
    for (char ch : s) o += ch == '|' ? std::string("\\|") : std::string(1, ch);
    return o;
  };
  for (std::size_t i = 0; i < r.claims.size(); ++i) {
    const auto& o = r.claims[i];
    const Claim& c = set.claims[i];
    out += fmt::format("| {} | {} | {} | {} | {} |\n", o.id, label(o.kind), c.metric, cell(c.figure.text), cell(o.reason));
  }
  if (!r.row_errors.empty()) {
    out += "\n## Rows with errors\n\n";
    for (const auto& e : r.row_errors) out += fmt::format("- line {}: {}\n", e.line, cell(e.message));
  }
  out += "\n## Findings\n";
  for (const auto& f : r.findings) {
    out += fmt::format("\n### {}: {}\n\n{} ({}{}{})\n\n", f.id, cell(f.title), label(f.verdict.kind), f.kind,
                       f.stated ? ", stated" : "", f.supporting ? ", supporting" : "");
    for (const auto& id : f.claims)
      if (const Claim* o = set.find(id)) out += fmt::format("> {} ({}): {}\n>\n", o->id, o->document, o->quote);
    out += "\n```\n";
    for (const auto& line : f.verdict.arithmetic) out += line + "\n";
    out += "```\n";
    if (!f.verdict.data.empty()) {
      out += "\nData used:\n\n";
      for (const auto& d : f.verdict.data) out += fmt::format("- {}: {} ({})\n", d.what, d.value, d.source);
    }
  }
  return out;
}

std::string format_json_report(const CheckResult& r, const ClaimSet& set) {
  std::string out = "{";
  out += "\"claims_file\":" + json_string(r.claims_source);
  out += ",\"data_files\":" + json_array(r.data_files, [](const std::string& s) { return json_string(s); });
  out += ",\"fx_source\":" + json_string(r.fx_source);
  out += fmt::format(",\"summary\":{{\"claims\":{},\"consistent\":{},\"consistent_by_rounding\":{},\"inconsistent\":{},"
                     "\"unverifiable\":{}}}",
                     r.claims.size(), r.count(VerdictKind::consistent), r.count(VerdictKind::consistent_by_rounding),
                     r.count(VerdictKind::inconsistent), r.count(VerdictKind::unverifiable));
  out += ",\"claims\":[";
  for (std::size_t i = 0; i < r.claims.size(); ++i) {
    const auto& o = r.claims[i];
    const Claim& c = set.claims[i];
    out += (i == 0 ? "{" : ",{");
    out += "\"id\":" + json_string(o.id) + ",\"line\":" + std::to_string(c.line) + ",\"document\":" + json_string(c.document) +
           ",\"figure\":" + json_string(c.figure.text) + ",\"metric\":" + json_string(c.metric) +
           ",\"verdict\":" + json_string(to_string(o.kind)) + ",\"reason\":" + json_string(o.reason) + ",\"findings\":" +
           json_array(o.findings, [&](std::size_t k) { return json_string(r.findings[k].id); });
    if (c.figure.readings) {
      out += ",\"strict\":" + json_string(c.figure.readings->strict.to_string()) +
             ",\"rounded\":" + json_string(c.figure.readings->rounded.to_string()) +
             ",\"truncated\":" + json_string(c.figure.readings->truncated.to_string());
    }
    out += "}";
  }
  out += "],\"findings\":[";
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    const Finding& f = r.findings[i];
    const Verdict& v = f.verdict;
    out += (i == 0 ? "{" : ",{");
    out += "\"id\":" + json_string(f.id) + ",\"kind\":" + json_string(f.kind) + ",\"title\":" + json_string(f.title) +
           ",\"subject\":" + json_string(f.subject) +
           ",\"claims\":" + json_array(f.claims, [](const std::string& s) { return json_string(s); }) +
           ",\"stated\":" + (f.stated ? "true" : "false") +
           ",\"supporting\":" + (f.supporting ? "true" : "false") + ",\"verdict\":" + json_string(to_string(v.kind)) +
           ",\"reading\":" + (v.reading.empty() ? std::string("null") : json_string(v.reading));
    out += ",\"claimed\":" + (v.claimed ? "{\"strict\":" + json_string(v.claimed->strict.to_string()) + ",\"rounded\":" +
                                              json_string(v.claimed->rounded.to_string()) + ",\"truncated\":" +
                                              json_string(v.claimed->truncated.to_string()) + "}"
                                        : std::string("null"));
    out += ",\"computed\":" + (v.computed ? "{\"strict\":" + json_string(v.computed->strict.to_string()) +
                                                ",\"rounded\":" + json_string(v.computed->rounded.to_string()) + "}"
                                          : std::string("null"));
    out += ",\"gap\":" + (v.gap ? "{\"absolute\":" + json_string(v.gap->absolute.trimmed().to_string()) + ",\"relative_percent\":" +
                                      (v.gap->relative_percent ? json_string(v.gap->relative_percent->trimmed().to_string())
                                                               : std::string("null")) +
                                      "}"
                                : std::string("null"));
    out += ",\"arithmetic\":" + json_array(v.arithmetic, [](const std::string& s) { return json_string(s); });
    out += ",\"data\":" + json_array(v.data, [](const DataUsed& d) {
      return "{\"what\":" + json_string(d.what) + ",\"value\":" + json_string(d.value) + ",\"source\":" + json_string(d.source) + "}";
    });
    out += ",\"missing\":" + json_array(v.missing, [](const std::string& s) { return json_string(s); });
    out += "}";
  }
  out += "],\"row_errors\":" + json_array(r.row_errors, [](const Error& e) {
    return "{\"line\":" + std::to_string(e.line) + ",\"message\":" + json_string(e.message) + "}";
  });
  out += "}\n";
  return out;
}

}  // namespace finmetrics
