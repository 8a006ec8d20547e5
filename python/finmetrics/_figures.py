"""Figures read from text: ``parse_figure`` (one figure) and ``extract`` (every
figure in an article), as ``Figure`` objects with exact ``decimal.Decimal`` values."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from . import _core


@dataclass(frozen=True)
class Interval:
    """The values a figure allows; ``None`` for an unbounded end."""
    lower: Optional[Decimal]
    upper: Optional[Decimal]
    lower_closed: bool
    upper_closed: bool
    text: str

    @classmethod
    def _of(cls, d: Optional[dict]) -> Optional["Interval"]:
        return None if d is None else cls(**d)

    def __contains__(self, x) -> bool:
        x = Decimal(str(x))
        if self.lower is not None and (x < self.lower or (x == self.lower and not self.lower_closed)):
            return False
        if self.upper is not None and (x > self.upper or (x == self.upper and not self.upper_closed)):
            return False
        return True

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Figure:
    """One quoted figure.

    ``value`` is exact, scale applied (``Rmb81bn`` is ``Decimal('81000000000')``);
    ``interval`` the values the quote allows (its rounding combined with its
    qualifier); ``currency_source`` says how the currency was decided
    (``explicit``, ``document``, ``option``, ``default``, ``none``), with the
    marker that decided it as ``currency_evidence`` (text, span, code) for
    ``document``; ``currency_resolution`` says it in words (``stated``,
    ``context: '$' read as USD``, ``document: 'HK$92.50' names HKD``)."""
    text: str
    span: tuple
    value: Optional[Decimal] = None
    number: Optional[Decimal] = None
    scale: str = ""
    upper: Optional[Decimal] = None
    unit: str = ""
    dimension: str = ""
    currency: Optional[str] = None
    currency_resolution: str = "none"
    currency_source: str = "none"
    currency_evidence: Optional[tuple] = None
    per: Optional[str] = None
    qualifier: str = "none"
    hedge: str = "exact"
    interval: Optional[Interval] = None
    rounding_interval: Optional[Interval] = None
    # what the text states the figure is worth in other currencies, in brackets
    # after it ("Rmb81bn ($11bn)"): Figures of their own, not part of this value
    equivalents: tuple = ()
    # extract only
    kind: Optional[str] = None
    word_form: bool = False
    sentence: Optional[str] = None
    context: dict = field(default_factory=dict)

    @property
    def is_range(self) -> bool:
        return self.upper is not None

    @classmethod
    def _of(cls, d: dict) -> "Figure":
        d = dict(d)
        d["interval"] = Interval._of(d.get("interval"))
        if "rounding_interval" in d:
            d["rounding_interval"] = Interval._of(d["rounding_interval"])
        d["equivalents"] = tuple(cls._of(e) for e in d.get("equivalents", ()))
        return cls(**d)


def parse_figure(text: str, *, dollar: str = "USD", yen: Optional[str] = None, count_nouns: bool = True) -> Figure:
    """Reads ``text`` as one figure (``Rmb81bn``, ``nearly 60%``, ``$3bn-$4bn``).

    ``dollar`` is the currency of a bare ``$``; ``yen`` of a ``¥`` (an error when
    None). Raises ``finmetrics.Error`` with the position and reason."""
    return Figure._of(_core.parse_figure(text, dollar=dollar, yen=yen, count_nouns=count_nouns))


def extract(text: str, *, article_date=None, dollar: str = "USD", yen: Optional[str] = None,
            word_forms: bool = True, context: bool = True) -> list[Figure]:
    """Every figure in an article, in order, with its sentence and context
    (``context['metric'] == ('revenue', confidence, evidence)``)."""
    if article_date is not None and not isinstance(article_date, str):
        article_date = str(article_date)[:10]
    figures, _skipped, _date = _core.extract(text, article_date=article_date, dollar=dollar, yen=yen,
                                             word_forms=word_forms, context=context)
    return [Figure._of(f) for f in figures]
