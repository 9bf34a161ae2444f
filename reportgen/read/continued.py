"""A table continued to the right in a second table: "Tháng 1 … Tháng 6",
then "(tiếp theo)" and "Tháng 7 … Tháng 12 | Lũy kế năm", both with the
same "STT | Chỉ tiêu" rows. A clerk reads one table; so does the reader:
the second's columns are appended to the first's, and a total over all the
months ("Lũy kế năm") is checked against all of them.

Two tables are one when nothing but a "(tiếp theo)" line stands between
them, they have as many rows, their leading columns (the row labels) say the
same on every row, and the columns after them differ.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..raw import RawParagraph, RawTable

_CONTINUED = re.compile(r"^\s*[(\[]?\s*(?:[^()\[\]]{0,40}\s)?(?:tiếp\s+theo|tiếp)\s*[)\]]?\s*[.:]?\s*$", re.I)
_FIGURE = re.compile(r"^[-+−]?\d[\d.,]*\s*%?$")


def joined_side_by_side(blocks: list) -> list:
    """``blocks`` with each table continued to the right joined to the table it continues."""
    out: list = []
    for block in blocks:
        if isinstance(block, RawTable):
            at = _previous_table(out)
            if at is not None and (k := _shared_labels(out[at], block)):
                out[at] = _joined(out[at], block, k)
                continue
        out.append(block)
    return out


def _previous_table(out: list) -> int | None:
    """Where the table before stands, when only a "(tiếp theo)" line (or nothing) follows it."""
    if out and isinstance(out[-1], RawTable):
        return len(out) - 1
    if len(out) >= 2 and isinstance(out[-2], RawTable) and isinstance(out[-1], RawParagraph) \
            and _CONTINUED.match(out[-1].text or ""):
        return len(out) - 2
    return None


def _norm(text: str) -> str:
    return " ".join((text or "").split()).casefold()


def _shared_labels(a: RawTable, b: RawTable) -> int:
    """How many leading columns of ``a`` and ``b`` are the same row labels
    (0 when they are not one table continued to the right)."""
    if a.tokenised or b.tokenised or a.n_cols < 3 or b.n_cols < 3:
        return 0
    ga, gb = a.grid(fill_spans=True), b.grid(fill_spans=True)
    if len(ga) != len(gb) or len(ga) < 3:
        return 0
    k = 0
    while k < min(a.n_cols, b.n_cols) - 1 and all(_norm(ra[k]) == _norm(rb[k]) for ra, rb in zip(ga, gb)):
        k += 1
    if k == 0 or all(_norm(ra[k]) == _norm(rb[k]) for ra, rb in zip(ga[:1], gb[:1])):
        return 0  # no shared labels, or the same header after them: another table alike, not a continuation
    labels = [row[c] for row in ga[1:] for c in range(k)]
    if not any(t.strip() and not _FIGURE.match(t.strip()) for t in labels):
        return 0  # the shared columns hold figures only: no row labels
    return k


def _joined(a: RawTable, b: RawTable, k: int) -> RawTable:
    """``a`` with the columns of ``b`` after its ``k`` label columns appended."""
    shift = a.n_cols - k
    rows = [list(r) for r in a.rows]
    while len(rows) < len(b.rows):
        rows.append([])
    for i, row in enumerate(b.rows):
        rows[i].extend(replace(c, col=c.col + shift) for c in row if c.col >= k)
    return replace(a, rows=rows)
