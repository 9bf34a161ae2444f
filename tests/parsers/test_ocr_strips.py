"""A scanned table without rules whose rows a browser centred vertically
(parsers/ocr_strips.py, parsers/ocr_aligned.py, parsers/pdf_rows.py): the
text columns and the numbers read again each alone, the lines of a wrapped
cell joined by their spacing, every line given to its row.

The table is the layout-variety corpus' table 6 (fixtures/build_corpus.py),
printed by Chromium and scanned: names wrapped over two and three lines
beside one-line rows, grades wrapped over two lines ('Trung / bình')
centred on their row's number."""
from __future__ import annotations

import re

import pytest

from fixtures.build_corpus import make_spec, spec_docx
from fixtures.build_pdf import browser_pdf, scanned_pdf
from parsers import read_raw
from parsers.ocr_aligned import _on_baseline
from parsers.pdf_chunks import Chunk, Line
from parsers.pdf_regions import _crosses


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


@pytest.fixture(scope="module")
def browser_scan(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser-scan")
    spec = make_spec(6)
    pdf = browser_pdf(spec_docx(spec, out), out / "t.browser.pdf", rules=spec.rules)
    return spec, scanned_pdf(pdf, out / "t.scan.pdf")


@pytest.mark.slow
def test_a_browser_scan_with_centred_rows_gives_every_line_to_its_row(browser_scan):
    spec, path = browser_scan
    doc = read_raw(path, {"ocr": "auto"})
    rows = {}
    for t in doc.tables:
        for row in t.grid()[t.header_rows or 0:]:
            if row and _norm(row[0]).isdigit():
                rows.setdefault(_norm(row[0]), [_norm(c) for c in row])
    assert sorted(rows, key=int) == [str(i) for i in range(1, 13)]  # no row lost, none joined to another
    # a two-line name above and below its number, the one-line row under it apart
    assert rows["3"][:3] == ["3", "Ban Quản lý các khu công nghiệp tỉnh", "12,17"]
    assert rows["4"] == ["4", "Thanh tra tỉnh (4)", "12,3", "7,93", "8,55", "7,8", "11,6", "4,8", "3,95", "2,08",
                         "59,01/99", "Trung bình"]
    assert rows["5"][1:3] == ["Ban Quản lý các khu công nghiệp tỉnh (5)", "12,7"]
    # a three-line name: its first line, above the one-line row 7's level, is row 8's
    assert rows["7"][1] == "UBND xã Hòa Lạc"
    assert rows["8"][1].startswith("Chi nhánh Văn phòng đăng ký đất đai huyện Điện Biên") and \
        rows["8"][1].endswith("(8)")
    # a grade wrapped over two lines centred on its number
    assert [rows[k][-1] for k in ("2", "4", "5", "7", "9", "10", "11")] == ["Trung bình"] * 7
    assert [rows[k][-1] for k in ("1", "3", "6", "8", "12")] == ["Khá"] * 5
    right = sum(1 for want in spec.rows for j, w in enumerate(want) if rows[want[0]][j] == w)
    assert right >= sum(len(want) for want in spec.rows) - 3  # at most a few marks misread ('Thế')


def test_a_word_with_y_under_a_mark_reaches_below_the_baseline():
    assert not _on_baseline("lý") and not _on_baseline("Mỹ") and not _on_baseline("ỵ")
    assert _on_baseline("các") and _on_baseline("khu") and not _on_baseline("Lạc")
    assert not _on_baseline("-") and not _on_baseline("4,8") and _on_baseline("211")  # a dash is mid-height


def _chunk(text: str, x0: float, x1: float, top: float) -> Chunk:
    return Chunk(chars=[], text=text, x0=x0, x1=x1, top=top, bottom=top + 7, size=7)


def test_a_wrapped_grade_wider_than_the_grades_of_its_centred_column_is_in_that_column():
    # 'Trung' (763,9-785,8) over a column whose 'Khá' (767,8-781,9) is centred on the same axis
    rows = [Line([_chunk("2", 58, 62, 187), _chunk("Thanh tra tỉnh (2)", 75, 150, 187),
                  _chunk("5,6", 273, 284, 187), _chunk("Khá", 767.8, 781.9, 187)], 187, 194, 7, set())]
    assert not _crosses(Line([_chunk("Trung", 763.9, 785.8, 203)], 203, 210, 7, set()), rows)
    # a title across the columns still crosses them
    assert _crosses(Line([_chunk("Biểu 02. KẾT QUẢ CẤP XÃ", 60, 300, 203)], 203, 210, 7, set()), rows)
