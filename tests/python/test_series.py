from decimal import Decimal

import pandas as pd
import pytest

import finmetrics as fm


def cloud_revenue() -> pd.Series:
    # Alibaba Cloud revenue, RMB mn, fiscal quarters of a year ending in March.
    idx = pd.PeriodIndex(["2024Q1", "2024Q2", "2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2"], freq="Q-MAR")
    return pd.Series([Decimal("25120"), Decimal("27648"), Decimal("26500"), Decimal("29610"), Decimal("31742"),
                      Decimal("30100"), Decimal("33398"), Decimal("39824")], index=idx, name="revenue")


def test_q_mar_periods_are_alibabas_fiscal_quarters():
    s = fm.TimeSeries.from_pandas(cloud_revenue(), unit="CNY", scale="mn")
    assert s.metric == "revenue" and s.kind == "flow" and s.unit == "CNY" and s.scale == "mn"
    assert s.periods[4] == "FY2025 Q3"
    assert pd.Period("2025Q3", freq="Q-MAR").start_time == pd.Timestamp("2024-10-01")
    back = s.to_pandas()
    assert back.index.freqstr == "Q-MAR"
    assert list(back.index) == list(cloud_revenue().index)
    assert list(back) == list(cloud_revenue())


def test_yoy_qoq_and_ttm_are_exact():
    s = fm.TimeSeries.from_pandas(cloud_revenue(), unit="CNY", scale="mn")
    yoy = s.yoy().to_pandas()
    assert yoy[pd.Period("2025Q1", freq="Q-MAR")] == Decimal("0.054936")   # 26500 / 25120 - 1
    assert yoy[pd.Period("2026Q2", freq="Q-MAR")] == Decimal("0.344951")   # 39824 / 29610 - 1
    assert yoy[pd.Period("2025Q3", freq="Q-MAR")] is None                  # no FY2024 Q3
    qoq = s.qoq().to_pandas()
    assert qoq[pd.Period("2025Q2", freq="Q-MAR")] == Decimal("0.117358")
    ttm = s.ttm().to_pandas()
    assert ttm[pd.Period("2025Q4", freq="Q-MAR")] == Decimal("117952")
    assert ttm[pd.Period("2026Q2", freq="Q-MAR")] == Decimal("135064")
    floats = s.yoy().to_pandas(exact=False)
    assert floats.dtype == "float64"


def test_resample_to_fiscal_years():
    s = fm.TimeSeries.from_pandas(cloud_revenue(), unit="CNY", scale="mn")
    years = s.resample("A-MAR").to_pandas()
    assert years.index.freqstr == "A-MAR"
    assert years[pd.Period("2025", freq="A-MAR")] == Decimal("117952")
    assert years[pd.Period("2024", freq="A-MAR")] is None  # two quarters only


def test_convert_keeps_each_rate(ecb_path):
    fx = fm.FxTable.load(str(ecb_path))
    s = fm.TimeSeries.from_pandas(cloud_revenue(), unit="CNY", scale="mn")
    usd = s.convert(fx, "USD")
    assert usd.unit == "USD"
    q3 = usd.periods.index("FY2025 Q3")
    rate = usd.rates[q3]
    assert rate.kind == "average"
    assert rate.averaging["first_requested"].isoformat() == "2024-10-01"
    assert usd.to_pandas()[pd.Period("2025Q3", freq="Q-MAR")] == Decimal("4417")  # 31742 x 0.13915..., whole mn


def test_calendar_quarters_and_months():
    s = pd.Series([1, 2, 3], index=pd.period_range("2024-01", periods=3, freq="M"), name="volume")
    ts = fm.TimeSeries.from_pandas(s, kind="flow")
    assert ts.periods == ["2024-01", "2024-02", "2024-03"]
    q = ts.resample("Q-DEC").to_pandas()
    assert q.index.freqstr == "Q-DEC" and q.iloc[0] == Decimal("6")


def test_needs_a_period_index():
    with pytest.raises(TypeError):
        fm.TimeSeries.from_pandas(pd.Series([1, 2]))
