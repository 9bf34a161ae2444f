"""Tables of a scan drawn without ruling lines, from the alignment of OCR words.

The same geometric model as a text PDF's table without rules
(:mod:`parsers.pdf_words`): the columns are the x-ranges the body's chunks
cover, a region is a table only with rows of numbers aligned in two columns
or more, rows are anchored by the numbers of the first column, header words
go to the columns they overlap. Its input is built from Tesseract's words
instead of glyphs: each word becomes one glyph-like box (in points), set on
its line's baseline with the height of the page's text, and the words of one
visual line are joined by space glyphs, so the model cuts chunks at the gaps
between columns exactly as on a text layer.

Every cell keeps the lowest confidence of its words; a number cell read
doubtfully is read again (:func:`parsers.ocr_page._reread`) like a cell of
a ruled table.
"""
from __future__ import annotations

import statistics

from reportgen.raw import RawTable

from .ocr_shapes import bracketed
from .pdf_glyphs import chars_to_lines
from .pdf_words import aligned_tables
from .vi_plausibility import rejoined, spaced

NOISE_CONFIDENCE = 60.0  # a mark without letters or digits read below this is a speck
BASELINE_SLACK = 0.25  # of the text height: a word this far off its line's baseline keeps its own
DESCENT = 0.2  # of the text height: how far 'g', 'p', 'ạ' or a bracket reach below the baseline


_BELOW = set("gpqyjQ,;()[]{}|/@$")


def _on_baseline(text: str) -> bool:
    """Whether a word's ink ends on the baseline: no letter reaching below
    it (g, p, y or ý, a comma, a bracket) and no dot below (ạ, ộ, ự); a
    word without a letter or digit (a dash) says nothing of it."""
    import unicodedata

    bare = unicodedata.normalize("NFD", text)  # 'ý', 'ỵ' reach below as 'y' does
    return (any(ch.isalnum() for ch in text)  # a dash stands at mid-height
            and not any(ch in _BELOW for ch in bare) and "\u0323" not in bare)


def _text_height(words: list[dict]) -> float:
    """The height (pixels) of a line of text on the page: the median height
    of the words with letters (digits alone are lower than capitals with
    marks)."""
    tall = [w["bottom"] - w["top"] for w in words if any(ch.isalpha() for ch in w["text"])]
    tall = tall or [w["bottom"] - w["top"] for w in words]
    return float(statistics.median(tall)) if tall else 20.0


def pseudo_glyphs(words: list[dict], scale: float) -> tuple[list[list[dict]], dict[int, dict]]:
    """(visual lines of glyph-like boxes in points, {id(box): word}); each
    line's boxes are joined by space boxes."""
    height = _text_height(words)
    size = height * scale
    baselines: dict[tuple, float] = {}
    by_line: dict[tuple, list[float]] = {}
    for w in words:
        by_line.setdefault((w["block"], w["par"], w["line"]), [])
        if _on_baseline(w["text"]):
            by_line[(w["block"], w["par"], w["line"])].append(w["bottom"])
    for w in words:  # a line of words that all reach below: their bottoms less a descent
        key = (w["block"], w["par"], w["line"])
        if not by_line[key]:
            by_line[key] = [v["bottom"] - DESCENT * height for v in words
                            if (v["block"], v["par"], v["line"]) == key]
    for key, bottoms in by_line.items():
        baselines[key] = float(statistics.median(bottoms))
    boxes, owner = [], {}
    for w in words:
        base = baselines[(w["block"], w["par"], w["line"])]
        if abs(w["bottom"] - base) > BASELINE_SLACK * height and _on_baseline(w["text"]):
            base = w["bottom"]
        bottom = (base + 0.22 * height) * scale
        box = {"text": w["text"], "x0": w["x0"] * scale, "x1": w["x1"] * scale,
               "top": bottom - size, "bottom": bottom, "size": size, "fontname": "OCR"}
        boxes.append(box)
        owner[id(box)] = w
    lines = []
    for ln in chars_to_lines(boxes):
        spaced = []
        for a, b in zip(ln, ln[1:] + [None]):
            spaced.append(a)
            if b is not None:
                spaced.append({"text": " ", "x0": a["x1"], "x1": max(a["x1"], b["x0"]), "top": a["top"],
                               "bottom": a["bottom"], "size": size, "fontname": "OCR"})
        lines.append(spaced)
    return lines, owner


def ocr_aligned_tables(words: list[dict], page: int, scale: float) -> tuple[list[RawTable], set[int]]:
    """Tables without rules among a scanned page's ``words`` (those outside
    its ruled tables) and the indexes of the words they took. Cells carry the
    lowest confidence of their words (a header cell: of the header's)."""
    if len(words) < 6:
        return [], set()
    # marks without a letter or digit read with little confidence are specks
    # of the scan ('—', ':'): they would make a column or a line of their own
    index = {id(w): i for i, w in enumerate(words)}
    words = [w for w in words if any(ch.isalnum() for ch in w["text"]) or w["conf"] >= NOISE_CONFIDENCE]
    lines, owner = pseudo_glyphs(words, scale)
    chars = [c for ln in lines for c in ln]
    tables, taken = aligned_tables(chars, page, lines)
    if not tables:
        return [], set()
    used = {index[id(owner[i])] for i in taken if i in owner}
    placed = [(c, owner[id(c)]) for c in chars if id(c) in taken and id(c) in owner]
    for t in tables:
        _join_wrapped_rows(t, size=_text_height(words) * scale)
        body_top = min((c.bbox[1] for row in t.rows for c in row if c.bbox), default=None)
        head_words = [w for c, w in placed if body_top is not None and c["bottom"] <= body_top + 0.5
                      and _inside_x(c, t.bbox)]
        head_conf = min((w["conf"] for w in head_words), default=None)
        for row in t.rows:
            for cell in row:
                cell.text = bracketed(rejoined(spaced(cell.text)))  # syllables run together, a bracket misread
                if cell.bbox is None:
                    cell.confidence = head_conf if head_conf is not None else 0.0
                    continue
                x0, y0, x1, y1 = cell.bbox
                confs = [w["conf"] for c, w in placed
                         if x0 - 0.5 <= (c["x0"] + c["x1"]) / 2 <= x1 + 0.5
                         and y0 - 0.5 <= (c["top"] + c["bottom"]) / 2 <= y1 + 0.5]
                cell.confidence = min(confs) if confs else 0.0
    return tables, used


def _inside_x(c: dict, bbox) -> bool:
    return bbox is None or bbox[0] - 0.5 <= (c["x0"] + c["x1"]) / 2 <= bbox[2] + 0.5


def _join_wrapped_rows(table: RawTable, size: float) -> None:
    """Rows without a number that only carry the wrapped lines of text
    cells of the numbered row just above (a scan's line spacing wanders too
    much for the rows to be cut by the leading alone) are joined to it."""
    from .pdf_chunks import NUMERIC as _NUMERIC
    from .pdf_grid import join_wrapped

    head = table.header_rows or 0
    fractions = _fraction_columns(table.rows[head:])
    rows = table.rows[:head]
    for row in table.rows[head:]:
        prev = rows[-1] if len(rows) > head else None
        first = next((c for c in row if c.col == 0 and c.text.strip()), None)
        texts = [c for c in row if c.text.strip()]
        by_col = {c.col: c for c in prev} if prev is not None else {}
        if (prev is not None and first is None and texts and row[0].bbox and prev[-1].bbox
                and not any(_NUMERIC.match(c.text.replace(" ", ""))
                            and not _wrapped_fraction(by_col.get(c.col), c, c.col in fractions)
                            for c in texts)
                and min(c.bbox[1] for c in texts) - max(c.bbox[3] for c in prev if c.bbox) < 1.2 * size):
            if all(c.col in by_col and by_col[c.col].colspan == c.colspan and by_col[c.col].text.strip()
                   for c in texts):
                for c in texts:
                    target = by_col[c.col]
                    target.text = join_wrapped(target.text, c.text)
                    if target.bbox and c.bbox:
                        target.bbox = (min(target.bbox[0], c.bbox[0]), target.bbox[1],
                                       max(target.bbox[2], c.bbox[2]), c.bbox[3])
                continue
        rows.append(row)
    for i, row in enumerate(rows):
        for c in row:
            c.row = i
    table.rows = rows


def _fraction_columns(rows: list) -> set[int]:
    """The columns most of whose numbered rows' cells are written x/y (two
    or more; the rows of wrapped lines are not counted)."""
    seen: dict[int, list[bool]] = {}
    for row in rows:
        if not any(c.col == 0 and c.text.strip() for c in row):
            continue
        for c in row:
            if c.text.strip():
                seen.setdefault(c.col, []).append("/" in c.text)
    return {k for k, flags in seen.items() if sum(flags) >= 2 and sum(flags) * 2 >= len(flags)}


def _wrapped_fraction(above, cell, fractions: bool = False) -> bool:
    """Whether ``cell``'s digits are the end of the x/y cell ``above`` them,
    wrapped inside its maximum ('78,73/11' over '9'): the only number a row
    of wrapped lines carries. In a column of x/y cells (``fractions``) the
    cell above may have been read without its slash ('73.9511' for
    '73,95/11')."""
    text = cell.text.replace(" ", "")
    return (above is not None and ("/" in above.text or fractions) and text.isdecimal()
            and above.text.rstrip()[-1:].isdecimal())
