"""PDF renditions of the seeds read back like the seed text, cell for cell.

The seeds' DOCX (fixtures/build.py) are converted by LibreOffice (tables cross
pages with repeated headers) and drawn by reportlab without ruling lines
(fixtures/build_pdf.py); ``read_path`` of each PDF must give the same rows,
unit names and values as ``read_path`` of the seed text.
"""
from __future__ import annotations

import unicodedata

import pytest

from fixtures import build, build_pdf
from parsers import read_raw
from reportgen.read import read_path

pytestmark = pytest.mark.slow
SEEDS = ("000", "001", "002", "004")


@pytest.fixture(scope="module")
def renditions(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf")
    docx = {seed: build.build_seed(seed, out / seed)["docx"] for seed in SEEDS}
    built = build_pdf.build_all([docx[s] for s in SEEDS], out / "pdf", scan=False)
    return {seed: built[seed] for seed in SEEDS}


def _rows(report):
    return [(r.unit, dict(r.scores), r.total, r.max, r.percent, r.grade)
            for t in report.tables for r in t.rows]


@pytest.mark.parametrize("kind", ["libreoffice", "reportlab"])
@pytest.mark.parametrize("seed", SEEDS)
def test_pdf_rendition_reads_the_same_rows_and_values_as_the_seed(renditions, seed, kind):
    want = _rows(read_path(build.seed_path(seed)))
    got = _rows(read_path(renditions[seed][kind]))
    assert got == want


def test_table_crossing_pages_is_one_table_with_its_repeated_header_dropped(renditions):
    raw = read_raw(renditions["000"]["libreoffice"])
    tables = list(raw.tables)
    first = tables[0]
    pages = {c.page for row in first.rows for c in row}
    assert len(pages) >= 2
    assert first.header_rows == 2
    units = [row[1].text for row in first.rows[first.header_rows:] if len(row) > 1]
    assert units[0] == "Sở Công Thương" and units[-1] == "Sở Tài nguyên và Môi trường"
    assert len(units) == 17  # no repeated header row among the units


def test_merged_header_cells_come_back_as_spans(renditions):
    raw = read_raw(renditions["000"]["libreoffice"])
    header = list(raw.tables)[0].rows[:2]
    spans = {c.text: (c.rowspan, c.colspan) for row in header for c in row}
    assert spans["Nhóm công khai, minh bạch"] == (1, 4)
    assert spans["Nhóm mức độ hài lòng"] == (1, 3)


def test_row_split_over_a_page_break_is_joined(renditions):
    raw = read_raw(renditions["001"]["libreoffice"])
    table = next(raw.tables)
    names = [row[1].text for row in table.rows if len(row) > 1]
    assert "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa" in names


def test_text_is_nfc_with_its_diacritics_and_prose_keeps_reading_order(renditions):
    raw = read_raw(renditions["000"]["libreoffice"])
    texts = [p.text for p in raw.paragraphs]
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)
    start = next(i for i, t in enumerate(texts) if t.startswith("- 06 cơ quan xếp loại Xuất sắc"))
    assert texts[start].endswith("Sở Ngoại vụ.")
    assert texts.index("1.2. UBND các huyện, thị xã, thành phố") > start
    table_pos = next(i for i, b in enumerate(raw.blocks) if not hasattr(b, "text"))
    assert any("Phụ lục I" in b.text for b in raw.blocks[:table_pos] if hasattr(b, "text"))


def test_camelot_engine_reads_the_same_cells(renditions):
    plumber = read_raw(renditions["002"]["libreoffice"])
    camelot = read_raw(renditions["002"]["libreoffice"], {"engine": "camelot"})
    grid = lambda raw: [t.grid() for t in raw.tables]  # noqa: E731
    assert grid(camelot) == grid(plumber)


@pytest.mark.parametrize("kind", ["libreoffice", "reportlab"])
@pytest.mark.parametrize("seed", SEEDS)
def test_pdf_rendition_gives_the_seed_s_error_findings(renditions, seed, kind):
    from reportgen.verify import verify_path

    def errors(path):
        return sorted((f.code, f.unit, f.column) for f in verify_path(path).findings
                      if f.severity == "error")

    assert errors(renditions[seed][kind]) == errors(build.seed_path(seed))


def test_landscape_appendix_stored_turned_reads_like_the_upright_one(renditions, tmp_path):
    import pypdf

    upright = renditions["002"]["libreoffice"]
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(upright))
    for page in writer.pages:
        if page.mediabox.width > page.mediabox.height:  # portrait page + /Rotate 90
            page.rotate(270)
            page.transfer_rotation_to_content()
            page.rotate(90)
    turned = tmp_path / "turned.pdf"
    writer.write(turned)
    assert [t.grid() for t in read_raw(turned).tables] == [t.grid() for t in read_raw(upright).tables]


def test_wrapped_cell_lines_are_joined_as_words_unless_a_word_was_cut():
    from parsers.pdf_grid import join_wrapped

    assert join_wrapped("Văn phòng", "HĐND, UBND huyện", filled=True) == "Văn phòng HĐND, UBND huyện"
    assert join_wrapped("ST", "T", filled=True) == "STT"
    assert join_wrapped("XẾP LOẠ", "I", filled=True) == "XẾP LOẠI"
    assert join_wrapped("TỔNG", "ĐIỂM", filled=True) == "TỔNG ĐIỂM"
    assert join_wrapped("70,29/", "84") == "70,29/84"


def test_a_word_broken_over_three_lines_of_a_narrow_column_comes_back_whole():
    """LibreOffice breaks a word letter by letter where a column is narrower
    than it: "Đi" / "ể" / "m" of a header "Điểm", a name's capital alone on
    its line "phường H" / "ồn" / "g". Two syllables ("Tổn" + "g" + "hợp",
    "Nông" / "nghiệ" / "p", "Sở Y" / "tế") stay two words."""
    from parsers.pdf_grid import join_lines

    assert join_lines([("Đi", False), ("ể", True), ("m", True)]) == "Điểm"
    assert join_lines([("phường H", False), ("ồn", True), ("g", True)]) == "phường Hồng"
    assert join_lines([("Tổn", False), ("g", True), ("hợp", True)]) == "Tổng hợp"
    assert join_lines([("Nông", False), ("nghiệ", True), ("p", True)]) == "Nông nghiệp"
    assert join_lines([("Sở Y", False), ("tế", True)]) == "Sở Y tế"


def test_a_cell_cut_by_a_page_break_is_joined_inside_a_word_only_where_the_pieces_make_one_syllable():
    """The rest of a row a page break cut is joined to the row on the page
    before without knowing how full its last line was: a word is joined
    back when its pieces make one syllable and are not two ("Côn" + "g",
    "Xâ" + "y"); two syllables ("Tài" + "chính") and a change of case stay
    two words; a slash or a hyphen standing alone between spaces keeps
    them ("81,97 /" + "100")."""
    from parsers.pdf_grid import join_wrapped

    assert join_wrapped("Sở Côn", "g Thương", cut=True) == "Sở Công Thương"
    assert join_wrapped("Sở Xâ", "y dựng", cut=True) == "Sở Xây dựng"
    assert join_wrapped("Sở Tài", "chính", cut=True) == "Sở Tài chính"
    assert join_wrapped("Ban Quản lý DVCQG", "Tỉnh", cut=True) == "Ban Quản lý DVCQG Tỉnh"
    assert join_wrapped("81,97 /", "100") == "81,97 / 100"
    assert join_wrapped("Tăng/", "giảm") == "Tăng/giảm"


def test_a_cells_last_line_that_starts_a_syllable_after_a_whole_one_is_a_word_of_its_own():
    """A cell's last line may end where a page break cut it: 'Nông' over
    'nghiệ' (its 'p' on the next page) is two words, to be joined with the
    rest; a piece without a vowel ('Tổn' over 'g') ends its word."""
    from parsers.pdf_grid import join_lines, join_wrapped

    assert join_lines([("Sở", False), ("Nông", False), ("nghiệ", True)]) == "Sở Nông nghiệ"
    assert join_wrapped("Sở Nông nghiệ", "p và Môi trường", cut=True) == "Sở Nông nghiệp và Môi trường"
    assert join_lines([("Tổn", False), ("g", True)]) == "Tổng"
    assert join_lines([("Nông", False), ("nghiệ", True), ("p", True)]) == "Nông nghiệp"
