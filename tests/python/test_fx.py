from datetime import date
from decimal import Decimal

import pytest

import finmetrics as fm


def test_as_of_carries_its_fixings(fx_selected):
    r = fx_selected.as_of("2025-03-17", "CNY", "USD")
    assert r.kind == "derived"
    assert r.date == date(2025, 3, 17)
    assert (r.base, r.quote) == ("CNY", "USD")
    assert (r.numerator, r.denominator) == (Decimal("1.0903"), Decimal("7.8869"))
    assert [(f["base"], f["quote"], f["rate"], f["date"]) for f in r.fixings] == [
        ("EUR", "CNY", Decimal("7.8869"), date(2025, 3, 17)),
        ("EUR", "USD", Decimal("1.0903"), date(2025, 3, 17))]
    assert r.value(10) == Decimal("0.1382418948")
    assert str(r).startswith("CNY/USD on 2025-03-17 = 1.0903 / 7.8869")


def test_convert_returns_the_exact_value_and_the_rate(fx_selected):
    value, rate = fx_selected.convert("81000000000", "CNY", "USD", date(2025, 3, 17), significant_digits=12)
    assert value == Decimal("11197593477.8")
    assert rate.numerator == Decimal("1.0903")


def test_no_rate_is_an_error_with_the_reason(fx_selected):
    with pytest.raises(fm.Error) as e:
        fx_selected.as_of("1990-01-02", "CNY", "USD")
    assert e.value.code == "no_rate"


def test_average_over_a_quarter(ecb_path):
    fx = fm.FxTable.load(str(ecb_path))
    r = fx.average("CNY", "USD", "2024-10-01", "2024-12-31")
    assert r.kind == "average"
    assert r.averaging["count"] == 64
    assert r.averaging["first_fixing"] == date(2024, 10, 1)
    assert len(r.fixings) > 0
    assert round(float(r), 5) == 0.13915  # the mean the cloud_growth example prints for FY2025 Q3


def test_load_errors_name_the_file(tmp_path):
    with pytest.raises(fm.Error) as e:
        fm.FxTable.load(str(tmp_path / "missing.csv"))
    assert e.value.code == "io"
