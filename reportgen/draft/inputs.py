"""What a draft is made from: the portal export, a score sheet (XLSX or CSV,
one row per unit), the JSON of ``reportgen extract``, or a prior report (any
file the parsers read).

Every file is read in :mod:`reportgen.read` (the portal export in
:mod:`reportgen.read.portal`, a score sheet in :mod:`reportgen.read.score_sheet`
through the same column matching as every other table, a report by
:func:`reportgen.read.read_path`); here its score tables become the draft's
tables (headings, nouns, units not evaluated) and are rescored (:func:`prepared`).
"""
from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

from ..model import ScoreRow, ScoreTable, Statement, StatementKind, TableKind
from ..raw import UnreadableInput
from ..read.portal import is_portal_workbook
from ..read.score_sheet import Sheets, csv_sheets, is_grouped, read_score_sheet, xlsx_sheets
from ..schemes import load_scheme
from ..text import clean_line
from .data import Correction, DraftData, DraftTable, noun_for, recompute, sentence_case, unit_case
from .portal import load_portal


def load_input(path: str | Path, scheme_name: str | None = None, province: str | None = None) -> DraftData:
    p = Path(path)
    if not p.is_file():
        raise UnreadableInput(f"Không tìm thấy tệp đầu vào: {p}")
    suffix = p.suffix.lower()
    head = p.read_bytes()[:4]
    if suffix == ".json":
        return _from_json(p, scheme_name)
    if head.startswith(b"PK") and suffix in (".xlsx", ".xlsm"):
        sheets = xlsx_sheets(p)
        if is_portal_workbook(sheets):
            return load_portal(sheets, str(p), province, scheme_name)
        # A workbook laid out as a report (two-level headers, section rows,
        # totals and grades beside the scores) is read by the report reader,
        # which also lists the figures it wrote wrong; a plain sheet by ours.
        if is_grouped(sheets):  # a plain sheet with a group column: its groups are the tables
            return _first_that_reads(lambda: _from_sheets(sheets, str(p), scheme_name),
                                     lambda: _from_report(p, scheme_name), explain=0)
        return _first_that_reads(lambda: _from_report(p, scheme_name),
                                 lambda: _from_sheets(sheets, str(p), scheme_name), explain=1)
    if suffix in (".csv", ".tsv"):
        return _first_that_reads(lambda: _from_sheets(csv_sheets(p), str(p), scheme_name),
                                 lambda: _from_report(p, scheme_name), explain=0)
    return _from_report(p, scheme_name)


def _first_that_reads(*readers, explain: int) -> DraftData:
    """The first reader that finds score tables; when none does, the message
    of the score-sheet reader (``explain``) says what a sheet needs."""
    errors = []
    for read in readers:
        try:
            return read()
        except UnreadableInput as exc:
            errors.append(exc)
    raise errors[explain]


# --- score sheets -----------------------------------------------------------------

def _from_sheets(sheets: Sheets, source: str, scheme_name: str | None) -> DraftData:
    """A draft's tables from a score sheet read in :mod:`reportgen.read.score_sheet`."""
    sheet = read_score_sheet(sheets, source, scheme_name)
    data = DraftData(source=source, period=sheet.period)
    for t in sheet.tables:
        table = ScoreTable(index=len(data.tables), title=t.title, scheme=sheet.scheme.name, rows=t.rows)
        data.tables.append(DraftTable(table=table, scheme=sheet.scheme, heading=t.title,
                                      noun=noun_for(t.rows), not_evaluated=t.not_evaluated, sheet=t.sheet))
    return data


# --- JSON and reports -------------------------------------------------------------

def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _from_json(path: Path, scheme_name: str | None) -> DraftData:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UnreadableInput(f"Tệp JSON {path.name} không đọc được: {exc}") from exc
    tables = []
    for t_index, t in enumerate(doc.get("tables", [])):
        if t.get("kind", "scores") != "scores" or not t.get("rows"):
            continue
        rows = [ScoreRow(unit=r["unit"], scores={k: _dec(v) for k, v in r.get("scores", {}).items()},
                         no=r.get("no"), section=r.get("section"), total=_dec(r.get("total")),
                         max=_dec(r.get("max")), percent=_dec(r.get("percent")), grade=r.get("grade"),
                         page=r.get("page"))
                for r in t["rows"]]
        tables.append(ScoreTable(index=t_index, title=t.get("title"), scheme=t.get("scheme"), rows=rows))
    data = _from_tables(tables, str(path), scheme_name, doc.get("meta", {}).get("period"))
    stated = [Statement(kind="evaluated_count", text=s.get("text", ""), numerator=_dec(s.get("numerator")),
                        denominator=_dec(s.get("denominator")))
              for s in doc.get("statements", []) if s.get("kind") == "evaluated_count" and s.get("denominator")]
    _populations(data, stated)
    return data


def _from_report(path: Path, scheme_name: str | None) -> DraftData:
    try:
        from ..read import read_path
    except ImportError as exc:
        raise UnreadableInput(f"Chưa đọc được báo cáo {path.name}: bộ đọc báo cáo chưa sẵn sàng.") from exc
    report = read_path(path)
    tables = [t for t in report.tables if t.kind == TableKind.SCORES and t.rows]
    data = _from_tables(tables, str(path), scheme_name, report.meta.period)
    data.source_meta = report.meta
    _populations(data, [s for s in report.statements if s.kind == StatementKind.EVALUATED_COUNT and s.denominator])
    for f in report.read_findings:
        if f.code == "NUMBER_FORMAT" and f.reported and f.expected:
            data.notes.append(f"{f.unit}: số {f.reported} viết sai định dạng, dự thảo ghi {f.expected}")
    return data


def _populations(data: DraftData, stated: list) -> None:
    """'Thực hiện đánh giá đối với 17/19 cơ quan': the report's own count of
    units, in order, one per table or per section of a table."""
    slots = [(dt, number) for dt in data.tables for number, _, _ in (dt.sections() or [(None, None, [])])]
    if len(stated) != len(slots):
        return
    for (dt, number), statement in zip(slots, stated):
        rows = [r for r in dt.rows if r.section == number]
        if statement.numerator is not None and int(statement.numerator) == len(rows):
            dt.populations[number] = int(statement.denominator)


def _from_tables(tables: list[ScoreTable], source: str, scheme_name: str | None,
                 period: str | None) -> DraftData:
    data = DraftData(source=source, period=period)
    for table in tables:
        name = scheme_name or table.scheme
        if not name:
            raise UnreadableInput(f"Bảng {table.title or table.index} không rõ bộ chỉ số; chọn bằng --scheme.")
        # A table checked against its header's own maxima carries that scheme.
        scheme = table.scheme_data if table.scheme_data is not None and not scheme_name else load_scheme(name)
        title = table.title or ""
        heading = _heading_from_title(title)
        data.tables.append(DraftTable(table=table, scheme=scheme, heading=heading,
                                      noun=noun_for(table.rows), title=bare_title(title) or None))
    if not data.tables:
        raise UnreadableInput(f"Không tìm thấy bảng điểm nào trong {Path(source).name}.")
    return data


_APPENDIX_WORD = re.compile(r"^\s*phụ\s+lục\s*[IVXLC\d]*\s*[.:\-]?\s*", re.IGNORECASE)
_PERIOD_TAIL = re.compile(r"\s+(?:năm|tháng|quý)\s+[\dIVX]+(?:\s*(?:/|năm)\s*\d{4})?\s*$", re.IGNORECASE)


def bare_title(title: str) -> str:
    """An appendix title without 'Phụ lục II' before it and the period after it."""
    return _PERIOD_TAIL.sub("", _APPENDIX_WORD.sub("", clean_line(title))).strip()


def _heading_from_title(title: str) -> str:
    m = re.search(r"\bcủa\s+(.+)$", bare_title(title), re.IGNORECASE)
    return sentence_case(m[1]) if m else "Các cơ quan, đơn vị"


def prepared(data: DraftData) -> DraftData:
    """Every table rescored and ranked; what the input wrote otherwise is
    listed in ``data.corrections``."""
    corrections: list[Correction] = []
    for index, dt in enumerate(data.tables):
        for row in dt.table.rows:
            row.unit = unit_case(row.unit)
        dt.table = recompute(dt.table, dt.scheme, index, corrections)
    data.corrections = corrections
    return data
