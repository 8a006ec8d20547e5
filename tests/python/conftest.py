"""Shared fixtures of the Python package's tests (run from the repository root
by the ctest `python`, with PYTHONPATH=build/python)."""
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("FINMETRICS_SHARED_DIR", ROOT.parent / "shared"))
ECB = SHARED / "data" / "fx" / "ecb-eurofxref-hist.csv"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def ecb_path() -> Path:
    if not ECB.exists():
        pytest.skip(f"{ECB} is not there (../shared)")
    return ECB


@pytest.fixture(scope="session")
def fx_selected():
    import finmetrics as fm
    return fm.FxTable.load(str(ROOT / "data" / "fx" / "ecb-selected.csv"))


def pytest_sessionfinish(session, exitstatus):
    """A test skipped for want of ../shared is not a pass: the run exits 77, which
    ctest reports as skipped (SKIP_RETURN_CODE), and under CI=true it fails."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter is not None else 0
    if exitstatus == 0 and skipped > 0:
        session.exitstatus = 1 if os.environ.get("CI") == "true" else 77
