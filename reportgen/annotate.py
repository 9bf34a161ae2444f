"""An annotated copy of a submitted DOCX: a Word comment on each table cell or
paragraph a finding points at, in Vietnamese, saying what was written and
what it should be. The original is never touched; the copy is written
atomically.

A finding on a whole table (a table that could not be checked) is placed on
the table's first cell. A finding on a table row (``table``/``row``/``column``) is placed on the cell
through the Report that was read from the same file: the ScoreTable's raw
table (``source_table``, or the table that continues it), the row's raw row
(``source_row``) and the column's raw column (``source_cols``; the unit's
name cell when the column is unknown). A finding on a paragraph
(``paragraph`` = the raw paragraph index) is placed on that paragraph. The
locations come from the same walk the DOCX parser makes
(:func:`parsers.docx.locate`), so indices agree.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from parsers.settings import ReaderSettings

from .files import atomic_path
from .model import Finding, Report, Severity
from .numbers import plain_to_vi
from .raw import RawDocument, UnreadableInput
from .text import collapse_spaces

AUTHOR, INITIALS = "reportgen", "RG"
_SEVERITY = {str(s): s.label for s in Severity}  # the one label: "Lỗi", "Cảnh báo", "Thông tin"


def comment_text(finding: Finding) -> str:
    """'Lỗi (TOTAL_MISMATCH): Tổng điểm ghi 58,69 … Đã ghi: 58,69. Nên là: 58,94.'"""
    message = finding.message.strip()
    text = f"{_SEVERITY.get(finding.severity, finding.severity)} ({finding.code}): {message}"
    tail = []
    for label, value in (("Đã ghi", finding.reported), ("Nên là", finding.expected)):
        if value is None:
            continue
        shown = plain_to_vi(value)
        if shown not in message and value not in message:
            tail.append(f"{label}: {shown}.")
    if tail:
        text = (text if text.endswith((".", "!", "?")) else text + ".") + " " + " ".join(tail)
    return text


def _fold(text: str) -> str:
    return collapse_spaces(text or "").casefold()


def _raw_row(raw: RawDocument, report: Report, finding: Finding) -> tuple[int, int, int] | None:
    """(raw table index, raw row, raw column) of the cell a table finding means."""
    if finding.table is None or finding.table >= len(report.tables):
        return None
    table = report.tables[finding.table]
    if finding.row is None:  # about the whole table (TABLE_UNCHECKED): its first cell
        raws = list(raw.tables)
        if table.source_table is None or table.source_table >= len(raws):
            return None
        return raws[table.source_table].index, 0, 0
    if finding.row >= len(table.rows) or table.source_table is None:
        return None
    row = table.rows[finding.row]
    if row.source_row is None:
        return None
    raws = list(raw.tables)
    unit = _fold(row.unit)
    chosen = None
    for raw_table in raws[table.source_table:]:
        grid = raw_table.grid()
        if row.source_row < len(grid) and unit and any(unit and unit in _fold(c) for c in grid[row.source_row]):
            chosen = raw_table
            break
    if chosen is None:
        if table.source_table >= len(raws):
            return None
        chosen = raws[table.source_table]
    grid = chosen.grid()
    col = None
    if finding.column is not None:
        col = row.source_cols.get(finding.column)
        if col is None and finding.column == "max":
            col = row.source_cols.get("total")
    if col is None and row.source_row < len(grid):
        col = next((c for c, text in enumerate(grid[row.source_row]) if unit and unit in _fold(text)), 0)
    return chosen.index, row.source_row, col or 0


def _annotate_converted(src: Path, kind: str, findings: list[Finding], out: Path,
                        settings: ReaderSettings | Mapping | None) -> int:
    """A Word 97, OpenDocument or RTF report is annotated as the DOCX
    LibreOffice makes of it, the very conversion its findings were read
    from (the original is never written)."""
    import tempfile

    from parsers.legacy_office import word_as_docx

    with tempfile.TemporaryDirectory(prefix="reportgen-annotate-") as tmp:
        docx = word_as_docx(src, kind, Path(tmp), settings)
        if docx is None:
            raise UnreadableInput(f"Chỉ chú thích được tệp Word hoặc OpenDocument (DOCX, DOC, ODT, RTF); "
                                  f"{src.name} không phải loại tệp đó.")
        return annotate(docx, findings, out, None, settings)


def annotate(src_docx: str | os.PathLike, findings: list[Finding], out_path: str | os.PathLike,
             report: Report | None = None, settings: ReaderSettings | Mapping | None = None) -> int:
    """Write a copy of ``src_docx`` to ``out_path`` with one comment per place
    the findings point at; return how many comments were added."""
    from docx.text.paragraph import Paragraph as DocxParagraph

    from parsers import docx as docx_parser, docx_xml, sniff_format

    src, out = Path(src_docx), Path(out_path)
    if not src.is_file():
        raise UnreadableInput(f"Không tìm thấy tệp: {src}")
    if out.exists() and out.resolve() == src.resolve():
        raise UnreadableInput("Tệp chú thích phải khác tệp gốc: bản gốc không bao giờ bị ghi đè.")
    kind = sniff_format(src)
    if kind != "docx":
        return _annotate_converted(src, kind, findings, out, settings)
    settings = ReaderSettings.of(settings)  # validated once, for the reading and the walk
    raw = docx_parser.read(src, settings)
    if report is None:
        from .read import read_report

        report = read_report(raw)
    document = docx_parser.open_document(src, settings)
    walk = docx_parser.locate(document, settings)
    body = document._body

    anchors: dict[int, tuple[object, list[str]]] = {}  # id(element) → (w:p, texts)

    def add(p_element, text: str) -> None:
        slot = anchors.setdefault(id(p_element), (p_element, []))
        if text not in slot[1]:
            slot[1].append(text)

    for finding in findings:
        text = comment_text(finding)
        placed = False
        where = _raw_row(raw, report, finding)
        if where is not None:
            t, r, c = where
            located = walk.tables.get(t)
            tc = located[1].get((r, c)) if located else None
            if tc is not None:
                paragraphs = tc.findall(docx_xml.P)
                if paragraphs:
                    add(paragraphs[0], text)
                    placed = True
        if finding.paragraph is not None and finding.paragraph in walk.paragraphs:
            add(walk.paragraphs[finding.paragraph], text)
            placed = True
        if not placed and finding.page is None and walk.paragraphs:
            # A finding about the whole document: on its first paragraph.
            add(walk.paragraphs[min(walk.paragraphs)], text)
    count = 0
    for p_element, texts in anchors.values():
        paragraph = DocxParagraph(p_element, body)
        runs = [r for r in paragraph.runs if r.text] or paragraph.runs
        if not runs:
            runs = [paragraph.add_run("")]
        document.add_comment(runs, text="\n".join(texts), author=AUTHOR, initials=INITIALS)
        count += 1
    with atomic_path(out) as tmp:
        document.save(str(tmp))
    return count

