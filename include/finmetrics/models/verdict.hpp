#pragma once
/// \file
/// `Verdict`: what a check found, with the intervals, the data used and the
/// arithmetic a reader can redo by hand; `judge`, the rule that decides it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/decimal/interval.hpp"
#include "finmetrics/models/readings.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

/// The outcome of a check, best first.
enum class VerdictKind {
  consistent,              ///< the strict readings meet
  consistent_by_rounding,  ///< only the rounding (or truncation) readings meet
  inconsistent,            ///< not even the rounding and truncation readings meet
  unverifiable,            ///< data needed for the check is missing
};

/// "consistent", "consistent_by_rounding", "inconsistent", "unverifiable".
[[nodiscard]] std::string_view to_string(VerdictKind kind) noexcept;
/// For people: "consistent", "consistent only by rounding", "INCONSISTENT", "unverifiable".
[[nodiscard]] std::string_view label(VerdictKind kind) noexcept;

/// What a relation computes from its operands: from their strict readings and
/// from their rounded ones.
struct Computed {
  Interval strict;
  Interval rounded;
};

/// One piece of reference data or one claim a check used.
struct DataUsed {
  std::string what;    ///< "XYZ close 2024-12-31", "claim A18"
  std::string value;   ///< as printed: "84.79 USD", "Rmb81bn"
  std::string source;  ///< where it comes from: a file and row, a URL, a document
  friend bool operator==(const DataUsed&, const DataUsed&) = default;
};

/// How far apart claim and computation are, for an inconsistent verdict:
/// `absolute` is the distance between the claim's strict set and the strict
/// computed set (in the claim's unit), `relative` that distance over the
/// magnitude of the nearest computed end, in percent (nullopt when that is zero).
struct Gap {
  Decimal absolute;
  std::optional<Decimal> relative_percent;
  friend bool operator==(const Gap&, const Gap&) = default;
};

/// A check's outcome with everything needed to redo it.
struct Verdict {
  VerdictKind kind = VerdictKind::unverifiable;
  /// Which readings met: "strict", "rounding", "truncation"; empty otherwise.
  std::string reading;
  std::optional<Readings> claimed;   ///< the claim's readings
  std::optional<Computed> computed;  ///< what the relation gives
  Unit unit;                         ///< the unit both are in
  std::vector<std::string> arithmetic;  ///< lines, in order, for people
  std::vector<DataUsed> data;           ///< every operand with its source
  std::optional<Gap> gap;               ///< set when inconsistent
  std::vector<std::string> missing;     ///< what data was missing, when unverifiable
};

/// The rule (docs/checking.md): consistent when the claim's strict reading meets
/// the strict computation; else consistent by rounding when its rounded reading
/// meets the rounded computation ("rounding"), or its truncated reading does
/// ("truncation"); else inconsistent, with the gap between the strict sets.
/// Appends the comparison lines to `verdict.arithmetic` and sets kind, reading,
/// claimed, computed and gap.
void judge(Verdict& verdict, const Readings& claim, const Computed& computed);

/// The distance between two disjoint intervals (zero when they meet).
[[nodiscard]] Decimal distance(const Interval& a, const Interval& b);

}  // namespace finmetrics
