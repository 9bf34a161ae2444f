"""PDF reports: paragraphs and tables, page by page, into a RawDocument.

pdfplumber first: its ruling lines give the table cells (``pdf_grid``), the
characters outside tables give the paragraphs (``pdf_text``), and pages with
no ruling lines but aligned columns give tables from word positions
(``pdf_words``). A table that continues on the next page is merged with its
first part, repeated header rows dropped and a row cut by the page break
joined (``pdf_merge``). camelot is the second engine: chosen with
``ReaderSettings(engine='camelot')``, and used on a page whose ruling lines
pdfplumber could not turn into a table. Pages without a usable text layer
(scans, or a garbage layer under the scan) are read by OCR (``ocr``).

Settings are one validated :class:`parsers.settings.ReaderSettings` (a plain
mapping is validated into one on entry; what is left unset takes
:data:`DEFAULTS`). The PDF reader uses ``engine``, ``table_settings``
(pdfplumber's), ``password``, ``pages`` (1-based), ``ocr`` (auto, never,
always), ``ocr_engine``, ``ocr_threads``, ``ocr_dpi``, ``ocr_despeckle``,
``ocr_min_confidence``, ``camelot_flavor``, ``on_page`` and the limits.
"""
from __future__ import annotations

import io
import os
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from reportgen.raw import RawDocument, RawNote, UnreadableInput

from .layout_pdf import page_layout
from .limits import LimitExceeded, begin_ocr_budget, end_ocr_budget, limits_of, ocr_budget
from .limits_pdf import check_pages, check_streams
from .pdf_damage import note_damage, undecodable
from .pdf_furniture import join_cut_paragraphs, page_number_lines, strip_running
from .pdf_glyphs import chars_to_lines, lines_without
from .pdf_merge import merge_continued_tables
from .pdf_objects import install
from .pdf_page_tables import page_tables
from .pdf_side import join_side_parts
from .pdf_text import interleave, majority_legacy, page_paragraphs
from .settings import ReaderSettings

MAX_PAGES = 500
ENGINES = ("pdfplumber", "camelot")
DEFAULTS = {"engine": "pdfplumber", "password": "", "ocr": "auto", "ocr_engine": "page",
            "camelot_flavor": "lattice"}


def _open(path: Path, settings: ReaderSettings):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    password = settings.password
    try:
        pdf = pdfplumber.open(path, password=password)
        if any(page.rotation % 360 for page in pdf.pages):
            pdf.close()
            pdf = pdfplumber.open(_upright(path, password))
        install(pdf)  # glyphs made into dicts on a direct path
        return pdf
    except Exception as exc:  # pdfminer raises many kinds; pdfplumber wraps them
        causes = [exc, exc.__cause__, exc.__context__, *getattr(exc, "args", ())]
        if any(isinstance(c, PDFPasswordIncorrect) for c in causes):
            if password:
                raise UnreadableInput(f"Tệp PDF {path.name}: mật khẩu đã nhập không đúng.") from exc
            raise UnreadableInput(f"Tệp PDF được bảo vệ bằng mật khẩu: {path.name} "
                                  "(nhập mật khẩu bằng --password).") from exc
        if any(isinstance(c, PDFEncryptionError) for c in causes):
            raise UnreadableInput(f"Tệp PDF được mã hóa theo cách không đọc được: {path.name}") from exc
        raise UnreadableInput(_damaged(path, exc)) from exc


def _upright(path: Path, password: str) -> io.BytesIO:
    """The PDF with each page's /Rotate applied to its content, so that text
    on a page stored turned (a landscape appendix) reads left to right."""
    import pypdf

    reader = pypdf.PdfReader(path)
    if reader.is_encrypted:
        reader.decrypt(password)
    writer = pypdf.PdfWriter(clone_from=reader)
    for page in writer.pages:
        if page.rotation % 360:
            page.transfer_rotation_to_content()
    out = io.BytesIO()
    writer.write(out)
    out.seek(0)
    return out


def _damaged(path: Path, exc: BaseException) -> str:
    return f"Tệp PDF bị hỏng hoặc không đầy đủ, không đọc được: {path.name} ({type(exc).__name__})"


def read(path: str | os.PathLike, settings: ReaderSettings | Mapping | None = None) -> RawDocument:
    """The PDF as a RawDocument; ``settings`` validated (a BadSetting, exit 2,
    for an unknown name or a bad value) and completed with :data:`DEFAULTS`."""
    settings = ReaderSettings.of(settings).with_defaults(DEFAULTS)
    path = Path(path)
    limits = limits_of(settings.as_dict())
    ocr_read = None
    check_streams(path, limits)  # before any library inflates a stream
    pdf = _open(path, settings)
    stamps: dict = {}
    try:
        check_pages(pdf, path, limits)  # before the library builds every page
        try:
            n_pages = len(pdf.pages)
        except Exception as exc:
            raise UnreadableInput(_damaged(path, exc)) from exc
        if n_pages == 0:
            raise UnreadableInput(f"Tệp PDF không có trang nào: {path.name}")
        check_pages(n_pages, path, limits)
        begin_ocr_budget(limits)
        doc = RawDocument(source=str(path), format="pdf", page_count=n_pages,
                          properties=_properties(pdf))
        wanted = set(settings.pages or range(1, n_pages + 1))
        stamps = _stamped(path, settings, pdf)
        blocks: list = []
        layouts: list[dict] = []
        heights: dict[int, float] = {}
        on_page = settings.on_page  # progress hook: on_page(stage, k, n)
        ocr_read = _ocr_reader(pdf, path, wanted, settings)
        for page in pdf.pages:
            if page.page_number not in wanted:
                continue
            if on_page is not None:
                on_page("reading", page.page_number, n_pages)
            heights[page.page_number] = float(page.height)
            source = stamps.get(page.page_number, page)
            shared: dict = {}
            try:
                blocks += read_page(source, path, settings, doc.notes, shared, ocr_read=ocr_read)
                refuse_noise_scan(blocks, doc.notes, path, limits, page.page_number < max(wanted))
                if not any(n.kind == "scanned_page" and n.page == page.page_number for n in doc.notes):
                    # for the ND30 layout check, from the visual lines the page's reading built
                    layouts.append(page_layout(page, shared.get("lines") if source is page else None,
                                               shared.get("texts") if source is page else None))
            finally:
                page.close()
    finally:
        if hasattr(ocr_read, "cancel"):
            ocr_read.cancel()  # no OCR goes on after a refusal
        end_ocr_budget()
        pdf.close()
        for stamped in {id(p.pdf): p.pdf for p in stamps.values()}.values():
            stamped.close()
    doc.properties["pdf_layout"] = layouts
    blocks = strip_running(blocks, heights, doc.notes)
    blocks = join_cut_paragraphs(blocks)
    doc.blocks = merge_continued_tables(join_side_parts(blocks), doc.notes)
    for i, p in enumerate(doc.paragraphs):
        p.index = i
    if any(n.kind == "scanned_page" for n in doc.notes):
        from .ocr import MIN_CONFIDENCE, low_confidence_notes
        from .ocr_consensus import agree_with_document

        agree_with_document(doc)

        threshold = settings.ocr_min_confidence
        doc.notes += low_confidence_notes(doc, float(MIN_CONFIDENCE if threshold is None else threshold))
    return doc


def refuse_noise_scan(blocks: list, notes: list[RawNote], path: Path, limits, more: bool) -> None:
    """Stop a document whose first ``limits.ocr_noise_pages`` scanned pages
    were all noise (nothing read from them, nor from any page before) while
    pages remain: a scan of nothing would otherwise take minutes a page."""
    if blocks or not more:
        return
    noise = sum(1 for n in notes if n.kind == "page_not_text")
    if noise >= limits.ocr_noise_pages:
        raise LimitExceeded("ocr_noise_pages", (
            f"Không đọc được nội dung của tệp {path.name}: {noise} trang quét đầu tiên không giống văn bản "
            "(nhiễu, ảnh chụp hoặc quá mờ); đã dừng nhận dạng chữ."))


def _stamped(path: Path, settings: ReaderSettings, pdf) -> dict:
    """{page number: the page with the text its annotations stamp (a
    signing tool's number and date) drawn into its content}, for the upright
    pages that have such annotations."""
    if not any(getattr(p.page_obj, "annots", None) for p in pdf.pages):
        return {}  # no page has annotations: nothing is stamped (pypdf need not parse the file)
    import pdfplumber
    import pypdf

    from .pdf_annots import stamped_pages

    try:
        source, numbers = stamped_pages(path, settings.password or "")
    except (pypdf.errors.PyPdfError, OSError, ValueError):
        return {}  # the annotations cannot be read: the page content still can
    if source is None:
        return {}
    upright = {p.page_number for p in pdf.pages if not p.rotation % 360}
    stamped = _library(path, pdfplumber.open, source)
    install(stamped)
    out = {}
    for page, number in zip(stamped.pages, numbers):
        if number in upright and abs(page.width - pdf.pages[number - 1].width) < 1:
            page.page_number = number  # the number in the document, for tables and notes
            out[number] = page
    if not out:
        stamped.close()
    return out


def _properties(pdf) -> dict:
    out = {}
    for key, value in (pdf.metadata or {}).items():
        if isinstance(value, bytes):
            value = value.decode("latin-1", "replace")
        if isinstance(value, str):
            out[str(key).lower()] = unicodedata.normalize("NFC", value)
    return out


def read_page(page, path: Path, settings: ReaderSettings, notes: list[RawNote], shared: dict | None = None,
              ocr_read=None) -> list:
    """The blocks of one page in reading order (tables and paragraphs);
    ``shared`` receives the visual lines of all the page's glyphs
    (``"lines"``) for the layout reader; a scanned page is read by
    ``ocr_read(path, page_index, settings)`` (default :func:`parsers.ocr.read_page`)."""
    from . import ocr

    number = page.page_number
    # the page's content is parsed here, once (pdfplumber caches its objects)
    chars = _library(path, lambda: (page.chars, page.edges, page.images))[0]
    mode = settings.ocr or "auto"
    legacy = majority_legacy(chars)
    # text in a legacy 8-bit font (TCVN3, VNI) extracts as mojibake the reader converts: no OCR
    unreadable = mode == "auto" and not _has_picture(page) and legacy is None and undecodable(chars)
    if mode == "always" or unreadable or (mode == "auto" and _has_picture(page) and ocr.needs_ocr(chars)):
        if (budget := ocr_budget()) is not None:
            budget.start_page(number)
        if settings.on_page is not None:
            settings.on_page("ocr", number, len(page.pdf.pages))
        try:
            blocks, page_notes = (ocr_read or ocr.read_page)(path, number - 1, settings)
        finally:
            if budget is not None:
                budget.end_page()
        if chars and mode == "auto":
            page_notes[0].data["text_layer"] = "garbage"
        if unreadable:
            notes.append(RawNote(kind="text_layer_undecodable", page=number,
                                 message="phông chữ của PDF không kèm bảng mã Unicode (thường gặp khi in ra PDF "
                                         "qua máy in ảo), chữ trích ra không đọc được; đã đọc trang bằng nhận "
                                         "dạng chữ (OCR) từ hình ảnh của trang"))
        notes.extend(page_notes)
        return blocks
    lines = chars_to_lines(chars)
    texts: dict = {}  # line_text of runs of this page's glyphs, made once
    if shared is not None:
        shared["lines"], shared["texts"] = lines, texts
    furniture, numbers = page_number_lines(chars, float(page.height), number, lines)
    for text in numbers:
        notes.append(RawNote(kind="page_furniture", page=number, message=f"Số trang “{text}”",
                             data={"text": text}))
    chars = [c for c in chars if id(c) not in furniture]
    body_lines = lines_without(lines, furniture, chars)
    tables, taken = page_tables(page, chars, path, settings, body_lines, texts)
    if legacy is None:
        note_damage(body_lines, texts, number, notes)
    if legacy:
        for t in tables:
            for row in t.rows:
                for c in row:
                    c.legacy_encoding = legacy
    free = [c for c in chars if id(c) not in taken]
    paragraphs = page_paragraphs(free, number, page.width, _free_lines(body_lines, taken, len(free)), texts)
    return interleave(paragraphs, tables)


def _free_lines(lines: list[list[dict]], taken: set[int], n_free: int) -> list[list[dict]] | None:
    """The visual lines of the glyphs no table took, when the tables took
    whole lines (a table without rules always does, a ruled one mostly):
    the page's lines less theirs; else None (built anew from the glyphs)."""
    if not taken:
        return lines
    out = []
    for ln in lines:
        inside = sum(id(c) in taken for c in ln)
        if inside == 0:
            out.append(ln)
        elif inside != len(ln):
            return None
    return out if sum(len(ln) for ln in out) == n_free else None


def _needs_ocr(page, mode: str) -> bool:
    from . import ocr

    return mode == "always" or (mode == "auto" and _has_picture(page) and ocr.needs_ocr(page.chars))


def _ocr_reader(pdf, path: Path, wanted: set, settings: ReaderSettings):
    """Scanned pages are recognised by :mod:`parsers.ocr_page` (one Tesseract
    call a page), several pages at once when ``ocr_threads`` allows."""
    from .ocr_page import page_reader

    mode = settings.ocr or "auto"
    scanned = []
    if mode != "never" and settings.ocr_threads != 1 and len(wanted) > 1:
        scanned = [p.page_number - 1 for p in pdf.pages if p.page_number in wanted
                   and (mode == "always" or _image_xobject(p.page_obj.resources)) and _needs_ocr(p, mode)]
    return page_reader(path, scanned, settings)


def _image_xobject(resources, depth: int = 0) -> bool:
    """Whether a page's resources hold an image (in a form too): a page
    without one is no scan, and its content need not be parsed before its
    turn (parsing every page up front costs a tenth of the reading). What
    this cannot see (an image inline in the content) is still found when
    the page is read."""
    from pdfminer.pdftypes import resolve1

    try:
        xobjects = resolve1((resolve1(resources) or {}).get("XObject")) or {}
        for ref in xobjects.values():
            obj = resolve1(ref)
            subtype = getattr(resolve1(obj.get("Subtype")), "name", None)
            if subtype == "Image" or (subtype == "Form" and depth < 3
                                      and _image_xobject(obj.get("Resources"), depth + 1)):
                return True
    except Exception:  # resources the library cannot resolve: parse the page as before
        return True
    return False


def _library(path: Path, fn, *args):
    """Call into pdfplumber / pdfminer on the file's content: what they raise
    means the file is damaged (exit 2). Only library calls go through here;
    a bug in our own code propagates as itself."""
    try:
        return fn(*args)
    except UnreadableInput:
        raise
    except Exception as exc:  # pdfminer raises many kinds on a broken stream
        raise UnreadableInput(_damaged(path, exc)) from exc


def _has_picture(page) -> bool:
    """An image covering a good part of the page (what a scan is)."""
    area = float(page.width * page.height) or 1.0
    return any((im["x1"] - im["x0"]) * (im["bottom"] - im["top"]) > 0.25 * area
               for im in page.images)
