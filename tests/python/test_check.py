from decimal import Decimal

import pandas as pd

import finmetrics as fm


def test_check_the_seed_claims_with_the_bundled_data(root):
    r = fm.check(root / "data" / "alibaba" / "claims.csv", data=str(root / "data" / "alibaba"))
    assert len(r.verdicts) == 70
    # A3 (a one-sided bound no longer widened by rounding) and A60 ("nearly doubled" [1.8, 2)): docs/checking.md.
    assert r.summary == {"consistent": 24, "consistent_by_rounding": 11, "inconsistent": 6, "unverifiable": 29}  # A18, A19 within the 3% FX band
    a13 = r.verdicts.loc["A13"]
    assert a13["verdict"] == "inconsistent"
    assert a13["metric"] == "market_cap"
    assert a13["figure"] == "almost $700bn"
    f = r.findings_of("A13")[0]
    assert f.kind == "market_cap"
    assert f.verdict == "inconsistent"
    assert f.gap["absolute"] == Decimal("118549492435.92")  # USD: 118.5495bn, as the text report prints
    assert any("computed" in line for line in f.arithmetic)
    assert all(len(d) == 3 for d in f.data)


def test_check_a_dataframe_of_claims_with_an_fx_table(root, fx_selected):
    claims = pd.read_csv(root / "data" / "alibaba" / "claims.csv", dtype=str, keep_default_na=False)
    picked = claims[claims["id"].isin(["A18", "A19"])]
    r = fm.check(picked, data=str(root / "data" / "alibaba"), fx=fx_selected)
    assert list(r.verdicts.index) == ["A18", "A19"]
    assert r.fx_source.endswith("ecb-selected.csv")
    assert set(r.verdicts["verdict"]) == {"consistent"}  # within the 3% FX band (check --fx-tolerance)
    f = r.findings_of("A19")[0]
    assert f.kind == "converts"
    assert f.claimed["rounded"]["text"] == "[10500000000, 11500000000)"  # $11bn, rounded
