#pragma once
// Private to src/check: what every kind of check shares while `check_claims` runs:
// the claims, the reference data, the options, the findings so far, and the
// building blocks (operands, FX rates, amount comparisons, prices and market caps).
// Each kind of check is a free function in its own file, declared at the end.

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "finmetrics/check/checker.hpp"
#include "finmetrics/models/formula.hpp"
#include "finmetrics/models/operand.hpp"

namespace finmetrics::check_detail {

// The words of `text` as written (runs of ASCII letters and digits); the lexicon's
// look-ups take any case.
std::vector<std::string_view> words_as_written(std::string_view text);
// "from its peak", "off the high", "below its record" (a `peak_from` cue, then a `peak`
// cue within three words): the move is measured from the top.
bool from_peak(std::string_view quote, const Lexicon& lexicon);
// Could, would, will, may, expected, ... (`projection` cues): a market figure that no
// price can confirm. A month's name with its capital ("on May 14") is no modal.
bool is_projection(std::string_view quote, const Lexicon& lexicon);

// A share price, a price move, a market cap or its change: checked against prices.
bool is_market_role(MetricRole role);

// Inconsistent > by rounding > consistent > unverifiable: a claim takes the worst.
int rank(VerdictKind k);
bool same_unit(const Unit& a, const Unit& b);
inline bool is_percent(const Unit& u) { return u.dimension == Dimension::percent; }
std::string unit_name(const Unit& u);
std::string iso(Date d);

// Operands of a market cap on the day of a price: ordinary shares in force, the
// ADS ratio for an ADS listing, the FX rate to the claim's currency.
struct CapInputs {
  Operand price;
  Operand shares;
  std::optional<Operand> ratio;
  std::optional<Operand> fx;
  Decimal approx;  // for choosing the extremes only
};

// hull(price_lo x shares_lo [x fx_lo], price_hi x shares_hi [x fx_hi]) / ratio.
Formula cap_formula(const CapInputs& lo, const std::optional<CapInputs>& hi, const Unit& unit);

class CheckContext {
 public:
  // Builds the indexes below: every look-up during the check is by hash or
  // binary search, so that checking n claims takes time about linear in n.
  CheckContext(const ClaimSet& claims, const ReferenceData& data, const CheckOptions& options);

  const ClaimSet& set;
  const ReferenceData& ref;
  const CheckOptions& opt;
  const Lexicon& lexicon;  // opt.lexicon, else the builtin one
  std::vector<Finding> findings;
  std::map<std::string, std::vector<std::string>> notes;  // claim id -> reasons it could not be checked

  // ---- the claims, indexed ----
  // The claim with this id, or null.
  const Claim* claim(std::string_view id) const;
  // What the claim's metric means (data/metrics.csv, else by convention).
  const Metric& metric(const Claim& c) const { return metrics_[index(c)]; }
  // The issuer's canonical name for a claim about it (an alias in the claim reads
  // as the issuer); segments likewise. "Co/Segment" or "Co".
  const std::string& subject(const Claim& c) const { return subjects_[index(c)]; }
  // Whether the claim is about the data's issuer.
  bool about_issuer(const Claim& c) const { return ref.is_issuer(c.entity); }
  // Claims of `subject` and `metric` over exactly the days of `period`, in file order.
  const std::vector<const Claim*>& claims_of(const std::string& subject, const std::string& metric,
                                             const ClaimPeriod& period) const;
  // The claims of `document` that state an exchange rate, in file order.
  const std::vector<const Claim*>& stated_rates(const std::string& document) const;
  // The fiscal calendar of the data (calendar years when none is known).
  FiscalCalendar calendar() const { return ref.calendar.value_or(FiscalCalendar::calendar_year()); }

  // ---- findings ----
  static std::string label(const Claim& c) { return c.id + " " + c.figure.text; }
  static Operand operand(const Claim& c);
  static Operand reported_operand(const ReportedFigure& r);
  void add(FindingKind kind, std::string title, const Claim& subject, std::vector<std::string> others, bool stated,
           Verdict v);
  void add_unverifiable(FindingKind kind, std::string title, const Claim& subject, std::vector<std::string> others,
                        bool stated, std::vector<std::string> missing, std::vector<std::string> lines = {});
  void note(const Claim& c, std::string why) { notes[c.id].push_back(std::move(why)); }

  // ---- claims ----
  // The first claim whose relation is `kind` with first target `target`, or null.
  const Claim* find_relation(RelationKind kind, const std::string& target) const;
  // The article dates of one or two claims (the days of spot rates).
  static std::vector<Date> spot_days(const Claim& a, const Claim* b = nullptr);
  // A flow over a period longer than a day: its conversion may use the period's
  // average rate (metrics whose fx is period_average).
  bool flow_window(const Claim& c) const;
  // The prior (comparison base) of amount X: a `prior_of:X` claim, else the
  // reported figure a year earlier.
  std::optional<Operand> prior_of(const Claim& x, std::vector<std::string>& missing, std::string& prior_id);

  // ---- FX and amounts ----
  // The rate `to` per `from`: spot on each of `days`, and the average over `window`
  // when it is a flow period that ended by the last of `days`; their hull. With
  // `band`, the hull widened by the FX tolerance (`CheckOptions::fx_tolerance_percent`):
  // a conversion in a document may use the issuer's own rate (noon buying,
  // period end), not the reference rate.
  std::optional<Operand> fx_rate(Currency from, Currency to, const std::vector<Date>& days, const ClaimPeriod* window,
                                 std::vector<std::string>& missing, bool band = false);
  // subject against other, converting other's currency when they differ.
  std::optional<Verdict> compare_amounts(const Operand& subject, const Operand& other, const std::vector<Date>& days,
                                         const ClaimPeriod* window, std::vector<std::string>& missing);

  // ---- prices and market caps (market_inputs.cpp) ----
  std::vector<const Listing*> listings_for(const Claim& c, std::vector<std::string>& missing) const;
  static Operand price_operand(const Listing& l, const PriceObservation& p, const Unit& unit);
  static Unit price_unit(const Listing& l) { return Unit::money(l.currency, l.per); }
  const PriceObservation* base_price(const Claim& c, const Listing& l, const ClaimPeriod& window, Date end,
                                     std::vector<std::string>& missing, std::string& how) const;
  const PriceObservation* end_price(const Claim& c, const Listing& l, const ClaimPeriod& window,
                                    std::vector<std::string>& missing) const;
  std::optional<CapInputs> cap_inputs(const Listing& l, const PriceObservation& p, Currency target,
                                      std::vector<std::string>& missing);
  // The recorded prices of a period; for a single day without any (a weekend, a
  // holiday), the last close before it within the staleness limit.
  std::vector<const PriceObservation*> observations(const Listing& l, Date first, Date last) const;

 private:
  std::size_t index(const Claim& c) const { return static_cast<std::size_t>(&c - set.claims.data()); }
  std::vector<Metric> metrics_;       // per claim
  std::vector<std::string> subjects_;  // per claim
  std::unordered_map<std::string_view, const Claim*> by_id_;
  std::unordered_map<std::string, const Claim*> first_relation_;          // kind \x1f target -> first claim
  std::unordered_map<std::string, std::vector<const Claim*>> by_figure_;  // subject \x1f metric \x1f days -> claims
  std::unordered_map<std::string, std::vector<const Claim*>> rates_;      // document -> claims stating a rate
};

// ---- the kinds of check, one file each ----

// stated_relations.cpp: the relation column of each claim.
void check_stated_relation(CheckContext& cx, const Claim& c);
// stated_arithmetic.cpp: sum_of, difference_of, product_of, at_most, at_least,
// magnitude_of, daily_of, compound_of, cagr_of (findings of `kind`) and restated (a note).
void check_stated_arithmetic(CheckContext& cx, const Claim& c, FindingKind kind);
// The rate `to` per `from` that the document of `c` states (a claim with a stated
// rate, `named` first), either way round; `rate_id` gets its claim's id.
std::optional<Operand> document_rate(const CheckContext& cx, const Claim& c, const Claim* named, Currency from,
                                     Currency to, std::string& rate_id);
// The operand of `c` as a translation in the same quote as `other` converts it:
// a hedged figure ("topped RMB87.8bn ($12.3bn)") by its threshold, not its hedge.
Operand translated_operand(const Claim& c, const Claim& other);
// automatic_relations.cpp: same figure twice, growth with its value, margin with
// profit and revenue (and parity pairs, parity_check.cpp).
void find_relations(CheckContext& cx);
// parity_check.cpp: share prices of both listings on one day; a share price
// against the other listing's close (supporting).
void check_parity_pairs(CheckContext& cx);
void check_parity_data(CheckContext& cx, const Claim& c);
// market_data.cpp: price moves, market caps and their changes, share prices.
void check_market_data(CheckContext& cx, const Claim& c);
// reported_data.cpp: amounts, growth rates and margins against financials.csv.
void check_reported_data(CheckContext& cx, const Claim& c);
// verdicts.cpp: each claim's verdict from its findings.
CheckResult claim_verdicts(CheckContext& cx);

}  // namespace finmetrics::check_detail
