"""Decimal separators OCR drops or changes in the number columns of a scan.

Tesseract often loses the small comma of "79,05" ("7905") or reads it as a
point ("79.05"). The comma is still in the image: a small mark in the lower
half of the line of digits, between two of them. So for every number cell
of a scanned table the cell's ink is cut into its glyphs; when the tall
glyphs (digits and slashes) are as many as the characters OCR read besides
its separators, each small low mark between them is a separator at that
place, and the text is rebuilt with the decimal comma of vi_VN (a point read before
one or two digits is never a thousands mark; a point before three is left). A cell whose
separator cannot be placed from the image is never given one by guess: when
the column's other values say one is missing (the value is far above all of
them), or it holds a point where vi_VN writes a comma, its confidence is set
below the reporting threshold, so it is reported as uncertain (OCR_UNCERTAIN)
and not checked as a sure figure.

An x/y cell whose slash OCR lost ('212' for '2/12') has one tall glyph more
in its ink than the digits read: the slash goes to the one place that gives
a part not above its whole, if there is one. Section numbers I, II … that OCR
read as '1' or '11' are put back from the numbering column (see
:func:`restore_roman`).
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from reportgen.raw import RawTable

from .ocr_cells import DISAGREEMENT, ink_crop

_NUMBER = re.compile(r"^\d[\d.,/]*\d$|^\d$")
DIGIT_WIDTH = 0.72  # the widest digit's width over its height (Times, Arial: 0,6-0,7)
FAR_ABOVE = Decimal(3)  # a value this many times the column's largest other value lost its separator


def separator_marks(crop) -> tuple[int, list[int]] | None:
    """(how many tall glyphs, and for each small low mark the number of tall
    glyphs left of it) of a cell's ink; None when the ink shows no line of
    glyphs. A cell wrapped over lines ('88,9/' over '94') is read line by
    line, top to bottom, its tall glyphs counted on from the line above."""
    import numpy as np

    ink = (crop < 128).astype(np.uint8)
    total, marks = 0, []
    for top, bottom in _ink_lines(ink):
        found = _line_marks(ink[top:bottom])
        if found is None:
            continue
        marks += [total + m for m in found[1]]
        total += found[0]
    return (total, marks) if total else None


def _ink_lines(ink) -> list[tuple[int, int]]:
    """(top, bottom) pixel rows of the lines of a cell's ink: runs of rows
    with ink, apart by blank rows; a run far lower than the tallest (a speck,
    a comma's tail cut off) joins the line above it."""
    rows = ink.any(axis=1)
    runs, start = [], None
    for y, has in enumerate(list(rows) + [False]):
        if has and start is None:
            start = y
        elif not has and start is not None:
            runs.append([start, y])
            start = None
    if not runs:
        return []
    tallest = max(b - a for a, b in runs)
    lines = [list(r) for r in runs if r[1] - r[0] >= 0.4 * tallest]
    for a, b in runs:
        if b - a < 0.4 * tallest:  # to the line above it, or the first line
            line = next((ln for ln in reversed(lines) if ln[0] < a), lines[0])
            line[0], line[1] = min(line[0], a), max(line[1], b)
    return [(a, b) for a, b in lines]


def _line_marks(ink) -> tuple[int, list[int]] | None:
    """:func:`separator_marks` of one line of glyphs."""
    import cv2

    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    comps = [tuple(int(v) for v in stats[i]) for i in range(1, n) if stats[i][cv2.CC_STAT_AREA] >= 3]
    if not comps:
        return None
    height = max(c[3] for c in comps)
    tall = sorted((c for c in comps if c[3] >= 0.55 * height), key=lambda c: c[0])
    if not tall:
        return None
    top = sorted(c[1] for c in tall)[len(tall) // 2]
    bottom = sorted(c[1] + c[3] for c in tall)[len(tall) // 2]
    middle = top + 0.5 * (bottom - top)
    # digits the scan ran together ('84' one blob) count by their width: a
    # digit is at most about 0,72 of its height wide
    digit = sorted(c[3] for c in tall)[len(tall) // 2]
    glyphs = [max(1, round(t[2] / (DIGIT_WIDTH * digit))) for t in tall]
    marks = []
    for x, y, w, h, _ in comps:
        if h >= 0.5 * height or w >= 0.6 * height or y < middle:
            continue
        cx = x + w / 2
        if not (tall[0][0] < cx < tall[-1][0] + tall[-1][2]):
            continue
        marks.append(sum(n for t, n in zip(tall, glyphs) if t[0] + t[2] / 2 < cx))
    return sum(glyphs), sorted(marks)


def _value(text: str) -> Decimal | None:
    head = text.split("/")[0]
    if "," not in head and not re.search(r"\.\d{3}(?!\d)", head):
        head = head.replace(".", ",")  # a point OCR read for the decimal comma ('4.75')
    try:
        return Decimal(head.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def _rebuilt(text: str, marks: tuple[int, list[int]] | None, sign: str, slashes: bool = True) -> str | None:
    """The text with its separators where the image has them, or None when
    the glyphs do not match the characters read. ``slashes``: whether the
    column holds x/y cells (else a slash read is a separator misread)."""
    if marks is None or re.search(r"\.\d{3}(?!\d)", text):
        return None  # no ink, or a thousands point: not a decimal to place
    core = [ch for ch in text if ch not in (",." if slashes else ",./")]
    n_tall, places = marks
    if n_tall != len(core) or not places or len(set(places)) != len(places):
        return None
    out = []
    for k, ch in enumerate(core):
        if k in places and out and out[-1] != "/" and ch != "/":
            out.append(sign)
        out.append(ch)
    return "".join(out)


def _slash_restored(text: str, marks: tuple[int, list[int]] | None, sign: str) -> str | None:
    """An x/y cell whose slash OCR lost ('3,712' for '3,7/12', '212' for
    '2/12'): the image has one tall glyph more than the digits read, and of
    the places that glyph can take (between two digits, not beside a
    separator) exactly one gives a part not above its whole."""
    core = [ch for ch in text if ch not in ",."]
    if marks is None or not all(ch.isdecimal() for ch in core) or marks[0] != len(core) + 1 or len(core) < 2:
        return None
    places = marks[1]
    found = []
    for k in range(1, len(core)):
        glyphs = core[:k] + ["/"] + core[k:]
        if k in places or k + 1 in places or glyphs[k + 1] == "0":
            continue  # a separator beside the slash, or a whole that starts with 0
        out = []
        for j, ch in enumerate(glyphs):
            if j in places and out:
                out.append(sign)
            out.append(ch)
        candidate = "".join(out)
        part, whole = _value(candidate), _value(candidate.split("/")[1])
        if part is not None and whole and part <= whole:
            found.append(candidate)
    return found[0] if len(found) == 1 else None


def _row_denominator(table: RawTable, cell, text: str) -> bool:
    """Whether another cell of the cell's row is written over the same whole."""
    whole = text.split("/")[1]
    return any(o is not cell and "/" in o.text and o.text.replace(" ", "").split("/")[1] == whole
               for row in table.rows for o in row if o.row == cell.row)


def restore_separators(table: RawTable, clean, scale: float, ruled: bool) -> int:
    """Fix or flag the decimal separators of the table's number columns
    (cells read by OCR, with a box); the number of cells changed or flagged.
    ``ruled``: the cell boxes are the cells' (else their words')."""
    by_col: dict[int, list] = {}
    for row in table.rows[table.header_rows or 0:]:
        for c in row:
            compact = c.text.replace(" ", "")
            if c.bbox is not None and c.confidence is not None and _NUMBER.match(compact):
                by_col.setdefault(c.col, []).append(c)
    h, w = clean.shape[:2]
    touched = 0
    for cells in by_col.values():
        with_sign = [c for c in cells if "," in c.text or "." in c.text.replace(" ", "")]
        if len(cells) < 3 and not (len(cells) == 2 and with_sign):
            continue  # a page's part of a column of decimals may hold two figures
        slashes = sum("/" in o.text for o in cells) * 2 > len(cells)
        # a column of decimals, or of x/y cells, may have lost a separator in
        # any cell (all of them when the comma is small: '889/94'); the ink
        # puts it back. In a column of whole numbers only a cell that cannot
        # be one is looked at (the part of a table on one page may hold no
        # decimal but that one). Flagging what the ink cannot place needs
        # most cells written with decimals, to know the column's magnitude.
        decimals = len(with_sign) * 2 >= len(cells)
        values = {id(c): _value(c.text.replace(" ", "")) for c in cells}
        sign = ","  # the decimal sign of vi_VN (a point before 1 or 2 digits is never a thousands mark)
        for c in cells:
            text = c.text.replace(" ", "")
            if not (with_sign or slashes or _cannot_be_whole(text, values[id(c)], [
                    v for o in cells if o is not c and (v := values[id(o)]) is not None])):
                continue
            if "." in text and not decimals:
                continue  # a point written among whole numbers and commas: kept as written ('8.32')
            x0, y0, x1, y1 = (int(round(v / scale)) for v in c.bbox)
            pad = 0 if ruled else 6
            crop = ink_crop(clean, (max(0, x0 - pad), max(0, y0 - pad), min(w, x1 + pad), min(h, y1 + pad)),
                            inset=5 if ruled else 0)
            marks = separator_marks(crop) if crop is not None else None
            fixed = _rebuilt(text, marks, sign, slashes)
            if fixed is None and slashes and "/" not in text:
                fixed = _slash_restored(text, marks, sign)
                if fixed is not None and not _row_denominator(table, c, fixed):
                    c.confidence = min(c.confidence, DISAGREEMENT)  # placed by x ≤ y alone
            if fixed is not None and fixed != text:
                c.text, touched = fixed, touched + 1
                continue
            if fixed == text or not decimals:
                continue  # the image agrees with the reading
            others = [v for o in cells if o is not c and (v := _value(o.text.replace(" ", ""))) is not None]
            value = _value(text)
            wrong_sign = sign == "," and re.search(r"\d\.\d{1,2}(?!\d)", text)
            lost = (sign not in text and value is not None and others
                    and value > FAR_ABOVE * max(others) and max(others) > 0)
            if wrong_sign or lost:
                c.confidence = min(c.confidence, DISAGREEMENT)
                touched += 1
    return touched


_JUNK = "._'`¬ˆ~›‹"  # marks a speck of the scan is read as; no figure starts or ends with one
_FIGURE = re.compile(r"^[" + re.escape(_JUNK) + r"]*([-–]?\d(?:[\d.,/]*\d)?%?|[-–])[" + re.escape(_JUNK) + r"]*$")
_DASHLIKE = re.compile(r"^(?![-–]$)[-–_¬ˆ~—]{1,3}$")  # '—-': a dash with a speck beside it
# a figure with a dash after it ('4-'): no figure ends with a sign, the dash is the cell's rule or a speck
_DASH_AFTER = re.compile(r"^([-–]?\d(?:[\d.,/]*\d)?%?)[-–]$")


def tidy_marks(table: RawTable) -> int:
    """Specks read into a table's cells: a figure with a mark before or
    after it ('6,3.', '.11,9', '4,28._', '-.'), or in a column of figures a
    dash after it ('4-'), is the figure; a lone mark of
    the letters' cells ('Trung . bình') is dropped; in a column of figures a
    cell read as one dash-like mark ('ˆ', '¬', '_') is its dash, with a
    confidence below the reporting threshold (inferred from the column, not
    read); so is a cell read as two or three of them ('—-', a dash and a
    speck). A dash counts as a figure (an empty score): a column of dashes
    is a column of figures. A mark most cells of the column end with is written and kept
    ('1.' of a numbered list). The number of cells changed."""
    body = [c for row in table.rows[table.header_rows or 0:] for c in row if c.text.strip()]
    figures: dict[int, list[bool]] = {}
    for c in body:
        # a dash is an empty score: a column of dashes (a criterion no unit scored) is a column of figures
        figures.setdefault(c.col, []).append(bool(_FIGURE.match(c.text.replace(" ", "")))
                                             or c.text.strip() in ("-", "–"))
    numeric = {col for col, flags in figures.items() if len(flags) >= 3 and sum(flags) * 3 >= len(flags) * 2}
    # a mark most of a column's cells end with is written ('1.', '2.' of a list)
    ends: dict[int, list[str]] = {}
    for c in body:
        ends.setdefault(c.col, []).append(c.text.strip()[-1:])
    written = {col for col, last in ends.items() if sum(e in _JUNK for e in last) * 2 >= len(last)}
    changed = 0
    for c in body:
        text = c.text.strip()
        compact = text.replace(" ", "")
        m = _FIGURE.match(compact) or (_DASH_AFTER.match(compact) if c.col in numeric else None)
        if m and m.group(1) != compact and c.col not in written:
            c.text = m.group(1)
        elif (any(ch.isalpha() and ch not in _JUNK for ch in text)
              and any(all(ch in _JUNK for ch in w) for w in text.split())):
            c.text = " ".join(w for w in text.split() if not all(ch in _JUNK for ch in w))
        elif c.col in numeric and _DASHLIKE.match(compact):
            c.text = "-"
            c.confidence = min(c.confidence if c.confidence is not None else DISAGREEMENT, DISAGREEMENT)
        else:
            continue
        changed += 1
    return changed


def drop_stray_signs(table: RawTable, clean, scale: float, ruled: bool) -> int:
    """A minus read before a number ('-6') where the ink left of the digits
    holds no bar, only a speck of the scan: the number without it. The
    number of cells changed."""
    import cv2
    import numpy as np

    h, w = clean.shape[:2]
    changed = 0
    for row in table.rows[table.header_rows or 0:]:
        for c in row:
            text = c.text.replace(" ", "")
            if c.bbox is None or not re.match(r"^[-–]\d", text):
                continue
            x0, y0, x1, y1 = (int(round(v / scale)) for v in c.bbox)
            pad = 0 if ruled else 6
            crop = ink_crop(clean, (max(0, x0 - pad), max(0, y0 - pad), min(w, x1 + pad), min(h, y1 + pad)),
                            inset=5 if ruled else 0)
            if crop is None:
                continue
            ink = (crop < 128).astype(np.uint8)
            n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
            comps = [stats[i] for i in range(1, n)]
            height = max(s[3] for s in comps)
            digits = [s for s in comps if s[3] >= 0.55 * height]
            left = [s for s in comps if s[3] < 0.55 * height and s[0] + s[2] <= min(d[0] for d in digits)]
            if not any(s[2] >= 1.5 * s[3] and s[2] >= 0.25 * height for s in left):
                c.text = text[1:]
                changed += 1
    return changed


_ONE_LIKE = re.compile(r"^[1lI|\[\]!]{1,3}\.?$")  # a serifed I reads "]", "[" or "!" too
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def restore_roman(table: RawTable) -> int:
    """Section numbers I, II … of a scanned table's numbering column that OCR
    read as '1' or '11': where the column starts a run 1, 2 … , the cells
    right above that '1' made only of strokes like it ('1', 'l', '|', 'I')
    are the numbers of the sections above it, I, II … in order down the
    column (a cell of two or three strokes is that many). Inferred, so
    their confidence falls below the reporting threshold. The number of
    cells changed."""
    body = [next((c for c in row if c.col == 0), None) for row in table.rows[table.header_rows or 0:]]
    cells = [c for c in body if c is not None and c.text.strip()]
    texts = [c.text.strip().rstrip(".") for c in cells]
    sections: set[int] = set()
    for j in range(len(cells) - 1):
        if texts[j] == "1" and (texts[j + 1] == "2" or texts[j + 1].startswith("1.")):
            k = j - 1
            while k >= 0 and _ONE_LIKE.match(cells[k].text.strip()) and cells[k].confidence is not None:
                sections.add(k)
                k -= 1
    changed = 0
    seen = 0
    for k, cell in enumerate(cells):
        if _ROMAN_READ.match(texts[k]):
            seen += 1  # a section number read right counts too
        if k not in sections:
            continue
        seen += 1
        n = max(seen, len(texts[k]))
        if n <= len(_ROMAN):
            seen = n
            cell.text = _ROMAN[n - 1] + ("." if cell.text.strip().endswith(".") else "")
            cell.confidence = min(cell.confidence, DISAGREEMENT)
            changed += 1
    return changed


_ROMAN_READ = re.compile(r"^(I{2,3}|I?V|VI{1,3}|I?X)$")


def _cannot_be_whole(text: str, value: Decimal | None, others: list[Decimal]) -> bool:
    """A number read without a separator that no writer sets so: a leading
    zero ('084'), or a value far above every other of its column ('576'
    among scores of 6 at most)."""
    if "," in text or "." in text or value is None:
        return False
    if len(text) > 1 and text[0] == "0" and text[1].isdecimal():
        return True
    return len(others) >= 2 and max(others) > 0 and value > FAR_ABOVE * max(others)


def restore_ordinals(table: RawTable) -> int:
    """The numbering column of a scanned table (1, 2, 3 … down its first
    column): a cell between two numbers one apart from the missing one but
    read as something else ('K)' for '3') takes that number, with a
    confidence below the reporting threshold (it is inferred, not read).
    The number of cells changed."""
    body = [next((c for c in row if c.col == 0), None) for row in table.rows[table.header_rows or 0:]]
    cells = [c for c in body if c is not None and c.text.strip()]
    numbers = [int(c.text) if c.text.strip().isdecimal() else None for c in cells]
    if sum(n is not None for n in numbers) < 3:
        return 0
    changed = 0
    for k in range(1, len(cells) - 1):
        before, after, cell = numbers[k - 1], numbers[k + 1], cells[k]
        if (numbers[k] is None and before is not None and after == before + 2
                and cell.confidence is not None and len(cell.text.strip()) <= 3):
            cell.text, numbers[k] = str(before + 1), before + 1
            cell.confidence = min(cell.confidence, DISAGREEMENT)
            changed += 1
    return changed
