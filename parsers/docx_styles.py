"""Effective character formatting of a DOCX paragraph for the layout check:
font, size, bold, italic and alignment as Word would show them, resolved
from the runs, the paragraph style and its ``basedOn`` chain, and the
document defaults (``w:docDefaults``). Only what the ND30 check needs; run
styles and theme fonts beyond their names are not followed."""
from __future__ import annotations

from reportgen.raw import TextFormat

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_VAL = f"{{{W}}}val"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _flag(rpr, tag: str) -> bool | None:
    el = rpr.find(_q(tag)) if rpr is not None else None
    if el is None:
        return None
    return (el.get(_VAL) or "true").lower() not in ("0", "false", "off")


def _rpr_values(rpr) -> dict:
    out: dict = {}
    if rpr is None:
        return out
    fonts = rpr.find(_q("rFonts"))
    if fonts is not None:
        name = fonts.get(_q("ascii")) or fonts.get(_q("hAnsi"))
        if name:
            out["font"] = name
    sz = rpr.find(_q("sz"))
    if sz is not None and (sz.get(_VAL) or "").isdecimal():
        out["size"] = int(sz.get(_VAL)) / 2
    for tag, key in (("b", "bold"), ("i", "italic"), ("caps", "caps")):
        value = _flag(rpr, tag)
        if value is not None:
            out[key] = value
    return out


class Styles:
    """Paragraph styles of a document, resolved through ``basedOn``."""

    def __init__(self, styles_element) -> None:
        self._by_id: dict[str, object] = {}
        self.default_id: str | None = None
        self.defaults: dict = {}
        if styles_element is None:
            return
        for st in styles_element.iter(_q("style")):
            sid = st.get(_q("styleId"))
            if sid:
                self._by_id[sid] = st
                if st.get(_q("type")) == "paragraph" and st.get(_q("default")) in ("1", "true"):
                    self.default_id = sid
        dd = styles_element.find(_q("docDefaults"))
        if dd is not None:
            self.defaults = _rpr_values(dd.find(f"{_q('rPrDefault')}/{_q('rPr')}"))
        self._cache: dict[str | None, tuple[dict, str | None]] = {}

    def resolved(self, style_id: str | None) -> tuple[dict, str | None]:
        """(character values, alignment) of a paragraph style."""
        style_id = style_id or self.default_id
        if style_id in self._cache:
            return self._cache[style_id]
        chain, seen = [], set()
        sid = style_id
        while sid and sid in self._by_id and sid not in seen:
            seen.add(sid)
            st = self._by_id[sid]
            chain.append(st)
            based = st.find(_q("basedOn"))
            sid = based.get(_VAL) if based is not None else None
        values, align = dict(self.defaults), None
        for st in reversed(chain):
            values.update(_rpr_values(st.find(_q("rPr"))))
            ppr = st.find(_q("pPr"))
            jc = ppr.find(_q("jc")) if ppr is not None else None
            if jc is not None:
                align = jc.get(_VAL)
        self._cache[style_id] = (values, align)
        return values, align


def effective_format(p, text_runs: list, styles: Styles | None) -> TextFormat:
    """The format of a paragraph's first text run over its style."""
    ppr = p.find(_q("pPr"))
    style_id = None
    if ppr is not None:
        ps = ppr.find(_q("pStyle"))
        style_id = ps.get(_VAL) if ps is not None else None
    values, align = styles.resolved(style_id) if styles is not None else ({}, None)
    values = dict(values)
    if ppr is not None:
        jc = ppr.find(_q("jc"))
        if jc is not None:
            align = jc.get(_VAL)
    if text_runs:
        run_values = [_rpr_values(r.find(_q("rPr"))) for r in text_runs]
        first = run_values[0]
        for key in ("font", "size"):
            if key in first:
                values[key] = first[key]
        for key in ("bold", "italic", "caps"):
            own = [rv.get(key, values.get(key, False)) for rv in run_values]
            values[key] = all(own)
    return TextFormat(font=values.get("font"), size=values.get("size"), bold=bool(values.get("bold")),
                      italic=bool(values.get("italic")), align=align, caps=bool(values.get("caps")))


def page_setups(document) -> list[dict]:
    """Paper size and margins of every section, in millimetres."""
    out = []
    for s in document.sections:
        def mm(v):
            return round(v / 36000, 1) if v is not None else None
        out.append({"width_mm": mm(s.page_width), "height_mm": mm(s.page_height), "top_mm": mm(s.top_margin),
                    "bottom_mm": mm(s.bottom_margin), "left_mm": mm(s.left_margin), "right_mm": mm(s.right_margin)})
    return out


def has_page_numbers(document) -> bool:
    """A PAGE field in any header or footer of any section."""
    for s in document.sections:
        for part in (s.header, s.first_page_header, s.even_page_header, s.footer, s.first_page_footer,
                     s.even_page_footer):
            try:
                if part.is_linked_to_previous:
                    continue
                el = part._element
            except Exception:  # a header part python-docx cannot load: no page numbers seen there
                continue
            instr = " ".join(t.text or "" for t in el.iter(_q("instrText")))
            simple = " ".join(f.get(_q("instr")) or "" for f in el.iter(_q("fldSimple")))
            if "PAGE" in (instr + " " + simple).upper():
                return True
    return False
