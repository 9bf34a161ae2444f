"""Claims made in the prose of a report, as :class:`Statement` objects the
checks can verify: numbered section headings, grade counts with their unit
lists, evaluated counts, wholes with their parts, shares with their base,
fractions, scores and ranks, percents, dates, and appendix titles.

The reader works on *blocks*: paragraphs with the lines a PDF wrapped joined
back together. It knows the shapes these reports take (a count, a unit noun,
"xếp loại" and a grade; a total followed by the categories that make it up;
"x/y"), never one document's sentences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Sequence

from ..model import Paragraph, Report, Statement
from ..numbers import NotANumber, parse_vi_number
from ..schemes import all_schemes
from ..text import strip_footnote_marks
from ..text.names import find_unit
from .meta import DATE_PHRASE, columns, is_caps, parse_vi_date, period_of, plain


@dataclass
class Block:
    text: str
    index: int  # first paragraph's index
    page: int | None


# --- blocks ------------------------------------------------------------------------------

_MARKER = re.compile(r"^(?:[-–+•*]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[IVXLC]{1,6}[.)]\s|[a-zđ]\)\s|\(\d+\))")
_HEADING_LIKE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.)\s")


def blocks_of(paragraphs: Sequence[Paragraph]) -> list[Block]:
    """Paragraphs with wrapped lines joined: a line that does not end a
    sentence continues on the next unless that one starts a list item, a
    numbered heading or the line before was a heading or a short line."""
    out: list[Block] = []
    prev_open = False
    for p in paragraphs:
        for raw_line in p.text.splitlines():
            frags = columns(raw_line)
            line = " ".join(frags)
            if not line:
                continue
            line = strip_footnote_marks(line)
            if out and prev_open and _continues(out[-1].text, line):
                out[-1].text += " " + line
            else:
                out.append(Block(line, p.index, p.page))
            prev_open = not out[-1].text.rstrip().endswith((".", ";", ":", "!", "?", ")"))
    return out


def _continues(prev: str, line: str) -> bool:
    if _MARKER.match(line) or line.startswith(("Nơi nhận", "Phụ lục", "Căn cứ", "Kính gửi", "(")):
        return False
    if line[:1].islower():
        return True
    if _HEADING_LIKE.match(prev) or len(prev) < 50:
        return False
    return is_caps(prev) == is_caps(line)


def _sentences(text: str) -> list[str]:
    """Split at a full stop followed by a space and a capital letter."""
    out, start = [], 0
    for m in re.finditer(r"[.!?]+\s+(?=\S)", text):
        nxt = text[m.end():m.end() + 1]
        if nxt.isupper() or nxt == "(":
            out.append(text[start:m.end()].strip())
            start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


# --- headings ----------------------------------------------------------------------------

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ARABIC_HEAD = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})(?P<end>[.)])?\s+(?P<title>\S.*)$")
_ROMAN_HEAD = re.compile(r"^(?P<num>[IVXLC]{1,6})(?P<end>[.)]|\s[-–])?\s+(?P<title>\S.*)$")


def roman_value(text: str) -> int | None:
    """'VI' → 6; None when the letters are not a well-formed roman numeral."""
    total, prev = 0, 0
    for ch in reversed(text.upper()):
        v = _ROMAN_VALUES.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if to_roman(total) == text.upper() else None


def to_roman(n: int) -> str:
    out = ""
    for v, s in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + s, n - v
    return out


_PART_HEAD = re.compile(r"^(?P<word>Phần|Chương|Mục|Điều|PHẦN|CHƯƠNG|MỤC|ĐIỀU)\s+(?P<num>[IVXLC]{1,6}|\d{1,3})\b[.:]?\s*(?P<title>.*)$")
_PART_LEVELS = {"phần": -3, "chương": -2, "mục": -1, "điều": 0}


def heading_of(text: str) -> tuple[str, int, tuple[int, ...], str] | None:
    """(label, level, numbers, title) of a numbered heading or list item:
    'VI. ĐÁNH GIÁ CHUNG' → ('VI', 1, (6,), …); '1.1. Các cơ quan' → ('1.1', 3, (1, 1), …);
    'Điều 5. …' → ('Điều 5', 0, (5,), …) (Phần, Chương, Mục, Điều rank above I, II)."""
    m = _PART_HEAD.match(text)
    if m:
        num = m.group("num")
        value = int(num) if num.isdigit() else roman_value(num)
        if value:
            word = m.group("word").capitalize()
            return f"{word} {num}", _PART_LEVELS[word.casefold()], (value,), m.group("title")
    m = _ROMAN_HEAD.match(text)
    if m:
        value = roman_value(m.group("num"))
        title = m.group("title")
        if value and (m.group("end") or is_caps(title)) and title[:1].isupper():
            return m.group("num"), 1, (value,), title
    m = _ARABIC_HEAD.match(text)
    if m:
        nums = tuple(int(x) for x in m.group("num").split("."))
        title = m.group("title")
        single = len(nums) == 1
        if single and not m.group("end"):
            return None
        if m.group("end") == ")" and not single:
            return None
        if not (title[:1].isupper() or title[:1].isdigit()) or title.startswith(("%", "/")):
            return None
        if re.match(r"^\d", title) and re.match(r"^\d+(?:[.,]\d+)?\s*(?:%|hồ sơ|người)", title) is None and single:
            return None
        # "1)" items are a list inside a section, not a sibling of "1." headings.
        level = len(nums) + 1 + (10 if m.group("end") == ")" else 0)
        return m.group("num"), level, nums, title
    return None


# --- grades ------------------------------------------------------------------------------

_OFFICIAL_GRADES = ("Hoàn thành 100% nhiệm vụ", "Hoàn thành từ 70% đến dưới 100% nhiệm vụ", "Hoàn thành dưới 70% nhiệm vụ")


@lru_cache(maxsize=1)
def _grade_words() -> tuple[tuple[str, str], ...]:
    """(written form, canonical grade), longest first, from every scheme."""
    pairs: dict[str, str] = {}
    for scheme in all_schemes().values():
        for band in scheme.grades:
            for w in (band.name, *band.aliases):
                pairs.setdefault(w.casefold(), band.name)
    for w in _OFFICIAL_GRADES:
        pairs[w.casefold()] = w
    return tuple(sorted(pairs.items(), key=lambda kv: len(kv[0]), reverse=True))


def canonical_grade(text: str) -> str | None:
    folded = " ".join(text.split()).casefold()
    for w, name in _grade_words():
        if folded == w:
            return name
    return None


@lru_cache(maxsize=1)
def _grade_count_re() -> re.Pattern[str]:
    grades = "|".join(re.escape(w) for w, _ in _grade_words())
    return re.compile(
        _COUNT_HEAD + r"(?:(?P<kw>(?:được\s+)?xếp\s+loại|đạt\s+loại|loại)\s*:?\s*)?(?P<grade>" + grades + r")(?!\w)"
        r"(?:\s*(?:nhiệm vụ)?\s*:\s*(?P<list>.+?)" + _LIST_END + r"|\s*\((?P<plist>[^()]+)\))?", re.I)


@lru_cache(maxsize=1)
def _grade_first_re() -> re.Pattern[str]:
    """'Xếp loại Xuất sắc: 06 cơ quan, gồm: …' (the grade before the count)."""
    grades = "|".join(re.escape(w) for w, _ in _grade_words())
    return re.compile(
        r"(?P<kw>xếp\s+loại|loại|mức)\s+(?P<grade>" + grades + r")(?!\w)\s*(?::|có|là|gồm)?\s*:?\s*"
        r"(?<![\d/.,])(?P<x>\d{1,4})(?:\s*/\s*(?P<y>\d{1,4}))?\s+(?P<noun>[^\W\d][\w&]*(?:\s+[^\W\d][\w&]*){0,3})"
        r"(?:\s*,?\s*(?:gồm|bao\s+gồm|là)?\s*:\s*(?P<list>.+?)" + _LIST_END + r"|\s*\((?P<plist>[^()]+)\))?", re.I)


_COUNT_HEAD = r"(?<![\d/.,])(?P<x>\d{1,4})(?:\s*/\s*(?P<y>\d{1,4}))?\s+(?P<noun>(?:[^\W\d][\w&]*,?\s+){0,5}?)"
# A unit list ends where the next count of a grade starts, or at the block's end.
_LIST_END = (r"(?=\s*(?:[;.]\s*|,?\s+và\s+|\s)(?:có\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?\s+(?:[^\W\d][\w&]*,?\s+){0,5}?"
             r"(?:xếp\s+loại|đạt\s+loại|loại)\b|\s*[;.]?\s*(?:[-–+•]\s*)?(?:xếp\s+loại|loại|mức)\s+\w|\s*$)")


def _unit_parenthesis(text: str | None) -> str | None:
    """'(Sở Tài chính)' after a grade names the units; '(chi tiết tại Phụ lục)'
    or '(tăng 2 đơn vị)' does not."""
    if not text or re.match(r"\s*(chi tiết|kèm|có phụ lục|xem|tăng|giảm|bằng|so với|trong đó|gồm)", text, re.I):
        return None
    parts = [p.strip() for p in re.split(r"[;,]", text) if p.strip()]
    return text if parts and all(p[:1].isupper() and not re.search(r"\d", p) for p in parts) else None


_EVALUATED = re.compile(
    r"(?:đánh\s+giá|chấm\s+điểm)(?:\s+(?:đối\s+với|cho))?\s*:?\s*(?P<x>\d{1,4})(?:\s*/\s*(?P<y>\d{1,4}))?\s+"
    r"(?P<noun>[^\W\d][\w ]{0,30}?)(?=\s*(?:[,.;:()]|$|\s+(?:trong\s+đó|thuộc)))", re.I)


def _grade_statements(block: Block, scope: str | None, units: Sequence[str]) -> list[Statement]:
    out: list[Statement] = []
    text = block.text.lstrip("-–+•* ")
    matches = [m for m in _grade_count_re().finditer(text)
               if m.group("kw") or m.group("list") or m.group("grade").casefold().startswith("hoàn thành")]
    if not matches:
        matches = list(_grade_first_re().finditer(text))
    for m in matches:
        grade = canonical_grade(m.group("grade"))
        st = Statement(kind="grade_count", text=block.text, paragraph=block.index, page=block.page,
                       count=int(m.group("x")), grade=grade, scope=scope,
                       raw={"count": m.group("x"), "noun": m.group("noun").strip(), "grade": m.group("grade")})
        if m.group("y"):
            st.numerator, st.denominator = Decimal(m.group("x")), Decimal(m.group("y"))
        listed = m.group("list") or _unit_parenthesis(m.group("plist"))
        if listed:
            st.units = split_units(listed, units)
            st.raw["list"] = listed.strip()
        out.append(st)
    if not out:
        for m in _EVALUATED.finditer(text):
            st = Statement(kind="evaluated_count", text=block.text, paragraph=block.index, page=block.page,
                           count=int(m.group("x")), scope=scope, raw={"noun": m.group("noun").strip()})
            st.numerator = Decimal(m.group("x"))
            if m.group("y"):
                st.denominator = Decimal(m.group("y"))
            out.append(st)
    return out


_GROUP_PREFIX = re.compile(r"^\s*(?P<head>[^:]*?)\s*\bcác\s+(?P<noun>[^:]+?)\s*:\s*(?P<rest>.+)$", re.I)


def split_units(text: str, candidates: Sequence[str] = ()) -> list[str]:
    """A written list of units: 'A, B, C.' or 'A; B; C' (names with commas),
    with group prefixes expanded ('UBND các xã: Mường Nhà, Pa Thơm' → 'UBND xã
    Mường Nhà', 'UBND xã Pa Thơm'; 'Các phòng: Tư pháp' → 'Phòng Tư pháp').
    Given the table's unit names, fragments of a name that holds a comma are
    joined back ('Sở Văn hóa', 'Thể thao và Du lịch')."""
    text = re.sub(r"[.;,\s]+$", "", text.strip())
    text = re.sub(r"\s*\((?:chi tiết|có phụ lục)[^)]*\)\s*$", "", text, flags=re.I)
    chunks = text.split(";") if ";" in text else [text]
    out: list[str] = []
    for chunk in chunks:
        m = _GROUP_PREFIX.match(chunk)
        if m:
            noun = m.group("noun").split(",")[0].strip()
            head = m.group("head").strip()
            prefix = (head + " " + noun) if head else noun[:1].upper() + noun[1:]
            names = [n.strip() for n in m.group("rest").split(",")]
            out.extend(f"{prefix} {n}" for n in names if n)
        elif ";" in text:
            out.append(chunk.strip())
        else:
            out.extend(n.strip() for n in chunk.split(","))
    out = [re.sub(r"^(?:và|and)\s+", "", n).strip(" .") for n in out if n.strip(" .")]
    return _rejoin(out, candidates) if candidates else out


def _rejoin(parts: list[str], candidates: Sequence[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(parts):
        if find_unit(parts[i], candidates) is None:
            for k in (2, 3):
                if i + k <= len(parts):
                    joined = ", ".join(parts[i:i + k])
                    if find_unit(joined, candidates) is not None:
                        out.append(joined)
                        i += k
                        break
            else:
                out.append(parts[i])
                i += 1
            continue
        out.append(parts[i])
        i += 1
    return out


# --- numbers in prose --------------------------------------------------------------------

_COUNT = r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/]|[.,]\d)"
_SHARE_AFTER = re.compile(r"^\s*[,;]?\s*(?:chiếm|bằng|đạt)(?:\s+tỷ\s+lệ)?\s*:?\s*(\d+(?:[.,]\d+)?)\s*%", re.I)
_PAREN_SUM = re.compile(_COUNT + r"\s+(?P<noun>[^\W\d][\w]*(?:\s+[^\W\d][\w]*)?)\s*\((?P<inner>[^()]+)\)")
_COMPARISON = re.compile(r"(?<!\w)(tăng|giảm|so\s+với|cùng\s+kỳ|nhiều\s+hơn|ít\s+hơn|vượt|chênh)(?!\w)", re.I)
_TOTAL_WORD = re.compile(r"\btổng(?:\s+số|\s+cộng)?\b", re.I)


def _count(text: str) -> Decimal | None:
    try:
        return parse_vi_number(text, "count").value
    except NotANumber:
        return None


def _percent(text: str) -> tuple[Decimal, bool] | None:
    try:
        n = parse_vi_number(text, "percent")
    except NotANumber:
        return None
    return n.value, n.wrong_separator


def _counts_of(text: str, noun: str) -> list[re.Match[str]]:
    return list(re.finditer(_COUNT + r"\s+" + re.escape(noun) + r"(?!\w)", text, re.I))


def _share_for(block: Block, sentence: str, m: re.Match[str], base: Decimal, scope: str | None) -> Statement | None:
    sh = _SHARE_AFTER.match(sentence[m.end():])
    if not sh:
        return None
    pct = _percent(sh.group(1))
    value = _count(m.group(1))
    if pct is None or value is None:
        return None
    return Statement(kind="share", text=sentence, paragraph=block.index, page=block.page, value=value,
                     whole=base, percent=pct[0], scope=scope,
                     raw={"percent": sh.group(1) + "%", "wrong_separator": "1" if pct[1] else ""})


def _sum_statements(block: Block, scope: str | None) -> list[Statement]:
    out: list[Statement] = []
    text = block.text
    for m in _PAREN_SUM.finditer(text):
        whole, noun, inner = _count(m.group(1)), m.group("noun"), m.group("inner")
        noun = noun.split()[0] if not _counts_of(inner, noun) else noun
        parts = [_count(c.group(1)) for c in _counts_of(inner, noun)]
        if whole is None or len(parts) < 2 or None in parts:
            continue
        if _COMPARISON.search(inner):
            continue  # "(tăng 975 hồ sơ so với kỳ trước …)" compares, it does not split
        mode = "subset" if re.match(r"\s*trong\s+đó", inner, re.I) else "partition"
        out.append(Statement(kind="sum", text=m.group(0), paragraph=block.index, page=block.page, whole=whole,
                             parts=parts, scope=scope, raw={"mode": mode, "noun": noun}))
    sentences = _sentences(text)
    if not sentences or not _TOTAL_WORD.search(sentences[0]):
        return out
    first = re.search(_COUNT + r"\s+(?P<noun>[^\W\d]\w*(?:\s+[^\W\d]\w*)?)", re.sub(r"\([^()]*\)", "", sentences[0]))
    if not first:
        return out
    whole = _count(first.group(1))
    noun = first.group("noun")
    if whole is None:
        return out
    tops: list[Decimal] = []
    nested: list[tuple[Decimal, list[Decimal]]] = []
    for sentence in sentences[1:]:
        split = re.search(r"(?<!\w)trong\s+đó(?!\w)", sentence, re.I)
        head, tail = (sentence[:split.start()], sentence[split.end():]) if split else (sentence, "")
        head_counts = _counts_of(head, noun)
        if not head_counts and not split:
            break
        for c in head_counts[:1]:
            tops.append(_count(c.group(1)))
            share = _share_for(block, head, c, whole, scope)
            if share:
                out.append(share)
        if split and tops:
            inner = _counts_of(tail, noun)
            if inner:
                nested.append((tops[-1], [_count(c.group(1)) for c in inner]))
                for c in inner:
                    share = _share_for(block, tail, c, tops[-1], scope)
                    if share:
                        out.append(share)
    if len(tops) >= 2:
        out.append(Statement(kind="sum", text=sentences[0], paragraph=block.index, page=block.page, whole=whole,
                             parts=tops, scope=scope, raw={"mode": "breakdown", "noun": noun}))
    for parent, parts in nested:
        if len(parts) >= 2:
            out.append(Statement(kind="sum", text=text, paragraph=block.index, page=block.page, whole=parent,
                                 parts=parts, scope=scope, raw={"mode": "breakdown", "noun": noun}))
    return out


_FRACTION = re.compile(r"(?<![\d/.,])(\d+(?:,\d+)?)\s*/\s*(\d+(?:,\d+)?)(?![\d/]|[.,]\d)")
_RANK_BEFORE = re.compile(r"(?:xếp\s+hạng|thứ\s+hạng|vị\s+trí|hạng)\s*(?:thứ\s*)?:?\s*$", re.I)


def _fraction_statements(block: Block, scope: str | None) -> list[Statement]:
    out = []
    text = block.text
    for m in _FRACTION.finditer(text):
        x, y = m.group(1), m.group(2)
        xv, yv = _count(x) if "," not in x else Decimal(x.replace(",", ".")), Decimal(y.replace(",", "."))
        if xv is None:
            continue
        if re.fullmatch(r"(?:19|20)\d\d", y) and xv <= 12:
            continue  # a month: "tháng 5/2024"
        before = text[max(0, m.start() - 25):m.start()]
        after = text[m.end():m.end() + 12]
        if _RANK_BEFORE.search(before):
            kind = "rank"
        elif "," in x or "," in y or re.match(r"\s*điểm", after, re.I):
            kind = "score"
        else:
            kind = "fraction"
        out.append(Statement(kind=kind, text=m.group(0), paragraph=block.index, page=block.page, numerator=xv,
                             denominator=yv, scope=scope, raw={"context": text[max(0, m.start() - 40):m.end() + 30]}))
        # "06/17 cơ quan (chiếm 35,29%)": a share of the denominator
        share = _FRACTION_SHARE.match(text, m.end())
        if kind == "fraction" and share and yv:
            pct = _percent(share.group(1))
            if pct is not None:
                out.append(Statement(kind="share", text=text[m.start():share.end()], paragraph=block.index,
                                     page=block.page, value=xv, whole=yv, percent=pct[0], scope=scope,
                                     raw={"percent": share.group(1) + "%", "wrong_separator": "1" if pct[1] else ""}))
    return out


_FRACTION_SHARE = re.compile(r"\s+(?:[^\W\d][\w&]*,?\s+){0,6}?[(,]?\s*(?:chiếm|bằng|đạt)(?:\s+tỷ\s+lệ)?\s*:?\s*"
                             r"(\d+(?:[.,]\d+)?)\s*%", re.I)


_PERCENT = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*%")
_SCORE_DOT = re.compile(
    r"(?:(?:tổng\s+điểm|điểm\s+số|điểm\s+đánh\s+giá|điểm\s+đạt|đạt)[^\d.;]{0,25}?(?<![\d.,])(\d{1,3}\.\d{1,2})(?![\d%/]|\.\d)"
    r"|(?<![\d.,])(\d{1,3}\.\d{1,2})\s*(?:/\s*\d+(?:[.,]\d+)?\s*)?điểm)", re.I)


def _percent_statements(block: Block, scope: str | None) -> list[Statement]:
    out = []
    for m in _PERCENT.finditer(block.text):
        pct = _percent(m.group(1))
        if pct is None:
            continue
        out.append(Statement(kind="percent", text=m.group(0), paragraph=block.index, page=block.page,
                             value=pct[0], percent=pct[0], scope=scope,
                             raw={"text": m.group(0), "wrong_separator": "1" if pct[1] else ""}))
    for m in _SCORE_DOT.finditer(block.text):
        written = m.group(1) or m.group(2)
        out.append(Statement(kind="score", text=written, paragraph=block.index, page=block.page,
                             value=Decimal(written), scope=scope,
                             raw={"text": written, "wrong_separator": "1"}))
    return out


_DATE_NUM = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_AS_OF = re.compile(r"(tính\s+(?:đến|tới)|đến\s+(?:hết\s+)?(?:ngày\s+)?|cập\s+nhật\s+đến|tại\s+thời\s+điểm|thời\s+điểm)\s*(?:ngày\s*)?$", re.I)
_DEADLINE = re.compile(r"(trước\s+ngày|hạn(?:\s+xử\s+lý)?|chậm\s+nhất(?:\s+(?:là\s+)?ngày)?|trước)\s*:?\s*(?:ngày\s*)?$", re.I)
_CITED = re.compile(r"(?:số|quyết\s+định|công\s+văn|nghị\s+định|thông\s+tư|kế\s+hoạch|tờ\s+trình|báo\s+cáo|chỉ\s+thị|văn\s+bản)"
                    r"[^.;]{0,80}?\bngày\s*$", re.I)


def _date_role(before: str) -> str:
    if _AS_OF.search(before):
        return "as_of"
    if _DEADLINE.search(before):
        return "deadline"
    if _CITED.search(before):
        return "cited"
    return "plain"


def _date_statements(block: Block, scope: str | None) -> list[Statement]:
    out = []
    text = block.text
    found = [(m, parse_vi_date(m.group(1), m.group(2), m.group(3))) for m in _DATE_NUM.finditer(text)]
    found += [(m, parse_vi_date(m.group("d"), m.group("m"), m.group("y"))) for m in DATE_PHRASE.finditer(text)]
    for m, date in found:
        if date is None:
            continue
        before = text[max(0, m.start() - 120):m.start()]
        out.append(Statement(kind="date", text=m.group(0), paragraph=block.index, page=block.page, date=date,
                             scope=scope, raw={"text": m.group(0), "role": _date_role(before)}))
    return out


# --- appendix titles ---------------------------------------------------------------------

_APPENDIX = re.compile(r"^Phụ\s+lục(?:\s+(?P<no>[IVXLC]+|\d+))?\s*[:.]?\s*(?P<rest>.*)$", re.I)


def _appendix_statement(blocks: list[Block], i: int) -> Statement | None:
    m = _APPENDIX.match(blocks[i].text)
    if not m:
        return None
    title_parts = [m.group("rest")] if m.group("rest") and not m.group("rest").startswith("(") else []
    for b in blocks[i + 1:i + 4]:
        if b.text.startswith("(") or _APPENDIX.match(b.text) or not is_caps(b.text):
            break
        title_parts.append(b.text)
    title = " ".join(t for t in title_parts if t).strip()
    period = period_of(title)
    if not title:
        return None
    label = ("Phụ lục " + m.group("no")) if m.group("no") else "Phụ lục"
    return Statement(kind="period", text=title, paragraph=blocks[i].index, page=blocks[i].page, label=label,
                     raw={"period": period or ""})


# --- the reader ---------------------------------------------------------------------------

_BODY_END = re.compile(r"^(Nơi\s+nhận|Phụ\s+lục)\b", re.I)


def read_statements(paragraphs: Sequence[Paragraph], report: Report | None = None) -> list[Statement]:
    """Every claim in the prose, in document order."""
    units = [r.unit for t in (report.tables if report else []) for r in t.rows if r.unit]
    blocks = blocks_of(paragraphs)
    out: list[Statement] = []
    path: list[tuple[int, str]] = []  # (level, "label. title") of the open headings
    scope: str | None = None
    in_body = True
    for i, block in enumerate(blocks):
        if _BODY_END.match(block.text):
            in_body = False
        if not in_body:
            st = _appendix_statement(blocks, i)
            if st:
                out.append(st)
            continue
        head = heading_of(block.text)
        if head:
            label, level, _nums, title = head
            out.append(Statement(kind="section", text=block.text, paragraph=block.index, page=block.page,
                                 label=label, level=level, raw={"title": title}))
            path = [(lv, t) for lv, t in path if lv < level] + [(level, f"{label}. {title}")]
            scope = " › ".join(t for _, t in path)
        out.extend(_grade_statements(block, scope, units))
        out.extend(_sum_statements(block, scope))
        out.extend(_fraction_statements(block, scope))
        out.extend(_percent_statements(block, scope))
        out.extend(_date_statements(block, scope))
    return out


def section_numbers(statements: Sequence[Statement]) -> list[tuple[Statement, tuple[int, ...]]]:
    """The section statements with their numbers as integers."""
    out = []
    for st in statements:
        if st.kind != "section" or not st.label:
            continue
        last = st.label.split()[-1]
        if (st.level or 0) <= 1:
            v = int(last) if last.isdigit() else roman_value(last)
            nums = (v,) if v else ()
        else:
            nums = tuple(int(x) for x in st.label.split(".") if x.isdigit())
        if nums:
            out.append((st, nums))
    return out


def plain_blocks(paragraphs: Sequence[Paragraph]) -> list[str]:
    return [plain(b.text) for b in blocks_of(paragraphs)]
