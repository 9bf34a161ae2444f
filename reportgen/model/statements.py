"""A claim made in prose (``Statement``): its values, which go into the
JSON, and the reader's marks on the words around it, which do not."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .tables import dec_str
from .vocabulary import DateRole, FractionSide, Measure, OutsideWhole, Stat, StatementKind, SumMode


@dataclass(frozen=True)
class StatedBand:
    """The band of scores a count is of ("từ 80% trở lên": low 80, open
    high): ``None`` for an open end; ``unit`` when the words say it."""

    low: Decimal | None
    high: Decimal | None
    unit: Measure | None = None
    text: str = ""  # the band's words as written ("từ 80% trở lên")
    above: bool = False  # the low end is left out: "trên 95%", "> 95%"

    def holds(self, value: Decimal) -> bool:
        """Whether ``value`` lies in the band: ``low ≤ value < high`` ("trên": ``low < value``)."""
        if self.low is not None and (value < self.low or (self.above and value == self.low)):
            return False
        return self.high is None or value < self.high


@dataclass
class Statement:
    """A claim made in prose. ``kind`` is one of: 'grade_count', 'evaluated_count'
    ('17/19 cơ quan'), 'sum' (a whole and its parts), 'share' (a part with its
    percent of a base), 'fraction' (x/y), 'score' (x/y points), 'percent',
    'count' (a plain count of units or dossiers), 'date' (with a role: as-of,
    until, deadline, cited, plain), 'period' (an appendix title's period),
    'section' (a numbered heading with its level), 'rank'.

    Besides the values (in the JSON), the reader marks what the checks need
    to know of the words around a claim (never in the JSON)."""

    kind: StatementKind
    text: str
    paragraph: int | None = None
    page: int | None = None
    count: int | None = None
    grade: str | None = None
    also_grades: list[str] = field(default_factory=list)  # counted with ``grade``: "Xuất sắc hoặc Tốt"
    units: list[str] = field(default_factory=list)
    value: Decimal | None = None
    whole: Decimal | None = None
    parts: list[Decimal] = field(default_factory=list)
    percent: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    date: _dt.date | None = None
    label: str | None = None  # section number "1.2.", a roman "VI"
    level: int | None = None  # a section's depth: 1 for I, II; 2 for 1.; 3 for 1.1.
    scope: str | None = None  # what the claim is about (a heading, 'cấp xã')
    role: DateRole | None = None  # a 'date' statement's role
    mode: SumMode | None = None  # a 'sum' statement's way of making its whole
    wrong_separator: bool = False  # a number written with the wrong separator ("91.86%")
    # -- the words as written, for messages --
    written: str | None = None  # the figure or date ("91.86%", "15/12/2022")
    corrected: str | None = None  # the figure with the right separator, when ``wrong_separator``
    percent_written: str | None = None  # "73,33%"
    count_written: str | None = None  # "11"
    grade_written: str | None = None  # "XS", "Tốt": a grade as the prose writes it
    grades_listed: str | None = None  # a grade count's list of units, as written
    noun: str | None = None  # what is counted: "đơn vị", "hồ sơ"
    context: str | None = None  # the words around the claim
    title: str | None = None  # a section's heading words; the group an evaluated count counts ("Khối sở, ban, ngành")
    period: str | None = None  # a 'period' statement's period (YYYY, YYYY-MM, YYYY-Qn), "" when unread
    # -- where it stands in its paragraph --
    at: int | None = None  # offset of the figure in the paragraph's text
    clause: str | None = None  # the sentence up to the figure
    before: str | None = None  # up to 200 characters before the figure
    # -- what a lone figure is about (read.statements_quantities) --
    claim: bool = False  # a measured value; a bound, threshold or target is not
    stat: Stat | None = None
    measure: Measure | None = None
    unit: str | None = None  # the table unit whose figure it is ("" when none was named)
    subject: str | None = None  # the quantity's words, to find it stated again
    tier: str | None = None  # the administrative level named before it ("xã", "huyện", "tỉnh")
    time: str | None = None  # the date or period it is of
    of_max: bool = False  # "… % số điểm tối đa"
    lost: bool = False  # "… % điểm bị trừ"
    band: StatedBand | None = None  # the band of scores a count is of (read.statements_bands)
    # -- fractions and their sums (read.statements_fractions, statements_levels) --
    fraction_parts: FractionSide | None = None  # a 'sum' of the fractions' numerators or denominators
    whole_at: int | None = None  # offset of the whole of such a sum
    parts_at: tuple[int, ...] = ()  # offsets of its parts
    parts_in: tuple[int, ...] = ()  # paragraphs of its parts when they are list items of their own
    whole_doubtful: bool = False  # another fraction before its list could be the whole as well
    whole_inferred: bool = False  # a share's whole taken from the sentence, not stated with it
    bracketed: bool = False  # a percent in brackets after its fractions
    listed: str | None = None  # the units a fraction lists after it, as written
    each: str | None = None  # the figure each of a fraction's units reached, as written
    # -- a target raised by a share (read.statements_targets) --
    of_raised: Decimal | None = None  # the first share's value
    raised_by: Decimal | None = None  # the increase
    raised_from: int | None = None  # offset of the first share
    # how a 'change' compares its figure with the earlier one: None, a difference or a relative change
    # ("tăng 2,12 điểm", "tăng 12,54%"); "times" ("tăng 1,5 lần"); "ratio" ("bằng 105,2% so với … (2.229,7)")
    compare: str | None = None
    value_at: tuple[int, int] | None = None  # (paragraph, offset) of a change's figure stated before its sentence
    data_range: bool = False  # an 'until' date that bounds what the figures cover
    # -- a claim whose whole lies outside the document (read.statements_external) --
    external: OutsideWhole | None = None  # what that whole is (a plan, an estimate, a national ranking …)

    def __post_init__(self) -> None:
        self.kind = StatementKind(self.kind)
        if self.role is not None:
            self.role = DateRole(self.role)
        if self.mode is not None:
            self.mode = SumMode(self.mode)
        if self.stat is not None:
            self.stat = Stat(self.stat)
        if self.measure is not None:
            self.measure = Measure(self.measure)
        if self.fraction_parts is not None:
            self.fraction_parts = FractionSide(self.fraction_parts)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": str(self.kind), "text": self.text}
        for name in ("paragraph", "page", "count", "grade", "label", "level", "scope"):
            v = getattr(self, name)
            if v is not None:
                out[name] = v
        if self.units:
            out["units"] = list(self.units)
        for name in ("value", "whole", "percent", "numerator", "denominator"):
            v = getattr(self, name)
            if v is not None:
                out[name] = dec_str(v)
        if self.parts:
            out["parts"] = [dec_str(p) for p in self.parts]
        if self.date is not None:
            out["date"] = self.date.isoformat()
        return out
