"""Figures of the prose derived from another figure of the same sentence:

- a fraction split into the fractions listed after it ("42/139 cơ quan, đơn
  vị (4/15 sở, ngành và 38/124 UBND cấp xã)", read by read.statements_fractions):
  the numerators add up to the whole's numerator and the denominators to its
  denominator;
- a share of a target raised c% over a base, next to the share of that base
  ("bằng 98,44% dự toán Trung ương … bằng 78,75% so với chỉ tiêu phấn đấu tăng
  thu 25% so với dự toán Trung ương giao", read by read.statements_targets);
- points x/y followed by their percent ("đạt 12,15/15 điểm, chỉ số đạt
  80,998%"): the percent is x / y × 100;
- fractions of one whole listed in a passage that share it out ("Có 2/14 cơ
  quan … đạt yêu cầu …", "Có 12/14 cơ quan … nhưng …"; "Điểm tối đa là
  75/100 điểm", "… 15/100 điểm", "… 10/100 điểm"): the numerators add up to
  the whole exactly, which checks each of them (a slip breaks the sum)."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..model import Finding, FractionSide, Report, Statement, StatementKind
from ..numbers import format_vi, places_of, quantize
from ..text.counts import UNITS_COUNTED
from ..text.names import fold_for_units, unit_forms, whole_words
from ..text.organisations import counted_offices
from .prose_counts import finding_at, paragraph_of, vi_number, vi_percent
from .registry import CheckContext, rule
from .relations_support import short


def _members(report: Report, st: Statement) -> list[Statement]:
    """The fraction statements the split names: its whole and its parts."""
    where = {(st.paragraph, st.whole_at), *zip(st.parts_in or [st.paragraph] * len(st.parts_at), st.parts_at)}
    return [o for o in report.statements if o.kind in (StatementKind.FRACTION, StatementKind.SCORE)
            and o.at is not None and (o.paragraph, o.at) in where]


@rule("SUM_MISMATCH", "Các phân số thành phần không cộng lại bằng phân số tổng nêu trong văn bản")
def fraction_parts(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một phân số x/y trong lời văn và các phân số thành phần liệt kê ngay
    sau nó (trong ngoặc hoặc sau "gồm"): tổng các tử số bằng x và tổng các mẫu số bằng y.
    Chỉ đọc khi một trong hai tổng khớp đúng (danh sách thật sự chia phân số ấy); tổng
    kia lệch là lỗi. Các mục liệt kê thành đoạn riêng sau phân số tổng ("- Công khai,
    minh bạch: 18/18 điểm;" …) cũng vậy; khi phía trên có hai phân số cùng khớp một tổng
    thì chỉ là cảnh báo.
    Vì sao: số đơn vị được kiểm tra của từng cấp được cộng tay; sửa một số mà không sửa
    tổng là lỗi hay gặp.
    Ví dụ sai: "đã kiểm tra 42/139 cơ quan, đơn vị (5/15 sở, ngành và 38/124 UBND cấp xã)".
    Ví dụ đúng: "đã kiểm tra 42/139 cơ quan, đơn vị (4/15 sở, ngành và 38/124 UBND cấp xã)"."""
    _record_partitions(report, ctx)
    for st in report.statements:
        if st.kind != StatementKind.SUM or st.fraction_parts is None or st.whole is None:
            continue
        ctx.ledger.statement_checked(st, "fraction-parts-sum")
        for member in _members(report, st):
            ctx.ledger.statement_checked(member, "fraction-parts-sum")
        total = sum(st.parts, Decimal(0))
        if total == st.whole:
            continue
        what = "tử số" if st.fraction_parts == FractionSide.NUMERATOR else "mẫu số"
        doubt = " (các mục liệt kê cũng có thể là của một phân số khác nêu trước đó)" if st.whole_doubtful else ""
        yield finding_at("SUM_MISMATCH", "warning" if st.whole_doubtful else "error",
                         f"Các {what} của phân số thành phần {' + '.join(vi_number(p) for p in st.parts)} = "
                         f"{vi_number(total)}, không bằng {what} {vi_number(st.whole)} của phân số tổng{doubt}",
                         st, reported=str(st.whole), expected=str(total))


def _passages(report: Report) -> list[list[Statement]]:
    """The statements of the prose cut at each section heading."""
    out: list[list[Statement]] = [[]]
    for st in report.statements:
        if st.kind == StatementKind.SECTION:
            out.append([])
        else:
            out[-1].append(st)
    return [p for p in out if p]


def _record_partitions(report: Report, ctx: CheckContext) -> None:
    """Record as checked the fractions of one whole that follow one another
    in a passage and add up to it exactly ("2/14 … 12/14", "75/100 … 15/100 …
    10/100"): a run of two or more, taken in the order written, among the
    fractions of that whole (a rank "17/63" is no share of a whole), never
    fractions of paragraphs that open on subjects of their own ("UBND xã A:
    …", "UBND xã B: …": each its unit's count). Nothing is reported when no
    run adds up: a passage may give a part alone."""
    for passage in _passages(report):
        by_whole: dict[Decimal, list[Statement]] = {}
        for st in passage:
            if st.kind in (StatementKind.FRACTION, StatementKind.SCORE) and st.numerator is not None \
                    and st.denominator and st.numerator <= st.denominator:
                by_whole.setdefault(st.denominator, []).append(st)
        for whole, sts in by_whole.items():
            i = 0
            while i < len(sts):
                total, j = Decimal(0), i
                while j < len(sts) and total < whole:
                    total += sts[j].numerator
                    j += 1
                # each of its own subject ("UBND xã A: …; có 7/19 chỉ số …" then "UBND xã B: …; có 12/19 …"): no parts
                owners = {_subject_label(paragraph_of(report, m)) for m in sts[i:j]} - {None}
                if total == whole and j - i >= 2 and len(owners) < 2:
                    for member in sts[i:j]:
                        ctx.ledger.statement_checked(member, "fraction-partition")
                    i = j
                else:
                    i += 1


def _subject_label(text: str) -> str | None:
    """The unit a paragraph opens on before a colon ("UBND xã Tiên Sơn: …",
    "Sở Y tế: …"), or None — a part of a whole ("- Phần đánh giá của UBND tỉnh:
    75/100 điểm") names none; a list mark before it aside."""
    head = text.split(":", 1)[0] if ":" in text[:80] else ""
    head = re.sub(r"^\s*(?:[-–+•*]|[a-zđ]\)|\d{1,2}[.)])\s*", "", head).strip()
    return head.casefold() if _ONE_UNIT.match(head) else None


# A unit's name: its kind, then a capital ("UBND xã Tiên Sơn", "Sở Y tế", "Thanh tra tỉnh" aside).
_ONE_UNIT = re.compile(r"(?:UBND|Ủy\s+ban\s+nhân\s+dân)\s+(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh)"
                       r"\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]|(?:Sở|Ban|Phòng|Trung\s+tâm)\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]|(?:xã|phường|huyện)\s+[A-ZĐ]")


_HUNDRED = Decimal(100)


@rule("PERCENT_MISMATCH", "Tỷ lệ so với chỉ tiêu tăng thêm khác tỷ lệ so với mức gốc chia cho mức tăng")
def raised_target_share(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một con số nêu hai tỷ lệ trong cùng câu, so với một mức gốc và so với
    chỉ tiêu tăng c% so với chính mức gốc ấy ("bằng 98,44% dự toán Trung ương … và bằng
    78,75% so với chỉ tiêu phấn đấu tăng thu 25% so với dự toán Trung ương giao"): tỷ lệ
    thứ hai = tỷ lệ thứ nhất × 100 / (100 + c), sai khác trong một đơn vị của chữ số cuối.
    Vì sao: tỷ lệ so với chỉ tiêu được tính tay từ tỷ lệ so với dự toán; sửa một con số
    mà quên con số kia làm câu tự mâu thuẫn.
    Ví dụ sai: "bằng 98,44% dự toán Trung ương và bằng 87,75% so với chỉ tiêu phấn đấu tăng
    thu 25% so với dự toán Trung ương giao".
    Ví dụ đúng: "… và bằng 78,75% so với chỉ tiêu phấn đấu tăng thu 25% so với dự toán
    Trung ương giao" (98,44 × 100 / 125 = 78,752)."""
    for st in report.statements:
        if st.kind != StatementKind.PERCENT or st.of_raised is None or st.raised_by is None or st.percent is None:
            continue
        base, raised = st.of_raised, st.raised_by
        first = next((o for o in report.statements if o.kind == StatementKind.PERCENT and o.paragraph == st.paragraph
                      and o.at is not None and o.at == st.raised_from), None)
        ctx.ledger.statement_checked(st, "share-of-raised-target")
        if first is not None:
            ctx.ledger.statement_checked(first, "share-of-raised-target")
        exact = base * _HUNDRED / (_HUNDRED + raised)
        places = places_of(st.percent)
        if abs(exact - st.percent) <= Decimal(1).scaleb(-places):
            continue  # within one unit of the last place (both shares are rounded)
        shown = max(places, 2)
        yield finding_at("PERCENT_MISMATCH", "error",
                         f"Bằng {vi_percent(base, places_of(base))} mức gốc thì bằng {vi_percent(exact, shown)} "
                         f"chỉ tiêu tăng {vi_percent(raised, places_of(raised))} so với mức gốc "
                         f"({format_vi(base, places_of(base))} × 100 / {vi_number(_HUNDRED + raised)}), "
                         f"không phải {vi_percent(st.percent, places)}", st,
                         reported=str(st.percent), expected=str(quantize(exact, shown)))


def _units_named(text: str, units: list[str]) -> tuple[list[str], str]:
    """The table units named in ``text`` (each once, longest names first) and
    what is left of the text when their names and the separators are taken out."""
    folded = fold_for_units(text)
    found: list[str] = []
    forms = sorted(((f, u) for u in dict.fromkeys(units) for f in unit_forms(u)), key=lambda x: -len(x[0]))
    for form, unit in forms:
        at = folded.find(form)
        while at >= 0 and not whole_words(folded, at, len(form)):
            at = folded.find(form, at + 1)
        if at < 0 or unit in found:
            continue
        found.append(unit)
        folded = folded[:at] + " " * len(form) + folded[at + len(form):]
    joins = "|".join(re.escape(fold_for_units(w)) for w in ("và", "gồm", "các", "cùng"))
    rest = re.sub(r"(?<!\w)(?:" + joins + r"|ubnd)(?!\w)|[\s,;.:\-–]", "", folded)
    return found, rest


@rule("GRADE_COUNT_MISMATCH", "Số đơn vị x/y nêu trong lời văn khác số tên đơn vị liệt kê ngay sau")
def count_vs_listed_units(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một số đơn vị viết x/y ("Có 2/14 cơ quan, đơn vị đạt yêu cầu …",
    "chỉ có 04/15 đơn vị") và danh sách tên đơn vị ngay sau nó (sau dấu hai chấm, trong
    ngoặc hoặc sau "gồm"): x bằng số tên. Tên được nhận ra bằng tên các đơn vị trong các
    bảng của văn bản, hoặc, khi bảng không có, bằng dạng của tên cơ quan (mở đầu bằng
    "Sở", "Cục", "Thanh tra", "UBND" … rồi đến tên riêng hay cấp; "02 UBND cấp huyện" là
    hai đơn vị); chỉ báo lỗi khi mọi tên trong danh sách là đơn vị của bảng hoặc mọi phần
    của danh sách là tên một cơ quan.
    Vì sao: danh sách được thêm, bớt tên mà số đếm không sửa theo (hoặc ngược lại).
    Ví dụ sai: "Có 3/14 cơ quan đạt yêu cầu: Sở Nông nghiệp và Môi trường, Văn phòng UBND tỉnh."
    Ví dụ đúng: "Có 2/14 cơ quan đạt yêu cầu: Sở Nông nghiệp và Môi trường, Văn phòng UBND tỉnh";
    "Có 06/20 cơ quan, đơn vị còn hồ sơ quá hạn, gồm: Sở Tài chính (56 hồ sơ), Sở Dân tộc và
    Tôn giáo (49 hồ sơ), Cục Thuế tỉnh (33 hồ sơ), Thanh tra tỉnh (28 hồ sơ) và 02 UBND cấp
    huyện (188 hồ sơ)" (4 + 2 = 6)."""
    units = [r.unit for t in report.tables for r in t.rows if r.unit]
    for st in report.statements:
        listed = st.listed
        if st.kind != StatementKind.FRACTION or not listed or st.numerator is None:
            continue
        n = int(st.numerator)
        found, rest = _units_named(listed, units) if units else ([], listed)
        if found and (len(found) == n or not rest):
            ctx.ledger.statement_checked(st, "count-vs-listed-units")
            if len(found) != n:
                yield finding_at("GRADE_COUNT_MISMATCH", "error",
                                 f"Văn bản nêu {st.text} đơn vị nhưng liệt kê {len(found)} tên: {'; '.join(found)}",
                                 st, reported=str(n), expected=str(len(found)))
            continue
        context = st.context or ""
        at = context.find(st.text)
        if at < 0 or not UNITS_COUNTED.match(context[at + len(st.text):].strip()):
            continue  # a fraction of dossiers, not of offices ("21.108/31.843 hồ sơ …, gồm: UBND huyện A …")
        offices = counted_offices(listed)
        if offices is None:
            continue  # names that are no unit of the tables nor an office's: the count is not decided
        ctx.ledger.statement_checked(st, "count-vs-listed-units")
        if offices != n:
            yield finding_at("GRADE_COUNT_MISMATCH", "error",
                             f"Văn bản nêu {st.text} đơn vị nhưng danh sách sau đó gồm {offices} đơn vị: "
                             f"“{short(listed, 120)}”", st, reported=str(n), expected=str(offices))


# Between points x/y and the percent that follows them: a comma, "chỉ số",
# "tỷ lệ", "đạt", "tương ứng", "bằng" — no other figure, no sentence break.
_SCORE_TO_PERCENT = re.compile(r"^\s*(?:điểm|đ)?\s*[,(–-]?\s*(?:(?:chỉ\s+số|tỷ\s+lệ|tỉ\s+lệ|tương\s+ứng|bằng|"
                               r"đạt|là)\s*)*$", re.I)


def _score_percent(report: Report, st: Statement) -> Statement | None:
    """The percent written right after points ``st`` (x/y) in its sentence."""
    for other in report.statements:
        if other.kind != StatementKind.PERCENT or other.paragraph != st.paragraph or other.percent is None:
            continue
        before = other.before or ""
        at = before.rfind(st.text)
        if at >= 0 and _SCORE_TO_PERCENT.match(before[at + len(st.text):]):
            return other
    return None


def _half(value: Decimal) -> Decimal:
    return Decimal(5).scaleb(-places_of(value) - 1)


@rule("PERCENT_MISMATCH", "Tỷ lệ nêu ngay sau số điểm x/y khác x / y × 100")
def score_percent(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: số điểm viết x/y trong lời văn và tỷ lệ viết ngay sau nó ("đạt 12,15/15
    điểm, chỉ số đạt 80,998%"): tỷ lệ = x / y × 100, sai khác không quá phần làm tròn của
    hai con số (hoặc tỷ lệ bị cắt bớt chữ số).
    Vì sao: hai con số nói cùng một kết quả; sửa một số mà quên số kia làm câu tự mâu
    thuẫn.
    Ví dụ sai: "đạt 12,51/15 điểm, chỉ số đạt 80,998%" (12,51 / 15 × 100 = 83,40%).
    Ví dụ đúng: "đạt 12,15/15 điểm, chỉ số đạt 80,998%" (12,15 / 15 × 100 = 81,00%, và
    80,998% của 15 điểm là 12,1497, viết gọn 12,15)."""
    for st in report.statements:
        if st.kind != StatementKind.SCORE or st.numerator is None or not st.denominator:
            continue
        percent = _score_percent(report, st)
        if percent is None:
            continue
        ctx.ledger.statement_checked(st, "score-percent")
        ctx.ledger.statement_checked(percent, "score-percent")
        x, y, p = st.numerator, st.denominator, percent.percent
        low, high = (x - _half(x)) / y * _HUNDRED, (x + _half(x)) / y * _HUNDRED
        if low <= p + 2 * _half(p) and p - _half(p) <= high:  # a percent rounded or cut
            continue
        exact = x / y * _HUNDRED
        shown = max(places_of(p), 2)
        yield finding_at("PERCENT_MISMATCH", "error",
                         f"{format_vi(x, places_of(x))}/{vi_number(y)} điểm là {vi_percent(exact, shown)}, "
                         f"không phải {vi_percent(p, places_of(p))} như câu viết ngay sau", percent,
                         reported=str(p), expected=str(quantize(exact, shown)))
