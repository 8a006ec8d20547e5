"""examples/python/cloud_growth.py reproduces the C++ example's table
(examples/expected/cloud_growth.txt) cell for cell."""
import os
import re
import runpy
import sys


def expected_rows(root):
    """Cells of the C++ table, cut at the columns its dashed rule marks, without
    footnote letters; the 'agree' column (a verdict, not a number) is left out."""
    lines = (root / "examples" / "expected" / "cloud_growth.txt").read_text().splitlines()
    rule = next(l for l in lines if l.startswith("---------"))
    spans = [(m.start(), m.end()) for m in re.finditer(r"-+", rule)]
    rows = {}
    for line in lines:
        if not re.match(r"^FY\d{4} Q\d  ", line):
            continue
        cells = [line[a:b + 2].strip() for a, b in spans]
        cells = [re.sub(r"\s+[a-z]$", "", c) for c in cells]  # "- a" -> "-", "117.952 h" -> "117.952"
        quarter, months, *values = cells
        del values[6]  # agree
        rows[quarter] = [months.split()[0]] + values
    return rows


def test_cloud_growth_in_pandas_matches_the_cpp_example(root, ecb_path):
    cwd, argv = os.getcwd(), sys.argv
    os.chdir(root)
    sys.argv = ["cloud_growth.py", "data/alibaba/financials.csv", str(ecb_path)]
    try:
        table = runpy.run_path(str(root / "examples" / "python" / "cloud_growth.py"), run_name="example")["table"]
    finally:
        os.chdir(cwd)
        sys.argv = argv
    expected = expected_rows(root)
    assert list(table.index) == list(expected)
    for quarter, row in table.fillna("-").iterrows():
        got = [row["months"].split()[0]] + [str(v) for v in row.drop("months")]
        assert got == expected[quarter], quarter
