"""One slip, one error, where a group's score of a summary row is shown
wrong by its own relations (its detail rows, its rate) and the row's total
then no longer makes the sum of the groups: the total is right, and the
sum's error is the group's consequence. The group's x/y cell a scheme's
table writes has no place the culprit search can set (culprits_spots), so
the fold is done here, from the two errors' own figures: correcting the
group's figure closes the sum's gap within the rounding its message
states."""
from __future__ import annotations

import re

from ..model import Finding, Severity
from ..numbers import parse_vi_number
from .culprits_candidates import figure_value
from .culprits_words import consequences

_ROUNDING = re.compile(r"vượt ngưỡng làm tròn (\d+(?:,\d+)?)\)")


def group_slip_totals(findings: list[Finding]) -> list[Finding]:
    """``findings`` with each summary total error (``summary-parts-sum``)
    that another error of its row closes folded into that error."""
    errors = [f for f in findings if f.severity == Severity.ERROR and f.table is not None and f.row is not None]
    dropped: set[int] = set()
    for total in errors:
        m = _ROUNDING.search(total.message) if total.rule == "summary-parts-sum" else None
        whole, summed = figure_value(total.reported), figure_value(total.expected)
        if m is None or whole is None or summed is None:
            continue
        tolerance = parse_vi_number(m.group(1), "auto").value
        for part in errors:
            if part is total or id(part) in dropped or (part.table, part.row) != (total.table, total.row) \
                    or part.column in (None, total.column):
                continue
            wrong, right = figure_value(part.reported), figure_value(part.expected)
            if wrong is None or right is None or wrong == right:
                continue
            if abs(whole - (summed - wrong + right)) <= tolerance < abs(whole - summed):
                part.message = (f"{part.message.rstrip('. ')}. Số ghi sai này kéo theo: "
                                f"{consequences([total], what='số này')}")
                dropped.add(id(total))
                break
    return [f for f in findings if id(f) not in dropped]



def page_slip_totals(findings: list[Finding]) -> list[Finding]:
    """``findings`` with a grand total's error (``sum-row-mismatch``) folded
    into the error of the page whose rows no longer make its "Cộng trang"
    (``page-rows``) where the two gaps are the same in the same column: the
    page's sum, its carried totals and the grand total agree, a row of the
    page slipped, and the grand total only shows it again."""
    pages = [f for f in findings if f.severity == Severity.ERROR and f.rule == "page-rows"]
    dropped: set[int] = set()
    for page in pages:
        gap = _gap(page)
        for total in findings:
            if total.rule != "sum-row-mismatch" or total.severity != Severity.ERROR or id(total) in dropped \
                    or (total.table, total.column) != (page.table, page.column) or gap is None or _gap(total) != gap:
                continue
            page.message = (f"{page.message.rstrip('. ')}. Số ghi sai ở trang này kéo theo: "
                            f"{consequences([total], what='dòng này')}")
            dropped.add(id(total))
            break
    return [f for f in findings if id(f) not in dropped]


def _gap(f: Finding):
    written, expected = figure_value(f.reported), figure_value(f.expected)
    return None if written is None or expected is None else written - expected
