"""Paragraphs of a PDF page from the characters outside its tables.

Characters make visual lines; a line is cut into segments at wide gaps (the
two-column header of an administrative document puts the issuer and the
national motto on the same baseline). Runs of lines with two segments are read
column by column, left first. Lines join into a paragraph while they keep the
same size and weight, follow at ordinary leading, the line before reached the
right margin, and the new line does not start a list item.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from reportgen.raw import RawParagraph, RawTable

from .pdf_glyphs import WORD_GAP, chars_to_lines, letter_gap, line_text

# Legacy 8-bit Vietnamese fonts: TCVN3 (ABC) '.VnTime', '.VnTimeH', '.VnArial'…
# and VNI 'VNI-Times'…; a subset prefix 'ABCDEF+' may precede the name.
_TCVN3 = re.compile(r"(^|\+)\.?Vn[A-Z]", re.IGNORECASE)
_VNI = re.compile(r"(^|\+)VNI[-_ ]", re.IGNORECASE)
_LIST_START = re.compile(r"^([-–•+*]\s|\d{1,2}(\.\d{1,2})*\.?\s|[a-zđ]\)\s|[IVX]{1,5}\.\s)")


@lru_cache(maxsize=1024)
def legacy_encoding(fontname: str) -> str | None:
    if _VNI.search(fontname or ""):
        return "vni"
    if _TCVN3.search(fontname or ""):
        return "tcvn3"
    return None


def majority_legacy(chars: list[dict]) -> str | None:
    by_font: dict[str, int] = {}  # in the order fonts first appear, as the encodings then do
    for ch in chars:
        if not ch["text"].isspace():
            name = ch.get("fontname", "")
            by_font[name] = by_font.get(name, 0) + 1
    counts: dict[str | None, int] = {}
    for name, n in by_font.items():
        enc = legacy_encoding(name)
        counts[enc] = counts.get(enc, 0) + n
    if not counts:
        return None
    best = max(counts, key=counts.get)
    return best if counts[best] * 2 >= sum(counts.values()) else None


@dataclass
class Segment:
    chars: list[dict]
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool
    extra: list = field(default_factory=list)


def _segments(line: list[dict], texts: dict | None = None) -> list[Segment]:
    parts: list[list[dict]] = [[]]
    prev = None
    for ch in line:
        size = ch.get("size") or 10
        if prev is not None and ch["x0"] - prev["x1"] > 2.5 * size and parts[-1]:
            parts.append([])
        if not ch["text"].isspace():
            parts[-1].append(ch)
            prev = ch
        elif parts[-1]:
            parts[-1].append(ch)  # a space glyph: a word break line_text keeps
    out = []
    for p in parts:
        if not p:
            continue
        text = line_text(p, cache=texts)
        if not text:
            continue
        while p[-1]["text"].isspace():
            p.pop()
        sizes = sorted(c.get("size") or 10 for c in p)
        names = Counter(c.get("fontname", "") for c in p if not c["text"].isspace())
        glyphs = sum(names.values())
        lowered = [(n.lower(), k) for n, k in names.items()]  # one font or two: judged once each
        bold = sum(k for n, k in lowered if "bold" in n) * 2 > glyphs
        italic = sum(k for n, k in lowered if "italic" in n or "oblique" in n) * 2 > glyphs
        out.append(Segment(p, text, min(c["x0"] for c in p), max(c["x1"] for c in p),
                           min(c["top"] for c in p), max(c["bottom"] for c in p),
                           sizes[len(sizes) // 2], bold, italic))
    return out


def _streams(lines: list[list[Segment]]) -> list[list[Segment]]:
    """Segments grouped into reading streams: single-column runs as they
    come, two-column runs left column first, then right."""
    streams: list[list[Segment]] = []
    i = 0
    while i < len(lines):
        if len(lines[i]) < 2:
            j = i
            while j < len(lines) and len(lines[j]) < 2:
                j += 1
            streams.append([s for ln in lines[i:j] for s in ln])
            i = j
            continue
        j = i
        while j < len(lines) and len(lines[j]) >= 2:
            j += 1
        run = [s for ln in lines[i:j] for s in ln]
        split = min(ln[1].x0 for ln in lines[i:j])
        left = [s for s in run if s.x1 <= split + 1]
        right = [s for s in run if s.x1 > split + 1]
        streams.append(left)
        streams.append(right)
        i = j
    return streams


def page_paragraphs(chars: list[dict], page_number: int, right_margin: float,
                    lines: list[list[dict]] | None = None, texts: dict | None = None) -> list[RawParagraph]:
    """Paragraphs of a page's ``chars``; ``lines``: their visual lines when
    the caller has them, ``texts``: the page's cache of
    :func:`parsers.pdf_glyphs.line_text`."""
    if lines is None:
        lines = chars_to_lines(chars)
    lines = [seg for seg in (_segments(ln, texts) for ln in lines) if seg]
    paragraphs: list[RawParagraph] = []
    for stream in _streams(lines):
        current: list[Segment] = []
        stream_right = max((s.x1 for s in stream), default=right_margin)
        for seg in stream:
            if current and _continues(current[-1], seg, stream_right):
                current.append(seg)
                continue
            if current:
                paragraphs.append(_paragraph(current, page_number))
            current = [seg]
        if current:
            paragraphs.append(_paragraph(current, page_number))
    return paragraphs


def _continues(prev: Segment, seg: Segment, right: float) -> bool:
    size = max(prev.size, seg.size)
    if abs(prev.size - seg.size) > 0.6:
        return False
    if prev.bold != seg.bold and prev.text.rstrip()[-1:] in ".:;!?":
        return False  # a bold line after a finished one: a heading (a bold run inside goes on)
    gap = seg.top - prev.bottom
    if gap < -0.3 * size or gap > 0.6 * size:
        return False
    if _LIST_START.match(seg.text):
        return False
    # the line before was full: the first word of this line did not fit on it
    return prev.x1 + 0.3 * size + _first_word_width(seg) >= right - 0.5 * size


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
