"""The figure a change is of, when the change's own clause does not give it:
"Tổng số hồ sơ tiếp nhận trong kỳ là 12.345 hồ sơ, trong đó … . So với cùng
kỳ năm trước (10.200 hồ sơ), tăng 21,0%", "Số hồ sơ quá hạn giảm 17 hồ sơ so
với cùng kỳ (265 hồ sơ)" after "Số hồ sơ giải quyết quá hạn là 248 hồ sơ".

Read as a reader does: the figures of the earlier figure's kind (a count of
the same noun, a percent, points) written before the change in its section
(its sentence, the sentences before it, the paragraphs before it up to the
heading), less those of another period ("so với …", "cùng kỳ …") and the
changes themselves ("tăng 511 hồ sơ"). The change names its quantity by the
words before "tăng"/"giảm"/"bằng" ("Số hồ sơ quá hạn"): the figures whose
own words (back to the clause's start, and what is counted after it) hold
every content word it says, the fewest other words first ("Đã giải quyết
13.985 hồ sơ" before "giải quyết quá hạn 521 hồ sơ" for "số hồ sơ đã giải
quyết"), sure when that figure says no other word or is the one the words
fit (with a word or two more: "Số hồ sơ giải quyết quá hạn" for "Số hồ sơ
quá hạn"). A change that names nothing is of the nearest sentence's figure
(a list's items left aside: parts of the whole the line before them
states): its only one, or the whole a list of parts follows ("12.345 hồ
sơ, trong đó …"). One figure so found is sure; several are candidates the change's
arithmetic may pick one of (never an error on its own).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..text.lines import blank_brackets

_STOP = frozenset("số tổng là đã được các của và trong kỳ này đó có với con lượng thì cũng đơn vị cơ quan gồm toàn "
                  "bộ đạt cả trên tại ở tính đến hết như sau".split())
_BOUNDARY = re.compile(r"[;:!?()]|\.(?!\d)|,(?!\d)")  # never the dot of "22.795"
_OTHER_PERIOD = re.compile(r"(?<!\w)(?:so\s+với|cùng\s+kỳ|năm\s+trước|kỳ\s+trước|quý\s+trước|tháng\s+trước)(?!\w)",
                           re.I)
_RESTATED = re.compile(r"\s*(?:tương\s+ứng|tức\s+là|tức|hay)(?:\s+(?:với|đạt|là))?\s*$", re.I)
# a share said of the count right before it: "…, đạt 97,19%", "…, chiếm tỷ lệ 2,31%"
_SHARE_OF_COUNT = re.compile(r"\s*(?:đạt|chiếm)(?:\s+(?:tỷ|tỉ)\s+lệ)?\s*$", re.I)
_ENDS_ON_COUNT = re.compile(r"\d(?:[\d.]*\d)?(?:/\d(?:[\d.]*\d)?)?\s+[^\W\d]+(?:\s+[^\W\d]+)?\s*$")
# A target is no measured figure: "thấp hơn chỉ tiêu 80%", "chỉ tiêu đề ra 95%".
_TARGET = re.compile(r"(?<!\w)chỉ\s+tiêu(?:\s+[^\W\d]\w*){0,2}\s*:?\s*$", re.I)
_CHANGE_WORD = re.compile(r"(?<!\w)(?:tăng|giảm|bằng)(?:\s+(?:thêm|được))?\s*$", re.I)
_NUMBER = r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d/]|[.,]\d)"
_WORD = re.compile(r"[^\W\d_]+")
_ITEM = re.compile(r"\s*(?:[-–+•*]|[a-zđ]\))\s")
MAX_BLOCKS = 6  # paragraphs of the section looked back over
# A whole whose list names the dossiers carried over from the period before ("tiếp nhận tổng số 423 hồ sơ,
# trong đó: kỳ trước chuyển sang 10 hồ sơ; tiếp nhận mới 413 hồ sơ") is, by definition, the period's
# dossiers to resolve: "số hồ sơ phải giải quyết tăng 2,2%" is of it.
_CARRIED = re.compile(r"(?<!\w)(?:kỳ|kì)\s+trước|(?<!\w)tồn(?!\w)", re.I)
_TO_RESOLVE = frozenset({"phải", "giải", "quyết"})


class Figure(NamedTuple):
    written: str
    own: frozenset[str]  # its content words
    whole: bool  # a list of its parts follows ("…, trong đó …", "gồm")
    sentence: int  # how many sentences before the change (0: its own)
    where: tuple[int, int]  # (paragraph, offset in its text)
    item: bool = False  # in a list item ("- Trực tuyến: 8.765 hồ sơ;"): a part of the list's whole
    defined: frozenset[str] = frozenset()  # words that name it by definition, whatever else its clause says


def content(text: str, also: frozenset[str] = frozenset()) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in _STOP and w not in also)


def _pattern(unit: str) -> re.Pattern[str] | None:
    """Figures of the earlier figure's kind: "%", "điểm", or a count of its noun."""
    if unit == "%":
        return re.compile(_NUMBER + r"\s*%")
    words = unit.split()
    if not words:
        return None
    noun = r"\s+".join(re.escape(w) for w in words[:2])
    return re.compile(_NUMBER + r"\s+" + noun + r"(?!\w)", re.I)


def figures(sentences: list[tuple[str, int, int]], unit: str) -> list[Figure]:
    """The figures of ``unit``'s kind in ``sentences`` ((text, paragraph,
    offset); the last one the change's own, up to the change), nearest last;
    none of another period, none that is a change."""
    pattern = _pattern(unit)
    if pattern is None:
        return []
    noun = frozenset(unit.casefold().split())
    out = []
    for k, (sentence, paragraph, offset) in enumerate(sentences):
        for m in pattern.finditer(sentence):
            if re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
                continue
            head = re.sub(r":\s*$", "  ", sentence[:m.start()])  # a label's colon right before its figure
            clause = head[_clause_start(head):]
            before = blank_brackets(head[:len(head) - len(clause) - 1])
            if _RESTATED.match(clause) or _SHARE_OF_COUNT.match(clause) and _ENDS_ON_COUNT.search(before):
                # "…, tương ứng 97,69%", "đúng hạn 13.074/13.452 hồ sơ, đạt 97,19%": the clause before in another
                # measure, named by its words, an aside in brackets left out ("Tỷ lệ hài lòng chung (Rất hài lòng
                # và Hài lòng) đạt 22.795/23.335 phiếu, tương ứng 97,69%")
                clause = before[_clause_start(before):] + clause
            if _CHANGE_WORD.search(head) or _OTHER_PERIOD.search(clause) or _in_other_period(head) \
                    or _one_unit(clause) or _TARGET.search(head):
                continue  # another period's, a change, one unit's ("UBND phường Thuận Hóa tiếp nhận 3.220"), a target
            tail = re.split(r"[.;,:()]|\d", sentence[m.end():])[0]
            own = content(clause, noun) | content(" ".join(tail.split()[:4]), noun)
            whole = re.match(r"\s*[,:]?\s*(?:trong\s+đó|gồm|bao\s+gồm)(?!\w)", sentence[m.end():], re.I) is not None
            # carried over and new: the period's dossiers to resolve
            defined = _TO_RESOLVE if whole and _CARRIED.search(sentence, m.end(), m.end() + 80) else frozenset()
            out.append(Figure(m.group(1), own, whole, len(sentences) - 1 - k, (paragraph, offset + m.start()),
                              _ITEM.match(sentence) is not None, defined))
    return out


# Kinds of unit a comma joins in one phrase ("các sở, ngành", "xã, phường, thị trấn", "cơ quan, đơn vị").
_KIND = r"(?:sở|ban|ngành|xã|phường|thị\s+trấn|cơ\s+quan|đơn\s+vị|địa\s+phương|huyện|quận|thị\s+xã|thành\s+phố)"
_KINDS_JOINED = re.compile(rf"(?<!\w){_KIND}(?:\s*,\s*{_KIND})+(?!\w)", re.I)


def _clause_start(head: str) -> int:
    """Where the clause of a figure starts in ``head`` (the text before it):
    after the last boundary that is no comma between kinds of unit ("Điểm
    trung bình của các sở, ngành đạt 79,11 điểm" is one clause)."""
    joined = [(j.start(), j.end()) for j in _KINDS_JOINED.finditer(head)]
    return max((b.end() for b in _BOUNDARY.finditer(head) if not any(a <= b.start() < z for a, z in joined)),
               default=0)


# A clause about one unit: its name ("UBND phường Thuận Hóa", "Sở Y tế", "xã Hòa Bình"), a capital right after its
# kind. (The office that reports, "Trung tâm Phục vụ hành chính công", states the whole.)
_ONE_UNIT = re.compile(r"(?<!\w)(?:UBND\s+(?:xã|phường|thị\s+trấn|huyện|thành\s+phố|thị\s+xã)|Sở|xã|phường|thị\s+trấn"
                       r"|huyện)\s+(\w)")


def _one_unit(clause: str) -> bool:
    """Whether the clause names one unit: its kind, then a capital."""
    return any(m.group(1).isupper() for m in _ONE_UNIT.finditer(clause))


def _in_other_period(head: str) -> bool:
    """Whether the figure is inside brackets opened after "so với …"."""
    open_at = head.rfind("(")
    return open_at > head.rfind(")") and _OTHER_PERIOD.search(head[max(0, open_at - 80):open_at]) is not None


# Words that make a figure a part of what a change names: a channel, a status, a stage, a period.
_NARROWING = frozenset({"trực", "tuyến", "bưu", "quá", "hạn", "đúng", "trễ", "trước", "lũy", "kế", "toàn",
                        "trình", "phần", "đang", "chưa", "đã", "giải", "quyết", "số", "hóa", "tháng", "quý", "năm"})


_RATE_WORDS = frozenset({"tỷ", "tỉ", "lệ"})


def named(found: list[Figure], subject: str, unit: str) -> tuple[list[Figure], bool]:
    """(the figures the change's ``subject`` words name, whether the pairing
    is sure). Several: candidates for the arithmetic to choose among."""
    # a percent is a rate by its unit: "tỷ lệ" names nothing more of it
    words = content(subject, frozenset(unit.casefold().split()) | (_RATE_WORDS if unit == "%" else frozenset()))
    if not words:
        found = [f for f in found if not f.item] or found  # the items of a list are parts of its whole
        nearest = min((f.sentence for f in found), default=None)
        here = [f for f in found if f.sentence == nearest]
        if len(here) == 1:
            return here, True
        wholes = [f for f in here if f.whole]
        if len(wholes) == 1 and here[0] is wholes[0]:
            return wholes, True  # "12.345 hồ sơ, trong đó …": the whole its parts follow
        return here, False
    fitting = [f for f in found if words <= f.own or words <= f.defined]
    if not fitting:
        return [], False

    def extra(f: Figure) -> int:
        return 0 if words <= f.defined else len(f.own - words)

    fewest = min(extra(f) for f in fitting)
    best = [f for f in fitting if extra(f) == fewest]
    # sure: the figure named in no other words, or the one figure the words may name, with a qualifier or two,
    # or with words that narrow it to no part (who received them: "Trung tâm Phục vụ hành chính công tỉnh
    # tiếp nhận 15.177 hồ sơ" is the "số hồ sơ tiếp nhận" of its section, its only one)
    alone = len({f.written for f in fitting}) == 1
    sure = len({f.written for f in best}) == 1 and (fewest == 0 or alone and (fewest <= 2 or not (
        best[-1].own - words) & _NARROWING))
    return (best[-1:] if sure else fitting), sure
