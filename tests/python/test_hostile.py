"""Hostile input to the Python package (issue 11, the second sweep): each test
failed before its fix."""
import pandas as pd
import pytest

import finmetrics as fm


def test_a_target_currency_without_rates_is_refused_as_the_cli_refuses_it(fx_selected):
    # XXX is an ISO 4217 code ("no currency"); the table has no rate of it. Every
    # row came back without_rate, where `finmetrics normalize --to XXX` exits 2.
    df = pd.DataFrame({"date": ["2025-03-17"] * 2, "figure": ["$5", "Rmb5"]})
    with pytest.raises(ValueError, match="to: 'XXX' has no rates in the FX table"):
        fm.normalize(df, fx=fx_selected, to="XXX")
    assert fm.normalize(df, fx=fx_selected, to="CNY")["cny_value"].notna().all()


def test_a_lone_surrogate_is_that_rows_error_and_every_other_row_is_normalized(fx_selected):
    # A str CPython holds but UTF-8 cannot ("\ud800", as surrogateescape or a bad
    # JSON decode leaves it): normalize raised UnicodeEncodeError for the whole frame.
    figures = ["$5m", "\ud800$5m", "Rmb81bn", "$7m\udcff"]
    out = fm.normalize(pd.Series(figures), fx=fx_selected, date="2025-03-17", status=True, reasons=True)
    assert list(out["status"]) == ["converted", "unparsed", "converted", "unparsed"]
    assert list(out["amount"]) == ["5000000", None, "81000000000", None]
    assert out["reason"].iat[1] == ("the figure holds a lone surrogate U+D800 at character 1, "
                                    "which is not text (no UTF-8 for it)")
    assert out["reason"].iat[3] == ("the figure holds a lone surrogate U+DCFF at character 4, "
                                    "which is not text (no UTF-8 for it)")
    clean = fm.normalize(pd.Series(["$5m", "Rmb81bn"]), fx=fx_selected, date="2025-03-17")
    assert list(out["usd_value_exact"].iloc[[0, 2]]) == list(clean["usd_value_exact"])
    # In the date column likewise: that row invalid, the others converted.
    df = pd.DataFrame({"date": ["2025-03-17", "2025-03-\ud800"], "figure": ["$5m", "$6m"]})
    out = fm.normalize(df, fx=fx_selected, status=True, reasons=True)
    assert list(out["status"]) == ["converted", "invalid"]
    assert out["reason"].iat[1] == ("the date holds a lone surrogate U+D800 at character 9, "
                                    "which is not text (no UTF-8 for it)")
