// The HTML report of a check: one self-contained page (inline CSS, inline SVG
// charts, a small inline script for sorting and filtering; nothing fetched),
// readable with JavaScript off.
#include <fmt/format.h>

#include "finmetrics/check/report.hpp"
#include "finmetrics/models/display.hpp"
#include "report_charts.hpp"
#include "report_common.hpp"

namespace finmetrics {

namespace {

using report_detail::html_escape;
using report_detail::kind_name;

constexpr const char* style = R"css(
:root{--ok:#1a7f37;--round:#9a6700;--bad:#cf222e;--unk:#57606a;--line:#0969da;--ink:#1f2328;--soft:#f6f8fa;--rule:#d0d7de}
*{box-sizing:border-box}
body{font:15px/1.5 -apple-system,"Segoe UI","DejaVu Sans","Liberation Sans",Arial,sans-serif;color:var(--ink);margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:1.5em;margin:0 0 4px} h2{font-size:1.2em;margin:28px 0 8px;border-bottom:1px solid var(--rule);padding-bottom:4px}
h3{font-size:1.05em;margin:0 0 6px}
.meta{color:#57606a;font-size:.9em;margin:0}
.summary{display:flex;gap:10px;flex-wrap:wrap;margin:16px 0}
.count{border:1px solid var(--rule);border-radius:6px;padding:8px 14px;min-width:150px;background:var(--soft)}
.count b{display:block;font-size:1.6em}
.v-consistent{color:var(--ok)} .v-consistent_by_rounding{color:var(--round)} .v-inconsistent{color:var(--bad);font-weight:600} .v-unverifiable{color:var(--unk)}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--rule);vertical-align:top}
th{background:var(--soft);position:sticky;top:0;white-space:nowrap}
th.sortable{cursor:pointer} th.sortable:after{content:" \2195";color:#8c959f}
tr.inconsistent td:first-child{border-left:3px solid var(--bad)}
td.why{font-family:"DejaVu Sans Mono",monospace;font-size:.85em;word-break:break-word}
.controls{display:none;gap:10px;margin:8px 0}
.js .controls{display:flex}
.controls input,.controls select{font:inherit;padding:4px 8px}
.finding{border:1px solid var(--rule);border-radius:6px;padding:12px 16px;margin:14px 0}
.finding.inconsistent{border-left:4px solid var(--bad)}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:.85em;border:1px solid currentColor}
blockquote{margin:6px 0;padding:2px 10px;border-left:3px solid var(--rule);color:#424a53}
pre{background:var(--soft);padding:8px 10px;overflow-x:auto;font-size:.82em;line-height:1.4}
ul.data{font-size:.85em;padding-left:18px} ul.data li{margin:2px 0;word-break:break-word}
svg.chart{width:100%;max-width:760px;height:auto;display:block;margin:8px 0;background:#fff}
svg .ctitle{font-size:13px;font-weight:600;fill:var(--ink)}
svg .grid{stroke:#eaeef2} svg .axis{stroke:#8c959f}
svg .ytick{font-size:11px;text-anchor:end;fill:#57606a} svg .xtick{font-size:11px;text-anchor:middle;fill:#57606a}
svg .ylabel{font-size:11px;text-anchor:middle;fill:#57606a}
svg .line{fill:none;stroke:var(--line);stroke-width:1.8} svg .dot{fill:var(--line)}
svg .band.claimed{fill:#bf8700;fill-opacity:.22;stroke:#bf8700;stroke-opacity:.7}
svg .band.computed{fill:#8250df;fill-opacity:.25;stroke:#8250df}
svg .level.claimed{stroke:#bf8700;stroke-width:1.6;stroke-dasharray:6 4}
svg .mark.used{fill:#fff;stroke:var(--ink);stroke-width:2} svg .mark.computed{fill:#8250df;stroke:#fff;stroke-width:1.5}
svg .mark.claimed{fill:#bf8700}
svg .key.series{fill:var(--line)} svg .key.band.claimed{fill:#bf8700;fill-opacity:.4} svg .key.band.computed{fill:#8250df;fill-opacity:.45}
svg .key.level.claimed{fill:#bf8700} svg .key.mark.used{fill:#fff;stroke:var(--ink)} svg .key.mark.computed{fill:#8250df}
svg .keytext{font-size:11.5px;fill:var(--ink)}
)css";

// Sorting (click a column head) and filtering (text and verdict); the table is
// complete without it.
constexpr const char* script = R"js(
document.documentElement.classList.add('js');
(function(){
  var table=document.getElementById('verdicts'); if(!table) return;
  var body=table.tBodies[0], rows=Array.prototype.slice.call(body.rows);
  var text=document.getElementById('filter-text'), verdict=document.getElementById('filter-verdict');
  function apply(){
    var q=text.value.toLowerCase(), v=verdict.value, shown=0;
    rows.forEach(function(r){var ok=(!v||r.dataset.verdict===v)&&(!q||r.textContent.toLowerCase().indexOf(q)>=0);r.style.display=ok?'':'none';if(ok)shown++;});
    document.getElementById('shown').textContent=shown+' of '+rows.length+' claims';
  }
  text.addEventListener('input',apply); verdict.addEventListener('change',apply);
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){
    th.classList.add('sortable'); var dir=1;
    th.addEventListener('click',function(){
      var key=function(r){var c=r.cells[i];return c.dataset.key||c.textContent;};
      rows.sort(function(a,b){var x=key(a),y=key(b);var nx=parseFloat(x.replace(/^[A-Z]+/,'')),ny=parseFloat(y.replace(/^[A-Z]+/,''));
        if(!isNaN(nx)&&!isNaN(ny)&&x.replace(/[0-9.]+$/,'')===y.replace(/[0-9.]+$/,''))return (nx-ny)*dir;return x.localeCompare(y)*dir;});
      dir=-dir; rows.forEach(function(r){body.appendChild(r);});
    });
  });
  apply();
})();
)js";

int verdict_rank(VerdictKind k) {
  switch (k) {
    case VerdictKind::inconsistent: return 0;
    case VerdictKind::consistent_by_rounding: return 1;
    case VerdictKind::consistent: return 2;
    case VerdictKind::unverifiable: return 3;
  }
  return 4;
}

}  // namespace

std::string format_html_report(const CheckResult& r, const ClaimSet& set, const ReferenceData& data) {
  std::string out;
  out.reserve(256 * 1024);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>finmetrics check: {}</title>\n<style>{}</style>\n</head>\n<body>\n", html_escape(r.claims_source), style);
  out += fmt::format("<header>\n<h1>finmetrics check: {}</h1>\n", html_escape(r.claims_source));
  out += "<p class=\"meta\">Reference data: ";
  for (std::size_t i = 0; i < r.data_files.size(); ++i) out += (i == 0 ? "" : ", ") + html_escape(r.data_files[i]);
  out += fmt::format("<br>FX: {}</p>\n</header>\n", html_escape(r.fx_source));

  out += "<section id=\"summary\">\n<h2>Summary</h2>\n";
  out += fmt::format("<p>{}</p>\n<div class=\"summary\">\n", html_escape(report_detail::summary_line(r)));
  for (VerdictKind k : report_detail::verdict_kinds)
    out += fmt::format("<div class=\"count v-{}\"><b>{}</b>{}</div>\n", to_string(k), r.count(k), html_escape(label(k)));
  out += "</div>\n</section>\n";

  out += "<section id=\"claims\">\n<h2>Verdicts</h2>\n";
  out += "<div class=\"controls\"><input id=\"filter-text\" type=\"search\" placeholder=\"filter: claim, metric, figure, reason\" "
         "size=\"40\"><select id=\"filter-verdict\"><option value=\"\">every verdict</option>";
  for (VerdictKind k : report_detail::verdict_kinds)
    out += fmt::format("<option value=\"{}\">{}</option>", to_string(k), html_escape(label(k)));
  out += "</select><span id=\"shown\"></span></div>\n";
  out += "<table id=\"verdicts\">\n<thead><tr><th>claim</th><th>verdict</th><th>metric</th><th>figure</th><th>why</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < r.claims.size(); ++i) {
    const ClaimOutcome& o = r.claims[i];
    const Claim& c = set.claims[i];
    std::string why = html_escape(o.reason);
    if (!o.findings.empty()) {
      const std::string& fid = r.findings[o.findings.front()].id;
      why = fmt::format("<a href=\"#{}\">{}</a>", fid, why);
    }
    out += fmt::format(
        "<tr class=\"claim {}\" id=\"claim-{}\" data-verdict=\"{}\"><td data-key=\"{}\">{}</td><td class=\"v-{}\" data-key=\"{}\">{}</td>"
        "<td>{}</td><td>{}</td><td class=\"why\">{}</td></tr>\n",
        to_string(o.kind), html_escape(o.id), to_string(o.kind), html_escape(o.id), html_escape(o.id), to_string(o.kind),
        verdict_rank(o.kind), html_escape(label(o.kind)), html_escape(c.metric), html_escape(c.figure.text), why);
  }
  out += "</tbody>\n</table>\n</section>\n";

  if (!r.row_errors.empty()) {
    out += fmt::format("<section id=\"row-errors\">\n<h2>Rows with errors ({})</h2>\n<ul>\n", r.row_errors.size());
    for (const auto& e : r.row_errors) out += fmt::format("<li>line {}: {}</li>\n", e.line, html_escape(e.message));
    out += "</ul>\n</section>\n";
  }

  out += "<section id=\"findings\">\n<h2>Findings</h2>\n";
  for (const Finding& f : r.findings) {
    const Verdict& v = f.verdict;
    const auto chart = report_detail::chart_for(f, set, data);
    const std::string svg = chart ? report_detail::render_svg(*chart, "chart-" + f.id) : std::string();
    out += fmt::format("<section class=\"finding {}\" id=\"{}\" data-kind=\"{}\" data-chart=\"{}\">\n", to_string(v.kind),
                       html_escape(f.id), html_escape(kind_name(f.kind)), svg.empty() ? std::string() : chart->kind);
    out += fmt::format("<h3>{} <span class=\"badge v-{}\">{}</span> {}</h3>\n", html_escape(f.id), to_string(v.kind),
                       html_escape(label(v.kind)), html_escape(f.title));
    out += fmt::format("<p class=\"meta\">{}{}{}; claims: ", html_escape(kind_name(f.kind)), f.stated ? ", stated" : "",
                       f.supporting ? ", supporting (does not decide a verdict)" : "");
    for (std::size_t i = 0; i < f.claims.size(); ++i)
      out += fmt::format("{}<a href=\"#claim-{}\">{}</a>", i == 0 ? "" : ", ", html_escape(f.claims[i]), html_escape(f.claims[i]));
    out += "</p>\n";
    for (const auto& id : f.claims)
      if (const Claim* c = set.find(id))
        out += fmt::format("<blockquote>{} ({}): \u201c{}\u201d</blockquote>\n", html_escape(c->id), html_escape(c->document),
                           html_escape(c->quote));
    out += svg;
    if (!v.arithmetic.empty()) {
      out += "<pre class=\"arithmetic\">";
      for (const auto& line : v.arithmetic) out += html_escape(line) + "\n";
      out += "</pre>\n";
    }
    if (!v.data.empty()) {
      out += "<p>Data used:</p>\n<ul class=\"data\">\n";
      for (const DataUsed& d : v.data)
        out += fmt::format("<li><b>{}</b>: {} <span class=\"meta\">[{}]</span></li>\n", html_escape(d.what), html_escape(d.value),
                           html_escape(d.source));
      out += "</ul>\n";
    }
    if (!v.missing.empty()) {
      out += "<p>Missing: ";
      for (std::size_t i = 0; i < v.missing.size(); ++i) out += (i == 0 ? "" : "; ") + html_escape(v.missing[i]);
      out += "</p>\n";
    }
    out += "</section>\n";
  }
  out += "</section>\n";
  out += fmt::format("<footer class=\"meta\"><p>Written by finmetrics. Every verdict follows docs/checking.md; each "
                     "finding lists the data it used with its source.</p></footer>\n<script>{}</script>\n</body>\n</html>\n",
                     script);
  return out;
}

}  // namespace finmetrics
