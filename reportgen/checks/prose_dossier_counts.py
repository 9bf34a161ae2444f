"""The report's own totals of dossiers said more than once: "Tiếp nhận mới
17.493 hồ sơ (trong đó: …)", "Số hồ sơ tiếp nhận mới 17.493 hồ sơ, trong đó
trực tuyến …", "… mới tiếp nhận 17.493 hồ sơ", "Đã tiếp nhận mới 17.493 hồ sơ,
trong đó 10.534 nộp trực tuyến …". Each is the one count of the period the
report is about, so every mention must give the same figure.

A mention is a count of "hồ sơ" right after what was done with them (tiếp
nhận mới / mới tiếp nhận / tiếp nhận trong kỳ; tiếp nhận; phải / cần giải
quyết; đã giải quyết) in a paragraph that says nothing before it that would
make it a part or another period: a level or a named unit (a capital inside
the sentence, "cấp tỉnh", "xã"), a channel ("trực tuyến", "qua Cổng …"), a
time of its own ("tháng 9", "quý", "năm 2024", "lũy kế", "cùng kỳ", "so
với"), a status ("quá hạn", "toàn trình"), and nothing after the count but
its "trong đó" or its share. A total said as a part of a larger one ("…
phải giải quyết 8.557 hồ sơ, trong đó tồn từ kỳ trước 443 hồ sơ, mới tiếp
nhận 8.114 hồ sơ") is the same total still. Mentions
of one kind with two values conflict: where all agree but one (two at least
agreeing), the odd one is an error; otherwise a warning on the later one.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator

from ..model import Finding, Report
from ..numbers import NotANumber, format_count, parse_vi_number
from ..text.lines import split_sentences
from .registry import CheckContext, rule

# What was done with the dossiers, and the kind of total it makes.
_KINDS = (("mới tiếp nhận", r"tiếp\s+nhận\s+(?:mới|trong\s+(?:kỳ|kì))|mới\s+tiếp\s+nhận"),
          ("phải giải quyết", r"(?:phải|cần)\s+giải\s+quyết(?:\s+trong\s+(?:kỳ|kì))?"),
          ("đã giải quyết", r"đã\s+(?:được\s+)?giải\s+quyết(?:\s+xong)?"),
          ("tiếp nhận", r"tiếp\s+nhận"))
_MENTION = re.compile(r"(?<!\w)(?:" + "|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(_KINDS)) + r")"
                      r"(?:\s+(?:trong\s+(?:kỳ|kì)|là|được|trên\s+địa\s+bàn(?:\s+(?:tỉnh|huyện|xã|thành\s+phố))?"
                      r"|(?:của\s+)?toàn\s+tỉnh))*\s*:?\s*(?:là\s+)?"
                      r"(?P<n>\d{1,3}(?:\.\d{3})+|\d+)\s+hồ\s+sơ(?!\w)(?P<after>[^.;]*)", re.I)
# Before the mention: what would make it a part or another period's figure.
_QUALIFIED = re.compile(r"cấp\s+(?:tỉnh|huyện|xã)|(?<!\w)(?:xã|phường|huyện|sở|ban|phòng|ubnd|trung\s+tâm)(?!\w)"
                        r"|trực\s+tuyến|trực\s+tiếp|bưu\s+chính|bưu\s+điện|cổng|điện\s+tử|mạng"
                        r"|tháng\s+\d|(?<!\w)quý(?!\w)|năm\s+\d{4}|lũy\s+kế|từ\s+đầu\s+năm|cùng\s+kỳ|so\s+với"
                        r"|quá\s+hạn|đúng\s+hạn|trước\s+hạn|trễ\s+hạn|toàn\s+trình|một\s+phần", re.I)
# After the count: only its "trong đó" list or its share may follow.
_AFTER_OK = re.compile(r"^\s*(?:[,(]\s*(?:trong\s+đó|chiếm|đạt|tương\s+(?:đương|ứng))\b.*|\(\s*trong\s+đó\b.*|)$", re.I)


@rule("QUANTITY_CONFLICT", "Tổng số hồ sơ tiếp nhận, phải giải quyết hay đã giải quyết được nêu nhiều lần với các "
                           "giá trị khác nhau")
def dossier_total_restated(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: tổng số hồ sơ mới tiếp nhận (phải giải quyết, đã giải quyết) của kỳ
    báo cáo, nêu ở nhiều câu ("Tiếp nhận mới 17.493 hồ sơ", "Số hồ sơ tiếp nhận mới
    17.493 hồ sơ, trong đó …"), phải là một con số. Chỉ xét câu không nói đến một cấp, một
    đơn vị, một kênh nộp hay một thời kỳ khác trước con số. Khi mọi chỗ khớp nhau trừ một
    (ít nhất hai chỗ khớp) thì chỗ lệch là lỗi; còn lại là cảnh báo.
    Vì sao: tổng số hồ sơ được chép lại ở mỗi mục của báo cáo; sửa một chỗ mà quên chỗ
    khác làm các phép chia, tỷ lệ tính trên hai tổng khác nhau.
    Ví dụ sai: "Tiếp nhận mới 77.493 hồ sơ (trong đó: …)" rồi "Số hồ sơ tiếp nhận mới
    17.493 hồ sơ" và "Đã tiếp nhận mới 17.493 hồ sơ".
    Ví dụ đúng: ba chỗ cùng ghi 17.493 hồ sơ."""
    mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)  # kind -> (value, paragraph, written)
    for p in report.paragraphs:
        said = ""  # the paragraph's sentences before: "Tổng số hồ sơ tiếp nhận trực tuyến … Số hồ sơ đã giải quyết"
        for sentence in split_sentences(p.text):
            for kind, value, written in _mentions(sentence, said):
                mentions[kind].append((value, p.index, written))
            said += " " + sentence
    for kind, items in mentions.items():
        values = {v for v, _, _ in items}
        if len(values) < 2:
            continue
        counts = {v: sum(1 for x, _, _ in items if x == v) for v in values}
        common = max(counts, key=counts.get)
        odd = [it for it in items if it[0] != common]
        sure = counts[common] >= 2 and len(odd) == 1
        if sure:  # the odd one against the paragraphs that agree
            (value, paragraph, written), = odd
            other, where = common, [q for v, q, _ in items if v == common]
        else:  # the last one against the last that differs from it, with no side taken
            value, paragraph, written = items[-1]
            other, q = next((v, q) for v, q, _ in reversed(items) if v != value)
            where = [q]
        yield Finding(code="QUANTITY_CONFLICT", severity="error" if sure else "warning",
                      message=f"Số hồ sơ {kind} của kỳ báo cáo được nêu {len(items)} lần với các giá trị khác "
                              f"nhau: {written} hồ sơ ở đây nhưng {format_count(other)} hồ sơ ở "
                              f"đoạn {', '.join(str(q + 1) for q in where)}"
                              + ("" if sure else " (không rõ chỗ nào ghi sai)"),
                      paragraph=paragraph, reported=str(value), expected=str(other))


def _mentions(sentence: str, said: str = "") -> Iterator[tuple[str, int, str]]:
    """(kind, value, as written) of each plain total of the sentence; ``said``:
    the paragraph's sentences before it, whose qualifiers hold for it too."""
    for m in _MENTION.finditer(sentence):
        before = sentence[:m.start()]
        if _QUALIFIED.search(said + " " + before) or _named(before) or not _AFTER_OK.match(m.group("after")):
            continue
        kind = next(_KINDS[i][0] for i in range(len(_KINDS)) if m.group(f"k{i}"))
        try:
            value = parse_vi_number(m.group("n"), "count").value
        except NotANumber:
            continue
        yield kind, int(value), m.group("n")


def _named(before: str) -> bool:
    """A word with a capital after the sentence's first: a unit or a period named ("Sở Tư pháp", "Quý IV")."""
    words = re.findall(r"[^\W\d_]+", before)
    return any(w[:1].isupper() for w in words[1:])
