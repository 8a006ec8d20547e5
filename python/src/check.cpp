// check: a claims file (or CSV text) against reference data; verdict rows for a
// DataFrame and findings with their arithmetic (finmetrics/_check.py).
#include <filesystem>
#include <memory>

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "common.hpp"
#include "finmetrics/check/checker.hpp"
#include "finmetrics/check/reference_data.hpp"
#include "finmetrics/check/report.hpp"
#include "finmetrics/claims/claim.hpp"
#include "fx_table_handle.hpp"

namespace finmetrics::python {

namespace {

namespace fs = std::filesystem;

template <class Kind>
std::string kind_text(const Kind& k) {
  if constexpr (std::is_convertible_v<const Kind&, std::string_view>) {
    return std::string(std::string_view(k));
  } else {
    return std::string(to_string(k));
  }
}

py::object readings_dict(const std::optional<Readings>& r) {
  if (!r) return py::none();
  py::dict d;
  d["strict"] = to_py(r->strict);
  d["rounded"] = to_py(r->rounded);
  d["truncated"] = to_py(r->truncated);
  return d;
}

py::dict run_check(const std::string& claims_path, const std::optional<std::string>& claims_text,
                   const std::optional<std::string>& data, const std::optional<std::string>& shared,
                   const std::shared_ptr<FxTableHandle>& fx, int max_staleness, const std::string& report_format) {
  ReferenceSources sources;
  if (data) {
    sources.data_dir = *data;
  } else {
    // The claims file's folder when it holds reference data; no issuer is assumed.
    const fs::path dir = fs::path(claims_path).parent_path().empty() ? fs::path(".") : fs::path(claims_path).parent_path();
    if (!claims_text && (fs::exists(dir / "issuer.json") || fs::exists(dir / "market.csv") || fs::exists(dir / "financials.csv")))
      sources.data_dir = dir;
    else
      throw py::value_error("no reference data for '" + claims_path +
                            "': give data=DIR (a folder with issuer.json, market.csv or financials.csv)");
  }
  if (shared) sources.shared_dir = *shared;
  ReferenceData reference = value_or_raise(load_reference_data(sources));
  // FY periods read with the issuer profile's calendar (row errors without one).
  ClaimsOptions claims_options;
  claims_options.calendar = reference.calendar;
  ClaimSet claims = claims_text ? value_or_raise(parse_claims_csv(*claims_text, claims_path, claims_options))
                                : value_or_raise(load_claims_csv(claims_path, claims_options));
  if (fx) {
    reference.fx = fx->table;  // the caller's table replaces the bundled fixings
    reference.fx_source = fx->path;
  }
  CheckOptions options;
  options.max_staleness = date::days{max_staleness};
  CheckResult result;
  {
    py::gil_scoped_release unlocked;
    result = check_claims(claims, reference, options);
  }

  py::list rows;
  for (std::size_t i = 0; i < result.claims.size(); ++i) {
    const ClaimOutcome& o = result.claims[i];
    const Claim& c = claims.claims[i];
    py::list ids;
    for (std::size_t k : o.findings) ids.append(result.findings[k].id);
    py::dict row;
    row["claim"] = o.id;
    row["verdict"] = std::string(to_string(o.kind));
    row["metric"] = c.metric;
    row["figure"] = c.figure.text;
    row["entity"] = c.subject();
    row["document"] = c.document;
    row["reason"] = o.reason;
    row["findings"] = ids;
    rows.append(row);
  }
  py::list findings;
  for (const Finding& f : result.findings) {
    const Verdict& v = f.verdict;
    py::dict d;
    d["id"] = f.id;
    d["kind"] = kind_text(f.kind);
    d["title"] = f.title;
    d["subject"] = f.subject;
    d["claims"] = f.claims;
    d["stated"] = f.stated;
    d["supporting"] = f.supporting;
    d["verdict"] = std::string(to_string(v.kind));
    d["reading"] = v.reading.empty() ? py::object(py::none()) : py::object(py::str(v.reading));
    d["unit"] = v.unit.to_string();
    d["claimed"] = readings_dict(v.claimed);
    if (v.computed) {
      py::dict cd;
      cd["strict"] = to_py(v.computed->strict);
      cd["rounded"] = to_py(v.computed->rounded);
      d["computed"] = cd;
    } else {
      d["computed"] = py::none();
    }
    if (v.gap) {
      py::dict g;
      g["absolute"] = to_py(v.gap->absolute.trimmed());
      g["relative_percent"] = v.gap->relative_percent ? to_py(v.gap->relative_percent->trimmed()) : py::none();
      d["gap"] = g;
    } else {
      d["gap"] = py::none();
    }
    d["arithmetic"] = v.arithmetic;
    py::list used;
    for (const DataUsed& u : v.data) used.append(py::make_tuple(u.what, u.value, u.source));
    d["data"] = used;
    d["missing"] = v.missing;
    findings.append(d);
  }
  py::list errors;
  for (const Error& e : result.row_errors) errors.append(py::make_tuple(e.line, e.message));
  py::dict out;
  out["claims"] = rows;
  out["findings"] = findings;
  out["row_errors"] = errors;
  out["claims_source"] = result.claims_source;
  out["data_files"] = result.data_files;
  out["fx_source"] = result.fx_source;
  if (report_format == "text") out["report"] = format_text_report(result, claims);
  else if (report_format == "json") out["report"] = format_json_report(result, claims);
  else if (report_format == "markdown") out["report"] = format_markdown_report(result, claims);
  return out;
}

}  // namespace

void bind_check(py::module_& m) {
  m.def("check", &run_check, py::arg("claims_path"), py::arg("claims_text") = py::none(), py::arg("data") = py::none(),
        py::arg("shared") = py::none(), py::arg("fx") = nullptr, py::arg("max_staleness") = 7,
        py::arg("report_format") = "");
}

}  // namespace finmetrics::python
