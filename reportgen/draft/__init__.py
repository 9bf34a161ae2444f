"""Drafting: a score sheet, an extract JSON or a prior report becomes a BC, TB or
CV in the format of Nghị định 30/2020, as DOCX (and PDF through LibreOffice).

The flow: :func:`inputs.load_input` reads the figures; :func:`inputs.prepared`
rescores and ranks them; :func:`compose.compose` writes the narrative and the
template context; :mod:`render` renders the Word template in a sandbox,
numbers the headings, places real footnotes and inserts the appendices built
by :mod:`appendix` (all XML in :mod:`docxml` and the modules built on it:
:mod:`docxml_tables`, :mod:`docxml_sections`, :mod:`docxml_footnotes`).
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from ..model import ScoreRow
from .compose import compose
from .data import Correction, DraftData, noun_for
from .inputs import load_input, prepared
from .metadata import DraftMeta, load_meta
from .narrative import previous_period
from .render import (
    TemplateProblem,
    add_provenance_comments,
    insert_appendices,
    number_headings,
    place_footnotes,
    release_long_lists,
    render_template,
    template_path,
)

__all__ = ["DraftResult", "TemplateProblem", "build_draft", "load_meta", "load_data", "DraftMeta", "Correction"]


@dataclass
class DraftResult:
    document: object  # python-docx Document
    data: DraftData
    meta: DraftMeta
    template: Path
    corrections: list[Correction] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)

    def save(self, target) -> None:
        """Save to a path or a binary file object."""
        self.document.save(target if hasattr(target, "write") else str(target))

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        self.document.save(buf)
        return buf.getvalue()


def load_data(path: str | Path, scheme: str | None = None, province: str | None = None,
              previous: str | Path | None = None) -> DraftData:
    """Figures from an input file, rescored and ranked, with the previous
    period's ranks attached when a previous file is given."""
    data = prepared(load_input(path, scheme, province))
    if previous is not None:
        before = prepared(load_input(previous, scheme, province))
        for dt in before.tables:
            n = len(dt.rows)
            for r in dt.rows:
                data.previous[r.unit.casefold()] = (r.total, r.percent, r.rank, n)
        if before.province is not None:
            p = before.province
            data.previous[p.row.unit.casefold()] = (p.row.total, p.row.percent, p.rank, p.of)
        data.previous_period = before.period or previous_period(data.period)
    return data


def attach_not_evaluated(data: DraftData, units: dict[str, str]) -> None:
    """Units the metadata names as not evaluated (with the reason) join the
    table of their kind: departments with departments, communes with communes."""
    for unit, reason in units.items():
        if not data.tables:
            return
        kind = noun_for([ScoreRow(unit=unit)])
        table = next((dt for dt in data.tables if dt.noun == kind), data.tables[0])
        known = {u.casefold() for u, _ in table.not_evaluated} | {r.unit.casefold() for r in table.rows}
        if unit.casefold() not in known:
            table.not_evaluated.append((unit, reason))


def build_draft(data: DraftData, meta: DraftMeta, template: str | None = None) -> DraftResult:
    """Render the document for prepared data and metadata."""
    if not meta.period and data.period:
        meta.period = data.period
    meta.fill_from(data.source_meta)
    attach_not_evaluated(data, meta.not_evaluated)
    for dt, heading in zip(data.tables, meta.headings):
        dt.heading = heading
    for dt, noun in zip(data.tables, meta.nouns):
        dt.noun = noun
    path = template_path(template, meta.doc_type)
    comp = compose(data, meta)
    tpl = render_template(path, comp.context)
    document = tpl.docx
    headings = number_headings(document)
    release_long_lists(document)
    place_footnotes(document, comp.notes.texts)
    insert_appendices(document, comp.appendices)
    add_provenance_comments(document, comp.appendices, comp.provenance)
    return DraftResult(document=document, data=data, meta=meta, template=path,
                       corrections=list(data.corrections), headings=headings)
