"""Runs the README's pandas example exactly as written (section "From Python and pandas")."""
import contextlib
import io
import os
import re

import pytest


def readme_example(root) -> str:
    text = (root / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## From Python and pandas"):]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_readme_example_runs(root, ecb_path):
    code = readme_example(root)
    assert len(code.strip().splitlines()) <= 14
    cwd = os.getcwd()
    os.chdir(root)
    try:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            scope = {}
            exec(compile(code, "README.md", "exec"), scope)
    finally:
        os.chdir(cwd)
    printed = out.getvalue()
    assert "Rmb81bn" in printed and "CNY" in printed
    usd, growth, result = scope["usd"], scope["growth"], scope["result"]
    assert len(usd) == sum(1 for _ in open(root / "data" / "samples" / "seed-figures.csv")) - 1
    assert usd.loc[usd.figure == "Rmb81bn", "amount"].iloc[0] == "81000000000"
    assert str(growth.dropna().loc["2026Q2"]) == "0.344951"
    assert result.summary["inconsistent"] >= 1
    assert len(result.verdicts) == 70
