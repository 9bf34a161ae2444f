"""A level's rate held to a summary whose levels are its columns and whose
measures are its rows:

    Chỉ tiêu               | Cấp tỉnh | Cấp huyện | Toàn tỉnh
    Số hồ sơ đã giải quyết | 29.638   | 12.775    | 42.413
    Giải quyết đúng hạn    | 29.190   | 12.622    | 41.812
    Tỷ lệ đúng hạn (%)     | 98,49    | 98,80     | 98,58

"Các cơ quan, đơn vị cấp tỉnh đã giải quyết 29.638 hồ sơ, …, tỷ lệ giải
quyết đúng hạn 98,49%" is the cell of the row whose label says that rate
(its words beyond the stage, as :mod:`.prose_rate_columns` reads a header) and of
the column of the claim's level (its section's or its sentence's: "Cấp
tỉnh", "UBND cấp xã"); a claim of the whole area ("Toàn tỉnh …") is the
column of the whole ("Toàn tỉnh", "Tổng cộng").
"""
from __future__ import annotations

import re
from typing import Iterator

from ..model import Finding, Report, ScoreTable, Statement, StatementKind
from ..numbers import format_vi, places_of
from ..text.labels import stat_of
from .prose_counts import finding_at
from .prose_rate_columns import _AND, _EARLY, _ON_TIME, _STAGE_WORDS, _shared, _subject, _tokens
from .prose_totals import LEVEL_LABEL, WHOLE_AREA, is_level
from .prose_unit_rows import agrees
from .registry import CheckContext, rule

_RATE_LABEL = re.compile(r"%|t[ỷỉ]\s*lệ", re.I)


def _column(table: ScoreTable, st: Statement) -> str | None:
    """The key of the column the claim's level is: its level's, or the whole's."""
    if WHOLE_AREA.search(st.context or ""):
        keys = [c.key for c in table.columns if stat_of(c.label) == "sum" or WHOLE_AREA.match(c.label or "")]
    elif st.tier:
        keys = [c.key for c in table.columns if is_level(c.label, st.tier)]
    else:
        return None
    return keys[0] if len(keys) == 1 else None


def _says_rate(label: str, words: set[str]) -> bool:
    """Whether a row's label is the rate the words say (see
    :func:`.prose_rates._stated_rate`: the stage may be said on one side only,
    "đúng hạn" counting the early dossiers)."""
    own = set(_tokens(label)) - {_AND}
    early = _EARLY if _ON_TIME <= words else frozenset()
    core = own - early - _STAGE_WORDS
    return bool(_RATE_LABEL.search(label)) and bool(core) and core <= words and words - own - early <= _STAGE_WORDS


def _levels_as_columns(table: ScoreTable) -> bool:
    """Two columns or more name levels ("Cấp tỉnh", "Cấp xã")."""
    return sum(1 for c in table.columns if LEVEL_LABEL.match(c.label or "")) >= 2


@rule("PERCENT_MISMATCH", "Tỷ lệ của một cấp khác ô của cấp ấy trong bảng tổng hợp theo cấp")
def rate_of_level_column(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: tỷ lệ lời văn nêu cho một cấp ("… cấp tỉnh …, tỷ lệ giải quyết đúng
    hạn 98,49%") so với ô của bảng tổng hợp có các cấp là cột ("Chỉ tiêu | Cấp tỉnh | Cấp
    huyện | Toàn tỉnh") và các chỉ tiêu là dòng: dòng có tên nói đúng tỷ lệ ấy ("Tỷ lệ đúng
    hạn (%)"), cột của cấp mà mục hoặc câu văn nói tới; "toàn tỉnh" là cột tổng.
    Vì sao: số của từng cấp trong lời văn được chép từ bảng tổng hợp; chép nhầm cột hay
    quên sửa khi bảng đổi là lỗi hay gặp.
    Ví dụ sai: bảng ghi Cấp tỉnh 98,49 mà mục "II. CẤP TỈNH" viết "tỷ lệ giải quyết đúng
    hạn 98,14%".
    Ví dụ đúng: "tỷ lệ giải quyết đúng hạn 98,49%"."""
    tables = [t for t in report.tables if _levels_as_columns(t)]
    if not tables:
        return
    for st in report.statements:
        if st.kind != StatementKind.PERCENT or not st.claim or st.value is None or st.stat or st.unit \
                or _shared(report, st):
            continue
        words = set(_tokens(_subject(st))) - {_AND}
        if len(words) < 2:
            continue
        cells = []
        for t in tables:
            key = _column(t, st)
            rows = [i for i, r in enumerate(t.rows) if _says_rate(r.unit or "", words)]
            if key is not None and len(rows) == 1 and (v := t.rows[rows[0]].scores.get(key)) is not None:
                cells.append((t, rows[0], key, v))
        if len(cells) != 1:
            continue
        t, i, key, value = cells[0]
        ctx.ledger.statement_checked(st, "rate-of-level-column")
        ctx.ledger.table_checked(t.index, "rate-of-level-column", [(i, key)])
        if agrees(st.value, value):
            continue
        label = next(c.label for c in t.columns if c.key == key)
        said = format_vi(st.value, places_of(st.value), fixed=True)
        yield finding_at("PERCENT_MISMATCH", "error",
                         f"Văn bản nêu tỷ lệ {_subject(st).strip()} {said}%"
                         f" nhưng bảng {t.index + 1} ghi {format_vi(value, places_of(value), fixed=True)}% ở dòng "
                         f"“{t.rows[i].unit}”, cột “{label}”", st, table=t.index, row=i, column=key,
                         reported=str(st.value), expected=str(value))
