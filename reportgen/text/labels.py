"""What a row's label says the row is: a statistic of its column ("Cao nhất",
"Chỉ số trung bình", "Tổng cộng", "Chỉ số chung") rather than a unit.

The reader skips such rows when it binds units, and the checks hold them to
their column; both ask here, so a row is a statistic everywhere or nowhere.
"""
from __future__ import annotations

import re

from . import fold

# A group's subtotal: "Cộng I", "Cộng khối sở", "Tổng cấp xã".
_SUBTOTAL = re.compile(r"^(tổng\s*cộng|cộng|tổng|tổng\s*số)\s+"
                       r"(\(?[ivxlc]{1,4}\)?|\(?[a-dđ]\)?|(khối|nhóm|cụm|cấp)\b.*)$")
# Statistics of a column written as rows under the units.
_STATS = (
    ("max", re.compile(r"(cao|lớn)\s*nhất")),
    ("min", re.compile(r"(thấp|nhỏ)\s*nhất")),
    ("mean", re.compile(r"trung\s*bình|bình\s*quân")),
    ("sum", re.compile(r"^(tổng\s*cộng|cộng|tổng|tổng\s*số|toàn\s*(tỉnh|huyện|xã|thành\s*phố)"
                       r"|tổng\s*(số\s*)?điểm(\s*(đạt(\s*được)?|đánh\s*giá|thẩm\s*định|chấm))?)$")),
    ("sum", _SUBTOTAL),
    # "Chỉ số chung", and an index named in between: "Chỉ số hài lòng chung" (SIPAS)
    ("overall", re.compile(r"^(chỉ\s*số|điểm)(\s+\w+){0,3}?\s*(chung|tổng\s*hợp)$|^chung$")),
)
# The parts a total names in brackets: "(I+II)", "(1 + 2 + 3)", "(A+B+C)".
_SUM_OF = re.compile(r"\s*\(\s*\w{1,4}(?:\s*\+\s*\w{1,4})+\s*\)\s*$")
_STAT_LEAD = re.compile(r"^(chỉ\s*số|điểm(\s*số)?|giá\s*trị|tỷ\s*lệ|kết\s*quả)?\s*")


# A row that states each column's result, in a table with its units as columns.
_RESULTS = (("grade", re.compile(r"^(kết\s*quả\s*)?xếp\s*loại$")),
            ("rank", re.compile(r"^(xếp\s*hạng|thứ\s*hạng|thứ\s*tự\s*xếp\s*hạng)$")))


def result_of(label: str | None) -> str | None:
    """'grade' or 'rank' when ``label`` names a row of the columns' grades
    ("Xếp loại", "Kết quả xếp loại") or ranks ("Xếp hạng", "Thứ hạng"), else None."""
    text = fold(label or "").strip(" :.")
    return next((role for role, pattern in _RESULTS if pattern.match(text)), None)


# A row named for the whole area ("Toàn tỉnh", "Cả huyện"): its figures may be the
# units' sum (counts) or their mean (scores); the label does not say which.
_AREA_WHOLE = re.compile(r"^(toàn|cả)\s*(tỉnh|huyện|xã|thành\s*phố)$")


def is_area_whole(label: str | None) -> bool:
    """A row named for the whole area: "Toàn tỉnh", "Cả huyện"."""
    return bool(_AREA_WHOLE.match(fold(label or "").strip(" :.")))


def is_subtotal(label: str) -> bool:
    """A sum row of one group of units: "Cộng I", "Cộng khối sở", "Tổng cấp xã"."""
    return bool(_SUBTOTAL.search(fold(label).strip(" :.")))


def stat_of(label: str | None) -> str | None:
    """'max', 'min', 'mean', 'sum' or 'overall' when ``label`` names a
    statistic of its column, else None ("UBND xã Trung Bình Đức" is a unit:
    a mean's or an extreme's label starts with the statistic, after at most
    "Chỉ số", "Điểm", "Giá trị", "Tỷ lệ" or "Kết quả")."""
    text = _SUM_OF.sub("", fold(label or "")).strip(" :.")  # "Tổng cộng (I+II)": the total, its parts named
    if not text or len(text) > 60:
        return None
    halves = re.split(r"\s*/\s*|\s+và\s+", text)
    if len(halves) == 2 and {stat_of(h) for h in halves} == {"sum", "mean"}:
        return "sum"  # "Tổng cộng/Bình quân": sums where a sum means something, means elsewhere
    bare = _STAT_LEAD.sub("", text, count=1)
    for name, pattern in _STATS:
        if name in ("sum", "overall"):
            if pattern.search(text) or pattern.search(bare):
                return name
        elif pattern.match(bare) and len(text.split()) <= 8:
            return name
    return None
