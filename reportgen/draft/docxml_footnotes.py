"""Real Word footnotes: the footnotes part and its references.

python-docx has no footnotes API; its own extension point (how it registers
its header, footer and comments parts) makes ``footnotes.xml`` load as an XML
part with its relationships, and this module adds the part (with its
separators) where a document has none, a footnote's text, and the reference
mark after a run. Built on :mod:`docxml`.
"""
from __future__ import annotations

import copy

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import PartFactory, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from .docxml import parse, qn, rpr_xml, run_xml

FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
# python-docx's own extension point (how it registers its header, footer and
# comments parts): footnotes.xml loads as an XML part, with its relationships.
PartFactory.part_type_for.setdefault(FOOTNOTES_CT, XmlPart)

_FOOTNOTES_XML = (
    f'<w:footnotes {nsdecls("w", "r")}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    '</w:footnotes>'
)


def footnotes_part(document, create: bool = True):
    """The document's footnotes part (created with its separators if absent)."""
    main = document.part
    for rel in main.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            part = rel.target_part
            if not isinstance(part, XmlPart):
                part = _as_xml_part(main, rel, part)
            return part
    if not create:
        return None
    part = XmlPart(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, parse_xml(_FOOTNOTES_XML), main.package)
    main.relate_to(part, RT.FOOTNOTES)
    return part


def _as_xml_part(main, rel, part):
    """A footnotes part loaded as a plain Part (a document opened before this
    module registered the part type): the same part as an XML tree, with its
    own relationships, put in its place through python-docx's public calls."""
    xml_part = XmlPart(part.partname, part.content_type, parse_xml(part.blob), part.package)
    for own in part.rels.values():
        xml_part.rels.add_relationship(own.reltype, own.target_ref if own.is_external else own.target_part,
                                       own.rId, own.is_external)
    main.drop_rel(rel.rId)
    main.rels.add_relationship(RT.FOOTNOTES, xml_part, rel.rId)
    return xml_part


def add_footnote(document, after_run, text: str, size: float = 10) -> int:
    """A real Word footnote whose reference mark follows ``after_run`` (a
    ``w:r`` element); returns its id."""
    root = footnotes_part(document).element
    new_id = max([0, *(int(fn.get(qn("w:id"))) for fn in root.findall(qn("w:footnote")))]) + 1
    mark = rpr_xml(size=size, superscript=True)
    root.append(parse(f'<w:footnote w:id="{new_id}"><w:p><w:pPr><w:spacing w:before="0" w:after="0"/>'
                       f'<w:jc w:val="both"/></w:pPr><w:r>{mark}<w:footnoteRef/></w:r>'
                       f'{run_xml(" " + text, size=size)}</w:p></w:footnote>'))
    after_run.addnext(parse(f'<w:r>{rpr_xml(superscript=True)}<w:footnoteReference w:id="{new_id}"/></w:r>'))
    return new_id


def split_run_at(run_el, marker: str) -> etree._Element | None:
    """Split a run at the first ``marker`` in its text, dropping the marker;
    returns the run that now ends where the marker was."""
    t = run_el.find(qn("w:t"))
    if t is None or t.text is None or marker not in t.text:
        return None
    before, after = t.text.split(marker, 1)
    t.text = before
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if after:
        tail = copy.deepcopy(run_el)
        tail.find(qn("w:t")).text = after
        run_el.addnext(tail)
    return run_el

