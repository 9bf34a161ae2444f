"""A read sheet as RawDocument blocks: a paragraph with its name, then, for
each block of rows (blocks apart by more than ``table_gap`` empty rows, or
tables stacked closer, told apart by their title and header rows:
:mod:`parsers.xlsx_split`), its title rows as paragraphs, its table, and its
trailing note rows as paragraphs.

Title rows are the leading rows holding one text cell (a title merged across
the sheet); note rows the trailing ones. Empty rows and columns around and
inside a table are dropped; merged ranges become ``rowspan``/``colspan`` on
the top-left cell, shrunk by the empty rows dropped inside them. The notes
of the sheet's checks go to their cell in its table.
"""
from __future__ import annotations

import bisect
import re

from reportgen.raw import RawCell, RawDocument, RawParagraph, RawTable, SheetFormulas

from .settings import ReaderSettings
from .xlsx_sheet import Sheet, note
from .xlsx_split import split
from .xlsx_values import display


def build(sheet: Sheet, merges, sheet_name: str, doc: RawDocument, settings: ReaderSettings, checks: list[dict],
          counts: dict) -> list[int]:
    """Append the sheet's paragraphs and tables to ``doc``; return the
    indices of its tables. Blocks of rows separated by two or more empty rows
    are separate tables (two appendices on one sheet); inside a block, a
    title and a header row after data rows start another table
    (:mod:`parsers.xlsx_split`)."""
    cells = {k: v for k, v in sheet.cells.items() if v[0]}
    for chk in checks:  # an uncached formula shows its computed value, in its cell's number format (0,00%)
        if chk["kind"] == "formula_uncached":
            at = (chk["r"], chk["c"])
            cells[at] = display(chk["computed"], sheet.formats.get(at))
    covered, spans = _spans(merges, max((r for r, _ in cells), default=0), max((c for _, c in cells), default=0))
    origins = {k: v for k, v in cells.items() if k not in covered}
    doc.blocks.append(RawParagraph(text=sheet_name, index=_next(counts, 'p'), style="sheet"))
    by_row: dict[int, list[int]] = {}
    for r, c in origins:
        by_row.setdefault(r, []).append(c)
    rows = sorted(by_row)
    blocks: list[list[int]] = []
    for r in rows:
        if blocks and r - blocks[-1][-1] <= settings.table_gap:
            blocks[-1].append(r)
        else:
            blocks.append([r])
    segments = [part for block in blocks for part in split(block, by_row, origins, spans)]
    notes_by_row: dict[int, list[dict]] = {}
    for chk in checks:
        if chk["kind"] != "formula_uncached":
            notes_by_row.setdefault(chk["r"], []).append(chk)
    tables: list[int] = []
    for segment in segments:
        t, row_index, first_col = _segment(segment, by_row, origins, spans, doc, settings, counts)
        if t is None:
            continue
        tables.append(t)
        if sheet.formulas:  # what a figure changed in the table changes through the formulas
            raw = next(b for b in reversed(doc.blocks) if isinstance(b, RawTable) and b.index == t)
            raw.sheet = SheetFormulas(stored=sheet.stored, formulas=sheet.formulas, formats=sheet.formats,
                                      rows={i: r for r, i in row_index.items()}, first_col=first_col)
        for r in row_index:
            for chk in notes_by_row.pop(r, ()):
                doc.notes.append(note(chk, sheet_name, t, row_index[r], chk["c"] - first_col))
    for chks in notes_by_row.values():
        doc.notes.extend(note(chk, sheet_name, None, None, None) for chk in chks)
    return tables


def _spans(merges, last_row: int, last_col: int
           ) -> tuple[set[tuple[int, int]], dict[tuple[int, int], tuple[int, int]]]:
    """(cells covered by a merge but its origin, origin → (last row, last col)).
    Only cells up to the last row and column holding data are listed: a merge
    over A1:XFD1048576 costs what the data costs."""
    covered: set[tuple[int, int]] = set()
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for r1, c1, r2, c2 in merges:
        spans[(r1, c1)] = (r2, c2)
        for r in range(r1, min(r2, last_row) + 1):
            for c in range(c1, min(c2, last_col) + 1):
                if (r, c) != (r1, c1):
                    covered.add((r, c))
    return covered, spans


_WORDS = re.compile(r"\s*[-–+•*(]?\s*[^\W\d_]")  # opens with a letter (after a list mark, a bracket): no figure


def _line(r: int, by_row: dict[int, list[int]], origins: dict) -> str:
    """A row of prose as one line: its texts left to right, apart by a tab
    (as a letter's header reads in plain text)."""
    return "\t".join(origins[(r, c)][0] for c in sorted(by_row[r]))


def _next(counts: dict, kind: str) -> int:
    """The next paragraph ('p') or table ('t') index of the document (kept
    as counts: recounting the blocks each time would be quadratic)."""
    n = counts.get(kind, 0)
    counts[kind] = n + 1
    return n


def _segment(rows: list[int], by_row: dict[int, list[int]], origins: dict, spans: dict, doc: RawDocument,
             settings: ReaderSettings, counts: dict):
    """One block of rows: title rows (one text cell) as paragraphs, the
    table, trailing note rows as paragraphs. Returns (table index or None,
    sheet row → table row, first sheet column)."""
    rows = list(rows)

    def single(r: int) -> bool:
        cs = by_row[r]
        return len(cs) == 1 and origins[(r, cs[0])][1] is None

    def side_by_side(r: int) -> bool:
        """Two words set far apart with no figure: the issuer and the motto of a
        letter typed on the sheet ("ỦY BAN NHÂN DÂN TỈNH …" in A, "CỘNG HÒA …" in
        F), the Nơi nhận and the signature; a table's two columns are adjacent,
        and its total row written as text ("Tổng hợp | 78,49/100 …") holds a
        figure."""
        cs = sorted(by_row[r])
        return len(cs) == 2 and cs[1] - cs[0] >= 2 \
            and all(origins[(r, c)][1] is None and _WORDS.match(origins[(r, c)][0]) for c in cs)

    def prose(r: int) -> bool:
        return single(r) or side_by_side(r)

    lead: list[int] = []
    trail: list[int] = []
    if settings.split_titles:
        start = 0
        while len(rows) - start > 1 and prose(rows[start]):
            lead.append(rows[start])
            start += 1
        rows = rows[start:]
        while len(rows) > 1 and prose(rows[-1]):
            trail.append(rows.pop())
        trail.reverse()
        if len(rows) == 1 and prose(rows[0]):
            lead.append(rows.pop())
    for r in lead:
        doc.blocks.append(RawParagraph(text=_line(r, by_row, origins), index=_next(counts, 'p'), style="sheet-title"))
    table_idx = None
    row_index: dict[int, int] = {}
    first_col = 1
    if rows:
        first_col = min(c for r in rows for c in by_row[r])
        last_col = max(c for r in rows for c in by_row[r])
        row_index = {r: i for i, r in enumerate(rows)}
        table_idx = _next(counts, 't')
        table = RawTable(index=table_idx)
        for r in rows:
            out_row = []
            for c in sorted(by_row[r]):
                text, number = origins[(r, c)]
                rowspan = colspan = 1
                if (r, c) in spans:
                    r2, c2 = spans[(r, c)]
                    # rows inside the merge that were dropped as empty shrink it
                    rowspan = max(1, bisect.bisect_right(rows, r2) - bisect.bisect_left(rows, r))
                    colspan = max(1, min(c2, last_col) - c + 1)
                out_row.append(RawCell(text=text, row=row_index[r], col=c - first_col,
                                       rowspan=rowspan, colspan=colspan, value=number))
            table.rows.append(out_row)
        doc.blocks.append(table)
    for r in trail:
        doc.blocks.append(RawParagraph(text=_line(r, by_row, origins), index=_next(counts, 'p'), style="sheet-note"))
    return table_idx, row_index, first_col
