"""The interpreted report: metadata, tables, prose claims, paragraphs, the
prose's form (annex references, Nơi nhận lines, headings), the grade legend
and the page layout; ``to_json`` gives the contract of docs/json.md."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from .findings import Finding
from .statements import Statement
from .tables import ScoreTable


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
    short: str | None = None  # the abbreviation the legend gives it ("XS - Xuất sắc"), as tables write it
    written: str | None = None  # the grade as the legend words it ("Hoàn thành tốt nhiệm vụ" of Tốt)


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
    grade_aliases: dict[str, str] = field(default_factory=dict)  # "XS" → "Xuất sắc": abbreviations the document defines
    # The page layout where the format keeps it (DOCX), for the ND30 check:
    # None for text, PDF and spreadsheets.
    layout: "Layout | None" = None
    # Pages the parser could not read at all (a scanned page of noise): what
    # they hold was not checked.
    unread_pages: list[int] = field(default_factory=list)
    # Paragraphs that are rows of a table no parser made a table of ("| 1 | Sở
    # Tư pháp | 91,50 |"): their figures were not checked.
    unread_rows: list[int] = field(default_factory=list)
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
