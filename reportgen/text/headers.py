"""The words of table headers: the result a column's labels name (grade,
rank, maximum, percent, total) and the maximum points a label writes
("Chỉ số 1 (6đ)", "tối đa: 10 điểm", "Điểm - 2,5 điểm")."""
from __future__ import annotations

import re
from decimal import Decimal

from ..numbers import parse_cell

# A maximum written in a label, in any of these forms: "(6đ)", "[tối đa 10 điểm]",
# "tối đa: 2,5 điểm", "(tối đa 10)", "- 2 điểm" or "Tổng điểm/10" at the end, or "Tối đa 10" ending
# the label (a header's second line: "Lĩnh vực 1 / Tối đa 10").
MAX_PATTERN = re.compile(r"[(\[]\s*(?:tối\s*đa\s*:?\s*)?(\d+(?:[.,]\d+)?)\s*(?:đ|điểm)\s*[)\]]"
                         r"|tối\s*đa\s*:?\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|đ\b|$)"
                         r"|\(\s*tối\s*đa\s*:?\s*(\d+(?:[.,]\d+)?)\s*\)"
                         r"|[-–:]\s*(\d+(?:[.,]\d+)?)\s*(?:đ|điểm)\s*$"
                         r"|điểm\s*/\s*(\d+(?:[.,]\d+)?)\s*$", re.I)

# Result roles, checked in this order against a column's lower labels.
ROLE_WORDS: tuple[tuple[str, re.Pattern], ...] = (
    ("grade", re.compile(r"xếp\s*loại|phân\s*loại|mức\s*xếp")),
    # A rank ("Xếp hạng", "Hạng tháng 9"), never its change ("Thứ hạng tăng/giảm").
    ("rank", re.compile(r"^(?!.*(?:tăng|giảm|thay\s*đổi|chênh))"
                        r"(?:.*?(?:xếp\s*hạng|thứ\s*hạng)|xếp\s*thứ$|hạng$|hạng\s+(?!mục)\S|row_?stt$)")),
    # "Tỷ lệ % so với điểm tối đa", "Tỷ lệ điểm thẩm định so với điểm tối đa (%)" are percents, not maxima
    ("max", re.compile(r"^(?!t[ỷỉ]\s*lệ)(?!.*\(\s*%\s*\)).*?(?:điểm\s*tối\s*đa|thang\s*điểm|điểm\s*chuẩn)")),
    ("percent", re.compile(r"quy\s*đổi|\(\s*%\s*\)|t[ỷỉ]\s*lệ\s*(điểm|đạt)|^t[ỷỉ]\s*lệ\s*%"
                           r"|^%(\s*(đạt|điểm)(\s*được)?)?$|^tl\s*%")),  # "TL%": tỷ lệ abbreviated
    ("total", re.compile(r"tổng\s*(số\s*)?điểm|^tổng(\s*cộng)?$|^tổng\s*hợp$|điểm\s*đạt\s*được"
                         r"|^cộng(\s*điểm)?(\s*nhóm)?$|^điểm\s*(đạt|số|tổng(\s*hợp)?)$"
                         r"|^tong_?score$")),
)


# A result column named as a clerk reads it, where its header is a code
# ("TONG_SCORE") or absent.
ROLE_NAMES = {"total": "Tổng điểm", "max": "Điểm tối đa", "percent": "Tỷ lệ (%)", "rank": "Thứ hạng",
              "grade": "Xếp loại", "unit": "Tên đơn vị"}
_CODE = re.compile(r"[A-Z][A-Z0-9_]*")


def header_words(label: str | None, role: str | None = None) -> str | None:
    """What a message calls a column: its header as written, unless that is an
    export's code (``TONG_SCORE``, ``CKMB``) or empty; then the name of the
    column's role ("Tổng điểm"), else None."""
    text = " ".join((label or "").split())
    if text and not _CODE.fullmatch(text):
        return text
    return ROLE_NAMES.get(role or "") or text or None


def max_in(label: str) -> Decimal | None:
    """The maximum points ``label`` writes (see MAX_PATTERN), else None."""
    m = MAX_PATTERN.search(label)
    if not m:
        return None
    cell = parse_cell(next(g for g in m.groups() if g), "score")
    return cell.value if cell else None
