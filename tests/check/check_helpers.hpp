// Helpers of the check tests: a claims CSV from rows, the findings of a claim.
#pragma once

#include <string>

#include <catch2/catch.hpp>

#include "finmetrics/check/checker.hpp"

namespace finmetrics::test {

inline std::string claims_csv(const std::string& rows) {
  return std::string(claims_csv_header) + "\n" + rows;
}

inline const Finding* finding_of(const CheckResult& r, FindingKind kind, const std::string& subject) {
  for (const auto& f : r.findings)
    if (f.kind == kind && f.subject == subject) return &f;
  return nullptr;
}

inline const ClaimOutcome& outcome_of(const CheckResult& r, const std::string& id) {
  for (const auto& c : r.claims)
    if (c.id == id) return c;
  FAIL("no claim " << id);
  return r.claims.front();
}

}  // namespace finmetrics::test
