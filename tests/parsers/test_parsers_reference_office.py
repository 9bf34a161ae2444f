"""The public reference documents (Word, Excel, Word 97) are read through to
a Report without crashing, with what they plainly contain."""
from __future__ import annotations

from decimal import Decimal

import pytest

from fixtures import REFERENCE_DIR
from parsers import read_raw
from reportgen.read import read_path

REFERENCE = REFERENCE_DIR
OFFICE = sorted(p.relative_to(REFERENCE).as_posix() for p in REFERENCE.rglob("*")
                if p.suffix in (".docx", ".xlsx") and p.is_file())


def test_the_reference_folder_has_the_office_files_we_expect():
    assert OFFICE == ["nd30-2020-main.docx", "nd30-phuluc1.docx", "nd30-phuluc3.docx",
                      "real/ld-766-sotaichinh.docx", "real/ld-cchc2025-bc329-phuluc.docx",
                      "real/ld-chiso-bc184-snv.docx", "real/portal-766-2025-10.xlsx"]


@pytest.mark.parametrize("name", OFFICE)
def test_every_reference_office_file_reads_into_a_report(name):
    report = read_path(REFERENCE / name)
    assert report.paragraphs or report.tables
    report.to_json()


def test_the_portal_export_binds_its_score_sheets_to_the_766_scheme():
    report = read_path(REFERENCE / "real/portal-766-2025-10.xlsx")
    scored = [t for t in report.tables if t.kind == "scores"]
    assert [len(t.rows) for t in scored] == [34, 34, 15, 102]
    first = scored[0].rows[0]
    assert first.unit == "UBND tỉnh Bắc Ninh"
    assert first.total == Decimal("91.7")


def test_the_department_score_sheet_keeps_its_17_of_22_cells():
    raw = read_raw(REFERENCE / "real/ld-766-sotaichinh.docx")
    cells = [c.text for t in raw.tables for r in t.rows for c in r]
    assert "17 / 22" in cells
    assert "78,62 / 100" in cells


def test_the_statistics_appendix_keeps_thousands_with_dots():
    raw = read_raw(REFERENCE / "real/ld-cchc2025-bc329-phuluc.docx")
    cells = [c.text for t in raw.tables for r in t.rows for c in r]
    assert "467.565" in cells


@pytest.mark.slow
def test_the_word_97_decree_appendix_reads_as_its_docx_twin():
    legacy = read_raw(REFERENCE / "nd30-phuluc3.doc")
    modern = read_raw(REFERENCE / "nd30-phuluc3.docx")
    assert legacy.properties["converted_from"] == "doc"
    assert legacy.source.endswith("nd30-phuluc3.doc")
    first_l, first_m = next(legacy.tables), next(modern.tables)
    assert first_l.grid() == first_m.grid()
    assert first_l.grid()[14] == ["14.", "Báo cáo", "BC"]
    texts_l = [p.text for p in legacy.paragraphs]
    assert "Phụ lục III" in texts_l and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts_l
    report = read_path(REFERENCE / "nd30-phuluc3.doc")
    assert len(report.tables) == len(read_path(REFERENCE / "nd30-phuluc3.docx").tables)
