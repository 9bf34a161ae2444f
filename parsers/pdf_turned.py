"""Turned text of a table without rules (:mod:`parsers.pdf_words`): a
header written up or down its narrow cell (a browser's ``writing-mode:
vertical-rl`` turned, Word's "btLr") is a run of glyphs one above the other,
each a visual line of its own; read letter by letter from the top of the
page it came out backwards ("1 ố s ỉ h C"). Each run is read with the page
turned (:func:`parsers.pdf_glyphs.as_upright`) and stands in the table as
one glyph-like box over the run's extent, holding the run's words."""
from __future__ import annotations

from .pdf_glyphs import as_upright, chars_to_lines, line_text, turned


def turned_runs(chars: list[dict]) -> tuple[list[dict], dict[int, set[int]]]:
    """``chars`` with each run of turned glyphs replaced by one box holding
    its text, and for each box (by id) the ids of the glyphs it stands for;
    ``chars`` itself and no boxes when nothing is turned."""
    runs: list[list[dict]] = []
    for ch in sorted((c for c in chars if turned(c)), key=lambda c: (turned(c), round(c["x0"]), c["top"])):
        last = runs[-1][-1] if runs else None
        size = ch["x1"] - ch["x0"]
        if (last is not None and turned(last) == turned(ch) and abs(last["x0"] - ch["x0"]) < 1.0
                and ch["top"] - last["bottom"] < 0.5 * size):
            runs[-1].append(ch)
        else:
            runs.append([ch])
    if not runs:
        return chars, {}
    boxes: list[dict] = []
    sources: dict[int, set[int]] = {}
    for run in runs:
        text = " ".join(t for t in (line_text(ln) for ln in chars_to_lines(as_upright(run))) if t)
        if not text.strip():
            continue
        box = {"text": text, "x0": min(c["x0"] for c in run), "x1": max(c["x1"] for c in run),
               "top": min(c["top"] for c in run), "bottom": max(c["bottom"] for c in run),
               "size": run[0]["x1"] - run[0]["x0"], "fontname": run[0].get("fontname", ""), "upright": True}
        boxes.append(box)
        sources[id(box)] = {id(c) for c in run}
    return [c for c in chars if not turned(c)] + boxes, sources
