"""FX tables: ``FxTable.load(path)`` and its dated, exact rates.

``FxTable.as_of(date, base, quote)``, ``FxTable.average(base, quote, first, last)``
and ``FxTable.convert(amount, from_currency, to_currency, date)`` return rates
(``FxRate``) that carry their provenance: ``fixings`` (each with date, pair,
rate and source), ``kind`` (direct, derived, average), ``numerator`` and
``denominator`` (the exact quotient of the fixings) and ``value(digits)``.
``convert`` returns ``(Decimal value, FxRate)``."""
from __future__ import annotations

from . import _core

FxRate = _core.FxRate
FxTable = _core.FxTable

