"""``ExactStringArray``: a pandas column of exact decimal texts (``amount``,
``usd_value_exact``, ...) kept as one byte buffer and row offsets, as
``finmetrics.normalize`` makes them; a row becomes a Python ``str`` only when it
is read (``.iloc``, iteration, printing, ``to_csv``, ``astype``), so a million
rows cost no million ``str`` objects until they are used.

It behaves as a column of ``str`` with ``None`` where missing: ``==`` and ``!=``
with a ``str`` or a sequence, ``isna``/``notna``, ``.iloc``/``.loc``/``.iat``,
slicing, ``take``, ``pd.concat``, ``astype(str)``/``astype(object)``/
``astype(float)``/``astype("string")``, ``to_csv``, printing, ``value_counts``,
``unique``, ``describe``, the ``.str`` accessor (pandas' own methods for a column of
``str``), pickling, and assignment. Every array handed out is a fresh one (the
``str`` objects are made once and shared). Missing
rows are empty in the buffer: an exact text is never empty."""
from __future__ import annotations

import numbers
from typing import Any

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionArray, ExtensionDtype, register_extension_dtype

from . import _core

try:  # pandas' own str methods over an object array (what `.str` calls on a column of str)
    from pandas.core.strings.object_array import ObjectStringArrayMixin as _StrMethods
except ImportError:  # another pandas: `.str` through `col.astype(str)`
    class _StrMethods:  # type: ignore[no-redef]
        pass


@register_extension_dtype
class ExactStringDtype(ExtensionDtype):
    """The dtype of an ``ExactStringArray``: ``str`` values, ``None`` where missing."""

    name = "exact_string"
    type = str
    kind = "O"
    na_value = None

    @classmethod
    def construct_array_type(cls):
        return ExactStringArray

    def __repr__(self) -> str:
        return self.name

    @classmethod
    def construct_from_string(cls, string):
        if string == cls.name:
            return cls()
        raise TypeError(f"Cannot construct a '{cls.__name__}' from '{string}'")


class ExactStringArray(_StrMethods, ExtensionArray):
    """Exact texts: row ``i`` is ``data[offsets[i]:offsets[i + 1]]`` (UTF-8; empty:
    missing; offsets int32, or int64 for more than 2 GiB of text). Made by ``finmetrics.normalize``; ``ExactStringArray.from_strings``
    builds one from ``str``/``None`` values."""

    _dtype = ExactStringDtype()

    def __init__(self, data: np.ndarray, offsets: np.ndarray):
        data = np.asarray(data, dtype=np.uint8)
        offsets = np.asarray(offsets)
        if offsets.dtype not in (np.int32, np.int64):  # normalize makes int32, int64 past 2 GiB of text
            offsets = offsets.astype(np.int64)
        if data.ndim != 1 or offsets.ndim != 1 or len(offsets) < 1:
            raise ValueError("ExactStringArray: 1-d data and offsets of len(rows) + 1")
        self._data = data
        self._offsets = offsets
        self._objects = None  # the rows as an object array of str, once made

    def __getstate__(self):  # the buffer, not the str objects made from it
        return {"_data": self._data, "_offsets": self._offsets}

    def __setstate__(self, state):
        self._data, self._offsets, self._objects = state["_data"], state["_offsets"], None

    @classmethod
    def from_strings(cls, values) -> "ExactStringArray":
        return cls(*_core.exact_from_strings(values))

    # --- the ExtensionArray interface -------------------------------------------------
    @classmethod
    def _from_sequence(cls, scalars, *, dtype=None, copy=False):
        if isinstance(scalars, cls):
            return scalars.copy() if copy else scalars
        return cls.from_strings(scalars)

    @classmethod
    def _from_factorized(cls, values, original):
        return cls.from_strings(values)

    @property
    def dtype(self) -> ExactStringDtype:
        return self._dtype

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @property
    def nbytes(self) -> int:
        return self._data.nbytes + self._offsets.nbytes + (0 if self._objects is None else self._objects.nbytes)

    def _lengths(self) -> np.ndarray:
        return np.diff(self._offsets)

    def isna(self) -> np.ndarray:
        return self._lengths() == 0

    def _strings(self) -> np.ndarray:
        """Every row as an object array of str (None where missing), made once."""
        if self._objects is None:
            self._objects = _core.exact_strings(self._data, self._offsets)
        return self._objects

    def __getitem__(self, item):
        if isinstance(item, numbers.Integral):
            n = len(self)
            i = int(item) + n if item < 0 else int(item)
            if not 0 <= i < n:
                raise IndexError(f"index {item} is out of bounds for a column of {n} rows")
            if self._objects is not None:
                return self._objects[i]
            return _core.exact_row(self._data, self._offsets, i)
        if isinstance(item, slice):
            start, stop, step = item.indices(len(self))
            if step == 1:
                view = type(self)(self._data, self._offsets[start:max(start, stop) + 1])
                if self._objects is not None:
                    view._objects = self._objects[start:max(start, stop)]
                return view
            return self.take(np.arange(start, stop, step))
        item = pd.api.indexers.check_array_indexer(self, item)
        if item.dtype == bool:
            return self.take(np.flatnonzero(item))
        return self.take(item)

    def take(self, indices, *, allow_fill=False, fill_value=None):
        indices = np.asarray(indices, dtype=np.int64)
        n = len(self)
        if allow_fill:
            if fill_value is not None and not pd.isna(fill_value):
                raise ValueError("ExactStringArray.take: the fill value is a missing value")
            if (indices < -1).any():
                raise ValueError("ExactStringArray.take: indices below -1 with allow_fill")
        else:
            indices = np.where(indices < 0, indices + n, indices)
            if ((indices < 0) | (indices >= n)).any():
                raise IndexError("ExactStringArray.take: index out of range")
        if indices.size and (indices >= n).any():
            raise IndexError("ExactStringArray.take: index out of range")
        return type(self)(*_core.exact_take(self._data, self._offsets, indices))

    def copy(self):
        start, end = self._offsets[0], self._offsets[-1]
        return type(self)(self._data[start:end].copy(), self._offsets - start)  # same dtype: start <= every offset

    @classmethod
    def _concat_same_type(cls, to_concat):
        to_concat = list(to_concat)
        datas, offsets, base = [], [np.zeros(1, dtype=np.int64)], 0
        for a in to_concat:
            start, end = int(a._offsets[0]), int(a._offsets[-1])
            datas.append(a._data[start:end])
            offsets.append(a._offsets[1:].astype(np.int64) - start + base)
            base += end - start
        data = np.concatenate(datas) if datas else np.zeros(0, dtype=np.uint8)
        offsets = np.concatenate(offsets)
        return cls(data, offsets.astype(np.int32) if base <= np.iinfo(np.int32).max else offsets)

    def _values_for_factorize(self):
        return self._strings().copy(), None

    def _values_for_argsort(self) -> np.ndarray:
        return self._strings().copy()

    def value_counts(self, dropna: bool = True) -> pd.Series:
        return pd.Series(self._strings().copy()).value_counts(dropna=dropna)

    def __array__(self, dtype=None):
        objects = self._strings().copy()  # a fresh array: pandas may fill it in place
        if dtype is None or np.dtype(dtype) == object:
            return objects
        dtype = np.dtype(dtype)
        if dtype.kind == "f":
            return np.array([np.nan if v is None else v for v in objects], dtype=dtype)
        return np.asarray(objects, dtype=dtype)

    def __iter__(self):
        return iter(self._strings())

    def astype(self, dtype, copy=True):
        dtype = pd.api.types.pandas_dtype(dtype)
        if isinstance(dtype, ExactStringDtype):
            return self.copy() if copy else self
        if isinstance(dtype, ExtensionDtype):
            return dtype.construct_array_type()._from_sequence(self._strings().copy(), dtype=dtype, copy=False)
        if dtype == object:
            return self._strings().copy()
        if dtype.kind == "U":  # as an object column of str does: a missing value is 'None'
            return self._strings().astype(str).astype(object)
        return self.__array__(dtype)

    def __eq__(self, other) -> np.ndarray:  # type: ignore[override]
        if isinstance(other, (pd.Series, pd.Index, pd.DataFrame)):
            return NotImplemented
        if isinstance(other, str):
            return _core.exact_equals(self._data, self._offsets, other)
        if other is None or (np.ndim(other) == 0 and pd.isna(other)):
            return np.zeros(len(self), dtype=bool)
        if np.ndim(other) == 0:
            return np.zeros(len(self), dtype=bool)
        other = np.asarray(other, dtype=object)
        if len(other) != len(self):
            raise ValueError(f"Lengths must match to compare: {len(self)} and {len(other)}")
        objects = self._strings()
        present = np.array([v is not None for v in objects], dtype=bool)
        return present & (objects == other)

    def __ne__(self, other) -> np.ndarray:  # type: ignore[override]
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else ~eq

    def __setitem__(self, key, value) -> None:
        """Assignment: the rows become plain str objects (the buffer is rebuilt from them)."""
        objects = self._strings().copy()
        if isinstance(value, ExactStringArray):
            value = value._strings()
        objects[key] = value
        rebuilt = ExactStringArray.from_strings(objects)
        self._data, self._offsets, self._objects = rebuilt._data, rebuilt._offsets, None

    def _formatter(self, boxed: bool = False):
        return str if boxed else repr

    def __repr__(self) -> str:
        shown = ", ".join(repr(v) for v in self[:10])
        return f"<ExactStringArray>\n[{shown}{', ...' if len(self) > 10 else ''}]\nLength: {len(self)}, dtype: {self.dtype}"

    def _reduce(self, name: str, *, skipna: bool = True, **kwargs: Any):
        if name in ("min", "max"):
            values = [v for v in self._strings() if v is not None]
            if not values:
                return None
            return min(values) if name == "min" else max(values)
        raise TypeError(f"ExactStringArray does not support the reduction '{name}'")
