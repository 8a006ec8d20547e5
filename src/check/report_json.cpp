// The JSON report of a check (nlohmann-json; keys in the documented order).
#include <nlohmann/json.hpp>

#include "finmetrics/check/report.hpp"
#include "report_common.hpp"

namespace finmetrics {

namespace {

using Json = nlohmann::ordered_json;

Json readings_json(const Readings& r) {
  return Json{{"strict", r.strict.to_string()}, {"rounded", r.rounded.to_string()}, {"truncated", r.truncated.to_string()}};
}

Json finding_json(const Finding& f) {
  const Verdict& v = f.verdict;
  Json j;
  j["id"] = f.id;
  j["kind"] = report_detail::kind_name(f.kind);
  j["title"] = f.title;
  j["subject"] = f.subject;
  j["claims"] = f.claims;
  j["stated"] = f.stated;
  j["supporting"] = f.supporting;
  j["verdict"] = std::string(to_string(v.kind));
  j["reading"] = v.reading.empty() ? Json(nullptr) : Json(v.reading);
  j["claimed"] = v.claimed ? readings_json(*v.claimed) : Json(nullptr);
  j["computed"] = v.computed ? Json{{"strict", v.computed->strict.to_string()}, {"rounded", v.computed->rounded.to_string()}}
                             : Json(nullptr);
  if (v.gap) {
    j["gap"] = Json{{"absolute", v.gap->absolute.trimmed().to_string()},
                    {"relative_percent",
                     v.gap->relative_percent ? Json(v.gap->relative_percent->trimmed().to_string()) : Json(nullptr)}};
  } else {
    j["gap"] = nullptr;
  }
  j["arithmetic"] = v.arithmetic;
  Json data = Json::array();
  for (const DataUsed& d : v.data) data.push_back(Json{{"what", d.what}, {"value", d.value}, {"source", d.source}});
  j["data"] = std::move(data);
  j["missing"] = v.missing;
  return j;
}

}  // namespace

std::string format_json_report(const CheckResult& r, const ClaimSet& set) {
  Json j;
  j["claims_file"] = r.claims_source;
  j["data_files"] = r.data_files;
  j["fx_source"] = r.fx_source;
  j["summary"] = Json{{"claims", r.claims.size()},
                      {"consistent", r.count(VerdictKind::consistent)},
                      {"consistent_by_rounding", r.count(VerdictKind::consistent_by_rounding)},
                      {"inconsistent", r.count(VerdictKind::inconsistent)},
                      {"unverifiable", r.count(VerdictKind::unverifiable)}};
  Json claims = Json::array();
  for (std::size_t i = 0; i < r.claims.size(); ++i) {
    const ClaimOutcome& o = r.claims[i];
    const Claim& c = set.claims[i];
    Json cj{{"id", o.id}, {"line", c.line}, {"document", c.document}, {"figure", c.figure.text},
            {"metric", c.metric}, {"verdict", std::string(to_string(o.kind))}, {"reason", o.reason}};
    Json ids = Json::array();
    for (std::size_t k : o.findings) ids.push_back(r.findings[k].id);
    cj["findings"] = std::move(ids);
    if (c.figure.readings) {
      cj["strict"] = c.figure.readings->strict.to_string();
      cj["rounded"] = c.figure.readings->rounded.to_string();
      cj["truncated"] = c.figure.readings->truncated.to_string();
    }
    claims.push_back(std::move(cj));
  }
  j["claims"] = std::move(claims);
  Json findings = Json::array();
  for (const Finding& f : r.findings) findings.push_back(finding_json(f));
  j["findings"] = std::move(findings);
  Json errors = Json::array();
  for (const Error& e : r.row_errors) errors.push_back(Json{{"line", e.line}, {"message", e.message}});
  j["row_errors"] = std::move(errors);
  // Text from claims files is UTF-8 checked on reading; `replace` keeps a stray
  // byte from turning a whole report into an exception.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace finmetrics
