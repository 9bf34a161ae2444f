"""A visual line of a PDF page cut into segments at wide gaps.

The two-column header of an administrative document puts the issuer and the
national motto on one baseline: a gap wider than 2,5 times the font size cuts
the line there. A segment keeps its characters, text, box, median size and
whether most of its glyphs are bold or italic.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .pdf_glyphs import line_text, stretched_space

ALIGN = 1.0  # pt: two lines of one column line up when their edges (or centres) are this close


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


def segments(line: list[dict], texts: dict | None = None) -> list[Segment]:
    """The line cut at gaps wider than 2,5 times the font size, but for the
    stretched spaces of a justified line
    (:func:`parsers.pdf_glyphs.stretched_space`)."""
    parts: list[list[dict]] = [[]]
    prev = None
    spaces: list[dict] = []  # the space glyphs since the last glyph of a word
    for ch in line:
        size = ch.get("size") or 10
        if ch["text"].isspace():
            if parts[-1]:
                parts[-1].append(ch)  # a space glyph: a word break line_text keeps
                spaces.append(ch)
            continue
        if prev is not None and ch["x0"] - prev["x1"] > 2.5 * size and parts[-1] \
                and not stretched_space(prev, spaces, ch):
            parts.append([])
        parts[-1].append(ch)
        prev = ch
        spaces = []
    return [seg for seg in (segment(p, texts) for p in parts if p) if seg is not None]


def segment(p: list[dict], texts: dict | None) -> Segment | None:
    text = line_text(p, cache=texts)
    if not text:
        return None
    p = list(p)
    while p[-1]["text"].isspace():
        p.pop()
    sizes = sorted(c.get("size") or 10 for c in p)
    names = Counter(c.get("fontname", "") for c in p if not c["text"].isspace())
    glyphs = sum(names.values())
    lowered = [(n.lower(), k) for n, k in names.items()]  # one font or two: judged once each
    bold = sum(k for n, k in lowered if "bold" in n) * 2 > glyphs
    italic = sum(k for n, k in lowered if "italic" in n or "oblique" in n) * 2 > glyphs
    return Segment(p, text, min(c["x0"] for c in p), max(c["x1"] for c in p),
                   min(c["top"] for c in p), max(c["bottom"] for c in p),
                   sizes[len(sizes) // 2], bold, italic)
