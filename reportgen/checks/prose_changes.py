"""Changes the prose states against an earlier figure it also gives
(read.statements_changes): the figure, the earlier figure and the change
must agree, as a difference, as a percent of the earlier figure, or as
times it. A figure paired in doubt (``whole_inferred``: several earlier
figures may be meant and the change fits none) gives a warning and leaves
the claim unchecked; two measures of one pair of figures that both miss
("giảm 5.518 hồ sơ, tương ứng giảm 23,15%" against a slipped earlier
figure) are one error.
"""
from __future__ import annotations

import re
from decimal import ROUND_DOWN, Decimal
from typing import Iterator

from ..model import Finding, Measure, Report, Severity, Statement, StatementKind
from ..numbers import format_vi, places_of, quantize
from .prose_counts import finding_at
from .prose_tables import _columns, _groups
from .registry import CheckContext, rule

_HUNDRED = Decimal(100)


def _agrees(written: Decimal, exact: Decimal, places: int, counts: bool = False) -> bool:
    """``exact`` is ``written`` within one unit of its last written place
    (each of the two figures was rounded to it), half a unit for whole numbers.
    A change computed from two whole counts is exact: it is the written change
    rounded (or cut) to its places, no further off ("tăng 14,02%" of 32.628
    against 37.949 is 14,0214…%: 14,03% is a slip; "bằng 1,30 lần" of 5.593
    against 4.304 is 1,2995…: 1,29 or 1,30, not 1,31)."""
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
    if st.compare == "times-of":  # "bằng 1,43 lần so với cùng kỳ": the figure over the earlier one
        return [("lần", st.value / st.whole)] if st.whole else []
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
    kỳ trước nhân 100; "bằng 1,20 lần so với cùng kỳ (9.503 hồ sơ)" là số liệu chia số kỳ trước.
    Câu không nêu số liệu kỳ này ("So với cùng kỳ năm trước (10.200 hồ sơ), tăng 21,0%") thì lấy
    số liệu mà lời văn gọi tên ở các câu, đoạn trước trong cùng mục; chỉ là lỗi khi chắc
    chắn là số nào, còn lại là cảnh báo.
    Vì sao: số kỳ này được sửa mà quên sửa mức tăng, hoặc chép số kỳ trước nhầm.
    Ví dụ sai: "đạt 84,27 điểm, tăng 2,12 điểm so với quý II (81,15 điểm)".
    Ví dụ đúng: "đạt 83,27 điểm, tăng 2,12 điểm so với quý II (81,15 điểm)"."""
    groups: dict[tuple, list[tuple[Statement, Finding | None]]] = {}
    for st in report.statements:
        if st.kind != StatementKind.CHANGE or st.value is None or st.whole is None or not st.parts:
            continue
        found = _finding(st)
        if st.whole_inferred and found is not None and _of_the_tables_mean(report, st):
            ctx.ledger.statement_checked(st, "change-vs-earlier")  # "điểm trung bình năm 2026 tăng 3,77 điểm":
            continue  # the mean of the table's units, which the prose never states, makes the change
        if st.whole_inferred and found is not None:  # the figure paired in doubt: a warning, not checked
            found.severity = Severity.WARNING
            found.message += " — chưa chắc số liệu kỳ này là số nào trong các câu trước"
        elif not st.whole_inferred:
            ctx.ledger.statement_checked(st, "change-vs-earlier")
        groups.setdefault((st.paragraph, st.at, st.value, st.whole), []).append((st, found))
    for pairs in groups.values():
        wrong = [f for _, f in pairs if f is not None]
        if len(wrong) == len(pairs) > 1:  # "tăng 2.145 hồ sơ, tương ứng tăng 21,0%": one pair of figures off
            wrong[0].message += "; cùng cặp số liệu ấy, " + "; ".join(
                f.message[0].lower() + f.message[1:] for f in wrong[1:])
            wrong = wrong[:1]
        yield from wrong


_MEAN = re.compile(r"(?<!\w)(?:trung\s+bình|bình\s+quân)(?!\w)", re.I)


def _of_the_tables_mean(report: Report, st: Statement) -> bool:
    """Whether a change of a mean ("điểm trung bình năm 2026 tăng 3,77 điểm
    so với năm 2025 (65,73 điểm)") whose figure the prose gives only for
    groups holds of the mean of a column of the tables' units (all of them,
    or one group's)."""
    if not _MEAN.search(f"{st.clause or ''} {st.text}") or st.whole is None or not st.parts or st.compare is not None:
        return False
    change, places = st.parts[0], places_of(st.parts[0])
    measure = Measure.PERCENT if st.measure == Measure.PERCENT or "%" in (st.written or "") else Measure.POINTS
    for t in report.tables:
        for rows, _ in _groups(t):
            for _, _, values in _columns(t, measure, rows):
                mean = sum((v for _, v in values), Decimal(0)) / len(values)
                if _agrees(change, quantize(mean, max(places_of(st.whole), 2)) - st.whole, places):
                    return True
    return False


def _finding(st: Statement) -> Finding | None:
    """The error of a change its figures do not make, or None."""
    change = st.parts[0]
    places = places_of(change)
    expected = _expected(st)
    counts = places_of(st.value) == 0 and places_of(st.whole) == 0
    # a percent, a ratio or times of two whole counts is exact: the written figure is it rounded or cut
    if not expected or any(_agrees(change, exact, places, counts and how != "hiệu") for how, exact in expected):
        return None
    how, exact = expected[0]
    if how in ("tỷ số", "lần"):
        now, then = format_vi(st.value, places_of(st.value)), format_vi(st.whole, places_of(st.whole))
        shown = format_vi(quantize(exact, max(places, 2)), max(places, 2), fixed=True)
        said = f"bằng {format_vi(change, places)}%" if how == "tỷ số" \
            else f"{'bằng' if st.compare == 'times-of' else 'tăng'} {format_vi(change, places)} lần"
        basis = f"{now} / {then} × 100 = {shown}%" if how == "tỷ số" else f"{now} / {then} = {shown} lần"
        return finding_at("CHANGE_MISMATCH", "error", f"Văn bản nêu {said} nhưng {basis} (“{st.text}”)", st,
                          reported=str(change), expected=str(quantize(exact, max(places, 2))))
    word = "tăng" if change >= 0 else "giảm"
    digits = 0 if counts and how == "hiệu" else max(places, 2)  # two counts differ by a count
    shown = format_vi(quantize(abs(exact), digits), digits, fixed=True)
    unit = "%" if how == "tỷ lệ" else ""
    real = "tăng" if exact >= 0 else "giảm"
    now, then = format_vi(st.value, places_of(st.value)), format_vi(st.whole, places_of(st.whole))
    basis = f"({now} − {then}) / {then} × 100" if how == "tỷ lệ" else f"{now} − {then}"
    return finding_at("CHANGE_MISMATCH", "error",
                      f"Văn bản nêu {word} {format_vi(abs(change), places)}{unit} nhưng {basis} cho thấy "
                      f"{real} {shown}{unit} (“{st.text}”)", st,
                      reported=str(change), expected=str(quantize(exact, max(places, 2))))


def _pairs_of_measures(report: Report) -> list[tuple[Statement, Statement]]:
    """(absolute, relative) changes one sentence gives against one earlier
    figure ("tăng 160 hồ sơ, tương ứng tăng 1,22%"): the relative one's words
    hold the absolute one's."""
    changes = [st for st in report.statements if st.kind == StatementKind.CHANGE and st.whole and st.parts
               and st.compare is None]
    out = []
    for rel in changes:
        if rel.percent is None:
            continue
        for ab in changes:
            if ab is not rel and ab.paragraph == rel.paragraph and ab.whole == rel.whole and ab.percent is None \
                    and ab.measure != Measure.PERCENT and ab.text and ab.text in (rel.text or ""):
                out.append((ab, rel))
    return out


@rule("CHANGE_MISMATCH", "Mức tăng, giảm và tỷ lệ tăng, giảm tương ứng nêu trong cùng câu không khớp nhau")
def change_and_its_percent(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một câu nêu cả mức tăng (giảm) và tỷ lệ tăng (giảm) tương ứng so với
    số liệu kỳ trước nó nêu ("So với cùng kỳ năm 2024 (tiếp nhận 9.808 hồ sơ), số hồ sơ
    tiếp nhận tăng 120 hồ sơ, tương ứng tăng 1,22%"): mức tăng chia số kỳ trước nhân 100
    phải là tỷ lệ ấy, làm tròn như văn bản viết — không cần biết số kỳ này.
    Vì sao: sửa một trong hai con số mà quên con số kia.
    Ví dụ sai: "tăng 160 hồ sơ, tương ứng tăng 1,22%" so với 9.808 (160 / 9.808 = 1,63%).
    Ví dụ đúng: "tăng 120 hồ sơ, tương ứng tăng 1,22%"."""
    for ab, rel in _pairs_of_measures(report):
        if ab.value is not None and ab.value == rel.value and not (ab.whole_inferred or rel.whole_inferred):
            continue  # both held to one figure of this period: change-vs-earlier judges the pair
        d, p, b = ab.parts[0], rel.parts[0], ab.whole
        places = places_of(p)
        exact = d / b * _HUNDRED
        counts = places_of(d) == 0 and places_of(b) == 0
        if _agrees(p, exact, places, counts):
            if counts and _pins(p, b, places) == [abs(d)]:  # the percent leaves no other count
                ctx.ledger.statement_checked(ab, "change-and-its-percent")
            continue
        ctx.ledger.statement_checked(ab, "change-and-its-percent")
        word = "tăng" if d >= 0 else "giảm"
        shown = format_vi(quantize(abs(exact), max(places, 2)), max(places, 2), fixed=True)
        yield finding_at("CHANGE_MISMATCH", "error",
                         f"Văn bản nêu {word} {format_vi(abs(d), places_of(d))}, tương ứng {word} "
                         f"{format_vi(abs(p), places)}% so với {format_vi(b, places_of(b))} nhưng "
                         f"{format_vi(abs(d), places_of(d))} / {format_vi(b, places_of(b))} × 100 = {shown}% "
                         f"(“{rel.text}”)", rel, reported=str(p), expected=str(quantize(exact, max(places, 2))))


def _pins(p: Decimal, b: Decimal, places: int) -> list[Decimal]:
    """The whole counts whose share of ``b`` a percent written ``p`` may be."""
    unit = Decimal(1).scaleb(-places)
    low = int((abs(p) - unit) * b / _HUNDRED)
    high = int((abs(p) + unit) * b / _HUNDRED) + 1
    return [Decimal(d) for d in range(max(low, 0), high + 1)
            if _agrees(abs(p), Decimal(d) / b * _HUNDRED, places, True)]
