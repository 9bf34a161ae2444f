"""Limits on what one input may cost: stated, checked, and raisable.

Every limit has a default that real reports stay far below, a Vietnamese
message naming the limit when a file goes over it (exit 2, nothing written),
and a name the user can raise on the command line::

    reportgen verify bao-cao.pdf --limit pages=1200 --limit ocr_document_seconds=3600

The limits travel to the parsers as ``settings["limits"]`` (a :class:`Limits`);
a parser calls :func:`limits_of` to get them (defaults when absent, the older
plain keys ``max_pages``/``max_rows`` still honoured).
"""
from __future__ import annotations

import math
import os
import time
from dataclasses import dataclass, fields, replace

from reportgen.raw import UnreadableInput

MB = 1024 * 1024
ENV_VAR = "REPORTGEN_LIMITS"  # "pages=1200;ocr_document_seconds=3600": raised for every command


class LimitExceeded(UnreadableInput):
    """An input goes over one of the :class:`Limits` (exit 2)."""

    def __init__(self, name: str, message: str):
        hint = (f" Nếu tệp đúng là cần đọc, chạy lại với --limit {name}=GIÁ_TRỊ_LỚN_HƠN."
                if name in RAISABLE else "")
        super().__init__(message + hint)
        self.limit = name


@dataclass(frozen=True)
class Limits:
    """What one input may cost. Bytes are decoded bytes, seconds wall time."""

    pdf_stream_bytes: int = 256 * MB       # one decoded PDF stream (content, font, image)
    pdf_document_bytes: int = 1024 * MB    # all decoded non-image streams of a PDF together
    pages: int = 500                       # pages of a PDF
    page_pixels: int = 40_000_000          # pixels of one page rendered for OCR (DPI capped to fit)
    ocr_page_seconds: float = 120.0        # OCR of one page
    ocr_document_seconds: float = 1800.0   # OCR of the whole document
    ocr_noise_pages: int = 3               # leading scanned pages that are not text before OCR stops
    xlsx_rows: int = 200_000               # rows read from one sheet
    xlsx_cells: int = 5_000_000            # non-empty cells of a workbook
    docx_paragraphs: int = 200_000         # paragraphs of a DOCX (body and cells)
    docx_tables: int = 5_000               # tables of a DOCX
    cell_chars: int = 100_000              # characters of one table cell
    number_digits: int = 20                # digits of one number
    yaml_aliases: int = 100                # alias uses in a YAML metadata file
    template_seconds: float = 60.0         # rendering one user template
    template_output_bytes: int = 64 * MB   # the rendered document
    template_memory_bytes: int = 1024 * MB  # address space of the rendering process

    def __post_init__(self):
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                    or value <= 0:
                raise ValueError(f"giới hạn {f.name} phải là một số dương, không phải {value!r}")

    def raised(self, **changes) -> "Limits":
        return replace(self, **changes)

    @classmethod
    def parse(cls, items: list[str] | None) -> "Limits":
        """``["pages=1200", "ocr_document_seconds=3600"]`` → Limits, after
        those of ``REPORTGEN_LIMITS`` ("pages=1200;xlsx_rows=500000"); a
        Vietnamese ValueError for an unknown name or a bad value."""
        names = {f.name: f for f in fields(cls)}
        changes: dict = {}
        env = [i for i in os.environ.get(ENV_VAR, "").replace(";", ",").split(",") if i.strip()]
        for item in [*env, *(items or ())]:
            name, sep, value = item.partition("=")
            name = name.strip().replace("-", "_")
            if not sep or name not in names:
                raise ValueError(f"giới hạn không hợp lệ '{item}': dùng TÊN=GIÁ_TRỊ với TÊN là một trong "
                                 + ", ".join(names))
            kind = int if names[name].type in (int, "int") else float
            try:
                number = kind(value.strip().replace(",", "."))
            except ValueError:
                raise ValueError(f"giới hạn {name} phải là một số: '{value}'") from None
            changes[name] = number
        return cls(**changes)


RAISABLE = {f.name for f in fields(Limits)}
DEFAULT = Limits()


_COMMAND: Limits | None = None


def use(limits: Limits | None) -> None:
    """Make ``limits`` (a command's ``--limit`` values, a job's ``limits``
    option) the limits of every reader in this process that is handed none:
    a draft's input, its ``--meta`` YAML and its template get the same limits
    as ``verify`` does."""
    global _COMMAND
    _COMMAND = limits


def limits_of(settings: dict | None) -> Limits:
    """The limits in parser settings (older plain keys honoured); without
    any, those of the command (:func:`use`), else the defaults with
    ``REPORTGEN_LIMITS`` applied."""
    settings = settings or {}
    limits = settings.get("limits")
    if not isinstance(limits, Limits) and _COMMAND is not None:
        limits = _COMMAND
    if not isinstance(limits, Limits):
        try:
            limits = Limits.parse(None) if os.environ.get(ENV_VAR) else DEFAULT
        except ValueError:
            limits = DEFAULT
    if "max_pages" in settings:
        limits = limits.raised(pages=int(settings["max_pages"]))
    if "max_rows" in settings:
        limits = limits.raised(xlsx_rows=int(settings["max_rows"]))
    return limits


def add_limit_option(parser) -> None:
    """``--limit TÊN=GIÁ_TRỊ`` (repeatable) on a command that reads inputs."""
    defaults = ", ".join(f"{f.name}={_shown(getattr(DEFAULT, f.name))}" for f in fields(Limits))
    parser.add_argument("--limit", action="append", metavar="TÊN=GIÁ_TRỊ", default=None,
                        help=f"nâng một giới hạn đọc tệp (lặp lại được). Mặc định: {defaults}")


def _shown(value) -> str:
    if isinstance(value, int) and value >= MB and value % MB == 0:
        return str(value)  # bytes, written out so the option takes them back as given
    return format(value, "g") if isinstance(value, float) else str(value)


# --- budgets of time ------------------------------------------------------------------------


class OcrBudget:
    """Seconds of OCR left for the current page and document. The OCR code
    asks :meth:`timeout` before each recognition call (and passes it on as the
    call's timeout); a page or document over its time is refused."""

    def __init__(self, limits: Limits, clock=time.monotonic):
        self.limits = limits
        self.clock = clock
        self.doc_start = clock()
        self.page_start = self.doc_start
        self.page = None

    def start_page(self, number: int) -> None:
        self.page, self.page_start = number, self.clock()

    def timeout(self) -> float:
        now = self.clock()
        page_left = self.limits.ocr_page_seconds - (now - self.page_start)
        doc_left = self.limits.ocr_document_seconds - (now - self.doc_start)
        if doc_left <= 0:
            raise LimitExceeded("ocr_document_seconds", (
                f"Nhận dạng chữ (OCR) cả tệp vượt {self.limits.ocr_document_seconds:g} giây "
                f"(đến trang {self.page}); dừng đọc."))
        if page_left <= 0:
            raise LimitExceeded("ocr_page_seconds", (
                f"Nhận dạng chữ (OCR) trang {self.page} vượt {self.limits.ocr_page_seconds:g} giây "
                "(trang nhiễu hoặc ảnh quét quá dày đặc); dừng đọc."))
        return max(1.0, min(page_left, doc_left))


_budget: OcrBudget | None = None


def begin_ocr_budget(limits: Limits) -> OcrBudget:
    global _budget
    _budget = OcrBudget(limits)
    return _budget


def end_ocr_budget() -> None:
    global _budget
    _budget = None


def ocr_budget() -> OcrBudget | None:
    """The budget of the document being read in this process (None outside one)."""
    return _budget


def ocr_timeout() -> float | None:
    """Seconds the next recognition call may take (raises when none are left)."""
    return _budget.timeout() if _budget is not None else None


def ocr_call_failed(exc: BaseException) -> None:
    """Turn pytesseract's timeout into the limit's message; re-raise others."""
    if _budget is not None and "timeout" in str(exc).lower():
        _budget.timeout()  # raises the page or document limit
        raise LimitExceeded("ocr_page_seconds", (
            f"Nhận dạng chữ (OCR) trang {_budget.page} vượt {_budget.limits.ocr_page_seconds:g} giây; dừng đọc."))
    raise exc


# --- pixels ------------------------------------------------------------------------------


def capped_dpi(width_pt: float, height_pt: float, dpi: float, limits: Limits = DEFAULT) -> float:
    """``dpi``, lowered so that a page of ``width_pt`` × ``height_pt`` points
    renders to at most ``limits.page_pixels`` pixels (a 14.400-point page at
    300 dpi would be 3,6 billion pixels)."""
    w_in, h_in = max(float(width_pt), 1.0) / 72.0, max(float(height_pt), 1.0) / 72.0
    pixels = (w_in * dpi) * (h_in * dpi)
    if pixels <= limits.page_pixels:
        return dpi
    return math.sqrt(limits.page_pixels / (w_in * h_in))


def check_count(name: str, count: int, limits: Limits, what: str, source: str) -> None:
    """Raise when ``count`` goes over the limit ``name``."""
    limit = getattr(limits, name)
    if count > limit:
        shown = f"{limit:,}".replace(",", ".")
        raise LimitExceeded(name, f"Tệp {source} có hơn {shown} {what}, vượt giới hạn; từ chối đọc.")


# --- YAML ----------------------------------------------------------------------------------

YAML_NODES = 100_000  # nodes of a YAML file with its aliases expanded


def load_yaml(text: str, limits: Limits | None = None, source: str = "YAML"):
    """``yaml.safe_load`` that refuses an alias bomb: at most
    ``limits.yaml_aliases`` alias uses and at most :data:`YAML_NODES` nodes
    once every alias is expanded (nine aliases of nine aliases… make a
    1 KB file of a billion nodes)."""
    import yaml

    limits = limits if limits is not None else limits_of(None)
    composer = yaml.SafeLoader(text)
    try:
        node = composer.get_single_node()
    finally:
        composer.dispose()
    if node is None:
        return None
    aliases = 0
    sizes: dict[int, int] = {}

    def expanded(n, depth: int = 0) -> int:
        nonlocal aliases
        if id(n) in sizes:  # a node met again is an alias use
            aliases += 1
            if aliases > limits.yaml_aliases:
                raise LimitExceeded("yaml_aliases", (
                    f"Tệp {source} dùng quá {limits.yaml_aliases} bí danh YAML (*tên): nghi là bom bí danh, "
                    "từ chối đọc."))
            return sizes[id(n)]
        if depth > 200:
            raise LimitExceeded("yaml_aliases", f"Tệp {source} lồng quá sâu; từ chối đọc.")
        sizes[id(n)] = 1  # a cycle counts once
        if isinstance(n, yaml.SequenceNode):
            total = 1 + sum(expanded(c, depth + 1) for c in n.value)
        elif isinstance(n, yaml.MappingNode):
            total = 1 + sum(expanded(k, depth + 1) + expanded(v, depth + 1) for k, v in n.value)
        else:
            total = 1
        sizes[id(n)] = total
        if total > YAML_NODES:
            shown = f"{YAML_NODES:,}".replace(",", ".")
            raise LimitExceeded("yaml_aliases", (
                f"Tệp {source} mở ra quá {shown} phần tử khi thay các bí danh YAML (*tên): nghi là bom "
                "bí danh, từ chối đọc."))
        return total

    expanded(node)
    constructor = yaml.SafeLoader("")
    try:
        return constructor.construct_document(node)
    finally:
        constructor.dispose()
