"""Lines of a document as text extraction gives them: Markdown decoration
removed, two-column layouts (a header, a signature block) split into their
columns, capitals recognised. Used by the prose readers."""
from __future__ import annotations

import re
from typing import Iterable

from ..model import Paragraph
from . import collapse_spaces, nfc

# The national motto; a PDF may glue the issuing body to it and drop spaces.
MOTTO = re.compile(r"cộng\s*h(?:òa|oà)\s*xã\s*hội\s*chủ\s*nghĩa|độc\s*lập\s*-\s*tự\s*do", re.I)

_MD_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|>\s+)")
_MD_EMPH = re.compile(r"(\*\*\*|\*\*|__)")


def plain(text: str) -> str:
    """A line without Markdown decoration (headings, bold, italics), spaces
    collapsed, NFC."""
    text = nfc(text.replace("\u00a0", " "))
    text = _MD_PREFIX.sub("", text)
    text = _MD_EMPH.sub("", text)
    text = re.sub(r"(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)", "", text)
    text = text.replace("\\", "")
    return collapse_spaces(text)


def columns(text: str) -> list[str]:
    """A line's column fragments: two-column headers and signature blocks
    extracted as text put the columns on one line, separated by a tab or a
    wide run of spaces."""
    parts = re.split(r"\t+| {3,}", nfc(text.replace("\u00a0", " ")))
    out: list[str] = []
    for part in (plain(x) for x in parts):
        # A PDF may glue the issuer to the motto: "UBND TỈNH LÂM ĐỒNG CỘNG HÒA…".
        m = MOTTO.search(part)
        if m and m.start() > 0 and part[:m.start()].strip():
            out.extend([part[:m.start()].strip(), part[m.start():]])
        elif part:
            out.append(part)
    return out


def lines_of(paragraphs: Iterable[Paragraph]) -> list[tuple[str, Paragraph]]:
    """Every non-empty line fragment, in reading order, with its paragraph."""
    out: list[tuple[str, Paragraph]] = []
    for p in paragraphs:
        for line in p.text.splitlines():
            for frag in columns(line):
                out.append((frag, p))
    return out


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def sentence_span(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """(first, stop) of the sentence holding ``text[start:end]``: from after
    the full stop before it to the full stop after it (semicolons kept).

    >>> t = "Tiếp nhận 705 hồ sơ. Đã giải quyết 690; quá hạn 3. Hết."
    >>> a, b = sentence_span(t, t.index("690")); t[a:b].strip()
    'Đã giải quyết 690; quá hạn 3'
    """
    before = text.rfind(". ", 0, start)
    after = text.find(". ", start if end is None else end)
    return (before + 1 if before >= 0 else 0), (after if after >= 0 else len(text))


def split_sentences(text: str) -> list[str]:
    """Split at a full stop followed by a space and a capital letter."""
    out, start = [], 0
    for m in re.finditer(r"[.!?]+\s+(?=\S)", text):
        nxt = text[m.end():m.end() + 1]
        if nxt.isupper() or nxt == "(":
            out.append(text[start:m.end()].strip())
            start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def blank_brackets(text: str) -> str:
    """``text`` with what each closed pair of round brackets holds (the brackets too) blanked, its length
    kept: the details a figure's brackets give ("1.345 hồ sơ (trực tuyến 810 hồ sơ; trực tiếp 535 hồ sơ)")."""
    out, opened = list(text), []
    for k, ch in enumerate(text):
        if ch == "(":
            opened.append(k)
        elif ch == ")" and opened:
            start = opened.pop()
            if not opened:
                out[start:k + 1] = " " * (k + 1 - start)
    return "".join(out)
