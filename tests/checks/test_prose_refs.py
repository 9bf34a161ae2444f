"""What the prose points at: an annex this document says it carries but does
not (REFERENCE_NOT_FOUND), told from an annex of another document."""
from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from fixtures.build_pdf import FONT_NAME, _register_fonts
from reportgen.verify import verify_path

REPORT = """UBND TỈNH BẾN TRE
VĂN PHÒNG
Số: 215/BC-VPUBND\tBến Tre, ngày 22 tháng 7 năm 2025

BÁO CÁO
Kết quả giải quyết thủ tục hành chính quý II năm 2025

I. KẾT QUẢ
Kết quả tiếp nhận, giải quyết hồ sơ của từng cơ quan {mention}.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT, KSTT.
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Lê Thị Hoa

Phụ lục I
KẾT QUẢ TIẾP NHẬN HỒ SƠ CỦA CÁC CƠ QUAN

Phụ lục II
KẾT QUẢ ĐÁNH GIÁ CÁC CƠ QUAN
"""


def _refs(tmp_path, mention):
    path = tmp_path / "bc.txt"
    path.write_text(REPORT.format(mention=mention), encoding="utf-8")
    return [(f.severity, f.reported, f.expected) for f in verify_path(path).findings
            if f.code == "REFERENCE_NOT_FOUND"]


def test_an_annex_said_to_be_attached_that_the_document_lacks_is_an_error(tmp_path):
    assert _refs(tmp_path, "(chi tiết tại Phụ lục II kèm theo)") == []
    assert _refs(tmp_path, "(chi tiết tại Phụ lục III kèm theo)") == [
        ("error", "Phụ lục III", "Phụ lục I, Phụ lục II")]
    assert _refs(tmp_path, "(Phụ lục III đính kèm)") == [("error", "Phụ lục III", "Phụ lục I, Phụ lục II")]


def test_an_annex_named_without_saying_it_is_attached_is_a_warning(tmp_path):
    assert _refs(tmp_path, "(xem Phụ lục III)") == [("warning", "Phụ lục III", "Phụ lục I, Phụ lục II")]


@pytest.mark.parametrize("mention", [
    "theo mẫu tại Phụ lục III ban hành kèm theo Thông tư số 01/2018/TT-VPCP",
    "theo Phụ lục IV của Nghị định số 30/2020/NĐ-CP",
    "theo Phụ lục III kèm theo Quyết định số 1085/QĐ-UBND",
])
def test_an_annex_of_another_document_is_not_this_document_s(tmp_path, mention):
    assert _refs(tmp_path, mention) == []



def _draw_lines(path, lines: list[str], size: float, step: float):
    """A one-page PDF of ``lines``, one a line as a PDF gives them (each its own paragraph to a reader)."""
    _register_fonts()
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(FONT_NAME, size)
    for k, line in enumerate(lines):
        c.drawString(60, A4[1] - 60 - step * k, line)
    c.showPage()
    c.save()
    return path


DECISION = ["UBND TỈNH ĐIỆN BIÊN", "Số: 120/QĐ-UBND", "Điện Biên, ngày 10 tháng 3 năm 2024", "QUYẾT ĐỊNH",
            "Công bố kết quả đánh giá chất lượng phục vụ năm 2023",
            "Điều 1. Công bố kết quả đánh giá tại Phụ lục kèm theo.",
            "Điều 2. Quyết định này có hiệu lực từ ngày ký.",
            "Điều 3. Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành",
            "và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành",
            "Quyết định này./.",
            "Nơi nhận:", "- Như Điều {n};", "- Lưu: VT, KSTT.", "CHỦ TỊCH", "Nguyễn Văn A"]


@pytest.mark.parametrize("n, found", [(3, []), (2, [("error", "Như Điều 2", "Như Điều 3")])])
def test_an_article_a_pdf_gives_line_by_line_still_names_who_executes(tmp_path, n, found):
    # A PDF's lines are the paragraphs: "chịu trách nhiệm thi hành / Quyết định này" is read across them.
    path = _draw_lines(tmp_path / "qd.pdf", [line.format(n=n) for line in DECISION], size=12, step=20)
    assert [(f.severity, f.reported, f.expected) for f in verify_path(path).findings
            if f.code == "NOI_NHAN_REFERENCE"] == found


@pytest.mark.parametrize("n, found", [(3, []), (2, [("error", "Như Điều 2", "Như Điều 3")])])
def test_two_articles_run_into_one_paragraph_are_two_articles(tmp_path, n, found):
    # hold-out h-new34 (chromium): "Điều 2. … kể từ ngày ký. Điều 3. … chịu trách nhiệm thi hành …" in one
    # paragraph gave Điều 2 the duty to execute, and "Như Điều 3" a false error
    path = tmp_path / "qd.txt"
    path.write_text("\n\n".join([*DECISION[:5], DECISION[5], DECISION[6] + " " + " ".join(DECISION[7:10]),
                                   *[line.format(n=n) for line in DECISION[10:]]]), encoding="utf-8")
    assert [(f.severity, f.reported, f.expected) for f in verify_path(path).findings
            if f.code == "NOI_NHAN_REFERENCE"] == found


BROKEN = ["UBND TỈNH BẾN TRE", "Số: 215/BC-VPUBND", "Bến Tre, ngày 22 tháng 7 năm 2025", "BÁO CÁO",
          "Kết quả giải quyết thủ tục hành chính quý II năm 2025", "I. KẾT QUẢ",
          "Điểm bình quân của các cơ quan đạt 78,96 điểm, thấp nhất là Sở Giao thông vận tải (chi tiết tại Phụ lục",
          "{n} kèm theo).", "Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT, KSTT.", "Lê Thị Hoa",
          "Phụ lục 1", "KẾT QUẢ TIẾP NHẬN HỒ SƠ CỦA CÁC CƠ QUAN", "Phụ lục 2", "KẾT QUẢ ĐÁNH GIÁ CÁC CƠ QUAN"]


@pytest.mark.parametrize("n, found", [(2, []), (3, [("error", "Phụ lục 3", "Phụ lục 1, Phụ lục 2")])])
def test_a_reference_a_pdf_line_breaks_after_its_word_is_read_whole(tmp_path, n, found):
    # "(chi tiết tại Phụ lục" / "3 kèm theo).": a number opening a line in lower case after an
    # unfinished one goes on with the sentence; it is no list item.
    path = _draw_lines(tmp_path / "bc.pdf", [line.format(n=n) for line in BROKEN], size=11, step=16)
    assert [(f.severity, f.reported, f.expected) for f in verify_path(path).findings
            if f.code == "REFERENCE_NOT_FOUND"] == found


def test_an_attached_annex_the_file_does_not_have_is_a_doubt(tmp_path):
    """"chi tiết tại Phụ lục I kèm theo" and no annex in the file (hold-out h-new28: ĐẠT before): sent apart,
    or none — one warning, its figures unchecked here."""
    path = tmp_path / "tb.txt"
    path.write_text("UBND TỈNH CAO NGUYÊN\n\nTHÔNG BÁO\nKết quả đánh giá năm 2026\n\nTổng số 14 cơ quan, đơn vị được "
                    "đánh giá (chi tiết tại Phụ lục I kèm theo).\n\nNơi nhận:\n- Lưu: VT.\n", encoding="utf-8")
    found = verify_path(path).findings
    assert [(f.severity, f.reported) for f in found if f.code == "REFERENCE_NOT_FOUND"] == [("warning", "Phụ lục I")]


def test_a_sheet_named_phu_luc_over_its_numbered_annex_is_that_annex(tmp_path):
    """A workbook's sheet "Phụ lục" holds "Phụ lục I": one annex, numbered — "Phụ lục III kèm theo" is a sure
    error, not a doubt over an unnumbered second annex (hold-out h-new31)."""
    import openpyxl
    wb = openpyxl.Workbook()
    body = wb.active
    body.title = "Báo cáo"
    for r, line in enumerate(["UBND TỈNH BẾN TRE", "BÁO CÁO", "Kết quả đánh giá quý II năm 2025",
                              "Kết quả của từng cơ quan (chi tiết tại Phụ lục {} kèm theo).", "Nơi nhận:",
                              "- Lưu: VT, KSTT."], 1):
        body.cell(r, 1, line)
    annex = wb.create_sheet("Phụ lục")
    for r, row in enumerate([["Phụ lục I"], ["KẾT QUẢ ĐÁNH GIÁ CÁC CƠ QUAN"], [], ["STT", "Cơ quan", "Tổng số phiếu"],
                             [1, "Sở Y tế", 120], [2, "Sở Nội vụ", 80]], 1):
        for c, v in enumerate(row, 1):
            annex.cell(r, c, v)
    found = {}
    for n in ("I", "III"):
        body.cell(4, 1, f"Kết quả của từng cơ quan (chi tiết tại Phụ lục {n} kèm theo).")
        wb.save(tmp_path / f"bc{n}.xlsx")
        found[n] = [(f.severity, f.reported, f.expected) for f in verify_path(tmp_path / f"bc{n}.xlsx").findings
                    if f.code == "REFERENCE_NOT_FOUND"]
    assert found == {"I": [], "III": [("error", "Phụ lục III", "Phụ lục I")]}
