"""The columns of a table whose only cell boundaries are its header's fills
(see docs/pdf.md, 4.).

A browser prints a table without borders whose header cells are shaded
(``th { background: … }``) as one box per header cell, all of one colour,
side by side: the reader sees one shaded block, and the words under it in
columns. With a header of two levels the boxes have different heights (a
group title over its sub-columns, "STT" down both levels), so their sides
make a grid of the header alone: the body under it, at most with zebra
bands, has no vertical rule, and the table finder read the header as the
whole table and left the rows as paragraphs.

Here the boxes of such a block give the columns: each box's sides and top
and bottom are the header's cells, and the sides of the boxes of the lowest
level run on down through the lines of text under the block, as long as
those lines keep within the block's width and no word of theirs crosses a
column's side. A band between two rules across the table (a zebra band's
top and bottom, the rule under the header) that holds two lines writing a
figure in the same column holds two rows (figures never wrap), and a rule
is put between them; a rule closes the table under its last line where none
is drawn.
"""
from __future__ import annotations

import re

from .pdf_rules import RULE_THICKNESS, _rect_thickness, _white

_TOL = 0.8  # points: boxes this close touch
_FIGURE = re.compile(r"^[(\-+]?\d[\d.,]*%?\)?$")


def fill_header_lines(page, chars: list[dict], horizontal: list[dict]) -> tuple[list[dict], list[dict]] | None:
    """Rules to add to the page's explicit ones (vertical, horizontal) for the
    tables whose columns only a shaded header of two levels or more marks;
    None when the page has no such table. ``horizontal``: the page's
    horizontal rules as the table finder takes them."""
    vertical_out: list[dict] = []
    horizontal_out: list[dict] = []
    for block in _header_blocks(page):
        lines = _extend(block, chars, horizontal)
        if lines:
            vertical_out += lines[0]
            horizontal_out += lines[1]
    return (vertical_out, horizontal_out) if vertical_out else None


def _header_blocks(page) -> list[list[tuple[float, float, float, float]]]:
    """Groups of coloured fills of one colour that touch and together cover a
    rectangle, in more than one level (boxes of different tops or bottoms)."""
    by_color: dict[str, list[tuple]] = {}
    for r in page.rects:
        if not r.get("fill") or _white(r.get("non_stroking_color")) or _rect_thickness(r) <= RULE_THICKNESS:
            continue
        box = (float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"]))
        by_color.setdefault(str(r.get("non_stroking_color")), []).append(box)
    blocks = []
    for boxes in by_color.values():
        boxes = sorted(set(boxes))
        at: dict[int, list[int]] = {}  # boxes by the rounded coordinates of their sides, to find neighbours
        for i, b in enumerate(boxes):
            for v in {round(b[0]), round(b[2]), -1 - round(b[1]), -1 - round(b[3])}:
                at.setdefault(v, []).append(i)
        seen: set[int] = set()
        for i in range(len(boxes)):
            if i in seen:
                continue
            group, todo = [], [i]
            seen.add(i)
            while todo:
                k = todo.pop()
                a = boxes[k]
                group.append(a)
                near = {j for v in (round(a[0]), round(a[2])) for d in (-1, 0, 1) for j in at.get(v + d, ())}
                near |= {j for v in (round(a[1]), round(a[3])) for d in (-1, 0, 1) for j in at.get(-1 - v - d, ())}
                for j in near:
                    if j not in seen and _touch(a, boxes[j]):
                        seen.add(j)
                        todo.append(j)
            if len({(round(b[1]), round(b[3])) for b in group}) < 2:
                continue  # one band: a one-level header or a zebra row
            x0, top = min(b[0] for b in group), min(b[1] for b in group)
            x1, bottom = max(b[2] for b in group), max(b[3] for b in group)
            area = sum((b[2] - b[0]) * (b[3] - b[1]) for b in group)
            if abs(area - (x1 - x0) * (bottom - top)) <= 0.02 * (x1 - x0) * (bottom - top):
                blocks.append(group)
    return blocks


def _touch(a: tuple, b: tuple) -> bool:
    side = (abs(a[2] - b[0]) <= _TOL or abs(b[2] - a[0]) <= _TOL) and min(a[3], b[3]) - max(a[1], b[1]) > _TOL
    stacked = (abs(a[3] - b[1]) <= _TOL or abs(b[3] - a[1]) <= _TOL) and min(a[2], b[2]) - max(a[0], b[0]) > _TOL
    return side or stacked


def _extend(block: list[tuple], chars: list[dict], horizontal: list[dict]):
    x0, x1 = min(b[0] for b in block), max(b[2] for b in block)
    bottom = max(b[3] for b in block)
    sides = sorted({round(b[0], 1) for b in block if abs(b[3] - bottom) <= _TOL}
                   | {round(b[2], 1) for b in block if abs(b[3] - bottom) <= _TOL})
    inner = [x for x in sides if x0 + _TOL < x < x1 - _TOL]
    if len(inner) < 2:
        return None
    body = _lines_below(chars, bottom, x0, x1, inner)
    across = sorted(_rule_y(h) for h in horizontal if h["x0"] <= x0 + 2 and h["x1"] >= x1 - 2)
    figures = [i for i, ln in enumerate(body) if len(_figure_columns(ln, sides)) >= 2]
    if len(figures) < 2:
        return None  # a table's body has two rows or more of figures in two columns or more
    last = max(c["bottom"] for c in body[figures[-1]])
    rule = next((y for y in across if y > last), None)
    if rule is not None:  # lines past the rule under the last row of figures are the text after the table
        body = [ln for ln in body if ln[0]["top"] < rule]
    end = max(c["bottom"] for c in body[-1])
    size = max(c["bottom"] - c["top"] for c in body[-1])
    across = [y for y in across if bottom - 2 <= y <= end + size]
    closing = [y for y in across if y >= end - 0.5]
    foot = closing[0] if closing else end + 1.0
    rows = [y for y in across if y < end - 0.5]
    if not rows or rows[0] > bottom + 2:
        rows.insert(0, bottom)
    rows.append(foot)
    new_h = [] if closing else [foot]
    for a, b in zip(rows, rows[1:]):
        band = [ln for ln in body if a <= (ln[0]["top"] + ln[0]["bottom"]) / 2 <= b]
        for upper, lower in zip(band, band[1:]):
            if _figure_columns(upper, sides) & _figure_columns(lower, sides):
                new_h.append((max(c["bottom"] for c in upper) + min(c["top"] for c in lower)) / 2)
    vertical = []
    for b in block:  # the header's own cells
        for x in (b[0], b[2]):
            vertical.append(_line(x, x, b[1], b[3]))
    for x in sides:  # its lowest level's columns, down the body
        vertical.append(_line(x, x, bottom, foot))
    hz = [_line(b[0], b[2], y, y) for b in block for y in (b[1], b[3])]
    hz += [_line(x0, x1, y, y) for y in new_h]
    return vertical, hz


def _rule_y(h: dict) -> float:
    return (h["top"] + h["bottom"]) / 2


def _line(x0: float, x1: float, top: float, bottom: float) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top,
            "orientation": "v" if x0 == x1 else "h", "object_type": "line"}


def _lines_below(chars: list[dict], bottom: float, x0: float, x1: float, sides: list[float]) -> list[list[dict]]:
    """The lines of text under the block that go on its table: within its
    width, no word across a column's side, each at most a line and a half
    under the one before."""
    below = sorted((c for c in chars if c["top"] >= bottom - 1 and c.get("upright", True)),
                   key=lambda c: (c["top"], c["x0"]))
    lines: list[list[dict]] = []
    for c in below:
        if lines and c["top"] < max(ch["bottom"] for ch in lines[-1]) - 0.3 * (c["bottom"] - c["top"]):
            lines[-1].append(c)
        else:
            lines.append([c])
    out: list[list[dict]] = []
    last = bottom
    for line in lines:
        line.sort(key=lambda c: c["x0"])
        visible = [c for c in line if c["text"].strip()]
        if not visible:
            continue
        size = max(c["bottom"] - c["top"] for c in visible)
        if min(c["top"] for c in visible) - last > 1.5 * size:
            break
        if min(c["x0"] for c in visible) < x0 - 1 or max(c["x1"] for c in visible) > x1 + 1:
            break
        if _crosses(visible, sides):
            break
        out.append(visible)
        last = max(c["bottom"] for c in visible)
    return out


def _crosses(line: list[dict], sides: list[float]) -> bool:
    """A glyph over a column's side, or two glyphs of one word on either side."""
    for x in sides:
        if any(c["x0"] < x - 0.5 and c["x1"] > x + 0.5 for c in line):
            return True
        left = [c for c in line if c["x1"] <= x + 0.5]
        right = [c for c in line if c["x0"] >= x - 0.5]
        if left and right:
            a = max(left, key=lambda c: c["x1"])
            b = min(right, key=lambda c: c["x0"])
            if b["x0"] - a["x1"] < 0.15 * (a["bottom"] - a["top"]):
                return True
    return False


def _figure_columns(line: list[dict], sides: list[float]) -> set[int]:
    """The columns in which a line writes a figure."""
    texts: dict[int, str] = {}
    for c in line:
        col = sum(1 for x in sides if (c["x0"] + c["x1"]) / 2 > x)
        texts[col] = texts.get(col, "") + c["text"]
    return {col for col, t in texts.items() if _FIGURE.match(t.replace(" ", ""))}
