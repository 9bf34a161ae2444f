"""Changes the prose states against an earlier figure it also gives
(read.statements_changes): the figure, the earlier figure and the change
must agree, as a difference or as a percent of the earlier figure.
"""
from __future__ import annotations

from decimal import ROUND_DOWN, Decimal
from typing import Iterator

from ..model import Finding, Measure, Report, Statement, StatementKind
from ..numbers import format_vi, places_of, quantize
from .prose_counts import finding_at
from .registry import CheckContext, rule

_HUNDRED = Decimal(100)


def _agrees(written: Decimal, exact: Decimal, places: int, counts: bool = False) -> bool:
    """``exact`` is ``written`` within one unit of its last written place
    (each of the two figures was rounded to it), half a unit for whole numbers.
    A change computed from two whole counts is exact: it is the written change
    rounded (or cut) to its places, no further off ("tăng 14,02%" of 32.628
    against 37.949 is 14,0214…%: 14,03% is a slip)."""
    if counts:
        return abs(written) in (quantize(abs(exact), places), quantize(abs(exact), places, ROUND_DOWN)) \
            and (written >= 0) == (exact >= 0)
    return abs(exact - written) <= (Decimal(1).scaleb(-places) if places else Decimal("0.5"))


def _expected(st: Statement) -> list[tuple[str, Decimal]]:
    """(how, exact change) the figures give: the difference, the percent of
    the earlier figure, or both when the change could be either ("tăng 2,1%"
    of a rate: points or a relative change)."""
    diff = st.value - st.whole
    if st.compare == "ratio":
        return [("tỷ số", st.value / st.whole * _HUNDRED)] if st.whole else []
    if st.compare == "times":  # "tăng 1,5 lần": 1,5 times the earlier figure, or grown by 1,5 times it
        return [("lần", st.value / st.whole), ("lần tăng", diff / st.whole)] if st.whole else []
    out = [] if st.measure == Measure.PERCENT else [("hiệu", diff)]
    if st.percent is not None and st.whole:
        out.append(("tỷ lệ", diff / st.whole * _HUNDRED))
    return out


@rule("CHANGE_MISMATCH", "Mức tăng, giảm nêu trong văn bản khác hiệu của hai số liệu văn bản nêu")
def change_vs_earlier(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một câu nêu số liệu, mức tăng (giảm) và số liệu kỳ trước
    trong ngoặc ("đạt 83,27 điểm, tăng 2,12 điểm so với quý II (81,15 điểm)"):
    số liệu trừ số kỳ trước phải bằng mức tăng (hoặc, khi mức tăng là phần
    trăm của một số đếm, hiệu chia cho số kỳ trước), làm tròn như văn bản viết.
    "Tăng 1,5 lần so với … (30.000 lượt)" là số liệu chia số kỳ trước (hoặc phần tăng
    chia số kỳ trước); "bằng 105,2% so với cùng kỳ (2.229,7 tỷ đồng)" là số liệu chia số
    kỳ trước nhân 100.
    Vì sao: số kỳ này được sửa mà quên sửa mức tăng, hoặc chép số kỳ trước nhầm.
    Ví dụ sai: "đạt 84,27 điểm, tăng 2,12 điểm so với quý II (81,15 điểm)".
    Ví dụ đúng: "đạt 83,27 điểm, tăng 2,12 điểm so với quý II (81,15 điểm)"."""
    for st in report.statements:
        if st.kind != StatementKind.CHANGE or st.value is None or st.whole is None or not st.parts:
            continue
        change = st.parts[0]
        places = places_of(change)
        ctx.ledger.statement_checked(st, "change-vs-earlier")
        expected = _expected(st)
        counts = places_of(st.value) == 0 and places_of(st.whole) == 0
        if any(_agrees(change, exact, places, counts and how == "tỷ lệ") for how, exact in expected):
            continue
        how, exact = expected[0]
        if how in ("tỷ số", "lần"):
            now, then = format_vi(st.value, places_of(st.value)), format_vi(st.whole, places_of(st.whole))
            shown = format_vi(quantize(exact, max(places, 2)), max(places, 2), fixed=True)
            said = f"bằng {format_vi(change, places)}%" if how == "tỷ số" else f"tăng {format_vi(change, places)} lần"
            basis = f"{now} / {then} × 100 = {shown}%" if how == "tỷ số" else f"{now} / {then} = {shown} lần"
            yield finding_at("CHANGE_MISMATCH", "error", f"Văn bản nêu {said} nhưng {basis} (“{st.text}”)", st,
                             reported=str(change), expected=str(quantize(exact, max(places, 2))))
            continue
        word = "tăng" if change >= 0 else "giảm"
        shown = format_vi(quantize(abs(exact), max(places, 2)), max(places, 2), fixed=True)
        unit = "%" if how == "tỷ lệ" else ""
        real = "tăng" if exact >= 0 else "giảm"
        now, then = format_vi(st.value, places_of(st.value)), format_vi(st.whole, places_of(st.whole))
        basis = f"({now} − {then}) / {then} × 100" if how == "tỷ lệ" else f"{now} − {then}"
        yield finding_at("CHANGE_MISMATCH", "error",
                         f"Văn bản nêu {word} {format_vi(abs(change), places)}{unit} nhưng {basis} cho thấy "
                         f"{real} {shown}{unit} (“{st.text}”)", st,
                         reported=str(change), expected=str(quantize(exact, max(places, 2))))
