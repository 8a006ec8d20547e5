"""CSV files of any size normalized on a Dask cluster, with the output of
``finmetrics normalize`` byte for byte, cut into partitions.

Each file is cut into byte ranges of ``blocksize`` (as ``dask.dataframe.read_csv``
does); a task normalizes the records that start in its range through the
library's own CSV stream (``Normalizer.csv_range``: the CLI's quoting, its
handling of broken rows and its totals), reading past the range's end to finish
its last record, and writes them to one partition file, atomically (a temporary
file beside it, flushed, then renamed): a task that dies leaves no partition or
the previous whole one, and a rerun replaces it whole. Partition names sort in
input order, so their concatenation is the CLI's output.

A range starts after the first line feed at or after its first byte, which is a
record start unless a quoted field holds a line break across it; every task
says where its records stopped, the driver checks that the ranges tile each file
and reruns a range from the right place where they do not (rare: only quoted
line breaks across a range boundary, or files with CR line ends)."""
from __future__ import annotations

import glob
import os
import re
import tempfile
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import dask

from .. import _core
from . import _worker

TOTALS = ("rows_read", "converted", "without_rate", "unparsed", "invalid", "blank_lines", "currency_by_default")
PART = re.compile(r"^part-(\d+)\.csv$")
TEMPORARY = re.compile(r"^\.part-\d+\.csv\..*\.tmp$")


@dataclass(frozen=True)
class Job:
    """What every task needs (a few hundred bytes to ship): the FX file's path,
    the Normalizer's options, the output folder and the width of partition numbers."""
    fx: str
    options: Tuple[Tuple[str, object], ...]
    out_dir: str
    width: int
    reasons: bool = False  # keep each range's `line N: reason` lines (numbered from the range's start)
    slack: int = 1 << 16  # read this far past a range's end to finish its last record (doubled as needed)

    def part_path(self, part: int) -> str:
        return os.path.join(self.out_dir, f"part-{part:0{self.width}d}.csv")


@dataclass(frozen=True)
class Block:
    part: int
    path: str
    file_index: int
    start: int
    stop: int
    size: int  # of the file


@dataclass
class BlockResult:
    part: int
    start: Optional[int]  # where its first record starts; None: it owns no record
    end: int              # where the first record after its own starts
    totals: Dict[str, int] = field(default_factory=dict)
    bad_header: bool = False
    header_written: bool = False
    diagnostics: bytes = b""  # `line N: reason` lines, N counted from the range's data start
    lines: int = 0            # line ends from the range's start to its end (as the CSV reader counts them)


def expand_inputs(patterns: Sequence[str]) -> List[str]:
    """Files named or matched by each pattern, in argument order (each glob's
    matches sorted), as given (the CLI's names in reasons); a pattern that matches nothing is an error."""
    paths: List[str] = []
    for pattern in patterns:
        matched = sorted(glob.glob(pattern)) if glob.has_magic(pattern) else [pattern]
        if not matched:
            raise FileNotFoundError(f"no file matches '{pattern}'")
        for p in matched:
            if not os.path.isfile(p):
                raise FileNotFoundError(f"cannot read '{p}': no such file")
        paths.extend(matched)
    return paths


def plan(paths: Sequence[str], blocksize: int) -> List[Block]:
    """Byte ranges of ``blocksize`` of every non-empty file, numbered in input order."""
    blocks: List[Block] = []
    for i, path in enumerate(paths):
        path = os.path.abspath(path)  # as the workers will open it
        size = os.path.getsize(path)
        for start in range(0, size, blocksize):
            blocks.append(Block(len(blocks), path, i, start, min(start + blocksize, size), size))
    return blocks


def write_atomically(path: str, data: bytes) -> None:
    """``path`` holds ``data`` whole, or is as it was: a temporary file beside it,
    flushed to disk, renamed over it."""
    folder, name = os.path.split(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder or ".")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def header_of(job: Job, path: str) -> bytes:
    """The file's first record with its line end (the header a later range reads first)."""
    normalizer = _worker.normalizer(job.fx, job.options)
    want = job.slack
    with open(path, "rb") as f:
        while True:
            f.seek(0)
            data = f.read(want)
            r = normalizer.csv_range(data, 1, at_end=len(data) < want)
            if r["complete"]:
                return data[: r["end"]]
            want *= 4


def _first_line_start(f, start: int, stop: int) -> Optional[int]:
    """Just after the first LF in [start - 1, stop - 1), or None."""
    pos = start - 1
    f.seek(pos)
    while pos < stop - 1:
        chunk = f.read(min(1 << 16, stop - 1 - pos))
        if not chunk:
            return None
        i = chunk.find(b"\n")
        if i >= 0:
            return pos + i + 1
        pos += len(chunk)
    return None


def line_ends(data: bytes) -> int:
    """Line ends as the CSV reader counts them: LF, CRLF and a lone CR, quoted or not."""
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")


DIAGNOSTIC = re.compile(rb"^line (\d+): ", re.M)


def renumbered(diagnostics: bytes, shift: int, name: str) -> bytes:
    """A range's reasons with the line numbers of the whole file (and the file's
    name first when there are several inputs, as the CLI writes them)."""
    prefix = f"{name}: ".encode() if name else b""
    return DIAGNOSTIC.sub(lambda m: prefix + b"line %d: " % (int(m.group(1)) + shift), diagnostics)


def run_block(job: Job, block: Block, header: bytes, write_header: bool, start: Optional[int] = None) -> BlockResult:
    """Normalizes the records that start in the block (from ``start`` when given:
    a rerun from a known record start) into its partition file."""
    normalizer = _worker.normalizer(job.fx, job.options)
    with open(block.path, "rb") as f:
        if start is None:
            start = 0 if block.start == 0 else _first_line_start(f, block.start, block.stop)
        if start is None or (start >= block.stop and block.start > 0):
            write_atomically(job.part_path(block.part), b"")
            return BlockResult(block.part, None, block.start if start is None else start,
                               dict.fromkeys(TOTALS, 0))
        owned = block.stop - start
        want = owned + job.slack
        while True:
            f.seek(start)
            data = f.read(want)
            at_end = start + len(data) >= block.size
            r = normalizer.csv_range(data, owned, header=b"" if start == 0 else header, at_end=at_end,
                                     write_header=write_header and start == 0, reasons=job.reasons)
            if r["complete"]:
                break
            want *= 2
    write_atomically(job.part_path(block.part), r["output"])
    t = r["totals"]
    return BlockResult(block.part, start, start + r["end"], {k: t[k] for k in TOTALS}, t["bad_header"],
                       t["header_written"], r["diagnostics"], line_ends(data[: r["end"]]))


@dataclass
class RunTotals:
    """The CLI's totals, summed over the partitions."""
    rows_read: int = 0
    converted: int = 0
    without_rate: int = 0
    unparsed: int = 0
    invalid: int = 0
    blank_lines: int = 0
    currency_by_default: int = 0
    bad_header: bool = False
    partitions: int = 0
    reruns: int = 0

    def add(self, r: BlockResult) -> None:
        for k in TOTALS:
            setattr(self, k, getattr(self, k) + r.totals.get(k, 0))
        self.bad_header = self.bad_header or r.bad_header

    def line(self, program: str = "finmetrics normalize") -> str:
        """The totals line of ``finmetrics normalize``, to the byte."""
        return (f"{program}: {self.rows_read} rows read, {self.converted} converted, {self.without_rate} without rate, "
                f"{self.unparsed} unparsed, {self.invalid} invalid{'; bad header' if self.bad_header else ''}")

    def note(self, program: str = "finmetrics normalize") -> str:
        """The line ``finmetrics normalize`` prints after the totals when some
        figures read a bare ``$`` as USD by default; empty when none did."""
        n = self.currency_by_default
        if n == 0:
            return ""
        return (f"{program}: {n} figure{'' if n == 1 else 's'} read a bare '$' as USD by default (not stated in the "
                f"figure; --dollar CODE names another dollar, --currency-source marks each row)")

    @property
    def all_converted(self) -> bool:
        return self.converted == self.rows_read and not self.bad_header


def csv_field(value: str) -> str:
    """A CSV field as finmetrics writes it: quoted only when it holds a comma, a
    quote, CR or LF."""
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def _default_header(options: dict, date_column: str, figure_column: str) -> bytes:
    cur = str(options.get("to", "USD")).lower()
    cols = [date_column, figure_column, "currency", "amount", "low", "high", "qualifier", "per",
            f"{cur}_value", f"{cur}_low", f"{cur}_high"]
    return (",".join(csv_field(c) for c in cols) + "\n").encode()


def normalize_files(paths: Sequence[str], out_dir: str, fx: str, *, blocksize: int = 32 << 20,
                    options: Optional[dict] = None, reasons: Optional[list] = None) -> RunTotals:
    """Normalizes the CSV files ``paths`` (in order, as one input) into
    ``out_dir/part-NNNNNN.csv``, one file per byte range, with the Dask scheduler
    in effect (a ``distributed.Client`` when one is active). ``options``: the
    Normalizer's keyword arguments (``to``, ``digits``, ``date_column``, ...).
    Partition files of an earlier run that this one does not write are removed.
    ``reasons``: a list that receives the reasons of the rows not converted, as
    the CLI's stderr lines (bytes, in input order; they travel back to this
    process with the task results). Returns the totals."""
    options = dict(options or {})
    options.setdefault("max_staleness", None)  # from the table's frequency, as the CLI
    option_items = tuple(sorted(options.items()))
    os.makedirs(out_dir, exist_ok=True)
    blocks = plan(paths, blocksize)
    width = max(6, len(str(max(len(blocks) - 1, 0))))
    job = Job(os.path.abspath(fx), option_items, os.path.abspath(out_dir), width, reasons is not None)
    # The header goes into the first partition, from the first file (later files' headers are read, not written).
    header_tasks = {}
    tasks = []
    first_file = blocks[0].file_index if blocks else None
    for b in blocks:
        header = b""
        if b.start > 0:
            if b.file_index not in header_tasks:
                header_tasks[b.file_index] = dask.delayed(header_of, pure=True)(job, b.path)
            header = header_tasks[b.file_index]
        tasks.append(dask.delayed(run_block, pure=False)(job, b, header, b.file_index == first_file))
    done, header_values = dask.compute(tasks, list(header_tasks.values()))
    results: List[BlockResult] = list(done)
    headers = dict(zip(header_tasks, header_values))

    totals = RunTotals(partitions=len(blocks))
    # The ranges must tile each file: each starts where the one before stopped.
    pos = lines_before = 0
    for i, b in enumerate(blocks):
        if b.start == 0:
            pos = lines_before = 0
        r = results[i]
        owns_something = pos < b.stop
        if (r.start is None and owns_something) or (r.start is not None and r.start != pos):
            r = dask.compute(dask.delayed(run_block, pure=False)(job, b, headers.get(b.file_index, b""),
                                                                 b.file_index == first_file, pos))[0]
            results[i] = r
            totals.reruns += 1
        if r.start is not None:
            if reasons is not None and r.diagnostics:
                header_lines = 0 if r.start == 0 else line_ends(headers[b.file_index])
                reasons.append(renumbered(r.diagnostics, lines_before - header_lines,
                                          paths[b.file_index] if len(paths) > 1 else ""))
            pos = r.end
            lines_before += r.lines
        totals.add(r)
    if not any(r.header_written for r in results):  # no input had a record: the default columns, as the CLI
        first = job.part_path(0)
        body = b""
        if blocks:
            with open(first, "rb") as f:
                body = f.read()
        write_atomically(first, _default_header(options, options.get("date_column", "date"),
                                                options.get("figure_column", "figure")) + body)
        totals.partitions = max(totals.partitions, 1)
    # Partitions and temporaries of an earlier, larger run would corrupt the concatenation.
    keep = {os.path.basename(job.part_path(p)) for p in range(totals.partitions)}
    for name in os.listdir(out_dir):
        if (PART.match(name) and name not in keep) or TEMPORARY.match(name):
            os.unlink(os.path.join(out_dir, name))
    return totals
