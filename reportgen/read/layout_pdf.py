"""The layout a PDF shows, as a :class:`reportgen.model.Layout` for the ND30
check: the text lines outside tables with their font, size, bold and italic
(``units``), the paper of each run of pages of one size, and margins
measured from where the text stands.

A PDF keeps no margins, only text placed on the page, so each margin is an
interval the actual margin lies in (``<side>_range``, millimetres):

- left and right: the text never crosses the margin, so the margin is at
  most the gap; it equals the gap when three lines or more start (end) at
  the same place (left-aligned, justified text);
- top: the first line of a page stands at the margin (a glyph's box may rise
  half a millimetre above it, a page opening with spacing starts lower);
- bottom: the last line of a page stands above the margin; on a full page
  less than a line pitch above it (the next line did not fit). A page may
  end early (a section, an appendix ends there), so the lower bound is taken
  on the fullest of three pages or more that are not the last of their run.

A check then says "too small" or "too large" only when the whole interval
is outside the decree's range."""
from __future__ import annotations

from statistics import median

from ..model import Layout, Paragraph
from ..raw import RawDocument, RawTable, TextFormat

PT_TO_MM = 25.4 / 72


def pdf_layout(raw: RawDocument, blocks: list) -> Layout | None:
    pages = raw.properties.get("pdf_layout")
    if raw.format != "pdf" or not pages:
        return None
    tables = [b for b in blocks if isinstance(b, RawTable) and b.bbox and b.page]
    units: list[Paragraph] = []
    formats: dict[int, TextFormat] = {}
    free: dict[int, list[dict]] = {}
    for page in pages:
        boxes = [t.bbox for t in tables if t.page == page["page"]]
        for line in page["lines"]:
            if line.get("in_table") or line.get("footnote") or _inside(line, boxes):
                continue
            free.setdefault(page["page"], []).append(line)
            i = len(units)
            units.append(Paragraph(text=line["text"], index=i, page=page["page"]))
            formats[i] = TextFormat(font=_family_name(line["font"]), size=line["size"], bold=line["bold"],
                                    italic=line["italic"], caps=False)
    if not units:
        return None
    numbered = [p for p in pages if p.get("page_number")]
    return Layout(pages=_runs(pages, free), page_numbers=bool(numbered) if len(pages) > 1 else None,
                  formats=formats, units=units, source="pdf",
                  page_number_sizes=[(p["page"], p["page_number"]["size"]) for p in numbered])


def _inside(line: dict, boxes: list) -> bool:
    cx, cy = (line["x0"] + line["x1"]) / 2, (line["top"] + line["bottom"]) / 2
    return any(b[0] - 1 <= cx <= b[2] + 1 and b[1] - 1 <= cy <= b[3] + 1 for b in boxes)


# Font names as a PDF carries them (no spaces) → as a person writes them.
_NAMES = {"timesnewroman": "Times New Roman", "liberationserif": "Liberation Serif", "arial": "Arial",
          "calibri": "Calibri", "dejavuserif": "DejaVu Serif", "dejavusans": "DejaVu Sans", "tinos": "Tinos",
          "liberationsans": "Liberation Sans", "cambria": "Cambria", "helvetica": "Helvetica", "times": "Times",
          "nimbusroman": "Nimbus Roman", "nimbusromno9l": "Nimbus Roman No9 L", "verdana": "Verdana",
          "tahoma": "Tahoma", "couriernew": "Courier New", "courier": "Courier"}


def _family_name(family: str) -> str:
    return _NAMES.get(family.casefold().replace(" ", ""), family)


def _runs(pages: list[dict], free: dict[int, list[dict]]) -> list[dict]:
    """Consecutive pages of one size, each with its paper and measured margins."""
    runs: list[list[dict]] = []
    for page in pages:
        if runs and abs(runs[-1][0]["width_pt"] - page["width_pt"]) < 1 \
                and abs(runs[-1][0]["height_pt"] - page["height_pt"]) < 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return [_measure(run, free) for run in runs]


def _mm(pt: float) -> float:
    return round(pt * PT_TO_MM, 1)


def _measure(run: list[dict], free: dict[int, list[dict]]) -> dict:
    first, last = run[0]["page"], run[-1]["page"]
    width, height = run[0]["width_pt"], run[0]["height_pt"]
    out = {"width_mm": run[0]["width_mm"], "height_mm": run[0]["height_mm"],
           "label": f"Trang {first}" if first == last else f"Trang {first}–{last}"}
    all_lines = [ln for p in run for ln in p["lines"]]
    own = [ln for p in run for ln in free.get(p["page"], [])]
    if not all_lines:
        return out
    sides = own or all_lines
    left = min(ln["x0"] for ln in sides)
    exact = sum(abs(ln["x0"] - left) < 0.6 for ln in sides) >= 3
    out["left_range"] = [_mm(left) if exact else 0.0, _mm(left)]
    right = max(ln["x1"] for ln in sides)
    exact = sum(abs(ln["x1"] - right) < 0.6 for ln in sides) >= 3
    out["right_range"] = [_mm(width - right) if exact else 0.0, _mm(width - right)]
    top = min(min(ln["top"] for ln in p["lines"]) for p in run if p["lines"])
    out["top_range"] = [round(_mm(top) - 1.5, 1), round(_mm(top) + 0.5, 1)]
    full = [p for p in run[:-1] if p["lines"]]
    if len(full) >= 3:  # one of them is full (a page may end early: a section or an appendix ends there)
        bottom = min(height - max(ln["bottom"] for ln in p["lines"]) for p in full)
        tops = sorted({round(ln["top"], 1) for p in full for ln in p["lines"]})
        pitch = median([b - a for a, b in zip(tops, tops[1:]) if b - a > 2] or [0])
        out["bottom_range"] = [round(_mm(bottom - pitch) - 1, 1), round(_mm(bottom) + 0.5, 1)]
    else:  # the last page of its run ends where its text ends: only an upper bound
        bottom = height - max(ln["bottom"] for p in run for ln in p["lines"])
        out["bottom_range"] = [0.0, round(_mm(bottom) + 0.5, 1)]
    return out
