#pragma once
// Helpers shared by the report writers (text, Markdown, JSON, HTML); private to src/check/.

#include <string>
#include <string_view>
#include <type_traits>

#include <fmt/format.h>

#include "finmetrics/check/checker.hpp"

namespace finmetrics::report_detail {

inline constexpr VerdictKind verdict_kinds[] = {VerdictKind::consistent, VerdictKind::consistent_by_rounding,
                                                VerdictKind::inconsistent, VerdictKind::unverifiable};

// A finding's kind as text, whether the checker keeps it as a string or as an
// enum with `to_string` (the writers need not change when that type does).
template <class Kind>
std::string kind_name(const Kind& kind) {
  if constexpr (std::is_convertible_v<const Kind&, std::string_view>) {
    return std::string(std::string_view(kind));
  } else {
    return std::string(to_string(kind));
  }
}

inline std::string summary_line(const CheckResult& r) {
  return fmt::format("{} claims: {} consistent, {} consistent only by rounding, {} inconsistent, {} unverifiable",
                     r.claims.size(), r.count(VerdictKind::consistent), r.count(VerdictKind::consistent_by_rounding),
                     r.count(VerdictKind::inconsistent), r.count(VerdictKind::unverifiable));
}

/// Text for HTML and SVG: & < > " ' escaped.
inline std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace finmetrics::report_detail
