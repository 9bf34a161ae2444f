"""The raw-document model: what a parser saw, nothing interpreted.

Every parser in ``parsers/`` turns a file into a :class:`RawDocument`. It is the
only part of ``reportgen`` that parsers may import. Paragraphs and tables keep
their order in ``blocks``, each with its source location, so that a finding can
point back at the page, table, row and column it came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator, Union

from .errors import UnreadableInput  # noqa: F401  (re-export)


@dataclass
class RawCell:
    """One cell at its origin position; a merged cell appears once, with spans."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    # OCR confidence 0..100 where the text came from recognition, else None.
    confidence: float | None = None
    # As on RawParagraph: 'tcvn3' or 'vni' when the cell's font was a legacy
    # 8-bit Vietnamese font; the reader converts the text.
    legacy_encoding: str | None = None
    # 1-based source line for text inputs (where a row was written), else None.
    line: int | None = None
    # The number a spreadsheet stored in the cell, as displayed (its number
    # format's decimals applied; percent formats × 100), exact, never a float.
    # ``text`` then holds the same number written in vi_VN. None elsewhere.
    value: "Decimal | None" = None


@dataclass
class SheetFormulas:
    """The spreadsheet behind a table read from a sheet that holds formulas:
    each cell's stored value (a formula's cached one), formula and number
    format by its sheet position (row, column, 1-based), and where the
    table's rows and columns are on the sheet — so that a figure changed in
    the table can be carried through the formulas that read it
    (``parsers.xlsx_recompute``)."""

    stored: dict = field(default_factory=dict)  # (row, col) → value as stored
    formulas: dict = field(default_factory=dict)  # (row, col) → "=ROUND(D6/C6*100,2)"
    formats: dict = field(default_factory=dict)  # (row, col) → number format ("0.00%")
    rows: dict = field(default_factory=dict)  # the table's row → its sheet row
    first_col: int = 1  # the sheet column of the table's column 0

    def __deepcopy__(self, memo) -> "SheetFormulas":
        return self  # never changed once read: a copy of its table shares it


@dataclass
class RawTable:
    """A table as a list of rows; each row lists the cells that start in it."""

    index: int
    rows: list[list[RawCell]] = field(default_factory=list)
    page: int | None = None
    # Rows the producer marked as header (DOCX tblHeader, repeated on pages).
    header_rows: int | None = None
    # Where this table's rows may not have known column positions (plain text
    # with whitespace separators): each row is a token list, header is free text.
    tokenised: bool = False
    header_text: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    # A table of a spreadsheet sheet that holds formulas: its cells' formulas. None elsewhere.
    sheet: SheetFormulas | None = None

    @property
    def n_cols(self) -> int:
        return max((c.col + c.colspan for r in self.rows for c in r), default=0)

    def grid(self, fill_spans: bool = False) -> list[list[str]]:
        """Rows expanded to full width. Spanned positions are '' unless
        ``fill_spans`` repeats the origin cell's text there."""
        width = self.n_cols
        n_rows = max((c.row + c.rowspan for r in self.rows for c in r), default=0)
        n_rows = max(n_rows, len(self.rows))
        out = [["" for _ in range(width)] for _ in range(n_rows)]
        for r in self.rows:
            for c in r:
                for dr in range(c.rowspan):
                    for dc in range(c.colspan):
                        rr, cc = c.row + dr, c.col + dc
                        if rr >= n_rows or cc >= width:
                            continue
                        if (dr, dc) == (0, 0) or fill_spans:
                            out[rr][cc] = c.text
        return out

    def cell_at(self, row: int, col: int) -> RawCell | None:
        for r in self.rows:
            for c in r:
                if c.row <= row < c.row + c.rowspan and c.col <= col < c.col + c.colspan:
                    return c
        return None


@dataclass
class TextFormat:
    """A paragraph's effective character formatting (DOCX: runs over styles
    over the document defaults), for the ND30 layout check."""

    font: str | None = None
    size: float | None = None  # points
    bold: bool = False
    italic: bool = False
    align: str | None = None  # 'left', 'center', 'right', 'both' …
    caps: bool = False  # shown in capitals by formatting


@dataclass
class RawParagraph:
    text: str
    index: int
    page: int | None = None
    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None  # points
    style: str | None = None
    # Set by a parser that saw a legacy 8-bit font ('tcvn3' or 'vni'); the
    # reader converts the text, the parser does not.
    legacy_encoding: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    # OCR: mean word confidence (0-100), or the lowest of its words holding a digit; else None
    confidence: float | None = None
    format: TextFormat | None = None  # effective formatting where the format has it (DOCX)


Block = Union[RawParagraph, RawTable]


@dataclass
class RawNote:
    """Something a parser noticed about the file itself (never a judgement on
    the report's content): a formula whose cached value differs, a cell read
    by OCR with low confidence, a page without a text layer."""

    kind: str  # e.g. 'formula_mismatch', 'ocr_low_confidence', 'scanned_page'
    message: str
    page: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    data: dict = field(default_factory=dict)


@dataclass
class RawDocument:
    source: str
    format: str  # 'text', 'docx', 'pdf', 'xlsx'
    blocks: list[Block] = field(default_factory=list)
    notes: list[RawNote] = field(default_factory=list)
    page_count: int | None = None
    properties: dict = field(default_factory=dict)

    @property
    def paragraphs(self) -> Iterator[RawParagraph]:
        return (b for b in self.blocks if isinstance(b, RawParagraph))

    @property
    def tables(self) -> Iterator[RawTable]:
        return (b for b in self.blocks if isinstance(b, RawTable))


# UnreadableInput lives in reportgen.errors; re-exported here for the parsers
# that import it from raw (kept while they move).
