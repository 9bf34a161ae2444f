"""The interpreted report: metadata, score tables bound to a scheme, prose claims.

All numbers are ``decimal.Decimal``. ``None`` in a score means "not applicable"
(the report shows ``-``). ``to_json`` gives the stable machine contract of
docs/json.md: numbers as plain decimal strings, dates ISO 8601.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any, NamedTuple

# -- closed vocabularies ---------------------------------------------------------------
# StrEnums: each value equals the string the JSON contract and older code use
# ("error", "scores", "grade_count"), so ``Severity.ERROR == "error"`` and the
# JSON is unchanged (docs/json.md).

class Severity(StrEnum):
    """How sure a finding is: an error only when sure, a doubt is a warning."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def order(self) -> int:
        """Sort key: errors first."""
        return _SEVERITY_ORDER[self]

    @property
    def label(self) -> str:
        """The one Vietnamese name, used by the text output, Word comments,
        the web pages and exports ("Lỗi", "Cảnh báo", "Thông tin")."""
        return _SEVERITY_LABEL[self]


_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_SEVERITY_LABEL = {Severity.ERROR: "Lỗi", Severity.WARNING: "Cảnh báo", Severity.INFO: "Thông tin"}


def severity_label(value: str) -> str:
    """The Vietnamese label of a severity given as a string ('info' → 'Thông tin')."""
    return Severity(value).label


def severity_order(value: str) -> int:
    try:
        return Severity(value).order
    except ValueError:
        return len(_SEVERITY_ORDER)


class TableKind(StrEnum):
    SCORES = "scores"  # bound to a scheme's indicators
    SUMMARY = "summary"  # one unit's group scores (x/y per group), turned round
    DATA = "data"  # any other table of units and numbers


class StatementKind(StrEnum):
    GRADE_COUNT = "grade_count"
    EVALUATED_COUNT = "evaluated_count"  # "17/19 cơ quan"
    SUM = "sum"  # a whole and its parts
    SHARE = "share"  # a part with its percent of a base
    FRACTION = "fraction"  # x/y
    SCORE = "score"  # x/y points
    PERCENT = "percent"
    COUNT = "count"
    DATE = "date"
    PERIOD = "period"  # an appendix title's period
    SECTION = "section"  # a numbered heading with its level
    RANK = "rank"


class NumberRole(StrEnum):
    """What a number is, which decides how its separators are read
    (``reportgen.numbers.parse_vi_number``)."""

    SCORE = "score"
    PERCENT = "percent"
    COUNT = "count"
    AUTO = "auto"


class ColumnRole(StrEnum):
    """The role of a table column besides the indicators (``read.grid.column_roles``)."""

    NO = "no"
    UNIT = "unit"
    TOTAL = "total"
    MAX = "max"
    PERCENT = "percent"
    GRADE = "grade"
    RANK = "rank"


class DateRole(StrEnum):
    """What a date in the prose is (``Statement.role`` of a 'date' statement)."""

    AS_OF = "as_of"
    UNTIL = "until"
    DEADLINE = "deadline"
    CITED = "cited"
    PLAIN = "plain"


class SumMode(StrEnum):
    """How the parts of a 'sum' statement make its whole (``Statement.mode``)."""

    PARTITION = "partition"  # "124 đơn vị (103 xã, 20 phường và 01 đặc khu)": the parts are the whole
    SUBSET = "subset"  # "120 hồ sơ (trong đó 80 hồ sơ trực tuyến …)": the parts are some of it
    BREAKDOWN = "breakdown"  # a total, then the categories listed after it: its parts only by reading


def dec_str(value: Decimal | None) -> str | None:
    """A Decimal in plain decimal form ('58.69', never '5.869E+1')."""
    if value is None:
        return None
    text = format(value, "f")
    return text


@dataclass
class Meta:
    doc_type: str | None = None  # BC, TB, CV, QĐ …
    number: str | None = None  # "405/BC-UBND" or "/BC-VPUB" when left blank
    issuer: str | None = None
    parent: str | None = None
    place: str | None = None
    date: _dt.date | None = None
    date_text: str | None = None
    period: str | None = None  # YYYY, YYYY-MM or YYYY-Qn
    subject: str | None = None
    signer: str | None = None
    authority: str | None = None  # "KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG"
    recipients: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_type": self.doc_type,
            "number": self.number,
            "issuer": self.issuer,
            "parent": self.parent,
            "place": self.place,
            "date": self.date.isoformat() if self.date else None,
            "period": self.period,
            "subject": self.subject,
            "signer": self.signer,
            "authority": self.authority,
            "recipients": list(self.recipients),
        }


@dataclass
class Column:
    key: str
    label: str
    group: str | None = None
    max: Decimal | None = None

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "group": self.group, "max": dec_str(self.max)}


@dataclass
class ScoreRow:
    unit: str
    scores: dict[str, Decimal | None] = field(default_factory=dict)
    no: str | None = None
    section: str | None = None  # "I", "II" from group rows
    section_title: str | None = None
    total: Decimal | None = None
    max: Decimal | None = None  # reported maximum ("88,9/94" → 94)
    percent: Decimal | None = None
    grade: str | None = None  # full grade name
    rank: int | None = None
    # Raw text as written, by column key and for 'total', 'max', 'percent',
    # 'grade', so checks can quote it and spot format slips.
    raw: dict[str, str] = field(default_factory=dict)
    # Extra non-score values by column label (codes, counts of generic tables).
    extra: dict[str, Any] = field(default_factory=dict)
    page: int | None = None
    source_row: int | None = None  # row index in the raw table
    source_cols: dict[str, int] = field(default_factory=dict)  # key → raw column
    grid_row: int | None = None  # index of the row in the reader's grid (ScoreTable.grid.rows)

    def to_json(self) -> dict[str, Any]:
        out = {
            "no": self.no,
            "section": self.section,
            "unit": self.unit,
            "scores": {k: dec_str(v) for k, v in self.scores.items()},
            "total": dec_str(self.total),
            "max": dec_str(self.max),
            "percent": dec_str(self.percent),
            "grade": self.grade,
            "page": self.page,
        }
        if self.rank is not None:
            out["rank"] = self.rank
        if self.extra:
            out["extra"] = {k: (dec_str(v) if isinstance(v, Decimal) else v) for k, v in self.extra.items()}
        return out


@dataclass
class ScoreTable:
    """A table of units. ``kind`` is 'scores' for a table bound to a scheme's
    indicators, 'summary' for one unit's group scores (x/y per group), or
    'data' for other tables of numbers (counts, rates) kept for generic checks."""

    index: int
    title: str | None = None
    scheme: str | None = None
    kind: TableKind = TableKind.SCORES
    columns: list[Column] = field(default_factory=list)
    rows: list[ScoreRow] = field(default_factory=list)
    page: int | None = None
    source_table: int | None = None  # index in RawDocument.tables
    # For 'data' tables: header labels and parsed cells, row-major.
    headers: list[str] = field(default_factory=list)
    # A scheme read from the table's own header (maxima written in it) when no
    # shipped scheme fits; ``scheme`` then holds its name. Not in the JSON.
    scheme_data: Any = None
    # The reader's grid (header columns and data rows as written) the table
    # was bound from, for the relations inferred from the table itself
    # (reportgen.checks.relations). None for text tables. Not in the JSON.
    grid: Any = None
    # A table turned round when read (a summary: groups as grid rows, units as
    # grid columns): (grid row, grid column) → (index in ``rows``, key) of the
    # value read from that cell, so that a relation found on the grid names the
    # cell the ledger and the findings use. Not in the JSON.
    cell_keys: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.kind = TableKind(self.kind)

    def to_json(self) -> dict[str, Any]:
        out = {
            "title": self.title,
            "scheme": self.scheme,
            "kind": str(self.kind),
            "columns": [c.to_json() for c in self.columns],
            "rows": [r.to_json() for r in self.rows],
            "page": self.page,
        }
        if self.headers:
            out["headers"] = list(self.headers)
        if self.scheme_data is not None:
            out["scheme_from_header"] = True
        return out


class Stat(StrEnum):
    """A statistic of a group a figure states ("trung bình", "cao nhất", "thấp nhất")."""

    AVG = "avg"
    MAX = "max"
    MIN = "min"


class Measure(StrEnum):
    """What a figure of the prose measures (``Statement.measure``, ``StatedBand.unit``)."""

    PERCENT = "percent"
    POINTS = "points"
    RANK = "rank"


class FractionSide(StrEnum):
    """Which side of the x/y fractions a 'sum' statement adds up
    ("tử số"/"mẫu số"; ``Statement.fraction_parts``)."""

    NUMERATOR = "num"
    DENOMINATOR = "den"


@dataclass(frozen=True)
class StatedBand:
    """The band of scores a count is of ("từ 80% trở lên": low 80, open
    high): ``None`` for an open end; ``unit`` when the words say it."""

    low: Decimal | None
    high: Decimal | None
    unit: Measure | None = None
    text: str = ""  # the band's words as written ("từ 80% trở lên")


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
    title: str | None = None  # a section's heading words
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
    whole_inferred: bool = False  # a share's whole taken from the sentence, not stated with it
    bracketed: bool = False  # a percent in brackets after its fractions
    listed: str | None = None  # the units a fraction lists after it, as written
    each: str | None = None  # the figure each of a fraction's units reached, as written
    # -- a target raised by a share (read.statements_targets) --
    of_raised: Decimal | None = None  # the first share's value
    raised_by: Decimal | None = None  # the increase
    raised_from: int | None = None  # offset of the first share
    data_range: bool = False  # an 'until' date that bounds what the figures cover

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


SEVERITIES = tuple(str(s) for s in Severity)  # ("error", "warning", "info")


@dataclass
class Finding:
    code: str
    severity: Severity
    message: str  # Vietnamese, NFC
    table: int | None = None
    row: int | None = None
    unit: str | None = None
    column: str | None = None
    reported: str | None = None
    expected: str | None = None
    page: int | None = None
    paragraph: int | None = None
    rule: str | None = None  # the kebab-case name of the rule that gave it

    def __post_init__(self) -> None:
        self.severity = Severity(self.severity)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": str(self.severity),
            "table": self.table,
            "row": self.row,
            "unit": self.unit,
            "column": self.column,
            "reported": self.reported,
            "expected": self.expected,
            "page": self.page,
            "paragraph": self.paragraph,
            "message": self.message,
        }


@dataclass
class Paragraph:
    """A prose paragraph after text repair, with its raw location."""

    text: str
    index: int
    page: int | None = None


@dataclass
class AnnexRef:
    """An appendix's "(Kèm theo Báo cáo số 405/BC-UBND ngày 17 tháng 8 năm
    2023 của UBND huyện Điện Biên)" line, read (``Report.annex_refs``)."""

    text: str
    paragraph: Paragraph
    doc_type: str | None
    number: str | None
    day: str | None
    month: str | None
    year: str | None
    issuer: str | None


class ListLine(NamedTuple):
    """One line of a list as written (with its dash), where it stands:
    a line under "Nơi nhận:" (``Report.recipient_lines``)."""

    text: str
    paragraph: Paragraph


class SectionHead(NamedTuple):
    """A numbered heading (a 'section' statement) with its numbers as
    integers: 'VI' → (6,), '1.2' → (1, 2) (``Report.sections``)."""

    statement: Statement
    numbers: tuple[int, ...]


@dataclass
class GradeBand:
    """A grade band the document states itself ("Từ 80 đến dưới 90 điểm: Tốt",
    "TỐT ≥ 80"): a rule of the document, never a count. ``unit`` says what the
    bounds measure: 'percent' or 'points' (None when the legend does not say)."""

    grade: str  # full grade name, as the document's grades are normalised
    lower: Decimal | None = None
    lower_inclusive: bool = True
    upper: Decimal | None = None
    upper_inclusive: bool = False
    unit: str | None = None
    paragraph: int | None = None
    text: str = ""


@dataclass
class Layout:
    """Paper, margins, page numbers and each paragraph's effective format
    (``formats`` by paragraph index; values are ``reportgen.raw.TextFormat``)."""

    pages: list[dict] = field(default_factory=list)  # width_mm, height_mm, top_mm, bottom_mm, left_mm, right_mm
    page_numbers: bool | None = None
    formats: dict[int, Any] = field(default_factory=dict)
    # A PDF: its own text lines (formats are keyed by their index), pages
    # measured as intervals (``<side>_range``, a ``label``), and the size of
    # each page number as (page, points).
    units: list | None = None
    source: str = "docx"
    page_number_sizes: list[tuple[int, float]] = field(default_factory=list)


@dataclass
class Report:
    source: str
    meta: Meta = field(default_factory=Meta)
    tables: list[ScoreTable] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    # Findings the reader itself produced (encoding repair, number format slips
    # seen while reading, OCR doubts); the checks add theirs to these.
    read_findings: list[Finding] = field(default_factory=list)
    # Titles of appendices / tables as read, for period checks.
    appendix_titles: list[tuple[int, str]] = field(default_factory=list)
    # Grade bands the document states (a legend in the prose or under a table);
    # empty when it states none, and the scheme's bands apply.
    grade_legend: list[GradeBand] = field(default_factory=list)
    # The page layout where the format keeps it (DOCX), for the ND30 check:
    # None for text, PDF and spreadsheets.
    layout: "Layout | None" = None
    # Pages the parser could not read at all (a scanned page of noise): what
    # they hold was not checked.
    unread_pages: list[int] = field(default_factory=list)
    # The prose's form, read with it (the rules on form use these, never the
    # reader): the appendices' "Kèm theo …" lines, the list under "Nơi nhận:"
    # as written (its "Lưu" line included), the numbered headings in order.
    annex_refs: list[AnnexRef] = field(default_factory=list)
    recipient_lines: list[ListLine] = field(default_factory=list)
    sections: list[SectionHead] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "meta": self.meta.to_json(),
            "tables": [t.to_json() for t in self.tables],
            "statements": [s.to_json() for s in self.statements],
        }
