"""Raw tables become ScoreTables.

The same path serves every format: tables that continue one another are
joined (:mod:`.grouping`), the header is read into column paths
(:mod:`.header`), the scheme is detected from the score columns
(:mod:`.detect`) or, when none is shipped, read from the maxima the header
writes (:mod:`.adhoc`), and each data row becomes a :class:`ScoreRow`.

Three kinds come out:

- ``scores``: one row per unit, scores keyed by the scheme's indicator keys,
  with the reported total, maximum ("88,9/94" → 94), percent and grade;
  other columns (codes, identifiers) stay in ``extra`` by header label;
  ``raw`` keeps every cell as written;
- ``summary``: a group table (rows are a scheme's groups, cells ``x/y``) is
  turned round: one row per value column, scores keyed by group key, total and
  maximum from the "Tổng hợp" row, sub-rates in ``extra`` by label
  (see :mod:`.summary`);
- ``data``: any other table of units and numbers; columns get keys ``k<n>``
  (n = raw column index), numbers go in ``scores[key]`` (the numerator of
  ``x/y``), the denominator in ``extra[key + "_of"]``, text cells (codes) in
  ``extra[key]``; the text as written is in ``raw[key]``.
"""
from __future__ import annotations

import re
from collections import Counter

from ..model import Column, Report, ScoreRow, ScoreTable
from ..numbers import parse_cell
from ..numbers.columns import conventions, role_for
from ..raw import RawTable
from ..schemes import Scheme, load_scheme
from ..text.labels import stat_of
from . import adhoc, summary, tokenised
from .blocks import unit_blocks
from .cells import CellReader
from .detect import detect_grid, is_rate_column
from .grid import Grid, column_roles, fill_results, make_grid, numeric_column, role_index
from .grouping import group_tables
from .header import ROMAN, HeaderColumn

# Rows that sum up or average the units ("Tổng cộng", "Trung bình toàn tỉnh",
# "Bình quân chung", "Toàn huyện"), not units ("Tổng cục Thuế" is one).
_NOT_A_UNIT = re.compile(r"^(tổng\s*cộng|cộng|tổng|tổng\s*số|trung\s*bình|bình\s*quân|điểm\s*trung\s*bình)"
                         r"(\s+(chung|toàn|cả|các|của)\b.*)?$|^(toàn|cả)\s+(tỉnh|huyện|thị\s*xã|thành\s*phố|xã)\b",
                         re.I)


def read_tables(blocks: list, report: Report, scheme: str | None = None) -> list[ScoreTable]:
    out: list[ScoreTable] = []
    for title, raws in group_tables(blocks):
        reader = CellReader(table=len(out))
        table = bind(raws, len(out), scheme, reader)
        if table is None:
            continue
        table.title = title
        out.append(table)
        report.read_findings.extend(reader.findings)
        if title:
            report.appendix_titles.append((table.index, title))
    return out


# -- binding -----------------------------------------------------------------------

def bind(raws: list[RawTable], index: int, scheme: str | None, reader: CellReader) -> ScoreTable | None:
    if raws[0].tokenised:
        return tokenised.bind(raws, index, scheme, reader)
    grid = make_grid(raws)
    if not grid.rows:
        return None
    reader.conventions = grid_conventions(grid)
    reader.names = {c.index: c.label for c in grid.columns if c.label}
    table = _bind(grid, index, scheme, reader)
    if table is not None:
        table.grid = grid
    return table


def grid_conventions(grid: Grid) -> dict[int, str]:
    """The separator convention of each column (see :mod:`.columns`)."""
    by_col: dict[int, list[str]] = {}
    for src in grid.rows:
        for c, text in enumerate(src.cells):
            if text:
                by_col.setdefault(c, []).append(text)
    return conventions(by_col)


def _bind(grid: Grid, index: int, scheme: str | None, reader: CellReader) -> ScoreTable | None:
    roles = column_roles(grid)
    score_cols = [c for c in grid.columns if c.index not in roles and numeric_column(grid, c.index)]
    points = [c for c in score_cols if not is_rate_column(c)]
    page = grid.raws[0].page
    detection = detect_grid(score_cols, scheme) if score_cols else None
    if detection and detection.scheme and not scheme and not _values_within(grid, detection.scheme,
                                                                          detection.mapping, reader.conventions):
        detection = None  # the words matched, the figures are counts far above the indicators' maxima
    if detection and detection.scheme and len(detection.mapping) >= 2 and (scheme or (
            2 * len(detection.mapping) >= len(points) and _mostly_of(detection.scheme, detection.mapping))):
        mapping, wanted = detection.mapping, len(detection.scheme.scored_indicators)
        stated = None if scheme else adhoc.bare_maxima(points, detection.scheme, mapping)
        if stated is not None:  # "Dịch vụ công trực tuyến (22)" where the scheme says 12: the header rules
            for column in points:
                column.given_max = stated.get(column.index, column.given_max)
            own = adhoc.scheme_from_header(points)
            if own is not None:
                reader.note(adhoc.mismatch_finding(index, detection.scheme.name, page, len(mapping), wanted,
                                                   header=True))
                return _bind_own(grid, roles, points, own, index, reader, note=False)
        if len(mapping) < wanted and _scored_layout(score_cols, roles):
            if not scheme:
                own = adhoc.scheme_from_header(points)
                if own is not None:  # the header's own maxima differ from the shipped scheme's: they rule
                    reader.note(adhoc.mismatch_finding(index, detection.scheme.name, page, len(mapping), wanted,
                                                       header=True))
                    return _bind_own(grid, roles, points, own, index, reader, note=False)
            reader.note(adhoc.mismatch_finding(index, detection.scheme.name, page, len(mapping), wanted,
                                               partial=True, chosen=bool(scheme)))
        return bind_scores(grid, roles, detection.scheme, mapping, index, reader)
    if scheme:
        if _scored_layout(score_cols, roles):
            wanted = len(load_scheme(scheme).indicators)
            reader.note(adhoc.mismatch_finding(index, scheme, page, len(detection.mapping) if detection else 0,
                                               wanted))
    else:
        own = adhoc.scheme_from_header(points)
        if own is not None:
            return _bind_own(grid, roles, points, own, index, reader)
    found = summary.bind_summary(grid, roles, index, reader)
    if found is not None:
        return found
    return summary.bind_data(grid, roles, index, reader)


def _mostly_of(scheme: Scheme, mapping: dict[int, str]) -> bool:
    """Whether the columns name half of the scheme's indicators at least: a
    table of nine "Chỉ số 1" … "Chỉ số 9" whose words name five of a provincial
    scheme's fifteen is no table of that scheme (its total would be held to
    indicators it does not have), but one missing a group or two is."""
    return 2 * len(mapping) >= len(scheme.scored_indicators)


def _values_within(grid: Grid, scheme: Scheme, mapping: dict[int, str], conventions: dict) -> bool:
    """The columns a detected scheme maps hold its indicators' points: no
    more than half of the mapped columns have most of their figures above the
    indicator's maximum ("Số phiếu thu về 462" is no "Tiến độ (20 điểm)",
    though "Hài lòng" names an indicator). A slip or two above a maximum
    leaves a column within. Each column is read by its own separator
    convention ("8.737 | 8.578 | 23.441" are thousands, never 8,737)."""
    maxima = {i.key: i.max for i in scheme.indicators}
    over = tested = 0
    for index, key in mapping.items():
        top = maxima.get(key)
        values = [c.value for src in grid.rows if index < len(src.cells)
                  and (c := parse_cell(src.cells[index], _role(src.cells[index], conventions.get(index))))
                  is not None and c.is_number]
        if top is None or not values:
            continue
        tested += 1
        over += 2 * sum(1 for v in values if v > top) > len(values)
    return 2 * over <= tested


def _role(text: str, convention) -> str:
    return role_for(text or "", convention, "score") if convention is not None else "score"


def _bind_own(grid: Grid, roles: dict[int, str], points: list[HeaderColumn], own: Scheme, index: int,
              reader: CellReader, note: bool = True) -> ScoreTable:
    table = bind_scores(grid, roles, own, adhoc.mapping_for(points, own), index, reader)
    table.scheme_data = own
    if note:
        reader.note(adhoc.assumed_finding(index, own, grid.raws[0].page))
    return table


def _scored_layout(score_cols: list[HeaderColumn], roles: dict[int, str]) -> bool:
    """A table laid out as a score table: three or more score columns with a
    written maximum, or a total or grade column beside score columns."""
    with_max = sum(1 for c in score_cols if c.max is not None)
    return with_max >= 3 or (len(score_cols) >= 3 and bool({"total", "grade"} & set(roles.values())))


def bind_scores(grid: Grid, roles: dict[int, str], scheme: Scheme, mapping: dict[int, str], index: int,
                reader: CellReader) -> ScoreTable:
    table = ScoreTable(index=index, scheme=scheme.name, kind="scores", page=grid.raws[0].page,
                       source_table=grid.raws[0].index, headers=[c.label for c in grid.columns])
    for c in sorted(mapping):
        ind = scheme.indicator(mapping[c])
        group = scheme.group(ind.group)
        table.columns.append(Column(key=ind.key, label=ind.label, group=group.label if group else None, max=ind.max))
    no_col, unit_col = role_index(roles, "no"), role_index(roles, "unit")
    blocks = unit_blocks(grid, roles)
    section = section_title = None
    for g, src in enumerate(grid.rows):
        cells = src.cells
        no = cells[no_col] if no_col is not None else None
        unit = cells[unit_col] if unit_col is not None else ""
        part = None
        if blocks is not None and g in blocks.headings:
            continue  # the unit's own row above its block: its name is on the block's rows
        if blocks is not None and g in blocks.rows:
            unit, part = blocks.rows[g]
        heading = section_of(cells, no, unit, mapping)
        if heading is not None:
            section, section_title = heading
            continue
        if not unit or _NOT_A_UNIT.match(unit) or stat_of(unit):
            continue  # a statistic of the units (Cao nhất, Bình quân) is held to its column, not graded
        row = ScoreRow(unit=unit, no=no or None, section=section, section_title=section_title,
                       page=src.page, source_row=src.raw_row, grid_row=g, part=part)
        fill_scores(row, cells, mapping, reader, len(table.rows), {c.key: c.label for c in table.columns})
        fill_results(row, cells, roles, scheme, reader, len(table.rows))
        fill_other(row, cells, grid.columns, mapping, roles)
        if has_numbers(row):
            table.rows.append(row)
    return table


def has_numbers(row: ScoreRow) -> bool:
    """A unit listed without any figure (not evaluated) is not a score row."""
    return any(v is not None for v in row.scores.values()) or row.total is not None or row.percent is not None


_SECTION_TEXT = re.compile(r"^([IVXLC]{1,6}|[A-ZĐ])[.)]?\s+(\S.*)$")


def section_of(cells: list[str], no: str | None, unit: str, mapping: dict[int, str]) -> tuple | None:
    """(label, title) when the row is a group row: "I | CÁC CƠ QUAN …",
    "I. CÁC CƠ QUAN …" in one merged cell, or a title in capitals, with no
    figures in the score columns."""
    if any(cells[c] for c in mapping if c < len(cells)):
        return None
    if no and ROMAN.match(no):
        return no.rstrip("."), unit or _first_text(cells[1:])
    m = _SECTION_TEXT.match(no or _first_text(cells) or "")
    if m and not unit:
        return m.group(1), m.group(2)
    letters = [ch for ch in unit if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and len(letters) > 3:
        return (no.rstrip(".") if no else None), unit
    return None


def _first_text(cells: list[str]) -> str | None:
    return next((c for c in cells if c), None)


def fill_scores(row: ScoreRow, cells: list[str], mapping: dict[int, str], reader: CellReader, r: int,
                labels: dict[str, str] | None = None) -> None:
    for c, key in mapping.items():
        text = cells[c] if c < len(cells) else ""
        row.raw[key] = text
        row.source_cols[key] = c
        cell = reader.read(text, "score", row=r, unit=row.unit, column=key, page=row.page,
                           label=(labels or {}).get(key), col=c)
        row.scores[key] = cell.value if cell is not None and cell.is_number else None


def fill_other(row: ScoreRow, cells: list[str], columns: list[HeaderColumn], mapping: dict[int, str],
               roles: dict[int, str]) -> None:
    """Cells of columns that are neither indicators nor results (codes,
    identifiers) stay on the row as written, by column label; columns whose
    labels repeat ("Tỷ lệ (%)" of groups a PDF did not name) each keep their
    own cells, labelled with their place ("Tỷ lệ (%) (cột 5)")."""
    others = [column for column in columns if column.index not in mapping and column.index not in roles]
    seen = Counter(column.label or f"Cột {column.index + 1}" for column in others)
    for column in others:
        c = column.index
        if c >= len(cells) or not cells[c]:
            continue
        label = column.label or f"Cột {c + 1}"
        if seen[label] > 1:
            label = f"{label} (cột {c + 1})"
        row.extra[label] = cells[c]
        row.source_cols.setdefault(label, c)  # so the checks name the cell as the coverage counts it

