"""Page furniture: what a producer prints on every page around the text
(page numbers, running headers and footers), found by position and by
repetition across pages, and kept out of the paragraphs and the tables.

* :func:`page_number_lines`: on one page, the first or the last visual line
  when it is only a page number ("2", "- 2 -", "Trang 2", "2/5", "Page 2 of
  5") and stands apart from the text next to it. Taken out at the character
  level, before paragraphs and tables are built, so that the number never
  joins a list of names ("2 UBND xã Hòa Lạc").
* :func:`strip_running`: over the whole document, a paragraph at the top or
  the bottom of its page whose text (digits aside) comes back at the same
  place on at least three pages and on at least 40% of them, or on both
  pages of a two-page document at the same height.
* :func:`join_cut_paragraphs`: a paragraph the page break cut in two (the
  last line reached the right margin, the next page goes on without a new
  paragraph's mark) is one paragraph again.
"""
from __future__ import annotations

import re
import unicodedata

from reportgen.raw import RawNote, RawParagraph

from .pdf_glyphs import chars_to_lines, line_text

_PAGE_NUMBER = re.compile(
    r"^[-–—(\[\s]*(trang|page|tr\.)?\s*\d{1,4}\s*((/|of|trên|\|)\s*\d{1,4})?[-–—)\]\s]*$",
    re.IGNORECASE)
EDGE_BAND = 0.16  # of the page height: where running heads and feet are printed
MIN_REPEATS = 3
MIN_SHARE = 0.4


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def page_number_lines(chars: list[dict], height: float, page: int | None = None,
                      lines: list[list[dict]] | None = None) -> tuple[set[int], list[str]]:
    """Ids of the chars of page-number lines at the top or bottom of a page,
    and their texts. A number set apart from the text, or one that is the
    page's own number (``page``) however close the text below it starts
    (LibreOffice sets a header's page field 2 points above a table).
    ``lines``: ``chars_to_lines(chars)`` when the caller has them."""
    if lines is None:
        lines = chars_to_lines(chars)
    lines = [ln for ln in lines if any(not c["text"].isspace() for c in ln)]
    if len(lines) < 2:
        return set(), []
    taken: set[int] = set()
    texts: list[str] = []
    for line, neighbour, at_top in ((lines[0], lines[1], True), (lines[-1], lines[-2], False)):
        text = line_text(line)
        if not is_page_number(text):
            continue
        top = min(c["top"] for c in line)
        bottom = max(c["bottom"] for c in line)
        if at_top and bottom > EDGE_BAND * height or not at_top and top < (1 - EDGE_BAND) * height:
            continue
        size = max(c.get("size") or 10 for c in line)
        gap = (min(c["top"] for c in neighbour) - bottom if at_top
               else top - max(c["bottom"] for c in neighbour))
        own = page is not None and re.findall(r"\d+", text)[:1] == [str(page)]
        if gap < 0.4 * size and not own:
            continue  # part of the text (a number in a list, a table's cell)
        taken |= {id(c) for c in line}
        texts.append(text)
    return taken, texts


def _key(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    return re.sub(r"\s+", "", re.sub(r"\d+", "#", text))


def strip_running(blocks: list, heights: dict[int, float], notes: list[RawNote]) -> list:
    """Blocks without the running heads and feet repeated across pages."""
    by_page: dict[int, list] = {}
    for b in blocks:
        if b.page is not None and b.bbox:
            by_page.setdefault(b.page, []).append(b)
    n_pages = len(heights)
    if n_pages < 2:
        return blocks
    seen: dict[tuple[str, str], set[int]] = {}
    place: dict[tuple[str, str], set[float]] = {}
    where: dict[int, tuple[str, str]] = {}
    for page, items in by_page.items():
        h = heights.get(page) or 842.0
        ordered = sorted(items, key=lambda b: b.bbox[1])
        if len(ordered) < 2:
            continue  # the page's only text is its content, not what frames it
        edge = [(ordered[0], "top")] + [(b, "bottom") for b in ordered[-2:]]
        edge += [(b, "top") for b in ordered[1:2]]
        for b, side in edge:
            if not isinstance(b, RawParagraph) or len(b.text) > 200:
                continue
            inside = b.bbox[3] <= EDGE_BAND * h if side == "top" else b.bbox[1] >= (1 - EDGE_BAND) * h
            if not inside:
                continue
            k = (side, _key(b.text))
            seen.setdefault(k, set()).add(page)
            place.setdefault(k, set()).add(round(b.bbox[1]))
            where[id(b)] = k
    running = {k for k, pages in seen.items()
               if len(pages) >= MIN_REPEATS and len(pages) >= MIN_SHARE * n_pages
               # two pages: on both, at the same height
               or n_pages == 2 and len(pages) == 2 and max(place[k]) - min(place[k]) <= 2}
    out = []
    for b in blocks:
        k = where.get(id(b))
        if k in running:
            notes.append(RawNote(kind="page_furniture", page=b.page,
                                 message=f"Dòng lặp lại ở {'đầu' if k[0] == 'top' else 'cuối'} trang, "
                                         f"không phải nội dung: “{b.text}”",
                                 data={"text": b.text, "bbox": b.bbox}))
            continue
        out.append(b)
    return out


_NEW_PARAGRAPH = re.compile(r"^([-–•+*]\s|\d{1,2}(\.\d{1,2})*\.?\s|[a-zđ]\)\s|[IVX]{1,5}\.\s|[A-ZĐ]{2,}\s)")


def join_cut_paragraphs(blocks: list) -> list:
    """Paragraphs cut by a page break joined: the last body paragraph of a
    page (footnotes in a smaller size may follow it) ends at the right
    margin without closing punctuation, and the first block of the next page
    is a paragraph of the same size and weight that opens no list item or
    heading. A paragraph read by OCR keeps the lower confidence of its two
    parts (a poorly read page is reported, not averaged away)."""
    # the right margin: where the lines of paragraphs of several lines end
    right: dict[int, float] = {}
    for b in blocks:
        if isinstance(b, RawParagraph) and b.page is not None and b.bbox \
                and b.bbox[3] - b.bbox[1] > 1.8 * (b.size or 12):
            right[b.page] = max(right.get(b.page, 0.0), b.bbox[2])
    if not right:
        return blocks
    usual = sorted(right.values())[len(right) // 2]
    for b in blocks:
        if getattr(b, "page", None) is not None and b.page not in right:
            right[b.page] = usual
    out: list = []
    first_on_page: set[int] = set()
    for b in blocks:
        page = getattr(b, "page", None)
        new_page = page is not None and page not in first_on_page
        if page is not None:
            first_on_page.add(page)
        if new_page and isinstance(b, RawParagraph) and page > 1:
            target = _last_body_paragraph(out, page - 1, b)
            if target is not None and _runs_on(target, b, right.get(page - 1)):
                target.text = f"{target.text} {b.text}"
                if b.confidence is not None:  # a poorly read part read by OCR is not hidden by the other
                    target.confidence = min(b.confidence, target.confidence if target.confidence is not None
                                            else b.confidence)
                continue
        out.append(b)
    return out


def _last_body_paragraph(out: list, page: int, like: RawParagraph) -> RawParagraph | None:
    for b in reversed(out):
        if getattr(b, "page", None) != page:
            return None
        if not isinstance(b, RawParagraph):
            return None  # a table ends the page
        if like.size and b.size and b.size < like.size - 0.6:
            continue  # a footnote under the text
        return b
    return None


def _runs_on(prev: RawParagraph, nxt: RawParagraph, right: float | None) -> bool:
    if right is None or not prev.bbox or not nxt.bbox:
        return False
    if prev.size and nxt.size and abs(prev.size - nxt.size) > 0.6 or prev.bold != nxt.bold:
        return False
    if prev.text.rstrip()[-1:] in ".:;!?)”\"" or _NEW_PARAGRAPH.match(nxt.text):
        return False
    size = prev.size or 12
    return prev.bbox[2] >= right - 1.5 * size
