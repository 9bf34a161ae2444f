"""A rate the prose states by its name ("Tỷ lệ thủ tục hành chính được cập
nhật, công khai đúng hạn đạt 76,43%") held to the cell of a table that bears
that name (an indicator of a summary table, "Tỷ lệ TTHC được cập nhật, công
khai đúng hạn (Tỷ lệ) 76,43"; a row "Tỷ lệ hồ sơ đúng hạn | % | 99,10" of a
statistics table).

Names are compared as words: case, tone placement and punctuation folded,
the usual abbreviations (TTHC, DVC, CCHC …) written out. The prose names a
label when every word of its rate is a word of the label; of several labels
the one with the fewest other words is taken, and two such labels leave the
figure unpaired. A figure that agrees (rounded as the prose writes it) is
checked. One that does not is an error when the label says the same words
and its table is the one the passage introduces (the next table of its
section); elsewhere it is a warning and the claim stays unchecked, since a
report may quote the same rate from another index or another date.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Iterator, NamedTuple

from ..model import Finding, Report, ScoreTable, StatementKind
from ..numbers import format_vi, places_of
from ..text.names import fold_tones
from ..text.short_forms import SHORT_FORMS
from .prose_counts import finding_at
from .prose_tables import _next_table_in_section, _table_paragraph
from .prose_unit_rows import agrees
from .registry import CheckContext, rule

_STOP = {"tỷ", "lệ", "tỉ", "của", "các", "được", "có", "và", "đã", "trên", "theo", "về", "số"}
# One thing in two wordings: a deadline met is "đúng hạn" or "đúng thời hạn", and a result returned
# ("Trả trước hạn | Trả đúng hạn | Trả quá hạn", TT 01/2020's forms) is the dossier settled so.
_SAME = ((re.compile(r"(?<!\w)đúng\s+thời\s+hạn(?!\w)"), "đúng hạn"),
         (re.compile(r"(?<!\w)trả\s+(?=(?:trước|đúng|quá)\s+(?:thời\s+)?hạn(?!\w))"), ""))


def same_wording(text: str) -> str:
    """``text`` (cased as read) with each phrase of :data:`_SAME` in one wording."""
    text = unicodedata.normalize("NFC", text.casefold())
    for pattern, wording in _SAME:
        text = pattern.sub(wording, text)
    return text


_RATE_LABEL = re.compile(r"^\s*(?:tỷ|tỉ)\s+lệ\b", re.I)


class Labelled(NamedTuple):
    table: ScoreTable
    row: int
    key: str
    label: str
    value: Decimal


def _words(text: str) -> frozenset[str]:
    return frozenset(ordered_words(text))


_STOP_FOLDED = frozenset(fold_tones(s) for s in _STOP)


def ordered_words(text: str) -> list[str]:
    """The words of ``text`` in order, folded, abbreviations written out
    ("Rất HL" → rất, hài, lòng), stop words and bracketed words left out."""
    folded = fold_tones(same_wording(re.sub(r"\([^()]*\)", " ", text or "")))
    out: list[str] = []
    for w in re.split(r"[^\w\u0300-\u036f]+", folded):  # a word keeps its combining marks
        if not w:
            continue
        expansion = SHORT_FORMS.get(w)
        out.extend(fold_tones(expansion).split() if expansion else [w])
    return [w for w in out if w not in _STOP_FOLDED]


def _labelled(report: Report) -> list[Labelled]:
    """The named rates of the tables: a summary's indicators by their label
    (the rate, "… (Tỷ lệ)", when both rate and points are given), and rows
    "Tỷ lệ …" of one value."""
    out: list[Labelled] = []
    for t in report.tables:
        for i, r in enumerate(t.rows):
            for label, v in r.extra.items():
                if isinstance(v, Decimal) and str(label).endswith("(Tỷ lệ)") and _RATE_LABEL.match(str(label)):
                    out.append(Labelled(t, i, str(label), str(label), v))
            if r.unit and _RATE_LABEL.match(r.unit):
                values = [(k, v) for k, v in r.scores.items() if isinstance(v, Decimal)]
                if r.percent is not None:
                    values = [("percent", r.percent)]
                if len(values) == 1:
                    out.append(Labelled(t, i, values[0][0], r.unit, values[0][1]))
    return out


def _subject(st) -> str:
    """The rate the sentence names before the figure: "Tỷ lệ … đạt"."""
    m = None
    for m in re.finditer(r"(?:tỷ|tỉ)\s+lệ\s+(?P<what>[^;()%]{3,160}?)\s+(?:(?:hiện|chỉ|mới|đã|cũng)\s+)*"
                         r"(?:đạt|là|bằng|chiếm)\b", st.clause or "", re.I):
        pass
    return m.group("what") if m else ""


@rule("QUANTITY_CONFLICT", "Tỷ lệ nêu trong lời văn khác ô cùng tên của bảng")
def rate_vs_labelled_cell(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một tỷ lệ lời văn gọi bằng tên ("Tỷ lệ thủ tục hành chính được cập
    nhật, công khai đúng hạn đạt 76,43%") so với ô của bảng mang đúng tên ấy (chỉ số
    "Tỷ lệ TTHC được cập nhật, công khai đúng hạn" của bảng tổng hợp, dòng "Tỷ lệ …" của
    bảng thống kê), so tên sau khi bỏ khác biệt chữ hoa, dấu, viết tắt (TTHC, DVC …).
    Khác nhau là lỗi khi tên trùng hẳn và bảng là bảng ngay sau đoạn văn trong cùng mục;
    còn lại là cảnh báo: văn bản có thể trích tỷ lệ của bộ chỉ số khác hay thời điểm khác.
    Vì sao: cùng một tỷ lệ nêu hai giá trị làm người đọc không biết tin số nào.
    Ví dụ sai: bảng ghi 76,43% mà lời văn viết "Tỷ lệ TTHC được cập nhật, công khai đúng
    hạn đạt 67,43%".
    Ví dụ đúng: lời văn viết 76,43% (hoặc 76,4% khi làm tròn)."""
    labelled = placed = None
    for st in report.statements:
        if st.kind != StatementKind.PERCENT or not st.claim or st.value is None or st.stat \
                or (st.unit and not _RATE_LABEL.match(st.unit)):
            continue  # a unit's own figure is unit-figure-vs-table's
        words = _words(_subject(st))
        if len(words) < 2:
            continue
        if labelled is None:
            labelled = [(c, _words(c.label)) for c in _labelled(report)]
        named = sorted((len(lw - words), c) for c, lw in labelled if words <= lw)
        if not named or (len(named) > 1 and named[0][0] == named[1][0] and named[0][1].value != named[1][1].value):
            continue
        cell = named[0][1]
        if placed is None:
            placed = [(p, t) for t in report.tables for p in [_table_paragraph(report, t)] if p is not None]
        # the same words, in the table the passage introduces: surely the same rate
        sure = named[0][0] == 0 and st.paragraph is not None \
            and _next_table_in_section(report, st, placed) is cell.table
        if agrees(st.value, cell.value) or sure:
            ctx.ledger.statement_checked(st, "rate-vs-labelled-cell")
            ctx.ledger.table_checked(cell.table.index, "rate-vs-labelled-cell", [(cell.row, cell.key)])
        if agrees(st.value, cell.value):
            continue
        label = re.sub(r"\s*\(Tỷ lệ\)$", "", cell.label)
        yield finding_at("QUANTITY_CONFLICT", "error" if sure else "warning",
                         f"Văn bản nêu {format_vi(st.value, places_of(st.value), fixed=True)}% cho “{label}” nhưng "
                         f"bảng {cell.table.index + 1} ghi {format_vi(cell.value, places_of(cell.value), fixed=True)}%",
                         st, table=cell.table.index, row=cell.row, column=cell.key,
                         reported=str(st.value), expected=str(cell.value))
