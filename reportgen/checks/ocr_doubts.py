"""A relation that breaks only through cells OCR could not read for sure is a
doubt, not an error.

A stamp over a scanned table, a fold, a blot: OCR misreads the figures under
it or drops them, and the reader flags the cells (OCR_UNCERTAIN). A sum, a
ratio or a rank that breaks through such a cell says nothing sure about the
document: the reading may be what is wrong, and blaming the cells read right
("Cộng II ghi 1.605 nhưng …") is a false error. So an error of a table
relation whose line holds a doubtful cell becomes a warning that names those
cells, and the cells count as not read in the coverage (taken out of the
checked cells: the relation is an open doubt, the verdict CHƯA KIỂM TRA HẾT,
never ĐẠT). A doubtful cell the reader kept no figure of (dropped, or read
as marks) is counted among the table's figures, unchecked, so that the
coverage names it. The line of an error is its row (a relation across the columns:
a total, a ratio) and its column (a relation down the rows: a "Cộng" row, a
rank); a finding does not say which, so both are read.

A doubtful cell is

- a cell the reader flagged OCR_UNCERTAIN on a row that holds a figure read
  (the specks a stamp leaves on a heading row are no figure), unless its
  figure is confirmed: read as a number and nothing else, covered by a
  relation that detects a change, on a row no other finding doubts (as
  :mod:`.ocr_readings` confirms one) and, when a finding doubts its column,
  by a second relation (the column's may be the one that broke);
- on a table OCR read (a cell of it flagged), a cell with no number in a row
  whose other figures were read, under a column that holds figures: a figure
  the scan dropped.

An error whose line holds no doubtful cell stays an error: certain cells that
disagree are a slip, and the culprit machinery (run after) looks for it among
them. The other readings OCR made of a cell are set aside by the vote
(:mod:`parsers.ocr_check`) and not kept: a relation broken with the reading
kept is not known to hold for any other, so none stays an error here.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..coverage import FORM_CODES, Ledger, numeric_cells
from ..model import Finding, Report, Severity
from .ocr_readings import reads_a_number
from .relations_support import column_labels

CODE = "OCR_UNCERTAIN"
NAMED = 4  # doubtful cells a message names at most


@dataclass(frozen=True)
class Doubtful:
    """A cell whose figure the scan did not give for sure."""

    row: int
    column: str
    read: str | None  # what OCR read; None for a cell left empty


def unsure_relations(report: Report, findings: list[Finding], ledger: Ledger) -> list[Finding]:
    """``findings`` with each error of a table relation whose row or column
    holds a doubtful cell turned into a warning naming those cells; the
    cells are taken out of the ledger's checked cells."""
    doubtful = doubtful_cells(report, findings, ledger)
    if not doubtful:
        return findings
    for index, cells in doubtful.items():
        entry = ledger.tables.get(index)
        if entry is not None:  # figures not read for sure: counted (a dropped one too), named so when unchecked
            entry.numeric_cells |= {(d.row, d.column) for d in cells}
            entry.unread_cells |= {(d.row, d.column) for d in cells}
    out = []
    for f in findings:
        cells = doubtful.get(f.table, ()) if f.severity == Severity.ERROR and None not in (f.row, f.column) else ()
        through = [d for d in cells if _on_its_line(f.code, d, f)]
        if through:
            f = replace(f, severity=Severity.WARNING, message=f"{f.message}{_why(report, f.table, through)}",
                        unread=tuple((d.row, d.column) for d in through))
            entry = ledger.tables.get(f.table)
            if entry is not None:
                entry.checked_cells -= {(d.row, d.column) for d in through}
        out.append(f)
    return out


# Relations across a row's columns (a total of its indicators, a rate of its figures): only the row's cells
# bear on them; relations down a column (a "Cộng" row, a statistic): only the column's.
_ACROSS = frozenset({"TOTAL_MISMATCH", "SUM_COLUMNS_MISMATCH", "RATIO_MISMATCH", "POINTS_FROM_RATE_MISMATCH",
                     "GRADE_BAND_MISMATCH", "GRADE_MISMATCH", "PERCENT_MISMATCH", "SCORE_EXCEEDS_MAX"})
_DOWN = frozenset({"SUM_ROW_MISMATCH", "STAT_MISMATCH", "PARENT_SUM_MISMATCH"})


def _on_its_line(code: str, d: "Doubtful", f: Finding) -> bool:
    """Whether a doubtful cell lies on the line the finding's relation reads."""
    if code in _ACROSS:
        return d.row == f.row
    if code in _DOWN:
        return d.column == f.column
    return d.row == f.row or d.column == f.column


def doubtful_cells(report: Report, findings: list[Finding], ledger: Ledger) -> dict[int, list[Doubtful]]:
    """Table index → its doubtful cells (see the module's docstring)."""
    doubts = [f for f in findings if f.table is not None and f.row is not None and f.code != CODE
              and f.code not in FORM_CODES and f.severity in (Severity.ERROR, Severity.WARNING)]
    troubled = {(f.table, f.row) for f in doubts}
    broken_columns = {(f.table, f.column) for f in doubts if f.column is not None}
    flagged: dict[int, dict[tuple[int, str], str | None]] = {}
    for f in report.read_findings:
        if f.code == CODE and None not in (f.table, f.row, f.column) and 0 <= f.table < len(report.tables):
            flagged.setdefault(report.tables[f.table].index, {})[(f.row, f.column)] = f.reported
    out: dict[int, list[Doubtful]] = {}
    for table in report.tables:
        cells = flagged.get(table.index)
        if not cells:
            continue
        figures = numeric_cells(table)
        entry = ledger.tables.get(table.index)
        checked = entry.checked_cells if entry is not None else set()
        found = []
        for (row, key), read in sorted(cells.items()):
            has_figures = any(r == row for r, _ in figures)
            # confirmed by a relation that holds: its row's (none doubted there), or one more than the
            # one of its column that may be what broke
            relations = entry.cell_relations.get((row, key), ()) if entry is not None else ()
            confirmed = ((row, key) in figures and reads_a_number(read) and (row, key) in checked
                         and (table.index, row) not in troubled
                         and ((table.index, key) not in broken_columns or len(relations) >= 2))
            if has_figures and not confirmed:
                found.append(Doubtful(row, key, read))
        found += [Doubtful(row, key, None) for row, key in _dropped(table, figures) if (row, key) not in cells]
        if found:
            out[table.index] = found
    return out


def _dropped(table, figures: set[tuple[int, str]]) -> list[tuple[int, str]]:
    """The cells of a table with no number in a row that holds most of the
    table's figure columns, under a column that holds figures on two rows
    or more."""
    by_key: dict[str, int] = {}
    for _, key in figures:
        by_key[key] = by_key.get(key, 0) + 1
    columns = {key for key, n in by_key.items() if n >= 2}
    out = []
    for i in range(len(table.rows)):
        held = {key for r, key in figures if r == i} & columns
        if len(held) >= 2 and 2 * len(held) > len(columns):
            out += [(i, key) for key in sorted(columns - held)]
    return out


def _why(report: Report, index: int, cells: list[Doubtful]) -> str:
    """'; nhưng phép tính dựa vào ô đọc bằng OCR không chắc chắn (…)…'."""
    table = next((t for t in report.tables if t.index == index), None)
    labels = column_labels(report, index)
    named = []
    for d in cells[:NAMED]:
        unit = table.rows[d.row].unit if table is not None and 0 <= d.row < len(table.rows) else ""
        read = f"đọc được “{d.read.strip()}”" if d.read and d.read.strip() else "không đọc được"
        named.append(f"cột “{labels.get(d.column, d.column)}” dòng “{unit}” {read}")
    more = f" và {len(cells) - NAMED} ô khác" if len(cells) > NAMED else ""
    return (f" — nhưng phép tính dựa vào ô đọc bằng OCR không chắc chắn ({'; '.join(named)}{more}): "
            f"có thể do đọc sai, chưa kết luận là lỗi, cần đối chiếu bản gốc")
