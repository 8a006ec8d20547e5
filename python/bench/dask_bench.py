"""Scaling of finmetrics.dask on this machine (docs/scale-out.md): the same CSV
normalized by the single-process CLI (1 and N threads), by the Dask runner in
one process (no cluster), and on LocalClusters of 1 and 2 single-threaded worker
processes; then the per-task overhead (no-op tasks, and ranges of a few KiB).
Every run's output is checked against the CLI's, byte for byte.

Usage (a shared machine: take the lock, say the load):
  flock /work/.bench.lock env PYTHONPATH=build/python /usr/bin/python3 python/bench/dask_bench.py \\
      CORPUS.csv FX.csv WORK_DIR build/src/cli/finmetrics [--blocksize 16MiB] [--skip-cli]
CORPUS: e.g. /usr/bin/python3 ../shared/bench/gen_corpus_v2.py 10000000 20251206 > CORPUS.csv"""
import argparse
import hashlib
import logging
import os
import shutil
import subprocess
import time

import dask
from dask.utils import parse_bytes
from distributed import Client, LocalCluster

import finmetrics.dask as fmd


def load() -> str:
    return "load %.2f %.2f %.2f" % os.getloadavg()


def digest_of_files(paths) -> str:
    h = hashlib.sha256()
    for p in paths:
        with open(p, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 22), b""):
                h.update(chunk)
    return h.hexdigest()


def digest_of_folder(folder) -> str:
    return digest_of_files([os.path.join(folder, n) for n in sorted(os.listdir(folder))])


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("corpus")
    p.add_argument("fx")
    p.add_argument("work")
    p.add_argument("cli")
    p.add_argument("--blocksize", default="16MiB")
    p.add_argument("--skip-cli", action="store_true")
    p.add_argument("--dataframe-only", action="store_true",
                   help="only finmetrics.dask.normalize over dask.dataframe.read_csv (read and convert, no output "
                        "written), on LocalClusters of 1 and 2 workers")
    p.add_argument("--small", help="a smaller corpus (~200,000 rows) for the per-range overhead")
    a = p.parse_args()
    os.makedirs(a.work, exist_ok=True)
    size = os.path.getsize(a.corpus)
    blocksize = parse_bytes(a.blocksize)
    print(f"corpus {a.corpus}: {size / 2**20:.0f} MiB, blocksize {a.blocksize}, {os.cpu_count()} cores, {load()}")

    if a.dataframe_only:
        import dask.dataframe as dd
        for n in (1, 2):
            with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                              silence_logs=logging.ERROR) as cluster, Client(cluster):
                t = time.monotonic()
                ddf = dd.read_csv(a.corpus, blocksize=blocksize, dtype=str, keep_default_na=False)
                out = fmd.normalize(ddf, fx=a.fx, max_staleness=None, status=True)
                counts = out.status.value_counts().compute()
                s = time.monotonic() - t
                rows = int(counts.sum())
                print(f"read_csv + finmetrics.dask.normalize, {n} worker{'s' if n > 1 else ''}: "
                      f"{ddf.npartitions} partitions, {s:.1f} s, {rows / s:,.0f} rows/s  "
                      f"({dict(counts)}; {load()})")
        return
    expected = os.path.join(a.work, "cli.csv")
    rows = None
    for threads in ([] if a.skip_cli else [1, 0]):
        t = time.monotonic()
        run = subprocess.run([a.cli, "normalize", "--quiet", "--threads", str(threads), "--fx", a.fx, a.corpus,
                              "-o", expected], capture_output=True, text=True)
        s = time.monotonic() - t
        line = run.stderr.strip().splitlines()[-1]
        rows = int(line.split(": ")[1].split(" ")[0])
        print(f"CLI --threads {threads or os.cpu_count()}: {s:.1f} s, {rows / s:,.0f} rows/s  ({load()})")
    want = digest_of_files([expected])

    def runner(label):
        out = os.path.join(a.work, "out")
        shutil.rmtree(out, ignore_errors=True)
        t = time.monotonic()
        totals = fmd.normalize_files([a.corpus], out, a.fx, blocksize=blocksize)
        s = time.monotonic() - t
        same = digest_of_folder(out) == want
        print(f"{label}: {totals.partitions} tasks, {s:.1f} s, {totals.rows_read / s:,.0f} rows/s, "
              f"{'== CLI output' if same else 'DIFFERS from the CLI output'}  ({load()})")
        return s, totals

    with dask.config.set(scheduler="synchronous"):
        base, totals = runner("dask runner, no cluster (one process)")
    results = {}
    for n in (1, 2):
        t = time.monotonic()
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            print(f"LocalCluster of {n}: started in {time.monotonic() - t:.1f} s")
            results[n] = runner(f"LocalCluster {n} worker{'s' if n > 1 else ''}")[0]
            if n == 2:
                # Per-task overhead: no-op tasks through the scheduler, then ranges of 64 KiB.
                tasks = 2000
                t = time.monotonic()
                client.gather(client.map(lambda i: i, range(tasks), pure=False))
                noop = (time.monotonic() - t) / tasks
                print(f"no-op task round trip on 2 workers: {noop * 1e3:.2f} ms per task ({tasks} tasks)")
                if a.small:  # the fixed cost of a range: many small ones against two large ones
                    times = {}
                    small_size = os.path.getsize(a.small)
                    for bs in (64 << 10, -(-small_size // 2)):
                        out = os.path.join(a.work, "out-small")
                        shutil.rmtree(out, ignore_errors=True)
                        t = time.monotonic()
                        n_tasks = fmd.normalize_files([a.small], out, a.fx, blocksize=bs).partitions
                        times[bs] = (time.monotonic() - t, n_tasks)
                    (ts, ns), (tl, nl) = times.values()
                    print(f"range overhead on 2 workers: {ns} ranges of 64 KiB in {ts:.2f} s vs {nl} in {tl:.2f} s: "
                          f"{(ts - tl) / (ns - nl) * 2 * 1e3:.1f} ms per range per worker  ({load()})")
    r1, r2 = results[1], results[2]
    print(f"scaling 1 -> 2 workers: x{r1 / r2:.2f}; 1 worker vs no cluster: {r1 / base:.2f}x the time")


if __name__ == "__main__":
    main()
