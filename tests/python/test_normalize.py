import csv
import io
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import finmetrics as fm

ROOT = Path(__file__).resolve().parents[2]
CLI = os.environ.get("FINMETRICS_CLI", str(ROOT / "build" / "src" / "cli" / "finmetrics"))


def cli_normalize(fx: Path, figures: Path) -> list[list[str]]:
    out = subprocess.run([CLI, "normalize", "--spec", "v1", "--fx", str(fx), str(figures), "-q", "--threads", "1"],
                         capture_output=True, text=True)
    assert out.returncode in (0, 1), out.stderr
    return list(csv.reader(io.StringIO(out.stdout)))


def test_seed_figures_match_the_cli_row_for_row(root, fx_selected):
    path = root / "data" / "samples" / "seed-figures.csv"
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    out = fm.normalize(df, fx=fx_selected)
    expected = cli_normalize(root / "data" / "fx" / "ecb-selected.csv", path)
    header, rows = expected[0], expected[1:]
    assert header == ["date", "figure", "currency", "usd_value", "per_share"]
    assert len(out) == len(rows) == len(df)
    assert list(out.index) == list(df.index)
    for i, row in enumerate(rows):
        assert out["figure"].iat[i] == row[1]
        assert (out["currency"].iat[i] if isinstance(out["currency"].iat[i], str) else "") == row[2]
        assert (out["usd_value_exact"].iat[i] or "") == row[3]
        if row[3]:
            assert out["usd_value"].iat[i] == float(row[3])
        else:
            assert np.isnan(out["usd_value"].iat[i])
        if row[2]:
            assert (out["per"].iat[i] == "share") == (row[4] == "1")


def test_columns_are_the_v2_columns_with_exact_amounts(fx_selected):
    df = pd.DataFrame({"id": [7, 8, 9, 10],
                       "date": ["2025-03-17", "2025-03-17", "2025-03-17", "2025-03-17"],
                       "figure": ["Rmb81bn", "HK$140.9 per share", "€0.0577", "not a figure"]})
    out = fm.normalize(df, fx=fx_selected, reasons=True)
    assert list(out.columns) == ["id", "date", "figure", "currency", "amount", "low", "high", "qualifier", "per",
                                 "usd_value", "usd_low", "usd_high", "usd_value_exact", "usd_low_exact",
                                 "usd_high_exact", "reason"]
    assert list(out["amount"]) == ["81000000000", "140.9", "0.0577", None]
    assert list(out["currency"].astype(object).where(out["currency"].notna(), None)) == ["CNY", "HKD", "EUR", None]
    assert out["qualifier"].iat[0] == "exact"
    assert out["per"].iat[1] == "share" and pd.isna(out["per"].iat[0])
    assert out["usd_value"].dtype == np.float64
    assert out["usd_value_exact"].iat[0] == "11197593477.792288"  # 81e9 x 1.0903 / 7.8869, 17 significant digits
    assert out["reason"].iat[3] == "'not a figure' at column 1: expected a currency marker or a digit"
    assert out["reason"].iat[0] is None
    assert out.attrs["totals"] == {"rows_read": 4, "converted": 3, "without_rate": 0, "unparsed": 1, "invalid": 0}


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


def test_bad_dates_and_missing_values_stay_as_rows(fx_selected):
    df = pd.DataFrame({"date": ["2025-02-30", None, "2025-03-17"], "figure": ["$1", "$2", None]})
    out = fm.normalize(df, fx=fx_selected, reasons=True)
    assert len(out) == 3
    assert out["usd_value"].isna().all()
    assert all(isinstance(r, str) and r for r in out["reason"])
    t = out.attrs["totals"]
    assert t["rows_read"] == 3 and t["converted"] == 0
    assert t["rows_read"] == t["converted"] + t["without_rate"] + t["unparsed"] + t["invalid"]


def test_a_generated_corpus_matches_the_cli(tmp_path, ecb_path):
    gen = ROOT.parent / "shared" / "bench" / "gen_corpus.py"
    if not gen.exists():
        pytest.skip("../shared/bench/gen_corpus.py is not there")
    corpus = tmp_path / "figures.csv"
    with open(corpus, "w") as f:
        subprocess.run([sys.executable, str(gen), "20000", "7"], stdout=f, check=True)
    expected = cli_normalize(ecb_path, corpus)[1:]
    df = pd.read_csv(corpus, dtype=str, keep_default_na=False)
    out = fm.normalize(df, fx=fm.FxTable.load(str(ecb_path)))
    got = [[d, f, c if isinstance(c, str) else "", v or "", ("1" if p == "share" else "0") if isinstance(c, str) else ""]
           for d, f, c, v, p in zip(out["date"], out["figure"], out["currency"], out["usd_value_exact"], out["per"])]
    assert got == expected
