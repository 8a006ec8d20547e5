"""``normalize``: a pandas column of quoted figures converted at the as-of FX rate
of each row's date, vectorised (one C++ loop over the column)."""
from __future__ import annotations

import weakref
from decimal import Decimal
from typing import Optional, Union

import numpy as np
import pandas as pd

from . import _core
from ._exact import ExactStringArray
from ._fx import FxTable

#: How the exact columns come: "text" (an ExactStringArray: str values made when
#: read), "str" (object arrays of str) or "decimal" (object arrays of decimal.Decimal).
EXACT_FORMS = ("text", "str", "decimal")


def _exact_column(pair, exact: str):
    data, offsets = pair
    column = ExactStringArray(data, offsets)
    if exact == "text":
        return column
    strings = _core.exact_strings(data, offsets)
    if exact == "str":
        return strings
    return np.array([None if s is None else Decimal(s) for s in strings], dtype=object)



def _object_column(values) -> np.ndarray:
    a = np.asarray(values, dtype=object)
    return a if a.ndim == 1 else a.reshape(-1)


def _date_column(dates, n: int) -> np.ndarray:
    """str dates as an object array, datetime-likes as int64 days since 1970."""
    if isinstance(dates, (str, pd.Timestamp)) or not hasattr(dates, "__len__"):
        dates = [dates] * n
    s = dates if isinstance(dates, pd.Series) else pd.Series(dates)
    if len(s) != n:
        raise ValueError(f"date: {len(s)} dates for {n} figures")
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        if getattr(s.dt, "tz", None) is not None:
            s = s.dt.tz_localize(None)
        days = s.values.astype("datetime64[D]").view("int64")
        return np.ascontiguousarray(days)
    return _object_column(s.to_numpy(dtype=object))


def normalize(data: Union[pd.DataFrame, pd.Series], fx: Union[FxTable, str], *, figure: str = "figure",
              date=None, to: str = "USD", scale: str = "", digits: Optional[int] = None,
              decimals: Optional[int] = None, rounding: str = "half_even", max_staleness: int = 7,
              dollar: Optional[str] = None, yen: Optional[str] = None, status: bool = False,
              reasons: bool = False, locale: str = "", currency_source: bool = False, exact: str = "text") -> pd.DataFrame:
    """Converts a column of quoted figures, one output row per input row, in order.

    ``data``: a DataFrame (``figure`` and ``date`` name its columns; ``date``
    defaults to ``"date"``) or a Series of figures (then ``date`` is a Series, an
    array or one date for all). Dates are ISO strings or datetime64.
    ``fx``: an ``FxTable`` or the path of an FX file.

    Returns a DataFrame with the input's index and the normalize-v2 output
    columns: ``currency``, ``amount`` (exact, plain decimal text), ``low``,
    ``high``, ``qualifier``, ``per`` (categoricals where the values are few),
    ``<cur>_value``, ``<cur>_low``, ``<cur>_high`` as float64 and the same three
    as exact strings in ``<cur>_value_exact``, ... (the exact quotient rounded
    once, as ``finmetrics normalize`` prints it). A DataFrame's other columns
    come first, unchanged. ``dollar`` names the currency of a bare ``$`` (None:
    USD by default) and ``yen`` that of ``¥`` (an unparsed row when None), as ``--dollar`` and
    ``--yen`` do; ``locale`` how numbers are written (``"de"``: ``1.234,5``), as
    ``--locale``. Rows that cannot be converted stay, with empty (NaN/None)
    output columns; ``status=True`` adds a ``status`` column (converted,
    without_rate, unparsed, invalid), ``reasons=True`` a ``reason`` column,
    ``currency_source=True`` a ``currency_source`` column (``explicit``: the
    figure's own marker; ``option``: a bare ``$``/``¥`` read through ``dollar``/
    ``yen``; ``default``: a bare ``$`` read as USD because nothing said otherwise,
    never certain). ``result.attrs['totals']`` holds the CLI's totals (rows read,
    converted, without rate, unparsed, invalid) and ``currency_by_default``.

    ``exact`` says how the exact columns (``amount``, ``low``, ``high``,
    ``<cur>_value_exact``, ...) come: ``"text"`` (default) as an
    ``ExactStringArray`` (dtype ``exact_string``), a column of ``str`` (``None``
    where missing) whose rows stay in one buffer until read; ``"str"`` as object
    columns of ``str``; ``"decimal"`` as object columns of ``decimal.Decimal``."""
    if isinstance(fx, str):
        fx = FxTable.load(fx)
    normalizer = _normalizer(fx, to=to, scale=scale, digits=digits, decimals=decimals, rounding=rounding,
                             max_staleness=max_staleness, dollar=dollar, yen=yen, locale=locale)
    return normalize_with(normalizer, data, figure=figure, date=date, status=status, reasons=reasons,
                          currency_source=currency_source, exact=exact)


# The Normalizers built for each FxTable, by their options: building one (its
# per-day rate index) took 10-20 ms, 2-4% of a call on a million rows. An FxTable
# cannot change once loaded, and a Normalizer holds no state between calls (it
# may serve two threads at once), so a call with the same table and options
# gives the same result with the one built before; they go with their table.
_normalizers: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _normalizer(fx: FxTable, **options):
    key = tuple(sorted(options.items()))
    try:
        built = _normalizers.setdefault(fx, {})
    except TypeError:  # not weakly referable: built for this call only
        return _core.Normalizer(fx, **options)
    normalizer = built.get(key)
    if normalizer is None:
        normalizer = built[key] = _core.Normalizer(fx, **options)
    return normalizer


def normalize_with(normalizer, data: Union[pd.DataFrame, pd.Series], *, figure: str = "figure", date=None,
                   status: bool = False, reasons: bool = False, currency_source: bool = False,
                   exact: str = "text") -> pd.DataFrame:
    """``normalize`` with a ``_core.Normalizer`` built once (its FX table and
    options), for callers that normalize many frames (finmetrics.dask: one per
    partition)."""
    if exact not in EXACT_FORMS:
        raise ValueError(f"exact: one of {', '.join(EXACT_FORMS)}, not {exact!r}")
    if isinstance(data, pd.DataFrame):
        if figure not in data.columns:
            raise KeyError(f"no column '{figure}' (pass figure=NAME)")
        figures = data[figure]
        date_name = "date" if date is None else date
        if isinstance(date_name, str):
            if date_name not in data.columns:
                raise KeyError(f"no column '{date_name}' (pass date=NAME or date=VALUES)")
            dates = data[date_name]
        else:
            dates = date
        carried = data
    elif isinstance(data, pd.Series):
        if date is None:
            raise TypeError("normalize(series, ...) needs date=... (a Series, an array or one date)")
        figures, dates, carried = data, date, None
    else:
        raise TypeError("normalize: a pandas DataFrame or Series")

    n = len(figures)
    cols = normalizer.columns(_object_column(figures.to_numpy(dtype=object)), _date_column(dates, n), reasons,
                              status=status, currency_source=currency_source)
    value = normalizer.value_column            # "usd_value"
    prefix = value[: -len("_value")]            # "usd"
    index = figures.index

    def categorical(pair):
        codes, categories = pair
        return pd.Categorical.from_codes(codes, categories=categories)

    out = {
        "currency": categorical(cols["currency"]),
        "amount": _exact_column(cols["amount"], exact),
        "low": _exact_column(cols["low"], exact),
        "high": _exact_column(cols["high"], exact),
        "qualifier": categorical(cols["qualifier"]),
        "per": categorical(cols["per"]),
        value: cols["value"][0],
        f"{prefix}_low": cols["value_low"][0],
        f"{prefix}_high": cols["value_high"][0],
        f"{value}_exact": _exact_column(cols["value"][1], exact),
        f"{prefix}_low_exact": _exact_column(cols["value_low"][1], exact),
        f"{prefix}_high_exact": _exact_column(cols["value_high"][1], exact),
    }
    if status:
        out["status"] = categorical(cols["status"])
    if currency_source:
        out["currency_source"] = categorical(cols["currency_source"])
    if reasons:
        out["reason"] = cols["reason"]
    # One constructor call over every column (a concat of two frames would copy
    # the object columns once more).
    if carried is not None:
        first = {name: carried[name].to_numpy(copy=False) if not isinstance(carried[name].dtype, pd.CategoricalDtype)
                 else carried[name] for name in carried.columns}
    else:
        first = {figures.name if figures.name is not None else "figure": figures.to_numpy(dtype=object)}
    clash = set(first) & set(out)
    if clash:
        raise ValueError(f"the input already has output columns {sorted(clash)}")
    result = pd.DataFrame({**first, **out}, index=index, copy=False)
    result.attrs["totals"] = cols["totals"]
    return result
