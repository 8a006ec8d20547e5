"""``check``: a claims file against reference data; verdicts as a DataFrame,
findings as objects with their arithmetic."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Optional, Union

import pandas as pd

from . import _core
from ._fx import FxTable


@dataclass(frozen=True)
class Finding:
    """One evaluated relation: its verdict, the claimed and computed intervals,
    the arithmetic (lines to redo it by hand) and every datum used with its source."""
    id: str
    kind: str
    title: str
    subject: str
    claims: list
    stated: bool
    supporting: bool
    verdict: str
    reading: Optional[str]
    unit: str
    claimed: Optional[dict]
    computed: Optional[dict]
    gap: Optional[dict]
    arithmetic: list
    data: list
    missing: list

    def __str__(self) -> str:
        lines = [f"{self.id} [{self.kind}] {self.title}", f"  => {self.verdict}"]
        lines += ["    " + a for a in self.arithmetic]
        lines += [f"  - {what}: {value} [{source}]" for what, value, source in self.data]
        return "\n".join(lines)


@dataclass
class CheckResult:
    """``verdicts``: one row per claim (claim, verdict, metric, figure, entity,
    document, reason, findings); ``findings``: ``Finding`` objects by id."""
    verdicts: pd.DataFrame
    findings: dict
    row_errors: list
    claims_source: str
    data_files: list
    fx_source: str

    def findings_of(self, claim: str) -> list:
        return [self.findings[f] for f in self.verdicts.loc[claim, "findings"]]

    @property
    def summary(self) -> dict:
        counts = self.verdicts["verdict"].value_counts()
        return {k: int(counts.get(k, 0)) for k in ("consistent", "consistent_by_rounding", "inconsistent", "unverifiable")}


def check(claims: Union[str, os.PathLike, pd.DataFrame], *, data: Optional[str] = None,
          fx: Union[FxTable, str, None] = None, shared: Optional[str] = None, max_staleness: int = 7) -> CheckResult:
    """Checks a claims CSV (a path, or a DataFrame with its columns) against the
    reference data in ``data`` (default: the claims file's folder when it holds
    issuer.json, market.csv or financials.csv; else ``data`` is required), with ``fx`` (an FxTable or
    a path) replacing the bundled fixings, and ``shared`` (../shared) adding the
    full price histories."""
    if isinstance(fx, (str, os.PathLike)):
        fx = FxTable.load(str(fx))
    if isinstance(claims, pd.DataFrame):
        out = _core.check("<DataFrame>", claims_text=claims.to_csv(index=False), data=data, shared=shared, fx=fx,
                          max_staleness=max_staleness)
    else:
        out = _core.check(str(claims), data=data, shared=shared, fx=fx, max_staleness=max_staleness)
    verdicts = pd.DataFrame(out["claims"], columns=["claim", "verdict", "metric", "figure", "entity", "document",
                                                    "reason", "findings"]).set_index("claim")
    verdicts["verdict"] = pd.Categorical(verdicts["verdict"], categories=[
        "consistent", "consistent_by_rounding", "inconsistent", "unverifiable"])
    findings = {f["id"]: Finding(**f) for f in out["findings"]}
    return CheckResult(verdicts, findings, out["row_errors"], out["claims_source"], out["data_files"], out["fx_source"])
