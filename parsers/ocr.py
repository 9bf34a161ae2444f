"""Scanned pages: rasterise, straighten, find the table grid, recognise text.

A page is read by OCR when it carries a picture and has no text layer, or a
text layer that is not Vietnamese (a scanner's own poor OCR under the image,
e.g. "DQc l$p - Tg do - H4nh phric"): see :func:`needs_ocr`. The page is
rendered by pypdfium2 (300 dpi), deskewed (the angle that makes the rows of ink
sharpest), binarised and cleared of specks; its ruling lines are found with
OpenCV morphology (long horizontal and vertical runs) and the regions they
enclose are the table cells, placed on a grid with spans like a text-layer
table. Every cell is read on its own by Tesseract (``vie``; see
:mod:`parsers.ocr_cells`) and keeps its confidence in ``RawCell.confidence``;
the text outside tables is read as paragraphs (psm 4).

Low-confidence cells become ``RawNote(kind='ocr_low_confidence')`` with the
final table, row and column (see :func:`low_confidence_notes`); so does a
paragraph whose mean word confidence (weighted by letters), or the
confidence of a word of it holding a digit, is below the threshold, with its
index in ``data['paragraph']``, so that a poorly read scan, or a figure of
its prose read poorly, never passes silently. The reader
maps each such note to a warning finding::

    Finding(code='OCR_UNCERTAIN', severity='warning', table=note.table,
            row=<score row of note.row>, column=<column key of note.col>,
            page=note.page, reported=note.data['text'],
            message=f"Ô đọc bằng OCR không chắc chắn (độ tin cậy "
                    f"{note.data['confidence']:.0f}%): '{note.data['text']}'")
"""
from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import Path

from reportgen.raw import RawCell, RawDocument, RawNote, RawParagraph, RawTable

from .limits import capped_dpi, limits_of
from .ocr_cells import ink_crop, read_cells, words
from .ocr_columns import column_blocks
from .ocr_paragraphs import items_apart
from .pdf_damage import layer_text
from .pdf_grid import place_cells
from .pdf_text import interleave
from .settings import ReaderSettings
from .vi_plausibility import plausibility, rejoined, spaced

DPI = 300
MIN_CONFIDENCE = 85.0  # below this a cell is reported as uncertain
PLAUSIBLE = 0.6  # share of Vietnamese syllables a real text layer reaches


def needs_ocr(chars: list[dict]) -> bool:
    """No text, or text that is not Vietnamese."""
    text = layer_text(chars)
    if len(text.strip()) < 3:
        return True
    score, n = plausibility(text)
    return n >= 20 and score < PLAUSIBLE


def render(path: Path, page_index: int, dpi: int = DPI):
    """The page as a grayscale numpy array."""
    import numpy as np

    from .pdfium_lock import opened

    with opened(path) as doc:
        img = doc[page_index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    return np.asarray(img)


def page_dpi(path: Path, page_index: int, dpi: int, limits) -> int:
    """``dpi``, lowered for a page so large its image would pass
    ``limits.page_pixels`` (see :func:`parsers.limits.capped_dpi`)."""
    from .pdfium_lock import opened

    with opened(path) as doc:
        width, height = doc[page_index].get_size()
    return max(1, int(capped_dpi(width, height, dpi, limits)))


def skew_angle(gray, max_angle: float = 3.0, step: float = 0.1) -> float:
    """The rotation (degrees) that makes the horizontal ink profile sharpest."""
    import cv2
    import numpy as np

    small = cv2.resize(gray, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    ink = (small < 160).astype(np.float32)
    h, w = ink.shape
    best, best_score = 0.0, -1.0
    for angle in np.arange(-max_angle, max_angle + step / 2, step):
        m = cv2.getRotationMatrix2D((w / 2, h / 2), float(angle), 1.0)
        rows = cv2.warpAffine(ink, m, (w, h), flags=cv2.INTER_NEAREST).sum(axis=1)
        score = float((np.diff(rows) ** 2).sum())
        if score > best_score:
            best, best_score = float(angle), score
    return best


def deskew(gray):
    import cv2

    angle = skew_angle(gray)
    if abs(angle) < 0.05:
        return gray, 0.0
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_CUBIC, borderValue=255), angle


def _despeckle(binary, max_area: int = 4):
    """Drop isolated specks of a few pixels (scanner noise), keep commas."""
    import cv2

    n, labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    small = stats[:, cv2.CC_STAT_AREA] <= max_area
    small[0] = False
    out = binary.copy()
    out[small[labels]] = 0
    return out


def grid_lines(binary):
    """Mask of the ruling lines (long horizontal and vertical ink runs)."""
    import cv2

    h, w = binary.shape
    horiz = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(w // 40, 20), 1)))
    tall = max(h // 80, 15)
    vert = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, tall)))
    vert = _ruled_verticals(vert, horiz, tall)
    mask = cv2.dilate(cv2.bitwise_or(horiz, vert), cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    return mask


def _ruled_verticals(vert, horiz, tall: int, reach: int = 6):
    """The vertical runs that are ruling lines: those that meet a horizontal
    rule at both ends (a column's rule runs from one row's rule to
    another's) and those more than twice ``tall`` long. A glyph's stem as
    tall as a short rule (the 'p' of 'pháp' at 11 pt on a landscape page)
    meets at most the rule under a tight row, and taking it for a rule
    erased it ('›há›')."""
    import cv2
    import numpy as np

    n, labels, stats, _ = cv2.connectedComponentsWithStats(vert, connectivity=8)
    if n < 2:
        return vert
    near = cv2.dilate(horiz, cv2.getStructuringElement(cv2.MORPH_RECT, (2 * reach + 1, 2 * reach + 1))) > 0
    keep = np.zeros(n, dtype=bool)
    for i in range(1, n):
        x, y, w, h = stats[i, :4]
        if h > 2 * tall or (near[y, x:x + w].any() and near[y + h - 1, x:x + w].any()):
            keep[i] = True
    return np.where(keep[labels], vert, 0).astype(vert.dtype)


def table_cells(mask) -> list[list[tuple[int, int, int, int]]]:
    """Cell boxes (x0, y0, x1, y1 in pixels) of each table the lines enclose."""
    import cv2

    tables = []
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    for i in range(1, n):
        x, y, w, h, area = stats[i]
        if w < 200 or h < 60:
            continue
        region = (labels[y:y + h, x:x + w] == i).astype("uint8") * 255
        inside = cv2.bitwise_not(region)
        m, cl, cs, _ = cv2.connectedComponentsWithStats(inside, connectivity=4)
        boxes = []
        for j in range(1, m):
            cx, cy, cw, ch, carea = cs[j]
            if cw < 12 or ch < 12 or cx == 0 or cy == 0 or cx + cw >= w or cy + ch >= h:
                continue  # slivers and the area outside the frame
            boxes.append((int(x + cx), int(y + cy), int(x + cx + cw), int(y + cy + ch)))
        if len(boxes) >= 4:
            tables.append(boxes)
    return tables


DEFAULTS = {"ocr_dpi": DPI, "ocr_despeckle": 6}


def prepare_page(path: Path, page_index: int, settings: ReaderSettings | Mapping | None, grey: bool = False):
    """(clean, mask, angle, dpi) of one scanned page: rendered within the pixel
    limit, deskewed, binarised and despeckled; ``mask`` holds the ruling lines
    and ``clean`` the text without them. With ``grey``, the deskewed grey
    page comes fifth (:mod:`parsers.ocr_marks` reads the marks there)."""
    import cv2

    settings = ReaderSettings.of(settings).with_defaults(DEFAULTS)
    dpi = page_dpi(path, page_index, settings.ocr_dpi, limits_of(settings.as_dict()))
    gray, angle = deskew(render(path, page_index, dpi))
    binary = cv2.threshold(cv2.GaussianBlur(gray, (3, 3), 0), 0, 255,
                           cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    binary = _despeckle(binary, settings.ocr_despeckle)
    mask = grid_lines(binary)
    clean = 255 - binary
    clean[mask > 0] = 255  # text without the ruling lines
    return (clean, mask, angle, dpi, gray) if grey else (clean, mask, angle, dpi)


# A page of text has rows of blank paper between its lines of ink, a few
# thousand glyphs and little ink; a page of noise (random dots, a halftone)
# has ink in every row and either ten times the specks or, where they merge
# into blobs, several times the ink. Measured on the seeds' scans and a real
# scanned notice: blank rows 24-71 %, 2-6 components per 1000 pt², ink 3-10 %;
# random dots of 5-80 % cover: no blank row, 8-77 components, ink 6-56 %.
# Tesseract spends minutes on such a page and reads nothing.
MIN_BLANK_ROWS = 0.02      # share of pixel rows (page margins left out) with no ink
MAX_SPECK_DENSITY = 25.0   # ink components per 1000 pt² of page
MAX_INK = 0.25             # share of the page that is ink


def looks_like_text(clean, dpi: int) -> bool:
    """Whether a cleaned page (:func:`prepare_page`) can hold lines of text:
    blank rows between lines, or the glyph density and ink of a page of print.
    The outer tenth of each side is left out of the blank rows, where a
    scanner's shadow or a punched margin darkens every row."""
    import cv2
    import numpy as np

    ink = (clean < 128).astype(np.uint8)
    if not ink.any():
        return True  # a blank page: cheap to read, nothing to refuse
    width = ink.shape[1]
    middle = ink[:, width // 10: width - width // 10]
    if float((middle.mean(axis=1) < 0.002).mean()) >= MIN_BLANK_ROWS:
        return True
    if float(ink.mean()) > MAX_INK:
        return False
    components = cv2.connectedComponents(ink, connectivity=8)[0] - 1
    area_pt2 = clean.size / (dpi / 72.0) ** 2
    return components / area_pt2 * 1000 <= MAX_SPECK_DENSITY


def noise_page_notes(page: int, angle: float, dpi: int, engine: str) -> list[RawNote]:
    """The notes of a scanned page left unread because it is not text."""
    return [RawNote(kind="scanned_page", page=page, message=f"Trang {page} là ảnh quét",
                    data={"deskew_degrees": round(angle, 2), "dpi": dpi, "engine": engine}),
            RawNote(kind="page_not_text", page=page,
                    message=f"Trang {page} là ảnh quét không giống văn bản (nhiễu, ảnh chụp hoặc quá mờ): "
                            "không nhận dạng chữ được, nội dung trang chưa được kiểm tra")]


def read_page(path: Path, page_index: int, settings: ReaderSettings | Mapping | None):
    """(blocks, notes) of one page read by OCR."""
    clean, mask, angle, dpi = prepare_page(path, page_index, settings)
    if not looks_like_text(clean, dpi):
        return [], noise_page_notes(page_index + 1, angle, dpi, "cells")
    scale = 72.0 / dpi
    page = page_index + 1
    tables = []
    prose = clean.copy()
    for boxes in table_cells(mask):
        cells, slot, xs, ys = place_cells(boxes, tol=dpi / 30)
        x0 = min(b[0] for b in boxes); y0 = min(b[1] for b in boxes)
        x1 = max(b[2] for b in boxes); y1 = max(b[3] for b in boxes)
        prose[y0:y1, x0:x1] = 255
        crops = {}
        for k, (_, _, _, _, b) in enumerate(cells):
            crop = ink_crop(clean, b)
            if crop is not None:
                crops[k] = crop
        read = read_cells(crops)
        rows: list[list[RawCell]] = [[] for _ in range(len(ys) - 1)]
        for k, (r0, c0, rs, cs, b) in enumerate(cells):
            text, conf = read.get(k, ("", 100.0))
            rows[r0].append(RawCell(text=unicodedata.normalize("NFC", text), row=r0, col=c0,
                                    rowspan=rs, colspan=cs, page=page,
                                    bbox=tuple(round(v * scale, 2) for v in b), confidence=conf))
        for r in rows:
            r.sort(key=lambda c: c.col)
        tables.append(RawTable(index=-1, rows=rows, page=page,
                               bbox=(x0 * scale, y0 * scale, x1 * scale, y1 * scale)))
    paragraphs = []
    if (prose < 128).sum() > 50:
        paragraphs = _paragraphs(words(prose, 4), page, scale, prose)
    notes = [RawNote(kind="scanned_page", page=page,
                     message=f"Trang {page} là ảnh quét, đã đọc bằng OCR",
                     data={"deskew_degrees": round(angle, 2), "dpi": dpi})]
    return interleave(paragraphs, tables), notes


def _paragraphs(words: list[dict], page: int, scale: float, image=None) -> list[RawParagraph]:
    """Paragraphs of a page's prose words: Tesseract's paragraphs, but the
    lines of a two-column block (the header's issuer beside the motto,
    :func:`parsers.ocr_columns.column_blocks`) read column by column, a
    paragraph a line, where the block stands."""
    blocks, words = column_blocks(words, image)
    groups: dict[tuple, list[dict]] = {}
    for w in words:
        groups.setdefault((w["block"], w["par"]), []).append(w)
    items = []
    for ws in groups.values():
        lines: dict[int, list[dict]] = {}
        for w in ws:
            lines.setdefault(w["line"], []).append(w)
        for part in items_apart([sorted(ln, key=lambda w: w["x0"]) for _, ln in sorted(lines.items())]):
            items.append((min(w["top"] for ln in part for w in ln), part))
    for block in blocks:
        top = min(w["top"] for ln in block for w in ln)
        items += [(top, [ln]) for ln in block]  # in the block's reading order (the sort is stable)
    return [_paragraph(lines, page, scale) for _, lines in sorted(items, key=lambda item: item[0])]


def _paragraph(lines: list[list[dict]], page: int, scale: float) -> RawParagraph:
    ws = [w for ln in lines for w in ln]
    text = " ".join(" ".join(w["text"] for w in ln) for ln in lines)
    bbox = (min(w["x0"] for w in ws) * scale, min(w["top"] for w in ws) * scale,
            max(w["x1"] for w in ws) * scale, max(w["bottom"] for w in ws) * scale)
    letters = sum(len(w["text"]) for w in ws) or 1
    conf = sum(w["conf"] * len(w["text"]) for w in ws) / letters
    # a figure read poorly is not averaged away by the words around it:
    # the checks take the figures of prose ('11/15', '73,33%') as read
    conf = min([conf] + [w["conf"] for w in ws if any(ch.isdecimal() for ch in w["text"])])
    return RawParagraph(text=rejoined(spaced(unicodedata.normalize("NFC", text))), index=-1, page=page,
                        bbox=tuple(round(v, 2) for v in bbox), confidence=round(conf, 1))


def low_confidence_notes(doc: RawDocument, min_confidence: float = MIN_CONFIDENCE) -> list[RawNote]:
    """One note per OCR cell below the confidence threshold, located by the
    final (merged) table, row and column."""
    notes = []
    for t in doc.tables:
        for row in t.rows:
            for c in row:
                if c.confidence is not None and c.confidence < min_confidence:
                    notes.append(RawNote(
                        kind="ocr_low_confidence", page=c.page, table=t.index, row=c.row,
                        col=c.col,
                        message=f"Ô đọc bằng OCR không chắc chắn (độ tin cậy {c.confidence:.0f}%)",
                        data={"text": c.text, "confidence": c.confidence, "bbox": c.bbox}))
    for p in doc.paragraphs:
        if p.confidence is not None and p.confidence < min_confidence:
            quoted = p.text if len(p.text) <= 80 else p.text[:77] + "…"
            notes.append(RawNote(
                kind="ocr_low_confidence", page=p.page,
                message=f"Đoạn văn đọc bằng OCR không chắc chắn (độ tin cậy {p.confidence:.0f}%), "
                        f"cần đối chiếu bản gốc: “{quoted}”",
                data={"text": quoted, "confidence": p.confidence, "bbox": p.bbox,
                      "paragraph": p.index}))
    return notes
