"""The tables of one PDF page, whichever way the page draws them.

pdfplumber's ruling lines first (``pdf_grid``); rules it cannot join into
cells go to camelot's lattice; a page with no rules at all gives tables from
word positions (``pdf_words``). A grid counts as a table when it has two rows
or more and is mostly filled, or is one full row at the foot of the page (a
header whose body starts on the next page) or at its head (the last row of a
table begun on the page before). ``engine='camelot'`` sends every page to
camelot.
"""
from __future__ import annotations

from pathlib import Path

from reportgen.raw import RawTable

from .layout_tables import is_layout
from .pdf_fill_header import fill_header_lines
from .pdf_grid import grid_table
from .pdf_rules import has_grid_lines, ruling_lines
from .settings import ReaderSettings

DEFAULT_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines",
                          "snap_tolerance": 3, "intersection_tolerance": 3}


def page_tables(page, chars: list[dict], path: Path, settings: ReaderSettings,
                lines: list[list[dict]] | None = None, texts: dict | None = None):
    """Tables of a page and the ids of the characters inside them; ``lines``:
    the visual lines of ``chars`` when the caller has them, ``texts``: the
    page's cache of :func:`parsers.pdf_glyphs.line_text`."""
    if settings.engine == "camelot":
        from .pdf_camelot import camelot_tables

        return camelot_tables(path, page, chars, flavor=settings.camelot_flavor or "lattice",
                              keep=_mostly_filled)
    table_settings = {**DEFAULT_TABLE_SETTINGS, **ruling_lines(page),
                      **(settings.table_settings or {})}
    if not settings.table_settings:
        table_settings = _with_fill_header(page, chars, table_settings)
    no_rules = any(table_settings.get(f"{k}_strategy") == "explicit"
                   and len(table_settings.get(f"explicit_{k}_lines") or ()) < 2
                   for k in ("vertical", "horizontal"))
    found = [] if no_rules else [f for f in page.find_tables(table_settings) if len(f.cells) >= 2]
    if found:
        kept = _keep_tables([grid_table(f, chars, page.page_number, texts) for f in found], float(page.height))
        # grids that are no table (a frame round a borderless table, one rule under its header: one
        # column of two cells) leave the page to the other readers
        if kept[0] or not _frames_only(found):
            return kept
    if has_grid_lines(page):  # rules pdfplumber could not join into cells
        from .pdf_camelot import camelot_tables

        tables, taken = camelot_tables(path, page, chars, flavor="lattice", keep=_mostly_filled)
        if tables:
            return tables, taken
    from .pdf_words import aligned_tables

    return aligned_tables(chars, page.page_number, lines, texts)


def _with_fill_header(page, chars: list[dict], table_settings: dict) -> dict:
    """The settings with the columns a shaded header of two levels marks
    run down its body (:func:`parsers.pdf_fill_header.fill_header_lines`)."""
    if not page.rects:
        return table_settings
    explicit = table_settings if table_settings.get("horizontal_strategy") == "explicit" \
        else {**table_settings, **ruling_lines(page, explicit=True)}
    extra = fill_header_lines(page, chars, explicit.get("explicit_horizontal_lines") or [])
    if extra is None:
        return table_settings
    return {**explicit, "explicit_vertical_lines": [*explicit["explicit_vertical_lines"], *extra[0]],
            "explicit_horizontal_lines": [*explicit["explicit_horizontal_lines"], *extra[1]]}


def _frames_only(found) -> bool:
    """Whether every grid pdfplumber joined is a frame of one column: a box
    round a table drawn without inner rules, its columns left to be read
    from the words' positions."""
    return all(len({round(c[0]) for c in f.cells}) == 1 for f in found)


def _keep_tables(candidates, page_height: float | None = None) -> tuple[list[RawTable], set[int]]:
    """Grids that are tables: two rows or more, mostly filled; or one full row
    of three columns or more at the foot of the page (a header whose body
    starts on the next page) or at its head (the last row of a table begun
    on the page before; a lone row that no table continues stays one). A
    layout grid (:func:`parsers.layout_tables.is_layout`: the issuer | motto
    header a browser prints with borders) is prose, as in a DOCX: its
    glyphs are left to the paragraphs."""
    tables, taken = [], set()
    for raw, ids in candidates:
        rest = _rest_at_head(raw, page_height)  # its one or two cells would pass for a layout grid
        if raw.n_cols < 2 or not (_mostly_filled(raw) or rest) or is_layout(raw) and not rest:
            continue
        if len(raw.rows) < 2 and not _header_at_foot(raw, page_height) and not _row_at_head(raw, page_height) \
                and not _rest_at_head(raw, page_height):
            continue
        tables.append(raw)
        taken |= ids
    return tables, taken


def _header_at_foot(table: RawTable, page_height: float | None) -> bool:
    if not page_height or not table.bbox or table.n_cols < 3:
        return False
    cells = [c for row in table.rows for c in row]
    return all(c.text.strip() for c in cells) and table.bbox[1] > 0.7 * page_height


def _row_at_head(table: RawTable, page_height: float | None) -> bool:
    if not page_height or not table.bbox or table.n_cols < 3 or len(table.rows) != 1:
        return False
    return sum(bool(c.text.strip()) for c in table.rows[0]) >= 3 and table.bbox[1] < 0.2 * page_height


def _rest_at_head(table: RawTable, page_height: float | None) -> bool:
    """One row of three columns or more at the head of the page holding
    words only in one or two cells: the rest of a row the page break cut
    ('g bình' of 'Trun'), kept for the table it goes on
    (``pdf_join.remnant``: made paragraphs again when no table takes it)."""
    if not page_height or not table.bbox or table.n_cols < 3 or len(table.rows) != 1:
        return False
    filled = [c.text for c in table.rows[0] if c.text.strip()]
    return 0 < len(filled) < 3 and all(any(ch.isalpha() for ch in t) for t in filled) \
        and table.bbox[1] < 0.2 * page_height


def _mostly_filled(table: RawTable) -> bool:
    """A grid most of whose cells are empty is a chart's gridlines or a
    drawing, not a table."""
    cells = [c for row in table.rows for c in row]
    return sum(bool(c.text.strip()) for c in cells) >= 0.25 * len(cells)
