"""``normalize`` over a Dask DataFrame and ``extract`` over a Dask bag of
articles: each partition goes through the same code as one pandas call
(``finmetrics.normalize``, the library's extractor), on whichever worker Dask
chooses; FX tables are read once per worker process (``_worker``)."""
from __future__ import annotations

import os
from typing import Iterable, Optional, Sequence

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from dask.dataframe.extensions import make_array_nonempty

from .. import _core
from .._exact import ExactStringArray, ExactStringDtype
from .._normalize import normalize_with
from . import _worker


@make_array_nonempty.register(ExactStringDtype)
def _exact_rows_for_meta(dtype):
    """The stand-in rows Dask puts in an exact column's empty meta to try an
    operation on it (``.str``, ``apply``, ``astype``)."""
    return ExactStringArray.from_strings(["1", None])

#: The columns of ``extract``'s frame: those of ``finmetrics extract --format csv``
#: (the claims file ``finmetrics check`` reads), in its order.
CLAIM_COLUMNS = ["id", "document", "quote", "figure", "entity", "listing", "segment", "metric", "period",
                 "as_of", "relation", "notes"]


def _fx_path(fx) -> str:
    """An FX file's path: what a task carries instead of the table."""
    if isinstance(fx, _core.FxTable):
        if not fx.path:
            raise ValueError("fx: an FxTable without a file; pass the path of the FX file")
        return fx.path
    return os.fspath(fx)


def _normalizer_options(to, scale, digits, decimals, rounding, max_staleness, dollar, yen, locale) -> tuple:
    return (("to", to), ("scale", scale), ("digits", digits), ("decimals", decimals), ("rounding", rounding),
            ("max_staleness", max_staleness), ("dollar", dollar), ("yen", yen), ("locale", locale))


def _normalize_partition(frame: pd.DataFrame, fx_path: str, options: tuple, figure: str, date, status: bool,
                         reasons: bool) -> pd.DataFrame:
    return normalize_with(_worker.normalizer(fx_path, options), frame, figure=figure, date=date, status=status,
                          reasons=reasons)


def normalize(ddf: dd.DataFrame, fx, *, figure: str = "figure", date=None, to: str = "USD", scale: str = "",
              digits: Optional[int] = None, decimals: Optional[int] = None, rounding: str = "half_even",
              max_staleness: Optional[int] = 7, dollar: Optional[str] = None, yen: Optional[str] = None,
              status: bool = False, reasons: bool = False, locale: str = "") -> dd.DataFrame:
    """``finmetrics.normalize`` over a Dask DataFrame, partition by partition.

    ``fx``: the path of the FX file (or an ``FxTable`` loaded from one); every
    worker reads it once, on its first task, from that path: on a cluster the
    path must be readable by every worker (a shared or replicated file).
    ``figure``, ``date`` (a column name; default ``"date"``) and the options are
    those of ``finmetrics.normalize``; ``max_staleness=None`` takes the limit
    from the table's frequency, as the CLI does. The result has the input's
    partitions and index, rows in order, the input's columns and then the
    normalize-v2 columns; categoricals have unknown categories until computed.
    The totals of a run: ``status=True`` and ``result.status.value_counts()``."""
    if not isinstance(ddf, dd.DataFrame):
        raise TypeError("finmetrics.dask.normalize: a dask DataFrame (dask.dataframe.from_pandas, read_csv, ...)")
    path = _fx_path(fx)
    options = _normalizer_options(to, scale, digits, decimals, rounding, max_staleness, dollar, yen, locale)
    # The frame's shape from its empty meta, computed here (the table is loaded
    # once in this process too; a wrong column or option fails now, not on a worker).
    meta = _normalize_partition(ddf._meta, path, options, figure, date, status, reasons)
    meta = dd.utils.clear_known_categories(meta)
    return ddf.map_partitions(_normalize_partition, path, options, figure, date, status, reasons, meta=meta,
                              align_dataframes=False)


def _document(item):
    if isinstance(item, tuple) and len(item) == 2:
        return item
    return "", item


def _extract_partition(items: Iterable, article_date, dollar, yen, input_format, word_forms,
                       issuers: Sequence[str], locale: str) -> pd.DataFrame:
    rows = []
    for item in items:
        document, text = _document(item)
        if isinstance(text, str):
            text = text.encode("utf-8", "surrogateescape")
        _header, found, _skipped, _replaced = _core.extract_claims(
            text, document, article_date=article_date, dollar=dollar, yen=yen, input_format=input_format,
            word_forms=word_forms, issuers=list(issuers), locale=locale)
        rows.extend(found)
    return pd.DataFrame.from_records(rows, columns=CLAIM_COLUMNS) if rows else _empty_claims()


def _empty_claims() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in CLAIM_COLUMNS})


def extract(bag: db.Bag, *, article_date: Optional[str] = None, dollar: Optional[str] = None,
            yen: Optional[str] = None, input_format: str = "text", word_forms: bool = True,
            issuers: Sequence[str] = (), locale: str = "") -> dd.DataFrame:
    """The figures of every article of a Dask bag, as one Dask DataFrame.

    Items are ``(document, text)`` pairs (``read_articles`` makes them from
    files; ``text`` as str or bytes) or bare texts (document ""). One row per
    figure, in bag order then text order, with the columns of ``finmetrics
    extract --format csv`` (``CLAIM_COLUMNS``: id ``E1``.. per document,
    document, quote, figure, entity, listing, segment, metric, period, as_of,
    relation, notes), the same values as that command gives for each file with
    the same options (``dollar``, ``yen``, ``article_date``, ``issuers``: paths
    of issuer profiles, ``input_format``: text or markdown, ``locale``). One partition per
    bag partition."""
    if not isinstance(bag, db.Bag):
        raise TypeError("finmetrics.dask.extract: a dask bag (dask.bag.from_sequence, read_articles, ...)")
    args = (article_date, dollar, yen, input_format, word_forms, tuple(issuers), locale)
    parts = [dask.delayed(_extract_partition, pure=True)(part, *args) for part in bag.to_delayed()]
    return dd.from_delayed(parts, meta=_empty_claims(), verify_meta=False)


def _read_article(path: str):
    with open(path, "rb") as f:
        return os.path.basename(path), f.read()


def read_articles(paths: Sequence[str], npartitions: Optional[int] = None) -> db.Bag:
    """A bag of ``(file name, bytes)`` of the files at ``paths``, read on the
    workers (the document name is the file name, as ``finmetrics extract`` says)."""
    paths = [os.fspath(p) for p in paths]
    return db.from_sequence(paths, npartitions=npartitions or min(len(paths), 100) or 1).map(_read_article)
