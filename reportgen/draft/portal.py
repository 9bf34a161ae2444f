"""The national portal's 766 export (Cổng Dịch vụ công quốc gia).

One sheet per level, recognised by their columns, not their names: sheets with
``TONG_SCORE`` rank units; ``LOAI_COQUAN`` tells the level (1 province, 2
department, 3 commune). Group scores sit in columns named by the scheme's group
codes (CKMB, TDGQ, CLGQ, TTTT, MDHL, MDSH), as text with a decimal point. A
"Xu hướng tháng" style sheet (month, year, score) gives the period and the
trend. Every row keeps its sheet and row number, so each figure in the draft
can be traced back.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..model import ScoreRow, ScoreTable
from ..raw import UnreadableInput
from ..read.portal import trend_rows
from ..schemes import Scheme, load_scheme
from ..scoring import rank_rows, score_row
from ..text import clean_line
from .data import DraftData, DraftTable, ProvinceResult
from .narrative import lower_first

PORTAL_SCHEME = "qd766-2022"
LEVELS = {
    "1": ("tỉnh, thành phố", "tỉnh"),
    "2": ("Các sở, ban, ngành", "cơ quan"),
    "3": ("UBND các xã, phường, đặc khu", "đơn vị"),
}
_SUFFIX = re.compile(r"\s+-\s+(tỉnh|thành phố|tp\.?)\s+[^-]+$", re.IGNORECASE)


def is_portal_workbook(rows_by_sheet: dict[str, list[tuple]]) -> bool:
    return any(rows and "TONG_SCORE" in _header(rows) for rows in rows_by_sheet.values())


def _header(rows: list[tuple]) -> list[str]:
    return [str(c).strip().upper() if c is not None else "" for c in rows[0]] if rows else []


def _decimal(text, where: str) -> Decimal | None:
    if text is None or str(text).strip() in ("", "-"):
        return None
    try:
        return Decimal(str(text).strip().replace(",", "."))
    except InvalidOperation:
        raise UnreadableInput(f"Ô {where} không phải số: {text!r}") from None


def indicator_columns(scheme: Scheme) -> dict[str, str]:
    """Export code → indicator key, from the scheme's codes."""
    out = {}
    for ind in scheme.scored_indicators:
        group = scheme.group(ind.group)
        code = ind.code or (group.code if group and sum(
            1 for i in scheme.scored_indicators if i.group == ind.group) == 1 else None)
        if code:
            out[code.upper()] = ind.key
    return out


def short_name(name: str) -> str:
    """'Sở Tư pháp - tỉnh An Giang' → 'Sở Tư pháp'."""
    return _SUFFIX.sub("", name).strip()


def _rows(sheet: str, rows: list[tuple], scheme: Scheme) -> list[ScoreRow]:
    header = _header(rows)
    codes = indicator_columns(scheme)
    missing = [c for c in codes if c not in header]
    if missing:
        raise UnreadableInput(f"Trang {sheet!r} thiếu cột {', '.join(missing)} của bộ chỉ số {scheme.name}.")
    col = {name: i for i, name in enumerate(header)}
    name_col = col.get("TEN", col.get("TEN_COQUAN"))
    out = []
    for r_index, row in enumerate(rows[1:], start=2):
        if not row or all(c in (None, "") for c in row):
            continue
        name = clean_line(str(row[name_col] or ""))
        scores = {key: _decimal(row[col[code]], f"{sheet}!{code}{r_index}") for code, key in codes.items()}
        extra = {"Mã": str(row[col["MA_COQUAN"]]) if "MA_COQUAN" in col else None,
                 "Trang": sheet, "Dòng": r_index}
        raw = {}
        if "TONG_SCORE" in col:
            raw["total"] = str(row[col["TONG_SCORE"]])
        if "ROW_STT" in col and row[col["ROW_STT"]] not in (None, ""):
            extra["STT trên Cổng"] = int(str(row[col["ROW_STT"]]))
        level = str(row[col["LOAI_COQUAN"]]).strip() if "LOAI_COQUAN" in col else ""
        extra["Cấp"] = level
        out.append(ScoreRow(unit=name, scores=scores, raw=raw, extra=extra, source_row=r_index,
                            total=_decimal(raw.get("total"), f"{sheet}!TONG_SCORE{r_index}")))
    return out


def _trend(rows: list[tuple]) -> list[tuple[str, Decimal, int, int]]:
    """The monthly trend sheet through the reader's own (read/portal.py)."""
    if not rows:
        return []
    header = [str(c) if c is not None else "" for c in rows[0]]
    found = trend_rows(header, [[("" if c is None else str(c)) for c in row] for row in rows[1:]])
    return [(f"{month}/{year}", score, year, month) for year, month, score in found if score is not None]


def load_portal(rows_by_sheet: dict[str, list[tuple]], source: str, province: str | None = None,
                scheme_name: str | None = None) -> DraftData:
    scheme = load_scheme(scheme_name or PORTAL_SCHEME)
    data = DraftData(source=source)
    ranking: dict[str, list[ScoreRow]] = {}  # 'month' / 'year' → province rows
    units: dict[str, list[ScoreRow]] = {}
    trend: list = []
    for sheet, rows in rows_by_sheet.items():
        if not rows:
            continue
        header = _header(rows)
        if "TONG_SCORE" not in header:
            trend = trend or _trend(rows)
            continue
        parsed = _rows(sheet, rows, scheme)
        levels = {r.extra.get("Cấp") for r in parsed}
        if levels == {"1"}:
            ranking["year" if "năm" in sheet.casefold() or "year" in sheet.casefold() else "month"] = parsed
            for r in parsed:
                r.extra["Trang"] = sheet
        else:
            units.setdefault(sorted(levels)[0] if levels else "", []).extend(parsed)
    if trend:
        _, _, year, month = trend[-1]
        data.period = f"{year}-{month:02d}"
    else:
        m = re.search(r"(20\d\d)-(\d\d)", Path(source).name)
        data.period = f"{m[1]}-{m[2]}" if m else None

    codes = sorted({str(r.extra.get("Mã") or "").split(".")[0] for rs in units.values() for r in rs} - {""})
    month_rows = ranking.get("month") or ranking.get("year") or []
    target = _find_province(month_rows, province, codes, _named_province(units), data.warnings)
    if target is not None:
        ordered = rank_rows([_scored(r, scheme) for r in month_rows])
        mine = next(r for r in ordered if r.unit == target.unit)
        data.province = ProvinceResult(row=mine, rank=mine.rank, of=len(ordered), sheet=mine.extra["Trang"],
                                       portal_rank=mine.extra.get("STT trên Cổng"),
                                       trend=[(label, score) for label, score, _, _ in trend])
        if "year" in ranking and ranking.get("month"):
            yearly = rank_rows([_scored(r, scheme) for r in ranking["year"]])
            ymine = next((r for r in yearly if r.extra.get("Mã") == mine.extra.get("Mã")), None)
            if ymine is not None:
                data.province.year_row, data.province.year_rank = ymine, ymine.rank
    province_name = target.unit if target is not None else None
    for level in sorted(units):
        heading, noun = LEVELS.get(level, ("Các đơn vị", "đơn vị"))
        rows = units[level]
        for r in rows:
            r.unit = short_name(r.unit)
        sheet = rows[0].extra.get("Trang") if rows else None
        table = ScoreTable(index=len(data.tables), title=sheet, scheme=scheme.name, rows=rows)
        data.tables.append(DraftTable(table=table, scheme=scheme, heading=heading, noun=noun, sheet=sheet,
                                      title=_title(heading, province_name)))
    if not data.tables and data.province is None:
        raise UnreadableInput(f"Không tìm thấy trang điểm nào trong {source}.")
    return data


def _title(heading: str, province: str | None) -> str:
    where = f" {province.replace('UBND ', '')}" if province else ""
    return f"Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp của {lower_first(heading)}{where}"


def _scored(row: ScoreRow, scheme: Scheme) -> ScoreRow:
    result = score_row(row.scores, scheme)
    return ScoreRow(unit=row.unit, scores=row.scores, total=result.total, max=result.max,
                    percent=result.percent, grade=result.grade, extra=row.extra, raw=row.raw,
                    source_row=row.source_row)


def _named_province(units: dict[str, list[ScoreRow]]) -> str | None:
    """'tỉnh An Giang' when most unit names end with '- tỉnh An Giang'."""
    named = [m[1].strip() for rs in units.values() for r in rs
             if (m := re.search(r"\s+-\s+((?:tỉnh|thành phố)\s+[^-]+)$", r.unit, re.IGNORECASE))]
    if not named:
        return None
    best = max(set(named), key=named.count)
    return best if named.count(best) * 2 > sum(len(rs) for rs in units.values()) else None


def _find_province(rows: list[ScoreRow], wanted: str | None, codes: list[str], named: str | None = None,
                   warnings: list[str] | None = None) -> ScoreRow | None:
    """The province the units belong to: ``--province`` when given; else by
    the units' codes and by the names they carry ('… - tỉnh An Giang'),
    warning where the two disagree (the codes win)."""
    if not rows:
        return None
    warnings = warnings if warnings is not None else []
    if wanted:
        folded = wanted.casefold()
        for r in rows:
            if folded in r.unit.casefold() or folded == str(r.extra.get("Mã", "")).casefold():
                return r
        raise UnreadableInput(f"Không có tỉnh {wanted!r} trong bảng xếp hạng các tỉnh.")
    by_code = next((r for r in rows if len(codes) == 1 and str(r.extra.get("Mã")) == codes[0]), None)
    by_name = next((r for r in rows if named and r.unit.casefold().endswith(named.casefold())), None)
    if by_code is not None and by_name is not None and by_code is not by_name:
        warnings.append(f"mã các đơn vị ({codes[0]}) thuộc {by_code.unit} nhưng tên đơn vị ghi “{named}”; "
                        f"dự thảo lấy kết quả của {by_code.unit}. Dùng --province để chọn tỉnh khác.")
    elif by_code is None and len(codes) > 1:
        warnings.append(f"các đơn vị mang mã của nhiều tỉnh ({', '.join(codes[:5])}); "
                        + (f"lấy tỉnh theo tên đơn vị: {by_name.unit}." if by_name is not None
                           else "không xác định được tỉnh. Dùng --province để chọn."))
    return by_code or by_name
