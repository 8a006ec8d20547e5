"""``TimeSeries``: an exact series over periods, to and from ``pandas.Series``
with a ``PeriodIndex``. Fiscal calendars map to pandas' anchored frequencies:
``Q-MAR`` is the quarter of a fiscal year ending in March, labelled by the year
it ends in (pandas' ``2025Q3`` with ``Q-MAR`` is Alibaba's ``FY2025 Q3``,
October to December 2024); ``A-MAR`` is that fiscal year."""
from __future__ import annotations

from decimal import Decimal
from typing import Optional

import pandas as pd

from . import _core

_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def _kind_of_freq(freqstr: str) -> tuple[str, int]:
    """pandas frequency -> (period kind, fiscal year-end month)."""
    f = freqstr.upper()
    if f in ("D", "B"):
        return "day", 12
    if f == "M":
        return "month", 12
    head, _, anchor = f.partition("-")
    end = _MONTHS.index(anchor) + 1 if anchor else 12
    if head.startswith("Q"):
        return ("quarter" if end == 12 else "fiscal_quarter"), end
    if head.startswith(("A", "Y")):
        return ("year" if end == 12 else "fiscal_year"), end
    raise ValueError(f"frequency '{freqstr}' has no finmetrics period kind (D, M, Q-MON, A-MON)")


def _freq_of_kind(kind: str, end_month: int) -> str:
    anchor = _MONTHS[end_month - 1]
    return {"day": "D", "month": "M", "quarter": "Q-DEC", "year": "A-DEC",
            "fiscal_quarter": f"Q-{anchor}", "fiscal_year": f"A-{anchor}"}[kind]


class TimeSeries:
    """An exact series over periods (values ``decimal.Decimal``, missing ``None``)
    with its metric (``revenue`` is a flow, ``share_price`` a stock, ...), unit
    (``CNY``, ``USD per share``, ``%``) and scale (``bn``)."""

    def __init__(self, handle: _core.PeriodSeries):
        self._h = handle

    @classmethod
    def from_pandas(cls, series: pd.Series, *, metric: Optional[str] = None, kind: Optional[str] = None,
                    unit: str = "", scale: str = "") -> "TimeSeries":
        """From a Series with a PeriodIndex (or a DatetimeIndex with a frequency).

        ``metric`` defaults to the Series' name; ``kind`` (flow, stock, ratio,
        count) to the known metric's or to flow for money. Values may be
        Decimals, ints, strings or floats (a float by its shortest repr)."""
        index = series.index
        if isinstance(index, pd.DatetimeIndex):
            if index.freq is None:
                raise ValueError("a DatetimeIndex needs a frequency; or pass a PeriodIndex")
            index = index.to_period(index.freqstr)
        if not isinstance(index, pd.PeriodIndex):
            raise TypeError("TimeSeries.from_pandas: the Series needs a PeriodIndex")
        pkind, end = _kind_of_freq(index.freqstr)
        keys = [(pkind, end, p.start_time.date().isoformat()) for p in index]
        values = [None if (v is None or (isinstance(v, float) and v != v)) else v for v in series.tolist()]
        name = metric if metric is not None else (series.name if series.name is not None else "value")
        return cls(_core.PeriodSeries(keys, values, str(name), kind, unit, scale))

    def to_pandas(self, *, exact: bool = True) -> pd.Series:
        """A Series with a PeriodIndex: Decimals (object) when ``exact``, else float64."""
        keys = self._h.keys()
        if keys:
            freqs = {_freq_of_kind(k, e) for k, e, _first, _name in keys}
            if len(freqs) != 1:
                raise ValueError(f"periods of several kinds ({sorted(freqs)}): resample first")
            freq = freqs.pop()
            index = pd.PeriodIndex([pd.Period(first, freq=freq) for _k, _e, first, _n in keys], freq=freq)
        else:
            index = pd.PeriodIndex([], freq="Q-DEC")
        values = self._h.values()
        if exact:
            return pd.Series(values, index=index, name=self.metric, dtype=object)
        return pd.Series([float("nan") if v is None else float(v) for v in values], index=index,
                         name=self.metric, dtype="float64")

    # -- what it is
    @property
    def metric(self) -> str:
        return self._h.metric

    @property
    def kind(self) -> str:
        return self._h.kind

    @property
    def unit(self) -> str:
        return self._h.unit

    @property
    def scale(self) -> str:
        return self._h.scale

    @property
    def periods(self) -> list[str]:
        """The periods' names as finmetrics writes them (``FY2025 Q3``)."""
        return [name for _k, _e, _f, name in self._h.keys()]

    @property
    def values(self) -> list[Optional[Decimal]]:
        return self._h.values()

    @property
    def rates(self) -> list:
        """After ``convert``: the FxRate of each point (None where missing)."""
        return self._h.rates()

    def __len__(self) -> int:
        return len(self._h.keys())

    def __repr__(self) -> str:
        return f"<TimeSeries {self.metric} ({self.kind}, {self.unit or 'number'}{' ' + self.scale if self.scale else ''}), {len(self)} periods>"

    # -- computations (exact; see docs/series.md)
    def yoy(self, *, exponent: int = -6, negative_base: str = "missing") -> "TimeSeries":
        """Growth against the same period a year earlier, a fraction rounded once to 10^exponent."""
        return TimeSeries(self._h.yoy(exponent=exponent, negative_base=negative_base))

    def qoq(self, *, exponent: int = -6, negative_base: str = "missing") -> "TimeSeries":
        """Growth against the quarter before."""
        return TimeSeries(self._h.qoq(exponent=exponent, negative_base=negative_base))

    def ttm(self) -> "TimeSeries":
        """Trailing twelve months of a flow: the exact sum of four quarters (missing otherwise)."""
        return TimeSeries(self._h.ttm())

    def resample(self, freq: str, *, how: Optional[str] = None) -> "TimeSeries":
        """To longer periods (``"A-MAR"``, ``"A-DEC"``, ``"Q-DEC"``): sum for flows,
        last for stocks, or ``how`` = sum, last, mean."""
        kind, end = _kind_of_freq(freq)
        return TimeSeries(self._h.resample(kind, end_month=end, how=how))

    def convert(self, fx, to: str, *, exponent: Optional[int] = None, missing_rate: bool = False) -> "TimeSeries":
        """To currency ``to``: flows at the period's mean daily rate, stocks at the
        rate of the period's last day; ``rates`` keeps each point's rate."""
        from ._fx import FxTable
        if isinstance(fx, str):
            fx = FxTable.load(fx)
        return TimeSeries(self._h.convert(fx, to, exponent=exponent, missing_rate=missing_rate))
