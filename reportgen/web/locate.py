"""Where a finding is on the page: its page number and box (PDF points,
origin at the top left, as pdfplumber measures) in the PDF shown to the user.

A table finding is placed on the cell its row and column came from
(``ScoreRow.source_row``/``source_cols`` through the raw table, the same
walk the DOCX annotator makes); a paragraph finding on the paragraph's box.
For a file that is not a PDF, the view is a PDF rendering of it: the
rendering is read again and each finding is matched to the same table row
(by table order and unit name) or paragraph (by its text).
"""
from __future__ import annotations

from dataclasses import replace

from ..annotate import _raw_row
from ..model import Finding, Report
from ..raw import RawDocument
from ..text import collapse_spaces

Box = tuple[int, tuple[float, float, float, float]]  # (1-based page, (x0, top, x1, bottom))


def _fold(text: str | None) -> str:
    return collapse_spaces(text or "").casefold()


def _cell_box(raw: RawDocument, report: Report, finding: Finding) -> Box | None:
    where = _raw_row(raw, report, finding)
    if where is None:
        return None
    t_index, r, c = where
    table = next((t for t in raw.tables if t.index == t_index), None)
    if table is None:
        return None
    cell = table.cell_at(r, c)
    if cell is None or cell.bbox is None:
        # The row's first cell with a box: better the row than nothing.
        row = table.rows[r] if r < len(table.rows) else []
        cell = next((x for x in row if x.bbox is not None), None)
        if cell is None:
            return None
    page = cell.page or table.page
    return (page, tuple(cell.bbox)) if page else None


def _paragraph_box(raw: RawDocument, index: int) -> Box | None:
    for p in raw.paragraphs:
        if p.index == index and p.bbox is not None and p.page:
            return p.page, tuple(p.bbox)
    return None


def boxes_same_file(raw: RawDocument, report: Report, findings: list[Finding]) -> list[Box | None]:
    """Boxes when the view is the very file that was checked (a PDF)."""
    out = []
    for f in findings:
        box = _cell_box(raw, report, f)
        if box is None and f.paragraph is not None:
            box = _paragraph_box(raw, f.paragraph)
        out.append(box)
    return out


def boxes_via_rendering(report: Report, findings: list[Finding], view_raw: RawDocument,
                        view_report: Report) -> list[Box | None]:
    """Boxes in a PDF rendering of the checked file, matching each finding's
    table row by the unit's name and its paragraph by the text."""
    paragraphs = {p.index: _fold(p.text) for p in report.paragraphs}
    view_paragraphs = [p for p in view_raw.paragraphs if p.bbox is not None and p.page]
    out: list[Box | None] = []
    for f in findings:
        box = None
        if f.table is not None and f.row is not None and f.table < len(report.tables):
            box = _matched_row_box(report, f, view_raw, view_report)
        if box is None and f.paragraph is not None and f.paragraph in paragraphs:
            want = paragraphs[f.paragraph]
            for p in view_paragraphs:
                have = _fold(p.text)
                if have and want and (have == want or (len(have) > 20 and want.startswith(have[:60]))):
                    box = (p.page, tuple(p.bbox))
                    break
        out.append(box)
    return out


def _matched_row_box(report: Report, f: Finding, view_raw: RawDocument, view_report: Report) -> Box | None:
    table = report.tables[f.table]
    if f.row >= len(table.rows):
        return None
    unit = _fold(table.rows[f.row].unit)
    # The same table when the counts agree; else any table with that unit.
    order = list(range(len(view_report.tables)))
    if f.table < len(view_report.tables):
        order.remove(f.table)
        order.insert(0, f.table)
    for t in order:
        rows = view_report.tables[t].rows
        for r, row in enumerate(rows):
            if _fold(row.unit) == unit:
                return _cell_box(view_raw, view_report, replace(f, table=t, row=r))
    return None
