"""A department's PAR self-assessment report (hold-out h-new25): its prose
states the index with its formula in brackets, "Chỉ số cải cách hành chính
năm 2025 (Chỉ số = điểm đạt/điểm tối đa × 100) của Sở Tư pháp đạt 80,50%,
xếp loại Tốt", and its bands as "…như sau: Tốt: đạt từ 80% trở lên; …".
The bracketed formula is an aside, no rule: the figure is a claim, checked
or said unchecked, never silently passed as ĐẠT (read.statements_quantities);
and "Tốt: đạt từ 80%" is Tốt's band, "đạt" its verb, never the pass grade
"Đạt" (read.legend)."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

REPORT = """SỞ TƯ PHÁP TỈNH ĐỒNG NAI

BÁO CÁO
Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2025

Chỉ số cải cách hành chính năm 2025 (Chỉ số = điểm đạt/điểm tối đa × 100) của Sở Tư pháp đạt {pct}%, xếp loại {grade}.
Theo quy định, việc xếp loại căn cứ Chỉ số đạt được như sau: Tốt: đạt từ 80% trở lên; Khá: từ 65% đến dưới 80%; \
Trung bình: từ 50% đến dưới 65%; Yếu: dưới 50%.
"""


def _verify(tmp_path, pct="80,50", grade="Tốt"):
    path = tmp_path / "bc.txt"
    path.write_text(REPORT.format(pct=pct, grade=grade), encoding="utf-8")
    report = read_path(path)
    ctx = CheckContext()
    findings = [(f.code, str(f.severity), f.message) for f in run_checks(report, ctx=ctx)
                if not f.code.startswith("LAYOUT")]
    return report, findings


def test_the_legend_gives_tot_its_band(tmp_path):
    report, _ = _verify(tmp_path)
    assert [(b.grade, str(b.lower)) for b in report.grade_legend][:2] == [("Tốt", "80"), ("Khá", "65")]


def test_the_index_beside_its_formula_is_a_claim_said_unchecked(tmp_path):
    report, findings = _verify(tmp_path)
    [st] = [s for s in report.statements if s.kind == "percent"]
    assert st.claim
    assert [code for code, _, _ in findings] == ["CLAIM_UNCHECKED"]


def test_a_grade_off_the_bands_is_an_error_naming_the_right_grade(tmp_path):
    _, findings = _verify(tmp_path, grade="Khá")
    assert ("GRADE_BAND_MISMATCH", "error", "Văn bản nêu 80,5% xếp loại Khá nhưng khung xếp loại văn bản nêu cho loại "
            "Khá là “Khá: từ 65% đến dưới 80%”; 80,50% thuộc loại Tốt") in findings


SHEET = """SỞ TƯ PHÁP TỈNH ĐỒNG NAI

BÁO CÁO
Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2025

- Chỉ số CCHC: {said}%; xếp loại: Tốt.

BẢNG CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025
| STT | Tiêu chí | Điểm tối đa | Điểm tự đánh giá | Điểm thẩm định |
|---|---|---|---|---|
| 1 | Công tác chỉ đạo, điều hành | 40 | 35,00 | 34,00 |
| 2 | Cải cách thủ tục hành chính | 60 | 52,00 | 50,00 |
| 2.1 | Rà soát thủ tục hành chính | 30 | 26,00 | 25,00 |
| 2.2 | Công khai thủ tục hành chính | 30 | 26,00 | 25,00 |
|  | Tổng điểm | 100 | 87,00 | 84,00 |
|  | Chỉ số CCHC (%) |  |  | {row} |
"""


def _sheet(tmp_path, said="84,00", row="84,00"):
    path = tmp_path / "bc.txt"
    path.write_text(SHEET.format(said=said, row=row), encoding="utf-8")
    ctx = CheckContext()
    findings = [(f.code, str(f.severity), f.message) for f in run_checks(read_path(path), ctx=ctx)
                if not f.code.startswith("LAYOUT")]
    return ctx, findings


def test_the_index_row_under_the_total_is_no_item_of_the_last_criterion(tmp_path):
    ctx, findings = _sheet(tmp_path)
    assert findings == []
    assert ctx.ledger.unchecked_claims() == [] and ctx.ledger.unchecked_tables() == []


def test_a_wrong_index_row_and_a_wrong_index_in_the_prose(tmp_path):
    _, findings = _sheet(tmp_path, row="87,00")
    assert findings == [("RATIO_MISMATCH", "error", "Chỉ số CCHC (%): cột “Điểm thẩm định” ghi 87,00 nhưng 84,00 / 100 "
                                                   "× 100 = 84,00")]
    _, findings = _sheet(tmp_path, said="86,00")  # (87,00 would be the self-assessment's index: either may be said)
    assert [(code, severity) for code, severity, _ in findings] == [("PERCENT_MISMATCH", "error")]
