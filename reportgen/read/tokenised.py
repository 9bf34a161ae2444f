"""Tables known only as token rows (text extracted from a PDF without column
positions): each row is ``[no, name, value…, trailing words]`` and the header
is free text. The scheme comes from the header's words and maxima; score
values are taken in the scheme's order, then the result columns in the order
the header names them (e.g. total, percent), and the trailing words are the
grade."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import Column, Finding, ScoreRow, ScoreTable
from ..raw import RawTable
from ..schemes import Scheme
from ..text import fold
from . import adhoc
from .cells import CellReader
from .detect import detect_text, header_maxima
from .grid import set_result
from .header import ROMAN, HeaderColumn

_RESULT_WORDS = (
    ("total", re.compile(r"tổng\s+(số\s+)?điểm(?!\s+quy\s+đổi)")),
    ("percent", re.compile(r"quy\s+đổi|t[ỷỉ]\s+lệ|\(\s*%\s*\)")),
    ("max", re.compile(r"điểm\s+tối\s+đa")),
    ("grade", re.compile(r"xếp\s+loại")),
    ("rank", re.compile(r"xếp\s+hạng")),
)


def result_roles(header_text: str) -> list[str]:
    """The result columns the header names, in the order it names them."""
    text = fold(header_text)
    hits = sorted((m.start(), role) for role, pattern in _RESULT_WORDS for m in pattern.finditer(text))
    roles: list[str] = []
    for _, role in hits:
        if role not in roles:
            roles.append(role)
    return roles


def bind(raws: list[RawTable], index: int, scheme_name: str | None, reader: CellReader) -> ScoreTable:
    """The score table of token rows: the header bound to a scheme
    (:func:`_bind_header`), then each row read in turn (:func:`_read_row`);
    a row of one or two cells is a section heading ("I", "Khối sở")."""
    rows = [(raw, r, [c.text for c in cells], cells) for raw in raws for r, cells in enumerate(raw.rows)]
    counts = Counter(len(t) - 3 for _, _, t, _ in rows if len(t) > 3)
    bound = _bind_header(raws, index, scheme_name, counts.most_common(1)[0][0] if counts else 0, reader)
    section: tuple[str | None, str | None] = (None, None)
    for raw, r, texts, cells in rows:
        if len(texts) <= 2:
            if texts and ROMAN.match(texts[0]):
                section = (texts[0].rstrip("."), texts[1] if len(texts) > 1 else None)
            continue
        bound.table.rows.append(_read_row(bound, texts, cells[0].page or raw.page, r, section, reader))
    return bound.table


@dataclass
class _Bound:
    """A token table's header as bound: its table (columns set, no rows
    yet), the scheme (or None), the score keys and the result roles in the
    order the row's values give them."""

    table: ScoreTable
    scheme: Scheme | None
    keys: list[str]
    results: list[str]
    labels: dict[str, str | None]


def _bind_header(raws: list[RawTable], index: int, scheme_name: str | None, n_values: int,
                 reader: CellReader) -> _Bound:
    """The scheme the header's words name (or one made from its maxima,
    noted as assumed), the columns and the result roles."""
    header = "\n".join(raw.header_text or "" for raw in raws[:1])
    scheme = detect_text(header, n_values, scheme_name)
    results = [r for r in result_roles(header) if r != "grade"]
    own = None
    if scheme is None and not scheme_name:
        own = _scheme_from_text(header, n_values - len(results))
        scheme = own
    keys = [i.key for i in scheme.indicators] if scheme else [f"k{i}" for i in range(n_values - len(results))]
    table = ScoreTable(index=index, scheme=scheme.name if scheme else None, kind="scores" if scheme else "data",
                       page=raws[0].page, source_table=raws[0].index, headers=[" ".join(header.split())])
    table.columns = _columns(scheme, keys)
    if own is not None:
        table.scheme_data = own
        reader.note(adhoc.assumed_finding(index, own, raws[0].page))
    return _Bound(table, scheme, keys, results, {c.key: c.label for c in table.columns})


def _read_row(bound: _Bound, texts: list[str], page: int | None, source_row: int,
              section: tuple[str | None, str | None], reader: CellReader) -> ScoreRow:
    """One token row: its name, its score cells in the scheme's order, its
    results from the end of the row, and the trailing words as the grade."""
    keys, results, index = bound.keys, bound.results, bound.table.index
    name, values, trailing = _split(texts, len(keys) + len(results))
    row = ScoreRow(unit=name, no=texts[0], section=section[0], section_title=section[1], page=page,
                   source_row=source_row)
    n = len(bound.table.rows)
    scores, totals = _apart(values, len(keys), len(results))
    if len(values) < len(keys) + len(results):
        reader.note(_short_row(index, n, name, row.page, len(values), len(keys) + len(results)))
    for key, text in zip(keys, scores):
        row.raw[key] = text
        cell = reader.read(text, "score", row=n, unit=name, column=key, page=row.page, label=bound.labels.get(key))
        row.scores[key] = cell.value if cell is not None and cell.is_number else None
    for role, text in zip(results, totals):
        set_result(row, role, text, bound.scheme, reader, n)
    if trailing:
        set_result(row, "grade", trailing, bound.scheme, reader, n)
    return row


def _scheme_from_text(header: str, n_scores: int) -> Scheme | None:
    """A scheme from the maxima a free-text header writes, when there is
    one for every score value of the rows."""
    found = header_maxima(header)
    if len(found) < 3 or len(found) != n_scores:
        return None
    columns = [HeaderColumn(index=i, path=[label or f"Cột {i + 1}"], given_max=m) for i, (label, m) in enumerate(found)]
    return adhoc.scheme_from_header(columns)


def _columns(scheme: Scheme | None, keys: list[str]) -> list[Column]:
    if scheme is None:
        return [Column(key=k, label=k) for k in keys]
    out = []
    for ind in scheme.indicators:
        group = scheme.group(ind.group)
        out.append(Column(key=ind.key, label=ind.label, group=group.label if group else None, max=ind.max))
    return out


def _apart(values: list[str], n_scores: int, n_results: int) -> tuple[list[str], list[str]]:
    """Score cells and result cells; when cells are missing the results are
    still the last ones written (the scores are short, not the total)."""
    if len(values) >= n_scores + n_results or len(values) <= n_results:
        return values[:n_scores], values[n_scores:]
    return values[:len(values) - n_results], values[len(values) - n_results:]


def _short_row(table: int, row: int, unit: str, page: int | None, got: int, expected: int) -> Finding:
    return Finding(code="ROW_INCOMPLETE", severity="warning", table=table, row=row, unit=unit, page=page,
                   reported=str(got), expected=str(expected),
                   message=f"Dòng “{unit}” có {got} số, ít hơn {expected} cột của bảng: "
                           "các chỉ số cuối bị thiếu, tổng và tỷ lệ đọc từ cuối dòng")


def _split(texts: list[str], expected: int) -> tuple[str, list[str], str]:
    """Name, values and trailing words; surplus leading values (a dash that
    ended the name, as in "Lao động -") go back to the name."""
    name, values, trailing = texts[1], list(texts[2:-1]), texts[-1]
    while len(values) > expected:
        name = f"{name} {values.pop(0)}".strip()
    return name, values, trailing
