"""``python3 -m finmetrics.dask normalize IN... -o OUT --fx FX [--scheduler ADDRESS | --workers N]``:
``finmetrics normalize`` on a Dask cluster, one output file per input range."""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time

from dask.utils import parse_bytes

from .. import _core
from ._csv_job import expand_inputs, normalize_files

PROGRAM = "finmetrics normalize"  # the totals line is that command's, to the byte


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python3 -m finmetrics.dask",
                                description="finmetrics on a Dask cluster (docs/scale-out.md).")
    sub = p.add_subparsers(dest="command", required=True)
    n = sub.add_parser(
        "normalize", formatter_class=argparse.RawDescriptionHelpFormatter,
        help="finmetrics normalize (normalize-v2) over CSV files, one output file per input range",
        description=(
            "Converts the figures of CSV files (a header naming a date and a figure column) as `finmetrics\n"
            "normalize` does, on a Dask cluster: each file is cut into ranges of --blocksize bytes, each range\n"
            "is one task that writes OUT/part-NNNNNN.csv atomically (temporary file, then rename). The\n"
            "partitions in name order are `finmetrics normalize`'s output byte for byte (`cat OUT/part-*.csv`); the\n"
            "header is in the first. Partition files of an earlier run that this one does not write are\n"
            "removed. Totals as `finmetrics normalize` prints them (rows read, converted, without rate,\n"
            "unparsed, invalid), summed over the tasks; per-row reasons only with --reasons. Exit status: 0\n"
            "all rows converted, 1 some not, 2 on a usage or file error."))
    n.add_argument("inputs", nargs="+", metavar="IN", help="input CSV files or globs (in order; each glob sorted)")
    n.add_argument("-o", "--output", required=True, metavar="OUT", help="output folder (created when missing)")
    n.add_argument("--fx", required=True, help="FX rate file, readable at this path by every worker")
    where = n.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS", help="a running dask scheduler (tcp://host:8786)")
    where.add_argument("--workers", type=int, metavar="N",
                       help="a LocalCluster of N single-threaded worker processes (default: the number of "
                            "cores); 0: no cluster, every task in this process")
    n.add_argument("--blocksize", default="32MiB", help="bytes of input per task (default 32MiB)")
    n.add_argument("--to", default="USD", help="target currency (default USD)")
    n.add_argument("--scale", default="", help="print values in this scale: k, mn, bn, tn")
    n.add_argument("--digits", type=int, help="significant digits (default 17)")
    n.add_argument("--decimals", type=int, help="fixed digits after the point instead of --digits")
    n.add_argument("--rounding", default="half_even", help="rounding mode (default half_even)")
    n.add_argument("--max-staleness", type=int, help="oldest usable fixing in days (default: from the table)")
    n.add_argument("--date-column", default="date")
    n.add_argument("--figure-column", default="figure")
    n.add_argument("--dollar", help="the currency of a bare $ (default: USD, said on stderr)")
    n.add_argument("--yen", help="the currency of a bare ¥: JPY or CNY (default: an error)")
    n.add_argument("--locale", default="", help="how numbers are written: de, fr, pt-BR, en-IN, ... "
                                                "(data/lexicon/locales.csv; default: the English way)")
    n.add_argument("--reasons", action="store_true",
                   help="the reason of each row not converted on stderr, as `finmetrics normalize` prints them "
                        "(`line N: reason`, in input order, after the run; they travel through the scheduler)")
    return p


def _fail(message: str) -> int:
    print(f"{PROGRAM}: {message}", file=sys.stderr)
    return 2


def _check_fx(fx: str, to: str):
    """The CLI's usage errors about the FX file, before any task runs."""
    table = _core.FxTable.load(fx)
    codes = table.currencies
    if to not in codes:
        return f"--to: '{to}' has no rates in '{fx}' (it has: {' '.join(sorted(codes))})"
    return None


def normalize_command(args) -> int:
    if args.digits is not None and args.decimals is not None:
        return _fail("--digits and --decimals exclude each other")
    if args.yen is not None and args.yen not in ("JPY", "CNY"):
        return _fail(f"--yen: '{args.yen}' is not JPY or CNY")
    try:
        blocksize = parse_bytes(args.blocksize)
        inputs = expand_inputs(args.inputs)
    except (ValueError, FileNotFoundError) as e:
        return _fail(str(e))
    out = os.path.abspath(args.output)
    if os.path.exists(out) and not os.path.isdir(out):
        return _fail(f"the output '{args.output}' is a file: -o names a folder")
    for p in inputs:  # the output folder's stale partitions are removed: never an input there
        if os.path.dirname(os.path.abspath(p)) == out:
            return _fail(f"the input '{p}' is in the output folder '{args.output}': write to another folder")
    options = {"to": args.to, "scale": args.scale, "digits": args.digits, "decimals": args.decimals,
               "rounding": args.rounding, "max_staleness": args.max_staleness, "dollar": args.dollar,
               "yen": args.yen, "date_column": args.date_column, "figure_column": args.figure_column,
               "locale": args.locale}
    try:
        # The FX file's own message first (it names the file and its currencies);
        # the Normalizer refuses a target without rates too, more briefly.
        problem = _check_fx(args.fx, args.to)
        if problem:
            return _fail(problem)
        _core.Normalizer(_core.FxTable.load(args.fx), **options)  # option errors, here and once
    except (_core.Error, ValueError) as e:
        return _fail(str(e))

    client = cluster = None
    try:
        if args.scheduler or args.workers != 0:
            from distributed import Client, LocalCluster
            if args.scheduler:
                client = Client(args.scheduler)
            else:
                cluster = LocalCluster(n_workers=args.workers or os.cpu_count() or 1, threads_per_worker=1,
                                       processes=True, dashboard_address=None, silence_logs=logging.ERROR)
                client = Client(cluster)
            workers = len(client.scheduler_info()["workers"])
        else:
            import dask
            dask.config.set(scheduler="synchronous")
            workers = 0
        started = time.monotonic()  # the job, without starting a cluster
        reasons = [] if args.reasons else None
        totals = normalize_files(inputs, out, args.fx, blocksize=blocksize, options=options, reasons=reasons)
        seconds = time.monotonic() - started
    except (OSError, _core.Error) as e:
        return _fail(str(e))
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    for lines in reasons or ():
        sys.stderr.buffer.write(lines)
    sys.stderr.flush()
    print(f"finmetrics.dask: {totals.partitions} partitions in {args.output}, "
          f"{workers or 'no'} workers{', ' + str(totals.reruns) + ' ranges rerun' if totals.reruns else ''}, "
          f"{seconds:.1f} s, {totals.rows_read / seconds if seconds > 0 else 0:.0f} rows/s", file=sys.stderr)
    print(totals.line(PROGRAM), file=sys.stderr)
    if totals.note(PROGRAM):
        print(totals.note(PROGRAM), file=sys.stderr)
    return 0 if totals.all_converted else 1


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "normalize":
        return normalize_command(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
