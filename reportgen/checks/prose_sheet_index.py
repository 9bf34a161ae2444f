"""The index a unit's score sheet gives, stated in the prose: "Chỉ số CCHC:
93,75%", "đạt 74,00/95 điểm …, tương ứng Chỉ số CCHC đạt 77,89%" of a report
whose table of criteria has a per-row maximum ("Điểm tối đa", "Điểm chuẩn")
and a total row. The index is a column's total over the total row's maximum
× 100 — of the appraisal or of the self-assessment, whichever the words say
("thẩm định", "tự đánh giá"), else either — or the sheet's own "Chỉ số (%)"
row under its total (:mod:`.relations_total_percent`)."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, StatementKind
from ..numbers import format_vi, places_of
from .prose_counts import finding_at
from .prose_unit_cells import stage
from .prose_unit_rows import agrees
from .registry import CheckContext, rule
from .relations_frame import Frame, RowKind
from .relations_support import frames

_HUNDRED = Decimal(100)
# "Tổng điểm thẩm định … đạt 83,75 điểm/100 điểm, đạt tỷ lệ 83,75%": a rate of the points the clause says
_POINTS_RATE = re.compile(r"điểm.*(?<!\w)(?:tỷ|tỉ)\s+lệ\s*$|(?<!\w)(?:tỷ|tỉ)\s+lệ\s+điểm", re.I)
_INDEX_WORDS = re.compile(r"(?<!\w)chỉ\s+số(?!\s+(?:trung\s+bình|cao\s+nhất|thấp\s+nhất))|tỷ\s+lệ\s+điểm", re.I)


def _sheet(report: Report) -> Frame | None:
    """The one table of criteria with a per-row maximum and a total row: a unit's score sheet."""
    sheets = [f for f in frames(report) if len(f.nums("max")) == 1
              and sum(1 for r in f.rows if r.kind == RowKind.STAT and r.stat == "sum") == 1
              and not any(r.kind == RowKind.UNIT and r.path is None and r.label and _unit_like(r.label)
                          for r in f.rows)]
    return sheets[0] if len(sheets) == 1 else None


def _unit_like(label: str) -> bool:
    return bool(re.match(r"(?:sở|ubnd|ủy\s+ban|phòng|ban|xã|phường|huyện)\b", label.strip(), re.I))


def _indices(frame: Frame) -> list[tuple[str, str, Decimal]]:
    """(header, stage, the index) of each assessed column of the sheet."""
    top_col = frame.nums("max")[0]
    total = next(r for r in frame.rows if r.kind == RowKind.STAT and r.stat == "sum")
    top = total.value(top_col.index)
    if not top:
        return []
    return [(c.label, stage(c.label) or "", total.value(c.index) / top * _HUNDRED)
            for c in frame.nums() if c is not top_col and total.value(c.index) is not None]


@rule("PERCENT_MISMATCH", "Chỉ số của đơn vị nêu trong lời văn khác tổng điểm chia điểm tối đa của bảng chấm điểm")
def index_of_the_sheet(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: chỉ số (%) của đơn vị nêu trong lời văn ("Chỉ số CCHC: 93,75%") so với
    bảng chấm điểm các tiêu chí của đơn vị (có cột điểm tối đa và dòng tổng điểm): tổng
    điểm của cột thẩm định (hay tự đánh giá, theo lời văn) chia điểm tối đa ở dòng tổng
    × 100, làm tròn như lời văn viết.
    Vì sao: chỉ số được tính tay từ bảng; tổng điểm sửa sau khi thẩm định mà chỉ số không
    tính lại, hay chia cho 100 khi điểm tối đa là 95.
    Ví dụ sai: bảng có tổng điểm tối đa 95, điểm thẩm định 74,00; lời văn "Chỉ số CCHC đạt
    74,00%".
    Ví dụ đúng: "Chỉ số CCHC đạt 77,89%" (74,00 / 95 × 100)."""
    frame = _sheet(report)
    indices = _indices(frame) if frame is not None else []
    if not indices:
        return
    for st in report.statements:
        if st.kind != StatementKind.PERCENT or not st.claim or st.value is None or st.stat \
                or not (_INDEX_WORDS.search(st.clause or "") or _POINTS_RATE.search(st.clause or "")):
            continue
        said = stage(st.clause or "")
        meant = [x for x in indices if said and x[1] == said] or indices
        if any(agrees(st.value, v) for _, _, v in meant):
            ctx.ledger.statement_checked(st, "index-of-the-sheet")
            continue
        # fitting no column's index, it is wrong whichever it means: shown against the appraisal's (the final one)
        meant = [x for x in meant if x[1] == "appraised"] if len(meant) > 1 else meant
        if len(meant) != 1:
            continue  # which column's index the prose gives is not said: the claim stays unchecked
        label, _, exact = meant[0]
        places = max(places_of(st.value), 2)
        ctx.ledger.statement_checked(st, "index-of-the-sheet")
        yield finding_at("PERCENT_MISMATCH", "error",
                         f"Văn bản nêu chỉ số {format_vi(st.value, places_of(st.value), fixed=True)}% nhưng theo "
                         f"bảng chấm điểm, tổng điểm cột “{label}” trên điểm tối đa × 100 = "
                         f"{format_vi(exact, places, fixed=True)}% (bảng {frame.table.index + 1})", st,
                         table=frame.table.index, reported=str(st.value),
                         expected=str(exact.quantize(Decimal(1).scaleb(-places))))


# A points figure of the prose ("78,75 điểm", "81,25/100,00 điểm", "84,25 điểm/100 điểm") and the words before it.
_POINTS = re.compile(r"(?<![\d.,/])(?P<n>\d{1,3}(?:[.,]\d{1,3})?)\s*(?:/\s*\d{1,3}(?:[.,]\d{1,3})?\s*)?điểm(?!\w)",
                     re.I)
_MOVED = re.compile(r"(?<!\w)(?:giảm|tăng|chênh\s+lệch|thấp\s+hơn|cao\s+hơn|trừ)(?!\w)", re.I)
# A part of the sheet, not its total: "Tiêu chí 3 tự đánh giá 5 điểm", "lĩnh vực …", "mục …".
_PART = re.compile(r"(?<!\w)(?:tiêu\s+chí|chỉ\s+số\s+thành\s+phần|lĩnh\s+vực|nội\s+dung|mục|nhóm)(?!\w)", re.I)
_CLAUSE_END = re.compile(r"[;,(]\s|\.\s|\d\s")


def _figures(text: str):
    """(value, the words of its clause before it, where it is) of each points figure of ``text``."""
    for m in _POINTS.finditer(text):
        head = re.sub(r":\s*$", " ", text[:m.start()])
        cut = max((c.end() for c in _CLAUSE_END.finditer(head)), default=0)
        try:
            value = Decimal(m.group("n").replace(",", "."))
        except ArithmeticError:  # pragma: no cover - guarded by the pattern
            continue
        yield value, head[cut:], m


def _totals(frame: Frame) -> dict[str, tuple[str, Decimal]]:
    """stage → (header, the total row's figure) of the sheet's assessed columns that say their stage."""
    total = next(r for r in frame.rows if r.kind == RowKind.STAT and r.stat == "sum")
    out = {}
    for c in frame.nums():
        if c.role != "max" and stage(c.label) and total.value(c.index) is not None:
            out.setdefault(stage(c.label), (c.label, total.value(c.index)))
    return out


@rule("QUANTITY_CONFLICT", "Tổng điểm tự đánh giá hay thẩm định nêu trong lời văn khác dòng tổng của bảng chấm điểm")
def sheet_total_in_prose(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: tổng điểm tự đánh giá, tổng điểm thẩm định mà lời văn nêu ("tổng điểm
    thẩm định là 78,75 điểm", "Điểm thẩm định: 89,5 điểm") so với dòng tổng của cột cùng
    giai đoạn trong bảng chấm điểm các tiêu chí của đơn vị.
    Vì sao: điểm thẩm định được sửa trong bảng mà lời văn vẫn giữ số cũ.
    Ví dụ sai: bảng có Tổng điểm thẩm định 82,5 mà lời văn "tổng điểm thẩm định là 83,5 điểm".
    Ví dụ đúng: "tổng điểm thẩm định là 82,5 điểm"."""
    frame = _sheet(report)
    totals = _totals(frame) if frame is not None else {}
    if not totals:
        return
    for p in report.paragraphs:
        for value, words, m in _figures(p.text):
            said = stage(words)
            if said not in totals or _MOVED.search(words) or _PART.search(words) or "/" in m.group(0):
                continue  # ("61,63/68,5 điểm" out of its maximum: checks.prose_total_points)
            label, total = totals[said]
            if agrees(value, total):
                continue
            yield Finding(code="QUANTITY_CONFLICT", severity="error",
                          message=f"Văn bản nêu {m.group(0).strip()} ({_said_words(said)}) nhưng dòng tổng của cột "
                                  f"“{label}” (bảng {frame.table.index + 1}) ghi "
                                  f"{format_vi(total, max(places_of(total), places_of(value)), fixed=True)}",
                          paragraph=p.index, page=p.page, table=frame.table.index,
                          reported=str(value), expected=str(total))


def _a_stated_change(report: Report, paragraph: int, value: Decimal) -> bool:
    """Whether the figure is a change the prose states with the earlier figure beside it ("giảm 2,15 điểm so
    với điểm tự đánh giá (79,40 điểm)"): the change rules hold it to that figure."""
    return any(st.kind == StatementKind.CHANGE and st.paragraph == paragraph and st.parts
               and abs(st.parts[0]) == value for st in report.statements)


def _vi(value: Decimal) -> str:
    return format_vi(value, places_of(value), fixed=True)


def _said_words(said: str) -> str:
    return "tự đánh giá" if said == "self" else "thẩm định"


@rule("CHANGE_MISMATCH", "Mức chênh lệch giữa điểm thẩm định và điểm tự đánh giá nêu trong lời văn khác bảng chấm điểm")
def appraisal_difference(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: mức giảm (chênh lệch) của điểm thẩm định so với điểm tự đánh giá mà lời
    văn nêu ("giảm 2,50 điểm so với điểm tự đánh giá", "chênh lệch 3,25 điểm") so với hiệu hai
    dòng tổng của bảng chấm điểm: tổng tự đánh giá − tổng thẩm định.
    Vì sao: mức chênh lệch được tính tay; sửa một trong hai tổng mà quên tính lại.
    Ví dụ sai: bảng có tự đánh giá 81,25, thẩm định 78,75 mà lời văn "giảm 3,00 điểm".
    Ví dụ đúng: "giảm 2,50 điểm so với điểm tự đánh giá"."""
    frame = _sheet(report)
    totals = _totals(frame) if frame is not None else {}
    if set(totals) != {"self", "appraised"}:
        return
    exact = abs(totals["self"][1] - totals["appraised"][1])
    for p in report.paragraphs:
        text = p.text
        for value, words, m in _figures(text):
            around = words + " " + text[m.end():m.end() + 60]
            if not _MOVED.search(words) or "tự đánh giá" not in around.casefold() or _PART.search(words) \
                    or _a_stated_change(report, p.index, value):
                continue
            if agrees(value, exact):
                continue
            yield Finding(code="CHANGE_MISMATCH", severity="error",
                          message=f"Văn bản nêu chênh lệch {m.group(0).strip()} giữa điểm thẩm định và điểm tự đánh "
                                  f"giá nhưng bảng {frame.table.index + 1} ghi {_vi(totals['self'][1])} − "
                                  f"{_vi(totals['appraised'][1])} = {format_vi(exact, places_of(value), fixed=True)} "
                                  "điểm",
                          paragraph=p.index, page=p.page, table=frame.table.index,
                          reported=str(value), expected=str(exact))
