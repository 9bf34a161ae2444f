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
stays within it: a cell only bounded is not counted checked. When the bound
is one the document states about the cell (its row's maximum, a threshold,
a denominator, a band, an order: not a percent at most 100, which every
percent obeys, UNSTATED_BOUNDS), it is all a reader can hold the cell to (a
self-assessed score under its maximum): the cell is *bounded*, counted apart
(``coverage.bounded``), named in a BOUND_ONLY note per table, and no bar to
ĐẠT. A figure cell nothing covers, not even such a bound, keeps the document
CHƯA KIỂM TRA HẾT (COLUMN_UNCHECKED, TABLE_UNCHECKED). A table counts as
checked when at least one cell of it is checked, or every figure of it is
bounded and no relation was left undecided on it. A claim of the prose is
held to the stricter rule: ``x/y`` with x ≤ y, counts by grade not above
their whole, a "cao nhất" within the band of units it falls in are bounds
(CLAIM_BOUND_RELATIONS), and a claim only bounded is not checked and keeps
the document from ĐẠT (CLAIM_UNCHECKED) — a claim's bound is the claim's own
words, and a slip that breaks the list it was part of falls back to it. A
bound that breaks is a check that found a slip: the claims it holds are
checked (``grade-counts-exceed-whole``: counts by grade that add up to more
than their whole).

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

from dataclasses import dataclass, field
from typing import Any, Iterable

from .figures import CLAIM_KINDS, Cell, claim_statements, claim_words, not_figures, numeric_cells, unread_figures
from .line import claims_read, coverage_line

__all__ = ["BOUND_RELATIONS", "CLAIM_BOUND_RELATIONS", "CLAIM_KINDS", "FAILED", "FORM_CODES", "INCOMPLETE",
           "PASSED", "UNSTATED_BOUNDS", "Cell", "ClaimEntry", "Ledger", "TableEntry", "claim_statements", "claim_words",
           "claims_read", "coverage_line", "doubts_a_figure", "not_figures", "numeric_cells", "verdict"]

# The three verdicts, and what each means for a clerk.
PASSED, FAILED, INCOMPLETE = "ĐẠT", "KHÔNG ĐẠT", "CHƯA KIỂM TRA HẾT"


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
CLAIM_BOUND_RELATIONS = frozenset({"fraction-bound", "grade-counts-within-whole", "stat-within-bands",
                                   "band-counts-within-whole"})
# A bound every figure of its kind obeys, which the document does not state
# about the cell: a percent at most 100. A cell it alone holds is not even
# bounded (a column of rates with nothing else is not checked at all).
UNSTATED_BOUNDS = frozenset({"percent-at-most-100"})


# Codes whose warnings concern the document's form or what was read, not
# whether its figures agree: they never keep a document from ĐẠT. Every other
# code's warning is an open doubt about a figure (a new rule's code is one
# unless it is added here). LAYOUT_* codes are form by their prefix.
FORM_CODES = frozenset({
    "NUMBER_FORMAT", "DATE_FORMAT", "NOI_NHAN_FORMAT", "SECTION_NUMBERING", "ENCODING_REPAIRED",
    "SCHEME_FROM_HEADER", "SCHEME_MISMATCH",
    # coverage notes: what they say is already in the ledger
    "TABLE_UNCHECKED", "COLUMN_UNCHECKED", "CLAIM_UNCHECKED", "NOTHING_CHECKED", "PAGE_UNREAD", "BOUND_ONLY",
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
    unread_cells: set[Cell] = field(default_factory=set)  # figures a scan did not give for sure (checks.ocr_doubts)
    not_figures: dict[str, str] = field(default_factory=dict)  # column key → why it is no figure (Vietnamese)

    @property
    def checked(self) -> bool:
        """At least one of its figures is covered by a relation that would
        detect a change, or every figure is held at least by a stated bound
        and no relation was left undecided on it (``doubts``)."""
        return bool(self.checked_cells & self.numeric_cells) or \
            bool(self.numeric_cells) and not self.unverified_cells() and not self.doubts

    def unchecked_cells(self) -> set[Cell]:
        """Figures no relation that would detect a change covers (bounded or not)."""
        return self.numeric_cells - self.checked_cells

    def bounded_only_cells(self) -> set[Cell]:
        """Figures held only by a bound the document states (a maximum, a
        denominator, a threshold, a band, a rank order: BOUND_ONLY), counted
        apart; a percent at most 100 alone is no such bound (UNSTATED_BOUNDS)."""
        return {c for c in self.unchecked_cells() & self.bounded_cells
                if self.cell_relations.get(c, set()) - UNSTATED_BOUNDS}

    def unverified_cells(self) -> set[Cell]:
        """Figures no relation covers at all, not even a bound: each keeps the
        document from ĐẠT (COLUMN_UNCHECKED, TABLE_UNCHECKED)."""
        return self.unchecked_cells() - self.bounded_only_cells()


@dataclass
class ClaimEntry:
    """One numeric claim of the prose (a Statement)."""

    statement: int
    text: str
    paragraph: int | None = None
    page: int | None = None
    relations: set[str] = field(default_factory=set)
    figure: str = ""  # the claim's own words ("11/15 cơ quan", "73,33%"); ``text`` is its sentence
    external: str = ""  # what its whole is when that lies outside the document ("kế hoạch", "dự toán" …)

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
    # Paragraphs that are rows of a table no parser read (``Report.unread_rows``).
    unread_rows: list[int] = field(default_factory=list)
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

    def statement_relations(self, statement) -> set[str]:
        """The relations recorded so far on the claim a Statement of the
        registered report belongs to (found by identity)."""
        index = self._statement_ids.get(id(statement))
        if index is None:
            return set()
        entry = self.claims.get(self._member_of.get(index, index))
        return set(entry.relations) if entry is not None else set()

    # -- registration and totals ------------------------------------------------

    def register(self, report) -> None:
        """Enter every table with numbers, every numeric claim and every
        unread page of ``report``."""
        self.unread_pages = list(getattr(report, "unread_pages", ()))
        self.unread_rows = list(getattr(report, "unread_rows", ()))
        for table in report.tables:
            cells = numeric_cells(table)
            exempt = not_figures(table, cells)
            figures = {c for c in cells if c[1] not in exempt}
            if figures:
                entry = self.add_table(table.index, table.title, table.page, figures)
                entry.not_figures.update(exempt)
            elif unread := unread_figures(table):
                entry = self.add_table(table.index, table.title, table.page, unread)
                entry.doubts.append("không đọc được dòng tiêu đề của bảng (tiêu đề bị tách khỏi bảng hoặc vỡ chữ), "
                                    "nên không biết mỗi cột ghi số gì")
        self._statement_ids = {id(st): i for i, st in enumerate(report.statements)}
        for i, st, members in claim_statements(report):
            entry = self.add_claim(i, st.context or st.text, st.paragraph, st.page)
            entry.figure = entry.figure or claim_words(st)
            entry.external = entry.external or str(st.external or "")
            for m in members:
                self._member_of[m] = i
        for i, st in enumerate(report.statements):
            # a target or a threshold whose whole lies outside (``Statement.external``): no claim, but listed
            if st.external and i not in self.claims and i not in self._member_of:
                entry = self.add_claim(i, st.context or st.text, st.paragraph, st.page)
                entry.figure, entry.external = st.written or st.text, str(st.external)

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
        """Claims nothing checked (a bound alone included), whose whole the
        document could hold: each keeps the document from ĐẠT (CLAIM_UNCHECKED)."""
        return [c for c in sorted(self.claims.values(), key=lambda c: c.statement)
                if c.text and not c.checked and not c.external]

    def external_claims(self) -> list[ClaimEntry]:
        """Claims nothing checked whose whole lies outside the document (a
        plan, an estimate, a target, an allotment, a national ranking, "100%"
        as all: ``Statement.external``): listed, counted apart, and no bar to
        ĐẠT — a reader cannot hold them to the document either."""
        return [c for c in sorted(self.claims.values(), key=lambda c: c.statement)
                if c.text and not c.checked and c.external]

    def totals(self) -> dict[str, tuple[int, int]]:
        """(checked, total) for tables, numeric cells and claims (the claims
        whose whole lies outside the document are counted apart:
        ``external_claims``)."""
        tables = [t for t in self.tables.values() if t.numeric_cells]
        cells = sum(len(t.numeric_cells) for t in tables)
        checked_cells = sum(len(t.checked_cells & t.numeric_cells) for t in tables)
        claims = [c for c in self.claims.values() if c.text and (c.checked or not c.external)]
        return {"tables": (sum(1 for t in tables if t.checked), len(tables)),
                "cells": (checked_cells, cells),
                "claims": (sum(1 for c in claims if c.checked), len(claims))}

    @property
    def anything_checked(self) -> bool:
        """Whether at least one table or one claim with numbers was checked: a
        document from which nothing numeric was understood (a scan read badly,
        a letter with no figures) is never ĐẠT."""
        return any(t.checked_cells & t.numeric_cells for t in self.tables.values()) or \
            any(c.checked for c in self.claims.values() if c.text)

    def partly_checked_tables(self) -> list[TableEntry]:
        """Tables checked in part: some of their figures no relation covers,
        not even a bound."""
        return [t for t in sorted(self.tables.values(), key=lambda t: t.index)
                if t.numeric_cells and t.checked and t.unverified_cells()]

    def bounded_tables(self) -> list[TableEntry]:
        """Checked tables some of whose figures only a bound holds."""
        return [t for t in sorted(self.tables.values(), key=lambda t: t.index)
                if t.numeric_cells and t.checked and t.bounded_only_cells()]

    @property
    def complete(self) -> bool:
        """ĐẠT's condition: every figure cell of every table and every numeric
        claim checked or held by a bound the document states, no page and no
        row of a table left unread, no open doubt about a figure (and something checked at all)."""
        return (not self.unchecked_tables() and not self.partly_checked_tables()
                and not self.unchecked_claims() and not self.unread_pages and not self.unread_rows
                and not self.open_doubts
                and self.anything_checked)

    def line(self) -> str:
        """'Đã kiểm tra 5/7 bảng, 412/430 ô số, 38/41 nhận định.' (``coverage_line``)."""
        return coverage_line(self.to_json())

    def to_json(self) -> dict[str, Any]:
        t = self.totals()
        return {
            "tables": {"checked": t["tables"][0], "total": t["tables"][1]},
            "cells": {"checked": t["cells"][0], "total": t["cells"][1]},
            "claims": {"checked": t["claims"][0], "total": t["claims"][1],
                       "external": len(self.external_claims())},
            "bounded": {"cells": sum(len(e.bounded_only_cells()) for e in self.tables.values())},
            "open_doubts": dict(sorted(self.open_doubts.items())),
            "by_table": [{
                "table": e.index, "title": e.title, "page": e.page, "checked": e.checked,
                "relations": sorted(e.relations),
                "cells": {"checked": len(e.checked_cells & e.numeric_cells), "total": len(e.numeric_cells)},
                "bounded": len(e.bounded_only_cells()),
                "doubts": list(e.doubts),
                "not_figures": [{"column": k, "reason": v} for k, v in sorted(e.not_figures.items())],
            } for e in sorted(self.tables.values(), key=lambda e: e.index) if e.numeric_cells],
            "unchecked_claims": [{"statement": c.statement, "paragraph": c.paragraph, "page": c.page,
                                  "text": c.text} for c in self.unchecked_claims()],
            "external_claims": [{"statement": c.statement, "paragraph": c.paragraph, "page": c.page,
                                 "text": c.text, "figure": c.figure, "reason": c.external}
                                for c in self.external_claims()],
            "unread_pages": list(self.unread_pages),
            "unread_rows": list(self.unread_rows),
        }


def verdict(has_error: bool, ledger: Ledger) -> str:
    if has_error:
        return FAILED
    return PASSED if ledger.complete else INCOMPLETE
