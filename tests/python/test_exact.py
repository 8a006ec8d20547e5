"""normalize's exact columns as an ExactStringArray (one byte buffer, a str
made when a row is read): every way a pandas user reads a column of str gives
what the same column of str objects (``exact="str"``) gives."""
import io
import pickle
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import finmetrics as fm
from finmetrics import ExactStringArray

FIGURES = ["Rmb81bn", "HK$140.9 per share", "$3bn-$4bn", "about €0.0577", "not a figure"]
EXACT = ["amount", "low", "high", "usd_value_exact", "usd_low_exact", "usd_high_exact"]


@pytest.fixture()
def frames(fx_selected):
    df = pd.DataFrame({"id": [7, 8, 9, 10, 11], "date": ["2025-03-17"] * 5, "figure": FIGURES})
    return fm.normalize(df, fx=fx_selected), fm.normalize(df, fx=fx_selected, exact="str")


def test_exact_columns_are_exact_string_arrays_with_the_cli_text(frames):
    text, objects = frames
    for name in EXACT:
        assert str(text[name].dtype) == "exact_string", name
        assert objects[name].dtype == object, name
        assert list(text[name]) == list(objects[name]), name
    assert list(text["amount"]) == ["81000000000", "140.9", None, "0.0577", None]
    assert list(text["usd_value_exact"]) == ["11197593477.792288", "18.133272347407311", None, "0.06291031", None]
    assert list(text["usd_low_exact"]) == [None, None, "3000000000", None, None]
    assert list(text["usd_high_exact"]) == [None, None, "4000000000", None, None]
    assert text["usd_value"].dtype == np.float64


def test_reading_rows(frames):
    text, _ = frames
    a = text["amount"]
    assert a.iloc[1] == "140.9" and a.iat[0] == "81000000000" and a.iloc[-1] is None and a[3] == "0.0577"
    assert type(a.iloc[1]) is str
    assert list(a.iloc[1:4]) == ["140.9", None, "0.0577"]
    assert list(a.iloc[::-2]) == [None, None, "81000000000"]
    assert list(a.iloc[[3, 0, 0]]) == ["0.0577", "81000000000", "81000000000"]
    assert list(a.loc[a.notna()]) == ["81000000000", "140.9", "0.0577"]
    assert a.isna().tolist() == [False, False, True, False, True]
    assert list(a.reindex([4, 0, 9])) == [None, "81000000000", None]
    assert list(a.fillna("-")) == ["81000000000", "140.9", "-", "0.0577", "-"]
    assert list(a.sort_values()) == ["0.0577", "140.9", "81000000000", None, None]
    assert list(pd.concat([a.iloc[3:], a.iloc[:2]])) == ["0.0577", None, "81000000000", "140.9"]
    assert list(pickle.loads(pickle.dumps(a))) == list(a)
    assert pickle.loads(pickle.dumps(a.array))._objects is None  # list(a) above made the str objects: not pickled


def test_comparing(frames):
    text, objects = frames
    a = text["amount"]
    assert (a == "140.9").tolist() == [False, True, False, False, False]
    assert (a != "140.9").tolist() == [True, False, True, True, True]
    assert (a == ["81000000000", "x", None, "0.0577", None]).tolist() == [True, False, False, True, False]
    assert (a == objects["amount"]).tolist() == [True, True, False, True, False]  # None is not equal to None, as in pandas
    assert a.isin(["140.9", "0.0577"]).tolist() == [False, True, False, True, False]
    assert a.value_counts().to_dict() == {"81000000000": 1, "140.9": 1, "0.0577": 1}
    assert a.nunique() == 3


def test_converting(frames):
    text, objects = frames
    a = text["amount"]
    assert a.astype(str).tolist() == objects["amount"].astype(str).tolist() == ["81000000000", "140.9", "None", "0.0577",
                                                                                "None"]
    assert a.astype(object).tolist() == ["81000000000", "140.9", None, "0.0577", None]
    assert a.astype("string").tolist() == ["81000000000", "140.9", pd.NA, "0.0577", pd.NA]
    as_float = a.astype(float)
    assert as_float.dtype == np.float64 and as_float.iloc[1] == 140.9 and np.isnan(as_float.iloc[2])
    assert a.str.len().tolist()[:2] == [11, 5] and np.isnan(a.str.len().iloc[2])
    assert a.str.startswith("0.").tolist()[3] is True
    assert a.tolist() == ["81000000000", "140.9", None, "0.0577", None]  # astype("string") above changed nothing
    assert np.asarray(a).tolist() == ["81000000000", "140.9", None, "0.0577", None]


def test_printing_and_csv_as_a_column_of_str(frames):
    text, objects = frames
    assert repr(text) == repr(objects)
    assert text.to_csv() == objects.to_csv()
    assert text.to_csv(na_rep="NA").splitlines()[3].split(",")[5:8] == ["NA", "3000000000", "4000000000"]
    buf = io.StringIO()
    text[EXACT].to_csv(buf, index=False)
    assert buf.getvalue().splitlines()[1] == "81000000000,,,11197593477.792288,,"
    assert repr(text["amount"].head(2)) == "0    81000000000\n1          140.9\nName: amount, dtype: exact_string"


def test_assignment_keeps_the_other_rows(frames):
    text, _ = frames
    changed = text.copy()
    changed.loc[0, "amount"] = "5"
    changed.loc[2, "amount"] = "7.25"
    assert list(changed["amount"]) == ["5", "140.9", "7.25", "0.0577", None]
    assert str(changed["amount"].dtype) == "exact_string"
    assert list(text["amount"]) == ["81000000000", "140.9", None, "0.0577", None]  # the copy was changed, not this


def test_exact_str_and_decimal_forms(fx_selected):
    df = pd.DataFrame({"date": ["2025-03-17"] * 5, "figure": FIGURES})
    dec = fm.normalize(df, fx=fx_selected, exact="decimal")
    assert list(dec["usd_value_exact"]) == [Decimal("11197593477.792288"), Decimal("18.133272347407311"), None,
                                            Decimal("0.06291031"), None]
    assert list(dec["amount"]) == [Decimal("81000000000"), Decimal("140.9"), None, Decimal("0.0577"), None]
    assert [type(v) for v in fm.normalize(df, fx=fx_selected, exact="str")["amount"]] == [str, str, type(None), str,
                                                                                           type(None)]
    with pytest.raises(ValueError, match="exact: one of text, str, decimal"):
        fm.normalize(df, fx=fx_selected, exact="float")


def test_exact_string_array_from_strings():
    a = ExactStringArray.from_strings(["1.5", None, "-0.25", float("nan"), pd.NA, "€1"])
    assert list(a) == ["1.5", None, "-0.25", None, None, "€1"]
    assert a.isna().tolist() == [False, True, False, True, True, False]
    assert a._data.tobytes() == "1.5-0.25€1".encode()
    assert a._offsets.tolist() == [0, 3, 3, 8, 8, 8, 12]
    assert list(a.take([5, -1, 0], allow_fill=True)) == ["€1", None, "1.5"]
    assert list(a.take([-1])) == ["€1"]
    with pytest.raises(IndexError):
        a.take([6])
    with pytest.raises(ValueError, match="never empty"):
        ExactStringArray.from_strings(["1", ""])
    with pytest.raises(TypeError, match="a str, not int"):
        ExactStringArray.from_strings([1])
    with pytest.raises(ValueError, match="offsets: not within the data"):
        list(ExactStringArray(np.frombuffer(b"12", dtype=np.uint8), np.array([0, 3])))
    # One row's read checks that row's offsets only (not the whole column each time).
    partly_bad = ExactStringArray(np.frombuffer(b"12", dtype=np.uint8), np.array([0, 1, 3]))
    assert partly_bad[0] == "1"
    with pytest.raises(ValueError, match="offsets: not within the data"):
        partly_bad[1]


def test_offsets_are_int32_and_int64_alike():
    # normalize makes int32 offsets; int64 ones (past 2 GiB of text, or older
    # pickles) read the same, and the two concatenate.
    values = ["5", None, "12.25", "-0.5", None]
    narrow = ExactStringArray.from_strings(values)
    assert narrow._offsets.dtype == np.int32
    wide = ExactStringArray(narrow._data, narrow._offsets.astype(np.int64))
    assert wide._offsets.dtype == np.int64
    for a in (narrow, wide):
        assert list(a) == values and a.isna().tolist() == [False, True, False, False, True]
        assert [a[i] for i in range(5)] == values and (a == "12.25").tolist() == [False, False, True, False, False]
        assert list(a.take([4, 2, 0])) == [None, "12.25", "5"] and list(a[1:4]) == [None, "12.25", "-0.5"]
        assert list(pickle.loads(pickle.dumps(a))) == values
    both = pd.concat([pd.Series(narrow), pd.Series(wide)], ignore_index=True)
    assert list(both) == values + values and str(both.dtype) == "exact_string"


def test_a_column_widens_its_offsets_past_the_int32_limit():
    # The int32 -> int64 switch when the text may pass what int32 ends hold, seen
    # with limits of bytes instead of 2 GiB: 40 (the first reservation, 232
    # bytes for 7 rows, is past it: int64 from the start), 300 (int32 until the
    # buffer grows for the 300-byte text: the ends written so far become int64)
    # and 10,000 (int32 throughout).
    values = [None, "1234567890", None, "z" * 300, "x", None, "y" * 70]
    for limit in (40, 300, 10_000):
        data, offsets = fm._core.exact_from_strings(values, narrow_limit=limit)
        assert offsets.dtype == (np.int32 if limit == 10_000 else np.int64), limit
        assert offsets.tolist() == [0, 0, 10, 10, 310, 311, 311, 381], limit
        assert list(ExactStringArray(data, offsets)) == values, limit
