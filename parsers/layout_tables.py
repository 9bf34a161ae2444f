"""Which tables are layout, not data, whatever the format they came from.

A word processor sets the two-column header of an administrative document
("issuer | national motto", the number under the issuer, the date under the
motto) and the signature block beside "Nơi nhận" as a table of at most two
columns; printed to PDF with ruling lines (a browser's rendering of that
table with borders) it is still that table. Such a table is prose: its
cells' lines are paragraphs, read row by row, left to right.
"""
from __future__ import annotations

import re

from reportgen.raw import RawTable

NUMERIC = re.compile(r"^[\s\d.,/%+\-–—()]*\d[\s\d.,/%+\-–—()]*$|^[-–—]$")


def is_layout(table: RawTable) -> bool:
    """At most two column spans in use, at most eight rows, and no cell
    that is a number."""
    cells = [c for row in table.rows for c in row]
    used_cols = {col for c in cells if c.text.strip() for col in range(c.col, c.col + c.colspan)}
    spans = {(c.col, c.colspan) for c in cells if c.text.strip()}
    if not cells or len(spans) > 2 or len(table.rows) > 8 or not used_cols:
        return False
    return not any(c.text.strip() and NUMERIC.match(c.text.strip()) for c in cells)
