"""Prose as blocks and headings: paragraphs with the lines a PDF wrapped
joined back, sentences, and numbered headings with their level (Phần,
Chương, Mục, Điều above I, II above 1., 1.1. …)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..model import Paragraph, SectionHead, Statement, StatementKind
from ..numbers import roman_value
from ..text import strip_footnote_marks
from ..text.lines import columns, is_caps


@dataclass
class Block:
    text: str
    index: int  # first paragraph's index
    page: int | None


# --- blocks ------------------------------------------------------------------------------

_MARKER = re.compile(r"^(?:[-–+•*]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[IVXLC]{1,6}[.)]\s|[a-zđ]\)\s|\(\d+\))")
_HEADING_LIKE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.)\s")


def blocks_of(paragraphs: Sequence[Paragraph], subject: str | None = None) -> list[Block]:
    """Paragraphs with wrapped lines joined: a line that does not end a
    sentence continues on the next unless that one starts a list item, a
    numbered heading or the line before was a heading or a short line. The
    document's subject (its trích yếu, read with the metadata) ends its
    block: "Tình hình … tháng 9 năm 2026" ends with no stop, and the first
    sentence of the body after it is no part of it. So does a table's caption
    ("Bảng 1. Tình hình … của các sở, ngành"): the table stands between it
    and the next sentence."""
    subject = " ".join(subject.split()) if subject else None
    out: list[Block] = []
    # Each block's lines, its length and its letters, kept as it grows and
    # joined once at the end: ``text +=`` and re-scanning the block for each
    # line would be quadratic in a long block.
    parts: list[list[str]] = []
    sizes: list[list] = []  # [length, letters, all letters upper]
    prev_open = False
    for p in paragraphs:
        for raw_line in p.text.splitlines():
            frags = columns(raw_line)
            line = " ".join(frags)
            if not line:
                continue
            line = strip_footnote_marks(line)
            letters = [c for c in line if c.isalpha()]
            upper = all(c.isupper() for c in letters)
            if out and prev_open and _continues(out[-1].text, line, sizes[-1][0],
                                                sizes[-1][1] >= 2 and sizes[-1][2]) \
                    and not _is_subject(parts[-1], sizes[-1][0], subject):
                parts[-1].append(line)
                size = sizes[-1]
                size[0] += 1 + len(line)
                size[1] += len(letters)
                size[2] = size[2] and upper
            else:
                out.append(Block(line, p.index, p.page))
                parts.append([line])
                sizes.append([len(line), len(letters), upper])
            prev_open = not line.rstrip().endswith((".", ";", ":", "!", "?", ")"))
    for block, lines in zip(out, parts):
        if len(lines) > 1:
            block.text = " ".join(lines)
    return out


def _is_subject(lines: list[str], length: int, subject: str | None) -> bool:
    """Whether a block's ``lines`` (``length`` characters) end with the subject."""
    if not subject or length > len(subject) + 40:
        return False
    return " ".join(" ".join(lines).split()).endswith(subject)


_CAPTION = re.compile(r"^\s*(?:Bảng|Biểu|BẢNG|BIỂU)\s*(?:số\s*)?(?:\d{1,2}|[IVX]{1,4})?\s*[.:]\s+\S")


def _continues(prev: str, line: str, prev_len: int | None = None, prev_caps: bool | None = None) -> bool:
    """Whether ``line`` continues the block ``prev`` (or, given ``prev_len``
    and ``prev_caps``, the block that starts with ``prev`` and has that
    length and capitals)."""
    if _MARKER.match(line) or line.startswith(("Nơi nhận", "Phụ lục", "Căn cứ", "Kính gửi", "(", "Ghi chú", "Chú thích")):
        return False
    if line[:1].islower():
        return True
    if _CAPTION.match(prev):
        return False  # "Bảng 1. Tình hình … của các sở, ngành" above its table: the next sentence is after it
    if _HEADING_LIKE.match(prev) or (len(prev) if prev_len is None else prev_len) < 50:
        return False
    return (is_caps(prev) if prev_caps is None else prev_caps) == is_caps(line)


# --- headings ----------------------------------------------------------------------------

_ARABIC_HEAD = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})(?P<end>[.)])?\s+(?P<title>\S.*)$")
_ROMAN_HEAD = re.compile(r"^(?P<num>[IVXLC]{1,6})(?P<end>[.)]|\s[-–])?\s+(?P<title>\S.*)$")


_PART_HEAD = re.compile(r"^(?P<word>Phần|Chương|Mục|Điều|PHẦN|CHƯƠNG|MỤC|ĐIỀU)\s+(?P<num>[IVXLC]{1,6}|\d{1,3})\b[.:]?\s*(?P<title>.*)$")
_PART_LEVELS = {"phần": -3, "chương": -2, "mục": -1, "điều": 0}


def heading_of(text: str) -> tuple[str, int, tuple[int, ...], str] | None:
    """(label, level, numbers, title) of a numbered heading or list item:
    'VI. ĐÁNH GIÁ CHUNG' → ('VI', 1, (6,), …); '1.1. Các cơ quan' → ('1.1', 3, (1, 1), …);
    'Điều 5. …' → ('Điều 5', 0, (5,), …) (Phần, Chương, Mục, Điều rank above I, II)."""
    m = _PART_HEAD.match(text)
    if m:
        num = m.group("num")
        value = int(num) if num.isdecimal() else roman_value(num)
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
        if not (title[:1].isupper() or title[:1].isdecimal()) or title.startswith(("%", "/")):
            return None
        if re.match(r"^\d", title) and re.match(r"^\d+(?:[.,]\d+)?\s*(?:%|hồ sơ|người)", title) is None and single:
            return None
        # "1)" items are a list inside a section, not a sibling of "1." headings.
        level = len(nums) + 1 + (10 if m.group("end") == ")" else 0)
        return m.group("num"), level, nums, title
    return None


def section_numbers(statements: Sequence[Statement]) -> list[SectionHead]:
    """The section statements with their numbers as integers."""
    out = []
    for st in statements:
        if st.kind != StatementKind.SECTION or not st.label:
            continue
        last = st.label.split()[-1]
        if (st.level or 0) <= 1:
            v = int(last) if last.isdecimal() else roman_value(last)
            nums = (v,) if v else ()
        else:
            nums = tuple(int(x) for x in st.label.split(".") if x.isdecimal())
        if nums:
            out.append(SectionHead(st, nums))
    return out


_LABELLED = re.compile(r"[^:.;]{2,80}:\s*\S[^\n]*\d")


def group_item(blocks: list[Block], j: int) -> bool:
    """Whether ``blocks[j]`` is one of a run of numbered items that each
    state their figures after a label ("1. Khối Sở, ban, ngành: điểm trung
    bình đạt 71,93 điểm; …", "2. Khối UBND cấp huyện: …"): the figures of
    one group each, never the whole's a paragraph after the run speaks of:
    that paragraph is of the section the run is in. The items are next to
    each other (an item followed by paragraphs of its own opens a section)."""
    head = heading_of(blocks[j].text)
    if head is None or not _LABELLED.match(head[3] or ""):
        return False
    for k in (j - 1, j + 1):
        if 0 <= k < len(blocks):
            other = heading_of(blocks[k].text)
            if other is not None and other[1] == head[1] and _LABELLED.match(other[3] or ""):
                return True
    return False
