"""Tables that are not one row per unit and one column per indicator.

A *summary* table lists a scheme's groups as rows with ``x/y`` points (the
province's 766 index by group). It is turned round so that the usual checks
apply: one :class:`ScoreRow` per value column (the province, the national
average …), ``scores`` keyed by group key, ``total``/``max`` from the
"Tổng hợp" row, the rank from "Xếp hạng: 11/63", and the sub-rates (rows
such as "1.1 Tỷ lệ đồng bộ hồ sơ | 100%") in ``extra`` keyed by their label.

A *data* table is anything else with units in rows: see :mod:`.tables` for
its keys.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..model import Column, ScoreRow, ScoreTable
from ..numbers import CellValue, parse_cell
from ..schemes import Scheme, all_schemes
from ..text import fold
from ..text.labels import result_of, stat_of
from .blocks import unit_blocks
from .cells import CellReader
from .detect import group_for_label
from .grid import fill_results, numeric_column, repeats, role_index, set_result
from .header import ROMAN, ROW_NO, group_heading

_TOTAL_LABEL = re.compile(r"tổng\s*hợp|tổng\s*cộng|^tổng$|tổng\s*điểm|chỉ\s*số\s*chung|điểm\s*chung", re.I)
_LEADING_FRACTION = re.compile(r"^\s*(\d[\d.,]*)\s*/\s*(\d[\d.,]*)")
_RANK = re.compile(r"xếp\s*hạng\s*:?\s*(\d+)\s*(?:/\s*(\d+))?", re.I)
_MAX_HEADER = re.compile(r"tối\s*đa|điểm\s*chuẩn", re.I)
_RATE_LABEL = re.compile(r"^\s*t[ỷỉ]\s*lệ", re.I)
_RATE_HEADER = re.compile(r"^(t[ỷỉ]\s*lệ|tỷ lệ đạt)?\s*\(?%\)?$|^t[ỷỉ]\s*lệ(\s*\(%\))?$")
_LABEL_VALUE = re.compile(r"^(.*\S)\s*:\s*(\d[\d.,]*\s*%?)(\s+\S.*)?$")


def _label(cells: list[str], no_col: int | None, unit_col: int | None) -> str:
    label = cells[unit_col] if unit_col is not None and unit_col < len(cells) else ""
    if not label and no_col is not None and not ROW_NO.match(cells[no_col]):
        label = cells[no_col]
    return label


def _value_cols(grid, roles) -> list[int]:
    return [c.index for c in grid.columns if roles.get(c.index) not in ("no", "unit")
            and numeric_column(grid, c.index)]


def _text_cols(grid, roles) -> list[int]:
    return [c.index for c in grid.columns if roles.get(c.index) != "no" and not numeric_column(grid, c.index)]


def _split_value_cols(grid, roles) -> tuple[list[int], list[int], list[int]]:
    """Point columns (one summary row each), rate columns and rank columns."""
    points, rates, ranks = [], [], []
    for c in _value_cols(grid, roles):
        if roles.get(c) == "rank":
            ranks.append(c)
        elif roles.get(c) == "max" or _MAX_HEADER.search(grid.columns[c].leaf):
            continue  # "Điểm tối đa" beside the units' columns: the groups' maxima, not a unit
        elif roles.get(c) == "percent" or _RATE_HEADER.match(grid.columns[c].leaf.casefold()):
            rates.append(c)
        else:
            points.append(c)
    return (points, rates, ranks) if points else (rates, [], ranks)


def _group_points(label: str, text: str, scheme: Scheme) -> tuple[str, CellValue] | None:
    """(group key, cell) when a row names a scheme group and its cell holds
    the group's points: ``x/y`` with y its maximum, or a plain number within
    it (not a rate: no '%', a label not starting "Tỷ lệ")."""
    cell = parse_cell(text, "score") if text else None
    if cell is None or not cell.is_number:
        return None
    if cell.denominator is not None:
        key = group_for_label(label, scheme, cell.denominator)
        return (key, cell) if key else None
    if cell.percent_sign or _RATE_LABEL.match(label):
        return None
    key = group_for_label(label, scheme, None)
    group = scheme.group(key) if key else None
    return (key, cell) if group is not None and group.max is not None and cell.value <= group.max else None


def choose_scheme(grid, roles) -> tuple[Scheme | None, int | None]:
    """The scheme whose groups the rows name (with their points), and the
    column whose labels name them."""
    no_col = role_index(roles, "no")
    max_col = role_index(roles, "max")
    points = [c for c in _split_value_cols(grid, roles)[0] if c != max_col]
    best, best_col, best_hits = None, None, 0
    for scheme in all_schemes().values():
        if not scheme.groups:
            continue
        for label_col in _text_cols(grid, roles):
            if repeats(grid, label_col):
                continue  # a category column ("Dịch vụ công trực tuyến" on every line of its group)
            hits = set()
            for src in grid.rows:
                label = _label(src.cells, no_col, label_col)
                if not _same_maximum(src.cells, max_col, label, scheme):
                    continue
                for c in points:
                    found = _group_points(label, _text(src.cells, c), scheme)
                    if found:
                        hits.add(found[0])
            if len(hits) > best_hits:
                best, best_col, best_hits = scheme, label_col, len(hits)
    return (best, best_col) if best_hits >= 3 else (None, None)


def _same_maximum(cells: list[str], max_col: int | None, label: str, scheme: Scheme) -> bool:
    """A row that states its own maximum ("Điểm tối đa" 10 beside "Công khai,
    minh bạch") names the scheme's group only when that is the group's maximum:
    a one-stop evaluation with its own criteria borrows the group names, not
    the scheme."""
    if max_col is None:
        return True
    stated = parse_cell(_text(cells, max_col), "score") if _text(cells, max_col) else None
    if stated is None or not stated.is_number:
        return True
    key = group_for_label(label, scheme, None)
    group = scheme.group(key) if key else None
    return group is None or group.max is None or group.max == stated.value


# A row of each column's own maximum in a table with its units as columns: "Điểm tối đa áp dụng", "Điểm chuẩn".
_MAX_ROW = re.compile(r"^(?:tổng\s*)?điểm\s*(?:tối\s*đa|chuẩn)(?:\s*(?:áp\s*dụng|được\s*áp\s*dụng|của\s*đơn\s*vị))?$")
# A row of each column's percent in a table with its units as columns: "Tỷ lệ (%)", "Tỷ lệ đạt được (%)".
_PERCENT_ROW = re.compile(r"^(?:tỷ|tỉ)\s*lệ(?:\s*(?:điểm|đạt|được))*\s*(?:\(\s*%\s*\)|%)?$")


def bind_summary(grid, roles, index: int, reader: CellReader) -> ScoreTable | None:
    scheme, label_col = choose_scheme(grid, roles)
    if scheme is None:
        return None
    no_col = role_index(roles, "no")
    points, rates, ranks = _split_value_cols(grid, roles)
    table = ScoreTable(index=index, scheme=scheme.name, kind="summary", page=grid.raws[0].page,
                       source_table=grid.raws[0].index, headers=[c.label for c in grid.columns])
    subject = _single_value(grid, [c for c in _text_cols(grid, roles) if c != label_col])
    rows = [ScoreRow(unit=subject or grid.columns[c].label or f"Cột {c + 1}", page=grid.rows[0].page)
            for c in points]
    placed: dict[tuple[int, int], tuple[ScoreRow, str]] = {}
    for g, src in enumerate(grid.rows):
        label = _label(src.cells, no_col, label_col)
        result = result_of(label) or ("percent" if _PERCENT_ROW.match(fold(label).strip(" :.")) else None)
        if _MAX_ROW.match(fold(label).strip(" :.")):  # "Điểm tối đa áp dụng": each unit's own maximum
            for row, c in zip(rows, points):
                cell = parse_cell(_text(src.cells, c), "score") if _text(src.cells, c) else None
                if cell is not None and cell.is_number:
                    with _placing(placed, row, g, c):
                        row.max = cell.value
            continue
        if result:
            for row, c in zip(rows, points):
                with _placing(placed, row, g, c):
                    if _text(src.cells, c):
                        set_result(row, result, _text(src.cells, c), scheme, reader, g, c)
            continue
        for row, c in zip(rows, points):
            with _placing(placed, row, g, c):
                _summary_cell(row, label, _text(src.cells, c), scheme, reader, row is rows[0])
        for c in rates:
            with _placing(placed, rows[0], g, c):
                _side_value(rows[0], label, _text(src.cells, c), grid.columns[c].leaf, reader)
        for c in ranks:
            with _placing(placed, rows[0], g, c):
                _rank_value(rows[0], label, _text(src.cells, c), grid.columns[c].leaf)
    used = [g for g in scheme.groups if any(g.key in r.scores for r in rows)]
    table.columns = [Column(key=g.key, label=g.label, group=g.label, max=g.max) for g in used]
    table.rows = [r for r in rows if r.scores or r.total is not None]
    if len(table.rows) > 1 and any(r.grade or r.rank is not None for r in table.rows):
        table.kind = "scores"  # several units, each graded or ranked: a score table turned round
    at = {id(r): i for i, r in enumerate(table.rows)}
    table.cell_keys = {cell: (at[id(row)], key) for cell, (row, key) in placed.items() if id(row) in at}
    return table


class _placing:
    """Notes which key of ``row`` the value read from grid cell (g, c) went to."""

    def __init__(self, placed: dict, row: ScoreRow, g: int, c: int) -> None:
        self.placed, self.row, self.cell = placed, row, (g, c)

    def _keys(self) -> set[str]:
        r = self.row
        return ({k for k, v in r.scores.items() if v is not None} | {k for k in r.extra if not k.endswith("_of")}
                | {k for k in ("total", "rank", "grade", "max") if getattr(r, k) is not None})

    def __enter__(self) -> None:
        self.before = self._keys()

    def __exit__(self, *exc) -> None:
        new = self._keys() - self.before
        if len(new) == 1:
            self.placed[self.cell] = (self.row, new.pop())


def _single_value(grid, cols: list[int]) -> str | None:
    """The unit a one-unit table is about: a text column holding one value
    ("Sở Tài chính - Tỉnh Lâm Đồng" on the first row, the rest empty); of
    several, the one written least often (not a category repeated on every line)."""
    found = []
    for c in cols:
        values = [src.cells[c] for src in grid.rows if c < len(src.cells) and src.cells[c]]
        if len(set(values)) == 1 and len(grid.rows) > 2:
            found.append((len(values), values[0]))
    return min(found)[1] if found else None


def _text(cells: list[str], c: int) -> str:
    return cells[c] if c < len(cells) else ""


def _side_value(row: ScoreRow, label: str, text: str, header: str, reader: CellReader) -> None:
    cell = reader.read(text, "percent", unit=row.unit, column=label) if text else None
    if cell is not None and cell.is_number:
        row.extra[f"{label} ({header})"] = cell.value


def _rank_value(row: ScoreRow, label: str, text: str, header: str) -> None:
    if not text:
        return
    m = re.match(r"^\s*(\d+)\s*(?:/\s*(\d+))?\s*$", text)
    if _TOTAL_LABEL.search(label) and m:
        row.rank = int(m.group(1))
        row.extra["rank_of"] = Decimal(m.group(2)) if m.group(2) else None
    else:
        row.extra[f"{label} ({header})"] = text


def _summary_cell(row: ScoreRow, label: str, text: str, scheme: Scheme, reader: CellReader, first: bool) -> None:
    if text and (cell := parse_cell(text, "score")) is not None and cell.na:  # "-": the group does not apply
        key = group_for_label(label, scheme, None)
        if key is not None and key not in row.scores:
            row.scores[key], row.raw[key] = None, text
        return
    found = _group_points(label, text, scheme)
    if _TOTAL_LABEL.search(label) or (not found and row.total is None and _out_of(text) == scheme.total_max):
        _total_cell(row, text)
        return
    if found and found[0] not in row.scores:
        reader.read(text, "score", unit=row.unit, column=label)
        row.scores[found[0]] = found[1].value
        row.raw[found[0]] = text
        return
    cell = reader.read(text, "score", unit=row.unit, column=label) if text else None
    if cell is not None and cell.is_number:
        row.extra[label] = cell.value
        row.raw[label] = text
    elif not text and first:
        m = _LABEL_VALUE.match(label)
        if m:
            value = reader.read(m.group(2), "auto", unit=row.unit, column=m.group(1))
            if value is not None and value.is_number:
                row.extra[m.group(1)] = value.value
                row.raw[m.group(1)] = m.group(2) + (m.group(3) or "")


def _out_of(text: str) -> Decimal | None:
    cell = parse_cell(text, "score") if text else None
    return cell.denominator if cell is not None else None


def _total_cell(row: ScoreRow, text: str) -> None:
    """"78,49/100 Xếp hạng: 11/63" or a plain "88,72": the whole and its rank."""
    m = _LEADING_FRACTION.match(text)
    if m:
        row.raw["total"] = text
        row.total = parse_cell(m.group(1), "score").value
        row.max = parse_cell(m.group(2), "score").value
    else:
        cell = parse_cell(text, "score") if text else None
        if cell is not None and cell.is_number and not cell.percent_sign:
            row.raw["total"] = text
            row.total = cell.value
    rank = _RANK.search(text)
    if rank:
        row.rank = int(rank.group(1))
        row.extra["rank_of"] = Decimal(rank.group(2)) if rank.group(2) else None


def _merged_heading(cells: list[str]) -> tuple[str, str] | None:
    """(label, title) of a group's heading merged across the row, the one text of the row ("B. UBND CẤP
    XÃ"); else None."""
    texts = {" ".join(c.split()) for c in cells if c.strip()}
    return group_heading(texts.pop()) if len(texts) == 1 else None


def bind_data(grid, roles, index: int, reader: CellReader) -> ScoreTable:
    reader.per_cell = False
    no_col, unit_col = role_index(roles, "no"), role_index(roles, "unit")
    blocks = unit_blocks(grid, roles)
    part_col = blocks.part_col if blocks is not None else None
    value_cols = [c for c in grid.columns if c.index not in (no_col, unit_col, part_col)]
    table = ScoreTable(index=index, kind="data", page=grid.raws[0].page, source_table=grid.raws[0].index,
                       headers=[c.label for c in grid.columns])
    table.columns = [Column(key=f"k{c.index}", label=c.label, group=c.group) for c in value_cols]
    section = section_title = None
    for g, src in enumerate(grid.rows):
        cells = src.cells
        no = cells[no_col] if no_col is not None else None
        unit = cells[unit_col] if unit_col is not None else ""
        if blocks is not None and g in blocks.headings:
            continue  # the unit's own row above its block: its name is on the block's rows
        part = None
        if blocks is not None and g in blocks.rows:
            unit, part = blocks.rows[g]
        if not unit and no and not ROW_NO.match(no):
            unit, no = no, None  # a label merged across the row ("Chỉ số cao nhất"): the row's name
        values = [cells[c.index] for c in value_cols if c.index < len(cells) and cells[c.index]]
        if no and ROMAN.match(no) and not values:
            section, section_title = no.rstrip("."), unit
            continue
        if not values and _LETTER.match(no or "") and _capitals(unit):  # "A | KHỐI SỞ, BAN, NGÀNH"
            section, section_title = no.rstrip("."), unit
            continue
        if (merged := _merged_heading(cells)) is not None:  # "B. UBND CẤP XÃ" across the whole row
            section, section_title = merged
            continue
        row = ScoreRow(unit=unit, no=no or None, section=section, section_title=section_title,
                       page=src.page, source_row=src.raw_row, grid_row=g, part=part)
        for column in value_cols:
            _data_cell(row, column, cells, reader, len(table.rows))
        fill_results(row, cells, {c: r for c, r in roles.items() if r in ("grade", "rank")}, None, reader,
                     len(table.rows))
        table.rows.append(row)
    _grand_total_outside_sections(table)
    _single_score_column(table)
    return table


def _grand_total_outside_sections(table: ScoreTable) -> None:
    """A "Tổng cộng" row closing a table of sections ("I. Cấp tỉnh", "II. Cấp
    xã" heading rows with no figures) is the total of every section, not a row
    of the last one — unless the sections close with totals of their own
    ("Cộng"): then the last is the last section's."""
    rows = table.rows
    if len({r.section for r in rows if r.section}) < 2 or not rows:
        return
    last = rows[-1]
    if last.no or not last.section or stat_of(last.unit) != "sum":
        return
    if any(stat_of(r.unit) == "sum" and r.section and not r.no for r in rows[:-1]):
        return
    last.section = last.section_title = None


def _data_cell(row: ScoreRow, column, cells: list[str], reader: CellReader, r: int) -> None:
    key = f"k{column.index}"
    text = cells[column.index] if column.index < len(cells) else ""
    row.raw[key] = text
    row.source_cols[key] = column.index
    percent = "%" in text or "%" in column.label or re.search(r"t[ỷỉ]\s*lệ", column.label, re.I)
    cell = reader.read(text, "percent" if percent else "auto", row=r, unit=row.unit, column=key, page=row.page,
                       label=column.label, col=column.index)
    if cell is None:
        row.extra[key] = text
        return
    row.scores[key] = cell.value if cell.is_number else None
    if cell.denominator is not None:
        row.extra[f"{key}_of"] = cell.denominator


def _single_score_column(table: ScoreTable) -> None:
    """A ranking list (unit | 62,84/100) reads its one x/y column as the total."""
    keys = {k for r in table.rows for k in r.scores}
    if len(keys) != 1:
        return
    key = keys.pop()
    if all(f"{key}_of" in r.extra for r in table.rows if r.scores.get(key) is not None):
        for r in table.rows:
            if r.scores.get(key) is not None and r.total is None:
                r.total, r.max = r.scores[key], r.extra[f"{key}_of"]


_LETTER = re.compile(r"^\s*[A-ZĐ]\s*[.)]?\s*$")


def _capitals(text: str) -> bool:
    """A group's title in capitals ("KHỐI UBND CẤP HUYỆN"), four letters at least."""
    letters = [ch for ch in text or "" if ch.isalpha()]
    return len(letters) > 3 and all(ch.isupper() for ch in letters)
