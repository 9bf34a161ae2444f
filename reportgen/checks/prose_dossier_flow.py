"""The flow of a period's dossiers as the prose tells it: every dossier the
office had to settle is either settled or still in hand — "phải giải quyết
2.468 hồ sơ (kỳ trước chuyển sang 168, mới tiếp nhận 2.300) … đã giải quyết
2.300 hồ sơ … đang giải quyết 168 hồ sơ": 2.300 + 168 = 2.468.

Read per part of the report (from one top heading, "I.", "II.", to the
next; the whole text without them): each figure is a count of "hồ sơ" right
after what was done with them, in a clause that names no channel, level,
field, status or other period ("trực tuyến", "cấp xã", "quá hạn", "cùng kỳ"),
and outside brackets (which detail a figure). A kind said with two values,
or an outcome the flow does not hold (returned, withdrawn, paused, waiting
for papers), leaves the part unchecked.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..model import Finding, Report, StatementKind
from ..numbers import NotANumber, format_count, parse_vi_number
from ..text.lines import blank_brackets, split_sentences
from .registry import CheckContext, rule

_N = r"(?P<n>\d{1,3}(?:\.\d{3})+|\d+)"
# What was done with the dossiers (the longest wording first), and the figure right after it.
_KINDS = (
    ("whole", r"tổng\s+số\s+hồ\s+sơ\s+(?:phải\s+giải\s+quyết|tiếp\s+nhận(?:\s+và\s+giải\s+quyết)?)"
              r"|(?:phải|cần)\s+giải\s+quyết"),
    ("carried", r"(?:kỳ|kì)\s+trước\s+chuyển\s+(?:sang|qua)|tồn\s+(?:từ\s+)?(?:kỳ|kì)\s+trước(?:\s+chuyển\s+sang)?"
                r"|chuyển\s+(?:từ\s+)?(?:kỳ|kì)\s+trước(?:\s+sang)?"),
    ("new", r"mới\s+tiếp\s+nhận|tiếp\s+nhận\s+mới"),
    ("settled", r"đã\s+(?:được\s+)?giải\s+quyết(?:\s+xong)?|giải\s+quyết\s+xong"),
    ("pending", r"(?:đang|chưa)\s+giải\s+quyết|còn\s+tồn"),
    ("received", r"tiếp\s+nhận"),
)
_MENTION = re.compile(r"(?<!\w)(?:" + "|".join(f"(?P<{k}>{p})" for k, p in _KINDS) + r")"
                      r"(?:\s+(?:trong\s+(?:kỳ|kì|tháng|quý|năm)|là|được|tổng\s+số|tổng\s+cộng))*\s*:?\s*(?:là\s+)?"
                      + _N + r"\s+hồ\s+sơ(?!\w)", re.I)
# Words of a clause that make its figure a part: a channel, level, field, status.
_QUALIFIED = re.compile(r"trực\s+tuyến|trực\s+tiếp|bưu\s+chính|bưu\s+điện|cổng|điện\s+tử|toàn\s+trình|một\s+phần"
                        r"|cấp\s+(?:tỉnh|huyện|xã)|(?<!\w)(?:xã|phường|huyện|sở|lĩnh\s+vực|thủ\s+tục)(?!\w)"
                        r"|quá\s+hạn|đúng\s+hạn|trước\s+hạn|trễ\s+hạn", re.I)
# Words of a sentence that make its figures another period's.
_OTHER_PERIOD = re.compile(r"cùng\s+(?:kỳ|kì)|so\s+với|lũy\s+kế|từ\s+đầu\s+năm|tháng\s+trước|quý\s+trước|năm\s+trước",
                           re.I)
# Outcomes beyond settled and in hand: the flow says nothing sure where the part names one.
_OTHER_OUTCOME = re.compile(r"trả\s+lại|rút\s+(?:hồ\s+sơ|khỏi)|(?<!\w)rút(?!\w)|tạm\s+dừng|dừng\s+giải\s+quyết"
                            r"|hủy|từ\s+chối|chờ\s+bổ\s+sung|bổ\s+sung\s+hồ\s+sơ|không\s+(?:giải\s+quyết|tiếp\s+nhận)"
                            r"|chuyển\s+(?:cơ\s+quan|đơn\s+vị)\s+khác|không\s+đủ\s+điều\s+kiện", re.I)
_CLAUSE_END = re.compile(r"[;,:(]|\s(?:và|gồm|trong\s+đó)\s")


@rule("SUM_MISMATCH", "Số hồ sơ đã giải quyết cộng đang giải quyết không bằng số hồ sơ phải giải quyết")
def dossier_flow(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: trong một phần của báo cáo, số hồ sơ đã giải quyết cộng số hồ sơ đang
    giải quyết phải bằng số hồ sơ phải giải quyết (tổng số hồ sơ tiếp nhận, hoặc kỳ trước
    chuyển sang cộng mới tiếp nhận). Chỉ xét những con số không gắn với một kênh, một cấp,
    một lĩnh vực, một tình trạng hay một kỳ khác; phần nào nêu hồ sơ trả lại, rút, tạm dừng
    thì không xét. Văn bản nêu rõ số phải giải quyết (hoặc kỳ trước chuyển sang và mới tiếp
    nhận) thì lệch là lỗi; chỉ nêu "tiếp nhận" thì tổng hai số nhỏ hơn là lỗi (hồ sơ không
    thể mất), lớn hơn là cảnh báo (có thể có hồ sơ kỳ trước chuyển sang mà văn bản không nêu).
    Vì sao: ba con số này thường được chép từ ba dòng khác nhau của hệ thống; sửa một số mà
    quên số kia thì báo cáo tự mâu thuẫn.
    Ví dụ sai: "phải giải quyết 2.468 hồ sơ … đã giải quyết 2.300 hồ sơ … đang giải quyết
    186 hồ sơ" (2.300 + 186 = 2.486).
    Ví dụ đúng: "… đang giải quyết 168 hồ sơ" (2.300 + 168 = 2.468)."""
    for paragraphs in _parts(report):
        text = " ".join(p.text for p in paragraphs)
        if _OTHER_OUTCOME.search(text):
            continue
        said: dict[str, set[int]] = {}
        where: dict[str, int] = {}
        for p in paragraphs:
            for kind, value in _mentions(p.text):
                said.setdefault(kind, set()).add(value)
                where.setdefault(kind, p.index)
        if any(len(values) > 1 for values in said.values()):
            continue  # a kind said with two values: several units or periods, no one flow
        one = {kind: next(iter(values)) for kind, values in said.items()}
        if "settled" not in one or "pending" not in one:
            continue
        out = one["settled"] + one["pending"]
        if "whole" in one:
            whole, named, sure = one["whole"], "phải giải quyết", True
        elif "carried" in one and ("new" in one or "received" in one):
            whole = one["carried"] + one.get("new", one.get("received"))
            named, sure = "kỳ trước chuyển sang cộng mới tiếp nhận", True
        elif "new" in one or "received" in one:
            whole, named = one.get("new", one.get("received")), "tiếp nhận"
            sure = out < whole  # more out than in may be dossiers carried over that the text leaves out
        else:
            continue
        if out == whole or _summed(report, whole, (one["settled"], one["pending"])):
            continue  # as it should be, or a sum of the prose the sums' rules hold already
        paragraph = where["pending"]
        yield Finding(code="SUM_MISMATCH", severity="error" if sure else "warning",
                      message=f"Số hồ sơ đã giải quyết ({format_count(one['settled'])}) cộng đang giải quyết "
                              f"({format_count(one['pending'])}) là {format_count(out)}, không bằng số hồ sơ {named} "
                              f"({format_count(whole)})" + ("" if sure else "; có thể có hồ sơ kỳ trước chuyển sang "
                                                                          "mà văn bản không nêu, cần kiểm tra lại"),
                      paragraph=paragraph, reported=str(out), expected=str(whole))


def _summed(report: Report, whole: int, parts: tuple[int, int]) -> bool:
    """Whether the prose's sums already read this whole with these parts ("Tổng số hồ sơ tiếp nhận 52.933
    hồ sơ. Đã giải quyết 49.010 hồ sơ, … Đang giải quyết 3.923 hồ sơ")."""
    return any(st.kind == StatementKind.SUM and st.whole == whole and set(parts) <= set(st.parts or ())
               for st in report.statements)


def _parts(report: Report) -> list[list]:
    """The paragraphs of each top part of the report (a heading of level 1 or above starts one)."""
    tops = {st.paragraph for st in report.statements
            if st.kind == StatementKind.SECTION and st.level is not None and st.level <= 1}
    parts: list[list] = [[]]
    for p in report.paragraphs:
        if p.index in tops:
            parts.append([])
        parts[-1].append(p)
    return [part for part in parts if part]


def _mentions(paragraph: str) -> Iterator[tuple[str, int]]:
    """(kind, value) of each plain count of dossiers the paragraph gives outside brackets."""
    for sentence in split_sentences(paragraph):
        plain = blank_brackets(sentence)
        for m in _MENTION.finditer(plain):
            kind = next(k for k, _ in _KINDS if m.group(k))
            before = plain[:m.start()]
            ends = [c.end() for c in _CLAUSE_END.finditer(before)]
            clause = before[ends[-1] if ends else 0:]
            if _QUALIFIED.search(clause) or _QUALIFIED.search(m.group(0)) or _OTHER_PERIOD.search(before):
                continue
            try:
                value = parse_vi_number(m.group("n"), "count").value
            except NotANumber:
                continue
            yield kind, int(value)
