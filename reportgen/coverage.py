"""What a run of the checks understood and verified: the coverage ledger.

Every table with numbers and every numeric claim in the prose has an entry.
A rule that verifies a relation on a table (a sum, a maximum, a ratio, a rank,
a grade band …) records the relation and the cells it covered; a rule that
checks a prose claim records the claim. What has no record at the end was not
understood, and the verdict says so (``CHƯA KIỂM TRA HẾT``): "ĐẠT" never means
"nothing was understood".

Cells are named by ``(row, column)`` where ``row`` is the index in
``ScoreTable.rows`` and ``column`` the column key (``"total"``, ``"max"``,
``"percent"``, ``"grade"``, ``"rank"`` or a score key) — the same names a
Finding uses.

Coverage is earned by checking, cell by cell. A cell counts as checked only
when a relation that would detect a changed value covers it: a sum, a ratio,
points from a rate, a statistics row, a rank against its column. A *bound*
(a percent at most 100, a value at most its maximum, ``x ≤ y``, a grade band
over the figure it grades, a rank order over the figure ranked) is verified
and recorded, but a typical slip (17,5 written 15,7 in a 20-point column)
stays within it: a cell only bounded is not checked. A table counts as
checked when at least one cell of it is. ĐẠT needs every figure cell of
every table checked. A claim of the prose is held to the same rule: ``x/y``
with x ≤ y, counts by grade not above their whole, a "cao nhất" within the
band of units it falls in are bounds, and a claim only bounded is not
checked (CLAIM_BOUND_RELATIONS).

A warning that doubts a figure (a sum off by more than rounding where the
table does not state its arithmetic for sure, a grade out of the table's own
order with no one row to blame, a date that disagrees with the issue date) is
an open doubt: the figures it names were checked and did not agree, so the
document is not ĐẠT either — the verdict is CHƯA KIỂM TRA HẾT until a person
decides (``Ledger.open_doubts``). Warnings about the document's form (layout,
number and date format, numbering) and the coverage notes themselves are not
doubts about figures (FORM_CODES).

Not every number in a table is a figure to check: an ordinal (STT, 1..n in
row order), a year (integers 1900–2100 under a "Năm"/"year" header, or the
same year on every row), an identifier or a code (a header that is an id, a
"Mã", a "Loại", "Cấp" code, integers only). These are decided by the
column's own structure (its header and its values), listed per table as
``not_figures`` and left out of the cell counts.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable

from .model import StatementKind

Cell = tuple[int, str]

# The three verdicts, and what each means for a clerk.
PASSED, FAILED, INCOMPLETE = "ĐẠT", "KHÔNG ĐẠT", "CHƯA KIỂM TRA HẾT"

# Statements that state a relation between numbers the document can be held
# to: a part and its whole with a percent, a whole and its parts, x/y, a count
# of units by grade, an evaluated count; and a lone figure that states a
# measured value ("tỷ lệ hồ sơ đúng hạn đạt 98,5%", "trung bình 85,12 điểm",
# marked ``Statement.claim`` by the reader), checked where another claim or a
# table gives the same quantity. A bound or a target ("từ 80% trở lên",
# "chỉ tiêu 100%") is a rule, not a claim.
# A ``count`` is a claim when it counts the units of a band ("15 xã đạt từ 80
# điểm trở lên", read.statements_bands); a count that is only a number
# written with the wrong separator is not.
CLAIM_KINDS = ("share", "sum", "fraction", "score", "rank", "grade_count", "evaluated_count", "percent", "count")

# Relations that only bound a figure: verified and recorded, but a changed
# value within the bound passes, so the cells they cover are not checked by
# them (see the module's docstring). A rule may also pass ``bound=True``.
BOUND_RELATIONS = frozenset({
    "percent-at-most-100", "value-at-most-header-max", "value-at-most-row-max",
    "fraction-bound", "score-max",
})
# The same for a claim of the prose: a relation that only bounds the claimed
# figure (x ≤ y, counts by grade not above the whole, a statistic within the
# band of units it falls in) is recorded, but a slip within the bound passes,
# so it does not make the claim checked.
CLAIM_BOUND_RELATIONS = frozenset({"fraction-bound", "grade-counts-within-whole", "stat-within-bands"})


# Codes whose warnings concern the document's form or what was read, not
# whether its figures agree: they never keep a document from ĐẠT. Every other
# code's warning is an open doubt about a figure (a new rule's code is one
# unless it is added here). LAYOUT_* codes are form by their prefix.
FORM_CODES = frozenset({
    "NUMBER_FORMAT", "DATE_FORMAT", "NOI_NHAN_FORMAT", "SECTION_NUMBERING", "ENCODING_REPAIRED",
    "SCHEME_FROM_HEADER", "SCHEME_MISMATCH",
    # coverage notes: what they say is already in the ledger
    "TABLE_UNCHECKED", "COLUMN_UNCHECKED", "CLAIM_UNCHECKED", "NOTHING_CHECKED", "PAGE_UNREAD",
})


def doubts_a_figure(code: str, severity: str) -> bool:
    """Whether a finding is an open doubt about the document's figures: a
    warning of a code that compares figures (see FORM_CODES)."""
    return severity == "warning" and code not in FORM_CODES and not code.startswith("LAYOUT_")


@dataclass
class TableEntry:
    """One table with numbers: which of its cells were covered, by what."""

    index: int
    title: str | None = None
    page: int | None = None
    numeric_cells: set[Cell] = field(default_factory=set)  # the figures (not_figures left out)
    checked_cells: set[Cell] = field(default_factory=set)  # covered by a relation that detects a change
    bounded_cells: set[Cell] = field(default_factory=set)  # covered by a bound (not checked by it)
    relations: set[str] = field(default_factory=set)  # names of relations verified on it
    doubts: list[str] = field(default_factory=list)  # Vietnamese: why a relation was not decided
    cell_relations: dict[Cell, set[str]] = field(default_factory=dict, repr=False)  # cell → relations over it
    not_figures: dict[str, str] = field(default_factory=dict)  # column key → why it is no figure (Vietnamese)

    @property
    def checked(self) -> bool:
        """At least one of its figures is covered by a relation that would
        detect a change (a table only bounded is not checked)."""
        return bool(self.checked_cells & self.numeric_cells)

    def unchecked_cells(self) -> set[Cell]:
        return self.numeric_cells - self.checked_cells


@dataclass
class ClaimEntry:
    """One numeric claim of the prose (a Statement)."""

    statement: int
    text: str
    paragraph: int | None = None
    page: int | None = None
    relations: set[str] = field(default_factory=set)
    figure: str = ""  # the claim's own words ("11/15 cơ quan", "73,33%"); ``text`` is its sentence

    @property
    def checked(self) -> bool:
        """A relation that would detect a changed figure was verified on it
        (a bound alone does not check a claim: CLAIM_BOUND_RELATIONS)."""
        return bool(self.relations - CLAIM_BOUND_RELATIONS)

    @property
    def bounds(self) -> list[str]:
        """The bounds verified on it, when nothing else was."""
        return sorted(self.relations & CLAIM_BOUND_RELATIONS)


@dataclass
class Ledger:
    """Filled while the checks run; read by the verdict and the outputs."""

    tables: dict[int, TableEntry] = field(default_factory=dict)
    claims: dict[int, ClaimEntry] = field(default_factory=dict)
    _statement_ids: dict[int, int] = field(default_factory=dict, repr=False)
    # A percent or a fraction that is the figure of a share (or of a count
    # by grade) is one claim with it: statement index → the claim's index.
    _member_of: dict[int, int] = field(default_factory=dict, repr=False)
    # Pages nothing could be read from (a scanned page of noise): not checked.
    unread_pages: list[int] = field(default_factory=list)
    # Warnings that doubt a figure, by code (``note_doubts``): not ĐẠT while any.
    open_doubts: dict[str, int] = field(default_factory=dict)

    def add_table(self, index: int, title: str | None, page: int | None,
                  numeric_cells: Iterable[Cell]) -> TableEntry:
        entry = self.tables.setdefault(index, TableEntry(index, title, page))
        entry.numeric_cells.update(numeric_cells)
        return entry

    def add_claim(self, statement: int, text: str, paragraph: int | None = None,
                  page: int | None = None) -> ClaimEntry:
        return self.claims.setdefault(statement, ClaimEntry(statement, text, paragraph, page))

    def table_checked(self, index: int, relation: str, cells: Iterable[Cell] = (), *,
                      bound: bool = False) -> None:
        """Record that ``relation`` was verified on table ``index`` over ``cells``
        (whether or not it found a slip: a slip is a checked cell too). A
        bound (``bound=True``, or a relation of BOUND_RELATIONS) is recorded
        but checks no cell."""
        entry = self.tables.setdefault(index, TableEntry(index))
        entry.relations.add(relation)
        bound = bound or relation in BOUND_RELATIONS
        for cell in cells:
            (entry.bounded_cells if bound else entry.checked_cells).add(cell)
            entry.cell_relations.setdefault(cell, set()).add(relation)

    def table_doubt(self, index: int, reason: str) -> None:
        self.tables.setdefault(index, TableEntry(index)).doubts.append(reason)

    def claim_checked(self, statement: int, relation: str) -> None:
        """Record ``relation`` on statement ``statement`` (an index in
        ``Report.statements``): the claim it belongs to is checked."""
        key = self._member_of.get(statement, statement)
        entry = self.claims.setdefault(key, ClaimEntry(key, ""))
        entry.relations.add(relation)

    def statement_checked(self, statement, relation: str) -> None:
        """Record ``relation`` on a Statement of the registered report (found
        by identity, so rules need not carry indices)."""
        index = self._statement_ids.get(id(statement))
        if index is not None:
            self.claim_checked(index, relation)

    # -- registration and totals ------------------------------------------------

    def register(self, report) -> None:
        """Enter every table with numbers, every numeric claim and every
        unread page of ``report``."""
        self.unread_pages = list(getattr(report, "unread_pages", ()))
        for table in report.tables:
            cells = numeric_cells(table)
            exempt = not_figures(table, cells)
            figures = {c for c in cells if c[1] not in exempt}
            if figures:
                entry = self.add_table(table.index, table.title, table.page, figures)
                entry.not_figures.update(exempt)
        self._statement_ids = {id(st): i for i, st in enumerate(report.statements)}
        for i, st, members in claim_statements(report):
            entry = self.add_claim(i, st.context or st.text, st.paragraph, st.page)
            entry.figure = entry.figure or claim_words(st)
            for m in members:
                self._member_of[m] = i

    def note_doubts(self, findings: Iterable) -> None:
        """Count the final findings that are open doubts about figures
        (``doubts_a_figure``)."""
        self.open_doubts = {}
        for f in findings:
            if doubts_a_figure(f.code, str(f.severity)):
                self.open_doubts[f.code] = self.open_doubts.get(f.code, 0) + 1

    def unchecked_tables(self) -> list[TableEntry]:
        return [t for t in sorted(self.tables.values(), key=lambda t: t.index)
                if t.numeric_cells and not t.checked]

    def unchecked_claims(self) -> list[ClaimEntry]:
        return [c for c in sorted(self.claims.values(), key=lambda c: c.statement) if c.text and not c.checked]

    def totals(self) -> dict[str, tuple[int, int]]:
        """(checked, total) for tables, numeric cells and claims."""
        tables = [t for t in self.tables.values() if t.numeric_cells]
        cells = sum(len(t.numeric_cells) for t in tables)
        checked_cells = sum(len(t.checked_cells & t.numeric_cells) for t in tables)
        claims = [c for c in self.claims.values() if c.text]
        return {"tables": (sum(1 for t in tables if t.checked), len(tables)),
                "cells": (checked_cells, cells),
                "claims": (sum(1 for c in claims if c.checked), len(claims))}

    @property
    def anything_checked(self) -> bool:
        """Whether at least one table or one claim with numbers was checked: a
        document from which nothing numeric was understood (a scan read badly,
        a letter with no figures) is never ĐẠT."""
        return any(t.checked for t in self.tables.values() if t.numeric_cells) or \
            any(c.checked for c in self.claims.values() if c.text)

    def partly_checked_tables(self) -> list[TableEntry]:
        """Tables checked in part: some of their figures no relation checked."""
        return [t for t in sorted(self.tables.values(), key=lambda t: t.index)
                if t.numeric_cells and t.checked and t.unchecked_cells()]

    @property
    def complete(self) -> bool:
        """ĐẠT's condition: every figure cell of every table and every numeric
        claim checked, no page left unread, no open doubt about a figure (and
        something checked at all)."""
        return (not self.unchecked_tables() and not self.partly_checked_tables()
                and not self.unchecked_claims() and not self.unread_pages and not self.open_doubts
                and self.anything_checked)

    def line(self) -> str:
        """'Đã kiểm tra 5/7 bảng, 412/430 ô số, 38/41 nhận định.'"""
        t = self.totals()
        line = (f"Đã kiểm tra {t['tables'][0]}/{t['tables'][1]} bảng, {t['cells'][0]}/{t['cells'][1]} ô số, "
                f"{t['claims'][0]}/{t['claims'][1]} nhận định.")
        doubts = sum(self.open_doubts.values())
        if doubts:
            line += (f" Còn {doubts} cảnh báo về số liệu chưa kết luận được đúng hay sai "
                     "(cần đối chiếu thủ công).")
        return line

    def to_json(self) -> dict[str, Any]:
        t = self.totals()
        return {
            "tables": {"checked": t["tables"][0], "total": t["tables"][1]},
            "cells": {"checked": t["cells"][0], "total": t["cells"][1]},
            "claims": {"checked": t["claims"][0], "total": t["claims"][1]},
            "open_doubts": dict(sorted(self.open_doubts.items())),
            "by_table": [{
                "table": e.index, "title": e.title, "page": e.page, "checked": e.checked,
                "relations": sorted(e.relations),
                "cells": {"checked": len(e.checked_cells & e.numeric_cells), "total": len(e.numeric_cells)},
                "doubts": list(e.doubts),
                "not_figures": [{"column": k, "reason": v} for k, v in sorted(e.not_figures.items())],
            } for e in sorted(self.tables.values(), key=lambda e: e.index) if e.numeric_cells],
            "unchecked_claims": [{"statement": c.statement, "paragraph": c.paragraph, "page": c.page,
                                  "text": c.text} for c in self.unchecked_claims()],
            "unread_pages": list(self.unread_pages),
        }


def verdict(has_error: bool, ledger: Ledger) -> str:
    if has_error:
        return FAILED
    return PASSED if ledger.complete else INCOMPLETE


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (Decimal, int, float)):
        return True
    if isinstance(value, str):
        text = value.strip().rstrip("%").strip()
        return bool(text) and any(ch.isdecimal() for ch in text) and all(
            ch.isdecimal() or ch in ".,/ -" for ch in text)
    return False


def numeric_cells(table) -> set[Cell]:
    """The cells of a ScoreTable that hold numbers, named as findings name
    them: a score key, 'total', 'max', 'percent', 'rank', or an extra
    column's label (the ``x/y`` denominators kept as ``label_of`` belong to
    their cell and are not counted apart)."""
    out: set[Cell] = set()
    for i, row in enumerate(table.rows):
        sources = getattr(row, "source_cols", None) or {}
        for key, value in row.scores.items():
            if value is not None:
                out.add((i, key))
        scored = {sources[k] for k in sources
                  if k not in ("total", "max", "percent", "rank", "grade") and (k in row.scores or k in row.extra)}
        for key in ("total", "max", "percent", "rank"):
            if getattr(row, key) is None or (key in sources and sources[key] in scored):
                continue  # a role kept also as a score (the same cell) is counted once
            if key == "max" and "max" not in row.raw and "/" in str(row.raw.get("total", "")):
                continue  # the y of a total written x/y belongs to its cell
            if row.raw and key not in row.raw and key not in sources and "total" not in row.raw:
                continue  # not written: the reader's copy of a score's x/y (62,84/100 as total and max)
            out.add((i, key))
        for label, value in row.extra.items():
            label = str(label)
            if label.endswith("_of") or label in row.scores:
                continue
            if _is_number(value):
                out.add((i, label))
    return out


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn").casefold()


_ID_WORDS = {"id", "ma", "stt", "tt", "code", "loai", "type", "cap"}
_YEAR_WORDS = {"nam", "year"}


def _integer(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value).strip()) if not isinstance(value, Decimal) else value
    except (InvalidOperation, ValueError):
        return None
    return int(number) if number.is_finite() and number == number.to_integral_value() else None


def _cell_value(row, key: str) -> Any:
    if key in row.scores:
        return row.scores[key]
    if key in ("total", "max", "percent", "rank"):
        return getattr(row, key)
    return row.extra.get(key)


def _label_of(table, key: str) -> str:
    for col in table.columns:
        if col.key == key:
            return col.label or key
    return key


def not_figures(table, cells: Iterable[Cell] | None = None) -> dict[str, str]:
    """The columns of ``table`` whose numbers are no figure to check, decided
    by structure: column key → the reason (Vietnamese).

    - an ordinal: whole numbers 1, 2, 3 … in row order (an STT read as numbers);
    - an identifier or a code: a short header that names one (ID, Mã, STT,
      Loại, Cấp, code, type, or a word ending in "id") over whole numbers;
    - a year: whole numbers from 1900 to 2100 under a "Năm"/"year" header,
      or the same such number on every row.
    A rank, a total, a percent or a maximum is always a figure, and so is a
    column headed as a rank ("Thứ hạng")."""
    cells = numeric_cells(table) if cells is None else cells
    by_key: dict[str, list[int]] = {}
    for r, key in sorted(cells):
        if key in ("total", "max", "percent", "rank"):
            continue
        by_key.setdefault(key, []).append(r)
    out: dict[str, str] = {}
    for key, rows in by_key.items():
        values = [_integer(_cell_value(table.rows[r], key)) for r in rows]
        if any(v is None for v in values):
            continue
        words = [w for w in re.split(r"[^0-9a-z]+", _plain(_label_of(table, key))) if w]
        if words and len(words) <= 4 and any(w in _ID_WORDS or (len(w) > 2 and w.endswith("id")) for w in words):
            out[key] = "mã, số hiệu hoặc số thứ tự, không phải số liệu"
        elif len(values) >= 3 and values == list(range(values[0], values[0] + len(values))) and values[0] in (0, 1) \
                and not any(w in ("hang", "rank") for w in words):
            out[key] = "số thứ tự 1, 2, 3 … theo dòng, không phải số liệu"
        elif all(1900 <= v <= 2100 for v in values) and (
                any(w in _YEAR_WORDS for w in words) or (len(set(values)) == 1 and len(values) >= 2)):
            out[key] = "năm, không phải số liệu"
    return out


def _vi(value) -> str:
    from .numbers import format_vi, places_of

    value = Decimal(value)
    return format_vi(value, places_of(value))


def claim_words(st) -> str:
    """The claim in a few words, as a clerk names it: its figures and what
    they count ("11/15 đơn vị xếp loại Tốt", "20 cơ quan được đánh giá",
    "12.490 trên 13.597, chiếm 91,86%"), not the sentence it is in; a lone
    figure as written ("75/100", "61,69%")."""
    try:
        count = st.count_written or (str(st.count) if st.count is not None else "")
        of = f"/{_vi(st.denominator)}" if st.denominator is not None else ""
        noun = st.noun or "đơn vị"
        grade = st.grade_written or st.grade
        if st.kind == StatementKind.GRADE_COUNT and count and grade:
            return f"{count}{of} {noun} xếp loại {grade}"
        if st.kind == StatementKind.EVALUATED_COUNT and count:
            return f"{count}{of} {noun} được đánh giá"
        if st.kind == StatementKind.SHARE and st.value is not None and st.whole and st.percent is not None:
            return f"{_vi(st.value)} trên {_vi(st.whole)}, chiếm {_vi(st.percent)}%"
        if st.kind == StatementKind.SUM and st.whole is not None and st.parts:
            return f"{_vi(st.whole)} = {' + '.join(_vi(p) for p in st.parts)}"
    except (ArithmeticError, ValueError, TypeError):
        pass
    return st.text


def _figure_of(st, claim) -> bool:
    """Whether statement ``st`` is a figure of ``claim`` (same paragraph): the
    percent or the x/y of a share, the x/y of a count by grade or of an
    evaluated count ("đánh giá đối với 17/19 cơ quan")."""
    if st is claim or st.paragraph != claim.paragraph:
        return False
    if claim.kind == StatementKind.SHARE:
        if st.kind == StatementKind.PERCENT and st.percent == claim.percent:
            return True
        return st.kind in (StatementKind.FRACTION, StatementKind.SCORE) and st.numerator == claim.value \
            and st.denominator == claim.whole
    if claim.kind in (StatementKind.GRADE_COUNT, StatementKind.EVALUATED_COUNT) and claim.denominator is not None:
        return st.kind == StatementKind.FRACTION and st.numerator == claim.count and st.denominator == claim.denominator
    return False


def _is_claim(st) -> bool:
    if st.kind not in CLAIM_KINDS:
        return False
    if st.claim:
        return True  # a measured value: "tỷ lệ … đạt 97,4%", "trung bình đạt 85,12 điểm", "xếp thứ 3"
    if st.kind == StatementKind.COUNT:
        return st.band is not None
    if st.kind in (StatementKind.SCORE, StatementKind.RANK):
        return st.denominator is not None  # "16,97" alone is a figure, "16,97/20" a claim
    return st.kind != StatementKind.PERCENT


def claim_statements(report) -> list[tuple[int, Any, list[int]]]:
    """(index, Statement, indices of its figures) of every numeric claim of
    the prose (see CLAIM_KINDS); a figure of a claim is not a claim itself."""
    statements = report.statements
    heads = [i for i, st in enumerate(statements)
             if st.kind == StatementKind.SHARE
             or (st.kind in (StatementKind.GRADE_COUNT, StatementKind.EVALUATED_COUNT) and st.denominator is not None)]
    owner: dict[int, int] = {}
    for h in heads:
        for j, st in enumerate(statements):
            if j not in owner and j not in heads and _figure_of(st, statements[h]):
                owner[j] = h
    out = []
    for i, st in enumerate(statements):
        if i in owner or not _is_claim(st):
            continue
        out.append((i, st, [j for j, h in owner.items() if h == i]))
    return out
