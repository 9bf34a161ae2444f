"""The tables of the interpreted report: a table of units bound to a scheme
(or kept as data), its columns and rows, values as ``Decimal`` and the text
as written. ``dec_str`` is the JSON form of a Decimal (docs/json.md)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .vocabulary import TableKind


def dec_str(value: Decimal | None) -> str | None:
    """A Decimal in plain decimal form ('58.69', never '5.869E+1')."""
    if value is None:
        return None
    text = format(value, "f")
    return text


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
    # The row's sub-label where a unit takes several rows (a period, a kind:
    # "Quý IV", "Cấp xã"; see reportgen.read.blocks): ``unit`` is the unit's.
    part: str | None = None
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
            **({"part": self.part} if self.part is not None else {}),
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
