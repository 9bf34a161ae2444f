"""Scanned pages read with ONE Tesseract call per page, and pages in parallel.

The page is prepared as in :mod:`parsers.ocr` (rendered, deskewed,
binarised, specks and ruling lines removed, table cells found from the
lines). Then the whole page is recognised once (Tesseract's TSV: every word
with its box and confidence) and each word goes to the cell that holds its
centre; the words outside the tables are the page's paragraphs. Only the
cells whose reading is doubtful are read again, all of them in two stacked
calls of :mod:`parsers.ocr_cells` (words, then digits only), and a number is
taken when two of the three readings agree:

- a cell with ink but no word, or a word that straddles two cells;
- a word below ``RECHECK`` confidence;
- a cell that looks like a number but is not written like one, or is
  written like a doubtful one ('17.9', '3,712').

So a clean page costs about one plain ``tesseract -l vie`` call plus the
preparation, a poor one a few stacked re-reads more, instead of two or three
Tesseract calls per table. ``ReaderSettings(ocr_engine='cells')`` keeps the
old per-cell reader for every page.

:func:`page_reader` starts the OCR of every scanned page of a PDF at once on
``settings.ocr_threads`` threads (default: the cores; Tesseract runs as
its own process, so threads are enough) and hands each page's result to the
PDF reader when it gets there.
"""
from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Callable

from reportgen.raw import RawCell, RawNote, RawTable

from .ocr_cells import _DOUBTFUL_NUMBER, _NUMBER_FORM, _numberish, ink_crop, is_dash, words_text
from .ocr_check import check_numbers
from .ocr_headers import restore_header, restore_outline
from .ocr_marks import grey_words_image, remark, remark_alone
from .ocr_numbers import (
    drop_stray_signs,
    restore_ordinals,
    restore_roman,
    restore_separators,
    tidy_marks,
)
from .ocr_tesseract import thread_budget, words
from .ocr_text_check import check_texts
from .ocr_votes import _reread
from .pdf_grid import place_cells
from .pdf_text import interleave
from .settings import ReaderSettings

RECHECK = 88.0  # a number read below this confidence goes to the per-cell reader
TEXT_RECHECK = 50.0  # words: only a very poor reading is worth a second look
PAGE_PSM = 6  # one uniform block: every cell's words found (psm 3 drops whole table regions)
STRADDLE = 0.25  # share of a word's width allowed outside its cell


def _owner(word: dict, cells: list) -> tuple[int | None, bool]:
    """(index of the cell holding the word's centre, whether the word runs
    over the cell's edge)."""
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    for k, (_, _, _, _, (x0, y0, x1, y1)) in enumerate(cells):
        if x0 <= cx < x1 and y0 <= cy < y1:
            width = max(1, word["x1"] - word["x0"])
            outside = max(0, x0 - word["x0"]) + max(0, word["x1"] - x1)
            return k, outside > STRADDLE * width
    return None, False


def _doubtful(text: str, conf: float | None, straddles: bool) -> bool:
    if straddles or not text or conf is None:
        return True
    compact = text.replace(" ", "")
    if not any(ch.isalnum() for ch in compact):
        return compact not in ("-", "–")  # '§', '¬', '-.': no writing, a misread digit or dash
    if not _numberish(compact):
        return conf < TEXT_RECHECK
    return conf < RECHECK or not _NUMBER_FORM.match(compact) or bool(_DOUBTFUL_NUMBER.search(text))


def _number_columns(cells: list, found: dict) -> tuple[set[int], int]:
    """(columns whose page readings below the header are numbers in at
    least 3 of 4 cells (3 or more cells read): a short word there ('k)' or
    '§' for a '5' or a '6') is doubtful. The header is the rows above the
    first row read mostly as numbers (its words would outvote a column's
    numbers in a short table); the first row below it)."""
    texts = {k: words_text(found.get(k, []))[0].replace(" ", "") for k in range(len(cells))}
    by_row: dict[int, list[bool]] = {}
    for k, (r0, _, _, _, _) in enumerate(cells):
        if texts[k]:
            by_row.setdefault(r0, []).append(_numberish(texts[k]))
    body = min((r for r, flags in by_row.items() if sum(flags) >= 2 and sum(flags) * 2 >= len(flags)),
               default=0)
    seen: dict[int, list[bool]] = {}
    for k, (r0, c0, _, _, _) in enumerate(cells):
        if texts[k] and r0 >= body:
            seen.setdefault(c0, []).append(_numberish(texts[k]))
    return {c for c, flags in seen.items() if len(flags) >= 3 and sum(flags) * 4 >= len(flags) * 3}, body


def _word_height(words: list[dict]) -> float | None:
    """The page's usual height of a word of letters (the median), or None
    with fewer than ten such words."""
    heights = sorted(w["bottom"] - w["top"] for w in words if sum(ch.isalpha() for ch in w["text"]) >= 2)
    return float(heights[len(heights) // 2]) if len(heights) >= 10 else None


def _misshapen(word: dict, height: float | None) -> bool:
    """Whether a word with a letter or digit is over twice as tall as the
    page's words, or under 0,4 times: the page call ran two lines of a
    wrapped cell into one 'word' ('Luống' 89 px tall over 'UBND' on the line
    above, among words of 30), or read a mark apart from its letters ('ấ'
    7 px tall over 'sac' for 'sắc'); a cell's vertically centred lines throw
    its line finding off. One word of one line is at most about 1,8 times
    the median (a stacked mark over it and a descender under it, 'Ẩng'),
    and a word of small letters about 0,6 ('xa'). The cell is read again
    alone, and the page's reading of it is no vote."""
    if height is None or not any(ch.isalnum() for ch in word["text"]):
        return False
    tall = word["bottom"] - word["top"]
    return tall > 2 * height or (tall < 0.4 * height and any(ch.isalpha() for ch in word["text"]))


def _odd_in_numbers(text: str) -> bool:
    compact = text.replace(" ", "")
    return 0 < len(compact) <= 3 and not _numberish(compact)


def read_page(path: Path, page_index: int, settings: ReaderSettings | Mapping | None):
    """(blocks, notes) of one scanned page, like :func:`parsers.ocr.read_page`."""
    from .ocr import looks_like_text, noise_page_notes, prepare_page, table_cells

    clean, mask, angle, dpi, grey = prepare_page(Path(path), page_index, settings, grey=True)
    if not looks_like_text(clean, dpi):
        return [], noise_page_notes(page_index + 1, angle, dpi, "page")
    scale = 72.0 / dpi
    page = page_index + 1
    page_words = _page_words(clean, mask, grey)
    height = _word_height(page_words)
    free = list(range(len(page_words)))
    tables: list[RawTable] = []
    tables_px: list[tuple[int, int, int, int]] = []
    rereads = 0
    for boxes in table_cells(mask):
        cells, _, xs, ys = place_cells(boxes, tol=dpi / 30)
        x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
        x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
        tables_px.append((x0, y0, x1, y1))
        found: dict[int, list[dict]] = {}
        straddled: set[int] = set()
        rest = []
        for i in free:
            w = page_words[i]
            k, over = _owner(w, cells)
            if k is None:
                cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
                if not (x0 <= cx < x1 and y0 <= cy < y1):
                    rest.append(i)  # outside this table: prose or another table
                continue  # on a ruling line's place: dropped, its cell is re-read below
            found.setdefault(k, []).append(w)
            if over:
                straddled.add(k)
        free = rest
        misshapen = {k for k, ws in found.items() if any(_misshapen(w, height) for w in ws)}
        read: dict[int, tuple[str, float]] = {}
        again = {}
        number_cols, body_row = _number_columns(cells, found)
        for k, (_, c0, _, _, b) in enumerate(cells):
            crop = ink_crop(clean, b)
            if crop is None:
                continue  # no ink: an empty cell, whatever a speck read as
            if is_dash(crop):
                read[k] = ("-", 95.0)
                continue
            text, conf = words_text(found.get(k, []))
            if _doubtful(text, conf, k in straddled) or (c0 in number_cols and _odd_in_numbers(text)) \
                    or k in misshapen:
                again[k] = crop
            else:
                read[k] = (text, conf)
        if again:
            rereads += len(again)
            words_at = {k for k in again if cells[k][1] not in number_cols or cells[k][0] < body_row}
            first = {k: ("", 0.0) if k in misshapen else words_text(found.get(k, [])) for k in again}
            read.update(_reread(again, first, words_at))
        rows: list[list[RawCell]] = [[] for _ in range(len(ys) - 1)]
        for k, (r0, c0, rs, cs, b) in enumerate(cells):
            text, conf = read.get(k, ("", 100.0))
            rows[r0].append(RawCell(text=unicodedata.normalize("NFC", text), row=r0, col=c0, rowspan=rs, colspan=cs,
                                    page=page, bbox=tuple(round(v * scale, 2) for v in b), confidence=conf))
        for r in rows:
            r.sort(key=lambda c: c.col)
        table = RawTable(index=-1, rows=rows, page=page, bbox=(x0 * scale, y0 * scale, x1 * scale, y1 * scale))
        tidy_marks(table)
        check_numbers(table, clean, grey, scale, ruled=True)
        check_texts(table, clean, grey, scale, ruled=True)
        restore_separators(table, clean, scale, ruled=True)
        drop_stray_signs(table, clean, scale, ruled=True)
        restore_ordinals(table)
        restore_roman(table)
        restore_outline(table)
        restore_header(table)
        tables.append(table)
    if free:  # tables without ruling lines among the rest, from the alignment of the words
        free, rereads = _aligned(page_words, free, clean, grey, mask, page, scale, tables, tables_px, rereads)
    paragraphs = _prose(clean, tables_px, page, scale) if free else []
    notes = [RawNote(kind="scanned_page", page=page, message=f"Trang {page} là ảnh quét, đã đọc bằng OCR",
                     data={"deskew_degrees": round(angle, 2), "dpi": dpi, "engine": "page",
                           "cells_reread": rereads})]
    return interleave(paragraphs, tables), notes


def _page_words(clean, mask, grey) -> list[dict]:
    """The page's words read once on the binary page, the marks of those
    with letters read again on the grey one (:mod:`parsers.ocr_marks`)."""
    found = words(clean, PAGE_PSM)
    if any(any(ch.isalpha() for ch in w["text"]) for w in found):
        remark(found, words(grey_words_image(grey, clean, mask, found), PAGE_PSM))
        remark_alone(found, grey)
    return found


def _aligned(page_words: list, free: list[int], clean, grey, mask, page: int, scale: float, tables: list,
             tables_px: list, rereads: int) -> tuple[list[int], int]:
    """Tables without rules among the ``free`` words, added to ``tables``
    (their pixel boxes to ``tables_px``); (the words still free, the cells
    read again so far)."""
    from .ocr_aligned import _text_height, ocr_aligned_tables
    from .ocr_strips import inside, read_strips, text_strips

    free = [i for i in free if _inked(page_words[i], clean)]
    aligned, used = ocr_aligned_tables([page_words[i] for i in free], page, scale)
    strips = text_strips(aligned, scale, clean, _text_height([page_words[i] for i in free]))
    if strips:  # wrapped text columns read again each alone (a browser's centred rows)
        kept = [i for i in free if not inside(page_words[i], strips)]
        again = [w for w in read_strips(strips, clean, lambda ws: grey_words_image(grey, clean, mask, ws))
                 if _inked(w, clean)]
        remark_alone(again, grey)
        aligned, used = ocr_aligned_tables([page_words[i] for i in kept] + again, page, scale)
        free = kept + [-1] * len(again)  # a strip's word is no page word: only counted
    for t in aligned:
        rereads += _reread_aligned(t, clean, scale)
        tidy_marks(t)
        check_numbers(t, clean, grey, scale, ruled=False)
        check_texts(t, clean, grey, scale, ruled=False)
        restore_separators(t, clean, scale, ruled=False)
        drop_stray_signs(t, clean, scale, ruled=False)
        restore_roman(t)
        restore_outline(t)
        restore_header(t)
        tables.append(t)
        tables_px.append(tuple(int(round(v / scale)) for v in t.bbox))
    return [i for j, i in enumerate(free) if j not in used], rereads


def _inked(word: dict, clean) -> bool:
    """Whether a short word stands on ink, and a mark without a letter or
    digit whose ink is one short bar made the dash it is ('_', '¬', 'ˆ' or
    '-' read with little confidence: an empty score's dash, not a speck).
    A word over blank paper ('Ð', '—' read where the noise was cleaned off)
    is nothing: it would make a column of its own."""
    if len(word["text"]) > 2:
        return True
    crop = ink_crop(clean, (max(0, word["x0"] - 2), max(0, word["top"] - 2), word["x1"] + 2, word["bottom"] + 2),
                    inset=0)
    if crop is None:
        return False
    if not any(ch.isalnum() for ch in word["text"]) and is_dash(crop):
        word["text"], word["conf"] = "-", max(word["conf"], 95.0)
    return True


def _reread_aligned(table: RawTable, clean, scale: float, pad: int = 4) -> int:
    """Doubtful cells of a table found without rules read again as
    :func:`_reread` does for a ruled one (the crop is the cell's words' box
    and a margin); the number of cells read again."""
    body = [c for row in table.rows for c in row if c.bbox is not None and c.text.strip()]
    seen: dict[int, list[bool]] = {}
    for c in body:
        seen.setdefault(c.col, []).append(_numberish(c.text.replace(" ", "")))
    number_cols = {k for k, flags in seen.items() if len(flags) >= 3 and sum(flags) * 5 >= len(flags) * 4}
    again, first, cells = {}, {}, {}
    h, w = clean.shape[:2]
    for k, c in enumerate(body):
        if not (_doubtful(c.text, c.confidence, False) or (c.col in number_cols and _odd_in_numbers(c.text))):
            continue
        x0, y0, x1, y1 = (int(round(v / scale)) for v in c.bbox)
        crop = ink_crop(clean, (max(0, x0 - pad - 5), max(0, y0 - pad - 5), min(w, x1 + pad + 5),
                                min(h, y1 + pad + 5)))
        if crop is None:
            continue
        again[k], first[k], cells[k] = crop, (c.text, c.confidence), c
    if again:
        words_at = {k for k in again if cells[k].col not in number_cols}
        for k, (text, conf) in _reread(again, first, words_at).items():
            cells[k].text, cells[k].confidence = unicodedata.normalize("NFC", text), conf
    return len(again)


def _prose(clean, tables_px, page: int, scale: float) -> list:
    """Paragraphs outside the tables, read on the smallest region holding
    their ink with Tesseract's column layout (psm 4), which keeps paragraphs
    apart (the page call reads one uniform block)."""
    import numpy as np

    from .ocr import _paragraphs

    prose = clean.copy()
    for x0, y0, x1, y1 in tables_px:
        prose[y0:y1, x0:x1] = 255
    ys, xs = np.where(prose < 128)
    if len(xs) <= 50:
        return []
    pad = 20
    top, left = max(0, ys.min() - pad), max(0, xs.min() - pad)
    region = prose[top:ys.max() + pad, left:xs.max() + pad]
    found = words(region, 4)
    for w in found:
        w.update(x0=w["x0"] + left, x1=w["x1"] + left, top=w["top"] + top, bottom=w["bottom"] + top)
    return _paragraphs(found, page, scale, prose)


def _threads(settings: ReaderSettings) -> int:
    wanted = settings.ocr_threads
    if wanted:
        return max(1, int(wanted))
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover
        return max(1, os.cpu_count() or 1)


def page_reader(path: Path, scanned: list[int], settings: ReaderSettings | Mapping | None) -> Callable:
    """A ``read(path, page_index, settings)`` for the PDF reader. The OCR of
    the ``scanned`` page indexes (0-based) starts now, on several threads when
    there are several such pages; each call returns its page's result (or
    raises its error) when it is ready."""
    settings = ReaderSettings.of(settings)
    single = read_page if (settings.ocr_engine or "page") == "page" else None
    if single is None:
        from .ocr import read_page as single
    threads = min(_threads(settings), len(scanned))
    if threads < 2:
        return _Reader(single, {})
    from .limits import ocr_budget

    budget = ocr_budget()  # the threads keep the document's time budget even after it ends

    def run(i: int):
        with thread_budget(budget):
            if budget is None:
                return single(path, i, settings)
            budget.start_page(i + 1)  # the page's CPU is this thread's
            try:
                return single(path, i, settings)
            finally:
                budget.end_page()

    pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="rg-ocr")
    futures: dict[int, Future] = {i: pool.submit(run, i) for i in scanned}
    pool.shutdown(wait=False)

    return _Reader(single, futures)


class _Reader:
    """``reader(path, page_index, settings)``: the page's OCR result, from
    its prefetch when one was started; :meth:`cancel` drops the prefetches
    not yet begun, so that a document refused on its first pages does not
    go on being read by the threads after the refusal."""

    def __init__(self, single: Callable, futures: dict[int, Future]):
        self.single, self.futures = single, futures

    def __call__(self, path: Path, page_index: int, settings: ReaderSettings):
        fut = self.futures.pop(page_index, None)
        return fut.result() if fut is not None else self.single(path, page_index, settings)

    def cancel(self) -> None:
        for fut in self.futures.values():
            fut.cancel()
        self.futures.clear()
