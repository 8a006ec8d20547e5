from decimal import Decimal

import pytest

import finmetrics as fm


def test_parse_figure_keeps_the_exact_value_and_its_interval():
    f = fm.parse_figure("Rmb81bn")
    assert f.value == Decimal("81000000000")
    assert isinstance(f.value, Decimal)
    assert f.number == Decimal("81")
    assert f.scale == "bn"
    assert f.currency == "CNY"
    assert f.currency_resolution == "stated"
    assert f.unit == "CNY"
    assert f.qualifier == "none"
    assert f.span == (0, 7)
    assert f.interval.text == "[80500000000, 81500000000)"
    assert f.interval.lower == Decimal("80500000000") and f.interval.lower_closed
    assert f.interval.upper == Decimal("81500000000") and not f.interval.upper_closed
    assert Decimal("81499999999") in f.interval and Decimal("81500000000") not in f.interval


def test_a_bare_dollar_says_it_was_read_through_the_context():
    f = fm.parse_figure("nearly $11bn")
    assert f.currency == "USD"
    assert f.currency_resolution == "context: '$' read as USD"
    assert f.qualifier == "nearly"
    assert f.hedge == "just_below"
    hk = fm.parse_figure("$140.9 per share", dollar="HKD")
    assert hk.currency == "HKD" and hk.per == "share"
    assert hk.currency_resolution == "context: '$' read as HKD"
    assert fm.parse_figure("HK$140.9").currency_resolution == "stated"


def test_ranges_and_percentages():
    r = fm.parse_figure("$3bn-$4bn")
    assert r.is_range
    assert (r.value, r.upper) == (Decimal("3000000000"), Decimal("4000000000"))
    p = fm.parse_figure("66 per cent")
    assert p.unit == "%" and p.value == Decimal("66") and p.currency is None


def test_parse_errors_are_finmetrics_errors_with_position():
    with pytest.raises(fm.Error) as e:
        fm.parse_figure("Rmb8,1bn")  # a decimal comma: read only with a locale (issue 9)
    assert e.value.code == "ambiguous"
    assert e.value.position == 4
    assert "Rmb8,1bn" in str(e.value)
    with pytest.raises(fm.Error) as e:
        fm.parse_figure("¥500")
    assert e.value.code == "ambiguous"
    assert fm.parse_figure("¥500", yen="JPY").currency_resolution == "context: '¥' read as JPY"


def test_extract_finds_the_figures_of_a_seed_sentence():
    text = "Wu has spent Rmb81bn ($11bn) on capital expenditure in the past year."
    figures = fm.extract(text, article_date="2025-03-17")
    assert [f.text for f in figures] == ["Rmb81bn", "$11bn"]
    rmb, usd = figures
    assert rmb.kind == "money" and rmb.value == Decimal("81000000000") and rmb.currency == "CNY"
    assert usd.currency == "USD" and usd.currency_resolution == "context: '$' read as USD"
    assert text[rmb.span[0]:rmb.span[1]] == "Rmb81bn"
    assert rmb.sentence == text
    assert rmb.context["metric"][0] == "capex"


def test_extract_says_how_each_currency_was_decided_with_the_library_s_account():
    # Was `currency_resolution == "stated"` for cents the document resolved: the binding
    # guessed from the figure's text instead of the extractor's currency_source.
    text = "Its shares fell 35 cents to HK$92.50 on Tuesday, while Acme Corp earned $2bn in New York."
    cents, hk, usd = fm.extract(text)
    assert (cents.currency, cents.currency_source) == ("HKD", "document")
    assert cents.currency_evidence == ("HK$92.50", (28, 36), "HKD")
    assert cents.currency_resolution == "document: 'HK$92.50' names HKD"
    assert (hk.currency_source, hk.currency_evidence, hk.currency_resolution) == ("explicit", None, "stated")
    assert (usd.currency, usd.currency_source) == ("USD", "default")
    assert usd.currency_resolution == "context: '$' read as USD"
    assert fm.parse_figure("HK$140.9").currency_source == "explicit"
    assert fm.parse_figure("$140.9", dollar="HKD").currency_source == "option"
    assert fm.parse_figure("66 per cent").currency_source == "none"


def test_parse_figure_reads_a_stated_equivalent_in_brackets():
    f = fm.parse_figure("Rmb81bn ($11bn)")
    assert (f.text, f.span, f.value, f.currency) == ("Rmb81bn ($11bn)", (0, 15), Decimal("81000000000"), "CNY")
    assert len(f.equivalents) == 1
    e = f.equivalents[0]
    assert (e.text, e.span, e.value, e.currency, e.currency_source) == (
        "$11bn", (9, 14), Decimal("11000000000"), "USD", "default")
    assert fm.parse_figure("$5bn").equivalents == ()
