"""Rules over the prose of a report: shares, dates, periods, appendix lines,
section numbering and the format rules of Nghị định 30/2020 (dates, Nơi nhận,
vi_VN numbers). The rules about counts (grade counts and lists against the
tables, sums of parts, fractions) are in :mod:`.prose_counts`, registered on
import here.

Severity: an error only when the text contradicts itself or a table it is
sure to describe (a group found by the units it names); otherwise a warning.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from decimal import ROUND_DOWN, Decimal
from typing import Iterator

from ..model import Finding, Report, Statement, StatementKind
from ..numbers import places_of, quantize, swap_separators, to_roman
from ..text.dates import DATE_PHRASE, period_bounds, period_of, period_vi
from ..text.names import name_key
from .prose_counts import finding_at, vi_number, vi_percent
from .prose_parts import SlippedPart, SlippedWhole, chained_slips, listed_together, sum_slip
from .registry import CheckContext, rule

_HUNDRED = Decimal(100)


def _share_ok(written: Decimal, exact: Decimal) -> bool:
    places = places_of(written)
    return quantize(exact, places) == written


@rule("PERCENT_MISMATCH", "Tỷ lệ phần trăm trong văn bản khác tỷ lệ tính từ số liệu")
def share_percent(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một tỷ lệ phần trăm trong lời văn so với phần chia cho tổng mà nó
    nói tới (cùng câu hoặc câu trước), làm tròn như văn bản viết.
    Vì sao: tỷ lệ thường được tính tay hoặc chép từ kỳ trước.
    Ví dụ sai: "giải quyết 12.490 hồ sơ, trong đó 12.370 hồ sơ trước hạn, chiếm 98,04%".
    Ví dụ đúng: "giải quyết 12.490 hồ sơ, trong đó 12.370 hồ sơ trước hạn, chiếm 99,04%"."""
    shares = [st for st in report.statements if st.kind == StatementKind.SHARE and st.whole and st.value is not None]
    numbers_by_par: dict[int | None, set[Decimal]] = defaultdict(set)
    for st in report.statements:
        if st.kind == StatementKind.SUM:
            numbers_by_par[st.paragraph].update([st.whole, *st.parts])
    pointed: set[int] = set()
    for st in report.statements:  # shares that point at the slip of a sum (prose_sums names it)
        slip = sum_slip(st, report.statements)
        pointed |= {id(slip.share)} if isinstance(slip, SlippedPart) else \
            {id(s) for s in slip.shares} if isinstance(slip, SlippedWhole) else set()
    chained = {id(c.first): c for c in chained_slips(shares)}
    texts = {p.index: p.text for p in report.paragraphs}
    pointed |= {id(c.then) for c in chained.values()}
    for st in shares:
        ctx.ledger.statement_checked(st, "share-percent")
        if id(st) in pointed:
            continue  # it points at the part of a sum that is the slip (prose_sums names it)
        if id(st) in chained:  # its part is the slip, which the next share (of that part) shows too
            c = chained[id(st)]
            yield finding_at("PERCENT_MISMATCH", "error",
                             f"Số {vi_number(st.value)} ghi sai: {vi_number(st.value)} trên {vi_number(st.whole)} "
                             f"không phải {vi_percent(st.percent, places_of(st.percent))}, và "
                             f"{vi_number(c.then.value)} trên {vi_number(st.value)} không phải "
                             f"{vi_percent(c.then.percent, places_of(c.then.percent))}; khoảng {vi_number(c.value)} "
                             f"thì khớp cả hai tỷ lệ", st, reported=str(st.value), expected=str(c.value))
            continue
        exact = st.value / st.whole * _HUNDRED
        if _share_ok(st.percent, exact):
            continue
        together = listed_together(st, texts.get(st.paragraph, ""))
        if together is not None and together <= st.whole and _share_ok(st.percent, together / st.whole * _HUNDRED):
            continue  # the rate of the parts listed together ("trước hạn 476, đúng hạn 1.165, đạt tỷ lệ 99,58%")
        places = places_of(st.percent)
        if quantize(exact, places, ROUND_DOWN) == st.percent:
            continue  # truncated rather than rounded: not worth a finding
        siblings = [s for s in shares if s is not st and s.whole == st.whole and s.paragraph == st.paragraph]
        base_confirmed = bool(siblings) and all(_share_ok(s.percent, s.value / s.whole * _HUNDRED) for s in siblings)
        other = next((b for b in sorted(numbers_by_par[st.paragraph]) if b and b != st.whole and b > st.value
                      and _share_ok(st.percent, st.value / b * _HUNDRED)), None)
        note = f" (con số {vi_percent(st.percent, places)} ứng với tỷ lệ trên {vi_number(other)})" if other else ""
        # A whole inferred from the sentences around (not stated with the share) leaves a doubt.
        sure = base_confirmed or (not other and not st.whole_inferred)
        group = _rounded_to_hundred(st, shares, exact)
        if group and all(_share_ok(s.percent, s.value / s.whole * _HUNDRED) for s in group if s is not st):
            # The one share off by a unit closes a breakdown whose counts make the whole and whose
            # other shares are exact: written to make the list total 100 %, which the sum verifies.
            listed = " + ".join(vi_percent(s.percent, places_of(s.percent)) for s in group)
            yield finding_at("PERCENT_MISMATCH", "info",
                             f"{vi_number(st.value)} trên {vi_number(st.whole)} là {vi_percent(exact, max(places, 2))}, "
                             f"viết {vi_percent(st.percent, places)} để tổng các tỷ lệ ({listed}) bằng 100%", st,
                             reported=str(st.percent), expected=str(quantize(exact, max(places, 2))))
            continue
        if group:
            sure, note = False, " (có thể đã điều chỉnh để tổng các tỷ lệ bằng 100%)"
        yield finding_at("PERCENT_MISMATCH", "error" if sure else "warning",
                  f"{vi_number(st.value)} trên {vi_number(st.whole)} là {vi_percent(exact, max(places, 2))}, "
                  f"không phải {vi_percent(st.percent, places)}{note}", st,
                  reported=str(st.percent), expected=str(quantize(exact, max(places, 2))))


def _rounded_to_hundred(st: Statement, shares: list[Statement], exact: Decimal) -> list[Statement]:
    """The shares of ``st``'s whole listed around it (the parts of one
    breakdown), in order, when ``st`` is one unit of its last place off, the
    parts make the whole and the shares add up to exactly 100%: the usual
    adjustment of one share so that the list totals 100%; else []."""
    if abs(exact - st.percent) > Decimal(1).scaleb(-places_of(st.percent)) or st.paragraph is None:
        return []
    group = [s for s in shares if s.whole == st.whole and s.paragraph is not None
             and abs(s.paragraph - st.paragraph) <= 6]
    ok = len(group) >= 2 and sum(s.value for s in group) == st.whole and sum(s.percent for s in group) == _HUNDRED
    return group if ok else []


# --- dates and periods --------------------------------------------------------------------

def _latest_issue_date(report: Report) -> _dt.date | None:
    """The document's date, or the last day its partial date ("ngày … tháng 5
    năm 2024") allows."""
    meta = report.meta
    if meta.date:
        return meta.date
    m = re.search(r"tháng\s*(\d{1,2})\s*năm\s*(\d{4})", meta.date_text or "")
    if m and 1 <= int(m.group(1)) <= 12:
        bounds = period_bounds(f"{m.group(2)}-{int(m.group(1)):02d}")
        return bounds[1] if bounds else None
    m = re.search(r"năm\s*(\d{4})", meta.date_text or "")
    return _dt.date(int(m.group(1)), 12, 31) if m else None


_ROLE_WORDS = {"as_of": "tính đến", "until": "đến ngày", "cited": "ngày của văn bản được dẫn", "deadline": "thời hạn",
               "plain": "ngày"}


@rule("DATE_INCONSISTENT", "Ngày nêu trong văn bản không khớp với ngày ban hành")
def date_after_issue(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một ngày nêu trong văn bản ("tính đến ngày …", "đến ngày …") muộn
    hơn ngày ban hành văn bản.
    Vì sao: báo cáo chỉ nói về điều đã xảy ra trước ngày ký; ngày muộn hơn là gõ nhầm
    ngày, tháng hoặc năm.
    Ví dụ sai: văn bản ký ngày 15/7/2024 ghi "số liệu tính đến ngày 30/7/2024".
    Ví dụ đúng: văn bản ký ngày 15/7/2024 ghi "số liệu tính đến ngày 30/6/2024"."""
    latest = _latest_issue_date(report)
    from_period = False
    if latest is None and report.meta.period and period_bounds(report.meta.period):
        # no date line: a report comes out within a quarter of its period's end
        latest = period_bounds(report.meta.period)[1] + _dt.timedelta(days=92)
        from_period = True
    if latest is None:
        return
    issued = report.meta.date_text or f"kỳ báo cáo {period_vi(report.meta.period)}"
    for st in report.statements:
        if st.kind != StatementKind.DATE or st.date is None or st.date <= latest:
            continue
        role = st.role or "plain"
        days = (st.date - latest).days
        # A report states facts up to its date; a plan or a letter may look ahead.
        looks_back = report.meta.doc_type in REPORT_TYPES or report.meta.doc_type is None
        if role == "as_of" or (role == "until" and st.data_range):
            # "tính đến", or the end of the period the figures cover: a report
            # states figures up to its own date
            severity = "error" if looks_back and not from_period else "warning"
        elif role == "cited" or (looks_back and (role == "until" or (role == "plain" and days > 31))) \
                or (role == "deadline" and days > 366):
            severity = "warning"
        else:
            continue
        yield finding_at("DATE_INCONSISTENT", severity,
                  f"Ngày {st.written if st.written is not None else st.text} ({_ROLE_WORDS[role]}) muộn hơn ngày ban hành văn bản "
                  f"(văn bản ghi “{issued}”)", st, reported=st.date.isoformat(), expected=f"≤ {latest.isoformat()}")


REPORT_TYPES = {"BC", "TB"}  # the types that report on a period past


@rule("DATE_RANGE_REVERSED", "Khoảng thời gian của số liệu kết thúc trước khi bắt đầu")
def date_range_order(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: khoảng thời gian số liệu "từ ngày A đến (hết) ngày B" có A không
    muộn hơn B.
    Vì sao: chép khoảng thời gian từ kỳ trước rồi chỉ sửa một đầu (thường là năm)
    làm khoảng ngược chiều; người đọc không biết số liệu thuộc kỳ nào.
    Ví dụ sai: "số liệu từ ngày 01/10/2026 đến hết ngày 31/10/2025".
    Ví dụ đúng: "số liệu từ ngày 01/10/2026 đến hết ngày 31/10/2026"."""
    last: Statement | None = None
    for st in report.statements:
        if st.kind != StatementKind.DATE or st.date is None:
            continue
        start = last if last is not None and last.paragraph == st.paragraph else None
        last = st
        if start is None or not (st.role == "until" and st.data_range) or start.date <= st.date:
            continue
        begin = start.written if start.written is not None else start.text
        end = st.written if st.written is not None else st.text
        yield finding_at("DATE_RANGE_REVERSED", "error",
                         f"Khoảng thời gian từ {begin} đến {end}: ngày kết thúc sớm hơn ngày bắt đầu", st,
                         reported=st.date.isoformat(), expected=f"≥ {start.date.isoformat()}")


def _appendix_titles(report: Report) -> list[tuple[int | None, str, Statement | None]]:
    out: list[tuple[int | None, str, Statement | None]] = []
    seen: set[str] = set()
    for idx, title in report.appendix_titles:
        if re.match(r"\s*Phụ\s+lục\b", title, re.I):
            out.append((idx, title, None))
            seen.add(name_key(title))
    for st in report.statements:
        if st.kind == StatementKind.PERIOD and st.label and name_key(f"{st.label} {st.text}") not in seen:
            out.append((None, f"{st.label} {st.text}", st))
    return out


# "(Kèm theo Báo cáo số 405/BC-UBND ngày 17 tháng 8 năm 2023 …)": the date the document it goes with
# was signed, no period of the appendix's figures
_ATTACHED = re.compile(r"\(\s*(?:kèm\s+theo|ban\s+hành\s+kèm|đính\s+kèm)[^()]*\)", re.I)


@rule("PERIOD_MISMATCH", "Kỳ báo cáo của phụ lục khác kỳ báo cáo của văn bản")
def appendix_period(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: kỳ báo cáo ghi ở tiêu đề phụ lục so với kỳ báo cáo của văn bản.
    Vì sao: phụ lục hay được dùng lại từ kỳ trước mà không sửa tiêu đề.
    Ví dụ sai: báo cáo quý II năm 2024 kèm "Phụ lục I. Kết quả quý I năm 2024".
    Ví dụ đúng: báo cáo quý II năm 2024 kèm "Phụ lục I. Kết quả quý II năm 2024"."""
    period = report.meta.period
    if report.meta.doc_type not in REPORT_TYPES or not period or not period_bounds(period):
        return
    own = period_bounds(period)
    for table, title, st in _appendix_titles(report):
        found = period_of(_ATTACHED.sub(" ", title))
        if not found or found == period:
            continue
        other = period_bounds(found)
        inside = other[0] >= own[0] and other[1] <= own[1] or own[0] >= other[0] and own[1] <= other[1]
        name = re.match(r"\s*(Phụ\s+lục\s*[IVXLC\d]*)", title, re.I)
        yield finding_at("PERIOD_MISMATCH", "warning" if inside else "error",
                  f"{(name.group(1) if name else 'Phụ lục').strip()} ghi kỳ {period_vi(found)} nhưng văn bản báo cáo "
                  f"kỳ {period_vi(period)}", st, table=table, reported=found, expected=period)


def _date_parts(meta_text: str | None) -> tuple[str | None, str | None, str | None]:
    m = DATE_PHRASE.search(meta_text or "")
    if not m:
        return None, None, None
    d, mo = m.group("d").strip(), m.group("m").strip()
    return (str(int(d)) if d.isdecimal() else None, str(int(mo)) if mo.isdecimal() else None, m.group("y"))


def _same_number(a: str, b: str) -> bool:
    return name_key(a.replace(" ", "")) == name_key(b.replace(" ", ""))


@rule("APPENDIX_REFERENCE", "Dòng “Kèm theo …” của phụ lục không khớp số, loại hoặc ngày của văn bản")
def appendix_reference(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: dòng "Kèm theo Báo cáo số …" của phụ lục so với loại và số của
    chính văn bản.
    Vì sao: phụ lục phải chỉ đúng văn bản nó đi kèm (Nghị định 30/2020); số cũ là dấu
    hiệu phụ lục chép từ văn bản khác.
    Ví dụ sai: văn bản số 405/BC-UBND, phụ lục ghi "Kèm theo Báo cáo số 398/BC-UBND".
    Ví dụ đúng: phụ lục ghi "Kèm theo Báo cáo số 405/BC-UBND"."""
    meta = report.meta
    for ref in report.annex_refs:
        p = ref.paragraph
        where = dict(paragraph=p.index, page=p.page)
        if ref.doc_type and meta.doc_type and ref.doc_type != meta.doc_type:
            yield Finding(code="APPENDIX_REFERENCE", severity="warning", reported=ref.doc_type,
                          expected=meta.doc_type, message=f"Phụ lục ghi kèm theo văn bản loại {ref.doc_type} "
                          f"nhưng văn bản là {meta.doc_type}: “{ref.text}”", **where)
        if ref.number and meta.number and not _same_number(ref.number, meta.number):
            yield Finding(code="APPENDIX_REFERENCE", severity="warning", reported=ref.number, expected=meta.number,
                          message=f"Phụ lục ghi kèm theo văn bản số {ref.number} nhưng văn bản mang số "
                                  f"{meta.number}", **where)


@rule("DATE_INCONSISTENT", "Ngày ghi ở dòng “Kèm theo …” của phụ lục khác ngày của văn bản")
def appendix_reference_date(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: ngày ghi ở dòng "Kèm theo … ngày …" của phụ lục so với ngày của
    văn bản.
    Vì sao: phụ lục phải chỉ đúng văn bản nó đi kèm; ngày khác là phụ lục của văn bản
    khác hoặc gõ nhầm.
    Ví dụ sai: văn bản ngày 17/8/2023, phụ lục ghi "Kèm theo Báo cáo … ngày 10/8/2023".
    Ví dụ đúng: phụ lục ghi "Kèm theo Báo cáo … ngày 17/8/2023"."""
    meta = report.meta
    own_day, own_month, own_year = _date_parts(meta.date_text)
    for ref in report.annex_refs:
        p = ref.paragraph
        day = str(int(ref.day)) if ref.day and ref.day.isdecimal() else None
        month = str(int(ref.month)) if ref.month and ref.month.isdecimal() else None
        pairs = [(day, own_day), (month, own_month), (ref.year, own_year)]
        if any(a and b and a != b for a, b in pairs):
            written = DATE_PHRASE.search(ref.text).group(0)
            yield Finding(code="DATE_INCONSISTENT", severity="warning", reported=written, expected=meta.date_text,
                          message=f"Phụ lục ghi kèm theo văn bản “{written}” nhưng văn bản đề "
                                  f"“{meta.date_text}”", paragraph=p.index, page=p.page)


@rule("DATE_FORMAT", "Ngày tháng không theo Nghị định 30/2020 (số 0 trước ngày dưới 10, tháng 1, 2)")
def date_leading_zero(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: cách viết ngày tháng theo Nghị định 30/2020: số 0 trước ngày dưới
    10 và trước tháng 1, 2; không có số 0 trước các tháng khác.
    Vì sao: đây là quy định thể thức văn bản hành chính.
    Ví dụ sai: "ngày 5 tháng 3 năm 2024", "ngày 15 tháng 1 năm 2024".
    Ví dụ đúng: "ngày 05 tháng 3 năm 2024", "ngày 15 tháng 01 năm 2024"."""
    for p in report.paragraphs:
        for m in DATE_PHRASE.finditer(p.text):
            d, mo = m.group("d").strip(), m.group("m").strip()
            if not mo.isdecimal():
                continue
            want_d = d if not d.isdecimal() else (f"{int(d):02d}" if int(d) < 10 else str(int(d)))
            want_m = f"{int(mo):02d}" if int(mo) in (1, 2) else str(int(mo))
            if (d, mo) == (want_d, want_m):
                continue
            fixed = f"ngày {want_d} tháng {want_m} năm {m.group('y')}" if d else f"ngày tháng {want_m} năm {m.group('y')}"
            yield Finding(code="DATE_FORMAT", severity="warning", paragraph=p.index, page=p.page,
                          reported=m.group(0), expected=fixed,
                          message=f"Ngày tháng viết “{m.group(0)}”, theo Nghị định 30/2020 phải viết “{fixed}” "
                                  f"(chỉ thêm số 0 trước ngày dưới 10 và tháng 1, 2)")


# --- numbering and format ------------------------------------------------------------------

@rule("SECTION_NUMBERING", "Số thứ tự đề mục bị lặp hoặc nhảy cóc")
def section_sequence(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: số thứ tự của các đề mục cùng cấp (I, II…; 1, 2…; 1.1, 1.2…) liên
    tục, không lặp, không nhảy.
    Vì sao: khi thêm hoặc xóa một mục, các mục sau hay không được đánh số lại.
    Ví dụ sai: "1. Kết quả" rồi "3. Tồn tại" (thiếu mục 2).
    Ví dụ đúng: "1. Kết quả" rồi "2. Tồn tại"."""
    heads = report.sections
    last: dict[int, int] = {}
    for k, (st, nums) in enumerate(heads):
        level = st.level or 1
        for lv in [lv for lv in last if lv > level]:
            del last[lv]
        n = nums[-1]
        prev = last.get(level)
        if prev is None or n == prev + 1:
            last[level] = n
            continue
        expected = prev + 1
        shown = _label(st.label, level, expected)
        yield finding_at("SECTION_NUMBERING", "warning",
                  f"Đề mục “{st.label}” sau đề mục số {_label(st.label, level, prev)} cùng cấp: "
                  f"{'bị lặp số' if n == prev else 'nhảy số'}, đúng ra là “{shown}”", st,
                  reported=st.label, expected=shown)
        nxt = next(((s2, nn) for s2, nn in heads[k + 1:] if (s2.level or 1) <= level), None)
        typo = nxt is not None and (nxt[0].level or 1) == level and nxt[1][-1] == expected + 1
        last[level] = expected if typo else n


def _label(label: str, level: int, n: int) -> str:
    if level <= 1:
        head, _, last = label.rpartition(" ")
        number = str(n) if last.isdecimal() else to_roman(n)
        return f"{head} {number}" if head else number
    parts = label.split(".")
    return ".".join(parts[:-1] + [str(n)])


@rule("NUMBER_FORMAT", "Số trong văn bản không viết theo định dạng Việt Nam (dấu phẩy thập phân)")
def prose_number_format(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: số trong lời văn viết theo định dạng Việt Nam: dấu phẩy thập phân,
    dấu chấm phân cách hàng nghìn.
    Vì sao: "91.86%" đọc theo định dạng Việt Nam là chín nghìn…; số chép từ phần mềm
    tiếng Anh hay mang dấu chấm thập phân.
    Ví dụ sai: "chiếm 91.86%".
    Ví dụ đúng: "chiếm 91,86%"."""
    by_par: dict[int | None, list[Statement]] = defaultdict(list)
    for st in report.statements:
        if st.kind in (StatementKind.PERCENT, StatementKind.SCORE, StatementKind.COUNT) and st.wrong_separator:
            by_par[st.paragraph].append(st)
    for par, sts in by_par.items():
        written = [s.written if s.written is not None else s.text for s in sts]
        fixed = [s.corrected or swap_separators(w) for s, w in zip(sts, written)]
        examples = "; ".join(f"{w} → {f}" for w, f in list(zip(written, fixed))[:4])
        more = f" và {len(written) - 4} số khác" if len(written) > 4 else ""
        yield finding_at("NUMBER_FORMAT", "warning",
                  f"Số không viết theo định dạng Việt Nam (dấu phẩy thập phân, dấu chấm phân nhóm): {examples}{more}",
                  sts[0],
                  reported=written[0], expected=fixed[0])


@rule("NOI_NHAN_FORMAT", "Dòng cuối của Nơi nhận phải là “- Lưu: VT, …” (Nghị định 30/2020)")
def noi_nhan_last_line(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: dòng cuối của khối Nơi nhận là "- Lưu: VT, <đơn vị soạn thảo>."
    Vì sao: thể thức theo Nghị định 30/2020.
    Ví dụ sai: Nơi nhận kết thúc bằng "- Như trên;".
    Ví dụ đúng: Nơi nhận kết thúc bằng "- Lưu: VT, VP."."""
    lines = report.recipient_lines
    if not lines:
        return
    luu = [(t, p) for t, p in lines if re.match(r"^[-–+•]?\s*Lưu\b", t, re.I)]
    text, p = luu[-1] if luu else lines[-1]
    if not luu:
        yield Finding(code="NOI_NHAN_FORMAT", severity="info", paragraph=p.index, page=p.page,
                      reported=text, expected="- Lưu: VT, …",
                      message="Không thấy dòng “- Lưu: VT, …” ở cuối Nơi nhận (Nghị định 30/2020)")
        return
    body = re.sub(r"^[-–+•]\s*", "", text)
    if re.match(r"^Lưu\s*:?\s*VT\b", body, re.I):
        return
    yield Finding(code="NOI_NHAN_FORMAT", severity="warning", paragraph=p.index, page=p.page,
                  reported=text, expected="- Lưu: VT, …",
                  message=f"Dòng cuối của Nơi nhận là “{text}”, theo Nghị định 30/2020 phải là “- Lưu: VT, "
                          f"<đơn vị soạn thảo>.”")
