#!/usr/bin/python3
"""Differential test of the series and FX layers against pandas (issue 14).

Generates seeded random cases, runs them through the library (series_driver, a
small C++ program: JSON in, exact decimal text out) and through pandas (Debian's
python3-pandas, binary floating point), and compares every result:

- where both compute the same thing, they must agree: exactly (Python's
  fractions/decimal redo the library's arithmetic) and within a float tolerance
  of pandas;
- where the library's policy differs from pandas' default on purpose, the
  difference must be exactly the documented one (docs/series.md, docs/fx.md):
  missing bases and gaps (pandas pads and shifts by position, the library looks
  the base period up and gives a missing value), zero bases (pandas: inf), negative
  bases (pandas: plain; the library: missing by default, or |base|), year-end
  stocks (pandas: the last present quarter; the library: the year-end quarter or
  missing), incomplete flow years and months (pandas sums what is there), as-of
  joins over missing values (pandas matches the row, NaN and all; the library the
  latest present value), and FX averages over partly covered periods (pandas: the
  mean of the covered days; the library refuses).

Each documented difference must occur at least once (the generator covers them);
any other disagreement fails the test. Usage:
  differential.py DRIVER [--seed N] [--keep FILE]
"""

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction

import numpy as np
import pandas as pd

ONE_DAY = dt.timedelta(days=1)


def iso(d):
    return d.isoformat()


def day(text):
    return dt.date.fromisoformat(text)


def qstart(y, q):
    return dt.date(y, 3 * q - 2, 1)


# ---------------------------------------------------------------- generation


def decimal_text(rng, magnitude, places, negative_share=0.0):
    value = rng.randint(0, 10 ** (magnitude + places))
    text = str(Decimal(value).scaleb(-places))
    if rng.random() < negative_share:
        text = "-" + text
    return text


def business_days(first, last):
    d = first
    while d <= last:
        if d.weekday() < 5:
            yield d
        d += ONE_DAY


def generate(seed):
    rng = random.Random(seed)
    cases = {}

    # Fiscal periods: random days and every quarter boundary around both year ends.
    fiscal = []
    for _ in range(400):
        d = dt.date(1995, 1, 1) + dt.timedelta(days=rng.randint(0, 40 * 365))
        fiscal.append({"date": iso(d), "end_month": rng.choice([3, 12])})
    for y in (1999, 2000, 2023, 2024, 2025):
        for m in (1, 3, 4, 6, 7, 9, 10, 12):
            first = dt.date(y, m, 1)
            last = (dt.date(y + (m == 12), m % 12 + 1, 1)) - ONE_DAY
            for d in (first, last):
                for end in (3, 12):
                    fiscal.append({"date": iso(d), "end_month": end})
    fiscal.append({"date": "2024-02-29", "end_month": 3})
    cases["fiscal"] = fiscal

    # Quarterly flows with gaps (absent keys), missing values, zeros, negatives.
    growth = []
    for _ in range(60):
        y, q = rng.randint(2012, 2020), rng.randint(1, 4)
        points = []
        for _ in range(rng.randint(10, 28)):
            r = rng.random()
            if points and r < 0.07:
                pass  # a gap: the quarter is not in the series at all
            elif r < 0.15:
                points.append([y, q, None])
            elif r < 0.21:
                points.append([y, q, "0"])
            else:
                points.append([y, q, decimal_text(rng, rng.randint(0, 5), rng.randint(0, 3), 0.2)])
            y, q = (y + 1, 1) if q == 4 else (y, q + 1)
        growth.append({"points": points})
    cases["growth"] = growth

    # Daily closes to months, with missing days.
    monthly = []
    for _ in range(20):
        first = dt.date(2024, rng.randint(1, 6), rng.randint(1, 28))
        points = []
        for d in business_days(first, first + dt.timedelta(days=rng.randint(20, 130))):
            if rng.random() < 0.1:
                continue
            points.append([iso(d), None if rng.random() < 0.1 else decimal_text(rng, 3, 2)])
        monthly.append({"points": points})
    cases["monthly"] = monthly

    # As-of joins of quarters with a daily series that has holes and missing values.
    asof = []
    for _ in range(30):
        y = rng.randint(2018, 2022)
        left = [[y + (q - 1) // 4, (q - 1) % 4 + 1] for q in range(1, 9)]
        right = []
        for d in business_days(dt.date(y, 1, 1) - dt.timedelta(days=20), dt.date(y + 2, 1, 15)):
            if rng.random() < 0.35:
                continue
            right.append([iso(d), None if rng.random() < 0.2 else decimal_text(rng, 3, 2)])
        asof.append({"left": left, "right": right, "tolerance": rng.choice([1, 3, 7, 15])})
    cases["asof"] = asof

    # An FX table against EUR: random walks with holes; CNY starts late and stops
    # early, so some quarters are only partly covered.
    start, end = dt.date(2022, 1, 3), dt.date(2024, 12, 31)
    level = {"USD": (1.08, 4), "CNY": (7.8, 4), "JPY": (150.0, 2)}
    series = {}
    for code, (x, places) in level.items():
        fixings = []
        for d in business_days(start, end):
            x *= 1 + rng.gauss(0, 0.004)
            if rng.random() < 0.04:
                continue
            if code == "CNY" and not (dt.date(2022, 2, 14) <= d <= dt.date(2024, 9, 13)):
                continue
            fixings.append([iso(d), f"{x:.{places}f}"])
        series[code] = fixings
    cases["fx"] = {"pivot": "EUR", "series": series}
    pairs = [("USD", "CNY"), ("CNY", "USD"), ("USD", "JPY"), ("EUR", "CNY"), ("CNY", "EUR"), ("JPY", "CNY")]
    cases["as_of"] = []
    for _ in range(300):
        d = dt.date(2021, 12, 1) + dt.timedelta(days=rng.randint(0, 3 * 365 + 90))
        cases["as_of"].append([iso(d), *rng.choice(pairs), rng.choice([3, 7, 7, 30])])
    cases["average"] = []
    for y in (2022, 2023, 2024):
        for q in (1, 2, 3, 4):
            for base, quote in (("USD", "CNY"), ("CNY", "USD"), ("EUR", "USD")):
                last = qstart(y + (q == 4), q % 4 + 1) - ONE_DAY
                cases["average"].append([iso(qstart(y, q)), iso(last), base, quote])
    for _ in range(60):
        first = start + dt.timedelta(days=rng.randint(-30, 3 * 365))
        last = first + dt.timedelta(days=rng.randint(0, 120))
        cases["average"].append([iso(first), iso(last), *rng.choice(pairs)])
    cases["convert"] = []
    for kind in ("flow", "stock"):
        for to in ("USD", "JPY", "EUR"):
            points = [[y, q, decimal_text(rng, 4, 3)] for y in (2022, 2023, 2024) for q in (1, 2, 3, 4)]
            cases["convert"].append({"kind": kind, "to": to, "points": points})
    # The flows are in CNY: the first and last quarters are partly covered.
    return cases


# ---------------------------------------------------------------- comparison


class Tally:
    def __init__(self):
        self.agree = {}
        self.policy = {}
        self.failures = []

    def ok(self, what):
        self.agree[what] = self.agree.get(what, 0) + 1

    def differ(self, what):
        self.policy[what] = self.policy.get(what, 0) + 1

    def fail(self, what, detail):
        self.failures.append(f"{what}: {detail}")


def exact(text):
    return None if text is None else Fraction(Decimal(text))


def close(lib_text, pandas_value, rel, what, detail, tally, absolute=0.0):
    """The library's exact value and pandas' float agree within the tolerance."""
    if lib_text is None or pandas_value is None or (isinstance(pandas_value, float) and not np.isfinite(pandas_value)):
        tally.fail(what, f"{detail}: library {lib_text}, pandas {pandas_value}")
        return
    lib = float(Decimal(lib_text))
    if abs(lib - pandas_value) <= absolute + rel * max(abs(lib), abs(pandas_value)):
        tally.ok(what)
    else:
        tally.fail(what, f"{detail}: library {lib_text}, pandas {pandas_value!r}")


def rounded(value, exponent):
    """A Fraction rounded half-even to the quantum 10^exponent, as the library states it."""
    with localcontext() as ctx:
        ctx.prec = 100
        q = Decimal(value.numerator) / Decimal(value.denominator)
        return q.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_EVEN)


def significant(value, digits):
    with localcontext() as ctx:
        ctx.prec = digits
        ctx.rounding = ROUND_HALF_EVEN
        return Decimal(value.numerator) / Decimal(value.denominator)


def compare_fiscal(cases, results, tally):
    months = {3: "MAR", 12: "DEC"}
    for case, lib in zip(cases, results):
        d, m = case["date"], case["end_month"]
        pq, py = pd.Period(d, f"Q-{months[m]}"), pd.Period(d, f"A-{months[m]}")
        expected = {
            "quarter_label": pq.qyear, "quarter": pq.quarter,
            "quarter_first": iso(pq.start_time.date()), "quarter_last": iso(pq.end_time.date()),
            "year_label": py.year, "year_first": iso(py.start_time.date()), "year_last": iso(py.end_time.date()),
        }
        if expected == lib:
            tally.ok(f"fiscal period (year ending {months[m]})")
        else:
            tally.fail("fiscal period", f"{d} year ending {m}: library {lib}, pandas {expected}")


def quarterly(points):
    """pandas series of the present keys, and the same on the full quarter grid."""
    idx = pd.PeriodIndex([pd.Period(year=y, quarter=q, freq="Q-DEC") for y, q, _ in points])
    s = pd.Series([np.nan if v is None else float(Decimal(v)) for _, _, v in points], index=idx)
    full = s.reindex(pd.period_range(idx[0], idx[-1], freq="Q-DEC"))
    exact_values = {pd.Period(year=y, quarter=q, freq="Q-DEC"): exact(v) for y, q, v in points}
    return s, full, exact_values


def compare_growth(cases, results, tally):
    for case, lib in zip(cases, results):
        s, full, ex = quarterly(case["points"])
        for name, lag in (("yoy", 4), ("qoq", 1)):
            aligned = full.pct_change(lag, fill_method=None)   # by period, no filling: the library's rule
            padded = full.pct_change(lag)                       # pandas' default: pads missing bases
            positional = s.pct_change(lag, fill_method=None)    # pandas on the series as given: by row
            for p in full.index:
                key = iso(p.start_time.date())
                if key not in lib[f"{name}_plain"]:
                    continue  # absent keys have no result on either side
                cur, base = ex.get(p), ex.get(p - lag)
                values = {pol: lib[f"{name}_{pol}"][key] for pol in ("missing", "absolute", "plain")}
                what = f"{name}"
                if cur is None or base is None:
                    if any(v is not None for v in values.values()):
                        tally.fail(what, f"{p}: library {values} over a missing or absent base")
                        continue
                    tally.ok(f"{what}: missing where a value or its base is")
                    if base is None and cur is not None and np.isfinite(padded.get(p, np.nan)):
                        tally.differ("missing base: pandas pads the last value forward, the library gives missing")
                    if p in positional.index and np.isfinite(positional[p]) and (p - lag) not in s.index:
                        tally.differ("gap: pandas shifts by row to another period, the library gives missing")
                    continue
                if base == 0:
                    if any(v is not None for v in values.values()):
                        tally.fail(what, f"{p}: library {values} over a zero base")
                    elif np.isfinite(aligned[p]):
                        tally.fail(what, f"{p}: pandas {aligned[p]} over a zero base")
                    else:
                        tally.differ("zero base: pandas gives inf or NaN, the library missing")
                    continue
                rate = (cur - base) / base
                want_plain = rounded(rate, -6)
                if values["plain"] is None or Decimal(values["plain"]) != want_plain:
                    tally.fail(what, f"{p}: plain {values['plain']}, exact {want_plain}")
                    continue
                close(values["plain"], float(aligned[p]), 1e-12, f"{what} (plain) against pandas", str(p), tally,
                      absolute=5e-7)
                if base < 0:
                    if values["missing"] is not None:
                        tally.fail(what, f"{p}: {values['missing']} over a negative base under the missing policy")
                    elif values["absolute"] is None or Decimal(values["absolute"]) != -want_plain:
                        tally.fail(what, f"{p}: absolute {values['absolute']} is not -{want_plain}")
                    else:
                        tally.differ("negative base: pandas divides by it, the library gives missing (default) or uses |base|")
                else:
                    if values["missing"] != values["plain"] or values["absolute"] != values["plain"]:
                        tally.fail(what, f"{p}: policies disagree over a positive base: {values}")
                    else:
                        tally.ok(f"{what}: the three policies agree over a positive base")

        # TTM: the sum of four present quarters on the period grid.
        rolling = full.rolling(4, min_periods=4).sum()
        for p in full.index:
            key = iso(p.start_time.date())
            if key not in lib["ttm"]:
                continue
            four = [ex.get(p - k) for k in range(4)]
            got = lib["ttm"][key]
            if any(v is None for v in four):
                if got is not None:
                    tally.fail("ttm", f"{p}: {got} with a quarter missing")
                else:
                    tally.ok("ttm: missing unless all four quarters are present")
                continue
            if got is None or exact(got) != sum(four):
                tally.fail("ttm", f"{p}: library {got}, exact {sum(four)}")
                continue
            close(got, float(rolling[p]), 1e-12, "ttm against pandas", str(p), tally, absolute=1e-9)

        # Quarters to years ending in December and in March.
        stamps = full.copy()
        stamps.index = full.index.to_timestamp(how="start")
        for suffix, rule, first_month in (("dec", "AS-JAN", 1), ("mar", "AS-APR", 4)):
            grouped = stamps.resample(rule)
            strict_sum, pandas_sum, pandas_last = grouped.sum(min_count=4), grouped.sum(), grouped.last()
            for key, got_sum in lib[f"year_sum_{suffix}"].items():
                start = day(key)
                quarters = [pd.Period(year=(start.year * 12 + start.month - 1 + 3 * k) // 12,
                                      quarter=((start.month - 1 + 3 * k) % 12) // 3 + 1, freq="Q-DEC") for k in range(4)]
                values = [ex.get(q) for q in quarters]
                ts = pd.Timestamp(start)
                if any(v is None for v in values):
                    if got_sum is not None:
                        tally.fail("year sum", f"{key} ({suffix}): {got_sum} with a quarter missing")
                    else:
                        tally.ok("year sum: missing unless every quarter is present")
                        if ts in pandas_sum.index and any(v is not None for v in values):
                            tally.differ("incomplete year: pandas sums the quarters present, the library gives missing")
                elif got_sum is None or exact(got_sum) != sum(values):
                    tally.fail("year sum", f"{key} ({suffix}): library {got_sum}, exact {sum(values)}")
                else:
                    close(got_sum, float(strict_sum[ts]), 1e-12, f"year sum ({suffix}) against pandas", key, tally,
                          absolute=1e-9)
                got_last = lib[f"year_last_{suffix}"][key]
                year_end = values[3]
                if (got_last is None) != (year_end is None) or (year_end is not None and exact(got_last) != year_end):
                    tally.fail("year-end stock", f"{key} ({suffix}): library {got_last}, year-end quarter {year_end}")
                    continue
                tally.ok("year-end stock: the value of the year's last quarter")
                if year_end is None and ts in pandas_last.index and np.isfinite(pandas_last[ts]):
                    tally.differ("year-end stock: pandas takes the last present quarter, the library gives missing")


def compare_monthly(cases, results, tally):
    for case, lib in zip(cases, results):
        idx = pd.DatetimeIndex([p[0] for p in case["points"]])
        s = pd.Series([np.nan if v is None else float(Decimal(v)) for _, v in case["points"]], index=idx)
        ex = [(day(d), exact(v)) for d, v in case["points"]]
        grouped = s.resample("MS")
        last, mean, total = grouped.last(), grouped.mean(), grouped.sum(min_count=1)
        for key in lib["last"]:
            start = day(key)
            ts = pd.Timestamp(start)
            present = [v for d, v in ex if (d.year, d.month) == (start.year, start.month) and v is not None]
            any_missing = any(v is None for d, v in ex if (d.year, d.month) == (start.year, start.month))
            got_last, got_mean, got_sum = lib["last"][key], lib["mean"][key], lib["sum"][key]
            if not present:
                if (got_last, got_mean, got_sum) != (None, None, None):
                    tally.fail("monthly", f"{key}: values from no present day")
                else:
                    tally.ok("monthly: a month without a present day is missing")
                continue
            if exact(got_last) != present[-1]:
                tally.fail("monthly last", f"{key}: library {got_last}, last present {present[-1]}")
            else:
                close(got_last, float(last[ts]), 0.0, "monthly last against pandas", key, tally)
            m = sum(present) / len(present)
            if got_mean is None or (exact(got_mean) != m and Decimal(got_mean) != significant(m, 20)):
                tally.fail("monthly mean", f"{key}: library {got_mean}, exact {m}")
            else:
                close(got_mean, float(mean[ts]), 1e-14, "monthly mean against pandas", key, tally)
            if any_missing:
                if got_sum is not None:
                    tally.fail("monthly sum", f"{key}: {got_sum} with a day missing")
                else:
                    tally.differ("month with a missing day: pandas sums the days present, the library gives missing")
            elif got_sum is None or exact(got_sum) != sum(present):
                tally.fail("monthly sum", f"{key}: library {got_sum}, exact {sum(present)}")
            else:
                close(got_sum, float(total[ts]), 1e-13, "monthly sum against pandas", key, tally)


def compare_asof(cases, results, tally):
    for case, lib in zip(cases, results):
        left = pd.DataFrame({"end": [pd.Period(year=y, quarter=q, freq="Q-DEC").end_time.normalize()
                                     for y, q in case["left"]]})
        right = pd.DataFrame({"date": pd.to_datetime([d for d, _ in case["right"]]),
                              "value": [np.nan if v is None else float(Decimal(v)) for _, v in case["right"]]})
        right["observed"] = right["date"]
        tol = pd.Timedelta(days=case["tolerance"])
        over_all = pd.merge_asof(left, right, left_on="end", right_on="date", direction="backward", tolerance=tol)
        over_present = pd.merge_asof(left, right.dropna(subset=["value"]), left_on="end", right_on="date",
                                     direction="backward", tolerance=tol)
        for i, row in enumerate(lib):
            p_value, p_date = over_present["value"][i], over_present["observed"][i]
            if pd.isna(p_value):
                ok = row["value"] is None and row["date"] is None
            else:
                ok = row["date"] == iso(p_date.date()) and float(Decimal(row["value"])) == p_value
            if not ok:
                tally.fail("as-of join", f"{row['key']} tolerance {case['tolerance']}: library {row}, "
                                         f"pandas over present values {p_value} on {p_date}")
                continue
            tally.ok("as-of join with a tolerance")
            if pd.isna(over_all["value"][i]) and not pd.isna(over_all["date"][i]):
                tally.differ("as-of over a missing value: pandas matches the row and gives NaN, "
                             "the library takes the latest present value")


def fx_frame(fx):
    frames = {code: pd.Series({pd.Timestamp(d): float(Decimal(r)) for d, r in fixings.items()})
              for code, fixings in ((c, dict(f)) for c, f in fx["series"].items())}
    df = pd.DataFrame(frames).sort_index()
    df[fx["pivot"]] = 1.0
    exact_rates = {code: {day(d): exact(r) for d, r in f} for code, f in fx["series"].items()}
    return df, exact_rates


def compare_fx(cases, results, tally):
    df, ex = fx_frame(cases["fx"])
    pivot = cases["fx"]["pivot"]

    def leg(code, d, staleness):
        """(date, exact rate per pivot) as of d within the staleness, or None."""
        if code == pivot:
            return d, Fraction(1)
        col = df[code].dropna()
        col = col[col.index <= pd.Timestamp(d)]
        if col.empty or (d - col.index[-1].date()).days > staleness:
            return None
        on = col.index[-1].date()
        return on, ex[code][on]

    for (d, base, quote, staleness), got in zip(cases["as_of"], results["as_of"]):
        when = day(d)
        legs = [leg(base, when, staleness), leg(quote, when, staleness)]
        if any(l is None for l in legs):
            if "error" in got:
                tally.ok("as-of rate: refused beyond the staleness limit or before the first fixing")
            else:
                tally.fail("as-of rate", f"{d} {base}/{quote}: library {got}, no leg within {staleness} days")
            continue
        rate = legs[1][1] / legs[0][1]
        if "error" in got or exact(got["numerator"]) / exact(got["denominator"]) != rate or \
                Decimal(got["value"]) != significant(rate, 38):
            tally.fail("as-of rate", f"{d} {base}/{quote}: library {got}, exact {rate}")
            continue
        # pandas: Series.asof skips NaN, as each leg's own latest fixing does.
        p = df[quote].asof(pd.Timestamp(d)) / df[base].asof(pd.Timestamp(d))
        close(got["value"], float(p), 1e-15, "as-of cross rate against pandas", f"{d} {base}/{quote}", tally)

    for (first, last, base, quote), got in zip(cases["average"], results["average"]):
        a, b = day(first), day(last)
        published = set.intersection(*(set(ex[c]) for c in (base, quote) if c != pivot))
        days = sorted(d for d in published if a <= d <= b)
        marked, refused = got["mark"], got["refuse"]
        if not days:
            if "error" in marked and "error" in refused:
                tally.ok("average: no common day is an error")
            else:
                tally.fail("average", f"{first}..{last} {base}/{quote}: library {got} with no common day")
            continue
        rates = [(ex[quote][d] if quote != pivot else 1) / (ex[base][d] if base != pivot else 1) for d in days]
        mean = sum(rates, Fraction(0)) / len(rates)
        if "error" in marked or Decimal(marked["numerator"]) != significant(mean, 20) or \
                marked["count"] != len(days) or (marked["first"], marked["last"]) != (iso(days[0]), iso(days[-1])):
            tally.fail("average", f"{first}..{last} {base}/{quote}: library {marked}, exact {significant(mean, 20)} "
                                  f"over {len(days)} days")
            continue
        sub = df.loc[pd.Timestamp(a):pd.Timestamp(b), [base, quote]].dropna()
        close(marked["numerator"], float((sub[quote] / sub[base]).mean()), 1e-14, "period average against pandas",
              f"{first}..{last} {base}/{quote}", tally)
        partial = (days[0] - a).days > 7 or (b - days[-1]).days > 7
        if marked["partial"] != partial or ("error" in refused) != partial:
            tally.fail("average coverage", f"{first}..{last} {base}/{quote}: covered {days[0]}..{days[-1]}, "
                                           f"library {got}")
        elif partial:
            tally.differ("partly covered period: pandas averages the days it has, the library refuses "
                         "(or marks the mean partial)")
        else:
            tally.ok("average: covered periods are accepted")

    for case, got in zip(cases["convert"], results["convert"]):
        to = case["to"]
        for y, q, v in case["points"]:
            p = pd.Period(year=y, quarter=q, freq="Q-DEC")
            key = iso(p.start_time.date())
            a, b = p.start_time.date(), p.end_time.date()
            r = got[key]
            amount = exact(v)
            if case["kind"] == "flow":
                days = [d for d in ex["CNY"] if a <= d <= b and (to == pivot or d in ex[to])]
                partial = not days or (days[0] - a).days > 7 or (b - days[-1]).days > 7
                if partial:
                    if r["value"] is not None:
                        tally.fail("flow conversion", f"{p} CNY->{to}: {r} over a partly covered quarter")
                    else:
                        tally.differ("flow over a partly covered quarter: pandas converts at the covered days' mean, "
                                     "the library refuses")
                    continue
                mean = sum(((ex[to][d] if to != pivot else 1) / ex["CNY"][d] for d in days), Fraction(0)) / len(days)
                rate = Fraction(significant(mean, 20))
                sub = df.loc[pd.Timestamp(a):pd.Timestamp(b), ["CNY", to]].dropna()
                pandas_value = float(Decimal(v)) * float((sub[to] / sub["CNY"]).mean())
            else:
                legs = [leg("CNY", b, 7), leg(to, b, 7)]
                if any(l is None for l in legs):
                    if r["value"] is not None:
                        tally.fail("stock conversion", f"{p} CNY->{to}: {r} without a rate as of {b}")
                    else:
                        tally.ok("stock conversion: no rate within the staleness limit is missing")
                    continue
                rate = legs[1][1] / legs[0][1]
                pandas_value = float(Decimal(v)) * float(df[to].asof(pd.Timestamp(b)) / df["CNY"].asof(pd.Timestamp(b)))
            want = rounded(amount * rate, -12)
            if r["value"] is None or Decimal(r["value"]) != want:
                tally.fail(f"{case['kind']} conversion", f"{p} CNY->{to}: library {r}, exact {want}")
                continue
            close(r["value"], pandas_value, 1e-13, f"{case['kind']} conversion against pandas", f"{p} CNY->{to}", tally,
                  absolute=1e-12)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("driver")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--keep", help="write the cases and the library's results here (JSON)")
    args = ap.parse_args()

    cases = generate(args.seed)
    run = subprocess.run([args.driver], input=json.dumps(cases), capture_output=True, text=True)
    if run.returncode != 0:
        print(f"series_driver failed ({run.returncode}): {run.stderr}", file=sys.stderr)
        return 1
    results = json.loads(run.stdout)
    if args.keep:
        with open(args.keep, "w") as f:
            json.dump({"cases": cases, "library": results}, f)

    tally = Tally()
    compare_fiscal(cases["fiscal"], results["fiscal"], tally)
    compare_growth(cases["growth"], results["growth"], tally)
    compare_monthly(cases["monthly"], results["monthly"], tally)
    compare_asof(cases["asof"], results["asof"], tally)
    compare_fx(cases, results["fx"], tally)

    print(f"differential test against pandas {pd.__version__}, seed {args.seed}")
    print(f"agreements: {sum(tally.agree.values())}")
    for what, n in sorted(tally.agree.items()):
        print(f"  {n:6d}  {what}")
    print(f"documented policy differences: {sum(tally.policy.values())}")
    for what, n in sorted(tally.policy.items()):
        print(f"  {n:6d}  {what}")
    expected_policies = 10
    if len(tally.policy) < expected_policies:
        tally.fail("coverage", f"only {len(tally.policy)} of {expected_policies} documented differences occurred: "
                               "the generator no longer exercises them")
    if tally.failures:
        print(f"{len(tally.failures)} DISAGREEMENTS:")
        for f in tally.failures[:50]:
            print("  " + f)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
