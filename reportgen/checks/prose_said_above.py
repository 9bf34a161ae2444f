"""A count the prose restates as the one said above: "… quá hạn 436 hồ sơ,
chiếm tỷ lệ 0,74%." then "Số hồ sơ quá hạn nêu trên gồm 436 hồ sơ, trong
đó: …". "nêu trên" ("nói trên", "kể trên") points at the count said before
in the same words: the nearest earlier "quá hạn N hồ sơ" (or "N hồ sơ quá
hạn"), in the paragraph or the ones before. The pointer makes the pairing
sure: two values are an error.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report
from ..numbers import format_count, parse_vi_number
from ..text.counts import NUMBER
from .registry import CheckContext, rule

_NOUN = r"hồ\s+sơ|thủ\s+tục(?:\s+hành\s+chính)?|TTHC|lượt(?:\s+đánh\s+giá)?|phiếu|phản\s+ánh|kiến\s+nghị|văn\s+bản"
_ABOVE = re.compile(r"(?<!\w)(?:tổng\s+)?số\s+(?P<noun>" + _NOUN + r")\s+(?P<words>[^\W\d][^\d,;.:()]{0,60}?)\s+"
                    r"(?:nêu|nói|kể)\s+trên(?!\w)\s*(?:là|gồm|có|bao\s+gồm)?\s*:?\s*" + NUMBER
                    + r"\s+(?P=noun)(?!\w)", re.I)


def _value(text: str) -> Decimal:
    return parse_vi_number(text, "count").value


def _said_before(text: str, words: str, noun: str) -> re.Match[str] | None:
    """The last count of ``noun`` in ``text`` said with ``words`` right
    before it ("quá hạn 436 hồ sơ") or right after ("436 hồ sơ quá hạn")."""
    phrase = r"\s+".join(map(re.escape, words.split()))
    nouns = r"\s+".join(map(re.escape, noun.split()))
    pattern = re.compile(rf"(?<!\w){phrase}\s*:?\s*(?:là\s+)?{NUMBER}\s+{nouns}(?!\w)"
                         rf"|{NUMBER}\s+{nouns}\s+{phrase}(?!\w)", re.I)
    found = list(pattern.finditer(text))
    return found[-1] if found else None


@rule("QUANTITY_CONFLICT", "Số liệu “nêu trên” khác số đã nêu ở trên")
def count_said_above(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: số lượng nhắc lại bằng "nêu trên" ("Số hồ sơ quá hạn nêu trên gồm
    436 hồ sơ") so với số cùng tên đã nêu gần nhất ở trên ("quá hạn 436 hồ sơ"), trong
    cùng đoạn hoặc các đoạn trước.
    Vì sao: "nêu trên" trỏ về đúng con số đã viết; sửa một chỗ mà quên chỗ kia làm văn
    bản tự mâu thuẫn.
    Ví dụ sai: "… quá hạn 436 hồ sơ." rồi "Số hồ sơ quá hạn nêu trên gồm 466 hồ sơ".
    Ví dụ đúng: hai chỗ cùng ghi 436 hồ sơ."""
    before = ""
    for p in report.paragraphs:
        for m in _ABOVE.finditer(p.text):
            words = " ".join(m.group("words").split())
            earlier = _said_before(before + " " + p.text[:m.start()], words, m.group("noun"))
            if earlier is None:
                continue
            said, now = _value(earlier.group(1) or earlier.group(2)), _value(m.group(3))
            claims = [st for st in report.statements if st.paragraph == p.index
                      and now in (st.whole, st.value, st.count)]
            for st in claims:
                ctx.ledger.statement_checked(st, "count-said-above")
            if said != now:
                yield Finding(code="QUANTITY_CONFLICT", severity="error", paragraph=p.index, page=p.page,
                              reported=str(now), expected=str(said),
                              message=f"Văn bản ghi số {m.group('noun')} {words} nêu trên là "
                                      f"{format_count(now)} nhưng ở trên đã nêu {format_count(said)}")
        before += " " + p.text
