"""The narrative of a draft, written from the data as offices write it: how
many units were evaluated (and a footnote on those that were not), the units
of each grade in rank order, the indicators where units scored nothing or
least, and the change from the previous period.

Every sentence is plain text in the rendered DOCX, so the clerk can edit it.
Blocks are dicts ``{"kind": "h1" | "h2" | "p" | "item" | "note", "text": …}``;
headings carry no number: the renderer numbers them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..model import ScoreRow
from ..numbers import format_count, format_vi
from ..scoring import weakest_indicators
from .data import DraftData, DraftTable

NAME_CAP = 5  # name units in a sentence only when at most this many; the appendix lists them all
NAME_THRESHOLD = NAME_CAP
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]


def roman(n: int) -> str:
    return ROMAN[n - 1] if 0 < n <= len(ROMAN) else str(n)


def lower_first(text: str) -> str:
    """'Các sở' → 'các sở' inside a sentence, but 'UBND các xã' stays."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


@dataclass
class Notes:
    """Footnotes collected while writing: markers ⟦fn:N⟧ in the text."""

    texts: dict[int, str] = field(default_factory=dict)

    def mark(self, text: str) -> str:
        n = len(self.texts) + 1
        self.texts[n] = text
        return f"\u27e6fn:{n}\u27e7"


def spaced(words: str) -> str:
    """' tháng 10/2025' for a phrase that may be empty: no double space, no
    space before a comma when the period is unknown."""
    return f" {words}" if words else ""


def period_words(period: str | None, long: bool = False) -> str:
    """'2025-10' → 'tháng 10/2025' ('tháng 10 năm 2025' when ``long``);
    '2024' → 'năm 2024'; '2025-Q3' → 'quý III/2025'."""
    if not period:
        return ""
    year, _, rest = period.partition("-")
    if not rest:
        return f"năm {year}"
    if rest.upper().startswith("Q"):
        q = roman(int(rest[1:]))
        return f"quý {q} năm {year}" if long else f"quý {q}/{year}"
    month = int(rest)
    return f"tháng {month} năm {year}" if long else f"tháng {month}/{year}"


def previous_period(period: str | None) -> str | None:
    if not period or "-" not in period or period.split("-")[1].upper().startswith("Q"):
        return None
    year, month = (int(x) for x in period.split("-"))
    year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return f"{year}-{month:02d}"


_PREFIXES = ("UBND xã", "UBND phường", "UBND huyện", "UBND thị xã", "Phòng")


def names_text(names: list[str], noun: str = "đơn vị", cap: int | None = NAME_CAP) -> str:
    """Names as a list in a sentence: 'UBND các xã: A, B'; ';' between names
    that hold commas themselves; long lists end with 'và N đơn vị khác'."""
    if not names:
        return ""
    shown = names if cap is None else names[:cap]
    rest = len(names) - len(shown)
    prefix = next((p for p in _PREFIXES if len(shown) > 1 and all(n.startswith(p + " ") for n in shown)), None)
    if prefix:
        head, kind = prefix.rsplit(" ", 1) if prefix.startswith("UBND") else ("", prefix)
        items = [n[len(prefix) + 1:] for n in shown]
        lead = f"{head} các {kind.lower()}: " if head else f"Các {kind.lower()}: "
    else:
        items, lead = shown, ""
    sep = "; " if any("," in n for n in items) else ", "
    text = lead + sep.join(items)
    if rest > 0:
        text += f" và {format_count(rest)} {noun} khác"
    return text


def _score(value: Decimal | None, places: int = 2) -> str:
    return format_vi(value, places)


def evaluation_blocks(dt: DraftTable, appendix_no: int | None, notes: Notes) -> list[dict]:
    """'Thực hiện đánh giá đối với 17/19 cơ quan¹. Kết quả:' and one line per grade."""
    out = []
    mark = ""
    if dt.not_evaluated:
        by_reason: dict[str, list[str]] = {}
        for unit, reason in dt.not_evaluated:
            by_reason.setdefault(reason or "không có số liệu chấm điểm trong kỳ", []).append(unit)
        parts = [f"{names_text(units, dt.noun)} do {reason}" for reason, units in by_reason.items()]
        mark = notes.mark("Không thực hiện đánh giá, xếp loại đối với " + "; ".join(parts) + ".")
    out.append({"kind": "p", "text": f"Thực hiện đánh giá đối với {dt.evaluated}/{dt.population} {dt.noun}{mark}. "
                                     "Kết quả:"})
    if dt.scheme.graded and dt.scheme.grades:
        for band in dt.scheme.grades:
            units = [r.unit for r in _ranked(dt.rows) if r.grade == band.name]
            if units and len(units) <= NAME_CAP:
                out.append({"kind": "item", "text": f"- {format_count(len(units))} {dt.noun} xếp loại {band.name}: "
                                                    f"{names_text(units, dt.noun, cap=None)}."})
            elif units:
                out.append({"kind": "item", "text": f"- {format_count(len(units))} {dt.noun} xếp loại {band.name}."})
    else:
        best = _ranked(dt.rows)[:3]
        out.append({"kind": "item", "text": "- Dẫn đầu: " + "; ".join(
            f"{r.unit} ({_score(r.total)}/{format_vi(r.max)} điểm)" for r in best) + "."})
    if appendix_no:
        out.append({"kind": "note", "text": f"(Chi tiết kết quả đánh giá, xếp loại tại Phụ lục {roman(appendix_no)} "
                                            "kèm theo)"})
    return out


def _ranked(rows: list[ScoreRow]) -> list[ScoreRow]:
    """Rank order across sections (percent, total, name), as ranks are given."""
    return sorted(rows, key=lambda r: (-(r.percent or Decimal(-1)), -(r.total or Decimal(-1)), r.unit.casefold()))


def weakness_blocks(dt: DraftTable, limit: int = 2) -> list[dict]:
    """The indicators with the lowest share of their maximum, who scored least,
    and who scored nothing."""
    scheme, rows = dt.scheme, dt.rows
    out = []
    weakest = weakest_indicators(rows, scheme, limit=limit)
    for key, share in weakest:
        ind = scheme.indicator(key)
        applicable = [r for r in rows if r.scores.get(key) is not None]
        low = min(r.scores[key] for r in applicable)
        lowest = [r.unit for r in _ranked(applicable) if r.scores[key] == low]
        pct = format_vi(share * 100, 2)
        who = (f"cả {len(applicable)}/{len(applicable)} {dt.noun} đều đạt {_score(low)} điểm"
               if len(lowest) == len(applicable) > 1 else
               f"thấp nhất {_score(low)} điểm: {names_text(lowest, dt.noun)}" if len(lowest) <= NAME_CAP else
               f"{format_count(len(lowest))} {dt.noun} thấp nhất cùng đạt {_score(low)} điểm")
        out.append({"kind": "item", "text": f"- {ind.label} (tối đa {format_vi(ind.max)} điểm) còn thấp: "
                                            f"bình quân đạt {pct}% số điểm tối đa; {who}."})
    weak_keys = {k for k, _ in weakest}
    for ind in scheme.scored_indicators:
        if ind.key in weak_keys:
            continue
        zero = [r.unit for r in _ranked(rows) if r.scores.get(ind.key) is not None and r.scores[ind.key] == 0]
        applicable = sum(1 for r in rows if r.scores.get(ind.key) is not None)
        if zero:
            out.append({"kind": "item", "text": f"- {ind.label}: {format_count(len(zero))}/{applicable} {dt.noun} "
                                                f"đạt 0 điểm: {names_text(zero, dt.noun)}."})
    return out


def strength_blocks(dt: DraftTable) -> list[dict]:
    scheme, rows = dt.scheme, dt.rows
    full = [ind for ind in scheme.scored_indicators
            if (app := [r for r in rows if r.scores.get(ind.key) is not None])
            and all(r.scores[ind.key] == ind.max for r in app)]
    out = []
    if full:
        labels = ", ".join(i.label for i in full)
        out.append({"kind": "item", "text": f"- {labels}: toàn bộ {dt.noun} đạt điểm tối đa."})
    good = [r for r in rows if r.grade in [b.name for b in scheme.grades[:2]]]
    if scheme.graded and scheme.grades and rows:
        top = " hoặc ".join(b.name for b in scheme.grades[:2])
        out.append({"kind": "item", "text": f"- {len(good)}/{len(rows)} {dt.noun} xếp loại {top}."})
    return out


def change_blocks(dt: DraftTable, data: DraftData) -> list[dict]:
    """Rank and score changes against the previous period, by unit name."""
    if not data.previous:
        return []
    moves = []
    n = len(dt.rows)
    for r in dt.rows:
        prev = data.previous.get(r.unit.casefold())
        if prev is None or prev[2] is None:
            continue
        moves.append((prev[2] - (r.rank or 0), r, prev))
    if not moves:
        return []
    up = [m for m in moves if m[0] > 0]
    down = [m for m in moves if m[0] < 0]
    when = period_words(data.previous_period) or "kỳ trước"
    same = len(moves) - len(up) - len(down)
    parts = [f"{format_count(n)} {dt.noun} {verb}" for n, verb in
             ((len(up), "tăng hạng"), (len(down), "giảm hạng"), (same, "giữ nguyên")) if n]
    text = (f"So với {when}: thứ hạng của cả {format_count(same)} {dt.noun} giữ nguyên." if not up and not down
            else f"So với {when}: " + ", ".join(parts) + ".")
    out = [{"kind": "p", "text": text}]
    for verb, direction, group in (("tăng", "lên", sorted(up, key=lambda m: -m[0])[:3]),
                                   ("giảm", "xuống", sorted(down, key=lambda m: m[0])[:3])):
        for _, r, prev in group:
            out.append({"kind": "item", "text": f"- {r.unit}: {verb} từ vị trí {prev[2]}/{prev[3]} "
                                                f"{direction} {r.rank}/{n}{_percent_change(prev[1], r.percent)}."})
    return out


def _percent_change(before: Decimal | None, after: Decimal | None) -> str:
    """', tỷ lệ điểm đạt tăng từ 78,66% lên 91,43%' (percents compare across
    periods whose maxima differ; totals would not)."""
    if before is None or after is None:
        return ""
    if before == after:
        return f", tỷ lệ điểm đạt giữ nguyên {format_vi(after, 2)}%"
    verb, direction = ("tăng", "lên") if after > before else ("giảm", "xuống")
    return f", tỷ lệ điểm đạt {verb} từ {format_vi(before, 2)}% {direction} {format_vi(after, 2)}%"
