# %% [markdown]
# # Alibaba Cloud by fiscal quarter, in pandas
#
# The table of `examples/cloud_growth` (C++) rebuilt with the Python package:
# revenue in RMB and in USD at each quarter's mean ECB rate, growth computed
# from the amounts beside the growth Alibaba reported, TTM revenue and the
# adjusted EBITA margin. Fiscal years end on March 31, so the quarters are
# pandas' `Q-MAR` periods (`2025Q3` is FY2025 Q3, October to December 2024).
#
# Run from the repository root:
#     PYTHONPATH=build/python /usr/bin/python3 examples/python/cloud_growth.py [FINANCIALS_CSV] [ECB_FILE]
# Each `# %%` is a cell for Jupyter or VS Code.

# %%
import sys
from decimal import ROUND_HALF_EVEN, Decimal

import pandas as pd

import finmetrics as fm

financials = sys.argv[1] if len(sys.argv) > 1 else "data/alibaba/financials.csv"
ecb = sys.argv[2] if len(sys.argv) > 2 else "../shared/data/fx/ecb-eurofxref-hist.csv"
fx = fm.FxTable.load(ecb)
rows = pd.read_csv(financials, dtype=str, keep_default_na=False)
cloud = rows[(rows.entity == "Alibaba/Cloud Intelligence Group") & rows.period.str.fullmatch(r"FY\d{4} Q\d")]


# %% Each metric as an exact quarterly series in RMB bn (26.5 bn stays 26.5, 27648 mn is 27.648 bn)
def quarterly(metric: str) -> pd.Series:
    part = cloud[cloud.metric == metric]
    index = pd.PeriodIndex(part.period.str.replace(r"FY(\d{4}) Q(\d)", r"\1Q\2", regex=True), freq="Q-MAR")
    scale = part.unit.map({"bn": Decimal(1), "mn": Decimal("0.001"), "%": Decimal(1)})
    return pd.Series([Decimal(v) * s for v, s in zip(part.value, scale)], index=index, name=metric).sort_index()


revenue = quarterly("revenue")
ebita = quarterly("adjusted_ebita")
reported_growth = quarterly("revenue_yoy_growth")
reported_margin = quarterly("adjusted_ebita_margin")
quarters = pd.period_range(revenue.index.min(), revenue.index.max(), freq="Q-MAR")
revenue_series = fm.TimeSeries.from_pandas(revenue, metric="revenue", unit="CNY", scale="bn")


# %% Growth and TTM, exact (a fraction rounded once to 10^-6, then shown in % to one decimal)
def shown(x, places: str):
    return None if x is None or pd.isna(x) else Decimal(x).quantize(Decimal(places), rounding=ROUND_HALF_EVEN)


yoy = revenue_series.yoy().to_pandas().reindex(quarters)
ttm = revenue_series.ttm().to_pandas().reindex(quarters)


# %% USD at each quarter's mean daily ECB rate (CNY -> USD, 10 significant digits, rounded once)
def mean_rate(q: pd.Period):
    return fx.average("CNY", "USD", q.start_time.date(), q.end_time.date())


rates = {q: mean_rate(q) for q in quarters}


def usd(q: pd.Period):
    if q not in revenue.index:
        return None
    r = revenue[q]
    exact = r * rates[q].value(10)
    return exact.quantize(r if r.as_tuple().exponent < 0 else Decimal(1), rounding=ROUND_HALF_EVEN)


# %% The table
table = pd.DataFrame({
    "quarter": [f"FY{q.qyear} Q{q.quarter}" for q in quarters],
    "months": [f"{q.start_time:%b}-{q.end_time:%b %Y}" for q in quarters],
    "revenue RMB bn": [revenue.get(q) for q in quarters],
    "CNY/USD mean": [shown(rates[q].value(10), "0.00001") for q in quarters],
    "ECB days": [rates[q].averaging["count"] for q in quarters],
    "revenue USD bn": [usd(q) for q in quarters],
    "YoY % computed": [shown(None if v is None else v * 100, "0.1") for v in yoy],
    "YoY % reported": [reported_growth.get(q) for q in quarters],
    "TTM RMB bn": [shown(v, "0.001") for v in ttm],
    "adj. EBITA RMB bn": [ebita.get(q) for q in quarters],
    "margin % computed": [shown(ebita[q] / revenue[q] * 100, "0.1") if q in ebita.index and q in revenue.index else None
                          for q in quarters],
    "margin % reported": [reported_margin.get(q) for q in quarters],
}).set_index("quarter")

if __name__ == "__main__":
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(table.fillna("-").to_string())
