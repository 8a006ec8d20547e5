#!/usr/bin/python3
"""How far an issuer's own conversion rate can sit from the ECB-derived rate.

Issuers translate at rates of their own choosing: the Federal Reserve H.10 noon
buying rate (Alibaba, most US filers from China), a period-end rate, or a
period average. `finmetrics check` compares a quoted conversion with the ECB
reference rate crossed through the euro. This script measures, on the files in
../shared/data/fx, how far those conventions sit from each other, so that the
checker's default `--fx-tolerance` can be chosen from data (docs/fx-policy.md).

Measured, for each currency against the USD (quotes as X per USD):

  noon_vs_ecb   FRED H.10 monthly average of the noon buying rate against the
                mean of the ECB daily crosses over the same month
                (the FRED file holds monthly averages only, so daily noon rates
                cannot be compared day by day: see lag_1d for the daily scale)
  end_vs_avg    quarter-end ECB cross (last ECB day of the quarter) against the
                quarter's mean of daily ECB crosses, quarters 2019 Q1..2025 Q4
  year_end_vs_avg  the same for calendar years 2019..2025
  lag_Nd        ECB cross on a quarter's last day against the cross N calendar
                days later (the latest fixing on or before that day): a
                release converts at the period-end rate, an article quoting it
                weeks later is checked at the rate of its own date
  end_to_hull_45d  distance from the quarter-end cross to the hull of the
                quarter's mean and the cross 45 days after the quarter end
                (what `check` compares a quarterly flow's conversion with)
  lag_1d        ECB cross on a day against the previous ECB day, all days
                2019..2025: the scale of a same-day difference between fixings
                taken at different hours (noon New York against 14:15 CET)

Each spread is |a / b - 1| in percent. Percentiles are linear between order
statistics (numpy's default). Standard library only; binary floating point is
fine here: these are measurements for choosing a tolerance, not checked figures.

  /usr/bin/python3 scripts/fx_spread.py [--shared DIR] [--from YEAR] [--to YEAR]
"""

import argparse
import csv
import datetime as dt
import os
import sys

# FRED H.10 country names -> ISO code. Every row of this file is currency per USD,
# the Euro, United Kingdom, Australia, New Zealand and Ireland rows included:
# they are already inverted (Euro 2024-01 is 0.9175), although the H.10 itself
# publishes those five as USD per currency (include/finmetrics/fx/fred_h10.hpp).
FRED = {
    "China": "CNY",
    "Hong Kong": "HKD",
    "Japan": "JPY",
    "India": "INR",
    "United Kingdom": "GBP",
    "Euro": "EUR",
    "South Korea": "KRW",
    "Switzerland": "CHF",
    "Canada": "CAD",
    "Singapore": "SGD",
    "Australia": "AUD",
    "Mexico": "MXN",
}
CURRENCIES = list(FRED.values())


def read_ecb(path):
    """date -> {currency: X per USD}, crossed through the euro."""
    out = {}
    with open(path, newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        col = {name: i for i, name in enumerate(header)}
        for r in rows:
            if not r or not r[0]:
                continue
            usd = r[col["USD"]]
            if usd in ("", "N/A"):
                continue
            usd_per_eur = float(usd)
            day = dt.date.fromisoformat(r[0])
            rates = {"EUR": 1.0 / usd_per_eur}  # EUR per USD
            for code in CURRENCIES:
                if code == "EUR" or code not in col:
                    continue
                v = r[col[code]]
                if v not in ("", "N/A"):
                    rates[code] = float(v) / usd_per_eur
            out[day] = rates
    return out


def read_fred(path):
    """(currency, 'YYYY-MM') -> X per USD, monthly average of noon buying rates."""
    out = {}
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            name = r["Country"]
            if name not in FRED or r["Exchange rate"] in ("", "."):
                continue
            out[(FRED[name], r["Date"][:7])] = float(r["Exchange rate"])
    return out


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = (len(sorted_values) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def spread(a, b):
    return abs(a / b - 1.0) * 100.0


def quarter_of(day):
    return (day.year, (day.month - 1) // 3 + 1)


def measure(ecb, fred, first_year, last_year):
    days = sorted(d for d in ecb if first_year <= d.year <= last_year)
    results = {}  # (measure, currency) -> [spreads]

    def add(name, code, value):
        results.setdefault((name, code), []).append(value)

    # noon_vs_ecb: monthly means
    by_month = {}
    for d in days:
        for code, v in ecb[d].items():
            by_month.setdefault((code, f"{d.year:04d}-{d.month:02d}"), []).append(v)
    for (code, month), values in sorted(by_month.items()):
        if (code, month) in fred:
            add("noon_vs_ecb", code, spread(fred[(code, month)], sum(values) / len(values)))

    # end_vs_avg per quarter and per year, and the lag after each quarter end
    for key_of, name in ((quarter_of, "end_vs_avg"), (lambda d: d.year, "year_end_vs_avg")):
        groups = {}
        for d in days:
            groups.setdefault(key_of(d), []).append(d)
        for key, ds in groups.items():
            for code in CURRENCIES:
                values = [ecb[d][code] for d in ds if code in ecb[d]]
                last = [d for d in ds if code in ecb[d]]
                if len(values) < 40 or not last:  # a whole quarter has ~62 ECB days
                    continue
                add(name, code, spread(ecb[last[-1]][code], sum(values) / len(values)))

    all_days = sorted(ecb)
    quarters = {}
    for d in days:
        quarters.setdefault(quarter_of(d), []).append(d)
    for lag in (30, 45, 60, 90):
        for ds in quarters.values():
            end = ds[-1]
            target = end + dt.timedelta(days=lag)
            later = [d for d in all_days if end < d <= target]
            if not later:
                continue
            at = later[-1]
            for code in CURRENCIES:
                if code in ecb[end] and code in ecb[at]:
                    add(f"lag_{lag}d", code, spread(ecb[at][code], ecb[end][code]))

    # The gap the tolerance has to cover for a quarterly flow that a release
    # converted at its quarter-end rate and an article quotes 45 days later: the
    # checker's reference is the hull of the quarter's average and the article
    # day's spot, so the gap is the distance from the quarter-end rate to it.
    for ds in quarters.values():
        end = ds[-1]
        later = [d for d in all_days if end < d <= end + dt.timedelta(days=45)]
        if not later:
            continue
        at = later[-1]
        for code in CURRENCIES:
            values = [ecb[d][code] for d in ds if code in ecb[d]]
            if len(values) < 40 or code not in ecb[end] or code not in ecb[at]:
                continue
            lo, hi = sorted((sum(values) / len(values), ecb[at][code]))
            x = ecb[end][code]
            add("end_to_hull_45d", code, 0.0 if lo <= x <= hi else min(spread(x, lo), spread(x, hi)))

    for prev, d in zip(days, days[1:]):
        for code in CURRENCIES:
            if code in ecb[prev] and code in ecb[d]:
                add("lag_1d", code, spread(ecb[d][code], ecb[prev][code]))
    return results


MEASURES = ["noon_vs_ecb", "end_vs_avg", "year_end_vs_avg", "lag_1d", "lag_30d", "lag_45d", "lag_60d", "lag_90d",
            "end_to_hull_45d"]
TOLERANCES = [1.0, 2.0, 2.5, 3.0, 4.0, 5.0]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=os.path.join(here, "..", "..", "shared", "data"),
                        help="the shared data folder (default ../shared/data)")
    parser.add_argument("--from", dest="first", type=int, default=2019)
    parser.add_argument("--to", dest="last", type=int, default=2025)
    args = parser.parse_args()
    ecb_path = os.path.join(args.shared, "fx", "ecb-eurofxref-hist.csv")
    fred_path = os.path.join(args.shared, "fx", "fred-h10-monthly.csv")
    for p in (ecb_path, fred_path):
        if not os.path.exists(p):
            sys.exit(f"fx_spread: {p} not found (pass --shared DIR)")
    results = measure(read_ecb(ecb_path), read_fred(fred_path), args.first, args.last)

    print(f"FX spreads {args.first}-{args.last}, |a/b - 1| in %, X per USD "
          f"(ECB: {os.path.basename(ecb_path)}, FRED: {os.path.basename(fred_path)})")
    print(f"{'measure':<16} {'ccy':<4} {'n':>5} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>7}")
    for m in MEASURES:
        pooled = []
        for code in CURRENCIES:
            values = sorted(results.get((m, code), []))
            if not values:
                continue
            pooled += values
            print(f"{m:<16} {code:<4} {len(values):>5} {percentile(values, 50):7.3f} "
                  f"{percentile(values, 95):7.3f} {percentile(values, 99):7.3f} {values[-1]:7.3f}")
        pooled.sort()
        print(f"{m:<16} {'all':<4} {len(pooled):>5} {percentile(pooled, 50):7.3f} "
              f"{percentile(pooled, 95):7.3f} {percentile(pooled, 99):7.3f} {pooled[-1]:7.3f}")
        # The currencies Chinese and Hong Kong issuers report in, on their own.
        cn = sorted(results.get((m, "CNY"), []) + results.get((m, "HKD"), []))
        if cn:
            print(f"{m:<16} {'CNY+HKD':<4} {len(cn):>2} {percentile(cn, 50):7.3f} "
                  f"{percentile(cn, 95):7.3f} {percentile(cn, 99):7.3f} {cn[-1]:7.3f}")
        print()

    # Coverage: the share of observations a band of t% either side would admit.
    print("coverage: % of observations with spread <= t, all currencies | CNY+HKD")
    print(f"{'measure':<16} " + " ".join(f"{t:>11.1f}%" for t in TOLERANCES))
    for m in MEASURES:
        pooled = [v for code in CURRENCIES for v in results.get((m, code), [])]
        cn = results.get((m, "CNY"), []) + results.get((m, "HKD"), [])
        cells = []
        for t in TOLERANCES:
            a = 100.0 * sum(v <= t for v in pooled) / len(pooled)
            b = 100.0 * sum(v <= t for v in cn) / len(cn)
            cells.append(f"{a:5.1f}|{b:5.1f}")
        print(f"{m:<16} " + " ".join(f"{c:>12}" for c in cells))


if __name__ == "__main__":
    main()
