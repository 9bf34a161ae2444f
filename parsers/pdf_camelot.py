"""camelot as the second table engine. camelot finds the grid (lattice: from
the ruling lines it sees in the rendered page; stream: from text alignment);
merged cells are read from the borders it did not find between grid cells,
and the text is put in cells by the same code as for pdfplumber's grids."""
from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from pathlib import Path

from .pdf_grid import grid_table


@dataclass
class _Found:
    cells: list[tuple[float, float, float, float]]
    bbox: tuple[float, float, float, float]


def _merged_boxes(table, page_height: float) -> list[tuple[float, float, float, float]]:
    grid = table.cells
    n_rows, n_cols = len(grid), len(grid[0]) if grid else 0
    seen = [[False] * n_cols for _ in range(n_rows)]
    boxes = []
    for r in range(n_rows):
        for c in range(n_cols):
            if seen[r][c]:
                continue
            cs = 1
            while c + cs < n_cols and not grid[r][c + cs - 1].right and not seen[r][c + cs]:
                cs += 1
            rs = 1
            while r + rs < n_rows and not grid[r + rs - 1][c].bottom and not seen[r + rs][c]:
                rs += 1
            for dr in range(rs):
                for dc in range(cs):
                    seen[r + dr][c + dc] = True
            first, last = grid[r][c], grid[r + rs - 1][c + cs - 1]
            boxes.append((first.x1, page_height - first.y2, last.x2, page_height - last.y1))
    return boxes


def camelot_tables(path: Path, page, chars: list[dict], flavor: str = "lattice", keep=None):
    """Tables camelot finds on one page (those ``keep`` accepts), as
    RawTables, and the chars they use."""
    import camelot

    logging.getLogger("camelot").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = camelot.read_pdf(str(path), pages=str(page.page_number), flavor=flavor)
        except Exception:  # camelot gives up on pages it cannot parse
            return [], set()
    tables, taken = [], set()
    h = float(page.height)
    for t in found:
        boxes = _merged_boxes(t, h)
        if len(boxes) < 2:
            continue
        x0 = min(b[0] for b in boxes)
        top = min(b[1] for b in boxes)
        x1 = max(b[2] for b in boxes)
        bottom = max(b[3] for b in boxes)
        raw, ids = grid_table(_Found(boxes, (x0, top, x1, bottom)), chars, page.page_number)
        if raw.n_cols >= 2 and len(raw.rows) >= 2 and (keep is None or keep(raw)):
            tables.append(raw)
            taken |= ids
    return tables, taken
