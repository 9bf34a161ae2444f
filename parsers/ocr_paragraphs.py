"""Paragraphs of a scanned page cut as a text layer's are: Tesseract joins a
list item, a numbered heading or a title in capitals to the line above when
they stand at line spacing."""
from __future__ import annotations

import re

from .pdf_text import LIST_START


def items_apart(lines: list[list[dict]]) -> list[list[list[dict]]]:
    """A paragraph of Tesseract's cut before each line that opens a list item
    or a numbered heading ("- 02 đơn vị xếp loại …", "1.2. UBND các xã …",
    "2. Đánh giá chung"), as the text layer's reader cuts it: Tesseract joins
    such a line to the one above when they stand at line spacing. A line
    opened by a bare number ("15 đơn vị …") is cut only after a sentence's end.
    A line in capitals stands apart from lines in small letters too (the
    date line, "BÁO CÁO", then the title's words), and a line after one that
    ended short of the paragraph's right edge starts anew."""
    out: list[list[list[dict]]] = []
    caps_before = False
    right = max((w["x1"] for ln in lines for w in ln), default=0)
    for ln in lines:
        text = " ".join(w["text"] for w in ln)
        m = LIST_START.match(text)
        opens = m is not None and (not re.fullmatch(r"\d{1,2}\s", m.group(0))
                                   or (out and out[-1][-1][-1]["text"][-1:] in ".:;!?"))
        caps = _capitals(text)
        if out and not opens and caps == caps_before and not _short(out[-1][-1], ln, right):
            out[-1].append(ln)
        else:
            out.append([ln])
        caps_before = caps
    return out


def _short(prev: list[dict], line: list[dict], right: float) -> bool:
    """Whether the line above ended with room for this line's first word: it
    ended its paragraph (a heading on a line of its own, "1.1. Các cơ quan
    chuyên môn thuộc UBND huyện", above the text under it)."""
    height = max(w["bottom"] - w["top"] for w in line)
    first = line[0]["x1"] - line[0]["x0"]
    return max(w["x1"] for w in prev) + 0.3 * height + first < right - 0.5 * height


def _capitals(text: str) -> bool:
    """A line in capitals (a document's kind, "BÁO CÁO", "THÔNG BÁO"): a
    title of its own, apart from the lines in small letters around it."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)
