"""A score sheet: one row per unit under a header row that names the
indicators (XLSX or CSV), as drafting takes it.

A column is named by the indicator's key ("c1"), its code or the export code
of its group ("CKMB"), or by header words ("Chỉ số 1 (6đ)") matched the way
every other table is (:func:`.detect.assign`, with the group row above as the
column's upper label, so indicators with the same words in different groups
are told apart). A column "Nhóm" or "Cấp" splits the units into tables; a
"Ghi chú"/"Lý do" column gives the reason a unit without scores was not
evaluated. Every row keeps its sheet and line.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model import ScoreRow
from ..numbers import parse_cell
from ..raw import UnreadableInput
from ..schemes import Scheme, all_schemes, load_scheme
from ..text import clean_line
from ..text.dates import period_of
from .detect import assign, named_by_code
from .header import HeaderColumn, clean_label

UNIT_WORDS = ("tên cơ quan", "tên đơn vị", "cơ quan", "đơn vị", "tên", "unit")
GROUP_WORDS = ("nhóm", "cấp", "khối", "section", "level")
REASON_WORDS = ("ghi chú", "lý do", "reason", "note")

Sheets = dict[str, list[tuple]]  # sheet name → rows of cell texts (None for an empty cell)


@dataclass
class SheetTable:
    """The units of one group (or one sheet) of a score sheet."""
    sheet: str
    title: str
    rows: list[ScoreRow] = field(default_factory=list)
    not_evaluated: list[tuple[str, str]] = field(default_factory=list)  # (unit, reason)


@dataclass
class ScoreSheet:
    scheme: Scheme
    period: str | None
    tables: list[SheetTable]


def xlsx_sheets(path: Path) -> Sheets:
    """Every sheet of a workbook as text, through the project's streamed XLSX
    reader, within the command's --limit values."""
    from parsers.xlsx_texts import sheet_texts

    return sheet_texts(path)


def csv_sheets(path: Path) -> Sheets:
    text = path.read_text(encoding="utf-8-sig")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return {path.stem: [tuple(c if c != "" else None for c in row) for row in csv.reader(io.StringIO(text), dialect)]}


def _norm(text) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()


def is_grouped(sheets: Sheets) -> bool:
    """A sheet whose header row (unit column first) has a group column."""
    for rows in sheets.values():
        for row in rows[:12]:
            names = [_norm(c) for c in row]
            if any(n.startswith(UNIT_WORDS[:4]) for n in names) and any(n.startswith(GROUP_WORDS) for n in names):
                return True
    return False


def column_keys(row: tuple, group_row: tuple, skip: int, scheme: Scheme) -> dict[int, str]:
    """Column index → indicator key of a header row: the columns named by an
    identifier, then the others by their words (the group row above each
    column is its upper label); each indicator at most once."""
    mapping: dict[int, str] = {}
    columns = []
    for col, cell in enumerate(row):
        if col == skip or not _norm(cell):
            continue
        key = named_by_code(_norm(cell), scheme)
        if key is not None:
            if key not in mapping.values():
                mapping[col] = key
            continue
        upper = clean_label(str(group_row[col] or "")) if col < len(group_row) else ""
        columns.append(HeaderColumn(index=col, path=[p for p in (upper, clean_label(str(cell))) if p]))
    scored = {i.key for i in scheme.scored_indicators}
    for col, key in sorted(assign(columns, scheme).items()):
        if key in scored and key not in mapping.values():
            mapping[col] = key
    return dict(sorted(mapping.items()))


def header_row(rows: list[tuple], scheme: Scheme) -> tuple[int, dict[int, str], int] | None:
    """(row index, column → indicator key, unit column) of the first row of
    the sheet's top that names the unit column and two indicators or more."""
    for index, row in enumerate(rows[:12]):
        names = [_norm(c) for c in row]
        unit_col = next((i for w in UNIT_WORDS for i, n in enumerate(names) if n == w or n.startswith(w)), None)
        if unit_col is None:
            continue
        mapping = column_keys(row, rows[index - 1] if index else (), unit_col, scheme)
        if len(mapping) >= 2:
            return index, mapping, unit_col
    return None


def pick_scheme(sheets: Sheets, scheme_name: str | None) -> Scheme:
    """The scheme named, or the one scheme whose every indicator the sheet's
    header names."""
    if scheme_name:
        return load_scheme(scheme_name)
    scored = []
    for scheme in all_schemes().values():
        best = 0
        for rows in sheets.values():
            found = header_row(rows, scheme)
            if found:
                best = max(best, len(found[1]) * 100 // len(scheme.scored_indicators))
        scored.append((best, scheme.name))
    scored.sort(reverse=True)
    if not scored or scored[0][0] < 100:
        raise UnreadableInput("Không nhận ra bộ chỉ số của bảng điểm: cần một dòng tiêu đề có cột tên đơn vị "
                              "và đủ các cột chỉ số (theo khóa, mã hoặc tên chỉ số). Chọn bộ chỉ số bằng --scheme.")
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        raise UnreadableInput(f"Bảng điểm khớp nhiều bộ chỉ số ({scored[0][1]}, {scored[1][1]}); "
                              "chọn bằng --scheme.")
    return load_scheme(scored[0][1])


def read_score_sheet(sheets: Sheets, source: str, scheme_name: str | None = None) -> ScoreSheet:
    """The score tables of a sheet; UnreadableInput when it has none, when a
    sheet lacks an indicator column or a score cell is not a number."""
    scheme = pick_scheme(sheets, scheme_name)
    out = ScoreSheet(scheme=scheme, period=None, tables=[])
    for sheet, rows in sheets.items():
        found = header_row(rows, scheme)
        if not found:
            continue
        index, mapping, unit_col = found
        out.period = out.period or _period_above(rows[:index], sheet)
        missing = [i.label for i in scheme.scored_indicators if i.key not in mapping.values()]
        if missing:
            raise UnreadableInput(f"Trang {sheet!r} thiếu cột chỉ số: {', '.join(missing)}.")
        out.tables += _sheet_tables(sheet, rows, index, mapping, unit_col, scheme)
    if not out.tables:
        raise UnreadableInput(f"Không tìm thấy bảng điểm nào trong {Path(source).name}.")
    return out


def _sheet_tables(sheet: str, rows: list[tuple], index: int, mapping: dict[int, str], unit_col: int,
                  scheme: Scheme) -> list[SheetTable]:
    header = [_norm(c) for c in rows[index]]
    group_col = next((i for i, n in enumerate(header) if any(n.startswith(w) for w in GROUP_WORDS)), None)
    reason_col = next((i for i, n in enumerate(header) if any(n.startswith(w) for w in REASON_WORDS)), None)
    tables: dict[str, SheetTable] = {}
    for r_index, row in enumerate(rows[index + 1:], start=index + 2):
        name = clean_line(str(row[unit_col] or "")) if unit_col < len(row) else ""
        if not name or re.fullmatch(r"[IVX]+|\d+|tổng( cộng)?", name.casefold()):
            continue
        scores = _scores(sheet, row, r_index, mapping)
        group = (clean_line(str(row[group_col] or "")) if group_col is not None else sheet) or sheet
        table = tables.setdefault(group, SheetTable(sheet=sheet, title=group))
        if any(scores.get(i.key) is not None for i in scheme.scored_indicators):
            table.rows.append(ScoreRow(unit=name, scores=scores, source_row=r_index,
                                       extra={"Trang": sheet, "Dòng": r_index}))
        else:
            reason = clean_line(str(row[reason_col] or "")) if reason_col is not None else ""
            table.not_evaluated.append((name, reason))
    return list(tables.values())


def _scores(sheet: str, row: tuple, r_index: int, mapping: dict[int, str]) -> dict:
    scores = {}
    for col, key in mapping.items():
        text = row[col] if col < len(row) else None
        cell = parse_cell(text, "score")
        if cell is None:
            raise UnreadableInput(f"Trang {sheet!r}, dòng {r_index}: ô {text!r} của {key} không phải số.")
        scores[key] = cell.value if not cell.na and not cell.empty else None
    return scores


def _period_above(rows: list[tuple], sheet: str) -> str | None:
    """The period a score sheet names in its title rows ('KẾT QUẢ … THÁNG 10
    NĂM 2025', 'Kỳ đánh giá: tháng 10/2025') or in its sheet's name."""
    for row in rows:
        for cell in row:
            found = period_of(str(cell)) if cell not in (None, "") else None
            if found:
                return found
    return period_of(sheet)
