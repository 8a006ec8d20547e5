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
