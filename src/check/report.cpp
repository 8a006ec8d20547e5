#include "finmetrics/check/report.hpp"

#include <fmt/format.h>

#include "finmetrics/models/display.hpp"
#include "report_common.hpp"

namespace finmetrics {

namespace {

using report_detail::kind_name;
using report_detail::summary_line;
using report_detail::verdict_kinds;


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
    out += fmt::format("\n{} [{}{}{}] {}\n  => {}\n", f.id, kind_name(f.kind), f.stated ? ", stated" : "",
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
  for (VerdictKind k : verdict_kinds) out += fmt::format("| {} | {} |\n", label(k), r.count(k));
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
    out += fmt::format("\n### {}: {}\n\n{} ({}{}{})\n\n", f.id, cell(f.title), label(f.verdict.kind), kind_name(f.kind),
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

}  // namespace finmetrics
