"""The national portal's 766 export as the readers see it: its trend sheet
("Xu hướng tháng": month, year, score) gives the period of the whole
workbook, which no title or subject line states.

Shared by ``read_report`` (so ``verify``, ``extract`` and the archive know an
export's period) and by drafting (``draft/portal.py``), so the trend is read
in one place.

The export's score sheets (:func:`read_portal_export`) are recognised by their
columns, not their names: sheets with ``TONG_SCORE`` rank units;
``LOAI_COQUAN`` tells the level (1 province, 2 department, 3 commune). Group
scores sit in columns named by the scheme's export codes (CKMB, TDGQ, CLGQ,
TTTT, MDHL, MDSH, see :func:`.detect.export_codes`), as text with a decimal
point. Every row keeps its sheet and row number, so each figure drawn from it
can be traced back."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..model import ScoreRow
from ..raw import RawTable, UnreadableInput
from ..schemes import Scheme
from ..text import clean_line
from .detect import export_codes

_MONTH = ("month", "tháng")
_YEAR = ("year", "năm")
_SCORE = ("score", "điểm")


def trend_rows(header: list[str], rows: list[list[str]]) -> list[tuple[int, int, Decimal | None]]:
    """(year, month, score) of each row of a monthly trend table, in order;
    [] when the header is not (month, year[, score])."""
    names = [h.strip().casefold() for h in header]
    i_m = next((names.index(n) for n in _MONTH if n in names), None)
    i_y = next((names.index(n) for n in _YEAR if n in names), None)
    i_s = next((names.index(n) for n in _SCORE if n in names), None)
    if i_m is None or i_y is None:
        return []
    out = []
    for row in rows:
        try:
            month, year = int(str(row[i_m]).strip()), int(str(row[i_y]).strip())
        except (ValueError, IndexError, TypeError):
            continue
        if not (1 <= month <= 12 and 1900 < year < 2200):
            continue
        try:
            score = Decimal(str(row[i_s]).strip().replace(",", ".")) if i_s is not None else None
        except (InvalidOperation, IndexError):
            score = None
        out.append((year, month, score))
    return out


def trend_period(blocks) -> str | None:
    """'2025-10': the latest month of the first monthly trend table."""
    for block in blocks:
        if not isinstance(block, RawTable) or len(block.rows) < 2:
            continue
        found = trend_rows([c.text for c in block.rows[0]], [[c.text for c in r] for r in block.rows[1:]])
        if found:
            year, month, _ = max(found)
            return f"{year}-{month:02d}"
    return None


def year_to_date(title: str | None, titles: list[str | None], period: str | None) -> bool:
    """A year-to-date table beside a month table ('Điểm năm' next to 'Điểm
    tháng' in a monthly export): its figures are not the month's."""
    if not title or not period or len(period) != 7 or not period[5:].isdecimal():
        return False
    low = title.casefold()
    return ("năm" in low or "year" in low) and "tháng" not in low and any(
        t and ("tháng" in t.casefold() or "month" in t.casefold()) for t in titles)


# -- the export's score sheets ---------------------------------------------------

@dataclass
class PortalExport:
    """What an export holds: the provinces' ranking sheets ('month', 'year'),
    the province's units by level ('2', '3'), the monthly trend and the period."""
    period: str | None = None
    ranking: dict[str, list[ScoreRow]] = field(default_factory=dict)
    units: dict[str, list[ScoreRow]] = field(default_factory=dict)
    trend: list[tuple[str, Decimal, int, int]] = field(default_factory=list)  # (label, score, year, month)


def is_portal_workbook(rows_by_sheet: dict[str, list[tuple]]) -> bool:
    return any(rows and "TONG_SCORE" in _header(rows) for rows in rows_by_sheet.values())


def read_portal_export(rows_by_sheet: dict[str, list[tuple]], source: str, scheme: Scheme) -> PortalExport:
    out = PortalExport()
    for sheet, rows in rows_by_sheet.items():
        if not rows:
            continue
        if "TONG_SCORE" not in _header(rows):
            out.trend = out.trend or portal_trend(rows)
            continue
        parsed = portal_rows(sheet, rows, scheme)
        levels = {r.extra.get("Cấp") for r in parsed}
        if levels == {"1"}:
            out.ranking["year" if "năm" in sheet.casefold() or "year" in sheet.casefold() else "month"] = parsed
            for r in parsed:
                r.extra["Trang"] = sheet
        else:
            out.units.setdefault(sorted(levels)[0] if levels else "", []).extend(parsed)
    if out.trend:
        _, _, year, month = out.trend[-1]
        out.period = f"{year}-{month:02d}"
    else:
        m = re.search(r"(20\d\d)-(\d\d)", Path(source).name)
        out.period = f"{m[1]}-{m[2]}" if m else None
    return out


def _header(rows: list[tuple]) -> list[str]:
    return [str(c).strip().upper() if c is not None else "" for c in rows[0]] if rows else []


def _decimal(text, where: str) -> Decimal | None:
    if text is None or str(text).strip() in ("", "-"):
        return None
    try:
        return Decimal(str(text).strip().replace(",", "."))
    except InvalidOperation:
        raise UnreadableInput(f"Ô {where} không phải số: {text!r}") from None


def portal_rows(sheet: str, rows: list[tuple], scheme: Scheme) -> list[ScoreRow]:
    """The rows of one score sheet of the export, each with its code, level,
    the portal's own order number, sheet and line."""
    header = _header(rows)
    codes = export_codes(scheme)
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


def portal_trend(rows: list[tuple]) -> list[tuple[str, Decimal, int, int]]:
    """(label 'month/year', score, year, month) of the monthly trend sheet."""
    if not rows:
        return []
    header = [str(c) if c is not None else "" for c in rows[0]]
    found = trend_rows(header, [[("" if c is None else str(c)) for c in row] for row in rows[1:]])
    return [(f"{month}/{year}", score, year, month) for year, month, score in found if score is not None]
