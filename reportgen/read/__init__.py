"""Reading: a RawDocument becomes a Report (metadata, score tables bound to a
scheme, prose statements). Parsers know formats; this package knows schemes.

:func:`read_report` repairs the text (NFC, letters damaged by PDF producers,
legacy 8-bit encodings the parser flagged), keeps the paragraphs, binds the
tables (:mod:`.tables`) and hands the paragraphs to the metadata and
statement readers (:mod:`.meta`, :mod:`.statements`); :func:`read_prose` also
fills the prose's form the rules read on the Report (appendix references,
Nơi nhận lines, numbered headings). :func:`report_of_paragraphs` reads bare
paragraphs the same way.
"""
from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from parsers.settings import ReaderSettings

from ..model import Finding, Layout, Meta, Paragraph, Report, ScoreTable
from ..numbers import join_spaced_groups
from ..raw import RawDocument, RawNote, RawParagraph, RawTable, UnreadableInput
from ..text import repair
from ..text.legacy import to_unicode
from .continued import joined_side_by_side
from .layout_pdf import pdf_layout
from .legend import read_grade_aliases, read_grade_legend, read_table_legend, without_band_bounds
from .meta import annex_references, read_meta
from .meta_closing import noi_nhan_lines
from .portal import trend_period
from .statements import read_statements
from .statements_blocks import section_numbers
from .tables import read_tables
from .unread_rows import unread_rows

# What a parser's note means for the reader of the report.
_NOTE_FINDINGS = {
    "formula_mismatch": ("FORMULA_MISMATCH", "warning"),
    "ocr_low_confidence": ("OCR_UNCERTAIN", "warning"),
    "number_unreadable": ("NUMBER_UNREADABLE", "error"),
    "words_unplaced": ("TEXT_UNPLACED", "warning"),
}


def read_path(path: str | os.PathLike, settings: ReaderSettings | Mapping | None = None,
              scheme: str | None = None) -> Report:
    """Read any supported file into a Report (UnreadableInput when it cannot be read)."""
    from parsers import read_raw
    from parsers.limits import limits_of

    settings = ReaderSettings.of(settings)
    raw = read_raw(path, settings)
    raw.notes.extend(long_number_notes(raw, limits_of(settings.as_dict()).number_digits))
    report = read_report(raw, scheme)
    refuse_if_nothing_read(report, path)
    return report


_NUMBERISH = re.compile(r"[+\-−]?[\d.,\s]*\d[\d.,\s]*%?")


def long_number_notes(raw: RawDocument, digits: int) -> list[RawNote]:
    """A note ``number_unreadable`` on every table cell written as a number
    with more than ``digits`` digits (no score, count or rate has them; the
    value would pass Decimal's precision in the sums)."""
    out = []
    for table in raw.tables:
        for row in table.rows:
            for cell in row:
                text = (cell.text or "").strip()
                if len(text) <= digits or cell.value is not None or not _NUMBERISH.fullmatch(text):
                    continue
                n = sum(ch.isdecimal() for ch in text)
                if n > digits:
                    out.append(RawNote(kind="number_unreadable", table=table.index, row=cell.row, col=cell.col,
                                       page=cell.page, data={"text": text},
                                       message=(f"Ô ghi số “{text}” có {n} chữ số, quá {digits} chữ số: không dùng "
                                                "được, không tính với ô này.")))
    return out


# Fewer Vietnamese words than this, no table and no claim: nothing was read.
MIN_WORDS = 5


def refuse_if_nothing_read(report: Report, path: str | os.PathLike) -> None:
    """A document from which no table, no claim and hardly a Vietnamese word
    was read (a cyclic page tree, a scan of noise, a stream bomb cut short,
    a broken .doc) is unreadable input, never a pass."""
    from parsers.vi_plausibility import plausibility

    if report.tables or report.statements:
        return
    good = 0.0
    for paragraph in report.paragraphs:  # stop as soon as enough words were read
        share, total = plausibility(paragraph.text[:2000])
        good += share * total
        if good >= MIN_WORDS:
            return
    raise UnreadableInput(f"Không đọc được nội dung của tệp {os.path.basename(os.fspath(path))}: không có bảng, "
                          "nhận định hay đoạn văn tiếng Việt nào đọc được (tệp hỏng, trống hoặc ảnh quét không "
                          "nhận dạng được).")


def read_report(raw: RawDocument, scheme: str | None = None) -> Report:
    report = Report(source=raw.source)
    blocks, repairs, legacy = repaired_blocks(raw)
    blocks = joined_side_by_side(blocks)
    report.paragraphs = [Paragraph(text=b.text, index=b.index, page=b.page)
                         for b in blocks if isinstance(b, RawParagraph)]
    report.read_findings.extend(_spaced_thousands(report.paragraphs))
    report.tables = read_tables(blocks, report, scheme)
    if repairs or legacy:
        report.read_findings.insert(0, encoding_finding(repairs, legacy))
    report.read_findings.extend(note_findings(raw, report))
    report.meta = _meta(report)
    if report.meta.period is None:  # the portal's export names its month only in its trend sheet
        report.meta.period = trend_period(blocks)
    report.layout = _layout(raw, blocks)
    read_prose(report)
    if not report.grade_legend:  # bands stated as a table of their own
        report.grade_legend = read_table_legend(b for b in blocks if isinstance(b, RawTable))
    report.grade_aliases = read_grade_aliases(report.paragraphs, report.grade_legend)
    _grades_by_name(report)
    report.unread_pages = sorted({n.page for n in raw.notes if n.kind == "page_not_text" and n.page is not None})
    report.unread_rows = unread_rows(report.paragraphs)
    return report


def _layout(raw: RawDocument, blocks) -> Layout | None:
    """What a DOCX tells of its layout; None for formats without it."""
    if raw.format == "pdf":
        return pdf_layout(raw, blocks)
    sections = raw.properties.get("sections") or []
    if raw.format != "docx" or not sections or "width_mm" not in sections[0]:
        return None
    formats = {b.index: b.format for b in blocks if isinstance(b, RawParagraph) and b.format is not None}
    return Layout(pages=[dict(s) for s in sections], page_numbers=raw.properties.get("page_numbers"),
                  formats=formats)


# -- text repair -----------------------------------------------------------------------

def repaired_blocks(raw: RawDocument) -> tuple[list, int, dict[str, int]]:
    """Blocks with repaired text, how many characters were repaired, and how
    many paragraphs or cells were converted from each legacy encoding."""
    count = 0
    legacy: dict[str, int] = {}
    out: list = []
    for block in raw.blocks:
        if isinstance(block, RawParagraph):
            fixed = repair(_converted(block.text, block.legacy_encoding, legacy))
            count += fixed.repairs
            out.append(replace(block, text=fixed.text, legacy_encoding=None))
        elif isinstance(block, RawTable):
            table, n = _repaired_table(block, legacy)
            count += n
            out.append(table)
    return out, count, legacy


def _repaired_table(table: RawTable, legacy: dict[str, int]) -> tuple[RawTable, int]:
    count = 0
    rows = []
    for r in table.rows:
        cells = []
        for c in r:
            fixed = repair(_converted(c.text or "", getattr(c, "legacy_encoding", None), legacy))
            count += fixed.repairs
            cells.append(replace(c, text=fixed.text, legacy_encoding=None))
        rows.append(cells)
    header = None
    if table.header_text is not None:
        fixed = repair(table.header_text)
        count += fixed.repairs
        header = fixed.text
    return replace(table, rows=rows, header_text=header), count


def _converted(text: str, encoding: str | None, legacy: dict[str, int]) -> str:
    if not encoding or not text.strip():
        return text
    converted = _legacy(text, encoding)
    if converted != text:
        legacy[encoding] = legacy.get(encoding, 0) + 1
    return converted


def _legacy(text: str, encoding: str | None) -> str:
    return to_unicode(text, encoding) if encoding else text


def encoding_finding(repairs: int, legacy: dict[str, int] | None = None) -> Finding:
    parts = []
    if repairs:
        parts.append(f"đã sửa {repairs} ký tự bị lỗi mã hóa khi trích xuất văn bản (ví dụ “ƣ” thành “ư”)")
    for encoding, n in sorted((legacy or {}).items()):
        parts.append(f"đã chuyển {n} đoạn văn hoặc ô bảng từ bảng mã {encoding.upper()} sang Unicode")
    message = "; ".join(parts)
    return Finding(code="ENCODING_REPAIRED", severity="info",
                   reported=str(repairs + sum((legacy or {}).values())),
                   message=message[:1].upper() + message[1:] + ".")


def note_findings(raw: RawDocument, report: Report | None = None) -> list[Finding]:
    """Findings for what the parser noticed. A note on a raw table cell is
    pointed at the report's table, row and column key where that cell was bound."""
    out = []
    undecodable = [n for n in raw.notes if n.kind == "text_layer_undecodable"]
    if undecodable:  # one finding for the document, its pages listed
        pages = ", ".join(str(n.page) for n in undecodable)
        out.append(Finding(code="ENCODING_REPAIRED", severity="info", page=undecodable[0].page,
                           message=f"Trang {pages}: {undecodable[0].message}.", reported=str(len(undecodable))))
    damaged = [n for n in raw.notes if n.kind == "text_layer_damaged"]
    if damaged:
        words = sum(int(n.data.get("count", 0)) for n in damaged)
        pages = ", ".join(str(n.page) for n in damaged)
        out.append(Finding(code="TEXT_DAMAGED", severity="warning", page=damaged[0].page, reported=str(words),
                           message=f"Trang {pages}: {words} từ của lớp chữ PDF có ký tự không có trong tiếng Việt "
                                   f"(ví dụ {damaged[0].message}): phông chữ ánh xạ sai mã ký tự, thường do một "
                                   "công cụ nén hoặc in lại PDF; tên đơn vị và lời văn có thể đọc sai, cần đối "
                                   "chiếu bản gốc."))
    for note in raw.notes:
        known = _NOTE_FINDINGS.get(note.kind)
        if not known:
            continue
        finding = Finding(code=known[0], severity=known[1], message=note.message, table=note.table,
                          row=note.row, page=note.page, reported=note.data.get("text"),
                          paragraph=note.data.get("paragraph"))
        if report is not None and note.table is not None:
            _locate(finding, note, report)
        out.append(finding)
    return out


def _locate(finding: Finding, note, report: Report) -> None:
    for t_index, table in enumerate(report.tables):
        if table.source_table != note.table:
            continue
        finding.table = t_index
        for r_index, row in enumerate(table.rows):
            if row.source_row != note.row:
                continue
            finding.row, finding.unit = r_index, row.unit
            finding.page = finding.page if finding.page is not None else row.page
            for key, col in row.source_cols.items():
                if col == note.col:
                    finding.column = key
            return
        return


# -- prose readers (reportgen.read.meta / .statements) -----------------------------------------

def _meta(report: Report) -> Meta:
    return read_meta(report.paragraphs)


def _grades_by_name(report: Report) -> None:
    """Each row's grade by the full name the document's key gives its abbreviation ("XS" of "Xuất sắc
    (XS)"): the name a claim in the prose counts it by."""
    for table in report.tables:
        for row in table.rows:
            if row.grade and (full := report.grade_aliases.get(" ".join(row.grade.split()).strip(" ."))):
                row.grade = full


def read_prose(report: Report) -> None:
    """Fill what the prose says and how it is laid out, from the report's
    paragraphs (and its tables, whose units the claims name): the statements,
    the grade bands it states, the appendices' "Kèm theo …" lines, the list
    under "Nơi nhận:" and the numbered headings."""
    report.statements = list(read_statements(report.paragraphs, report))
    report.grade_legend = read_grade_legend(report.paragraphs)
    report.statements = without_band_bounds(report.statements, report.grade_legend)
    report.grade_aliases = read_grade_aliases(report.paragraphs, report.grade_legend)
    report.annex_refs = annex_references(report.paragraphs)
    report.recipient_lines = noi_nhan_lines(report.paragraphs)
    report.sections = section_numbers(report.statements)


def _spaced_thousands(paragraphs: list[Paragraph]) -> list[Finding]:
    """Thousands grouped by spaces in the prose ("20 460 lượt") read as the
    dot vi_VN writes (the paragraph's text gets "20.460", same length), with
    a NUMBER_FORMAT warning per paragraph; read as two numbers, "20" and "460
    lượt", they gave false share and count errors."""
    out = []
    for k, p in enumerate(paragraphs):
        text, found = join_spaced_groups(p.text)
        if not found:
            continue
        paragraphs[k] = replace(p, text=text)
        fixed = [f.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ") for f in found]
        examples = "; ".join(f"{w} → {w.replace(' ', '.')}" for w in fixed[:4])
        more = f" và {len(fixed) - 4} số khác" if len(fixed) > 4 else ""
        out.append(Finding(code="NUMBER_FORMAT", severity="warning", paragraph=p.index, page=p.page,
                           reported=fixed[0], expected=fixed[0].replace(" ", "."),
                           message="Số không viết theo định dạng Việt Nam (phân nhóm hàng nghìn bằng dấu chấm, "
                                   f"không bằng dấu cách): {examples}{more}"))
    return out


def report_of_paragraphs(paragraphs: Sequence[Paragraph], tables: Sequence[ScoreTable] = (),
                         source: str = "", meta: Meta | None = None) -> Report:
    """A Report read from prose paragraphs (and tables already bound) as
    :func:`read_report` reads a document's prose: its metadata (unless
    ``meta`` is given) and everything :func:`read_prose` fills. For text that
    never was a file: tests, examples, the draft's own paragraphs."""
    report = Report(source=source, paragraphs=list(paragraphs), tables=list(tables))
    report.meta = meta if meta is not None else read_meta(report.paragraphs)
    read_prose(report)
    return report
