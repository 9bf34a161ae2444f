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
import threading
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
    """What one input may cost. Bytes are decoded bytes; the OCR seconds
    are CPU seconds of the reading, with wall time bounded at
    :data:`WALL_FACTOR` times them (:class:`OcrBudget`); the template's
    seconds are wall and CPU time of its process."""

    pdf_stream_bytes: int = 256 * MB       # one decoded PDF stream (content, font, image)
    pdf_document_bytes: int = 1024 * MB    # all decoded non-image streams of a PDF together
    pages: int = 500                       # pages of a PDF
    page_pixels: int = 40_000_000          # pixels of one page rendered for OCR (DPI capped to fit)
    ocr_page_seconds: float = 120.0        # OCR of one page (CPU seconds)
    ocr_document_seconds: float = 1800.0   # OCR of the whole document (CPU seconds)
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


WALL_FACTOR = 4.0  # wall time bound: this many times a limit, however loaded the machine


class OcrBudget:
    """Seconds of OCR left for the page being read and for the document.

    The limits count CPU seconds of the reading: the CPU time of the thread
    that reads the page, which holds Tesseract's own work (tesserocr runs it
    in that thread). On a loaded machine a page takes more wall time but no
    more CPU, so a scan refused on a busy machine is the scan refused on an
    idle one, and a test does not fail because other work shares the cores.
    Wall time stays bounded: a page (the document) is stopped after
    :data:`WALL_FACTOR` times its limit in wall time however little CPU it
    was given, and Tesseract run as a command (its CPU is another
    process's) is bounded by that alone.

    The OCR code asks :meth:`timeout` before each recognition call and
    passes it on as the call's time limit: the CPU seconds left, stretched
    by how much slower than its CPU time the page has gone so far (a call
    on an idle machine stops at the limit, one on a machine giving the
    reading a third of a core gets three times as long); a page or a
    document over its time is refused. Each page is timed on the thread
    that reads it, from :meth:`start_page` to :meth:`end_page` (pages read
    in parallel each have their own time)."""

    def __init__(self, limits: Limits, clock=time.monotonic, cpu=time.thread_time):
        self.limits = limits
        self.clock, self.cpu = clock, cpu
        self.doc_start = clock()
        self.done_cpu = 0.0  # CPU seconds of the pages ended
        self.page = None  # the page started last (for messages outside a page)
        self._lock = threading.Lock()
        self._local = threading.local()

    def start_page(self, number: int) -> None:
        """The calling thread starts reading page ``number``."""
        self.end_page()
        self._local.page = (number, self.clock(), self.cpu())
        self.page = number

    def end_page(self) -> None:
        """The calling thread is done with its page: its CPU counts to the document."""
        current = getattr(self._local, "page", None)
        if current is not None:
            with self._lock:
                self.done_cpu += max(0.0, self.cpu() - current[2])
            self._local.page = None

    def timeout(self) -> float:
        now, cpu = self.clock(), self.cpu()
        number, wall_start, cpu_start = getattr(self._local, "page", None) or (self.page, now, cpu)
        page_cpu, page_wall = max(0.0, cpu - cpu_start), max(0.0, now - wall_start)
        doc_cpu, doc_wall = self.done_cpu + page_cpu, now - self.doc_start
        page_limit, doc_limit = self.limits.ocr_page_seconds, self.limits.ocr_document_seconds
        if doc_cpu >= doc_limit or doc_wall >= WALL_FACTOR * doc_limit:
            raise LimitExceeded("ocr_document_seconds", (
                f"Nhận dạng chữ (OCR) cả tệp vượt {doc_limit:g} giây "
                f"(đến trang {number}); dừng đọc."))
        if page_cpu >= page_limit or page_wall >= WALL_FACTOR * page_limit:
            raise LimitExceeded("ocr_page_seconds", (
                f"Nhận dạng chữ (OCR) trang {number} vượt {page_limit:g} giây "
                "(trang nhiễu hoặc ảnh quét quá dày đặc); dừng đọc."))
        # wall seconds per CPU second so far on this page: 1 on an idle machine
        slowdown = min(WALL_FACTOR, max(1.0, page_wall / page_cpu)) if page_cpu > 0.5 else WALL_FACTOR
        left = min((page_limit - page_cpu) * slowdown, WALL_FACTOR * page_limit - page_wall,
                   (doc_limit - doc_cpu) * slowdown, WALL_FACTOR * doc_limit - doc_wall)
        return max(1.0, left)


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
