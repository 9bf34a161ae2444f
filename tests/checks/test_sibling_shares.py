"""Shares listed side by side in one sentence ("04 đơn vị … (chiếm 40,00%);
02 đơn vị … (chiếm 20,00%); …") are parts of one whole: none of them is the
whole of the next, and when their percents make 100 and each is its count
over the sum of the counts, that sum is their whole (the claims are checked).
A count or a percent off leaves them unpaired, never paired with a wrong
whole. Figures: a province's ten departments graded in quarter III 2026."""
from __future__ import annotations

from decimal import Decimal as D

from reportgen.checks import CheckContext, run_checks
from reportgen.model import Paragraph, StatementKind
from reportgen.read import report_of_paragraphs

GRADES = ("Về xếp loại: có {xs} đơn vị đạt loại Xuất sắc (chiếm {p_xs}); 02 đơn vị đạt loại Tốt (chiếm 20,00%); "
          "02 đơn vị đạt loại Khá (chiếm {p_kha}) và 02 đơn vị đạt loại Trung bình (chiếm 20,00%).")


def _claims_quoted(message: str) -> str:
    """The claims a CLAIM_UNCHECKED quotes, without the sentence it quotes them from."""
    return message.split("” (trong")[0].split(" — trong")[0]


def _read(xs="04", p_xs="40,00%", p_kha="20,00%"):
    text = GRADES.format(xs=xs, p_xs=p_xs, p_kha=p_kha)
    report = report_of_paragraphs([Paragraph(index=0, text=text)])
    ctx = CheckContext()
    findings = [f for f in run_checks(report, ctx) if f.code in ("PERCENT_MISMATCH", "CLAIM_UNCHECKED")]
    shares = [(st.value, st.whole, st.percent) for st in report.statements if st.kind == StatementKind.SHARE]
    # the grade counts stay unchecked here (no table): only the shares' pairing is under test
    unchecked_shares = [f for f in findings if f.code == "CLAIM_UNCHECKED" and "chiếm" in _claims_quoted(f.message)]
    return shares, [(f.code, f.severity.value) for f in findings if f.code != "CLAIM_UNCHECKED"] + \
        [("CLAIM_UNCHECKED", "warning")] * bool(unchecked_shares)


def test_siblings_whose_percents_make_100_share_the_sum_of_their_counts():
    shares, findings = _read()
    assert shares == [(D(4), D(10), D("40.00")), (D(2), D(10), D("20.00")), (D(2), D(10), D("20.00")),
                      (D(2), D(10), D("20.00"))]
    assert findings == []


def test_a_sibling_count_is_never_the_whole_of_the_next():
    # before: "2 trên 4 là 50,00%, không phải 20,00%" on a clean sentence
    shares, _ = _read()
    assert all(whole != D(4) for _, whole, _ in shares)


def test_a_slipped_percent_leaves_the_siblings_unpaired_not_wrongly_paired():
    shares, findings = _read(p_kha="30,00%")
    assert [whole for _, whole, _ in shares] == [None, None, None, None]
    assert ("PERCENT_MISMATCH", "warning") not in findings and ("PERCENT_MISMATCH", "error") not in findings
    assert ("CLAIM_UNCHECKED", "warning") in findings


def test_a_slipped_count_leaves_the_siblings_unpaired_not_wrongly_paired():
    # 05 + 2 + 2 + 2 = 11 with percents that still make 100: 5 / 11 is not 40 %
    shares, findings = _read(xs="05")
    assert [whole for _, whole, _ in shares] == [None, None, None, None]
    assert ("CLAIM_UNCHECKED", "warning") in findings


# --- with the graded table the passage describes -----------------------------------------

def _with_table(tmp_path, khá_share="20,00%", tốt_count="02"):
    from docx import Document

    from reportgen.read import read_path

    doc = Document()
    doc.add_paragraph("Văn phòng UBND tỉnh thông báo kết quả đánh giá quý III năm 2026 của 10 sở, ngành như sau:")
    doc.add_paragraph(f"Về xếp loại: có 04 đơn vị đạt loại Xuất sắc (chiếm 40,00%); {tốt_count} đơn vị đạt loại Tốt "
                      f"(chiếm 20,00%); 02 đơn vị đạt loại Khá (chiếm {khá_share}) và 02 đơn vị đạt loại Trung bình "
                      f"(chiếm 20,00%).")
    grades = ["Xuất sắc"] * 4 + ["Tốt"] * 2 + ["Khá"] * 2 + ["Trung bình"] * 2
    scores = ["99,00", "97,75", "96,00", "90,35", "89,45", "86,15", "79,15", "71,55", "66,55", "56,70"]
    table = doc.add_table(rows=1, cols=4)
    for c, text in enumerate(("TT", "Cơ quan, đơn vị", "Tổng điểm", "Xếp loại")):
        table.cell(0, c).text = text
    for i, (score, grade) in enumerate(zip(scores, grades), 1):
        for c, text in enumerate((str(i), f"Sở số {i}", score, grade)):
            table.add_row() if c == 0 else None
            table.rows[-1].cells[c].text = text
    path = tmp_path / "tb.docx"
    doc.save(path)
    return [(f.code, f.severity.value, f.reported, f.expected) for f in run_checks(read_path(path), CheckContext())
            if f.code in ("PERCENT_MISMATCH", "GRADE_COUNT_MISMATCH", "CLAIM_UNCHECKED")]


def test_shares_by_grade_are_of_the_graded_tables_units(tmp_path):
    assert _with_table(tmp_path) == []


def test_a_share_by_grade_off_the_tables_units_is_an_error_when_its_siblings_fit(tmp_path):
    assert _with_table(tmp_path, khá_share="30,00%") == [("PERCENT_MISMATCH", "error", "30.00", "20.00")]


def test_a_slipped_count_whose_share_fits_the_table_is_one_error_at_the_count(tmp_path):
    # 03 Tốt (chiếm 20%): the percent is the table's 2 of 10 — the count is the slip, and sure
    assert _with_table(tmp_path, tốt_count="03") == [("GRADE_COUNT_MISMATCH", "error", "3", "2")]
