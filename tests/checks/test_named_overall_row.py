"""An overall row named with its index between "Chỉ số" and "chung"
("Chỉ số hài lòng chung", SIPAS) is the table's overall index, as "Chỉ số
chung" is: the mean of its two sections here, in each province's column, and a slip in it is an error.
Figures: two provinces' SIPAS, two sections of items; DOCX written with
python-docx."""
from __future__ import annotations

from docx import Document

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

ROWS = [("I", "Mức độ hài lòng đối với việc cung ứng dịch vụ hành chính công", "82,50", "83,08"),
        ("1", "Tiếp cận dịch vụ", "82,30", "82,90"), ("2", "Thủ tục hành chính", "82,80", "83,30"),
        ("3", "Công chức trực tiếp giải quyết công việc", "82,50", "82,60"), ("4", "Kết quả dịch vụ", "82,50", "83,40"),
        ("5", "Tiếp nhận, xử lý ý kiến góp ý, phản ánh, kiến nghị", "82,40", "83,20"),
        ("II", "Mức độ hài lòng đối với việc thực hiện chính sách", "83,38", "82,93"),
        ("1", "Trách nhiệm giải trình", "83,20", "82,70"), ("2", "Sự tham gia của người dân", "83,50", "82,50"),
        ("3", "Chất lượng tổ chức thực hiện", "83,60", "83,50"), ("4", "Kết quả tác động", "83,20", "83,00")]


def _errors(tmp_path, overall: str):
    doc = Document()
    for line in ("UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ", "Số: 184/BC-SNV", "Lâm Đồng, ngày 20 tháng 11 năm 2025",
                 "BÁO CÁO", "Kết quả Chỉ số hài lòng về sự phục vụ hành chính năm 2024"):
        doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=4)
    for c, text in enumerate(("STT", "Nội dung", "Lâm Đồng (%)", "Đắk Nông (%)")):
        table.cell(0, c).text = text
    for row in ROWS + [("", "Chỉ số hài lòng chung", overall, "83,01")]:
        cells = table.add_row().cells
        for c, text in enumerate(row):
            cells[c].text = text
    path = tmp_path / "bc.docx"
    doc.save(path)
    return [(f.unit, f.reported, f.expected) for f in run_checks(read_path(path), CheckContext())
            if f.severity.value == "error"]


def test_the_named_overall_index_as_the_mean_of_its_sections_gives_nothing(tmp_path):
    assert _errors(tmp_path, "82,94") == []


def test_a_slip_in_the_named_overall_index_is_an_error(tmp_path):
    assert _errors(tmp_path, "82,74") == [("Chỉ số hài lòng chung", "82.74", "82.94")]
