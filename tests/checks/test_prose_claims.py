"""Prose claims a reader checks (issue 8 part 4): the grade legend read as a
rule, shares paired with their whole, dot-thousands fractions, and mutation
tests generated from the prose of the seeds and the real DOCX reports: change
one share, one part of a sum, one fraction or one date in a sentence, and a
new finding names that paragraph; the unchanged documents give no new error."""
from __future__ import annotations

import copy
import re
from dataclasses import replace
from decimal import Decimal

import pytest

from parsers import read_raw
from reportgen.coverage import claim_statements
from reportgen.model import Paragraph
from reportgen.numbers import format_vi
from reportgen.raw import RawParagraph
from reportgen.read import read_report, report_of_paragraphs
from reportgen.read.legend import read_grade_legend
from reportgen.read.statements import read_statements
from reportgen.verify import verify_report

from support import ROOT

D = Decimal
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
REAL = ROOT / "fixtures" / "reference" / "real"
REAL_DOCX = [REAL / n for n in ("ld-chiso-bc184-snv.docx", "ld-cchc2025-bc329-phuluc.docx", "ld-766-sotaichinh.docx")]


def _bands(text: str):
    return [(b.grade, b.lower, b.lower_inclusive, b.upper, b.upper_inclusive, b.unit)
            for b in read_grade_legend([Paragraph(text, 0)])]


def test_a_grade_legend_is_a_rule_with_bounds_never_a_count():
    assert _bands("Từ 90 đến dưới 100 điểm xếp loại: Xuất sắc") == [("Xuất sắc", D(90), True, D(100), False, "points")]
    assert _bands("TỐT ≥ 80") == [("Tốt", D(80), True, None, False, None)]
    assert _bands("KHÁ: từ 65 đến dưới 80") == [("Khá", D(65), True, D(80), False, None)]
    assert _bands("- Xếp loại Kém: Có chỉ số chung đạt dưới 50%.") == [("Kém", None, True, D(50), False, "percent")]
    assert _bands("Xuất sắc: từ 90 điểm trở lên; Tốt: từ 80 đến dưới 90 điểm") == [
        ("Xuất sắc", D(90), True, None, False, "points"), ("Tốt", D(80), True, D(90), False, "points")]
    # A count of units graded is not a legend, and a legend is not a count.
    assert _bands("Có 05 đơn vị xếp loại Tốt, đạt từ 80 điểm") == []
    legend = [Paragraph("Từ 90 đến dưới 100 điểm xếp loại: Xuất sắc", 0),
              Paragraph("Đơn vị năm 2025 xếp loại Trung bình.", 1)]
    assert [st for st in read_statements(legend) if st.kind == "grade_count"] == []


def test_the_legend_of_the_appraisal_report_is_read_from_its_prose():
    pdf = REAL / "ld-cchc2025-bc36-thamdinh.pdf"
    from reportgen.read import read_path

    legend = read_path(pdf).grade_legend
    assert [(b.grade, b.lower, b.upper, b.unit) for b in legend] == [
        ("Tốt", D(80), None, "percent"), ("Khá", D(65), D(80), "percent"),
        ("Trung bình", D(50), D(65), "percent"), ("Kém", None, D(50), "percent")]


def _claims(text: str):
    return [(s.kind, s.value or s.numerator, s.whole or s.denominator, s.percent)
            for s in read_statements([Paragraph(text, 0)]) if s.kind in ("share", "fraction")]


def test_a_share_is_paired_with_its_whole_in_the_same_or_the_previous_sentence():
    text = ("Trong kỳ tiếp nhận 1.250 hồ sơ. Đã giải quyết 1.100 hồ sơ, chiếm 88%; "
            "đang giải quyết 150 hồ sơ, chiếm 12%.")
    assert _claims(text) == [("share", D(1100), D(1250), D(88)), ("share", D(150), D(1250), D(12))]
    # "26 xã đạt 100%" is a rate each commune reached, not a share of a whole.
    assert _claims("Có 26 xã đạt 100%.") == []
    # "chiếm" with no whole in sight: kept, unpaired (the coverage says so).
    assert _claims("Có 26 xã, chiếm 20,97%.") == [("share", D(26), None, D("20.97"))]


def test_dot_thousands_fractions_are_read_and_a_dotted_decimal_is_not():
    text = "Đã vận động 41.210/88.905 cán bộ, công chức, viên chức cài đặt ứng dụng, đạt tỷ lệ 46,4%."
    assert _claims(text) == [("fraction", D(41210), D(88905), None), ("share", D(41210), D(88905), D("46.4"))]
    assert _claims("Điểm đạt 13.951/15 điểm.") == []


def test_parts_named_by_kind_add_up_to_the_whole_they_split():
    def sums(text):
        return [(st.whole, st.parts, st.mode) for st in read_statements([Paragraph(text, 0)])
                if st.kind == "sum"]

    text = "Toàn tỉnh có 124 đơn vị hành chính cấp xã (103 xã, 20 phường và 01 đặc khu)."
    assert sums(text) == [(D(124), [D(103), D(20), D(1)], "partition")]
    from reportgen.checks import CheckContext, run_checks

    for written, codes in ((text, []), (text.replace("01 đặc khu", "02 đặc khu"), ["SUM_MISMATCH"])):
        paragraphs = [Paragraph(written, 0)]
        report = report_of_paragraphs(paragraphs, source="x")
        found = run_checks(report, CheckContext())
        assert [f.code for f in found if f.severity == "error"] == codes
    assert sums("Tiếp nhận 13.597 hồ sơ (tăng 975 hồ sơ so với kỳ trước)") == []


# -- generated mutations ------------------------------------------------------------------

def _documents():
    docs = list(SEEDS) + REAL_DOCX
    return [pytest.param(p, id=p.name[:24]) for p in docs]


def _vi_like(value: Decimal, written: str) -> str:
    places = len(written.split(",")[1]) if "," in written else 0
    return format_vi(value, places, fixed=True)


def _mutations(report):
    """(paragraph index, old token, new token) for each checked claim and each date."""
    out = []
    for _, st, _ in claim_statements(report):
        if st.kind == "share" and st.whole and st.percent_written:
            written = st.percent_written.rstrip("%").strip()
            out.append((st.paragraph, st.percent_written, _vi_like(st.percent + 7, written) + "%"))
        elif st.kind == "sum" and len(st.parts) >= 2 and st.mode != "subset":
            part = st.parts[-1]
            out.append((st.paragraph, format_vi(part), format_vi(part + 10)))
        elif st.kind == "fraction" and st.numerator is not None and st.denominator:
            out.append((st.paragraph, st.text, f"{format_vi(st.denominator + 1)}/{format_vi(st.denominator)}"))
    for st in report.statements:
        if st.kind == "date" and st.date is not None and re.fullmatch(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}",
                                                                      st.text, re.I):
            bad = re.sub(r"tháng\s+\d{1,2}", "tháng 13", st.text, count=1)
            out.append((st.paragraph, st.text, bad))
    return out


def _mutated(raw, paragraph: int, old: str, new: str):
    """A copy of ``raw`` with ``old`` replaced once in the first paragraph from ``paragraph`` that has it."""
    blocks = list(raw.blocks)
    for k, b in enumerate(blocks):
        if isinstance(b, RawParagraph) and b.index >= paragraph and old in b.text:
            blocks[k] = replace(b, text=b.text.replace(old, new, 1))
            out = copy.copy(raw)
            out.blocks = blocks
            return out, b.index
    return None, None


def _where(findings):
    return {(f.code, f.paragraph, f.reported, f.expected, f.message) for f in findings}


@pytest.mark.parametrize("path", _documents())
def test_one_changed_figure_in_a_sentence_is_found_in_that_paragraph(path):
    raw = read_raw(path)
    before = verify_report(read_report(raw))
    # No false error from the prose rules (a table may hold a real slip: bc329's "124" in a % row).
    assert [f.message for f in before.findings if f.severity == "error" and f.paragraph is not None
            and path.suffix == ".docx"] == []
    mutations = _mutations(before.report)[:40]
    if not mutations:
        pytest.skip("no checked claim or date in this document's prose")
    missed = []
    for paragraph, old, new in mutations:
        changed, at = _mutated(raw, paragraph, old, new)
        if changed is None:
            continue
        after = verify_report(read_report(changed))
        new_findings = _where(after.findings) - _where(before.findings)
        if not any(p == at for _, p, *_ in new_findings):
            missed.append((at, old, new))
    assert missed == [], f"{len(missed)}/{len(mutations)} mutations not found"
