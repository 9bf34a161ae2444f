"""Document metadata read from the prose, by the layout of Nghị định 30/2020."""
import datetime as dt

import pytest

from reportgen.model import Paragraph
from reportgen.read.meta import read_meta
from reportgen.text.dates import period_bounds, period_of

from support import SEEDS


def paras(*lines: str) -> list[Paragraph]:
    return [Paragraph(text=t, index=i) for i, t in enumerate(lines)]


def seed_paras(prefix: str) -> list[Paragraph]:
    path = next(SEEDS.glob(prefix + "_*.txt"))
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return paras(*lines)


def test_seed_000_header_with_parent_body_and_blank_number_and_day():
    m = read_meta(seed_paras("000"))
    assert (m.doc_type, m.number) == ("BC", "/BC-VPUB")
    assert (m.parent, m.issuer) == ("UBND TỈNH ĐIỆN BIÊN", "VĂN PHÒNG")
    assert (m.place, m.date, m.date_text) == ("Điện Biên", None, "ngày tháng 01 năm 2025")
    assert m.period == "2024"
    assert m.subject.startswith("Kết quả đánh giá chất lượng phục vụ") and m.subject.endswith("năm 2024")
    assert (m.authority, m.signer) == ("CHÁNH VĂN PHÒNG", "Lê Thanh Bình")
    assert m.recipients[0] == "Văn phòng Chính phủ (Cục KSTTHC)"
    assert "Lưu: VT, KSTT_(NTVA)." not in m.recipients and len(m.recipients) == 6


def test_seed_001_notice_by_month():
    m = read_meta(seed_paras("001"))
    assert (m.doc_type, m.number, m.place) == ("TB", "/TB-VPUBND", "Bình Phước")
    assert m.date is None and m.date_text == "ngày tháng 5 năm 2024"
    assert m.period == "2024-05"
    # "- LĐVP; Trung tâm, Cổng thông tin điện tử tỉnh;" names two recipients on one line
    assert m.recipients[-2:] == ["LĐVP", "Trung tâm, Cổng thông tin điện tử tỉnh"]


def test_seed_002_lost_header_is_recovered_from_the_appendix_line():
    m = read_meta(seed_paras("002"))
    assert (m.doc_type, m.number, m.issuer) == ("BC", "405/BC-UBND", "UBND huyện Điện Biên")
    assert m.date == dt.date(2023, 8, 17)
    assert m.period == "2023-07"
    assert m.subject.endswith("huyện Điện Biên tháng 7 năm 2023")
    assert (m.authority, m.signer) == ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", "Bùi Hải Bình")


def test_seed_003_markdown_quarter_and_deputy_signature():
    m = read_meta(seed_paras("003"))
    assert (m.doc_type, m.number, m.date) == ("BC", "/BC-VPUB", dt.date(2023, 3, 22))
    assert m.period == "2023-Q1"
    assert m.authority == "KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG"
    assert m.signer == "Lê Thị Hồng Anh"
    assert m.recipients[:2] == ["Văn phòng Chính phủ", "Chủ tịch UBND tỉnh (b/c)"]


def test_seed_004_web_page_navigation_is_ignored_and_cong_van_recognised():
    m = read_meta(seed_paras("004"))
    assert (m.doc_type, m.number) == ("CV", "1986/UBND-KSTT")
    assert m.issuer == "ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ" and m.parent is None
    assert (m.place, m.date) == ("Thừa Thiên Huế", dt.date(2023, 3, 8))
    assert m.subject == "nâng cao Bộ Chỉ số phục vụ người dân và doanh nghiệp năm 2023"
    assert (m.authority, m.signer) == ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Nguyễn Thanh Bình")
    assert m.recipients[0] == "Các cơ quan chuyên môn thuộc UBND tỉnh"
    assert "Như trên" not in m.recipients


def test_two_column_header_on_one_line():
    m = read_meta(paras(
        "UBND HUYỆN MƯỜNG ẢNG\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "VĂN PHÒNG HĐND VÀ UBND        Độc lập - Tự do - Hạnh phúc",
        "Số: 12/KH-VP        Mường Ảng, ngày 05 tháng 02 năm 2025",
        "KẾ HOẠCH",
        "Triển khai nâng cao chỉ số phục vụ quý II năm 2025",
    ))
    assert (m.parent, m.issuer) == ("UBND HUYỆN MƯỜNG ẢNG", "VĂN PHÒNG HĐND VÀ UBND")
    assert (m.doc_type, m.number, m.place, m.date) == ("KH", "12/KH-VP", "Mường Ảng", dt.date(2025, 2, 5))
    assert m.period == "2025-Q2"


def test_symbol_without_type_abbreviation_is_a_cong_van():
    m = read_meta(paras("SỞ TÀI CHÍNH", "Số: 77/STC-VP", "Lâm Đồng, ngày 10 tháng 10 năm 2025",
                        "Về việc rà soát chỉ số 766"))
    assert m.doc_type == "CV" and m.number == "77/STC-VP" and m.issuer == "SỞ TÀI CHÍNH"


@pytest.mark.parametrize("text,period", [
    ("… tỉnh Điện Biên năm 2024", "2024"),
    ("… huyện Điện Biên tháng 7 năm 2023", "2023-07"),
    ("… cung cấp Dịch vụ công tháng 5/2024", "2024-05"),
    ("… một cửa liên thông quý 1 năm 2023", "2023-Q1"),
    ("… quý III/2024", "2024-Q3"),
    ("… giai đoạn 2021-2025", None),
    ("… 6 tháng đầu năm 2024", None),
    ("THÁNG 11 NĂM 2024", "2024-11"),
    # a period compared with another is the first: the second is what it is compared with
    ("SỐ LIỆU QUÝ IV SO VỚI QUÝ III NĂM 2026", "2026-Q4"),
    ("Kết quả tháng 11 năm 2026 so với cùng kỳ năm 2025", "2026-11"),
    ("Hồ sơ tháng 11 so với tháng 10/2026", "2026-11"),
    ("quý I/2026 so với quý IV/2025", "2026-Q1"),
    ("Kết quả thực hiện so với kế hoạch năm 2026", "2026"),
])
def test_period_of_a_title(text, period):
    assert period_of(text) == period


def test_period_bounds():
    assert period_bounds("2024") == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert period_bounds("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert period_bounds("2023-Q1") == (dt.date(2023, 1, 1), dt.date(2023, 3, 31))
    assert period_bounds("2023-12") == (dt.date(2023, 12, 1), dt.date(2023, 12, 31))


def test_pdf_reading_order_of_a_two_column_header():
    # as pdfplumber gives the Lâm Đồng report: columns interleaved, spaces lost
    m = read_meta(paras("UBND TỈNH LÂM ĐỒNG CỘNG HÒAXÃ HỘI CHỦ NGHĨAVIỆT NAM", "Số:", "SỞ NỘI VỤ",
                        "Độc lập - Tự do - Hạnh phúc", "/BC-SNV", "Lâm Đồng, ngày tháng 11 năm 2025", "BÁO CÁO",
                        "Tình hình thực hiện các chỉ số PAR Index, SIPAS,", "PAPI, PCI, 766 của tỉnh Lâm Đồng",
                        "Thực hiện nhiệm vụ giao của Chủ tịch Ủy ban nhân dân tỉnh"))
    assert (m.parent, m.issuer, m.number, m.doc_type) == ("UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ", "/BC-SNV", "BC")
    assert m.subject == "Tình hình thực hiện các chỉ số PAR Index, SIPAS, PAPI, PCI, 766 của tỉnh Lâm Đồng"
    assert m.date_text == "ngày tháng 11 năm 2025"


def test_date_line_with_a_wide_blank_for_the_day():
    m = read_meta(paras("Số:           /BC-SNV", "Lâm Đồng, ngày       tháng 11 năm 2025"))
    assert (m.number, m.place, m.date_text) == ("/BC-SNV", "Lâm Đồng", "ngày tháng 11 năm 2025")


def test_signature_interleaved_with_noi_nhan_in_a_pdf():
    m = read_meta(paras("Nơi nhận:", "- UBND tỉnh;", "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", "- Văn phòng UBND tỉnh;",
                        "- Sở Tư pháp;", "- Lưu: VT, CCHC&VTLT(Tín).", "Trần Hữu Tuấn"))
    assert (m.authority, m.signer) == ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", "Trần Hữu Tuấn")
    assert m.recipients == ["UBND tỉnh", "Văn phòng UBND tỉnh", "Sở Tư pháp"]


def test_recipient_wrapped_over_two_lines():
    m = read_meta(paras("Nơi nhận:", "- Các bộ, cơ quan ngang bộ,", "cơ quan thuộc Chính phủ;", "- Lưu: VT, KSTT."))
    assert m.recipients == ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"]


def test_normative_document_with_year_in_its_number():
    m = read_meta(paras("CHÍNH PHỦ", "Số: 30/2020/NĐ-CP", "Hà Nội, ngày 05 tháng 3 năm 2020", "NGHỊ ĐỊNH",
                        "Về công tác văn thư", "Căn cứ Luật Tổ chức Chính phủ"))
    assert (m.doc_type, m.number, m.issuer, m.subject) == ("NĐ", "30/2020/NĐ-CP", "CHÍNH PHỦ", "Về công tác văn thư")


@pytest.mark.parametrize("line,parent,issuer", [
    ("UBND TỈNH ĐIỆN BIÊN VĂN PHÒNG", "UBND TỈNH ĐIỆN BIÊN", "VĂN PHÒNG"),
    ("UBND TỈNH LÂM ĐỒNG SỞ NỘI VỤ", "UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"),
    ("ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ", None, "ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ"),
    ("VĂN PHÒNG UBND TỈNH", None, "VĂN PHÒNG UBND TỈNH"),
])
def test_header_lines_a_pdf_joined(line, parent, issuer):
    m = read_meta(paras(line, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: /BC-VPUB"))
    assert (m.parent, m.issuer) == (parent, issuer)


def test_noi_nhan_of_a_scan_with_the_signature_column_run_in():
    # OCR of a scanned Thông báo (Lâm Đồng): items, signature titles and noise on the same lines
    m = read_meta(paras("Nơi nhận: TL. CHỦ TỊCH", "- Chủ tịch, các PCT. UBND tỉnh; KT. CHÁNH VĂN PHÒNG",
                        "- Các sở, ban, ngành thuộc tỉnh; . :ổ AY v `", "- Lãnh đạo VP UBND tỉnh; PHO C} hề VAN PHONG",
                        "- ˆ.. +, l5 _=' - Trung tâm thông tin; \\42 %-- Auf / - Lưu: VT, KTTH, NC, HCC. san À ` = Số 3"))
    assert m.recipients[:4] == ["Chủ tịch, các PCT. UBND tỉnh", "Các sở, ban, ngành thuộc tỉnh", "Lãnh đạo VP UBND tỉnh",
                                "Trung tâm thông tin"]


def test_header_of_a_scan_run_together():
    m = read_meta(paras("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "TỈNH LÂM ĐỎNG Độc lập - Tự do - Hạnh phúc Số:¿92 /TB-UBND Lâm Đông, ngày A3 tháng I1 năm 2025 "
                        "THÔNG BÁO Kết luận của đồng chí Phó Chủ tịch UBND tỉnh tại buổi làm việc",
                        "Ngày 07/11/2025, đồng chí Phó Chủ tịch UBND tỉnh đã chủ trì buổi làm việc"))
    assert (m.doc_type, m.number, m.issuer, m.place) == ("TB", "92/TB-UBND", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỎNG", "Lâm Đông")
    assert m.date is None and m.date_text == "ngày A3 tháng I1 năm 2025"
    assert m.subject.startswith("Kết luận của đồng chí")


def test_header_and_signature_from_word_table_cells():
    # a DOCX whose header and signature are two-column tables: each cell one paragraph with line breaks
    m = read_meta(paras("UBND TỈNH ĐIỆN BIÊN\nVĂN PHÒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
                        "Số: 12/BC-VPUB", "Điện Biên, ngày 05 tháng 01 năm 2025", "BÁO CÁO", "Kết quả đánh giá năm 2024",
                        "1. Kết quả", "Nơi nhận:\n- Văn phòng Chính phủ;\n- Lưu: VT, KSTT.",
                        "KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\n\nLê Văn A"))
    assert (m.parent, m.issuer, m.number, m.period) == ("UBND TỈNH ĐIỆN BIÊN", "VĂN PHÒNG", "12/BC-VPUB", "2024")
    assert (m.authority, m.signer, m.recipients) == ("KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG", "Lê Văn A",
                                                     ["Văn phòng Chính phủ"])


@pytest.mark.slow
def test_signed_pdf_number_and_date_stamped_in_the_annotation_layer():
    # ld-cchc2025-bc36-thamdinh.pdf: the signing tool stamps "36" and the day "02" in two
    # signature widgets; page 1 rendered with its forms (pypdfium2, init_forms) reads
    # "Số: 36 /BC-HĐTĐ" and "Lâm Đồng, ngày 02 tháng 02 năm 2026". The parser draws the
    # widgets' text where they show; the reader takes the meta from that text.
    from reportgen.read import read_path

    from support import REAL

    meta = read_path(REAL / "ld-cchc2025-bc36-thamdinh.pdf", {"ocr": "never"}).meta
    assert (meta.doc_type, meta.number, meta.place) == ("BC", "36/BC-HĐTĐ", "Lâm Đồng")
    assert (meta.date, meta.date_text) == (dt.date(2026, 2, 2), "ngày 02 tháng 02 năm 2026")
