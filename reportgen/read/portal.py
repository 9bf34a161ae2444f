"""The national portal's 766 export as the readers see it: its trend sheet
("Xu hướng tháng": month, year, score) gives the period of the whole
workbook, which no title or subject line states.

Shared by ``read_report`` (so ``verify``, ``extract`` and the archive know an
export's period) and by drafting (``draft/portal.py``), so the trend is read
in one place."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from ..raw import RawTable

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
    if not title or not period or len(period) != 7 or not period[5:].isdigit():
        return False
    low = title.casefold()
    return ("năm" in low or "year" in low) and "tháng" not in low and any(
        t and ("tháng" in t.casefold() or "month" in t.casefold()) for t in titles)
