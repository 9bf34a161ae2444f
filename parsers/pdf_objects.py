"""A page's objects (chars, lines, rects, curves, images) as pdfplumber's
``Page.objects`` gives them, made faster.

pdfplumber turns every pdfminer layout object into a dict through one
generic path: a closure and a recursive ``resolve_all`` for each attribute,
a regular expression for the object's kind and a PDFDocEncoding decoding of
the colour space's name, for each of a page's thousands of glyphs. That
conversion is a third of the time a text page takes to read. Here a glyph
(``LTChar``) takes a direct path that gives the same dict (the same keys,
in the same order, with the same values); every other object goes through
pdfplumber's own ``process_object``. :func:`install` makes a page use it, so
``page.chars``, ``page.edges`` and the table finder all see these objects.
"""
from __future__ import annotations

from unicodedata import normalize

from pdfminer.layout import LTChar, LTContainer
from pdfplumber.utils import resolve_all, resolve_and_decode

try:  # pdfplumber's own names for what a glyph's dict holds (not its public API)
    from pdfplumber.page import ALL_ATTRS, fix_fontname_bytes
except ImportError:  # another pdfplumber: its own (slower) path builds the objects
    ALL_ATTRS = fix_fontname_bytes = None

_PLAIN = frozenset((float, int, str, bool, type(None)))  # what resolve_all gives back as it is
_NAMES: dict = {}  # colour space name → its decoded text (a page has a few)


def _space(name) -> str:
    if type(name) is not str:
        return resolve_and_decode(name)
    out = _NAMES.get(name)
    if out is None:
        out = _NAMES[name] = resolve_and_decode(name)
    return out


def _char(obj: LTChar, page_number: int, norm: str | None, box: tuple) -> dict:
    """pdfplumber's dict of a glyph (``Page.process_object`` on an LTChar);
    ``box``: (page height, MediaBox x0, MediaBox top, the page's doctop)."""
    attr = {}
    for k, v in obj.__dict__.items():
        if k in ALL_ATTRS:
            kind = type(v)
            plain = kind in _PLAIN or (kind is tuple and _PLAIN.issuperset(map(type, v)))
            attr[k] = v if plain else resolve_all(v)
    attr["object_type"] = "char"
    attr["page_number"] = page_number
    for cs in ("ncs", "scs"):
        if hasattr(obj, cs):
            attr[cs] = _space(getattr(obj, cs).name)
    text = obj.get_text()
    attr["text"] = normalize(norm, text) if norm is not None else text
    gs = obj.graphicstate
    attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
    attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
    if isinstance(attr["fontname"], bytes):
        attr["fontname"] = fix_fontname_bytes(attr["fontname"])
    height, mb_x0, mb_top, doctop = box
    if "y0" in attr:
        attr["top"] = top = (height - attr["y1"]) + mb_top
        attr["bottom"] = (height - attr["y0"]) + mb_top
        attr["doctop"] = doctop + top
    if "x0" in attr and mb_x0 != 0:
        attr["x0"] = attr["x0"] + mb_x0
        attr["x1"] = attr["x1"] + mb_x0
    return attr


def parse_objects(page) -> dict[str, list[dict]]:
    """``page.parse_objects()`` with glyphs on the direct path."""
    box = (page.height, *page.mediabox[:2], page.initial_doctop)
    number, norm = page.page_number, page.pdf.unicode_norm
    grouped = page.pdf.laparams is not None  # containers are objects too
    objects: dict[str, list[dict]] = {}

    def walk(items) -> None:
        for obj in items:
            if type(obj) is LTChar:
                objects.setdefault("char", []).append(_char(obj, number, norm, box))
                continue
            if isinstance(obj, LTContainer):
                if grouped:
                    add(page.process_object(obj))
                walk(obj._objs)
            else:
                add(page.process_object(obj))

    def add(attr: dict) -> None:
        if attr["object_type"] != "anno":
            objects.setdefault(attr["object_type"], []).append(attr)

    walk(page.layout._objs)
    return objects


def install(pdf) -> None:
    """Make the pages of an open pdfplumber document build their objects
    by :func:`parse_objects` (when first asked for, as before); left to
    pdfplumber where it has not the internals the direct path copies."""
    if ALL_ATTRS is None:
        return
    for page in pdf.pages:
        page.parse_objects = (lambda p: lambda: parse_objects(p))(page)
