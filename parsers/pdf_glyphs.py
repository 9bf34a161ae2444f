"""Text as a reader sees it, from the glyphs pdfplumber gives.

Words are found from the spacing of the glyphs, not from a fixed gap: a
producer may set letters apart (tracking: "U B N D" with equal gaps), squeeze
the spaces of a justified line to a fifth of an em, or draw a glyph a little
off its neighbour because its width in the font differs from the width in the
PDF ("Công Thươn g"). Within one line the usual gap between two letters of a
word is the median gap (letters outnumber word breaks); a break is a space
glyph, or a gap wider than that usual gap by a good part of a space
(``WORD_GAP`` of the font size).

Footnote marks (small digits raised above the baseline, "Lâm Đồng¹") are
left out: they are not part of the words or numbers they follow.
"""
from __future__ import annotations

from operator import itemgetter

WORD_GAP = 0.15  # of the font size, above the line's usual letter gap
MAX_TRACKING = 0.35  # of the font size: a usual gap wider than this is not tracking


def _size(ch: dict) -> float:
    return ch.get("size") or 10.0


def chars_to_lines(chars: list[dict]) -> list[list[dict]]:
    """Visual lines (top to bottom), each a list of chars left to right."""
    lines: list[list[dict]] = []
    mid = 0.0  # the middle of the first glyph of the last line
    for ch in sorted(chars, key=_TOP):
        m = (ch["top"] + ch["bottom"]) / 2
        if lines and abs(mid - m) <= 0.45 * (ch.get("size") or 10.0):
            lines[-1].append(ch)
        else:
            lines.append([ch])
            mid = m
    for line in lines:
        line.sort(key=_X0)
    return lines


_TOP = itemgetter("top")
_X0 = itemgetter("x0")


def _median(values: list[float]) -> float:
    values = sorted(values)
    n = len(values)
    if not n:
        return 0.0
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def footnote_marks(line: list[dict]) -> set[int]:
    """Ids of the raised small digits of a line (footnote references)."""
    if not any(c["text"].isdecimal() for c in line):
        return set()  # only digits are marks
    body = [c for c in line if not c["text"].isspace()]
    if len(body) < 2:
        return set()
    sizes = [_size(c) for c in body]
    if min(sizes) > 0.85 * max(sizes):
        return set()  # one size on the line: no small raised digit
    size = _median(sizes)
    base = _median([c["bottom"] for c in body if _size(c) >= 0.9 * size] or [body[0]["bottom"]])
    # a browser's <sup> is set at five sixths of the size: a mark after a word
    # (not a footnote's own number at the start of its line) may be that large
    return {id(c) for k, c in enumerate(body)
            if c["text"].isdecimal() and c["bottom"] <= base - 0.2 * size
            and (_size(c) <= 0.75 * size or (k and _size(c) <= 0.85 * size and c["bottom"] <= base - 0.25 * size))}


def covered_spaces(line: list[dict]) -> set[int]:
    """Ids of the space glyphs a visible glyph is drawn over (a signing tool
    stamps the number over the blanks the document left for it): they are
    no word break."""
    out: set[int] = set()
    if not any(ch["text"].isspace() for ch in line):
        return out
    reach = float("-inf")  # the right end of the glyphs so far
    for ch in line:
        if ch["x0"] < reach - 0.05:
            break
        reach = max(reach, ch["x1"])
    else:  # no two glyphs overlap by 0,05 pt, less than any covering (0,6 of 0,1 pt at least)
        return out
    for i, ch in enumerate(line):
        if not ch["text"].isspace():
            continue
        width = max(ch["x1"] - ch["x0"], 0.1)
        for other in line[max(0, i - 3):i + 4]:
            if other["text"].isspace():
                continue
            if min(ch["x1"], other["x1"]) - max(ch["x0"], other["x0"]) > 0.6 * width:
                out.add(id(ch))
                break
    return out


def stretched_space(before: dict, spaces: list[dict], after: dict) -> bool:
    """Whether the gap between two glyphs, holding ``spaces`` (the space
    glyphs drawn in it), is one word space a justified line stretched: one
    space glyph drawn clear of both words ("UBND      TỈNH      PHÚ" in a
    letterhead cell LibreOffice justifies), however wide the gap. Two cells
    of a row are two texts with no space drawn between them; a typed space
    or a tab is drawn against the word before it; several are padding."""
    if len(spaces) != 1:
        return False
    space = spaces[0]
    return space["x0"] > before["x1"] + 0.5 and space["x1"] < after["x0"] - 0.5


def letter_gap(line: list[dict]) -> float:
    """The usual gap between two letters of a word on this line."""
    gaps = []
    prev = None
    for ch in line:
        if ch["text"].isspace():
            prev = None
            continue
        if prev is not None:
            gaps.append(ch["x0"] - prev["x1"])
        prev = ch
    if not gaps:
        return 0.0
    size = _median([c.get("size") or 10.0 for c in line])
    return min(max(_median(gaps), 0.0), MAX_TRACKING * size)


def line_text(line: list[dict], gap: float | None = None, cache: dict | None = None) -> str:
    """One visual line's text; ``gap`` the usual letter gap (of this line
    when not given). ``cache``: texts already made from runs of the page's
    glyphs (the table finder and the layout reader cut the same lines into
    mostly the same runs), keyed by the run's first and last glyph and its
    length, which fix a contiguous run of a visual line."""
    if cache is not None and gap is None and line:
        key = (id(line[0]), id(line[-1]), len(line))
        text = cache.get(key)
        if text is None:
            text = cache[key] = line_text(line)
        return text
    marks = footnote_marks(line) | covered_spaces(line)
    if gap is None:
        gap = letter_gap([c for c in line if id(c) not in marks] if marks else line)
    out: list[str] = []
    prev = None
    for ch in line:
        t = ch["text"]
        if marks and id(ch) in marks:
            prev = ch  # left out; the gap after it is measured from it
            continue
        if t.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            prev = ch
            continue
        if prev is not None and out and out[-1] != " ":
            if ch["x0"] - prev["x1"] > gap + WORD_GAP * (ch.get("size") or 10.0):
                out.append(" ")
        out.append(t)
        prev = ch
    return "".join(out).strip()


def lines_without(lines: list[list[dict]], furniture: set[int], body: list[dict]) -> list[list[dict]]:
    """The visual lines of ``body`` (the page's glyphs but ``furniture``):
    ``lines`` without the furniture's lines when those are whole lines at the
    top or the foot (the lines between are then built alike), else built anew."""
    if not furniture:
        return lines
    start, stop = 0, len(lines)
    while start < stop and all(id(c) in furniture for c in lines[start]):
        start += 1
    while stop > start and all(id(c) in furniture for c in lines[stop - 1]):
        stop -= 1
    kept = lines[start:stop]
    if sum(len(ln) for ln in kept) != len(body):
        return chars_to_lines(body)
    return kept


def turned(ch: dict) -> int:
    """0 for a glyph set upright; 1 for one turned a quarter to read upwards
    (a header written up its cell: Word's "btLr", CSS ``rotate(-90deg)``);
    -1 for one turned to read downwards ("tbRl"). From the glyph's text
    matrix; a glyph only slanted (italic) is upright."""
    if ch.get("upright", True):
        return 0
    a, b = (ch.get("matrix") or (1, 0))[:2]
    if abs(b) <= abs(a):
        return 0
    return 1 if b > 0 else -1


def as_upright(chars: list[dict]) -> list[dict]:
    """Turned glyphs as a reader sees them with the page turned: copies whose
    boxes are in the turned page's coordinates (the reading direction along
    x, the lines from top to bottom) and whose size is the font's (the
    glyph box across the line), so that lines and words are found as for
    upright text. Upright glyphs are returned as they are."""
    out = []
    for ch in chars:
        way = turned(ch)
        if not way:
            out.append(ch)
            continue
        turned_ch = dict(ch)
        if way > 0:  # read upwards: along the line is up the page, the next line to the right
            turned_ch.update(x0=-ch["bottom"], x1=-ch["top"], top=ch["x0"], bottom=ch["x1"])
        else:  # read downwards: the next line to the left
            turned_ch.update(x0=ch["top"], x1=ch["bottom"], top=-ch["x1"], bottom=-ch["x0"])
        turned_ch["size"] = ch["x1"] - ch["x0"]
        out.append(turned_ch)
    return out
