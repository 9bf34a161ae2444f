"""What a PDF page shows of its layout, for the ND30 layout check: the page
size, the visual text lines (text, position, font, size, bold, italic) in a
reading order where a two-column block (the issuer beside the Quốc hiệu,
Nơi nhận beside the signature) is read left column first, and the page
number line. Plain data (millimetres and points), no judgement: the reader
(``reportgen.read.layout_pdf``) measures margins from it and the checks
judge.

A line is cut into segments where the gap between two glyphs is wider than
1,2 em with no glyph in it (half an em when the line writes its spaces as
glyphs): a table cell or a tab stop, never typed spaces (“Số:      /BC-…”,
whose blanks are glyphs)."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .pdf_furniture import page_number_lines
from .pdf_glyphs import chars_to_lines, line_text, lines_without

PT_TO_MM = 25.4 / 72
_SUBSET = re.compile(r"^[A-Z]{6}\+")


def mm(value: float) -> float:
    return round(value * PT_TO_MM, 1)


@lru_cache(maxsize=1024)
def font_family(fontname: str) -> str:
    """'BAAAAA+TimesNewRomanPS-BoldMT' → 'TimesNewRoman'; 'Arial,Bold' → 'Arial'."""
    name = _SUBSET.sub("", fontname or "")
    name = re.split(r"[-,]", name, maxsplit=1)[0] if re.search(r"[-,]", name) else name
    name = re.sub(r"(PSMT|PS|MT)$", "", name)
    return name


def _segments(line: list[dict]) -> list[list[dict]]:
    parts: list[list[dict]] = [[]]
    prev = None
    # a producer that writes its spaces as glyphs leaves no bare gap between
    # words: a bare gap of half an em is then a jump to another cell or tab stop
    wide = 0.5 if any(c["text"].isspace() for c in line) else 1.2
    for ch in sorted(line, key=lambda c: c["x0"]):
        size = ch.get("size") or 10
        if prev is not None and ch["x0"] - prev["x1"] > wide * size and parts[-1]:
            parts.append([])
        parts[-1].append(ch)
        prev = ch
    out = []
    for p in parts:
        while p and p[0]["text"].isspace():
            p.pop(0)
        while p and p[-1]["text"].isspace():
            p.pop()
        if p:
            out.append(p)
    return out


def _segment(chars: list[dict], page_number: int, texts: dict | None = None) -> dict:
    glyphs = [c for c in chars if not c["text"].isspace()]
    names = Counter(c.get("fontname", "") for c in glyphs)  # a segment has one font or two: judged once each
    sizes = sorted(round(c.get("size") or 0, 1) for c in glyphs)
    families: dict[str, int] = {}
    for n, count in names.items():
        family = font_family(n)
        families[family] = families.get(family, 0) + count
    lowered = [(n.lower(), count) for n, count in names.items()]
    return {"text": line_text(chars, cache=texts), "page": page_number,
            "x0": round(min(c["x0"] for c in glyphs), 2), "x1": round(max(c["x1"] for c in glyphs), 2),
            "top": round(min(c["top"] for c in glyphs), 2), "bottom": round(max(c["bottom"] for c in glyphs), 2),
            "size": sizes[len(sizes) // 2],
            "bold": sum(k for n, k in lowered if "bold" in n or "black" in n or "heavy" in n) * 2 > len(glyphs),
            "italic": sum(k for n, k in lowered if "italic" in n or "oblique" in n) * 2 > len(glyphs),
            "font": max(families, key=families.get), "fonts": families}


def _reading_order(lines: list[list[dict]]) -> list[dict]:
    """A two-column block starts at a line cut in two (issuer | Quốc hiệu,
    Nơi nhận | signature) and goes on while each line keeps to one side of
    the cut: its left column is read first, then its right one."""
    out: list[dict] = []
    zone: list[dict] = []
    split: float | None = None

    def flush():
        out.extend(s for s in zone if s["x1"] <= split)
        out.extend(s for s in zone if s["x1"] > split)
        zone.clear()

    for ln in lines:
        if len(ln) >= 2:
            split = ln[1]["x0"] if split is None else min(split, ln[1]["x0"])
            zone.extend(ln)
        elif split is not None and (ln[0]["x1"] <= split or ln[0]["x0"] >= split - 1):
            zone.extend(ln)
        else:
            if split is not None:
                flush()
                split = None
            out.extend(ln)
    if split is not None:
        flush()
    return out


def _vertical_rules(page) -> list[tuple[float, float, float]]:
    """(x, top, bottom) of the page's vertical rules (a table's column lines)."""
    out = []
    for e in page.edges:
        if e.get("orientation") == "v" and e["bottom"] - e["top"] > 4:
            out.append(((e["x0"] + e["x1"]) / 2, e["top"], e["bottom"]))
    return out


def _between_rules(seg: dict, rules: list[tuple[float, float, float]], spans: dict | None = None) -> bool:
    """A segment with a vertical rule on each side at its height: a table's
    cell. ``spans`` caches, per height, the leftmost and the rightmost rule
    there (the segments of one line share it)."""
    mid = (seg["top"] + seg["bottom"]) / 2
    if spans is None or mid not in spans:
        xs = [x for x, top, bottom in rules if top - 1 <= mid <= bottom + 1]
        span = (min(xs), max(xs)) if xs else None
        if spans is None:
            spans = {}
        spans[mid] = span
    span = spans[mid]
    return span is not None and span[0] <= seg["x0"] + 1 and span[1] >= seg["x1"] - 1


def _footnote_separator(page, lines: list[list[dict]]) -> float | None:
    """The y of a footnote separator: a short rule (2–7 cm) in the lower part
    of the page, starting where the text starts, with smaller text under it."""
    if not lines:
        return None
    left = min(s["x0"] for ln in lines for s in ln)
    body = sorted(s["size"] for ln in lines for s in ln)[len([s for ln in lines for s in ln]) // 2]
    for e in page.edges:
        if e.get("orientation") != "h" or e["top"] < 0.5 * float(page.height):
            continue
        if 55 <= e["x1"] - e["x0"] <= 200 and abs(e["x0"] - left) < 6:
            under = [s for ln in lines for s in ln if s["top"] > e["top"]]
            if under and all(s["size"] < body for s in under):
                return float(e["top"])
    return None


def _lone_number(line: list[dict], width: float) -> bool:
    """A line that is a number alone, centred on the page."""
    return len(line) == 1 and line[0]["text"].strip().isdecimal() and len(line[0]["text"].strip()) <= 4 \
        and abs((line[0]["x0"] + line[0]["x1"]) / 2 - width / 2) < 0.05 * width


def page_layout(page, all_lines: list[list[dict]] | None = None, texts: dict | None = None) -> dict:
    """The layout of one pdfplumber page (see the module's docstring).
    ``all_lines``: ``chars_to_lines(page.chars)`` when the caller has them;
    ``texts``: the texts of runs of glyphs already made
    (:func:`parsers.pdf_glyphs.line_text`'s cache)."""
    chars = [c for c in page.chars if c.get("text")]
    if all_lines is None or len(chars) != len(page.chars):
        all_lines = chars_to_lines(chars)
    height = float(page.height)
    furniture, numbers = page_number_lines(chars, height, lines=all_lines)
    number_chars = [c for c in chars if id(c) in furniture and not c["text"].isspace()]
    body = [c for c in chars if id(c) not in furniture]
    lines = [[_segment(s, page.page_number, texts) for s in _segments(ln)]
             for ln in lines_without(all_lines, furniture, body)]
    lines = [ln for ln in lines if ln]
    if not number_chars and lines and _lone_number(lines[0], float(page.width)):
        # a page number set close to the text (narrow margins): the parser keeps it as text
        number_chars = [c for c in body if not c["text"].isspace()
                        and lines[0][0]["top"] - 0.5 <= c["top"] and c["bottom"] <= lines[0][0]["bottom"] + 0.5]
        numbers = [lines[0][0]["text"]]
        lines = lines[1:]
    verticals = _vertical_rules(page)
    separator = _footnote_separator(page, lines)
    spans: dict[float, tuple[float, float] | None] = {}  # per height: the outermost rules there
    for ln in lines:
        for seg in ln:
            seg["in_table"] = _between_rules(seg, verticals, spans)
            seg["footnote"] = separator is not None and seg["top"] > separator
    out = {"page": page.page_number, "width_mm": mm(float(page.width)), "height_mm": mm(height),
           "width_pt": float(page.width), "height_pt": height, "lines": _reading_order(lines)}
    if number_chars:
        sizes = sorted(c.get("size") or 0 for c in number_chars)
        out["page_number"] = {"text": numbers[0] if numbers else "", "size": round(sizes[len(sizes) // 2], 1),
                              "top": round(min(c["top"] for c in number_chars), 2),
                              "bottom": round(max(c["bottom"] for c in number_chars), 2)}
    return out
