"""How many units rose or fell, as the prose counts them ("So với kỳ trước, có
8/13 đơn vị tăng điểm", "03/13 đơn vị giảm bậc", "có 3/8 sở, ngành tăng Chỉ
số"), held to the table that
writes each unit's change: the rows of its change column above 0, or below.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, Report, Statement, StatementKind
from ..text import fold
from .prose_counts import finding_at, paragraph_of, vi_number
from .registry import CheckContext, rule
from .relations_frame import Col, Frame
from .relations_support import frames

# After the fraction: what it counts (a few words at most), then the direction and the quantity.
_CLAIM = re.compile(r"\s*(?:[^\W\d][\w,]*\s+){0,4}?(?P<dir>tăng|giảm)\s+"
                    r"(?P<what>điểm|bậc|hạng|thứ\s+hạng|chỉ\s+số|tỷ\s+lệ|tỉ\s+lệ|kết\s+quả)\b", re.I)
# Or the measure before the direction, which ends the clause: "có số hồ sơ tiếp nhận giảm so với tháng trước".
_CLAIM_BEFORE = re.compile(r"\s*(?P<what>(?:[^\W\d][\w,]*\s+){1,10}?)(?P<dir>tăng|giảm)(?=\s+so\s+với|\s*[,.;:]|\s*$)",
                           re.I)
_CHANGE_HEAD = re.compile(r"chênh\s*lệch|tăng|giảm|thay\s*đổi|biến\s*động")
_RANK_HEAD = re.compile(r"bậc|hạng")


@rule("CHANGE_COUNT_MISMATCH", "Số đơn vị tăng (giảm) điểm hay bậc nêu trong lời văn khác số đếm được từ bảng")
def change_count_vs_table(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: câu "có x/y đơn vị tăng điểm" ("giảm điểm", "tăng bậc", "giảm
    hạng") so với bảng có đúng y đơn vị và một cột chênh lệch ("Chênh lệch", "Tăng
    (+)/giảm (-)"; cột bậc, hạng khi câu nói về bậc, hạng): x phải bằng số dòng có
    chênh lệch lớn hơn 0 (tăng) hay nhỏ hơn 0 (giảm). Chỉ kiểm tra khi đúng một cột
    của đúng một bảng như thế; còn lại nhận định vẫn là chưa đối chiếu được.
    Vì sao: số đơn vị tăng, giảm được đếm tay từ bảng; sửa bảng mà không đếm lại là
    lỗi hay gặp, và không phép cộng nào của bảng thấy được.
    Ví dụ sai: bảng 13 đơn vị, cột "Chênh lệch" có 8 số dương; lời văn "có 9/13 đơn
    vị tăng điểm".
    Ví dụ đúng: "có 8/13 đơn vị tăng điểm"."""
    for st in report.statements:
        if st.kind != StatementKind.FRACTION or st.numerator is None or st.denominator is None:
            continue
        m = _claim(st, paragraph_of(report, st))
        if m is None:
            continue
        rising = fold(m.group("dir")) == "tăng"
        found = _change_column(report, st.denominator, bool(_RANK_HEAD.search(fold(m.group("what")))), rising)
        if found is None:
            continue
        frame, col, counted = found
        ctx.ledger.statement_checked(st, "units-changed-count")
        if Decimal(counted) != st.numerator:
            title = frame.table.title or f"bảng {frame.table.index + 1}"
            yield finding_at("CHANGE_COUNT_MISMATCH", "error",
                             f"Văn bản nêu {vi_number(st.numerator)}/{vi_number(st.denominator)} {_said(m)} "
                             f"nhưng cột “{col.label}” của bảng “{title}” có "
                             f"{counted} đơn vị {'tăng (lớn hơn 0)' if rising else 'giảm (nhỏ hơn 0)'}",
                             st, reported=str(st.numerator), expected=str(counted))


def _claim(st: Statement, paragraph: str) -> re.Match | None:
    """The words after the fraction, in its sentence, when they say "tăng/giảm
    điểm/bậc", or name a measure that rose or fell ("có số hồ sơ tiếp nhận
    giảm so với tháng trước"); read in the whole paragraph when its context
    holds the fraction's."""
    text = " ".join((st.context or "").split())
    if text and text in paragraph:
        text = paragraph[paragraph.find(text):]
    k = text.find(st.text)
    if k < 0:
        return None
    return _CLAIM.match(text, k + len(st.text)) or _CLAIM_BEFORE.match(text, k + len(st.text))


def _said(m: re.Match) -> str:
    """What the sentence says rose or fell: "đơn vị tăng điểm", "đơn vị có số
    hồ sơ tiếp nhận giảm"."""
    what = " ".join(m.group("what").split())
    return f"đơn vị {m.group('dir')} {what}" if m.re is _CLAIM else f"{what} {m.group('dir')}"


def _change_column(report: Report, units: Decimal, rank: bool, rising: bool) -> tuple[Frame, Col, int] | None:
    """The change column (of ranks when ``rank``, else of points or counts)
    of the one table with ``units`` units, and how many of its rows rose (or
    fell): one such column, or several that count alike (a change and its
    percent, "Tăng/giảm | Tỷ lệ tăng/giảm (%)", rise and fall on the same
    rows). Else None."""
    found = []
    for frame in frames(report):
        if Decimal(len(frame.units)) != units:
            continue
        # a change of ranks counts as "tăng" only where the header says which sign rises ("Tăng (+)/giảm (-)
        # bậc"): a rank's difference may be written either way round
        cols = [c for c in frame.nums() if _CHANGE_HEAD.search(fold(c.label))
                and bool(_RANK_HEAD.search(fold(c.label))) == rank and (not rank or "tăng" in fold(c.label))]
        found += [(frame, c, sum(1 for r in frame.units if (v := r.value(c.index)) is not None
                                 and (v > 0 if rising else v < 0))) for c in cols]
    if not found or len({f[0].table.index for f in found}) != 1 or len({f[2] for f in found}) != 1:
        return None
    return found[0]
