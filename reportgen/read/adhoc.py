"""Score tables whose scheme is not shipped, read from what the table itself
says: each indicator's maximum written in its header ("Chỉ số 1 (5đ)",
"(tối đa 20 điểm)") or in a "Điểm tối đa" row under the header.

The maxima are the document's own; the grade bands are not written in a
table, so the usual provincial bands (Xuất sắc ≥ 90, Tốt ≥ 80, Khá ≥ 70,
Trung bình ≥ 50, Yếu below, on the percent of the applicable maximum) are
assumed and marked so (``Scheme.grades_assumed``): a grade that disagrees
with them is a warning, never an error.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..model import Finding
from ..numbers import format_vi, parse_cell
from ..schemes import GradeBand, Group, Indicator, Scheme
from ..text.headers import MAX_PATTERN
from .header import HeaderColumn, clean_label

NAME = "tieu-de-bang"

DEFAULT_GRADES = (
    GradeBand("Xuất sắc", Decimal(90), ("XS",), ("Hoàn thành xuất sắc",)),
    GradeBand("Tốt", Decimal(80)),
    GradeBand("Khá", Decimal(70)),
    GradeBand("Trung bình", Decimal(50), ("TB",)),
    GradeBand("Yếu", Decimal(0)),
)

_MAX_ROW = re.compile(r"^(điểm\s*tối\s*đa|thang\s*điểm|điểm\s*chuẩn|tối\s*đa|số\s*điểm\s*tối\s*đa)\b", re.I)


def maxima_row(cells: list[str], columns: list[HeaderColumn]) -> dict[int, Decimal] | None:
    """Column index → maximum, when a row under the header is a row of
    maxima: one of its text cells says "Điểm tối đa" (or "Thang điểm") and
    at least three other cells are numbers."""
    texts = [c for c in cells if c and not _number(c)]
    if not texts or not any(_MAX_ROW.match(t.strip()) for t in texts):
        return None
    found = {i: v for i, c in enumerate(cells) if c and (v := _number(c)) is not None}
    return found if len(found) >= 3 else None


def _number(text: str) -> Decimal | None:
    cell = parse_cell(text, "score")
    return cell.value if cell is not None and cell.is_number and cell.denominator is None else None


# A group's own sum beside its indicators: "Công khai, minh bạch (18đ) | Chỉ số 1.1 (6đ) … | Cộng".
_SUBTOTAL_LEAF = re.compile(r"^(?:tổng\s+cộng|tổng\s+số|(?:cộng|tổng)(?:\s+điểm)?(?:\s+nhóm)?|điểm\s+nhóm)$", re.I)


def indicator_columns(columns: list[HeaderColumn]) -> list[HeaderColumn]:
    """The score columns that are indicators: a group's subtotal ("Cộng",
    "Tổng" under the group, beside two or more of its indicators — at any
    depth under the group — whose maxima make the group's) adds theirs, and
    is no indicator — counted as one, every total would be the group's points
    twice over."""
    out = []
    for column in columns:
        if _SUBTOTAL_LEAF.match(_bare(column.leaf)):  # at the top, over every indicator: the total
            # its group's indicators, at any depth under it ("Nhóm DVCTT (12 điểm)" › "… (chỉ số 3.1)" ›
            # "Điểm (tối đa 4đ)"), their rates without a maximum aside
            group = column.path[:-1]
            siblings = [c for c in columns if c is not column and len(c.path) > len(group)
                        and c.path[:len(group)] == group and c.max is not None]
            if len(siblings) >= 2 and sum(c.max for c in siblings) == column.max:
                continue
        out.append(column)
    return out


def scheme_from_header(columns: list[HeaderColumn]) -> Scheme | None:
    """A scheme whose indicators are the score columns, in order, when every
    one shows its maximum (at least three of them); a group's subtotal
    column is none (:func:`indicator_columns`)."""
    columns = indicator_columns(columns)
    if len(columns) < 3 or any(c.max is None or c.max <= 0 for c in columns):
        return None
    groups: list[Group] = []
    indicators = []
    for n, column in enumerate(columns, 1):
        group = None
        if len(column.path) > 1:
            label = _bare(column.path[-2])
            if label:
                known = next((g for g in groups if g.label == label), None)
                if known is None:
                    known = Group(key=f"g{len(groups) + 1}", label=label)
                    groups.append(known)
                group = known.key
        label = _bare(column.leaf) or f"Cột {column.index + 1}"
        indicators.append(Indicator(key=f"c{n}", label=label, group=group, max=column.max))
    total = sum((i.max for i in indicators), Decimal(0))
    groups = [Group(key=g.key, label=g.label,
                    max=sum((i.max for i in indicators if i.group == g.key), Decimal(0))) for g in groups]
    return Scheme(name=NAME, title="Bộ chỉ số đọc từ tiêu đề bảng", basis="", total_max=total,
                  indicators=tuple(indicators), groups=tuple(groups), grades=DEFAULT_GRADES,
                  grades_assumed=True,
                  notes="Điểm tối đa của từng chỉ số lấy từ tiêu đề bảng; khung xếp loại 90/80/70/50 là giả định.")


_BARE_MAX = re.compile(r"\(\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*\)\s*$")


def bare_maxima(columns: list[HeaderColumn], scheme: Scheme, mapping: dict[int, str]) -> dict[int, Decimal] | None:
    """The maxima a header writes as a bare number in brackets after each
    score column's name ("Công khai, minh bạch (18) | … | Dịch vụ công trực
    tuyến (22)"), when every score column writes one and, of the columns the
    scheme names, three at least and most write the indicator's own maximum
    — so the brackets state maxima, never column numbers — but some write
    another: the document's grouping differs from the scheme's, and its
    maxima rule. None when they all agree (the scheme binds as it is)."""
    bare = {c.index: Decimal(m.group(1).replace(",", ".")) for c in indicator_columns(columns)
            if c.max is None and (m := _BARE_MAX.search(c.leaf))}
    if len(bare) < 3 or len(bare) != len(indicator_columns(columns)) or any(v <= 0 for v in bare.values()):
        return None
    named = [(bare[i], scheme.indicator(k).max) for i, k in mapping.items() if i in bare]
    agree = sum(1 for b, m in named if b == m)
    return bare if agree >= 3 and 2 * agree > len(named) and agree < len(named) else None


def mapping_for(columns: list[HeaderColumn], scheme: Scheme) -> dict[int, str]:
    return {c.index: ind.key for c, ind in zip(indicator_columns(columns), scheme.indicators)}


def _bare(label: str) -> str:
    """A label without its written maximum: 'Chỉ số 1 (5đ)' → 'Chỉ số 1'."""
    return clean_label(MAX_PATTERN.sub("", label)).strip(" -–:")


def assumed_finding(table: int, scheme: Scheme, page: int | None) -> Finding:
    maxima = ", ".join(f"{i.label} {format_vi(i.max)}" for i in scheme.indicators)
    return Finding(code="SCHEME_FROM_HEADER", severity="info", table=table, page=page,
                   reported=str(len(scheme.indicators)), expected=None,
                   message=f"Bảng không khớp bộ chỉ số nào đã có; điểm tối đa lấy từ tiêu đề bảng ({maxima}; "
                           f"tổng {format_vi(scheme.total_max)}), khung xếp loại 90/80/70/50 là giả định nên sai lệch "
                           "về xếp loại chỉ là cảnh báo")


def mismatch_finding(table: int, name: str, page: int | None, mapped: int, wanted: int,
                     partial: bool = False, chosen: bool = True, header: bool = False) -> Finding:
    which = f"bộ chỉ số “{name}” đã chọn (--scheme)" if chosen and not header else f"bộ chỉ số “{name}”"
    if header:
        then = ("bảng được kiểm tra theo điểm tối đa ghi trong tiêu đề, khung xếp loại 90/80/70/50 là giả định "
                "nên sai lệch về xếp loại chỉ là cảnh báo")
    elif partial:
        then = ("tổng, tỷ lệ và xếp loại không được tính lại theo bộ chỉ số mà theo các quan hệ của chính bảng "
                "(tổng các cột, điểm tối đa ghi ở tiêu đề, thứ bậc); phần chưa kiểm tra được nêu riêng")
    else:
        then = "bảng được đọc như bảng số liệu, không kiểm tra theo bộ chỉ số"
    return Finding(code="SCHEME_MISMATCH", severity="warning", table=table, page=page, reported=name,
                   expected=None,
                   message=f"Tiêu đề bảng không khớp {which}: chỉ nhận ra {mapped}/{wanted} chỉ số "
                           f"(điểm tối đa hoặc tên cột khác); {then}")
