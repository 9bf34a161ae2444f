"""How the parsers read a file, as one validated value (after pdfplumber's
``TableSettings``): every setting a parser understands is a field here, with
its type and its allowed values, checked when the value is made. A name no
parser knows, a wrong type or a value outside its choices is a ``BadSetting``
(an UnreadableInput, exit 2, and a ValueError) at once, instead of a setting silently ignored deep in a parser.

``None`` means "the parser's own default" (the defaults stay beside the code
that uses them: ``parsers.docx.DEFAULTS``, ``parsers.xlsx.DEFAULTS``, …), so
``ReaderSettings()`` reads exactly as no settings at all. ``read_raw`` takes a
``ReaderSettings`` or a plain mapping and validates it once, on entry; the
parsers receive the ReaderSettings and read its attributes, each first filling
the settings left ``None`` with its own defaults (:meth:`with_defaults`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, replace

from reportgen.raw import UnreadableInput

from .limits import Limits


class BadSetting(UnreadableInput, ValueError):
    """A reader setting no parser knows, or a value outside its type or its
    choices: the input cannot be read as asked (exit 2, Vietnamese message)."""

_CHOICES = {
    "engine": ("pdfplumber", "camelot"),
    "camelot_flavor": ("lattice", "stream"),
    "ocr": ("auto", "never", "always"),
    "ocr_engine": ("page", "cells"),
}
_POSITIVE_INT = ("max_bytes", "max_pages", "max_rows", "ocr_threads", "ocr_dpi", "max_cols",
                 "max_empty_run", "max_member_bytes")
_NON_NEGATIVE_INT = ("ocr_despeckle", "table_gap")
_BOOL = ("trim_web_page", "flatten_layout_tables", "footnotes", "split_titles", "check_formulas")


@dataclass(frozen=True)
class ReaderSettings:
    """Settings of the readers; ``None`` leaves a parser's default."""

    # every format
    limits: Limits | None = None              # what one input may cost (parsers.limits)
    max_bytes: int | None = None              # size of the file (parsers.MAX_FILE_BYTES)
    max_pages: int | None = None              # older name for limits.pages
    max_rows: int | None = None               # older name for limits.xlsx_rows
    # PDF
    password: str | None = None
    pages: tuple[int, ...] | None = None      # 1-based page numbers to read
    engine: str | None = None                 # table finder: pdfplumber or camelot
    camelot_flavor: str | None = None
    table_settings: Mapping | None = None     # passed to pdfplumber's find_tables
    on_page: Callable | None = None           # progress: on_page(stage, k, n)
    # OCR of scanned pages
    ocr: str | None = None                    # auto, never, always
    ocr_engine: str | None = None             # page (whole page) or cells
    ocr_threads: int | None = None
    ocr_dpi: int | None = None
    ocr_despeckle: int | None = None
    ocr_min_confidence: float | None = None
    # text, DOCX, XLSX, Word 97 / Excel 97
    trim_web_page: bool | None = None
    cell_line_separator: str | None = None
    flatten_layout_tables: bool | None = None
    footnotes: bool | None = None
    max_member_bytes: int | None = None
    max_cols: int | None = None
    max_empty_run: int | None = None
    table_gap: int | None = None
    split_titles: bool | None = None
    check_formulas: bool | None = None
    soffice: str | None = None
    convert_timeout: float | None = None

    def __post_init__(self):
        if self.pages is not None and isinstance(self.pages, Iterable) and not isinstance(self.pages, (str, bytes)):
            object.__setattr__(self, "pages", tuple(self.pages))
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None:
                _check(f.name, value)

    @classmethod
    def of(cls, given: "ReaderSettings | Mapping | None") -> "ReaderSettings":
        """``given`` as ReaderSettings; a mapping with a name no parser knows
        is a ValueError naming it and the names there are."""
        if given is None:
            return cls()
        if isinstance(given, cls):
            return given
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(given) - known)
        if unknown:
            raise BadSetting(f"thiết lập đọc không có: {', '.join(unknown)} (có: {', '.join(sorted(known))})")
        return cls(**dict(given))

    def with_defaults(self, defaults: Mapping) -> "ReaderSettings":
        """These settings with each one left ``None`` taken from ``defaults``
        (a parser's own, by field name), validated the same way."""
        missing = {name: value for name, value in defaults.items() if getattr(self, name) is None}
        return replace(self, **missing) if missing else self

    def as_dict(self) -> dict:
        """The settings given (not None), as the parsers read them."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}


def _check(name: str, value) -> None:
    def bad(expected: str):
        raise BadSetting(f"thiết lập đọc {name} phải là {expected}, không phải {value!r}")

    if name == "engine" and value not in _CHOICES[name]:
        raise BadSetting(f"Không có bộ đọc PDF '{value}' (chọn: {', '.join(_CHOICES[name])})")
    if name in _CHOICES and value not in _CHOICES[name]:
        bad(" hoặc ".join(_CHOICES[name]))
    if name in _BOOL and not isinstance(value, bool):
        bad("True hoặc False")
    if name in _POSITIVE_INT and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        bad("một số nguyên dương")
    if name in _NON_NEGATIVE_INT and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        bad("một số nguyên không âm")
    if name in ("ocr_min_confidence", "convert_timeout") and (
            isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0):
        bad("một số không âm")
    if name in ("password", "cell_line_separator", "soffice") and not isinstance(value, str):
        bad("một chuỗi")
    if name == "limits" and not isinstance(value, Limits):
        bad("một Limits")
    if name == "on_page" and not callable(value):
        bad("một hàm on_page(stage, k, n)")
    if name == "table_settings" and not isinstance(value, Mapping):
        bad("một từ điển thiết lập của pdfplumber")
    if name == "pages" and (not isinstance(value, Iterable) or isinstance(value, (str, bytes))
                            or not all(isinstance(p, int) and not isinstance(p, bool) and p >= 1 for p in value)):
        bad("các số trang (từ 1)")
