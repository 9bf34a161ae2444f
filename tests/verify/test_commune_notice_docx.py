"""A commune office's notice (TB) written in Word as offices write them: the
header's left cell holds the issuer, "Số: 45/TB-VP" and a "V/v …" line; the
type's name "THÔNG BÁO" follows in the body; one appendix headed "Phụ lục"
with no number."""
from __future__ import annotations

from docx import Document

from reportgen.read import read_path
from reportgen.verify import verify_path

BODY = ("Trong tháng 10/2026 (số liệu từ ngày 01/10/2026 đến hết ngày 31/10/2026), Bộ phận Một cửa xã tiếp nhận "
        "1.284 hồ sơ, trong đó trực tuyến 1.027 hồ sơ, chiếm 79,98%; trực tiếp 257 hồ sơ.")
ANNEX_MENTION = "Chi tiết kết quả theo lĩnh vực tại Phụ lục kèm theo."


def write(path, body: str = BODY, mention: str = ANNEX_MENTION) -> None:
    doc = Document()
    head = doc.add_table(rows=1, cols=2)
    head.cell(0, 0).text = ("UBND XÃ HIỆP THẠNH\nVĂN PHÒNG HĐND VÀ UBND\nSố: 45/TB-VP\n"
                            "V/v kết quả đánh giá tháng 10/2026")
    head.cell(0, 1).text = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                            "Hiệp Thạnh, ngày 05 tháng 11 năm 2026")
    for text in ("THÔNG BÁO", "Kết quả thực hiện Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 10 năm 2026",
                 body, mention, "Nơi nhận:\n- Các bộ phận chuyên môn;\n- Lưu: VT.",
                 "CHÁNH VĂN PHÒNG\n\n\nTrần Thị Bình"):
        doc.add_paragraph(text)
    doc.add_page_break()
    for text in ("Phụ lục", "KẾT QUẢ GIẢI QUYẾT HỒ SƠ THEO LĨNH VỰC THÁNG 10/2026",
                 "(Kèm theo Thông báo số 45/TB-VP ngày 05/11/2026 của Văn phòng HĐND và UBND xã)"):
        doc.add_paragraph(text)
    table = doc.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, ["STT", "Lĩnh vực", "Tổng tiếp nhận", "Trực tuyến", "Trực tiếp"]):
        cell.text = text
    for row in (["1", "Hộ tịch", "512", "430", "82"], ["2", "Chứng thực", "601", "498", "103"],
                ["3", "Đất đai", "96", "51", "45"], ["4", "Lao động - Thương binh và Xã hội", "75", "48", "27"],
                ["", "Tổng cộng", "1.284", "1.027", "257"]):
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    doc.save(path)


def findings(path) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in verify_path(path).findings if f.severity != "info"
            and not f.code.startswith("LAYOUT")]


def test_a_notice_whose_header_has_a_subject_line_is_a_notice(tmp_path):
    path = tmp_path / "tb.docx"
    write(path)
    meta = read_path(path).meta
    assert (meta.doc_type, meta.number, meta.date.isoformat()) == ("TB", "45/TB-VP", "2026-11-05")
    assert findings(path) == []  # "Kèm theo Thông báo số 45/TB-VP" is this document


def test_a_range_of_data_that_ends_before_it_starts_is_an_error(tmp_path):
    path = tmp_path / "range.docx"
    write(path, body=BODY.replace("đến hết ngày 31/10/2026", "đến hết ngày 31/10/2025"))
    assert findings(path) == [("DATE_RANGE_REVERSED", "error")]


def test_a_numbered_annex_named_where_the_one_annex_has_no_number_is_a_warning(tmp_path):
    path = tmp_path / "annex.docx"
    write(path, mention=ANNEX_MENTION.replace("tại Phụ lục", "tại Phụ lục III"))
    [f] = [f for f in verify_path(path).findings if f.code == "REFERENCE_NOT_FOUND"]
    assert (f.severity, f.reported, f.expected) == ("warning", "Phụ lục III", "Phụ lục (không đánh số)")
