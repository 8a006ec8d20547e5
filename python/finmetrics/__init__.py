"""finmetrics: financial figures as they are quoted, from Python and pandas.

A thin layer over the C++ library: exact values cross as ``decimal.Decimal`` (or
exact strings), bulk values as float64 columns.

    >>> import finmetrics as fm
    >>> fm.parse_figure("Rmb81bn").value
    Decimal('81000000000')
"""
from ._core import Error, __version__
from ._figures import Figure, Interval, parse_figure, extract
from ._fx import FxTable, FxRate
from ._exact import ExactStringArray, ExactStringDtype
from ._normalize import normalize
from ._series import TimeSeries
from ._check import CheckResult, Finding, check

__all__ = [
    "Error", "__version__",
    "Figure", "Interval", "parse_figure", "extract",
    "FxTable", "FxRate",
    "normalize", "ExactStringArray", "ExactStringDtype",
    "TimeSeries",
    "CheckResult", "Finding", "check",
]
