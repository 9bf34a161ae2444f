"""Wholes and their parts in the prose: a count with its parts in brackets
("124 đơn vị (103 xã, 20 phường và 01 đặc khu)"), a total sentence followed
by sentences that count its categories, a "Tổng số …, trong đó:" lead
followed by list items, and the shares those parts state of their whole.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..model import Statement, StatementKind, SumMode
from ..text.lines import blank_brackets, split_sentences
from .statements_blocks import Block, heading_of
from .statements_closed import closed_partition, closed_parts, distinct_levels, distinct_tiers, member_counts
from .statements_counts import NUMBER, count_value, counts_of, percent_value
from .statements_lists import closed_after_total, list_items, listed_kinds
from .statements_stages import stage_partition

# the share after a part: ", chiếm 32%", or in brackets alone: "9.604 hồ sơ (28,1%)"
_SHARE_AFTER = re.compile(r"^(?:\s*[,;]?\s*(?:chiếm|bằng|đạt)(?:\s+tỷ\s+lệ)?\s*:?|\s*\()\s*(\d+(?:[.,]\d+)?)\s*%",
                          re.I)
# the brackets may hold each part's share in brackets of its own: "(trong đó: nộp trực tuyến 67.363 hồ sơ
# (chiếm 70,87%); trực tiếp 26.971 (chiếm 28,38%); qua BCCI 714 hồ sơ (0,75%))"
_PAREN_SUM = re.compile(NUMBER + r"\s+(?P<noun>[^\W\d][\w]*(?:\s+[^\W\d][\w]*){0,5})\s*"
                        r"\((?P<inner>(?:[^()]|\([^()]*\))+)\)")
_COMPARISON = re.compile(r"(?<!\w)(tăng|giảm|so\s+với|cùng\s+kỳ|nhiều\s+hơn|ít\s+hơn|vượt|chênh)(?!\w)", re.I)
_TOTAL_WORD = re.compile(r"\btổng(?:\s+số|\s+cộng)?\b", re.I)


def _share_for(block: Block, sentence: str, m: re.Match[str], base: Decimal, scope: str | None) -> Statement | None:
    sh = _SHARE_AFTER.match(sentence[m.end():])
    if not sh:
        return None
    pct = percent_value(sh.group(1))
    value = count_value(m.group(1))
    if pct is None or value is None:
        return None
    return Statement(kind="share", text=sentence, paragraph=block.index, page=block.page, value=value,
                     whole=base, percent=pct[0], scope=scope, wrong_separator=pct[1],
                     percent_written=sh.group(1) + "%")


def sum_statements(block: Block, scope: str | None, two_levels: bool = False) -> list[Statement]:
    """A whole with its parts in brackets, and a total sentence followed by
    sentences that count its categories (with their shares)."""
    closed = closed_after_total(block, scope, two_levels)
    wholes = {st.whole for st in closed}
    return _bracketed_sums(block, scope, two_levels) + closed + [
        st for st in _total_breakdown(block, scope) if st.kind != StatementKind.SUM or st.whole not in wholes]


def _bracketed_sums(block: Block, scope: str | None, two_levels: bool = False) -> list[Statement]:
    """"124 đơn vị (103 xã, 20 phường và 01 đặc khu)": the parts in brackets
    make the whole ("trong đó …": they are some of it)."""
    out: list[Statement] = []
    for m in _PAREN_SUM.finditer(block.text):
        whole, noun, inner = count_value(m.group(1)), m.group("noun"), m.group("inner")
        noun = noun.split()[0] if not counts_of(inner, noun) else noun
        parts = [count_value(c.group(1)) for c in counts_of(inner, noun)]
        kinds = listed_kinds(list_items(inner))
        # "124 đơn vị (103 xã, 20 phường và 01 đặc khu)", "202 đơn vị (trong đó: 21 cơ quan cấp tỉnh, 13 đơn
        # vị cấp huyện, 168 đơn vị cấp xã)": parts named by kind, every item of the list one of them
        if kinds is not None and len(kinds) > len(parts):
            parts = kinds
        lead = re.match(r"\s*trong\s+đó\s*:?", inner, re.I)
        # "(trong đó: trực tuyến 4.993, trực tiếp 1.917 và qua bưu chính công ích 66 hồ sơ)": all of it
        # "(kỳ trước chuyển sang 377, mới tiếp nhận 5.002)": a closed list with no "trong đó" and no noun is all of it
        closed = closed_parts(list_items(inner[lead.end() if lead else 0:]), block.text[:m.start("inner")],
                              two_levels) if lead or not parts else None
        # "(trong đó: trực tuyến 13.788; trực tiếp 6.033)": channels with their counts, the noun left out
        bare = member_counts(list_items(inner[lead.end():])) if lead and not parts and not closed else None
        parts = closed or bare or parts
        if whole is None or len(parts) < 2 or None in parts:
            continue
        if _COMPARISON.search(inner):
            continue  # "(tăng 975 hồ sơ so với kỳ trước …)" compares, it does not split
        mode = SumMode.PARTITION
        staged = stage_partition(list_items(inner[lead.end():]), parts, whole) if lead and parts is not kinds else None
        if lead and staged is None and closed is None:
            items = list_items(inner[lead.end():])
            distinct = parts is kinds or parts is bare or distinct_levels(items) or distinct_tiers(items)
            mode = SumMode.DISJOINT if distinct else SumMode.SUBSET  # some of it; kinds never more
        parts = staged or parts
        out.append(Statement(kind="sum", text=m.group(0), paragraph=block.index, page=block.page, whole=whole,
                             parts=parts, scope=scope, mode=mode, noun=noun))
    return out


def _total_breakdown(block: Block, scope: str | None) -> list[Statement]:
    """"Tổng số 120 hồ sơ. 80 hồ sơ trực tuyến …, trong đó …": the first
    sentence's total, the counts that open the sentences after it (and the
    counts after their "trong đó") as its parts, with the shares they state."""
    sentences = split_sentences(block.text)
    if not sentences or not _TOTAL_WORD.search(sentences[0]):
        return []
    lead = re.sub(r"\([^()]*\)", "", sentences[0])
    first = re.search(NUMBER + r"\s+(?P<noun>[^\W\d]\w*(?:\s+[^\W\d]\w*)?)", lead)
    whole = count_value(first.group(1)) if first else None
    if whole is None or not _TOTAL_WORD.search(lead, 0, first.start()) or _SHARE_AFTER.match(lead[first.end():]):
        # "Số hồ sơ quá hạn là 73 hồ sơ, chiếm 0,81% tổng số hồ sơ đã giải quyết": the "tổng số" after a count
        # names the whole of its share; a count that is itself a share is no total the next sentences split
        return []
    noun = first.group("noun")
    out, tops, nested = _breakdown_parts(block, sentences[1:], noun, whole, scope)
    # the total's own "trong đó": "Tổng số hồ sơ tiếp nhận 16.225 hồ sơ, trong đó trực tuyến 6.177 hồ sơ
    # (38,1%), …": each count after it with its share in brackets is a share of the total
    own = re.search(r"(?<!\w)trong\s+đó(?!\w)", sentences[0], re.I)
    if own and first.start() < own.start():
        tail = sentences[0][own.end():]
        split = _split_count(sentences[0][:own.start()], noun) or whole
        out = [share for c in counts_of(tail, noun)
               if (share := _share_for(block, tail, c, _bracket_head(tail, c.start(), noun) or split, scope))] + out
    if len(tops) >= 2:
        out.append(Statement(kind="sum", text=sentences[0], paragraph=block.index, page=block.page, whole=whole,
                             parts=tops, scope=scope, mode=SumMode.BREAKDOWN, noun=noun))
    for parent, parts in nested:
        if len(parts) >= 2:
            out.append(Statement(kind="sum", text=block.text, paragraph=block.index, page=block.page, whole=parent,
                                 parts=parts, scope=scope, mode=SumMode.BREAKDOWN, noun=noun))
    return out


def _split_count(head: str, noun: str) -> Decimal | None:
    """The count a "trong đó" splits: the last of ``noun`` before it, outside
    brackets ("Tổng số … 3.496 hồ sơ (…); đã giải quyết 3.228 hồ sơ, trong
    đó …" splits 3.228, not the total)."""
    masked = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), head)
    counts = counts_of(masked, noun)
    return count_value(counts[-1].group(1)) if counts else None


def _breakdown_parts(block: Block, sentences: list[str], noun: str, whole: Decimal, scope: str | None
                     ) -> tuple[list[Statement], list[Decimal], list[tuple[Decimal, list[Decimal]]]]:
    """(shares, the counts that open the sentences, (a count, the counts after
    its "trong đó")) up to the first sentence that counts no ``noun``."""
    shares: list[Statement] = []
    tops: list[Decimal] = []
    nested: list[tuple[Decimal, list[Decimal]]] = []
    for sentence in sentences:
        split = re.search(r"(?<!\w)trong\s+đó(?!\w)", sentence, re.I)
        head, tail = (sentence[:split.start()], sentence[split.end():]) if split else (sentence, "")
        if split and not tops and not re.search(r"\w", head):  # "Tổng số … 39.351 hồ sơ. Trong đó: … ; …"
            head, tail = tail, ""
            for c in counts_of(head, noun):
                tops.append(count_value(c.group(1)))
                shares += _shares_of(block, head, [c], whole, scope)
            continue
        head_counts = counts_of(head, noun)
        if not head_counts and not split:
            break
        for c in _clause_openers(head, head_counts):
            tops.append(count_value(c.group(1)))
            shares += _shares_of(block, head, [c], whole, scope)
        inner = counts_of(tail, noun) if split and tops else []
        if inner:
            nested.append((tops[-1], [count_value(c.group(1)) for c in inner]))
            shares += _shares_of(block, tail, inner, tops[-1], scope)
    return shares, tops, nested


# Words before a clause's count that make it a part of the count before it, not another part of the whole.
_SUB_PART = re.compile(r"(?:trước|đúng|quá|trễ|chậm|trong)\s+(?:thời\s+)?hạn|chưa\s+(?:đến|tới)\s+hạn|tỷ\s+lệ|tỉ\s+lệ"
                       r"|chiếm|trực\s+tuyến|trực\s+tiếp|bưu\s+chính", re.I)


def _clause_openers(head: str, counts: list[re.Match[str]]) -> list[re.Match[str]]:
    """The count that opens the sentence, and the count that opens each clause after a ";" outside
    brackets when its words say another part of the whole, not a part of the count before it: "Đã giải
    quyết 12.796 hồ sơ (…); đang giải quyết 644 hồ sơ (…)" and "Trả lại 38 hồ sơ …; công dân, tổ chức rút
    6 hồ sơ" open four parts; "…; quá hạn 63 hồ sơ" opens none."""
    if not counts:
        return []
    masked = blank_brackets(head)
    cuts = [k for k, ch in enumerate(masked) if ch == ";"]
    out = [counts[0]]
    for cut in cuts:
        nxt = next((c for c in counts if c.start() > cut), None)
        if nxt is None or any(cut < k < nxt.start() for k in cuts) or nxt is out[-1] \
                or masked[cut:nxt.start()].strip(" ;") == "" or _SUB_PART.search(masked[cut:nxt.start()]):
            continue
        out.append(nxt)
    return out


_PRIOR_BLOCKS = 3  # body paragraphs before a sub-heading that a share's whole may be taken from


def prior_text(blocks: list[Block], i: int) -> str:
    """The paragraph before block ``i``, where a share's whole may be (taken
    only where the percent fits it). Right after a sub-heading ("2. Kết quả
    giải quyết"), the body paragraphs before it in the same section, nearest
    last, up to _PRIOR_BLOCKS: "Đã giải quyết 4.760 hồ sơ, đạt 95,83%" is of
    the 4.967 dossiers received, said under "1. Tình hình tiếp nhận"."""
    if not i:
        return ""
    head = heading_of(blocks[i - 1].text)
    if head is None or head[1] < 2:
        return blocks[i - 1].text if head is None else ""
    texts: list[str] = []
    for block in reversed(blocks[:i - 1]):
        above = heading_of(block.text)
        if above is not None and above[1] < 2 or len(texts) == _PRIOR_BLOCKS:
            break
        if above is None:
            texts.insert(0, block.text)
    return " ".join(texts)


def _bracket_head(text: str, at: int, noun: str) -> Decimal | None:
    """The count a bracket holding offset ``at`` explains, written right
    before it: "tiếp nhận mới 4.827 hồ sơ (trực tuyến 3.286 hồ sơ, chiếm
    68,08%; …)" — a share in it is of 4.827, not of the total before."""
    opened = text.rfind("(", 0, at)
    if opened < 0 or text.rfind(")", 0, at) > opened:
        return None
    head = re.search(NUMBER + r"\s+" + re.escape(noun) + r"\s*$", text[:opened], re.I)
    return count_value(head.group(1)) if head else None


def _shares_of(block: Block, sentence: str, counts: list[re.Match[str]], base: Decimal, scope: str | None
               ) -> list[Statement]:
    return [share for c in counts if (share := _share_for(block, sentence, c, base, scope))]


_SPLIT_OPENS = re.compile(r"(?<!\w)(?:trong\s+đó|bao\s+gồm|gồm)\s*:\s*$", re.I)
_LIST_MARK = re.compile(r"^(?:[-–+•*]|[a-zđ]\)|\d{1,2}\))\s*")


def list_sum_statements(blocks: list[Block], i: int, scope: str | None, two_levels: bool = False
                         ) -> list[Statement]:
    """"Tổng số hồ sơ tiếp nhận: 13.597 hồ sơ, trong đó:" followed by list
    items, each with a count of the same thing: the items are its parts."""
    text = blocks[i].text
    # "Tổng số hồ sơ tiếp nhận: 13.597 hồ sơ, trong đó:", "Tiếp nhận mới: 34.891 hồ sơ. Trong đó:"
    if not text.rstrip().endswith(":") or not (_TOTAL_WORD.search(text) or _SPLIT_OPENS.search(text)):
        return []
    # the last count of the lead ("Trong 9 tháng, tổng số hồ sơ tiếp nhận là 5.402 hồ sơ, trong đó:")
    found = list(re.finditer(NUMBER + r"\s+(?P<noun>[^\W\d]\w*(?:\s+[^\W\d]\w*)?)", re.sub(r"\([^()]*\)", "", text)))
    first = found[-1] if found else None
    whole = count_value(first.group(1)) if first else None
    if whole is None:
        return []
    noun = first.group("noun")
    counts = counts_of(text, noun) or counts_of(text, noun.split()[0])
    noun = noun if counts_of(text, noun) else noun.split()[0]
    parts: list[Decimal] = []
    items: list[str] = []
    out: list[Statement] = []
    for b in blocks[i + 1:]:
        if not _LIST_MARK.match(b.text):
            break
        item = counts_of(b.text, noun)
        if not item:
            break
        parts.append(count_value(item[0].group(1)))
        items.append(_LIST_MARK.sub("", b.text).rstrip(" ;.").replace(":", " "))
        share = _share_for(b, b.text, item[0], whole, scope)
        if share:
            out.append(share)
    if counts and len(parts) >= 2:
        out.append(Statement(kind="sum", text=text, paragraph=blocks[i].index, page=blocks[i].page, whole=whole,
                             parts=parts, scope=scope, mode=SumMode.PARTITION if closed_partition(
                                 items, text, two_levels) else SumMode.BREAKDOWN, noun=noun))
    return out


def listed_units(blocks: list[Block], i: int) -> list[str]:
    names: list[str] = []
    for b in blocks[i + 1:]:
        m = _LIST_MARK.match(b.text)
        name = b.text[m.end():].strip().rstrip(";.,") if m else ""
        if not m or not name or len(name) > 120 or re.search(r"\d|xếp\s+loại|:", name, re.I):
            break
        names.append(name)
    return names
