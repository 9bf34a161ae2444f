"""A whole with its parts listed after it: "Đã giải quyết 11.870 hồ sơ,
gồm: trước hạn 9.512 hồ sơ; đúng hạn 2.201 hồ sơ; quá hạn 157 hồ sơ." (the
colon may be left out: "…, trong đó trực tiếp 400 hồ sơ, chiếm 32%; trực
tuyến 850 hồ sơ, chiếm 68%"). Every item of the list, separated by semicolons
(or commas, or "và"), counts the same thing as the whole; the share an item
states of the whole (", chiếm 32%", "(chiếm 32%)", ", đạt tỷ lệ 32%") stays
with its item. Items may count the whole by kinds, each with its own noun
("có 106 cơ quan, đơn vị được đánh giá, gồm: 12 sở, ban, ngành; 15 UBND cấp
huyện và 79 UBND cấp xã"): every item is then one count and its kind, with
no other figure. "gồm" / "bao gồm" lists make the whole; "trong đó" lists are
some of it, unless the shares stated with every item add up to 100% (each
rounded to its places) or the items are the whole's dossiers late and on
time (:mod:`.statements_stages`): then they are all of it."""
from __future__ import annotations

import re
from decimal import Decimal

from ..model import Statement, StatementKind, SumMode
from ..numbers import places_of
from ..text.lines import split_sentences
from .statements_blocks import Block
from .statements_closed import closed_partition, closed_parts, distinct_levels, distinct_tiers
from .statements_counts import NUMBER, count_value, counts_of
from .statements_stages import stage_partition

# Between the whole and its list, words and at most a band's percent ("30 đơn vị đạt tỷ lệ dưới 50%, gồm: …").
# The whole may be the count of a fraction ("đã giải quyết 28.543/30.846 hồ sơ, …; trong đó …"): its list splits it.
_HEAD = re.compile(r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})+|\d+)(?:/(?:\d{1,3}(?:\.\d{3})+|\d+))?(?![\d/]|[.,]\d)"
                   r"\s+(?P<noun>[^\W\d]\w*(?:\s+[^\W\d]\w*)?)(?:[^:;()\d]|\d+(?:,\d+)?\s*%){0,60}?[,;]?\s*"
                   r"(?P<kw>bao\s+gồm|gồm|trong\s+đó)\s*:?\s*(?P<list>.+)$", re.I)
# "Trong tổng số 19.245 hồ sơ tiếp nhận mới, có 10.920 hồ sơ trực tuyến, 8.282 hồ sơ trực tiếp và 43 hồ sơ qua
# bưu chính công ích": the list after "có" splits the whole the sentence opens with, as a "trong đó" list does.
_IN_TOTAL = re.compile(r"^\s*trong\s+tổng\s+số\s+(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/]|[.,]\d)"
                       r"\s+(?P<noun>[^\W\d]\w*(?:\s+[^\W\d]\w*)?)[^:;()\d]{0,60}?,\s*"
                       r"(?P<kw>có)\s+(?P<list>.+)$", re.I)
# Items end at a semicolon, or at a comma followed by a space outside brackets
# (a decimal comma has none: "(chiếm 59,09%), hồ sơ trực tiếp …").
_ITEM_SEP = re.compile(r"\s*;\s*|,\s+(?![^()]*\))(?:và\s+)?|\s+và\s+(?![^()]*\))")
_SEMICOLON = re.compile(r"\s*;\s*(?![^()]*\))(?:và\s+)?")  # never one inside an item's brackets
# An item that is only the share of the item before it: ", chiếm 32%", ", đạt tỷ lệ 32,5%".
_SHARE_ITEM = re.compile(r"^(?:chiếm|đạt|bằng)(?:\s+(?:tỷ|tỉ)\s+lệ)?\s*(\d+(?:,\d+)?)\s*%$", re.I)
_SHARE_IN_ITEM = re.compile(r"(?:chiếm|đạt|bằng)(?:\s+(?:tỷ|tỉ)\s+lệ)?\s*(\d+(?:,\d+)?)\s*%", re.I)
_COMPARISON = re.compile(r"(?<!\w)(tăng|giảm|so\s+với|cùng\s+kỳ|nhiều\s+hơn|ít\s+hơn|vượt|chênh)(?!\w)", re.I)


_BRACKETS = re.compile(r"\([^()]*\)")


def colon_sum_statements(block: Block, scope: str | None, known: list[Statement], two_levels: bool = False
                         ) -> list[Statement]:
    """The sums of ``block`` listed after a colon, not already read (``known``);
    ``two_levels``: the document knows no district level (:mod:`.statements_closed`)."""
    seen = {(st.whole, tuple(st.parts)) for st in known if st.kind == StatementKind.SUM}
    out: list[Statement] = []
    for sentence in split_sentences(block.text):
        m = _HEAD.search(sentence) or _IN_TOTAL.match(sentence)
        if m is None:
            continue
        whole = count_value(m.group(1))
        items = _of_the_whole(list_items(m.group("list")), sentence[:m.start("kw")])
        noun = m.group("noun")
        if not all(counts_of(_BRACKETS.sub("", i), noun) for i in items):
            noun = noun.split()[0]
        # a count in brackets is a part of its item ("84 đơn vị (trong đó có 45 đơn vị …)"), not an item
        found = [counts_of(_BRACKETS.sub("", i), noun) for i in items]
        if whole is None or len(items) < 2 or any(_COMPARISON.search(i) for i in items):
            continue
        kinds = None
        if all(len(f) == 1 for f in found):
            parts = [count_value(f[0].group(1)) for f in found]
        elif (said := _noun_left_out(items, found)) is not None:  # "trước hạn 6.566 (chiếm 47,8%), đúng hạn …"
            parts = said
        elif (kinds := listed_kinds(items)) is not None:  # "… gồm: 12 sở, ban, ngành; 15 UBND cấp huyện và 79 …"
            parts = kinds
        elif (closed := closed_parts(items, sentence[:m.start("kw")], two_levels)) is not None:
            parts = closed  # "trong đó qua dịch vụ công trực tuyến 27.407; trực tiếp 6.931; qua BCCI 274 hồ sơ"
        else:
            continue
        if None in parts or (whole, tuple(parts)) in seen:
            continue
        mode = SumMode.PARTITION
        staged = stage_partition(items, parts, whole) if kinds is None else None
        closed = closed_partition(items, sentence[:m.start("kw")], two_levels)
        if re.match(r"trong|có", m.group("kw"), re.I) and not _shares_make_whole(items) and staged is None \
                and not closed:
            # distinct kinds, or distinct levels of satisfaction: never more than it
            mode = SumMode.SUBSET if kinds is None and not (distinct_levels(items) or distinct_tiers(items)) \
                else SumMode.DISJOINT
        parts = staged or parts
        out.append(Statement(kind="sum", text=sentence[m.start():], paragraph=block.index, page=block.page,
                             whole=whole, parts=parts, scope=scope, mode=mode, noun=noun))
    return out


# An item that opens with a dossier's stage ("đã giải quyết 487 hồ sơ", "đang xử lý 15 hồ sơ", "tiếp nhận …").
# An item that opens with the handling of dossiers: "đã giải quyết 487 hồ sơ", "đang xử lý 15 hồ sơ".
_HANDLED_ITEM = re.compile(r"^\s*(?:đã|đang|chưa)\s+(?:được\s+)?(?:giải\s+quyết|xử\s+lý)(?!\w)", re.I)
_RECEIVED = re.compile(r"tiếp\s+nhận", re.I)
_HANDLED = re.compile(r"giải\s+quyết|xử\s+lý", re.I)


def _of_the_whole(items: list[str], head: str) -> list[str]:
    """The items up to the first that goes on from the dossiers received to
    their handling: "tiếp nhận 502 hồ sơ, trong đó trực tuyến 378 hồ sơ; đã
    giải quyết 487 hồ sơ; đang giải quyết 15 hồ sơ" lists one part of 502,
    then the solved. A whole of dossiers to handle keeps its stages ("phải
    giải quyết 3.034 hồ sơ, trong đó kỳ trước chuyển sang 43, tiếp nhận
    trong kỳ 2.981"; "…, trong đó: đã giải quyết 487; đang giải quyết 15")."""
    if not _RECEIVED.search(head) or _HANDLED.search(head):
        return items
    for k, item in enumerate(items[1:], 1):
        if _HANDLED_ITEM.match(item):
            return items[:k]
    return items


_OPENS_SPLIT = re.compile(r"^\s*trong\s+đó\s*[:,]?\s*", re.I)
_LAST_WHOLE = re.compile(NUMBER + r"\s+(?P<noun>[^\W\d]\w*(?:\s+[^\W\d]\w*)?)[^\d]*$")


def closed_after_total(block: Block, scope: str | None, two_levels: bool) -> list[Statement]:
    """"Số hồ sơ phải giải quyết 77.360 hồ sơ. Trong đó: tiếp nhận trong kỳ
    76.841; kỳ trước chuyển qua 519 hồ sơ.": a sentence opening "Trong đó"
    whose items split the last count of the sentence before by a closed
    vocabulary (:mod:`.statements_closed`) is all of it."""
    sentences = split_sentences(block.text)
    out: list[Statement] = []
    for before, sentence in zip(sentences, sentences[1:]):
        lead = _OPENS_SPLIT.match(sentence)
        last = _LAST_WHOLE.search(re.sub(r"\([^()]*\)", "", before)) if lead else None
        whole = count_value(last.group(1)) if last else None
        parts = closed_parts(list_items(sentence[lead.end():]), before, two_levels) if lead else None
        if whole is not None and parts is not None:
            out.append(Statement(kind="sum", text=f"{before} {sentence}", paragraph=block.index, page=block.page,
                                 whole=whole, parts=parts, scope=scope, mode=SumMode.PARTITION,
                                 noun=last.group("noun")))
    return out


_LAST_COUNT = re.compile(r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})+|\d+)\s*$")


def _noun_left_out(items: list[str], found: list[list[re.Match[str]]]) -> list[Decimal] | None:
    """The counts of a list whose items say the whole's noun but some leave it
    out after their count, which then ends the item ("trước hạn 6.566 (chiếm
    47,8%), đúng hạn 6.934 hồ sơ (…), trễ hạn 243 hồ sơ (…)"); None for any
    other list."""
    if not any(found):
        return None
    out: list[Decimal | None] = []
    for item, f in zip(items, found):
        if len(f) == 1:
            out.append(count_value(f[0].group(1)))
            continue
        bare = _BRACKETS.sub("", item).strip(" ,;.")
        last = _LAST_COUNT.search(bare)
        if f or last is None or len(re.findall(r"\d", bare[:last.start()])):
            return None
        out.append(count_value(last.group(1)))
    return None if None in out else out  # type: ignore[return-value]


# The whole after its parts: "Cấp xã có 102 đơn vị, cấp tỉnh có 22 đơn vị, tổng cộng 124 đơn vị được đánh giá".
_TOTAL_AFTER = re.compile(r"[,;]\s*(?:(?:với|là)\s+)?(?:tổng\s+cộng|tổng\s+số|tổng|cộng)\s*(?:là|có|:)?\s*"
                          + NUMBER + r"\s+(?P<noun>[^\W\d]\w*)", re.I)


def total_after_statements(block: Block, scope: str | None, known: list[Statement]) -> list[Statement]:
    """The sums of ``block`` whose whole follows its parts ("…, tổng cộng 124
    đơn vị"): the items before it in its sentence, each one count of the
    whole's noun, all of it (a partition)."""
    seen = {(st.whole, tuple(st.parts)) for st in known if st.kind == StatementKind.SUM}
    out: list[Statement] = []
    for sentence in split_sentences(block.text):
        for m in _TOTAL_AFTER.finditer(sentence):
            whole, noun = count_value(m.group(1)), m.group("noun")
            items = [i for i in list_items(sentence[:m.start()]) if i]
            found = [counts_of(_BRACKETS.sub("", i), noun) for i in items]
            if whole is None or len(items) < 2 or not all(len(f) == 1 for f in found) \
                    or any(_COMPARISON.search(i) for i in items):
                continue
            parts = [count_value(f[0].group(1)) for f in found]
            if None in parts or (whole, tuple(parts)) in seen:
                continue
            out.append(Statement(kind="sum", text=sentence[:m.end()], paragraph=block.index, page=block.page,
                                 whole=whole, parts=parts, scope=scope, mode=SumMode.PARTITION, noun=noun))
    return out


# An item that is a count and the kind it counts, nothing else: "12 sở, ban, ngành", "79 UBND cấp xã".
# A kind names what is counted; words that say what became of it ("xếp loại Xuất sắc", "đạt", "được
# công bố") make the item a result, not a kind of the whole.
_KIND_ITEM = re.compile(r"^\s*(?:(?:bao\s+)?gồm|trong\s+đó(?:\s+có)?|và)?\s*:?\s*" + NUMBER
                        + r"\s+(?![^\d%()]*(?<!\w)(?:xếp|loại|đạt|được|bị|hoàn|chiếm|có|là|đã|chưa|không|tăng"
                          r"|giảm|trễ|quá|đúng|trước|sớm)(?!\w))[^\W\d][^\d%()]{0,40}$", re.I)


def listed_kinds(items: list[str]) -> list[Decimal] | None:
    """The counts of a list whose every item is one count followed by the kind
    it counts ("12 sở, ban, ngành; 15 UBND cấp huyện và 79 UBND cấp xã",
    "103 xã, 20 phường và 01 đặc khu"): the parts of a whole split by kind,
    each named by its own noun. None when an item is anything else (a
    percent, a second figure, a comparison)."""
    if len(items) < 2 or not all(_KIND_ITEM.match(i) for i in items):
        return None
    values = [count_value(re.search(NUMBER, i).group(1)) for i in items]
    return None if None in values else values


def list_items(text: str) -> list[str]:
    """The items of a list, a share written after its item kept with it, and
    words with no figure after a comma too: they go on naming what the item
    before counts ("trực tiếp 127 phản ánh, kiến nghị"), or, before the first
    figure, what the first item counts ("các sở, ngành 127 hồ sơ"). Items
    that end in ";" are cut there only."""
    out: list[str] = []
    lead: list[str] = []  # names with no figure before the first item's: "các sở, ngành 127 hồ sơ"
    # a list whose items end in ";" keeps its commas inside them: "cấp tỉnh 15.170; các xã, phường, đặc khu 81.230"
    separator = _SEMICOLON if ";" in _BRACKETS.sub("", text) else _ITEM_SEP
    for item in separator.split(text.rstrip(" .")):
        item = item.strip()
        if not item:
            continue
        if out and (_SHARE_ITEM.match(item) or not re.search(r"\d", item)):
            out[-1] = f"{out[-1]}, {item}"
        elif not out and not re.search(r"\d", item):
            lead.append(item)
        else:
            out.append(", ".join([*lead, item]))
            lead = []
    return out or lead


def _shares_make_whole(items: list[str]) -> bool:
    """Whether every item states its share of the whole and the shares add
    up to 100%, each within half a unit of its last place."""
    shares = [_SHARE_IN_ITEM.search(i) for i in items]
    if not all(shares):
        return False
    values = [Decimal(s.group(1).replace(",", ".")) for s in shares if s]
    slack = sum((Decimal(1).scaleb(-places_of(v)) / 2 for v in values), Decimal(0))
    return abs(sum(values, Decimal(0)) - 100) <= slack
