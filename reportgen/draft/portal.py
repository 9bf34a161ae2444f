"""A draft from the national portal's 766 export (Cổng Dịch vụ công quốc gia).

The export is read in :mod:`reportgen.read.portal` (its sheets, levels, trend
and period); here the province's result is found and ranked among the
provinces, and each level of units becomes a table of the draft.
"""
from __future__ import annotations

import re

from ..model import ScoreRow, ScoreTable
from ..raw import UnreadableInput
from ..read.portal import PortalExport, read_portal_export
from ..schemes import Scheme, load_scheme
from ..scoring import rank_rows, score_row
from .data import DraftData, DraftTable, ProvinceResult
from .narrative import lower_first

PORTAL_SCHEME = "qd766-2022"
LEVELS = {
    "1": ("tỉnh, thành phố", "tỉnh"),
    "2": ("Các sở, ban, ngành", "cơ quan"),
    "3": ("UBND các xã, phường, đặc khu", "đơn vị"),
}
_SUFFIX = re.compile(r"\s+-\s+(tỉnh|thành phố|tp\.?)\s+[^-]+$", re.IGNORECASE)


def short_name(name: str) -> str:
    """'Sở Tư pháp - tỉnh An Giang' → 'Sở Tư pháp'."""
    return _SUFFIX.sub("", name).strip()


def load_portal(rows_by_sheet: dict[str, list[tuple]], source: str, province: str | None = None,
                scheme_name: str | None = None) -> DraftData:
    scheme = load_scheme(scheme_name or PORTAL_SCHEME)
    export = read_portal_export(rows_by_sheet, source, scheme)
    data = DraftData(source=source, period=export.period)
    target = _province_result(data, export, province, scheme)
    province_name = target.unit if target is not None else None
    for level in sorted(export.units):
        heading, noun = LEVELS.get(level, ("Các đơn vị", "đơn vị"))
        rows = export.units[level]
        for r in rows:
            r.unit = short_name(r.unit)
        sheet = rows[0].extra.get("Trang") if rows else None
        table = ScoreTable(index=len(data.tables), title=sheet, scheme=scheme.name, rows=rows)
        data.tables.append(DraftTable(table=table, scheme=scheme, heading=heading, noun=noun, sheet=sheet,
                                      title=_title(heading, province_name)))
    if not data.tables and data.province is None:
        raise UnreadableInput(f"Không tìm thấy trang điểm nào trong {source}.")
    return data


def _province_result(data: DraftData, export: PortalExport, province: str | None, scheme: Scheme) -> ScoreRow | None:
    """The province's row of the ranking sheet (``data.province``: its rank
    among the provinces, this month and this year, and its trend)."""
    units, ranking = export.units, export.ranking
    codes = sorted({str(r.extra.get("Mã") or "").split(".")[0] for rs in units.values() for r in rs} - {""})
    month_rows = ranking.get("month") or ranking.get("year") or []
    target = _find_province(month_rows, province, codes, _named_province(units), data.warnings)
    if target is None:
        return None
    ordered = rank_rows([_scored(r, scheme) for r in month_rows])
    mine = next(r for r in ordered if r.unit == target.unit)
    data.province = ProvinceResult(row=mine, rank=mine.rank, of=len(ordered), sheet=mine.extra["Trang"],
                                   portal_rank=mine.extra.get("STT trên Cổng"),
                                   trend=[(label, score) for label, score, _, _ in export.trend])
    if "year" in ranking and ranking.get("month"):
        yearly = rank_rows([_scored(r, scheme) for r in ranking["year"]])
        ymine = next((r for r in yearly if r.extra.get("Mã") == mine.extra.get("Mã")), None)
        if ymine is not None:
            data.province.year_row, data.province.year_rank = ymine, ymine.rank
    return target


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
