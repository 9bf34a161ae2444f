"""The rules a reader sees on a PDF page, for the table finder: the edges
of lines and boxes, less the white ones and the sides of a shaded box inside
a cell of the same colour (see docs/pdf.md, 4.). Each page's visible edges
are found once and shared by the table finder and the grid test."""
from __future__ import annotations

from functools import lru_cache


def _white(color) -> bool:
    if color is None:
        return False
    if isinstance(color, list):
        color = tuple(color)
    try:
        return _white_color(color)
    except TypeError:  # a colour that is no plain value (a pattern): judged as it is
        return _white_color.__wrapped__(color)


@lru_cache(maxsize=256)
def _white_color(color) -> bool:
    """:func:`_white` of one colour (a page's thousands of edges share a few)."""
    values = color if isinstance(color, tuple) else (color,)
    values = [v for v in values if isinstance(v, (int, float))]
    if len(values) == 4:  # CMYK: no ink
        return all(v <= 0.02 for v in values)
    return bool(values) and all(v >= 0.98 for v in values)


def _visible_rule(e: dict, hidden: frozenset = frozenset()) -> bool:
    """Whether an edge is a boundary a reader sees: a rule that is not white,
    or the side of a coloured fill. The sides of a white fill (Word draws a
    white box behind each cell's paragraph) and of a fill inside another of
    the same colour (``hidden``: a paragraph's shading in its shaded cell)
    are not."""
    if e.get("object_type") == "rect_edge":
        if e.get("stroke") and not _white(e.get("stroking_color")):
            return True
        if not (e.get("fill") and not _white(e.get("non_stroking_color"))):
            return False
        box = _box(e)
        if not hidden:
            return True
        if box in hidden:
            return False
        if e.get("orientation") == "v":  # the side two boxes of one band share
            return (box, "left" if abs(e["x0"] - box[0]) <= abs(e["x0"] - box[2]) else "right") not in hidden
        return True
    color = e.get("stroking_color") if e.get("stroke", True) else e.get("non_stroking_color")
    return not _white(color)


RULE_THICKNESS = 2.5  # points: a fill thinner than this is a rule drawn as a box


def _box(e: dict) -> tuple:
    pts = e.get("pts") or [(0, 0)]
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return (round(min(xs), 1), round(min(ys), 1), round(max(xs), 1), round(max(ys), 1))


def _hidden_fills(page) -> frozenset:
    """Boxes of coloured fills lying inside a fill of the same colour."""
    fills = [(_box(r), r.get("non_stroking_color")) for r in page.rects
             if r.get("fill") and not _white(r.get("non_stroking_color"))
             and _rect_thickness(r) > RULE_THICKNESS]
    hidden: set = set()
    for box, color in fills:
        for other, color2 in fills:
            if other != box and color2 == color and other[0] - 0.6 <= box[0] and other[1] - 0.6 <= box[1] \
                    and box[2] <= other[2] + 0.6 and box[3] <= other[3] + 0.6:
                hidden.add(box)
                break
    # a band painted box by box (a browser shades a zebra row cell by cell):
    # the side two boxes of one colour and one height share is no boundary
    by_row: dict = {}
    for box, color in fills:
        by_row.setdefault((box[1], box[3], str(color)), []).append(box)
    for boxes in by_row.values():
        boxes.sort()
        for a, b in zip(boxes, boxes[1:]):
            if abs(a[2] - b[0]) <= 0.6:
                hidden.add((a, "right"))
                hidden.add((b, "left"))
    return frozenset(hidden)


def _rect_thickness(e: dict) -> float:
    pts = e.get("pts") or []
    if not pts:
        return 0.0
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return min(max(xs) - min(xs), max(ys) - min(ys))


def _visible_edges(page) -> list[dict]:
    """The page's edges a reader sees as rules (:func:`_visible_rule`), made
    once a page for the table finder and the grid test."""
    cached = getattr(page, "_rg_visible_edges", None)
    if cached is None or cached[0] is not page.edges:
        hidden = _hidden_fills(page)
        cached = (page.edges, [e for e in page.edges if _visible_rule(e, hidden)])
        page._rg_visible_edges = cached
    return cached[1]


def ruling_lines(page, explicit: bool = False) -> dict:
    """Explicit ruling lines for pdfplumber's table finder: the page's edges
    a reader sees as rules, straightened when rounding left one a hair off
    horizontal or vertical (a page turned by its /Rotate: pdfplumber would
    take a horizontal rule whose ends differ by 1e-13 for a vertical one).
    Empty when every edge is a plain visible rule (pdfplumber's own
    strategy then gives the same), unless ``explicit``."""
    edges = page.edges
    visible = _visible_edges(page)
    crooked = any((e["orientation"] == "v") != (abs(e["x1"] - e["x0"]) < abs(e["bottom"] - e["top"]))
                  for e in visible)
    closing = _closing_rules(visible, float(page.height))
    if len(visible) == len(edges) and not crooked and not closing and not explicit:
        return {}
    horizontal, vertical = list(closing), []
    for e in visible:
        if abs(e["x1"] - e["x0"]) >= abs(e["bottom"] - e["top"]):
            y = (e["top"] + e["bottom"]) / 2
            horizontal.append({**e, "top": y, "bottom": y, "height": 0, "orientation": "h"})
        else:
            x = (e["x0"] + e["x1"]) / 2
            vertical.append({**e, "x0": x, "x1": x, "width": 0, "orientation": "v"})
    return {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
            "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal}


def _closing_rules(edges: list[dict], height: float) -> list[dict]:
    """Rules across the open ends of a table cut by a page break. A cell
    merged down rows that go on to the next page has side rules running to
    the foot of the page and no rule below it; on the next page, a browser
    draws the rest of the table from the head of the page with no rule above.
    Without a rule there the table finder drops those cells and their text.
    Where at least two side rules end where the page's lowest rules end, near
    its foot (or begin where its highest begin, near its head), and no rule
    runs across all of them there, a rule across them closes the table."""
    vertical = [e for e in edges if abs(e["x1"] - e["x0"]) < abs(e["bottom"] - e["top"]) and
                e["bottom"] - e["top"] > 8]
    horizontal = [e for e in edges if abs(e["x1"] - e["x0"]) >= max(3.0, abs(e["bottom"] - e["top"]))]
    if not vertical:
        return []
    # only the outer ends of the rules: where the first table of the page begins, the last one ends
    top, bottom = min(v["top"] for v in vertical), max(v["bottom"] for v in vertical)
    ends: dict[int, list[float]] = {}
    for v in vertical:
        x = (v["x0"] + v["x1"]) / 2
        if v["bottom"] > (1 - _MARGIN_BAND) * height and v["bottom"] >= bottom - 2:
            ends.setdefault(round(bottom), []).append(x)
        if v["top"] < _MARGIN_BAND * height and v["top"] <= top + 2:
            ends.setdefault(-round(top), []).append(x)
    out = []
    for key, xs in ends.items():
        y, left, right = float(abs(key)), min(xs), max(xs)
        if right - left < 3 or _ruled_across(horizontal, y, left, right):
            continue  # one rule's two edges, or a table closed there already
        out.append({"x0": left, "x1": right, "top": y, "bottom": y, "width": right - left, "height": 0,
                    "orientation": "h", "object_type": "line"})
    return out


def _ruled_across(horizontal: list[dict], y: float, left: float, right: float, tol: float = 3.0) -> bool:
    """Rules within ``tol`` of ``y`` cover the span from ``left`` to ``right``."""
    spans = sorted((h["x0"], h["x1"]) for h in horizontal if abs((h["top"] + h["bottom"]) / 2 - y) <= tol)
    reach = left
    for x0, x1 in spans:
        if x0 > reach + tol:
            break
        reach = max(reach, x1)
    return reach >= right - tol


_MARGIN_BAND = 0.15  # a page break cuts a table within this share of the page's height from its edge


def has_grid_lines(page) -> bool:
    """Enough horizontal and vertical rules to be a table pdfplumber missed."""
    edges = _visible_edges(page)
    h = sum(1 for e in edges if e["orientation"] == "h" and e["width"] > 20)
    v = sum(1 for e in edges if e["orientation"] == "v" and e["height"] > 8)
    return h >= 4 and v >= 4
