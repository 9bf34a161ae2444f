"""Reading what a draft is made from: the portal export, a score sheet (XLSX or
CSV, one row per unit), the JSON of ``reportgen extract``, or a prior report
(any file the parsers read).

A score sheet names its columns by indicator key ("c1"), export code ("CKMB")
or header words ("Chỉ số 1 (6đ)"); a group row above the indicator row tells
apart indicators with the same words in different groups. A column "Nhóm" or
"Cấp" splits the units into tables; a "Ghi chú"/"Lý do" column gives the reason
a unit without scores was not evaluated.
"""
from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

from ..model import ScoreRow, ScoreTable, Statement
from ..numbers import parse_cell
from ..raw import UnreadableInput
from ..schemes import Scheme, all_schemes, load_scheme
from ..text import clean_line
from ..text.dates import period_of
from .data import Correction, DraftData, DraftTable, has_scores, noun_for, recompute, sentence_case, unit_case
from .portal import indicator_columns, is_portal_workbook, load_portal

UNIT_WORDS = ("tên cơ quan", "tên đơn vị", "cơ quan", "đơn vị", "tên", "unit")
GROUP_WORDS = ("nhóm", "cấp", "khối", "section", "level")
REASON_WORDS = ("ghi chú", "lý do", "reason", "note")


def load_input(path: str | Path, scheme_name: str | None = None, province: str | None = None) -> DraftData:
    p = Path(path)
    if not p.is_file():
        raise UnreadableInput(f"Không tìm thấy tệp đầu vào: {p}")
    suffix = p.suffix.lower()
    head = p.read_bytes()[:4]
    if suffix == ".json":
        return _from_json(p, scheme_name)
    if head.startswith(b"PK") and suffix in (".xlsx", ".xlsm"):
        sheets = _xlsx_rows(p)
        if is_portal_workbook(sheets):
            return load_portal(sheets, str(p), province, scheme_name)
        # A workbook laid out as a report (two-level headers, section rows,
        # totals and grades beside the scores) is read by the report reader,
        # which also lists the figures it wrote wrong; a plain sheet by ours.
        if _grouped(sheets):  # a plain sheet with a group column: its groups are the tables
            return _first_that_reads(lambda: _from_sheets(sheets, str(p), scheme_name),
                                     lambda: _from_report(p, scheme_name), explain=0)
        return _first_that_reads(lambda: _from_report(p, scheme_name),
                                 lambda: _from_sheets(sheets, str(p), scheme_name), explain=1)
    if suffix in (".csv", ".tsv"):
        return _first_that_reads(lambda: _from_sheets({p.stem: _csv_rows(p)}, str(p), scheme_name),
                                 lambda: _from_report(p, scheme_name), explain=0)
    return _from_report(p, scheme_name)


def _grouped(sheets: dict[str, list[tuple]]) -> bool:
    """A sheet whose header row (unit column first) has a group column."""
    for rows in sheets.values():
        for row in rows[:12]:
            names = [_norm(c) for c in row]
            if any(n.startswith(UNIT_WORDS[:4]) for n in names) and any(n.startswith(GROUP_WORDS) for n in names):
                return True
    return False


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


# --- spreadsheets -----------------------------------------------------------------

def _xlsx_rows(path: Path) -> dict[str, list[tuple]]:
    # The project's streamed XLSX reader, within the command's --limit values.
    from parsers.xlsx_package import sheet_texts

    return sheet_texts(path)


def _cell_text(value) -> str | None:
    """Cells as text: a float written by a spreadsheet becomes its shortest
    decimal form ('4.97'), so the score never goes through binary arithmetic."""
    if value is None:
        return None
    if isinstance(value, float):
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    return str(value)


def _csv_rows(path: Path) -> list[tuple]:
    text = path.read_text(encoding="utf-8-sig")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [tuple(c if c != "" else None for c in row) for row in csv.reader(io.StringIO(text), dialect)]


def _norm(text) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()


def _strip_max(label: str) -> str:
    return re.sub(r"\(\s*\d+([.,]\d+)?\s*(đ|điểm)\s*\)", "", label).strip(" :-")


def _match_column(header: str, group_text: str, scheme: Scheme) -> str | None:
    h = _norm(header)
    if not h:
        return None
    codes = indicator_columns(scheme)
    for ind in scheme.scored_indicators:
        if h == ind.key.casefold() or (ind.code and h == ind.code.casefold()):
            return ind.key
    if h.upper() in codes:
        return codes[h.upper()]
    bare = _norm(_strip_max(header))
    exact = [i for i in scheme.scored_indicators if _norm(i.label) == bare]
    if len(exact) == 1:
        return exact[0].key
    candidates = [i for i in scheme.scored_indicators
                  if any(re.search(r"(?<![\w])" + re.escape(w) + r"(?![\w])", bare) for w in i.words)]
    if len(candidates) > 1:
        g = _norm(group_text) + " " + h
        narrowed = [i for i in candidates if (grp := scheme.group(i.group)) is not None
                    and any(w in g for w in grp.words)]
        candidates = narrowed or candidates
    if len(candidates) > 1:  # the most specific words win: "chỉ số 12" over "chỉ số 1"
        best = max(max(len(w) for w in i.words if w in bare) for i in candidates)
        candidates = [i for i in candidates if max(len(w) for w in i.words if w in bare) == best]
    return candidates[0].key if len(candidates) == 1 else None


def _header_row(rows: list[tuple], scheme: Scheme) -> tuple[int, dict[int, str], int | None] | None:
    for index, row in enumerate(rows[:12]):
        names = [_norm(c) for c in row]
        unit_col = next((i for w in UNIT_WORDS for i, n in enumerate(names) if n == w or n.startswith(w)), None)
        if unit_col is None:
            continue
        group_row = rows[index - 1] if index else ()
        mapping = {}
        for col, cell in enumerate(row):
            if col == unit_col:
                continue
            group_text = group_row[col] if col < len(group_row) else ""
            key = _match_column(cell or "", group_text or "", scheme)
            if key and key not in mapping.values():
                mapping[col] = key
        if len(mapping) >= 2:
            return index, mapping, unit_col
    return None


def _pick_scheme(sheets: dict[str, list[tuple]], scheme_name: str | None) -> Scheme:
    if scheme_name:
        return load_scheme(scheme_name)
    scored = []
    for scheme in all_schemes().values():
        best = 0
        for rows in sheets.values():
            found = _header_row(rows, scheme)
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


def _from_sheets(sheets: dict[str, list[tuple]], source: str, scheme_name: str | None) -> DraftData:
    scheme = _pick_scheme(sheets, scheme_name)
    data = DraftData(source=source)
    for sheet, rows in sheets.items():
        found = _header_row(rows, scheme)
        if not found:
            continue
        index, mapping, unit_col = found
        data.period = data.period or _period_above(rows[:index], sheet)
        header = [_norm(c) for c in rows[index]]
        group_col = next((i for i, n in enumerate(header) if any(n.startswith(w) for w in GROUP_WORDS)), None)
        reason_col = next((i for i, n in enumerate(header) if any(n.startswith(w) for w in REASON_WORDS)), None)
        missing = [i.label for i in scheme.scored_indicators if i.key not in mapping.values()]
        if missing:
            raise UnreadableInput(f"Trang {sheet!r} thiếu cột chỉ số: {', '.join(missing)}.")
        groups: dict[str, tuple[list[ScoreRow], list[tuple[str, str]]]] = {}
        for r_index, row in enumerate(rows[index + 1:], start=index + 2):
            name = clean_line(str(row[unit_col] or "")) if unit_col < len(row) else ""
            if not name or re.fullmatch(r"[IVX]+|\d+|tổng( cộng)?", name.casefold()):
                continue
            scores = {}
            for col, key in mapping.items():
                text = row[col] if col < len(row) else None
                cell = parse_cell(text, "score")
                if cell is None:
                    raise UnreadableInput(f"Trang {sheet!r}, dòng {r_index}: ô {text!r} của {key} không phải số.")
                scores[key] = cell.value if not cell.na and not cell.empty else None
            group = clean_line(str(row[group_col] or "")) if group_col is not None else sheet
            rows_, skipped = groups.setdefault(group or sheet, ([], []))
            score_row = ScoreRow(unit=name, scores=scores, source_row=r_index, extra={"Trang": sheet, "Dòng": r_index})
            if has_scores(score_row, scheme):
                rows_.append(score_row)
            else:
                reason = clean_line(str(row[reason_col] or "")) if reason_col is not None else ""
                skipped.append((name, reason))
        for group, (rows_, skipped) in groups.items():
            table = ScoreTable(index=len(data.tables), title=group, scheme=scheme.name, rows=rows_)
            data.tables.append(DraftTable(table=table, scheme=scheme, heading=group,
                                          noun=_noun_for(rows_), not_evaluated=skipped, sheet=sheet))
    if not data.tables:
        raise UnreadableInput(f"Không tìm thấy bảng điểm nào trong {Path(source).name}.")
    return data


def _period_above(rows: list[tuple], sheet: str) -> str | None:
    """The period a score sheet names in its title rows ('KẾT QUẢ … THÁNG 10
    NĂM 2025', 'Kỳ đánh giá: tháng 10/2025') or in its sheet's name."""
    for row in rows:
        for cell in row:
            found = period_of(str(cell)) if cell not in (None, "") else None
            if found:
                return found
    return period_of(sheet)


def _noun_for(rows: list[ScoreRow]) -> str:
    return noun_for(rows)


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
    tables = [t for t in report.tables if t.kind == "scores" and t.rows]
    data = _from_tables(tables, str(path), scheme_name, report.meta.period)
    data.source_meta = report.meta
    _populations(data, [s for s in report.statements if s.kind == "evaluated_count" and s.denominator])
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
                                      noun=_noun_for(table.rows), title=bare_title(title) or None))
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
