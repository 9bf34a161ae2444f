"""Fractions of the prose that explain another figure of the same sentence:

- parts of a fraction listed after it: "đã kiểm tra 42/139 cơ quan, đơn vị,
  đạt tỷ lệ 30% (4/15 sở, ngành và 38/124 UBND cấp xã)": the numerators add up
  to 42 and the denominators to 139 — two ``sum`` statements marked
  ``fraction_parts`` (numerators, denominators);
- the fraction a percent is computed from, given in brackets right after it:
  "tiến độ … đạt 75,2% (số tiền đã nộp đạt 654,935/871,321 triệu đồng)": a
  ``share`` of a / b.

Both are read only where the words leave no doubt: the parts are in brackets
(or after "gồm") right after the whole, with no comparison among them ("năm
trước", "so với", "tăng"), and at least one of the two sums holds exactly (a
list whose numerators and denominators both miss is not a split of that
fraction); a percent's bracket holds exactly one fraction.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..model import FractionSide, Statement, StatementKind, SumMode
from .statements_blocks import Block
from .statements_counts import percent_value

_COMPARE = re.compile(r"(?<!\w)(?:so\s+với|cùng\s+kỳ|năm\s+trước|kỳ\s+trước|tăng|giảm|chênh|nhiều\s+hơn|"
                      r"ít\s+hơn)(?!\w)", re.I)
_PARTS_OPEN = re.compile(r"\(|(?<!\w)(?:bao\s+gồm|gồm)(?!\w)\s*:?", re.I)
_PERCENT_BRACKET = re.compile(r"(\d+(?:[.,]\d+)?)\s*%\s*\(([^()]{3,200})\)")


def _bracket_end(text: str, start: int) -> int:
    """The end of the list opened at ``start``: its closing bracket, or the
    end of the sentence."""
    if text[start - 1:start] == "(":
        close = text.find(")", start)
        return close if close >= 0 else len(text)
    ends = [i for i in (text.find(". ", start), text.find(";", start)) if i >= 0]
    return min(ends, default=len(text))


def fraction_part_statements(block: Block, scope: str | None, known: list[Statement]) -> list[Statement]:
    """Sums of the fractions listed as the parts of a fraction (see the module)."""
    text = block.text
    fractions = sorted((st for st in known if st.paragraph == block.index and st.kind == StatementKind.FRACTION
                        and st.at is not None), key=lambda st: st.at)
    out: list[Statement] = []
    for k, whole in enumerate(fractions):
        at = whole.at
        after = at + len(whole.text)
        following = fractions[k + 1:]
        if not following:
            break
        opening = _PARTS_OPEN.search(text, after, min(len(text), after + 120))
        if opening is None or following[0].at < opening.end():
            continue  # another fraction comes first: not the whole's list
        if re.search(r"[.;]\s", text[after:opening.start()]):
            continue  # the list is in another sentence
        end = _bracket_end(text, opening.end())
        inner = text[opening.end():end]
        parts = [st for st in following if st.at < end]
        if len(parts) < 2 or _COMPARE.search(inner):
            continue
        nums = [p.numerator for p in parts]
        dens = [p.denominator for p in parts]
        num_ok = sum(nums, Decimal(0)) == whole.numerator
        den_ok = sum(dens, Decimal(0)) == whole.denominator
        if not (num_ok or den_ok):
            continue  # neither adds up: not a split of this fraction
        out += _split(whole, parts, text[at:end + 1])
    return out


def _split(whole: Statement, parts: list[Statement], words: str, parts_in: tuple[int, ...] = (),
           doubtful: bool = False) -> list[Statement]:
    """The two ``sum`` statements of fraction ``whole`` split into ``parts``:
    their numerators and their denominators; ``words`` quote it."""
    den_at = words.find("/") + 1
    sides = ((FractionSide.NUMERATOR, whole.numerator, [p.numerator for p in parts], words),
             (FractionSide.DENOMINATOR, whole.denominator, [p.denominator for p in parts], words[den_at:]))
    return [Statement(kind="sum", text=written, paragraph=whole.paragraph, page=whole.page, whole=total,
                      parts=values, scope=whole.scope, mode=SumMode.PARTITION, fraction_parts=which,
                      whole_at=whole.at, parts_at=tuple(p.at for p in parts), parts_in=parts_in,
                      whole_doubtful=doubtful)
            for which, total, values, written in sides]


def percent_fraction_shares(block: Block, scope: str | None, known: list[Statement]) -> list[Statement]:
    """Shares a / b of a percent followed by the one fraction it is computed
    from, in brackets (see the module)."""
    text = block.text
    fractions = [st for st in known if st.paragraph == block.index
                 and st.kind in (StatementKind.FRACTION, StatementKind.SCORE) and st.at is not None and st.denominator]
    taken = {(st.value, st.whole) for st in known if st.paragraph == block.index and st.kind == StatementKind.SHARE}
    out: list[Statement] = []
    for m in _PERCENT_BRACKET.finditer(text):
        if text[max(0, m.start() - 1):m.start()].isdecimal() or _COMPARE.search(m.group(2)):
            continue
        inside = [st for st in fractions if m.start(2) <= st.at < m.end(2)]
        if len(inside) != 1:
            continue
        frac = inside[0]
        pct = percent_value(m.group(1))
        if pct is None or (frac.numerator, frac.denominator) in taken or frac.numerator > frac.denominator:
            continue
        out.append(Statement(kind="share", text=text[m.start():m.end()], paragraph=block.index, page=block.page,
                             value=frac.numerator, whole=frac.denominator, percent=pct[0], scope=scope,
                             wrong_separator=pct[1],
                             percent_written=m.group(1) + "%", bracketed=True))
    return out


# "Có 2/14 cơ quan, đơn vị đạt yêu cầu …: Sở A, Văn phòng B.", "chỉ có 04/15 đơn
# vị (Sở A, Sở B, Sở C, Sở D)", "02/124 UBND cấp xã …, gồm UBND xã A và UBND xã B":
# the names after the count are the units it counts.


def mark_listed_units(block: Block, known: list[Statement]) -> None:
    """Mark the block's fractions followed by the list of the units they count
    with ``listed`` (the list's words, up to its bracket, colon or
    sentence end)."""
    text = block.text
    fractions = sorted((st for st in known if st.paragraph == block.index and st.kind == StatementKind.FRACTION
                        and st.at is not None and st.numerator is not None),
                       key=lambda s: s.at)
    for k, st in enumerate(fractions):
        at = st.at + len(st.text)
        stop = fractions[k + 1].at if k + 1 < len(fractions) else len(text)
        sentence_end = min((i for i in (text.find(". ", at), text.find(";", at)) if i >= 0), default=len(text))
        zone = text[at:min(stop, sentence_end)]
        # the first opener after the counted noun and its words: a bracket, a colon, "gồm"
        for m in re.finditer(r"\(|:|(?<!\w)(?:bao\s+gồm|gồm)(?!\w)", zone, re.I):
            start = m.end()
            if m.group(0) == "(":
                close = zone.find(")", start)
                body = zone[start:close] if close >= 0 else ""
            else:
                body = zone[start:].split(":")[0]
            body = body.strip(" .,:")
            if body and not body[0].isdecimal() and not re.search(r"\d\s*%|\d+/\d+", body):
                st.listed = body
                break



# A list item of its own: "- Công khai, minh bạch: 18/18 điểm;", "b) Tiến độ giải quyết: 18,31/20 điểm".
_ITEM = re.compile(r"^(?:[-–+•*]\s*|[a-zđ]\)\s*|\d{1,2}\)\s*)?[^\W\d][^:\d]{1,100}:\s*(?=\d)", re.I)
_LOOK_BACK = 4  # blocks between a whole and its list: a heading, a lead-in line ("Cụ thể như sau:")


def listed_fraction_parts(blocks: list[Block], known: list[Statement]) -> list[Statement]:
    """A fraction followed, within a few blocks, by list items of their own
    that each state one fraction ("Sở Y tế đạt 83,26/100 điểm …" then "II.
    ĐIỂM TỪNG CHỈ SỐ", "- Công khai, minh bạch: 18/18 điểm;", "- Tiến độ …:
    18,31/20 điểm;" …): the items split the whole when their denominators
    add up to its denominator, or their numerators to its numerator, exactly
    — the same two ``sum`` statements as a bracketed list gives, their parts
    in the items' paragraphs (``parts_in``). A run of items is taken whole;
    the whole is the nearest fraction before it that both sums fit, else the
    nearest that one fits — ``whole_doubtful`` when another one fits too (a
    month's "86,74/100" and the year's "87,86/100" above one list)."""
    fractions = [st for st in known if st.kind in (StatementKind.FRACTION, StatementKind.SCORE)
                 and st.at is not None and st.numerator is not None and st.denominator]
    by_block: dict[int, list[Statement]] = {}
    for st in fractions:
        by_block.setdefault(st.paragraph, []).append(st)
    out: list[Statement] = []
    def item(block: Block) -> Statement | None:
        """The one fraction a list item states right after its label."""
        m = _ITEM.match(block.text)
        own = by_block.get(block.index, [])
        return own[0] if m and len(own) == 1 and own[0].at == m.end() and not _COMPARE.search(block.text) else None

    k = 0
    while k < len(blocks):
        run = []
        while k < len(blocks) and (part := item(blocks[k])) is not None:
            run.append(part)
            k += 1
        if len(run) < 2:
            k += 1 if not run else 0
            continue
        first = next(i for i, b in enumerate(blocks) if b.index == run[0].paragraph)
        before = [b.index for b in blocks[max(0, first - _LOOK_BACK):first]]
        nums = [p.numerator for p in run]
        dens = [p.denominator for p in run]
        fits = [(sum(dens, Decimal(0)) == st.denominator, sum(nums, Decimal(0)) == st.numerator, st)
                for index in reversed(before) for st in reversed(by_block.get(index, []))]
        whole = next((st for den, num, st in fits if den and num), None)
        candidates = [st for den, num, st in fits if den or num]
        if whole is None and not candidates:
            continue
        doubtful = whole is None and len(candidates) > 1  # "86,74/100" of the month, "87,86/100" of the year
        whole = whole or candidates[0]
        out += _split(whole, run, whole.text, tuple(p.paragraph for p in run), doubtful)
    return out
