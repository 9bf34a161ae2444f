"""An appendix sent alone: its title cites the decision it applies ("… THEO QUYẾT ĐỊNH SỐ
766/QĐ-TTg CỦA …"); that citation is not the document's type line. The type is the one
its "(Kèm theo Báo cáo số …)" line names."""
from __future__ import annotations

from reportgen.raw import RawDocument, RawParagraph
from reportgen.read import read_report
from reportgen.verify import verify_report

LINES = ["Phụ lục II",
         "KẾT QUẢ BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP THEO QUYẾT ĐỊNH SỐ 766/QĐ-TTg "
         "CỦA UBND CÁC XÃ, PHƯỜNG QUÝ III NĂM 2025",
         "(Kèm theo Báo cáo số 412/BC-TTPVHCC ngày 06 tháng 10 năm 2025 của Trung tâm Phục vụ "
         "hành chính công tỉnh)"]


def report():
    return read_report(RawDocument(source="pl.docx", format="docx",
                                   blocks=[RawParagraph(t, i) for i, t in enumerate(LINES)]))


def test_a_cited_decision_is_not_the_type():
    meta = report().meta
    assert (meta.doc_type, meta.number, meta.subject) == ("BC", "412/BC-TTPVHCC", None)


def test_the_appendix_line_agrees_with_the_type():
    assert [f.code for f in verify_report(report()).findings if f.code == "APPENDIX_REFERENCE"] == []
