"""What each worker process keeps between tasks: the FX tables and the
normalizers built on them, keyed by the FX file (path, size, modification
time), so that a task ships only the path and its options and the table is read
once per worker process, whatever the number of tasks.

This is the one piece of process state of finmetrics.dask, on purpose: a Dask
worker runs many tasks in one process, and a table (tens of thousands of
fixings, indexed by day) costs ~0.1 s to load and index, against a few
milliseconds of work per small task. ``cache_info()`` says what a process
holds (tests ask each worker through ``Client.run``)."""
from __future__ import annotations

import os
import threading
from typing import Dict, Tuple

from .. import _core

_lock = threading.Lock()  # a worker with several threads: one load per table
_tables: Dict[tuple, _core.FxTable] = {}
_normalizers: Dict[tuple, _core.Normalizer] = {}
_loads: Dict[str, int] = {}


def _file_key(path: str) -> tuple:
    st = os.stat(path)
    return (os.path.realpath(path), st.st_size, st.st_mtime_ns)


def fx_table(path: str) -> _core.FxTable:
    """The table of the FX file at ``path``, loaded on the first call in this process."""
    key = _file_key(path)
    with _lock:
        table = _tables.get(key)
        if table is None:
            table = _core.FxTable.load(path)
            _tables[key] = table
            _loads[key[0]] = _loads.get(key[0], 0) + 1
        return table


def normalizer(path: str, options: Tuple[Tuple[str, object], ...]) -> _core.Normalizer:
    """A ``_core.Normalizer`` over the FX file at ``path`` with ``options``
    (``(name, value)`` pairs of its keyword arguments), built once per process."""
    key = (_file_key(path), options)
    with _lock:
        found = _normalizers.get(key)
    if found is not None:
        return found
    table = fx_table(path)
    built = _core.Normalizer(table, **dict(options))
    with _lock:
        return _normalizers.setdefault(key, built)


def cache_info() -> dict:
    """``{"pid": ..., "loads": {fx path: times loaded}, "normalizers": count}`` of this process."""
    with _lock:
        return {"pid": os.getpid(), "loads": dict(_loads), "normalizers": len(_normalizers)}
