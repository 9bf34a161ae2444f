"""DOCX → RawDocument: body order, true spans, header rows, text boxes,
content controls, nested and layout tables, list numbers, footnotes."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from fixtures import REFERENCE_DIR
from parsers import docx as docx_parser, read_raw
from reportgen.raw import RawParagraph, RawTable

REFERENCE = REFERENCE_DIR


def _save(doc, tmp_path: Path, name: str = "t.docx") -> Path:
    path = tmp_path / name
    doc.save(str(path))
    return path


def _score_table(doc):
    """Seed 002's appendix header: STT and name merged down two rows, the
    group "Nhóm công khai, minh bạch" over three indicators, "Tiến độ" merged
    down, both header rows marked to repeat."""
    t = doc.add_table(rows=4, cols=6)
    t.cell(0, 0).merge(t.cell(1, 0)).text = "STT"
    t.cell(0, 1).merge(t.cell(1, 1)).text = "TÊN ĐƠN VỊ"
    t.cell(0, 2).merge(t.cell(0, 4)).text = "Nhóm công khai, minh bạch"
    t.cell(0, 5).merge(t.cell(1, 5)).text = "Tiến độ, KQ giải quyết (30đ)"
    for c, label in zip((2, 3, 4), ("Chỉ số 1 (5đ)", "Chỉ số 2 (5đ)", "Chỉ số 3 (10đ)")):
        t.cell(1, c).text = label
    for r in (0, 1):
        t.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for c, v in enumerate(["1", "Trung tâm QLĐĐ", "-", "4,81", "-", "23,45"]):
        t.cell(2, c).text = v
    for c, v in enumerate(["2", "Phòng Tư pháp", "-", "4,81", "-", "28,24"]):
        t.cell(3, c).text = v
    return t


def test_merged_header_cells_keep_their_true_spans_and_repeat_marks(tmp_path):
    doc = Document()
    doc.add_paragraph("Phụ lục")
    _score_table(doc)
    raw = docx_parser.read(_save(doc, tmp_path))
    table = next(raw.tables)
    assert table.header_rows == 2
    spans = {c.text: (c.row, c.col, c.rowspan, c.colspan) for c in table.rows[0]}
    assert spans == {
        "STT": (0, 0, 2, 1),
        "TÊN ĐƠN VỊ": (0, 1, 2, 1),
        "Nhóm công khai, minh bạch": (0, 2, 1, 3),
        "Tiến độ, KQ giải quyết (30đ)": (0, 5, 2, 1),
    }
    assert [c.text for c in table.rows[1]] == ["Chỉ số 1 (5đ)", "Chỉ số 2 (5đ)", "Chỉ số 3 (10đ)"]
    assert table.grid()[2] == ["1", "Trung tâm QLĐĐ", "-", "4,81", "-", "23,45"]
    assert all(c.page is None for r in table.rows for c in r)


def test_paragraphs_and_tables_come_in_body_order(tmp_path):
    doc = Document()
    doc.add_paragraph("1. Kết quả đánh giá, xếp loại")
    _score_table(doc)
    doc.add_paragraph("Lưu ý: dấu (-) là chỉ số không phải thực hiện.")
    raw = docx_parser.read(_save(doc, tmp_path))
    kinds = [type(b).__name__ for b in raw.blocks]
    assert kinds == ["RawParagraph", "RawTable", "RawParagraph"]
    assert [p.index for p in raw.paragraphs] == [0, 1]
    assert raw.format == "docx"


def test_grid_before_shifts_a_row_and_vmerge_continue_extends_the_cell_above(tmp_path):
    doc = Document()
    t = doc.add_table(rows=3, cols=3)
    t.cell(0, 0).text, t.cell(0, 1).text, t.cell(0, 2).text = "STT", "Đơn vị", "Điểm"
    t.cell(1, 0).text, t.cell(1, 1).text, t.cell(1, 2).text = "1", "Sở Y tế", "80,67"
    # Row 2 starts one grid column in (w:gridBefore) and drops its first cell.
    tr = t.rows[2]._tr
    first_tc = tr.findall(qn("w:tc"))[0]
    tr.remove(first_tc)
    tr.insert(0, parse_xml(f'<w:trPr {nsdecls("w")}><w:gridBefore w:val="1"/></w:trPr>'))
    tcs = tr.findall(qn("w:tc"))
    tcs[0].get_or_add_tcPr().append(parse_xml(f'<w:vMerge {nsdecls("w")}/>'))  # continue
    t.rows[1]._tr.findall(qn("w:tc"))[1].get_or_add_tcPr().append(
        parse_xml(f'<w:vMerge {nsdecls("w")} w:val="restart"/>'))
    tcs[1].clear_content()
    tcs[1].append(parse_xml(f'<w:p {nsdecls("w")}><w:r><w:t>84,99</w:t></w:r></w:p>'))
    raw = docx_parser.read(_save(doc, tmp_path))
    table = next(raw.tables)
    unit = table.cell_at(2, 1)
    assert (unit.text, unit.row, unit.rowspan) == ("Sở Y tế", 1, 2)
    assert [(c.text, c.col) for c in table.rows[2]] == [("84,99", 2)]


def test_text_boxes_are_read_once_after_their_anchor(tmp_path):
    doc = Document()
    p = doc.add_paragraph("Số: 405/BC-UBND")
    box = f"""<w:r {nsdecls('w')} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
        xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>
      <mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>
        <w:p><w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p>
        <w:p><w:r><w:t>Độc lập - Tự do - Hạnh phúc</w:t></w:r></w:p>
      </w:txbxContent></wps:txbx></w:drawing></mc:Choice>
      <mc:Fallback><w:pict><v:textbox><w:txbxContent>
        <w:p><w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p>
      </w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""
    p._p.append(parse_xml(box))
    doc.add_paragraph("BÁO CÁO")
    raw = docx_parser.read(_save(doc, tmp_path))
    assert [b.text for b in raw.paragraphs] == [
        "Số: 405/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO"]


def test_content_controls_inserted_text_and_fields_read_deleted_text_and_codes_not(tmp_path):
    doc = Document()
    body = doc.element.body
    sdt = parse_xml(f"""<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent>
        <w:p><w:r><w:t>Điện Biên, ngày 17 tháng 8 năm 2023</w:t></w:r></w:p></w:sdtContent></w:sdt>""")
    body.insert(0, sdt)
    p = parse_xml(f"""<w:p {nsdecls('w')}><w:r><w:t xml:space="preserve">Tổng điểm </w:t></w:r>
        <w:del w:id="1" w:author="a"><w:r><w:delText>58,94</w:delText></w:r></w:del>
        <w:ins w:id="2" w:author="a"><w:r><w:t>58,69</w:t></w:r></w:ins>
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>/85</w:t></w:r>
        <w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>""")
    body.insert(1, p)
    raw = docx_parser.read(_save(doc, tmp_path))
    assert [b.text for b in raw.paragraphs] == ["Điện Biên, ngày 17 tháng 8 năm 2023", "Tổng điểm 58,69/85"]


def test_hidden_runs_are_not_read_in_paragraphs_nor_in_cells(tmp_path):
    """Text formatted hidden (``w:vanish``: Word's "Hidden" font effect) is
    neither printed nor shown: an author's old figure or a note kept out of
    sight is not what the document says."""
    doc = Document()
    hidden = "<w:rPr><w:vanish/></w:rPr>"
    doc.element.body.insert(0, parse_xml(
        f"""<w:p {nsdecls('w')}><w:r><w:t xml:space="preserve">Có 17 đơn vị xếp loại Tốt.</w:t></w:r>
        <w:r>{hidden}<w:t xml:space="preserve"> Có 18 đơn vị xếp loại Tốt.</w:t></w:r></w:p>"""))
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Sở Tư pháp"
    cell_p = table.cell(0, 1).paragraphs[0]._p
    cell_p.append(parse_xml(f"<w:r {nsdecls('w')}><w:t>93,01</w:t></w:r>"))
    cell_p.append(parse_xml(f"<w:r {nsdecls('w')}>{hidden}<w:t>73,01</w:t></w:r>"))
    raw = docx_parser.read(_save(doc, tmp_path))
    assert [b.text for b in raw.paragraphs] == ["Có 17 đơn vị xếp loại Tốt."]
    (read,) = raw.tables
    assert read.grid() == [["Sở Tư pháp", "93,01"]]


def test_the_two_column_header_table_becomes_paragraphs_row_by_row(tmp_path):
    doc = Document()
    t = doc.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "UBND TỈNH ĐIỆN BIÊN"
    t.cell(0, 0).add_paragraph("VĂN PHÒNG")
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    t.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    t.cell(1, 0).text = "Số: /BC-VPUB"
    t.cell(1, 1).text = "Điện Biên, ngày tháng 01 năm 2025"
    doc.add_paragraph("BÁO CÁO")
    raw = docx_parser.read(_save(doc, tmp_path))
    assert list(raw.tables) == []
    assert [p.text for p in raw.paragraphs] == [
        "UBND TỈNH ĐIỆN BIÊN", "VĂN PHÒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số: /BC-VPUB", "Điện Biên, ngày tháng 01 năm 2025", "BÁO CÁO"]


def test_a_table_nested_in_a_cell_is_flattened_into_the_cell_and_lines_join_with_a_space(tmp_path):
    doc = Document()
    t = doc.add_table(rows=2, cols=3)
    t.cell(0, 0).text, t.cell(0, 1).text = "STT", "Đơn vị"
    head = t.cell(0, 2)
    head.text = "TỔNG"
    for word in ("ĐIỂM", "ĐẠT", "ĐƯỢC"):
        head.add_paragraph(word)
    t.cell(1, 0).text = "1"
    inner = t.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "Phòng Lao động -", "Thương binh và Xã hội"
    t.cell(1, 2).text = "69,8/75"
    raw = docx_parser.read(_save(doc, tmp_path))
    grid = next(raw.tables).grid()
    assert grid[0][2] == "TỔNG ĐIỂM ĐẠT ĐƯỢC"
    assert grid[1][1] == "Phòng Lao động - Thương binh và Xã hội"


def test_a_table_set_in_a_one_cell_frame_is_a_table_of_its_own(tmp_path):
    """An annex boxed in a one-cell table: the frame is layout, its title a
    paragraph and the table inside it the data (before, the whole annex was
    flattened into paragraphs and no table was checked)."""
    doc = Document()
    doc.add_paragraph("BÁO CÁO")
    frame = doc.add_table(rows=1, cols=1).cell(0, 0)
    frame.text = "Biểu 01. KẾT QUẢ ĐÁNH GIÁ THEO CƠ QUAN"
    inner = frame.add_table(rows=3, cols=3)
    for r, row in enumerate([["STT", "Cơ quan", "Tổng số lượt đánh giá"], ["1", "Sở Tư pháp", "1.520"],
                             ["2", "Sở Xây dựng", "2.386"]]):
        for c, v in enumerate(row):
            inner.cell(r, c).text = v
    frame.add_paragraph("Ghi chú: số liệu tháng 11")
    doc.add_paragraph("Nơi nhận:")
    path = _save(doc, tmp_path)
    raw = docx_parser.read(path)
    tables = list(raw.tables)
    assert [t.grid() for t in tables] == [[["STT", "Cơ quan", "Tổng số lượt đánh giá"], ["1", "Sở Tư pháp", "1.520"],
                                           ["2", "Sở Xây dựng", "2.386"]]]
    assert [p.text for p in raw.paragraphs] == ["BÁO CÁO", "Biểu 01. KẾT QUẢ ĐÁNH GIÁ THEO CƠ QUAN",
                                                "Ghi chú: số liệu tháng 11", "Nơi nhận:"]
    # annotations find the nested table: the element behind table 0 stands in the frame's cell
    tbl, where = docx_parser.locate(Document(str(path))).tables[0]
    assert tbl.getparent().tag == qn("w:tc") and where[(2, 2)].getparent().getparent() is tbl


def test_cell_line_separator_is_a_setting(tmp_path):
    doc = Document()
    t = doc.add_table(rows=2, cols=3)
    t.cell(0, 0).text = "Trung"
    t.cell(0, 0).add_paragraph("bình")
    t.cell(1, 0).text, t.cell(1, 1).text, t.cell(1, 2).text = "1", "2", "3"
    raw = docx_parser.read(_save(doc, tmp_path), {"cell_line_separator": "\n"})
    assert next(raw.tables).grid()[0][0] == "Trung\nbình"


def test_run_formatting_is_kept_where_the_runs_say_it():
    raw = read_raw(REFERENCE / "real/ld-chiso-bc184-snv.docx")
    paras = list(raw.paragraphs)
    motto = next(p for p in paras if p.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert (motto.bold, motto.size) == (True, 13.0)
    date = next(p for p in paras if p.text.startswith("Lâm Đồng, ngày"))
    assert date.italic is True


def test_word_list_numbers_fill_an_auto_numbered_stt_column():
    raw = read_raw(REFERENCE / "nd30-phuluc3.docx")
    grid = next(raw.tables).grid()
    assert grid[0] == ["STT", "Tên loại văn bản hành chính", "Chữ viết tắt"]
    assert [row[0] for row in grid[1:4]] == ["1.", "2.", "3."]
    assert grid[14] == ["14.", "Báo cáo", "BC"]
    assert next(raw.tables).header_rows == 1


def test_footnotes_come_as_paragraphs_at_the_end():
    raw = read_raw(REFERENCE / "real/ld-chiso-bc184-snv.docx")
    notes = [p for p in raw.paragraphs if p.style == "footnote"]
    assert len(notes) >= 3
    assert raw.blocks[-1] is notes[-1]


def test_a_score_sheet_with_slashed_cells_reads_them_as_written():
    raw = read_raw(REFERENCE / "real/ld-766-sotaichinh.docx")
    first = next(raw.tables)
    grid = first.grid()
    assert grid[0] == ["STT", "NHÓM CHỈ TIÊU", "CHỈ SỐ", "ĐƠN VỊ", "TỶ LỆ %", "ĐIỂM ĐÁNH GIÁ"]
    assert grid[3][5] == "17 / 22"
    unit = first.cell_at(1, 3)
    assert unit.rowspan == len(grid) - 1


@pytest.mark.parametrize("name", [
    "nd30-2020-main.docx", "nd30-phuluc1.docx", "nd30-phuluc3.docx",
    "real/ld-766-sotaichinh.docx", "real/ld-cchc2025-bc329-phuluc.docx", "real/ld-chiso-bc184-snv.docx",
])
def test_every_reference_docx_is_read(name):
    raw = read_raw(REFERENCE / name)
    assert raw.format == "docx"
    assert any(p.text for p in raw.paragraphs)
    for table in raw.tables:
        assert isinstance(table, RawTable)
        for row in table.rows:
            for cell in row:
                assert cell.rowspan >= 1 and cell.colspan >= 1
    assert all(isinstance(b, (RawParagraph, RawTable)) for b in raw.blocks)


def test_the_issued_report_reads_the_par_index_table_with_two_header_rows():
    raw = read_raw(REFERENCE / "real/ld-chiso-bc184-snv.docx")
    table = next(raw.tables)
    assert table.header_rows == 2
    grid = table.grid(fill_spans=True)
    assert grid[0][2:5] == ["Lâm Đồng"] * 3
    assert grid[1][2:5] == ["Điểm số", "Chỉ số", "Thứ hạng"]
    assert grid[2][2:5] == ["9,49/ 9,5", "99,9%", "12/63"]


def _repack(src: Path, dst: Path, edit) -> Path:
    import zipfile

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, edit(info.filename, data))
    return dst


def test_a_macro_enabled_document_is_read_as_a_docx(tmp_path):
    doc = Document()
    doc.add_paragraph("BÁO CÁO")
    plain = _save(doc, tmp_path)
    macro = b"application/vnd.ms-word.document.macroEnabled.main+xml"
    docm = _repack(plain, tmp_path / "baocao.docm", lambda name, data: data.replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", macro)
        if name == "[Content_Types].xml" else data)
    assert [p.text for p in read_raw(docm).paragraphs] == ["BÁO CÁO"]


def test_a_strict_open_xml_document_is_refused_with_advice(tmp_path):
    doc = Document()
    doc.add_paragraph("BÁO CÁO")
    strict = _repack(_save(doc, tmp_path), tmp_path / "strict.docx", lambda name, data: data.replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        b"http://purl.oclc.org/ooxml/wordprocessingml/main") if name == "word/document.xml" else data)
    from reportgen.raw import UnreadableInput

    with pytest.raises(UnreadableInput, match="Strict Open XML"):
        read_raw(strict)
