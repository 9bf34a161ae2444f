"""Mutations of an original text PDF (not a rendition of a DOCX): one digit of
a number rewritten in the page's content stream, where the number is drawn
with a simple (one byte a character, WinAnsi) font as a literal string of a
``Tj`` or ``TJ`` operator — the least invasive change that keeps the page as
its producer wrote it (fonts, positions, every other glyph). Numbers drawn
with a two-byte (Identity-H) font are left alone: their bytes are glyph ids,
not digits.

Which numbers: those written exactly as a cell a relation checked on the
unchanged document, or as a prose figure a rule checked, when that written
form belongs to one cell or one claim only (so the row, or the paragraph, is
known). The first digit of the integer part changes, which is a clear slip.

Scoring (against the unchanged PDF's findings): caught when a new error
names the cell's unit or the claim's paragraph, or quotes the new number;
elsewhere, warned and missed as for the other mutations.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

_NUMBER = re.compile(rb"(?<![\d.,])\d{1,3}(?:[.,]\d{1,3})?(?![\d])")


@dataclass
class PdfMutation:
    path: Path
    page: int  # 0-based page of the content stream
    op: int  # index of the operation in the page's content
    piece: int  # index of the string in a TJ array (0 for Tj)
    at: int  # byte offset of the digit in that string
    old: str  # the number as written
    new: str
    unit: str | None  # the row's unit, for a table cell
    paragraph: int | None  # the claim's paragraph, for a prose figure
    kind: str  # "table" or "prose"


def _targets(path: Path) -> dict[str, tuple[str, str | None, int | None]]:
    """Written number → (kind, unit, paragraph) for the checked cells and
    claims whose written form is theirs alone."""
    report = read_path(path)
    ctx = CheckContext()
    run_checks(report, ctx)
    seen: dict[str, list[tuple[str, str | None, int | None]]] = {}
    for t in report.tables:
        entry = ctx.ledger.tables.get(t.index)
        for i, row in enumerate(t.rows):
            for key, text in row.raw.items():
                text = (text or "").strip().rstrip("%").strip()
                if not re.fullmatch(r"\d{1,3}(?:[.,]\d{1,3})?", text):
                    continue
                checked = entry is not None and (i, key) in entry.checked_cells
                where = ("table", row.unit, None) if checked else ("other", None, None)
                seen.setdefault(text, []).append(where)
    for k, st in enumerate(report.statements):
        claim = ctx.ledger.claims.get(ctx.ledger._member_of.get(k, k))
        for text in re.findall(r"\d{1,3}(?:[.,]\d{1,3})?(?=\s*%)", st.text) if st.kind in ("percent", "share") else []:
            where = ("prose", None, st.paragraph) if claim is not None and claim.relations else ("other", None, None)
            seen.setdefault(text, []).append(where)
    return {text: ws[0] for text, ws in seen.items() if len(set(ws)) == 1 and ws[0][0] != "other"}


def _simple_fonts(page) -> set[str]:
    fonts = page.get("/Resources", {}).get("/Font", {}) if page.get("/Resources") else {}
    out = set()
    for name, ref in fonts.items():
        font = ref.get_object()
        if font.get("/Subtype") != "/Type0":
            out.add(name)
    return out


def _bytes(obj) -> bytes | None:
    from pypdf.generic import ByteStringObject, TextStringObject

    if isinstance(obj, TextStringObject):
        return obj.get_original_bytes()
    if isinstance(obj, ByteStringObject):
        return bytes(obj)
    return None


def _neighbour(pieces, j: int, step: int) -> bytes:
    while 0 <= j < len(pieces):
        data = _bytes(pieces[j])
        if data is not None:
            return data
        j += step  # a kerning number between two strings
    return b""


def _ends_number(pieces, j: int) -> bool:
    return bool(re.search(rb"[\d.,]$", _neighbour(pieces, j, -1)))


def _starts_number(pieces, j: int) -> bool:
    return bool(re.match(rb"[\d.,]", _neighbour(pieces, j, 1)))


def candidates(path: Path, limit: int | None = None, seed: int = 0) -> list[PdfMutation]:
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    targets = _targets(path)
    reader = PdfReader(str(path))
    out: list[PdfMutation] = []
    for pno, page in enumerate(reader.pages):
        simple = _simple_fonts(page)
        font = None
        content = ContentStream(page.get_contents(), reader)
        for k, (operands, op) in enumerate(content.operations):
            if op == b"Tf" and operands:
                font = operands[0]
                continue
            if op not in (b"Tj", b"TJ") or font not in simple:
                continue
            pieces = operands[0] if op == b"TJ" else [operands[0]]
            for j, piece in enumerate(pieces):
                data = _bytes(piece)
                if data is None:
                    continue
                for m in _NUMBER.finditer(data):
                    if (m.start() == 0 and _ends_number(pieces, j - 1)) or \
                            (m.end() == len(data) and _starts_number(pieces, j + 1)):
                        continue  # a number split between two strings of a TJ array: not this one alone
                    text = m.group(0).decode("latin-1")
                    hit = targets.get(text)
                    if hit is None:
                        continue
                    first = int(text[0])
                    new_digit = (first + 5) % 10 or 4
                    if new_digit == first or (new_digit == 0 and len(text.split(",")[0].split(".")[0]) > 1):
                        continue
                    new = str(new_digit) + text[1:]
                    out.append(PdfMutation(path, pno, k, j, m.start(), text, new, hit[1], hit[2], hit[0]))
    rnd = random.Random(seed)
    rnd.shuffle(out)
    return out[:limit] if limit else out


def write_mutated(m: PdfMutation, out_dir: Path, stem: str | None = None) -> Path:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ByteStringObject, ContentStream

    reader = PdfReader(str(m.path))
    writer = PdfWriter(clone_from=reader)
    page = writer.pages[m.page]
    content = ContentStream(page.get_contents(), writer)
    operands, op = content.operations[m.op]
    pieces = operands[0] if op == b"TJ" else operands
    index = m.piece if op == b"TJ" else 0
    data = _bytes(pieces[index])
    if data is None or data[m.at:m.at + len(m.old)].decode("latin-1") != m.old:
        raise ValueError("number not found in the content stream")
    pieces[index] = ByteStringObject(data[:m.at] + m.new.encode("latin-1") + data[m.at + len(m.old):])
    page.replace_contents(content)
    target = out_dir / ((stem or m.path.stem) + ".pdf")
    with open(target, "wb") as fh:
        writer.write(fh)
    return target


def _value(text: str | None) -> Decimal | None:
    if not text:
        return None
    try:
        return Decimal(text.replace(".", "").replace(",", ".")) if "," in text else Decimal(text)
    except ArithmeticError:
        return None


def outcome(m: PdfMutation, baseline: list, findings: list) -> str:
    def key(f):
        return (f.code, str(f.severity), f.unit, f.column, f.reported, f.paragraph)

    known = {key(f) for f in baseline}
    new = [f for f in findings if key(f) not in known]
    errors = [f for f in new if f.severity == "error"]
    value = _value(m.new)

    def about(f) -> bool:
        if m.unit and f.unit == m.unit:
            return True
        if m.paragraph is not None and f.paragraph == m.paragraph:
            return True
        return m.new in (f.message or "") or (value is not None and _value(f.reported) == value)

    if any(about(f) for f in errors):
        return "caught"
    if errors:
        return "elsewhere"
    return "warned" if new else "missed"


def verify_findings(path: Path) -> list:
    return run_checks(read_path(path), CheckContext())
