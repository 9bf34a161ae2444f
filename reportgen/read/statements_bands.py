"""Counts of units by a band of scores in prose: "Có 11/15 đơn vị có kết quả
đạt từ 80% trở lên, chiếm tỷ lệ 73,33%", "15 xã đạt từ 80 điểm trở lên",
"Có 5/15 đơn vị có chỉ số đạt dưới 50%".

A band is a range of a measure: ``[low, high)`` with either end open
("trở lên", "dưới"), in percent or points when the words say so. The count
is marked on the x/y fraction the reader already has for it (``band``),
or is a new ``count`` statement when it is written alone. A band with no
count before it ("Xếp loại Tốt: có chỉ số đạt từ 80% trở lên") is a rule of
the document (read.legend), not a count.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..model import Measure, StatedBand, Statement, StatementKind
from .statements_blocks import Block
from .statements_grades import _NOT_A_COUNT

_N = r"\d{1,3}(?:[.,]\d{1,3})?"
# Counts up to ten are often written in words ("hai đơn vị đạt từ 90 điểm trở lên").
WORD_NUMBERS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_WORD = "|".join(WORD_NUMBERS)
_BAND_COUNT = re.compile(
    _NOT_A_COUNT + r"(?<![\d/.,])(?<!\w)(?P<x>\d{1,4}|" + _WORD + r")(?:\s*/\s*(?P<y>\d{1,4}))?\s+"
    r"(?P<noun>(?:[^\W\d][\w]*,?\s+){1,4}?)"
    # what the band is of may be named at length: "xã có tỷ lệ số hóa hồ sơ đạt từ 80% trở lên"
    # or said after "đạt": "xã đạt tỷ lệ giải quyết đúng hạn trên 99%"
    r"(?:có\s+|đạt\s+)?(?:(?:kết\s+quả|chỉ\s+số(?:\s+chung)?|tổng\s+điểm|điểm(?:\s+số)?|tỷ\s+lệ)"
    r"(?:\s+(?!từ\b|dưới\b|đạt\b|trên\b)[^\W\d]\w*){0,10}?\s+){0,2}(?:đạt\s+)?(?:mức\s+)?"
    r"(?:từ\s+(?P<low>" + _N + r")\s*(?P<u1>%|điểm)?\s*(?:(?P<up>trở\s+lên)|(?:đến|tới)\s+dưới\s+(?P<high>" + _N
    + r")\s*(?P<u2>%|điểm)?)|dưới\s+(?P<below>" + _N + r")\s*(?P<u3>%|điểm)?"
    # "trên 95%", "≥ 95%", "> 95%": from a bound, the bound itself left out after "trên" and ">"
    r"|(?P<over>trên|≥|>=|>)\s*(?P<over_low>" + _N + r")\s*(?P<u4>%|điểm)(?!\s*(?:so\s+với|tổng|số))"
    # "có 08/12 xã đạt tỷ lệ 100% hồ sơ giải quyết đúng hạn": the units at the top of a rate
    r"|(?<=đạt\s)(?:tỷ\s+lệ\s+)?(?P<full>100(?:,0+)?)\s*%)", re.I)


def _dec(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def band_of(m: re.Match[str]) -> StatedBand:
    """The band a match states (None for an open end)."""
    low, high, below = m.group("low"), m.group("high"), m.group("below")
    unit = m.group("u1") or m.group("u2") or m.group("u3") or m.group("u4") or ""
    if m.group("full") is not None:
        low, high, unit = "100", "", "%"
    elif below is not None:
        low, high = "", below
    elif m.group("over_low") is not None:
        low, high = m.group("over_low"), ""
    elif m.group("up"):
        high = ""
    return StatedBand(low=_dec(low) if low else None, high=_dec(high) if high else None,
                      unit={"%": Measure.PERCENT, "điểm": Measure.POINTS}.get(unit.casefold()),
                      text=m.group(0)[m.group(0).find(m.group("noun")) + len(m.group("noun")):].strip(),
                      above=m.group("over") is not None and m.group("over") in ("trên", ">"))


def _named_word(text: str, m: re.Match[str]) -> bool:
    """Whether a count written in words is a word of a name or a term: capitalised inside a sentence
    ("Bộ phận Một cửa, đạt tỷ lệ 100%"), or the "một cửa" of the one-stop desk."""
    word = m.group("x")
    if word.isdigit():
        return False
    if re.match(r"cửa(?!\w)", m.group("noun"), re.I):
        return True
    before = text[:m.start("x")].rstrip()
    return word[:1].isupper() and bool(before) and before[-1] not in ".:;!?-–•"


def band_statements(block: Block, scope: str | None, known: list[Statement]) -> list[Statement]:
    """Mark the block's fractions that count units of a band (``known``: the
    block's statements) and return new ``count`` statements for the bands
    counted without a fraction."""
    out: list[Statement] = []
    fractions = [st for st in known if st.kind == StatementKind.FRACTION and st.paragraph == block.index]
    for m in _BAND_COUNT.finditer(block.text):
        if re.search(r"\d", m.group("noun")) or _named_word(block.text, m):
            continue
        band, noun, count_written = band_of(m), m.group("noun").strip(" ,"), m.group("x")
        x = Decimal(WORD_NUMBERS.get(count_written.casefold(), count_written))
        y = Decimal(m.group("y")) if m.group("y") else None
        same = [st for st in fractions if st.numerator == x and st.denominator == y]
        if y is not None and same:
            same[0].band, same[0].noun, same[0].count_written = band, noun, count_written
            continue
        st = Statement(kind="count", text=m.group(0), paragraph=block.index, page=block.page, count=int(x),
                       value=x, scope=scope, band=band, noun=noun, count_written=count_written,
                       context=block.text[max(0, m.start() - 40):m.end() + 40])
        if y is not None:
            st.numerator, st.denominator = x, y
        out.append(st)
    return out


def unclaim_band_levels(block: Block, statements: list[Statement]) -> None:
    """The level a band count's units reached ("có 08/12 xã đạt tỷ lệ 100% hồ
    sơ giải quyết đúng hạn") is the band's bound, not a figure of its own:
    its percent statement is no claim."""
    for st in statements:
        if st.paragraph != block.index or st.band is None or st.at is None or not st.band.text:
            continue
        start = block.text.find(st.band.text, st.at)
        if start < 0:
            continue
        end = start + len(st.band.text)
        for pc in statements:
            if pc.paragraph == block.index and pc.kind == StatementKind.PERCENT and pc.at is not None \
                    and start <= pc.at < end:
                pc.claim = False
