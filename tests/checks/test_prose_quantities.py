"""The same quantity stated twice (issue 8): a count of units by grade given in
the summary and again further on must agree; the real report bc184 states its
766 grade counts twice and is checked that way; a document from which nothing
numeric was understood is never ĐẠT."""
from __future__ import annotations

from decimal import Decimal

import pytest

from parsers import read_raw
from reportgen.model import Paragraph
from reportgen.read import read_report, report_of_paragraphs
from reportgen.read.statements import read_statements
from reportgen.verify import verify_path, verify_report

from support import ROOT, with_paragraph_replaced

REAL = ROOT / "fixtures" / "reference" / "real"


def _verify_text(*paragraphs: str):
    paras = [Paragraph(t, i) for i, t in enumerate(paragraphs)]
    return verify_report(report_of_paragraphs(paras, source="x"))


def _conflicts(result):
    return [(f.severity, f.paragraph, f.reported, f.expected) for f in result.findings if f.code == "QUANTITY_CONFLICT"]


@pytest.mark.parametrize("summary, detail", [
    ("Tính đến ngày 05/11/2025, cấp tỉnh có 07/13 cơ quan, đơn vị xếp loại Xuất sắc, 05/13 cơ quan xếp loại Tốt, "
     "01/13 cơ quan xếp loại Khá; cấp xã có 123/124 địa phương xếp loại Xuất sắc, 01/124 xếp loại Tốt.",
     "Đối với cấp sở, tính đến ngày 05/11/2025, có {n} đơn vị xếp loại Xuất sắc, 05 đơn vị xếp loại Tốt, "
     "01 đơn vị xếp loại Khá."),
    ("Năm 2025, các sở, ban, ngành có 07 cơ quan xếp loại Xuất sắc và 05 cơ quan xếp loại Tốt.",
     "Kết quả năm 2025 của các cơ quan chuyên môn: {n} cơ quan đạt loại Xuất sắc, 05 cơ quan đạt loại Tốt."),
])
def test_a_grade_count_stated_twice_must_agree(summary, detail):
    assert _conflicts(_verify_text(summary, detail.format(n="07"))) == []
    assert _conflicts(_verify_text(summary, detail.format(n="08"))) == [("error", 1, "8", "7")]


def test_of_two_restatements_the_one_whose_counts_no_longer_make_the_whole_slipped():
    summary = ("Tính đến ngày 05/11/2025, cấp tỉnh có {n}/13 cơ quan xếp loại Xuất sắc, 05/13 cơ quan xếp loại Tốt, "
               "01/13 cơ quan xếp loại Khá.")
    detail = ("Đối với cấp sở, tính đến ngày 05/11/2025, có 07 đơn vị xếp loại Xuất sắc, 05 đơn vị xếp loại Tốt, "
              "01 đơn vị xếp loại Khá.")
    # 06 + 05 + 01 = 12, not 13; the detail's 07 + 05 + 01 = 13: the summary slipped
    assert _conflicts(_verify_text(summary.format(n="06"), detail)) == [("error", 0, "6", "7")]


def test_other_times_or_other_levels_are_other_quantities():
    first = "Tính đến ngày 30/6/2025, cấp xã có 100 đơn vị xếp loại Tốt."
    assert _conflicts(_verify_text(first, "Tính đến ngày 05/11/2025, cấp xã có 110 đơn vị xếp loại Tốt.")) == []
    assert _conflicts(_verify_text("Năm 2024, cấp xã có 100 đơn vị xếp loại Tốt.",
                                   "Năm 2025, cấp xã có 110 đơn vị xếp loại Tốt.")) == []
    assert _conflicts(_verify_text(first, "Tính đến ngày 30/6/2025, cấp tỉnh có 10 đơn vị xếp loại Tốt.")) == []
    # A share of another whole (of 13 and of 15) is another population.
    assert _conflicts(_verify_text("Cấp tỉnh có 07/13 cơ quan xếp loại Tốt.",
                                   "Cấp tỉnh có 09/15 cơ quan xếp loại Tốt.")) == []
    # No time on one side: a doubt, not an error.
    assert _conflicts(_verify_text(first, "Đối với cấp xã, có 101 đơn vị xếp loại Tốt.")) == [
        ("warning", 1, "101", "100")]


def test_bc184_grade_counts_are_checked_against_their_restatement():
    result = verify_path(REAL / "ld-chiso-bc184-snv.docx")
    restating = ("figure-restated", "grade-count-restated")
    assert [f.code for f in result.findings if f.rule in restating] == []
    # The grade counts are all checked, and the rates named like the summary table's
    # indicators ("… cập nhật, công khai đúng hạn đạt 76,43%"). Seven claims refer to a whole
    # outside the document: a plan ("hoàn thành 100% kế hoạch đề ra"), the local budget
    # estimate, two allotments ("9.548/9.976 biên chế … được giao") and two "100%" meaning all;
    # besides them the targets ("chỉ tiêu đề ra là tối thiểu 70%") and the scoring rules'
    # thresholds ("trường hợp dưới 95% thì …") are listed, not compared.
    external = [(result.report.statements[c.statement].text, c.external) for c in result.ledger.external_claims()]
    assert [e for e in external if e[1] not in ("chỉ tiêu", "ngưỡng quy định")] == [
        ("100%", "kế hoạch"), ("9.548/9.976", "số được giao"), ("60.253/60.674", "số được giao"),
        ("100%", "100% là toàn bộ"), ("100%", "kế hoạch"), ("100%", "100% là toàn bộ"), ("93,29%", "dự toán")]
    assert [e[0] for e in external if e[1] == "chỉ tiêu"] == [
        "20%", "100%", "100%", "98%", "80%", "50%", "100%", "70%", "60%", "100%", "98%", "80%", "100%"]
    assert [e[0] for e in external if e[1] == "ngưỡng quy định"] == ["70%", "100%", "4%", "95%", "70%", "100%"]
    # What is left are rates of dossiers the document could count: still to check by hand.
    unchecked = [result.report.statements[c.statement].text for c in result.ledger.unchecked_claims()]
    assert unchecked == ["78,6%", "86,2%", "25%", "93,5%"]
    assert result.ledger.totals()["claims"] == (32, 36)
    restated = sorted((st.paragraph, str(st.value)) for i, st in enumerate(result.report.statements)
                      if "figure-restated" in result.ledger.claims.get(i, type("E", (), {"relations": ()})).relations)
    assert restated == [(18, "97.4"), (21, "29.2"), (21, "654.935"), (22, "72"), (22, "76.9"), (27, "97.4"), (28, "72"),
                        (29, "76.9"), (30, "29.2"), (31, "75.2")]


@pytest.mark.parametrize("paragraph, old, new, expected", [
    (67, "07 đơn vị xếp loại Xuất sắc", "08 đơn vị xếp loại Xuất sắc", (67, "8", "7")),
    (67, "05 đơn vị xếp loại Tốt", "04 đơn vị xếp loại Tốt", (67, "4", "5")),
    (68, "123 đơn vị xếp loại Xuất sắc", "122 đơn vị xếp loại Xuất sắc", (68, "122", "123")),
    # the summary's counts no longer make 124, the later passage's do: the summary slipped
    (18, "123/124 địa phương", "121/124 địa phương", (18, "121", "123")),
    (18, "07/13 cơ quan", "06/13 cơ quan", (18, "6", "7")),
])
def test_bc184_a_changed_grade_count_is_found(paragraph, old, new, expected):
    raw = read_raw(REAL / "ld-chiso-bc184-snv.docx")
    after = verify_report(read_report(with_paragraph_replaced(raw, paragraph, old, new)))
    assert [(f.paragraph, f.reported, f.expected) for f in after.findings
            if f.code == "QUANTITY_CONFLICT" and f.severity == "error"] == [expected]


@pytest.mark.parametrize("paragraph, old, new, expected", [
    # 123 + 02 = 125 no longer makes the 124 communes; the later passage's 123 + 01 does: one
    # error on the summary's count, naming the broken total
    (18, "01/124 xếp", "02/124 xếp", [("QUANTITY_CONFLICT", "error", 18, "2", "1")]),
    # the later count disagrees with the summary and with the one name it lists: one error
    (68, "01 đơn vị xếp loại Tốt", "02 đơn vị xếp loại Tốt", [("QUANTITY_CONFLICT", "error", 68, "2", "1")]),
])
def test_bc184_one_slipped_grade_count_is_one_finding(paragraph, old, new, expected):
    raw = read_raw(REAL / "ld-chiso-bc184-snv.docx")
    before = verify_report(read_report(raw))
    after = verify_report(read_report(with_paragraph_replaced(raw, paragraph, old, new)))
    known = {(f.code, f.paragraph, f.reported) for f in before.findings}
    new_findings = [(f.code, str(f.severity), f.paragraph, f.reported, f.expected) for f in after.findings
                    if (f.code, f.paragraph, f.reported) not in known and f.severity != "info"]
    assert new_findings == expected


def test_a_scan_from_which_nothing_numeric_was_understood_is_never_passed():
    result = verify_path(REAL / "ld-tb493-scan.pdf")
    assert result.verdict == "CHƯA KIỂM TRA HẾT"
    assert result.exit_status == 3
    assert [f.code for f in result.findings if f.code == "NOTHING_CHECKED"] == ["NOTHING_CHECKED"]
    # "từ ngày 1/7 đến nay" is a day and a month, not a fraction.
    assert [st.text for st in result.report.statements if st.kind == "fraction"] == []


@pytest.mark.parametrize("paragraph, old, new", [
    (18, "toàn tỉnh đạt 97,4%", "toàn tỉnh đạt 96,4%"),
    (29, "chỉ đạt 76,9%", "chỉ đạt 79,6%"),
])
def test_bc184_a_changed_restated_figure_is_found(paragraph, old, new):
    raw = read_raw(REAL / "ld-chiso-bc184-snv.docx")
    after = verify_report(read_report(with_paragraph_replaced(raw, paragraph, old, new)))
    found = [(f.code, f.severity) for f in after.findings if f.rule == "figure-restated"]
    # The later passage gives no date, but the report has one as-of date (05/11/2025) and
    # the passage names no other period ("hiện đạt"): the same quantity, an error.
    assert found == [("QUANTITY_CONFLICT", "error")]


def test_lone_figures_are_claims_and_bounds_or_targets_are_not():
    paras = [Paragraph("Tỷ lệ hồ sơ giải quyết đúng hẹn đạt 98,5% (chỉ tiêu tối thiểu 98%). Có 3/10 xã đạt từ 80% "
                       "trở lên. Tỷ lệ khảo sát tối thiểu (10%). Trường hợp dưới 70% thì không được điểm. "
                       "16/16 công chức xếp loại Hoàn thành 100% nhiệm vụ. Gần 50% số quyết định trễ hạn.", 0)]
    sts = read_statements(paras)
    assert [(st.value, st.claim) for st in sts if st.kind == "percent"] == [
        (Decimal("98.5"), True), (Decimal("98"), False), (Decimal("80"), False), (Decimal("10"), False),
        (Decimal("70"), False), (Decimal("100"), False), (Decimal("50"), False)]


@pytest.mark.parametrize("written, unit", [("85,12", "UBND xã Tân Minh"), ("85.12", "Xã Tân Minh"),
                                           ("85,12", "xã Tân Minh")])
def test_an_average_of_the_prose_is_checked_against_the_column_it_names(tmp_path, written, unit):
    table = ("| STT | Đơn vị | Điểm đạt được | Tỷ lệ (%) |\n|---|---|---|---|\n"
             "| 1 | UBND xã Tân Minh | 91,50 | 91,50 |\n| 2 | UBND xã Bắc Ruộng | 85,12 | 85,12 |\n"
             "| 3 | UBND xã Sơn Điền | 78,74 | 78,74 |\n")
    body = ("1. Kết quả của cấp xã\nĐiểm trung bình của các xã đạt {avg} điểm; cao nhất là 91,50 điểm ({u}), "
            "thấp nhất là 78,74 điểm.\nKết quả như sau:\n\n" + table)
    def stat_findings(avg):
        path = tmp_path / "bc.txt"
        path.write_text(body.format(avg=avg, u=unit), encoding="utf-8")
        result = verify_path(path)
        return [(f.code, f.severity, f.reported, f.expected) for f in result.findings if f.code == "STAT_MISMATCH"], \
            result.ledger

    found, ledger = stat_findings(written)
    assert found == []
    assert "stat-of-column" in ledger.tables[0].relations
    found, _ = stat_findings(written.replace("85", "86"))
    assert found == [("STAT_MISMATCH", "error", "86.12", "85.12")]
