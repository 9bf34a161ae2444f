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
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

Cell = tuple[int, str]


@dataclass
class TableEntry:
    """One table with numbers: which of its cells were covered, by what."""

    index: int
    title: str | None = None
    page: int | None = None
    numeric_cells: set[Cell] = field(default_factory=set)
    checked_cells: set[Cell] = field(default_factory=set)
    relations: set[str] = field(default_factory=set)  # names of relations verified on it
    doubts: list[str] = field(default_factory=list)  # Vietnamese: why a relation was not decided

    @property
    def checked(self) -> bool:
        return bool(self.relations)


@dataclass
class ClaimEntry:
    """One numeric claim of the prose (a Statement)."""

    statement: int
    text: str
    paragraph: int | None = None
    page: int | None = None
    relations: set[str] = field(default_factory=set)

    @property
    def checked(self) -> bool:
        return bool(self.relations)


@dataclass
class Ledger:
    """Filled while the checks run; read by the verdict and the outputs."""

    tables: dict[int, TableEntry] = field(default_factory=dict)
    claims: dict[int, ClaimEntry] = field(default_factory=dict)

    def add_table(self, index: int, title: str | None, page: int | None,
                  numeric_cells: Iterable[Cell]) -> TableEntry:
        entry = self.tables.setdefault(index, TableEntry(index, title, page))
        entry.numeric_cells.update(numeric_cells)
        return entry

    def add_claim(self, statement: int, text: str, paragraph: int | None = None,
                  page: int | None = None) -> ClaimEntry:
        return self.claims.setdefault(statement, ClaimEntry(statement, text, paragraph, page))

    def table_checked(self, index: int, relation: str, cells: Iterable[Cell] = ()) -> None:
        """Record that ``relation`` was verified on table ``index`` over ``cells``
        (whether or not it found a slip: a slip is a checked cell too)."""
        entry = self.tables.setdefault(index, TableEntry(index))
        entry.relations.add(relation)
        entry.checked_cells.update(cells)

    def table_doubt(self, index: int, reason: str) -> None:
        self.tables.setdefault(index, TableEntry(index)).doubts.append(reason)

    def claim_checked(self, statement: int, relation: str) -> None:
        entry = self.claims.setdefault(statement, ClaimEntry(statement, ""))
        entry.relations.add(relation)
