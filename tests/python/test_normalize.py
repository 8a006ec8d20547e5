import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import finmetrics as fm

ROOT = Path(__file__).resolve().parents[2]
CLI = os.environ.get("FINMETRICS_CLI", str(ROOT / "build" / "src" / "cli" / "finmetrics"))
V2 = ["currency", "amount", "low", "high", "qualifier", "per", "usd_value", "usd_low", "usd_high"]


def cli_normalize(fx: Path, figures: Path, *options: str) -> list[dict]:
    out = subprocess.run([CLI, "normalize", "--fx", str(fx), str(figures), "-q", "--threads", "1", *options],
                         capture_output=True, text=True)
    assert out.returncode in (0, 1), out.stderr
    return list(csv.DictReader(io.StringIO(out.stdout)))


def as_cli_cells(out: pd.DataFrame, prefix: str = "usd") -> list[dict]:
    """The DataFrame's output columns as the CLI prints them (exact text, empty for missing)."""
    def text(v):
        return "" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)
    cols = {"currency": "currency", "amount": "amount", "low": "low", "high": "high", "qualifier": "qualifier",
            "per": "per", f"{prefix}_value": f"{prefix}_value_exact", f"{prefix}_low": f"{prefix}_low_exact",
            f"{prefix}_high": f"{prefix}_high_exact"}
    return [{k: text(out[v].iat[i]) for k, v in cols.items()} for i in range(len(out))]


def test_seed_figures_match_the_cli_cell_for_cell(root, fx_selected):
    path = root / "data" / "samples" / "seed-figures.csv"
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    out = fm.normalize(df, fx=fx_selected)
    expected = cli_normalize(root / "data" / "fx" / "ecb-selected.csv", path)
    assert len(out) == len(expected) == len(df)
    assert list(out.index) == list(df.index)
    assert as_cli_cells(out) == [{k: row[k] for k in V2} for row in expected]
    converted = out["usd_value_exact"].notna()
    assert (out.loc[converted, "usd_value"] == out.loc[converted, "usd_value_exact"].astype(float)).all()


def test_columns_are_the_v2_columns_with_exact_amounts(fx_selected):
    df = pd.DataFrame({"id": [7, 8, 9, 10, 11],
                       "date": ["2025-03-17"] * 5,
                       "figure": ["Rmb81bn", "HK$140.9 per share", "$3bn-$4bn", "about €0.0577", "not a figure"]})
    out = fm.normalize(df, fx=fx_selected, reasons=True, status=True)
    assert list(out.columns) == ["id", "date", "figure", "currency", "amount", "low", "high", "qualifier", "per",
                                 "usd_value", "usd_low", "usd_high", "usd_value_exact", "usd_low_exact",
                                 "usd_high_exact", "status", "reason"]
    assert list(out["amount"]) == ["81000000000", "140.9", None, "0.0577", None]
    assert list(out["low"]) == [None, None, "3000000000", None, None]
    assert list(out["high"]) == [None, None, "4000000000", None, None]
    assert [None if pd.isna(c) else c for c in out["currency"]] == ["CNY", "HKD", "USD", "EUR", None]
    assert [None if pd.isna(c) else c for c in out["qualifier"]] == ["exact", "exact", "range", "about", None]
    assert out["per"].iat[1] == "share" and pd.isna(out["per"].iat[0])
    assert out["usd_value"].dtype == np.float64
    assert out["usd_value_exact"].iat[0] == "11197593477.792288"  # 81e9 x 1.0903 / 7.8869, 17 significant digits
    assert out["usd_low_exact"].iat[2] == "3000000000" and np.isnan(out["usd_value"].iat[2])
    assert list(out["status"]) == ["converted", "converted", "converted", "converted", "unparsed"]
    assert out["reason"].iat[0] is None and isinstance(out["reason"].iat[4], str) and out["reason"].iat[4]
    assert out.attrs["totals"] == {"rows_read": 5, "converted": 4, "without_rate": 0, "unparsed": 1, "invalid": 0,
                                   "currency_by_default": 1}
    # status alone, without reasons (its codes are stored only when asked for);
    # the totals count every row either way
    alone = fm.normalize(df, fx=fx_selected, status=True)
    assert list(alone.columns)[-2:] == ["usd_high_exact", "status"]
    assert list(alone["status"]) == list(out["status"])
    plain = fm.normalize(df, fx=fx_selected)
    assert list(plain.columns)[-1] == "usd_high_exact"
    assert plain.attrs["totals"] == out.attrs["totals"]


def test_a_series_with_datetime_dates_and_another_currency(fx_selected):
    figures = pd.Series(["$11bn", "Rmb81bn"], index=["a", "b"], name="quote")
    dates = pd.Series(pd.to_datetime(["2025-03-17", "2025-03-17"]), index=["a", "b"])
    out = fm.normalize(figures, fx=fx_selected, date=dates, to="CNY")
    assert list(out.index) == ["a", "b"]
    assert list(out.columns[:2]) == ["quote", "currency"]
    assert out["cny_value_exact"].iat[1] == "81000000000"
    assert out["cny_value_exact"].iat[0] == "79570668623.314684"  # 11e9 x 7.8869 / 1.0903
    one_date = fm.normalize(figures, fx=fx_selected, date="2025-03-17", to="CNY")
    assert list(one_date["cny_value_exact"]) == list(out["cny_value_exact"])


def test_the_dollar_context(fx_selected):
    s = pd.Series(["$140.9"])
    assert fm.normalize(s, fx=fx_selected, date="2025-03-17")["currency"].iat[0] == "USD"
    assert fm.normalize(s, fx=fx_selected, date="2025-03-17", dollar="HKD")["currency"].iat[0] == "HKD"


def test_how_each_currency_was_decided(fx_selected):
    s = pd.Series(["$140.9", "HK$140.9", "about $3bn", "140.9"])
    out = fm.normalize(s, fx=fx_selected, date="2025-03-17", currency_source=True)
    assert [None if pd.isna(v) else v for v in out["currency_source"]] == ["default", "explicit", "default", None]
    assert out.attrs["totals"]["currency_by_default"] == 2
    said = fm.normalize(s, fx=fx_selected, date="2025-03-17", dollar="USD", currency_source=True)
    assert list(said["currency_source"][:3]) == ["option", "explicit", "option"]
    assert said.attrs["totals"]["currency_by_default"] == 0
    assert "currency_source" not in fm.normalize(s, fx=fx_selected, date="2025-03-17").columns


def test_bad_dates_and_missing_values_stay_as_rows(fx_selected):
    df = pd.DataFrame({"date": ["2025-02-30", None, "2025-03-17"], "figure": ["$1", "$2", None]})
    out = fm.normalize(df, fx=fx_selected, reasons=True)
    assert len(out) == 3
    assert out["usd_value"].isna().all()
    assert all(isinstance(r, str) and r for r in out["reason"])
    t = out.attrs["totals"]
    assert t["rows_read"] == 3 and t["converted"] == 0
    assert t["rows_read"] == t["converted"] + t["without_rate"] + t["unparsed"] + t["invalid"]


def test_a_figure_that_is_not_text_says_what_it_is(fx_selected):
    df = pd.DataFrame({"date": ["2025-03-17"] * 5, "figure": ["$5bn", 5, 2.5, b"$5", None]})
    out = fm.normalize(df, fx=fx_selected, reasons=True, status=True)
    assert list(out["status"]) == ["converted", "unparsed", "unparsed", "unparsed", "unparsed"]
    assert list(out["reason"][1:]) == [
        "a int value, not text: a figure is a str with its currency ('$5bn')",
        "a float value, not text: a figure is a str with its currency ('$5bn')",
        "a bytes value, not text: a figure is a str with its currency ('$5bn')",
        "no figure (a missing value)"]


def test_str_subclasses_and_every_kind_of_str_read_as_their_text(fx_selected):
    # np.str_ and a str subclass are not compact str objects (the first pass of
    # the copy leaves them to the general reader); 1-, 2- and 4-byte strings are
    # encoded to UTF-8.
    class Text(str):
        pass
    texts = ["$5bn", "£5m", "about €0.0577", "Rmb81bn 𝟓", "HK$140.9 per share"]
    figures = np.empty(len(texts), dtype=object)
    figures[:] = [np.str_(t) for t in texts]
    dates = np.empty(len(texts), dtype=object)
    dates[:] = [Text("2025-03-17")] * len(texts)
    out = fm.normalize(pd.DataFrame({"date": dates, "figure": figures}), fx=fx_selected, status=True)
    assert list(out["amount"]) == ["5000000000", "5000000", "0.0577", None, "140.9"]
    assert list(out["status"]) == ["converted", "without_rate", "converted", "unparsed", "converted"]
    assert list(out["usd_value_exact"]) == ["5000000000", None, "0.06291031", None, "18.133272347407311"]


@pytest.mark.parametrize("generator", ["gen_corpus.py", "gen_corpus_v2.py"])
def test_a_generated_corpus_matches_the_cli(tmp_path, ecb_path, generator):
    gen = ROOT.parent / "shared" / "bench" / generator
    if not gen.exists():
        pytest.skip(f"../shared/bench/{generator} is not there")
    corpus = tmp_path / "figures.csv"
    with open(corpus, "w") as f:
        subprocess.run([sys.executable, str(gen), "20000", "7"], stdout=f, check=True)
    expected = cli_normalize(ecb_path, corpus)
    df = pd.read_csv(corpus, dtype=str, keep_default_na=False)
    out = fm.normalize(df, fx=fm.FxTable.load(str(ecb_path)))
    assert as_cli_cells(out) == [{k: row[k] for k in V2} for row in expected]
    # The float64 columns are the nearest doubles of the exact texts (Python's
    # float() rounds correctly, as std::from_chars does).
    for number, text in (("usd_value", "usd_value_exact"), ("usd_low", "usd_low_exact"), ("usd_high", "usd_high_exact")):
        exact = [float(t) if t is not None else None for t in out[text]]
        assert [None if np.isnan(v) else v for v in out[number]] == exact, number


def test_every_kind_of_str_reads_as_the_cli_reads_its_utf8(tmp_path, fx_selected, root):
    # CPython stores str as ASCII, Latin-1, UCS-2 or UCS-4; each is read as its UTF-8 text.
    figures = ["$5m", "£5m", "about €0.0577", "HK$140.9 per share", "Rmb81bn 𝟓", "£5m"]
    corpus = tmp_path / "kinds.csv"
    corpus.write_text("date,figure\n" + "".join(f"2025-03-17,{f}\n" for f in figures), encoding="utf-8")
    expected = cli_normalize(root / "data" / "fx" / "ecb-selected.csv", corpus)
    out = fm.normalize(pd.DataFrame({"date": ["2025-03-17"] * len(figures), "figure": figures}), fx=fx_selected)
    assert as_cli_cells(out) == [{k: row[k] for k in V2} for row in expected]
    assert out["currency"].iat[2] == "EUR" and out["amount"].iat[2] == "0.0577"


def test_threads_normalizing_at_once_get_the_serial_results(fx_selected):
    # The C++ loop runs without the GIL: rows from other threads must not mix in.
    import threading
    figures = ["$%d.%02dbn" % (i % 97, i % 100) if i % 3 else "Rmb%dm" % i for i in range(5000)]
    frames = [pd.DataFrame({"date": ["2025-03-17"] * len(figures), "figure": figures[k:] + figures[:k]})
              for k in (0, 1234, 2500, 4999)]
    serial = [list(fm.normalize(f, fx=fx_selected)["usd_value_exact"]) for f in frames]
    results = [None] * len(frames)

    def run(k):
        results[k] = list(fm.normalize(frames[k], fx=fx_selected)["usd_value_exact"])
    threads = [threading.Thread(target=run, args=(k,)) for k in range(len(frames))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == serial
    assert serial[0][1] is not None and serial[0][0] is not None


def test_rows_of_long_cells_match_the_cli(tmp_path, fx_selected, root):
    """Rows whose nine cells take more than 64 bytes (split byte by byte) beside
    short ones (split 64 bytes at a time), against the CLI."""
    figures = ["Rmb1.2345678901bn-Rmb2.3456789012bn", "about HK$123,456,789,012.3456-HK$223,456,789,012.3456",
               "Rmb81bn", "$3bn-$4bn", "HK$140.9 per share", "€0.0000001234567", "twelve apples"]
    frame = pd.DataFrame({"date": ["2025-03-17"] * len(figures), "figure": figures})
    path = tmp_path / "long.csv"
    frame.to_csv(path, index=False)
    expected = cli_normalize(root / "data" / "fx" / "ecb-selected.csv", path)
    cells = [",".join(row[k] for k in V2) for row in expected]
    assert max(len(c) for c in cells) > 64 and min(len(c) for c in cells) < 64
    for exact in ("text", "str"):
        assert as_cli_cells(fm.normalize(frame, fx=fx_selected, exact=exact)) == [{k: row[k] for k in V2}
                                                                                  for row in expected]


def test_prepared_and_unprepared_tables_give_the_same_frame(root, tmp_path):
    # FxTable.load builds normalize's defaults (the per-day index, the figure
    # reader) unless prepare=False; a call with other options builds its own.
    path = str(root / "data" / "fx" / "ecb-selected.csv")
    prepared, plain = fm.FxTable.load(path), fm.FxTable.load(path, prepare=False)
    df = pd.read_csv(root / "data" / "samples" / "seed-figures.csv", dtype=str, keep_default_na=False)
    for options in ({}, {"to": "EUR"}, {"dollar": "USD"}, {"reasons": True, "status": True}):
        a, b = fm.normalize(df, fx=prepared, **options), fm.normalize(df, fx=plain, **options)
        assert a.to_csv() == b.to_csv(), options
    # A table without USD rates prepares nothing, and the call says why.
    eur_only = tmp_path / "eur_gbp_only.csv"
    eur_only.write_text("Date,GBP,\n2025-03-14,0.84,\n")
    table = fm.FxTable.load(str(eur_only))
    with pytest.raises(ValueError, match="to: 'USD' has no rates in the FX table"):
        fm.normalize(pd.DataFrame({"date": ["2025-03-14"], "figure": ["£5m"]}), fx=table)
    assert fm.normalize(pd.DataFrame({"date": ["2025-03-14"], "figure": ["£5m"]}), fx=table, to="EUR")[
        "eur_value_exact"].tolist() == ["5952380.9523809524"]


def test_exact_columns_missing_before_their_first_text_and_throughout(fx_selected):
    # An exact column's row ends are written from its first text on (zeros
    # before it), and a column without any text is all zeros (all missing).
    figures = ["$5m", "n/a", "$1m-$2m", "$3bn", "$4m to $6m"]
    out = fm.normalize(pd.DataFrame({"date": ["2025-03-17"] * 5, "figure": figures}), fx=fx_selected)
    assert list(out["low"]) == [None, None, "1000000", None, "4000000"]
    assert list(out["high"]) == [None, None, "2000000", None, "6000000"]
    assert out["low"].isna().tolist() == [True, True, False, True, False]
    assert list(out["amount"]) == ["5000000", None, None, "3000000000", None]
    plain = fm.normalize(pd.DataFrame({"date": ["2025-03-17"] * 3, "figure": ["$5m", "n/a", "€7"]}), fx=fx_selected)
    for name in ("low", "high", "usd_low_exact", "usd_high_exact"):
        column = plain[name]
        assert column.isna().all() and list(column) == [None, None, None], name
        assert column.array._offsets.tolist() == [0, 0, 0, 0], name
        assert (column == "5").tolist() == [False, False, False]
        assert list(column.take([2, 0])) == [None, None]
    assert plain["usd_low"].isna().all() and list(plain["amount"]) == ["5000000", None, "7"]


def test_a_categorical_of_more_than_127_values_widens_its_codes(fx_selected):
    # Codes are int8 (as pandas keeps them) until a 128th value comes, then int16:
    # the same values as frames small enough to stay int8.
    import string
    codes = [a + b + c for a in string.ascii_uppercase for b in string.ascii_uppercase for c in string.ascii_uppercase]
    df = pd.DataFrame({"date": ["2025-03-17"] * len(codes), "figure": [c + " 5" for c in codes]})
    out = fm.normalize(df, fx=fx_selected, status=True)
    assert out["currency"].nunique() > 127 and out["currency"].array.codes.dtype == np.int16
    assert out["status"].array.codes.dtype == np.int8
    values = lambda col: [None if pd.isna(v) else v for v in col]
    parts = [fm.normalize(df.iloc[k:k + 100], fx=fx_selected, status=True) for k in range(0, len(df), 100)]
    assert all(p["currency"].array.codes.dtype == np.int8 for p in parts)
    assert values(out["currency"]) == [v for p in parts for v in values(p["currency"])]
    assert values(out["status"]) == [v for p in parts for v in values(p["status"])]
    aed = codes.index("AED")
    assert pd.isna(out["currency"].iloc[0]) and out["currency"].iloc[aed] == "AED" and out["amount"].iloc[aed] == "5"
