"""The words of a culprit's finding (see :mod:`.culprits`): a figure as the
report writes it, and the errors a correction answers as its finding names
them."""
from __future__ import annotations

from ..model import Finding
from ..numbers import format_vi, places_of
from .culprits_candidates import figure_value


def vi_figure(text: str) -> str:
    number = figure_value(text)
    return format_vi(number, places_of(number), fixed=True) if number is not None else text


def consequences(findings: list[Finding], limit: int = 4, what: str = "ô này") -> str:
    parts = []
    for f in findings[:limit]:
        where = f"“{f.unit}”" if f.unit else (f"đoạn văn {f.paragraph + 1}" if f.paragraph is not None else "bảng")
        shown = f" (ghi {vi_figure(f.reported)}, tính ra {vi_figure(f.expected)})" if f.reported and f.expected else ""
        parts.append(f"{f.code} ở {where}{shown}")
    more = f" và {len(findings) - limit} lỗi khác" if len(findings) > limit else ""
    return "; ".join(parts) + more + f" — các lỗi này hết khi sửa {what}, nên không báo riêng."
