"""A scanned document's cells read against the document's own phrases
(parsers/ocr_consensus.py): OCR's scattered misreadings of a mark or a
space are written as the document writes the same words elsewhere."""
from __future__ import annotations

from parsers.ocr_consensus import agree_with_document
from reportgen.raw import RawCell, RawDocument, RawTable


def _doc(names: list[str], confidence: float | None = 93.0) -> RawDocument:
    rows = [[RawCell(text=str(i + 1), row=i, col=0, confidence=confidence),
             RawCell(text=name, row=i, col=1, confidence=confidence)] for i, name in enumerate(names)]
    return RawDocument(source="scan.pdf", format="pdf", blocks=[RawTable(index=0, rows=rows)])


def _names(doc: RawDocument) -> list[str]:
    return [row[1].text for t in doc.tables for row in t.rows]


def test_a_mark_or_a_space_misread_here_and_there_is_read_as_the_document_writes_it():
    """Readings the corpus scans gave: a row's own '(61)' is no context."""
    names = ["Sở Nội vụ (12)", "Sở Nội vụ (30)", "Sở Nội vụ", "Sở Nôi vu (61)",
             "Chi nhánh Văn phòng đăng ký đất đai huyện Điện Biên Đông",
             "Chi nhánh Văn phòng đăng ký đất đai huyện Điện Biên Đông (19)",
             "Chi nhánh Văn phòng đăng ký đất đai huyện Điện Biên Đông (40)",
             "Chỉ nhánh Văn phòng đăng ký đất đai huyện Điên Biên Đồng",
             "Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch (2)",
             "Sở Văn hóa, Thể thao và Du lịch (7)", "Sở Vă nhóa, Thểthao và Du lích (52)"]
    doc = _doc(names)
    assert agree_with_document(doc) == 3
    assert _names(doc)[3] == "Sở Nội vụ (61)"
    assert _names(doc)[7] == "Chi nhánh Văn phòng đăng ký đất đai huyện Điện Biên Đông"
    assert _names(doc)[11] == "Sở Văn hóa, Thể thao và Du lịch (52)"
    assert _names(doc)[:3] == names[:3]


def test_words_read_as_often_one_way_as_the_other_or_not_by_ocr_stay_as_read():
    """'Thế' twice and 'Thể' twice: no majority; different words in the same
    letters ('Chi cục' and 'Chỉ số' have other neighbours) are not touched;
    a text layer's cells are the document itself."""
    names = ["Sở Văn hóa, Thế thao (1)", "Sở Văn hóa, Thế thao (2)", "Sở Văn hóa, Thể thao (3)",
             "Sở Văn hóa, Thể thao (4)", "Chi cục Thuế (5)", "Chỉ số (6)", "Chỉ số (7)", "Chỉ số (8)"]
    doc = _doc(names)
    assert agree_with_document(doc) == 0
    assert _names(doc) == names
    layer = _doc(["Sở Nội vụ", "Sở Nội vụ", "Sở Nội vụ", "Sở Nôi vu"], confidence=None)
    assert agree_with_document(layer) == 0


def test_a_cell_named_once_is_read_as_the_scanned_prose_writes_its_words():
    """'Điên Biên' in the one cell naming the city, 'Điện Biên' all through
    the prose of the scanned pages: the word and the one after it settle it.
    The case stays as read: the prose's 'môi trường' leaves a unit's
    'Môi trường' alone."""
    from reportgen.raw import RawNote, RawParagraph

    names = ["UBND thành phố Điên Biên Phủ", "UBND huyện Tuần Giáo", "Sở Tài nguyên và Môi trường"]
    doc = _doc(names)
    prose = ["UBND huyện Điện Biên Đông, UBND huyện Điện Biên xếp loại Tốt.",
             "Tỉnh Điện Biên bảo vệ môi trường, môi trường sống, môi trường đầu tư."]
    doc.blocks += [RawParagraph(text=t, index=k, page=1) for k, t in enumerate(prose)]
    doc.notes.append(RawNote(kind="scanned_page", page=1, message="Trang 1 là ảnh quét"))
    assert agree_with_document(doc) == 1
    assert _names(doc) == ["UBND thành phố Điện Biên Phủ", "UBND huyện Tuần Giáo", "Sở Tài nguyên và Môi trường"]


def test_a_dash_run_into_its_words_a_doubled_stroke_and_a_word_in_capitals_are_read_as_the_document_writes():
    """Seed 004 read from its scan: 'Sở Y tế-tiỉnh …' among rows that write
    '… - tỉnh Thừa Thiên Huế', and 'hồ SƠ' where the document writes 'hồ sơ'."""
    names = ["UBND thành phố Huế - tỉnh Thừa Thiên Huế", "UBND huyện Phú Vang - tỉnh Thừa Thiên Huế",
             "UBND huyện A Lưới - tỉnh Thừa Thiên Huế", "Sở Y tế-tiỉnh Thừa Thiên Huế",
             "Sở Xây dựng-tỉnh Thừa Thiên Huế", "Tỷ lệ số hóa hồ sơ", "Số hóa hồ sơ (2)", "Số hóa hồ sơ (5)",
             "Chỉ số số hóa hồ SƠ", "Phòng Văn hóa-Thông tin"]
    doc = _doc(names)
    assert agree_with_document(doc) == 3
    assert _names(doc)[3:] == ["Sở Y tế - tỉnh Thừa Thiên Huế", "Sở Xây dựng - tỉnh Thừa Thiên Huế",
                               "Tỷ lệ số hóa hồ sơ", "Số hóa hồ sơ (2)", "Số hóa hồ sơ (5)",
                               "Chỉ số số hóa hồ sơ", "Phòng Văn hóa-Thông tin"]


def test_a_word_contested_between_its_own_neighbours_is_not_settled_by_wider_ones():
    """'Thế thao' four times and 'Thể thao' twice after 'Văn hóa,': no reading
    wins there, and the three 'Trung tâm Thế thao' elsewhere do not decide it."""
    names = ["Sở Văn hóa, Thế thao (1)", "Sở Văn hóa, Thế thao (2)", "Sở Văn hóa, Thế thao (3)",
             "Sở Văn hóa, Thế thao (4)", "Sở Văn hóa, Thể thao (5)", "Sở Văn hóa, Thể thao (6)",
             "Trung tâm Thế thao (7)", "Trung tâm Thế thao (8)", "Trung tâm Thế thao (9)"]
    doc = _doc(names)
    assert agree_with_document(doc) == 0
    assert _names(doc) == names


def test_a_letter_lost_a_digit_read_as_a_letter_and_a_stray_dash_are_read_as_the_document_writes():
    """Readings of the corpus scans (tables 4, 5, 9): 'nghệp' once among
    'Nông nghiệp và' twice is a letter lost (twice as often is enough
    here: no other word of Vietnamese differs by one letter between the
    same neighbours); 'l' among 'phường 1 Bảo' is the digit; a lone dash
    where the document writes the two words side by side three times as often, or at the end of
    a name, is a speck."""
    names = ["Sở Nông nghiệp và Môi trường (1)", "Sở Nông nghiệp và Môi trường", "Sở Nông nghệp và Môi trường",
             "UBND phường 1 Bảo Lộc", "UBND phường 1 Bảo Lộc (5)", "UBND phường l Bảo Lộc",
             "UBND xã Thanh Xương -", "Trung bình", "Trung bình", "Trung bình", "Trung - bình"]
    doc = _doc(names)
    assert agree_with_document(doc) == 4
    assert _names(doc)[2] == "Sở Nông nghiệp và Môi trường"
    assert _names(doc)[5] == "UBND phường 1 Bảo Lộc"
    assert _names(doc)[6] == "UBND xã Thanh Xương"
    assert _names(doc)[10] == "Trung bình"

