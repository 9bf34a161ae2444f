"""Claims made in the prose of a report, as :class:`Statement` objects the
checks can verify: numbered section headings, grade counts with their unit
lists, evaluated counts, wholes with their parts, shares with their base,
fractions, scores and ranks, percents, dates, and appendix titles.

The reader works on *blocks*: paragraphs with the lines a PDF wrapped joined
back together. It knows the shapes these reports take (a count, a unit noun,
"xếp loại" and a grade; a total followed by the categories that make it up;
"x/y"), never one document's sentences.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Sequence

from ..model import Paragraph, Report, Statement, StatementKind
from ..text.names import looks_like_unit, reads_as_measure, units_across
from .statements_annex import mark_annexed
from .statements_bands import band_statements, unclaim_band_levels
from .statements_blocks import Block, blocks_of, group_item, heading_of
from .statements_changes import change_statements
from .statements_counts import count_value, percent_value
from .statements_dates import appendix_statement, appendix_title_span, date_statements
from .statements_external import DocumentFacts, mark_external
from .statements_fractions import (
    fraction_part_statements,
    listed_fraction_parts,
    mark_listed_units,
    percent_fraction_shares,
)
from .statements_grades import grade_statements
from .statements_levels import mark_levels
from .statements_lists import (
    colon_sum_statements,
    total_after_statements,
)
from .statements_quantities import mark_quantities
from .statements_quotients import quotient_shares
from .statements_shares import share_statements
from .statements_sums import list_sum_statements, listed_units, prior_text, sum_statements
from .statements_targets import mark_raised_targets
from .statements_unit_changes import unit_change_statements
from .statements_unit_counts import unit_count_statements
from .statements_unit_results import unit_result_statements
from .statements_wholes import wholes_from_earlier
from .statements_xy import fraction_statements, points_shares

# --- numbers in prose --------------------------------------------------------------------

_PERCENT = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*%")
_SCORE_DOT = re.compile(
    r"(?:(?:tổng\s+điểm|điểm\s+số|điểm\s+đánh\s+giá|điểm\s+đạt|đạt)[^\d.;]{0,25}?(?<![\d.,])(\d{1,3}\.\d{1,2})(?![\d%/]|\.\d)"
    r"|(?<![\d.,])(\d{1,3}\.\d{1,2})\s*(?:/\s*\d+(?:[.,]\d+)?\s*)?điểm)", re.I)


_FORMULA_TAIL = re.compile(r"[x×*]\s*$")
# The name an outline number follows: "chỉ số 3.1", "tiêu chí 2.3", "mục 1.2".
_OUTLINE_BEFORE = re.compile(r"(?<!\w)(?:chỉ\s+số|chỉ\s+tiêu|tiêu\s+chí|nhóm|mục|điều|khoản)\s*$", re.I)


def _percent_statements(block: Block, scope: str | None) -> list[Statement]:
    out = []
    for m in _PERCENT.finditer(block.text):
        pct = percent_value(m.group(1))
        if pct is None or _FORMULA_TAIL.search(block.text, 0, m.start()):
            continue  # "… / Tổng số phiếu hợp lệ x 100%": a formula's factor, no figure
        out.append(Statement(kind="percent", text=m.group(0), paragraph=block.index, page=block.page,
                             value=pct[0], percent=pct[0], scope=scope, wrong_separator=pct[1],
                             written=m.group(0)))
    for m in _SCORE_DOT.finditer(block.text):
        written = m.group(1) or m.group(2)
        if _OUTLINE_BEFORE.search(block.text, 0, m.start(1) if m.group(1) else m.start(2)):
            continue  # "đạt điểm tối đa ở chỉ số 3.1": an indicator's number, no score
        out.append(Statement(kind="score", text=written, paragraph=block.index, page=block.page,
                             value=Decimal(written), scope=scope, wrong_separator=True,
                             written=written))
    for m in _COUNT_COMMA.finditer(block.text):
        value = count_value(m.group(1))
        if value is not None:
            out.append(Statement(kind="count", text=m.group(1), paragraph=block.index, page=block.page,
                                 value=value, scope=scope, wrong_separator=True,
                                 written=m.group(1), corrected=m.group(1).replace(",", ".")))
    return out


# A count grouped with commas ("304,285 tài khoản"): three decimals of a thing counted whole.
_COUNT_COMMA = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+)(?![\d.,]\d)\s+(?=(?:hồ\s+sơ|tài\s+khoản|người|lượt|đơn\s+vị|"
                          r"cơ\s+quan|thủ\s+tục|TTHC|văn\s+bản|giao\s+dịch|doanh\s+nghiệp|phản\s+ánh)\b)", re.I)


# --- the reader ---------------------------------------------------------------------------

_BODY_END = re.compile(r"^(Nơi\s+nhận|Phụ\s+lục)\b", re.I)
_APPENDIX_FIRST = re.compile(r"^Phụ\s+lục\b", re.I)
_SIGNOFF = re.compile(r"^Nơi\s+nhận\b", re.I)
# "Phụ lục: Bảng điểm chi tiết" on one line: a caption naming the table under it ("Phụ lục I" alone opens one)
_CAPTION = re.compile(r"^Phụ\s+lục(?:\s+[IVXLC\d]+)?\s*:\s*\w", re.I)


def _opens_as_appendix(blocks: Sequence[Block]) -> bool:
    """Whether the document is an appendix issued as a file of its own: its
    first "Phụ lục …" heading comes before any sentence of a body and before
    "Nơi nhận", under the issuer's lines at most ("UBND TỈNH GIA LAI /
    HỘI ĐỒNG THẨM ĐỊNH / Phụ lục II / BẢNG TỔNG HỢP …")."""
    for b in blocks:
        text = b.text.strip()
        if _APPENDIX_FIRST.match(text):
            return True
        if _SIGNOFF.match(text) or (len(text.split()) >= 8 and text[-1:] in ".:;"):
            return False
    return False


def _opens_a_list(text: str) -> bool:
    """Whether a grade count's paragraph ends by opening a list of its units
    ("06 cơ quan xếp loại Xuất sắc, gồm:"): its last sentence ends with a
    colon and says a grade or "gồm" — never "Nơi nhận:" joined after it."""
    last = re.split(r"[.!?]\s+", text.rstrip())[-1]
    return last.endswith(":") and bool(re.search(r"xếp\s+loại|loại|gồm", last, re.I)) \
        and not re.match(r"\s*Nơi\s+nhận", last, re.I)


def read_statements(paragraphs: Sequence[Paragraph], report: Report | None = None) -> list[Statement]:
    """Every claim in the prose, in document order."""
    tables = report.tables if report else []
    units = [r.unit for t in tables for r in t.rows if r.unit and not reads_as_measure(r.unit)]
    # a table whose units are its columns names them in its headers
    units += [c.label for t in tables if units_across([c.label for c in t.columns], [r.unit for r in t.rows])
              for c in t.columns if looks_like_unit(c.label or "")]
    blocks = blocks_of(paragraphs, report.meta.subject if report else None)
    facts = DocumentFacts.of(blocks, report)
    # no district named: the levels are province and commune (since 1 July 2025)
    two_levels = re.search(r"(?<!\w)huyện(?!\w)", "\n".join(b.text for b in blocks), re.I) is None
    out: list[Statement] = []
    path: list[tuple[int, str]] = []  # (level, "label. title") of the open headings
    scope: str | None = None
    in_body = True
    body = len(blocks)
    # A document that is an appendix itself (its first block "Phụ lục I": an annex issued as a file of
    # its own): its notes and summary lines are its body; its headings give their periods.
    standalone = _opens_as_appendix(blocks)
    title_until = -1
    # "Phụ lục: Bảng điểm chi tiết" above a table with prose after it, before "Nơi nhận": a caption in
    # the body, not the appendices after the signature
    signoff = next((i for i, b in enumerate(blocks) if _SIGNOFF.match(b.text)), -1)
    for i, block in enumerate(blocks):
        if i <= title_until:
            continue
        if standalone and _APPENDIX_FIRST.match(block.text):
            st = appendix_statement(blocks, i)
            if st:
                out.append(st)
            title_until = i + appendix_title_span(blocks, i)
            continue
        if in_body and _BODY_END.match(block.text) and not (i < signoff and _CAPTION.match(block.text)):
            in_body, body = False, i
        if not in_body:
            st = appendix_statement(blocks, i)
            if st:
                out.append(st)
            continue
        head = heading_of(block.text)
        if not head and i and path and group_item(blocks, i - 1):
            path = path[:-1]  # after "1. Khối …: …" "2. Khối …: …", the section they are items of
            scope = " › ".join(t for _, t in path) or None
        if head:
            label, level, _nums, title = head
            out.append(Statement(kind="section", text=block.text, paragraph=block.index, page=block.page,
                                 label=label, level=level, title=title))
            path = [(lv, t) for lv, t in path if lv < level] + [(level, f"{label}. {title}")]
            scope = " › ".join(t for _, t in path)
        grades = grade_statements(block, scope, units)
        if grades and grades[-1].kind == StatementKind.GRADE_COUNT and not grades[-1].units \
                and _opens_a_list(block.text):
            grades[-1].units = listed_units(blocks, i)  # "06 cơ quan xếp loại Xuất sắc, gồm:" + one name a line
        out.extend(grades)
        out.extend(sum_statements(block, scope, two_levels))
        out.extend(list_sum_statements(blocks, i, scope, two_levels))
        out.extend(colon_sum_statements(block, scope, [st for st in out if st.paragraph == block.index], two_levels))
        out.extend(total_after_statements(block, scope, [st for st in out if st.paragraph == block.index]))
        out.extend(fraction_statements(block, scope))
        out.extend(unit_result_statements(block, scope, units))
        out.extend(points_shares(block, scope, [st for st in out if st.paragraph == block.index]))
        out.extend(band_statements(block, scope, out))
        here = [st for st in out if st.paragraph == block.index]
        out.extend(fraction_part_statements(block, scope, here))
        out.extend(percent_fraction_shares(block, scope, here))
        mark_listed_units(block, here)
        prior = prior_text(blocks, i) if not head else ""
        out.extend(share_statements(block, scope, [st for st in out if st.paragraph == block.index], prior))
        out.extend(quotient_shares(blocks, i, scope))
        out.extend(_percent_statements(block, scope))
        out.extend(mark_quantities(block, out, units, scope))
        unclaim_band_levels(block, out)
        mark_levels(block, out)
        mark_raised_targets(block, out)
        out.extend(change_statements(blocks, i, scope, out))
        out.extend(unit_count_statements(block, scope, units, [st for st in out if st.paragraph == block.index]))
        out.extend(unit_change_statements(block, scope, units, [st for st in out if st.paragraph == block.index]))
        mark_external(block, out, facts)
        out.extend(date_statements(block, scope))
    for st in listed_fraction_parts(blocks[:body], out):  # each after the statements of its whole's paragraph
        at = max(k for k, o in enumerate(out) if o.paragraph == st.paragraph)
        out.insert(at + 1, st)
    wholes_from_earlier(blocks[:body], out)
    mark_annexed(blocks, body, out, [t.title or "" for t in (report.tables if report else [])])
    return out
