#!/usr/bin/python3
"""Rows per second of finmetrics.normalize beside pandas' own implementation
(../shared/bench/pandas_normalize.py) on the same rows, one core each.

Usage: PYTHONPATH=build/python /usr/bin/python3 python/bench/normalize_bench.py FX.csv FIGURES.csv
  (run under `flock /work/.bench.lock`; FIGURES.csv from ../shared/bench/gen_corpus.py 1000000 1)

Prints FxTable.load's time (it also prepares normalize's defaults: the per-day
index and the figure reader), then finmetrics.normalize on the DataFrame in
memory: CALLS calls in one process (8 unless the environment says), the first
call on its own line (a fresh process: what a user running it once sees), then
min, median and max of wall and CPU rows/s over all calls, and every call's
wall and CPU rows/s and minor page faults; then the same with read_csv and
to_csv around it (one run), and the pandas peer as a whole process (read_csv,
regex, merge_asof, to_csv; one run). The exact columns come as
ExactStringArray (their str objects are made when read: to_csv makes them);
`exact="str"` makes them in the call (one more call, reported too)."""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

import pandas as pd

import finmetrics as fm

fx_path, figures_path = sys.argv[1], sys.argv[2]
peer = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "bench", "pandas_normalize.py")
t, c = time.perf_counter(), time.process_time()
fx = fm.FxTable.load(fx_path)
print(f"FxTable.load (with normalize's defaults prepared): {time.perf_counter() - t:.3f} s wall, "
      f"{time.process_time() - c:.3f} s CPU")
df = pd.read_csv(figures_path, dtype=str, keep_default_na=False)
n = len(df)

calls = int(os.environ.get("CALLS", "8"))
walls, cpus, faults = [], [], []
out = None
for _ in range(calls):
    out = None  # the previous result is freed before the clock starts
    f = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    t, c = time.perf_counter(), time.process_time()
    out = fm.normalize(df, fx=fx)
    walls.append(time.perf_counter() - t)
    cpus.append(time.process_time() - c)
    faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - f)


def rates(seconds):
    r = sorted(n / s for s in seconds)
    return f"min {r[0]:,.0f} / median {statistics.median(r):,.0f} / max {r[-1]:,.0f}"


print(f"finmetrics.normalize, DataFrame in memory, first call of the process on {n:,} rows: "
      f"{n / walls[0]:,.0f} rows/s wall, {n / cpus[0]:,.0f} rows/s of CPU ({walls[0]:.3f} s, {faults[0]:,} page faults)")
print(f"finmetrics.normalize, DataFrame in memory, {calls} calls: rows/s wall {rates(walls)}; "
      f"rows/s of CPU {rates(cpus)}; totals {out.attrs['totals']}")
print("  every call (wall / CPU rows/s, minor page faults): "
      + "; ".join(f"{n / w:,.0f} / {n / c:,.0f} ({k:,})" for w, c, k in zip(walls, cpus, faults)))
out = None
t, c = time.perf_counter(), time.process_time()
out = fm.normalize(df, fx=fx, exact="str")
wall, cpu = time.perf_counter() - t, time.process_time() - c
print(f"finmetrics.normalize(exact='str'), DataFrame in memory: {n / wall:,.0f} rows/s wall, {n / cpu:,.0f} rows/s of CPU")
out = None

with tempfile.TemporaryDirectory() as tmp:
    t = time.perf_counter()
    frame = pd.read_csv(figures_path, dtype=str, keep_default_na=False)
    fm.normalize(frame, fx=fm.FxTable.load(fx_path)).to_csv(os.path.join(tmp, "out.csv"), index=False)
    whole = time.perf_counter() - t
    print(f"finmetrics.normalize with read_csv and to_csv: {n / whole:,.0f} rows/s ({whole:.3f} s)")
    if os.path.exists(peer):
        t = time.perf_counter()
        subprocess.run([sys.executable, peer, fx_path, figures_path, os.path.join(tmp, "peer.csv")], check=True)
        p = time.perf_counter() - t
        print(f"pandas peer (pandas_normalize.py, whole process): {n / p:,.0f} rows/s ({p:.3f} s)")
