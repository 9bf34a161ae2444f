"""An annotated copy of a submitted DOCX: a Word comment on each cell or
paragraph a finding points at, saying what was written and what it should
be; the original is never modified."""
from __future__ import annotations

import hashlib
import zipfile

import pytest
from docx import Document
from lxml import etree

from fixtures.build import build_seed
from reportgen.annotate import annotate, comment_text
from reportgen.model import Finding
from reportgen.raw import UnreadableInput
from reportgen.verify import verify_path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def seed_002(tmp_path_factory):
    return build_seed("002", tmp_path_factory.mktemp("annot"))["docx"]


def _anchored(path) -> dict[str, str]:
    """Comment text → the text of the paragraph its range starts in."""
    with zipfile.ZipFile(path) as zf:
        body = etree.fromstring(zf.read("word/document.xml"))
        comments = etree.fromstring(zf.read("word/comments.xml"))
    texts = {c.get(W + "id"): "".join(t.text or "" for t in c.iter(W + "t")) for c in comments.iter(W + "comment")}
    out = {}
    for start in body.iter(W + "commentRangeStart"):
        p = start.getparent()
        while p.tag != W + "p":
            p = p.getparent()
        out[texts[start.get(W + "id")]] = "".join(t.text or "" for t in p.iter(W + "t"))
    return out


def test_each_finding_is_a_comment_on_the_cell_it_points_at(seed_002, tmp_path):
    result = verify_path(seed_002)
    out = tmp_path / "002-chu-thich.docx"
    n = annotate(seed_002, result.findings, out, report=result.report)
    anchored = _anchored(out)
    assert n == len(anchored)
    by_code = {text.split(":")[0]: where for text, where in anchored.items()}
    assert by_code["Lỗi (TOTAL_MISMATCH)"] == "58,69/85"  # Trung tâm QLĐĐ's total cell
    assert by_code["Lỗi (SCORE_EXCEEDS_MAX)"] == "11,5"  # UBND xã Núa Ngam, Số hóa chỉ số 2
    assert by_code["Cảnh báo (NUMBER_FORMAT)"] == "8.32"
    total = next(t for t in anchored if t.startswith("Lỗi (TOTAL_MISMATCH)"))
    assert total == "Lỗi (TOTAL_MISMATCH): Tổng điểm ghi 58,69 nhưng cộng các chỉ số được 58,94"


def test_a_paragraph_finding_is_a_comment_on_that_paragraph(seed_002, tmp_path):
    result = verify_path(seed_002)
    numbering = [f for f in result.findings if f.code == "SECTION_NUMBERING"]
    assert numbering
    out = tmp_path / "a.docx"
    annotate(seed_002, numbering, out, report=result.report)
    [(text, where)] = _anchored(out).items()
    assert where.startswith("2. Tồn tại, hạn chế")
    assert text.startswith("Cảnh báo (SECTION_NUMBERING): ")


def test_comments_are_signed_by_reportgen(seed_002, tmp_path):
    out = tmp_path / "b.docx"
    finding = Finding(code="MAX_MISMATCH", severity="error", message="Điểm tối đa của đơn vị không đúng",
                      table=0, row=0, unit="Trung tâm QLĐĐ", column="max", reported="85", expected="84")
    annotate(seed_002, [finding], out)
    comments = list(Document(str(out)).comments)
    assert [(c.author, c.initials) for c in comments] == [("reportgen", "RG")]
    assert comments[0].text == "Lỗi (MAX_MISMATCH): Điểm tối đa của đơn vị không đúng. Đã ghi: 85. Nên là: 84."
    assert _anchored(out)[comments[0].text] == "58,69/85"  # the maximum is written in the total cell


def test_the_original_is_never_modified(seed_002, tmp_path):
    before = hashlib.sha256(seed_002.read_bytes()).hexdigest()
    result = verify_path(seed_002)
    annotate(seed_002, result.findings, tmp_path / "c.docx", report=result.report)
    assert hashlib.sha256(seed_002.read_bytes()).hexdigest() == before
    with pytest.raises(UnreadableInput, match="khác tệp gốc"):
        annotate(seed_002, result.findings, seed_002)
    assert hashlib.sha256(seed_002.read_bytes()).hexdigest() == before


def test_nothing_is_written_when_the_input_is_not_a_docx(tmp_path):
    src = tmp_path / "baocao.txt"
    src.write_text("BÁO CÁO\n", encoding="utf-8")
    out = tmp_path / "out.docx"
    with pytest.raises(UnreadableInput, match="Chỉ chú thích được tệp Word hoặc OpenDocument"):
        annotate(src, [], out)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [src]


def test_an_opendocument_report_is_annotated_as_the_docx_it_was_read_from(seed_002, tmp_path):
    """An office that saves with LibreOffice sends .odt: the annotated copy is a
    DOCX with the same comments on the same cells as the DOCX original's."""
    from parsers.legacy_office import convert

    odt = convert(seed_002, "odt", tmp_path)
    before = hashlib.sha256(odt.read_bytes()).hexdigest()
    result = verify_path(odt)
    count = annotate(odt, result.findings, tmp_path / "odt-ra.docx", report=result.report)
    want = verify_path(seed_002)
    assert count == annotate(seed_002, want.findings, tmp_path / "docx-ra.docx", report=want.report)
    errors = {k: v for k, v in _anchored(tmp_path / "odt-ra.docx").items() if k.startswith("Lỗi")}
    assert errors and errors == {k: v for k, v in _anchored(tmp_path / "docx-ra.docx").items() if k.startswith("Lỗi")}
    assert hashlib.sha256(odt.read_bytes()).hexdigest() == before


def test_comment_text_shows_numbers_as_the_document_writes_them():
    f = Finding(code="PERCENT_MISMATCH", severity="warning", message="Tỷ lệ không đúng",
                reported="93.06", expected="93.07")
    assert comment_text(f) == "Cảnh báo (PERCENT_MISMATCH): Tỷ lệ không đúng. Đã ghi: 93,06. Nên là: 93,07."


def test_a_table_that_could_not_be_checked_gets_a_comment_on_its_first_cell(tmp_path):
    # A table of counts that obey no relation the checks can verify.
    import docx as python_docx

    doc = python_docx.Document()
    doc.add_paragraph("Biểu 1. Số văn bản trong kỳ")
    grid = doc.add_table(rows=4, cols=3)
    for r, cells in enumerate([("Nội dung", "Số lượng", "Số trang"), ("Văn bản đến", "120", "37"),
                               ("Văn bản đi", "75", "12"), ("Văn bản nội bộ", "30", "8")]):
        for c, text in enumerate(cells):
            grid.cell(r, c).text = text
    seed_004 = tmp_path / "bieu.docx"
    doc.save(str(seed_004))
    result = verify_path(seed_004)
    unchecked = [f for f in result.findings if f.code == "TABLE_UNCHECKED"]
    assert unchecked, "the table of counts is checked by no relation"
    out = tmp_path / "c.docx"
    n = annotate(seed_004, unchecked, out, report=result.report)
    anchored = _anchored(out)
    assert n == len(unchecked) == len(anchored)
    from parsers import docx as docx_parser

    raw = docx_parser.read(seed_004)
    raw_tables = list(raw.tables)
    first_cells = {raw_tables[result.report.tables[f.table].source_table].grid()[0][0] for f in unchecked}
    for text, where in anchored.items():
        assert text.startswith("Cảnh báo (TABLE_UNCHECKED): Bảng ")
        assert "chưa được kiểm tra" in text
        assert where in first_cells and where  # the table's first (header) cell
