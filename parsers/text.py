"""Plain-text reports: decode, trim a scraped web page to its document, and
split the lines into paragraphs and tables.

Text reaches us in four table shapes (recognised in :mod:`parsers.text_tables`):
tab-separated rows, Markdown pipe tables, one cell per line (a web page's
table pasted as text) and whitespace-separated rows wrapped over several lines
(text extracted from a PDF). Paragraph lines wrapped by a PDF extractor are
joined back; Markdown emphasis and heading marks are removed.

Settings (plain dict, all optional): ``trim_web_page`` (default True).
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from reportgen.raw import RawDocument, RawParagraph, UnreadableInput

from . import text_tables
from .settings import ReaderSettings

_MOTTO = re.compile(r"c[ộo]ng\s+h[òo]a\s+x[ãa]\s+h[ộo]i\s+ch[ủu]\s+ngh[ĩi]a\s+vi[ệe]t\s+nam", re.I)
_LIST_START = re.compile(
    r"^([-+•–*]\s|\d+(\.\d+)*\.?\s|[IVXLC]+\.\s|[a-zđ]\)\s|\(|\[\d+\]|[\u00b9\u00b2\u00b3\u2070-\u2079])")
_SENTENCE_END = (".", ";", ":", "!", "?", "…")
_HEADING = re.compile(r"^(#{1,6})\s+")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![*\w])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")


DEFAULTS = {"trim_web_page": True}


def read(path: str | Path, settings: ReaderSettings | Mapping | None = None) -> RawDocument:
    settings = ReaderSettings.of(settings).with_defaults(DEFAULTS)
    path = Path(path)
    text = decode(path.read_bytes(), path)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start, end = (0, len(lines))
    if settings.trim_web_page:
        start, end = document_span(lines)
    doc = RawDocument(source=str(path), format="text")
    doc.properties["lines"] = len(lines)
    if path.suffix.lower() in (".csv", ".tsv"):
        doc.blocks = [text_tables.delimited_table(text, path.suffix.lower())]
        return doc
    if (start, end) != (0, len(lines)):
        doc.properties["skipped_lines"] = [(1, start), (end + 1, len(lines))]
    doc.blocks = scan(lines, start, end)
    doc.page_count = 1 + text.count("\f")
    return doc


# -- decoding ---------------------------------------------------------------

def decode(data: bytes, path: Path | str = "") -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258; NFC."""
    if data.startswith(codecs.BOM_UTF8):
        text = _try(data[3:], "utf-8")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _try(data, "utf-16")
    else:
        text = _try(data, "utf-8")
        if text is None:
            text = _try(data, "cp1258")
    if text is None or _looks_binary(text):
        raise UnreadableInput(f"Tệp không phải văn bản đọc được (có thể là tệp nhị phân hoặc bị hỏng): {path}")
    return unicodedata.normalize("NFC", text)


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_binary(text: str) -> bool:
    if not text.strip():
        return True
    if "\x00" in text:
        return True
    controls = sum(1 for ch in text if unicodedata.category(ch) in ("Cc", "Co", "Cn")
                   and ch not in "\t\n\r\f")
    return controls > max(2, len(text) // 200)


# -- web page trimming -------------------------------------------------------

def document_span(lines: list[str]) -> tuple[int, int]:
    """Lines [start, end) holding the document when it was scraped from a web
    page: from the issuer lines above the national motto, and without the
    site's navigation run at the very end. Other texts are kept whole."""
    motto = next((i for i, line in enumerate(lines[:200]) if _MOTTO.search(line)), None)
    if motto is None:
        return 0, len(lines)
    start = _issuer_start(lines, motto)
    skipped = [line for line in lines[:start] if line.strip()]
    if not skipped or any(len(line.strip()) > 120 for line in skipped):
        return 0, len(lines)
    return start, _navigation_tail(lines, start)


def _issuer_start(lines: list[str], motto: int) -> int:
    start = motto
    i = motto - 1
    while i >= 0:
        s = lines[i].strip()
        if not s:
            i -= 1
            continue
        if _is_caps(s) or re.match(r"^Số\s*:", s):
            start = i
            i -= 1
            continue
        break
    return start


def _navigation_tail(lines: list[str], start: int) -> int:
    """End of the document: before a final run of two or more consecutive
    short lines (site links), when there is one."""
    end = len(lines)
    while end > start and not lines[end - 1].strip():
        end -= 1
    run = end
    while run > start and lines[run - 1].strip() and len(lines[run - 1].strip()) < 80:
        run -= 1
    if end - run >= 2 and not lines[run - 1].strip():
        return run
    return len(lines)


# -- scanning ----------------------------------------------------------------

def scan(lines: list[str], start: int = 0, end: int | None = None) -> list:
    """Paragraphs and tables in document order."""
    end = len(lines) if end is None else end
    indent_style = _indent_style(lines[start:end])
    blocks: list = []
    pending: dict | None = None  # paragraph being assembled
    blank_run = 0
    page = 1
    i = start
    n_tables = 0
    while i < end:
        line = lines[i]
        page += line.count("\f")
        line = line.replace("\f", "")
        if not line.strip():
            blank_run += 1
            i += 1
            continue
        found = text_tables.detect(lines, i, end)
        if found is not None and text_tables.is_layout(found[0]):
            pending = _flush(blocks, pending)
            for row in found[0].rows:
                for cell in row:
                    if cell.text.strip():
                        clean, marks = strip_markdown(cell.text)
                        _flush(blocks, {"text": clean.strip(), "raw": cell.text, "page": page, **marks})
            i = found[1]
            blank_run = 0
            continue
        if found is not None:
            table, i = found
            table.index = n_tables
            table.page = page
            n_tables += 1
            pending = _flush(blocks, pending)
            blocks.append(table)
            blank_run = 0
            continue
        clean, marks = strip_markdown(line)
        if pending is not None and blank_run <= 1 and _continues(pending, line, clean, indent_style):
            pending["text"] = pending["text"].rstrip() + " " + clean.strip()
            pending["raw"] = line
        else:
            pending = _flush(blocks, pending)
            pending = {"text": clean.strip(), "raw": line, "page": page, "line": i + 1, **marks}
        blank_run = 0
        i += 1
    _flush(blocks, pending)
    for index, block in enumerate(b for b in blocks if isinstance(b, RawParagraph)):
        block.index = index
    return blocks


def _flush(blocks: list, pending: dict | None) -> None:
    if pending and pending["text"]:
        blocks.append(RawParagraph(text=re.sub(r"[ \t]+", " ", pending["text"]), index=0,
                                   page=pending["page"], bold=pending.get("bold"),
                                   italic=pending.get("italic"), style=pending.get("style")))
    return None


def _indent_style(lines: list[str]) -> bool:
    """True when paragraphs are marked by an indent (text from a PDF): most
    lines that follow the end of a sentence are indented."""
    body = [line for line in lines if line.strip() and "\t" not in line]
    starts = [b for a, b in zip(body, body[1:]) if a.rstrip().endswith(_SENTENCE_END)]
    if len(starts) < 3:
        return False
    indented = sum(1 for line in starts if line[:1] in (" ", "\u00a0"))
    return indented >= 0.5 * len(starts)


def _continues(pending: dict, line: str, clean: str, indent_style: bool) -> bool:
    """Whether a line is the wrapped continuation of the paragraph before it."""
    prev = pending["text"].rstrip()
    s = clean.strip()
    if not prev or pending.get("style") or _LIST_START.match(s) or _is_caps(prev) or _is_caps(s):
        return False
    if s[:1].islower() and not prev.endswith((".", ":", "!", "?", "…")):
        return True
    if prev.endswith(_SENTENCE_END):
        return False
    return indent_style and line[:1] not in (" ", "\u00a0", "\t")


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def strip_markdown(line: str) -> tuple[str, dict]:
    """A line without Markdown marks (``**``, ``#``, ``*italic*``, ``<url>``),
    and what the marks said (bold, italic, heading style)."""
    marks: dict = {}
    s = line.strip()
    m = _HEADING.match(s)
    if m:
        marks["style"] = f"Heading {len(m.group(1))}"
        s = s[m.end():]
    if s.startswith(("**", "__")) and s.rstrip().endswith(("**", "__")) and len(s) > 4:
        marks["bold"] = True
    if s.startswith("***") or (s.startswith("*") and not s.startswith("**") and s.endswith("*")):
        marks["italic"] = True
    s = s.replace("***", "").replace("**", "")
    s = _ITALIC.sub(r"\1", s)
    if s.startswith("*") and s.endswith("*") and len(s) > 2:
        s = s[1:-1]
    s = _AUTOLINK.sub(r"\1", s)
    s = s.replace("\\.", ".").replace("\\-", "-").replace("\\*", "*")
    return s, marks
