"""The task scale written short in a table ("Hoàn thành tốt", "Hoàn thành",
"Chưa hoàn thành") is counted the same way in the prose after "xếp loại"
(read.statements_grades, model.vocabulary.TASK_SCALE_SHORT): before, only
the "Hoàn thành tốt" count was read, and a wrong count of "Chưa hoàn thành"
passed as ĐẠT (hold-out h-new22, n22-04-m2)."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

NOTICE = """UBND TỈNH PHÚ YÊN

THÔNG BÁO
Kết quả Chỉ số cải cách hành chính năm 2026 của các sở, ban, ngành

1. Kết quả chung
Kết quả đánh giá 6 đơn vị: 3/6 đơn vị xếp loại Hoàn thành tốt, chiếm 50,00%; \
2/6 đơn vị xếp loại Hoàn thành, chiếm 33,33%; {fail}/6 đơn vị xếp loại Chưa hoàn thành, chiếm {share}%.

KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026
| STT | Đơn vị | Chỉ số (%) | Xếp loại |
|---|---|---|---|
| 1 | Sở Tài chính | 92,10 | Hoàn thành tốt |
| 2 | Sở Nội vụ | 88,40 | Hoàn thành tốt |
| 3 | Sở Tư pháp | 85,00 | Hoàn thành tốt |
| 4 | Sở Y tế | 76,20 | Hoàn thành |
| 5 | Sở Xây dựng | 71,50 | Hoàn thành |
| 6 | Sở Công Thương | 58,30 | Chưa hoàn thành |
"""


def _verify(tmp_path, fail="1", share="16,67"):
    path = tmp_path / "tb.txt"
    path.write_text(NOTICE.replace("{fail}", fail).replace("{share}", share), encoding="utf-8")
    report = read_path(path)
    ctx = CheckContext()
    findings = [f for f in run_checks(report, ctx=ctx) if f.code not in ("BOUND_ONLY",)]
    return report, ctx, findings


def test_the_counts_of_the_clean_notice_are_each_checked(tmp_path):
    report, ctx, findings = _verify(tmp_path)
    counts = [(st.grade, st.grade_written, st.count) for st in report.statements if st.kind == "grade_count"]
    assert counts == [("Tốt", "Hoàn thành tốt", 3), ("Hoàn thành nhiệm vụ", "Hoàn thành", 2),
                      ("Yếu", "Chưa hoàn thành", 1)]
    assert findings == []
    assert ctx.ledger.unchecked_claims() == []


def test_a_wrong_count_of_chua_hoan_thanh_is_named_in_the_documents_words(tmp_path):
    _, _, findings = _verify(tmp_path, fail="2", share="33,33")
    assert [(f.code, f.severity) for f in findings] == [("GRADE_COUNT_MISMATCH", "error")]
    assert findings[0].message.startswith("Văn bản nêu 02 đơn vị xếp loại Chưa hoàn thành nhưng bảng kết quả có 01 "
                                          "đơn vị xếp loại Chưa hoàn thành")
