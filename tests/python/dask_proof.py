"""Proof that finmetrics.dask runs the same job as the single-process CLI (ctest
python.dask): through a LocalCluster of two worker processes,

1. the 200,000-row normalize-v2 corpus (../shared/bench/gen_corpus_v2.py, seed
   20251206, generated into the build tree) cut into ranges of 512 KiB: the
   partitions concatenated equal `finmetrics normalize`'s output byte for byte,
   the totals line is its line, the reasons its stderr; each worker read the FX table once; again
   with one worker process killed while it writes a partition (Dask reruns it);
2. the same corpus read with dask.dataframe.read_csv and put through
   finmetrics.dask.normalize: every value column equals the CLI's cells;
3. the five seed articles repeated 20 times through finmetrics.dask.extract:
   the rows written as CSV equal `finmetrics extract --format csv` of each file.

Usage: dask_proof.py FINMETRICS_CLI WORK_DIR. Without ../shared it exits 77
(ctest: skipped), or 1 under CI=true. About 30-60 s on two busy cores."""
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("FINMETRICS_SHARED_DIR", ROOT.parent / "shared"))
GENERATOR = SHARED / "bench" / "gen_corpus_v2.py"
ECB = SHARED / "data" / "fx" / "ecb-eurofxref-hist.csv"
SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []
ROWS, SEED, REPEAT = 200_000, 20251206, 20


def skip(why: str) -> None:
    print(f"dask_proof: {why}")
    sys.exit(1 if os.environ.get("CI") == "true" else 77)


def check(condition: bool, what: str) -> None:
    if not condition:
        print(f"dask_proof: FAILED: {what}")
        sys.exit(1)
    print(f"dask_proof: ok: {what}")


def die_on_first_fsync(flag: str) -> None:
    """Run on one worker: its next fsync (a partition written to its temporary
    file, before the rename) ends the process, once per run (the flag file)."""
    real_fsync = os.fsync

    def fsync(fd):
        if not os.path.exists(flag):
            open(flag, "w").close()
            os._exit(1)
        real_fsync(fd)
    os.fsync = fsync


def main() -> None:
    cli, work = sys.argv[1], Path(sys.argv[2])
    if not GENERATOR.is_file() or not ECB.is_file() or len(SEEDS) != 5:
        skip(f"needs {GENERATOR}, {ECB} and the five seeds of {SHARED / 'seeds'}")
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client, LocalCluster

    import finmetrics.dask as fmd
    from finmetrics.dask._csv_job import csv_field

    work.mkdir(parents=True, exist_ok=True)
    corpus = work / f"v2-{ROWS}-{SEED}.csv"
    if not corpus.exists():  # generated once per build tree (the generator is deterministic)
        with open(f"{corpus}.tmp", "wb") as f:
            subprocess.run(["/usr/bin/python3", str(GENERATOR), str(ROWS), str(SEED)], stdout=f, check=True)
        os.replace(f"{corpus}.tmp", corpus)
    expected_file = work / "cli-out.csv"
    run = subprocess.run([cli, "normalize", "--fx", str(ECB), str(corpus), "-o", str(expected_file)],
                         capture_output=True)
    # The totals line, then (for bare `$` figures) the note on defaults: both the CLI's.
    cli_lines = run.stderr.decode().strip().splitlines()
    cli_totals = next(line for line in reversed(cli_lines) if " rows read, " in line)
    cli_note = cli_lines[-1] if cli_lines[-1] != cli_totals else ""
    cli_reasons = run.stderr[: run.stderr.rindex(b"finmetrics normalize: " + cli_totals.split(": ", 1)[1].encode())]
    check(run.returncode in (0, 1), f"finmetrics normalize ran ({cli_totals})")
    expected = expected_file.read_bytes()

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        check(len(client.scheduler_info()["workers"]) == 2, "a LocalCluster of 2 worker processes")

        # 1. CSV ranges -> partition files
        out = work / "dask-out"
        started = time.monotonic()
        reasons = []
        totals = fmd.normalize_files([str(corpus)], str(out), str(ECB), blocksize=512 << 10, reasons=reasons)
        seconds = time.monotonic() - started
        parts = sorted(os.listdir(out))
        got = b"".join((out / p).read_bytes() for p in parts)
        check(len(parts) == totals.partitions >= 10, f"{len(parts)} partitions in {seconds:.1f} s")
        check(got == expected, f"concatenated partitions == finmetrics normalize output ({len(expected)} bytes)")
        check(totals.line() == cli_totals, f"totals: {totals.line()}")
        check(totals.note() == cli_note and cli_note != "", f"the note on defaults: {cli_note}")
        check(totals.rows_read == ROWS, "every row read")
        reason_lines = cli_reasons.count(b"\n")
        check(b"".join(reasons) == cli_reasons and reason_lines > 10000,
              f"the reasons == the CLI's stderr ({reason_lines} lines)")
        loads = client.run(lambda: fmd.cache_info()["loads"])
        check(all(v.get(os.path.realpath(ECB)) == 1 for v in loads.values()) and len(loads) == 2,
              f"each worker loaded the FX table once: {sorted(v.get(os.path.realpath(ECB)) for v in loads.values())}")

        # 1b. a worker dies mid-partition: on its first fsync (the partition's temporary file written,
        # not yet renamed) one worker process exits; Dask reruns the task elsewhere.
        flag = work / "killed-once"
        flag.unlink(missing_ok=True)
        victim = sorted(client.scheduler_info()["workers"])[0]
        client.run(die_on_first_fsync, str(flag), workers=[victim])
        out_killed = work / "dask-out-killed"
        totals_killed = fmd.normalize_files([str(corpus)], str(out_killed), str(ECB), blocksize=512 << 10)
        parts = sorted(os.listdir(out_killed))
        check(flag.exists(), "a worker process died while writing a partition")
        check(b"".join((out_killed / p).read_bytes() for p in parts) == expected and all(p.startswith("part-") for p in parts)
              and totals_killed.line() == cli_totals, "after the rerun: the same bytes, the same totals, no temporary left")

        # 2. the same corpus as a Dask DataFrame
        ddf = dd.read_csv(str(corpus), blocksize=1 << 20, dtype=str, keep_default_na=False)
        frame = fmd.normalize(ddf, fx=str(ECB), max_staleness=None).compute()
        cells = pd.read_csv(expected_file, dtype=str, keep_default_na=False)
        check(ddf.npartitions >= 5, f"read_csv made {ddf.npartitions} partitions")
        same = len(frame) == len(cells) == ROWS
        for col, exact in (("currency", "currency"), ("amount", "amount"), ("low", "low"), ("high", "high"),
                           ("qualifier", "qualifier"), ("per", "per"), ("usd_value", "usd_value_exact"),
                           ("usd_low", "usd_low_exact"), ("usd_high", "usd_high_exact")):
            mine = frame[exact].astype(object).where(frame[exact].notna(), "").astype(str).tolist()
            if mine != cells[col].tolist():
                print(f"dask_proof: column {col} differs")
                same = False
        check(same, "finmetrics.dask.normalize over read_csv partitions == the CLI's cells, every column")

        # 3. extraction over the seeds, repeated
        paths = [str(p) for p in SEEDS] * REPEAT
        figures = fmd.extract(fmd.read_articles(paths, npartitions=10)).compute()
        rows = "".join(",".join(csv_field(v) for v in row) + "\n" for row in figures.itertuples(index=False))
        per_seed = {}
        for seed in SEEDS:
            text = subprocess.run([cli, "extract", str(seed), "--format", "csv"], capture_output=True, check=True).stdout
            per_seed[str(seed)] = text.decode().split("\n", 1)[1]
        check(rows == "".join(per_seed[p] for p in paths) and len(figures) >= REPEAT * len(SEEDS),
              f"extract over {len(paths)} documents ({len(figures)} figures) == finmetrics extract --format csv")


if __name__ == "__main__":
    main()
