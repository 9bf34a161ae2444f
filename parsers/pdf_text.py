"""Paragraphs of a PDF page from the characters outside its tables.

Characters make visual lines; a line is cut into segments at wide gaps (the
two-column header of an administrative document puts the issuer and the
national motto on the same baseline). In a stack of lines some of which are
cut so, a line whose gap is narrower (a narrow cell) is cut too where both
sides keep to and line up with the two columns, and runs of lines with two
segments are read column by column, left first (:mod:`.pdf_columns`). Lines join into a
paragraph while they keep the same size and weight (and slant, in a column),
follow at ordinary leading, the line before reached the right margin, and the
new line does not start a list item.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from reportgen.raw import RawParagraph, RawTable

from .pdf_columns import streams, two_column_blocks
from .pdf_glyphs import WORD_GAP, chars_to_lines, letter_gap
from .pdf_segments import ALIGN, Segment, segments

# Legacy 8-bit Vietnamese fonts: TCVN3 (ABC) '.VnTime', '.VnTimeH', '.VnArial'…
# and VNI 'VNI-Times'…; a subset prefix 'ABCDEF+' may precede the name.
_TCVN3 = re.compile(r"(^|\+)\.?Vn[A-Z]", re.IGNORECASE)
_VNI = re.compile(r"(^|\+)VNI[-_ ]", re.IGNORECASE)
LIST_START = re.compile(r"^([-–•+*]\s|\d{1,2}(\.\d{1,2})*\.?\s|[a-zđ]\)\s|[IVX]{1,5}\.\s)")


@lru_cache(maxsize=1024)
def legacy_encoding(fontname: str) -> str | None:
    if _VNI.search(fontname or ""):
        return "vni"
    if _TCVN3.search(fontname or ""):
        return "tcvn3"
    return None


def majority_legacy(chars: list[dict]) -> str | None:
    # in the order fonts first appear, as the encodings then do
    by_font = Counter(ch.get("fontname", "") for ch in chars if not ch["text"].isspace())
    counts: dict[str | None, int] = {}
    for name, n in by_font.items():
        enc = legacy_encoding(name)
        counts[enc] = counts.get(enc, 0) + n
    if not counts:
        return None
    best = max(counts, key=counts.get)
    return best if counts[best] * 2 >= sum(counts.values()) else None


def page_paragraphs(chars: list[dict], page_number: int, right_margin: float,
                    lines: list[list[dict]] | None = None, texts: dict | None = None) -> list[RawParagraph]:
    """Paragraphs of a page's ``chars``; ``lines``: their visual lines when
    the caller has them, ``texts``: the page's cache of
    :func:`parsers.pdf_glyphs.line_text`."""
    if lines is None:
        lines = chars_to_lines(chars)
    lines = two_column_blocks([seg for seg in (segments(ln, texts) for ln in lines) if seg], texts)
    paragraphs: list[RawParagraph] = []
    current: list[Segment] = []
    left_right = right_margin  # the right edge of the stream before (the left column)
    text_left = min((s.x0 for ln in lines for s in ln), default=0.0)
    left = False  # the stream is the left column of a two-column run (they come left, right)
    for stream, column in streams(lines, texts):
        left = column and not left
        if current and not (column and stream and _flows_on(current[-1], stream[0], left_right)):
            paragraphs.append(_paragraph(current, page_number))
            current = []
        stream_right = max((s.x1 for s in stream), default=right_margin)
        for seg in stream:
            if current and (seg is stream[0] or _continues(current[-1], seg, stream_right, column,
                                                                text_left if left else None)):
                current.append(seg)  # (the first: a paragraph that flows on from the column before)
                continue
            if current:
                paragraphs.append(_paragraph(current, page_number))
            current = [seg]
        left_right = stream_right if column else right_margin
    if current:
        paragraphs.append(_paragraph(current, page_number))
    return paragraphs


def _flows_on(prev: Segment, seg: Segment, right: float) -> bool:
    """Whether a column's first line goes on with the paragraph the column
    before ended (text set in columns): the same size, weight and slant, the
    last line full, no sentence ended, and the line starts in lower case."""
    return (abs(prev.size - seg.size) <= 0.6 and (prev.bold, prev.italic) == (seg.bold, seg.italic)
            and prev.text.rstrip()[-1:] not in ".:;!?" and seg.text[:1].islower()
            and prev.x1 >= right - 0.5 * prev.size)


def _continues(prev: Segment, seg: Segment, right: float, column: bool = False,
               text_left: float | None = None) -> bool:
    """``column``: the lines are a column of a two-column run, where a line
    in another weight or slant, or in capitals after one that is not (or
    the other way round: the motto's two lines), starts another cell's text;
    two lines centred on one axis there ('UBND TỈNH LÂM ĐỒNG' over 'SỞ NỘI
    VỤ') in the left column are one paragraph only when the first was full:
    the next line's first word would not have fitted in the width centred
    on that axis from the page's left text edge (``text_left``, where the
    header table's first column starts)."""
    size = max(prev.size, seg.size)
    if abs(prev.size - seg.size) > 0.6:
        return False
    if column and ((prev.bold, prev.italic) != (seg.bold, seg.italic) or prev.text.isupper() != seg.text.isupper()):
        return False
    if prev.bold != seg.bold and prev.text.rstrip()[-1:] in ".:;!?":
        return False  # a bold line after a finished one: a heading (a bold run inside goes on)
    gap = seg.top - prev.bottom
    if gap < -0.3 * size or gap > 0.6 * size:
        return False
    mark = LIST_START.match(seg.text)
    if mark and not _runs_on(prev, seg, mark):
        return False
    # the line before was full: the first word of this line did not fit on it
    if text_left is not None and _centred(prev, seg):
        width = prev.x0 + prev.x1 - 2 * text_left
        return prev.x1 - prev.x0 + 0.3 * size + _first_word_width(seg) >= width - 0.5 * size
    return prev.x1 + 0.3 * size + _first_word_width(seg) >= right - 0.5 * size


def _runs_on(prev: Segment, seg: Segment, mark: re.Match[str]) -> bool:
    """Whether a line that opens with a bare number is the rest of the
    sentence before, not an item: "(chi tiết tại Phụ lục" / "3 kèm theo)."
    — no dot after the number, a word in lower case after it, and the line
    before not ended."""
    after = seg.text[mark.end():]
    return (re.fullmatch(r"\d{1,2}\s", mark.group(0)) is not None and after[:1].islower()
            and prev.text.rstrip()[-1:] not in ".:;!?")


def _centred(a: Segment, b: Segment) -> bool:
    """Two lines of different widths centred on one axis."""
    return abs((a.x0 + a.x1) - (b.x0 + b.x1)) / 2 <= ALIGN and abs(a.x0 - b.x0) > ALIGN


def _first_word_width(seg: Segment) -> float:
    chars = seg.chars
    gap = letter_gap(chars)
    end = chars[0]
    for prev, ch in zip(chars, chars[1:]):
        if ch["text"].isspace() or ch["x0"] - prev["x1"] > gap + WORD_GAP * (ch.get("size") or 10):
            break
        end = ch
    return end["x1"] - chars[0]["x0"]


def _paragraph(segs: list[Segment], page_number: int) -> RawParagraph:
    text = " ".join(s.text for s in segs)
    chars = [c for s in segs for c in s.chars]
    sizes = sorted(s.size for s in segs)
    return RawParagraph(
        text=unicodedata.normalize("NFC", text), index=-1, page=page_number,
        bold=all(s.bold for s in segs), italic=all(s.italic for s in segs),
        size=round(sizes[len(sizes) // 2], 1),
        legacy_encoding=majority_legacy(chars),
        bbox=(round(min(s.x0 for s in segs), 2), round(min(s.top for s in segs), 2),
              round(max(s.x1 for s in segs), 2), round(max(s.bottom for s in segs), 2)))


def interleave(paragraphs: list[RawParagraph], tables: list[RawTable]) -> list:
    """A page's blocks in reading order: tables placed among the paragraphs by
    their top edge (the PDF text layer and the OCR readers alike)."""
    out: list = []
    pending = sorted(tables, key=lambda t: t.bbox[1] if t.bbox else 0)
    for p in paragraphs:
        while pending and p.bbox and pending[0].bbox and pending[0].bbox[1] <= p.bbox[1]:
            out.append(pending.pop(0))
        out.append(p)
    return out + pending
