"""finmetrics on a Dask cluster: the same normalize and extract, partition by
partition, on a laptop's ``LocalCluster`` or on many hosts (``dask-scheduler``
and ``dask-worker``; docs/scale-out.md).

    >>> import dask.dataframe as dd, finmetrics.dask as fmd
    >>> out = fmd.normalize(dd.read_csv("figures-*.csv", dtype=str, keep_default_na=False),
    ...                     fx="ecb-eurofxref-hist.csv", to="USD")

- ``normalize(ddf, fx=..., figure=..., date=..., to=...)``: ``finmetrics.normalize``
  over each partition of a Dask DataFrame; the FX table is read once per worker
  process from its path (never shipped with the tasks).
- ``extract(bag, ...)``: the figures of a bag of articles as a Dask DataFrame
  with the columns of ``finmetrics extract --format csv``; ``read_articles(paths)``
  makes the bag from files.
- ``normalize_files(paths, out_dir, fx, ...)``: CSV files of any size to
  partition files whose concatenation is ``finmetrics normalize``'s output byte
  for byte, with the CLI's totals; the command ``python3 -m finmetrics.dask
  normalize IN... -o OUT --fx FX [--scheduler ADDRESS | --workers N]``.
"""
from ._csv_job import RunTotals, expand_inputs, normalize_files
from ._frames import CLAIM_COLUMNS, extract, normalize, read_articles
from ._worker import cache_info

__all__ = ["normalize", "extract", "read_articles", "CLAIM_COLUMNS", "normalize_files", "expand_inputs",
           "RunTotals", "cache_info"]
