"""finmetrics.dask: CSV ranges against `finmetrics normalize` byte for byte (every
awkward CSV shape, ranges of a few bytes), normalize over a Dask DataFrame,
extract over a bag, atomic partitions. Runs on Dask's synchronous scheduler
(one process) so that it is fast; tests/python/dask_proof.py (ctest python.dask)
runs the big corpus through a LocalCluster of two workers."""
import os
import subprocess
from pathlib import Path

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest

import finmetrics as fm
import finmetrics.dask as fmd
from finmetrics.dask import _csv_job, _worker

ROOT = Path(__file__).resolve().parents[2]
CLI = os.environ.get("FINMETRICS_CLI", str(ROOT / "build" / "src" / "cli" / "finmetrics"))
FX = str(ROOT / "data" / "fx" / "ecb-selected.csv")

ROWS = [
    "2025-03-17,Rmb81bn",
    "2025-03-17,\"HK$1,234.5mn\"",
    "2025-03-28,$11bn",
    "2025-03-17,nearly 60%",
    "2025-04-14,\"Rmb3bn-Rmb4bn\"",
    "2025-02-01,Rmb5bn",           # no fixing that old: without rate
    "2025-03-17,twelve apples",    # unparsed
    "2025-13-01,Rmb1bn",           # invalid date
    "2025-03-17,Rmb1bn,extra",     # too many fields
    "2025-03-17",                  # too few
    "2025-03-17,Rmb2\"bn",          # a stray quote
    "",                            # a blank line
    "2025-08-28,\"HK$140.9\nper share\"",  # a quoted line break
    "2025-03-17,\"US$2bn\"\"\"",    # an escaped quote
]


@pytest.fixture(autouse=True)
def synchronous():
    with dask.config.set(scheduler="synchronous"):
        yield


def cli(inputs, *options):
    out = subprocess.run([CLI, "normalize", "--quiet", "--threads", "1", "--fx", FX, *map(str, inputs), *options],
                         capture_output=True)
    assert out.returncode in (0, 1), out.stderr
    return out.stdout, totals_line_of(out.stderr)


def totals_line_of(stderr: bytes) -> str:
    """The CLI's totals line (a note on bare `$` read by default may follow it)."""
    return next(line for line in reversed(stderr.decode().strip().splitlines()) if " rows read, " in line)


def cli_reasons(inputs, *options) -> bytes:
    """The CLI's stderr without --quiet, less its totals line: the reasons."""
    out = subprocess.run([CLI, "normalize", "--threads", "1", "--fx", FX, *map(str, inputs), *options,
                          "-o", os.devnull], capture_output=True)
    assert out.returncode in (0, 1), out.stderr
    return out.stderr[: out.stderr.rindex(("finmetrics normalize: " + totals_line_of(out.stderr).split(": ", 1)[1]).encode())]


def concatenated(folder: Path) -> bytes:
    return b"".join((folder / name).read_bytes() for name in sorted(os.listdir(folder)))


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("blocksize", [3, 7, 23, 100000])
def test_ranges_concatenate_to_the_cli_output(tmp_path, newline, blocksize):
    data = ("date,figure" + newline + newline.join(ROWS * 3) + newline).encode()
    src = tmp_path / "in.csv"
    src.write_bytes(b"\xef\xbb\xbf" + data)
    expected, totals_line = cli([src])
    reasons = []
    totals = fmd.normalize_files([str(src)], str(tmp_path / "out"), FX, blocksize=blocksize, reasons=reasons)
    assert concatenated(tmp_path / "out") == expected
    assert totals.line() == totals_line
    assert b"".join(reasons) == cli_reasons([src]) and b"line 10: " in b"".join(reasons)
    assert totals.rows_read == 3 * (len(ROWS) - 1)  # the blank lines are not rows
    assert totals.partitions == -(-(len(data) + 3) // blocksize)
    if newline == "\n" and blocksize < 100:
        assert totals.reruns > 0  # the quoted line break crossed a range start and was found


def test_several_files_one_header_and_the_cli_totals(tmp_path):
    a = tmp_path / "a.csv"
    a.write_text("date,figure,note\n2025-03-17,Rmb81bn,first\n2025-03-17,\"x,y\",second\n")
    b = tmp_path / "b.csv"
    b.write_text("figure,date,note\n$11bn,2025-03-28,third\nbad row\n")
    c = tmp_path / "c.csv"
    c.write_text("2025-03-17,Rmb1bn\n")  # no header: read by position, bad header
    expected, totals_line = cli([a, b, c])
    for blocksize in (5, 1000):
        reasons = []
        totals = fmd.normalize_files([str(a), str(b), str(c)], str(tmp_path / f"out{blocksize}"), FX,
                                     blocksize=blocksize, reasons=reasons)
        assert concatenated(tmp_path / f"out{blocksize}") == expected
        assert totals.line() == totals_line
        assert b"".join(reasons) == cli_reasons([a, b, c])
    assert f"{b}: line 3: ".encode() in b"".join(reasons)
    assert totals_line.endswith("; bad header")


def test_options_reach_the_ranges(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("when,quote\n2025-03-17,Rmb81bn\n2025-03-17,HK$2bn\n2025-03-17,$5\n")
    options = ["--to", "CNY", "--digits", "6", "--scale", "bn", "--date-column", "when", "--figure-column", "quote",
               "--dollar", "HKD"]
    expected, totals_line = cli([src], *options)
    totals = fmd.normalize_files([str(src)], str(tmp_path / "out"), FX, blocksize=10,
                                 options={"to": "CNY", "digits": 6, "scale": "bn", "date_column": "when",
                                          "figure_column": "quote", "dollar": "HKD"})
    assert concatenated(tmp_path / "out") == expected
    assert b"cny_value" in expected and totals_line == totals.line()


def test_empty_input_gets_the_default_header(tmp_path):
    src = tmp_path / "empty.csv"
    src.write_bytes(b"")
    expected, totals_line = cli([src])
    totals = fmd.normalize_files([str(src)], str(tmp_path / "out"), FX)
    assert concatenated(tmp_path / "out") == expected == b"date,figure,currency,amount,low,high,qualifier,per,usd_value,usd_low,usd_high\n"
    assert totals.line() == totals_line


def test_a_rerun_replaces_partitions_and_stale_ones_go(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("date,figure\n" + "2025-03-17,Rmb81bn\n" * 50)
    out = tmp_path / "out"
    fmd.normalize_files([str(src)], str(out), FX, blocksize=100)
    many = sorted(os.listdir(out))
    (out / ".part-000001.csv.abc.tmp").write_bytes(b"half a partition")  # a worker died mid-write
    fmd.normalize_files([str(src)], str(out), FX, blocksize=1 << 20)
    assert len(many) == 10 and os.listdir(out) == ["part-000000.csv"]
    assert concatenated(out) == cli([src])[0]


def test_partitions_are_written_atomically(tmp_path, monkeypatch):
    target = tmp_path / "part-000000.csv"
    target.write_bytes(b"the previous whole partition\n")

    def disk_full(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        _csv_job.write_atomically(str(target), b"new rows\n" * 1000)
    assert target.read_bytes() == b"the previous whole partition\n"
    assert os.listdir(tmp_path) == ["part-000000.csv"]  # no temporary left behind


def test_command_line(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("date,figure\n2025-03-17,Rmb81bn\n2025-03-17,nothing\n")
    run = subprocess.run(
        [os.environ.get("PYTHON", "/usr/bin/python3"), "-m", "finmetrics.dask", "normalize", str(tmp_path / "*.csv"),
         "-o", str(tmp_path / "out"), "--fx", FX, "--workers", "0", "--blocksize", "20", "--reasons"],
        capture_output=True, text=True)
    expected, totals_line = cli([src])
    assert run.returncode == 1, run.stderr
    lines = run.stderr.splitlines()
    assert lines[-1] == totals_line == \
        "finmetrics normalize: 2 rows read, 1 converted, 0 without rate, 1 unparsed, 0 invalid"
    assert lines[0] == cli_reasons([src]).decode().strip() == \
        "line 3: 'nothing' at column 1: expected a number, found 'nothing'"
    assert lines[1].startswith("finmetrics.dask: 3 partitions") and len(lines) == 3
    assert concatenated(tmp_path / "out") == expected


def test_command_line_usage_errors(tmp_path, capsys):
    from finmetrics.dask.__main__ import main
    src = tmp_path / "in.csv"
    src.write_text("date,figure\n2025-03-17,Rmb81bn\n")
    assert main(["normalize", str(src), "-o", str(tmp_path), "--fx", FX, "--workers", "0"]) == 2
    assert "is in the output folder" in capsys.readouterr().err
    assert main(["normalize", str(src), "-o", str(tmp_path / "o"), "--fx", FX, "--workers", "0", "--to", "JPY"]) == 2
    assert "--to: 'JPY' has no rates in" in capsys.readouterr().err
    assert main(["normalize", str(tmp_path / "nothing*.csv"), "-o", str(tmp_path / "o"), "--fx", FX]) == 2
    assert "no file matches" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_normalize_over_a_dask_dataframe_equals_pandas(fx_selected):
    frame = pd.DataFrame({"date": ["2025-03-17", "2025-03-28", "2025-02-01", "2025-03-17"] * 25,
                          "figure": ["Rmb81bn", "$11bn", "Rmb5bn", "HK$3bn-HK$4bn"] * 25,
                          "n": range(100)})
    expected = fm.normalize(frame, fx_selected, status=True)
    ddf = dd.from_pandas(frame, npartitions=7)
    out = fmd.normalize(ddf, fx=FX, status=True)
    assert out.npartitions == 7 and list(out.columns) == list(expected.columns)
    got = out.compute()
    pd.testing.assert_frame_equal(got.astype(str), expected.astype(str))
    assert got.status.value_counts().to_dict() == {"converted": 75, "without_rate": 25, "unparsed": 0, "invalid": 0}
    # The table was read once in this process, whatever the number of partitions.
    assert _worker.cache_info()["loads"][os.path.realpath(FX)] == 1


def test_exact_columns_work_in_dask_operations(fx_selected):
    frame = pd.DataFrame({"date": ["2025-03-17"] * 4, "figure": ["Rmb81bn", "$3bn-$4bn", "twelve apples", "HK$1"]})
    out = fmd.normalize(dd.from_pandas(frame, npartitions=2), fx=FX)
    assert str(out.amount.dtype) == "exact_string"
    meta = dd.utils.meta_nonempty(out._meta)
    assert list(meta["amount"]) == ["1", None]
    assert out.amount.str.len().compute().tolist()[0] == 11
    assert out.amount.astype(str).compute().tolist() == ["81000000000", "None", "None", "1"]
    assert (out.low == "3000000000").compute().tolist() == [False, True, False, False]


def test_normalize_refuses_a_missing_column():
    ddf = dd.from_pandas(pd.DataFrame({"date": ["2025-03-17"], "quote": ["Rmb81bn"]}), npartitions=1)
    with pytest.raises(KeyError, match="no column 'figure'"):
        fmd.normalize(ddf, fx=FX)
    assert fmd.normalize(ddf, fx=FX, figure="quote").compute().usd_value.notna().all()


ARTICLE = ("Acme Group said on Monday that revenue rose 13% to Rmb280bn in the December quarter, "
           "while it spent Rmb81bn ($11bn) on capital expenditure.\n\nIts shares rose nearly 60% this year.\n")


def test_extract_over_a_bag_equals_the_cli(tmp_path):
    files = []
    for i in range(3):
        f = tmp_path / f"article{i}.txt"
        f.write_text(ARTICLE.replace("13%", f"{13 + i}%"))
        files.append(f)
    expected_rows = []
    header = None
    for f in files:
        out = subprocess.run([CLI, "extract", str(f), "--format", "csv"], capture_output=True, check=True).stdout
        lines = out.decode().splitlines(keepends=True)
        header = lines[0]
        expected_rows.extend(lines[1:])
    frame = fmd.extract(fmd.read_articles([str(f) for f in files], npartitions=2)).compute()
    assert header.strip() == ",".join(fmd.CLAIM_COLUMNS)
    written = "".join(",".join(_csv_job.csv_field(v) for v in row) + "\n" for row in frame.itertuples(index=False))
    assert written == "".join(expected_rows)
    assert len(frame) == len(expected_rows) >= 12
    assert list(frame.document.unique()) == ["article0.txt", "article1.txt", "article2.txt"]
    assert frame.figure.iloc[0] == "13%" and frame.figure[frame.document == "article2.txt"].iloc[0] == "15%"


def test_extract_of_bare_texts():
    frame = fmd.extract(db.from_sequence([ARTICLE, "No figures here."], npartitions=2)).compute()
    assert set(frame.document) == {""} and "Rmb81bn" in set(frame.figure)
    assert fmd.extract(db.from_sequence(["nothing"], npartitions=1)).compute().empty


def test_normalize_with_datetime_dates_and_a_loaded_table(fx_selected):
    frame = pd.DataFrame({"when": pd.to_datetime(["2025-03-17", "2025-03-28", "2025-03-30"]),
                          "quote": ["Rmb81bn", "HK$2bn", "$1bn"]})
    out = fmd.normalize(dd.from_pandas(frame, npartitions=2), fx=fx_selected, figure="quote", date="when",
                        to="CNY", digits=6).compute()
    expected = fm.normalize(frame, fx_selected, figure="quote", date="when", to="CNY", digits=6)
    assert out.cny_value_exact.tolist() == expected.cny_value_exact.tolist()
    assert out.cny_value_exact.tolist()[0] == "8.1e+10" and out.cny_value_exact.notna().all()  # %.6g, as the CLI


def test_locale_as_the_cli(tmp_path, fx_selected):
    src = tmp_path / "de.csv"
    src.write_text('date,figure\n2025-03-17,"HK$1.234,5mn"\n2025-03-17,"Rmb 2,5bn"\n2025-03-17,"$1,234"\n')
    expected, totals_line = cli([src], "--locale", "de")
    totals = fmd.normalize_files([str(src)], str(tmp_path / "out"), FX, blocksize=16, options={"locale": "de"})
    assert concatenated(tmp_path / "out") == expected and totals.line() == totals_line
    assert b",HKD,1234500000," in expected and totals.converted == 3
    frame = pd.read_csv(src, dtype=str, keep_default_na=False)
    out = fmd.normalize(dd.from_pandas(frame, npartitions=2), fx=FX, locale="de").compute()
    assert out.amount.tolist() == ["1234500000", "2500000000", "1.234"]
    with pytest.raises(ValueError, match="unknown locale 'xx'"):
        fm.normalize(frame, fx_selected, locale="xx")


def test_extract_with_a_locale_as_the_cli(tmp_path):
    f = tmp_path / "de.txt"
    f.write_text("Die Acme AG steigerte den Umsatz um 12,5% auf EUR 1.234,5 Mio. im Jahr 2024.\n")
    out = subprocess.run([CLI, "extract", str(f), "--format", "csv", "--locale", "de"], capture_output=True,
                         check=True).stdout.decode().split("\n", 1)[1]
    frame = fmd.extract(fmd.read_articles([str(f)]), locale="de").compute()
    assert "".join(",".join(_csv_job.csv_field(v) for v in row) + "\n" for row in frame.itertuples(index=False)) == out
    # `Mio.` is the German million (data/lexicon/scales.csv): was read EUR 1234.5, silently wrong
    assert frame.figure.tolist() == ["12,5%", "EUR 1.234,5 Mio"]
    assert "percent 12.5 %" in frame.notes[0] and "money 1234500000 EUR" in frame.notes[1]


def test_an_over_long_record_across_ranges(tmp_path):
    src = tmp_path / "long.csv"
    src.write_text("date,figure\n2025-03-17,Rmb81bn\n2025-03-17," + "9" * (3 << 19) + "\n2025-03-28,$11bn\n")
    expected, totals_line = cli([src])
    for blocksize in (1 << 16, 1 << 22):  # the record spans 24 ranges, or one
        reasons = []
        totals = fmd.normalize_files([str(src)], str(tmp_path / "out"), FX, blocksize=blocksize, reasons=reasons)
        assert concatenated(tmp_path / "out") == expected and totals.line() == totals_line
        assert b"".join(reasons) == cli_reasons([src]) and b"line 3: " in reasons[0]
    assert totals.invalid == 1 and totals.converted == 2
