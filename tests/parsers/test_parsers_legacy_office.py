"""Word 97 and Excel 97 files, OpenDocument (.odt, .ods: what LibreOffice
saves by default) and RTF are converted by LibreOffice and read like their
modern twins: a seed's DOCX and XLSX renditions saved back as .doc, .xls,
.odt, .ods and .rtf by LibreOffice read as the same Report tables. The kind
comes from the bytes, never from the name."""
from __future__ import annotations

import pytest

from fixtures.build import build_seed
from parsers import read_raw
from parsers.legacy_office import convert
from reportgen.read import read_path

pytestmark = pytest.mark.slow


def _rows(report):
    return [[(r.unit, r.no, dict(r.scores), r.total, r.max, r.percent, r.grade) for r in t.rows]
            for t in report.tables]


@pytest.fixture(scope="module")
def legacy_002(tmp_path_factory):
    out = tmp_path_factory.mktemp("legacy")
    built = build_seed("002", out)
    doc = convert(built["docx"], "doc", out)
    xls = convert(built["xlsx"], "xls", out)
    return built, doc, xls


def test_a_word_97_report_reads_as_its_docx(legacy_002):
    built, doc, _ = legacy_002
    assert doc.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    raw = read_raw(doc)
    assert (raw.format, raw.properties["converted_from"]) == ("docx", "doc")
    assert _rows(read_path(doc)) == _rows(read_path(built["docx"]))


def test_an_excel_97_sheet_reads_as_its_xlsx(legacy_002):
    built, _, xls = legacy_002
    raw = read_raw(xls)
    assert raw.properties["converted_from"] == "xls"
    assert [s["name"] for s in raw.properties["sheets"]] == ["Phụ lục"]
    assert _rows(read_path(xls)) == _rows(read_path(built["xlsx"]))


@pytest.fixture(scope="module")
def open_002(tmp_path_factory):
    out = tmp_path_factory.mktemp("odf")
    built = build_seed("002", out)
    return built, convert(built["docx"], "odt", out), convert(built["xlsx"], "ods", out), convert(
        built["docx"], "rtf", out)


def test_an_opendocument_text_reads_as_its_docx(open_002):
    from parsers import sniff_format

    built, odt, _, _ = open_002
    assert sniff_format(odt) == "odt"
    raw = read_raw(odt)
    assert (raw.format, raw.properties["converted_from"]) == ("docx", "odt")
    assert _rows(read_path(odt)) == _rows(read_path(built["docx"]))


def test_an_opendocument_sheet_named_anything_reads_as_its_xlsx(open_002, tmp_path):
    from parsers import sniff_format

    built, _, ods, _ = open_002
    renamed = tmp_path / "bang-diem.dat"
    renamed.write_bytes(ods.read_bytes())
    assert sniff_format(renamed) == "ods"
    raw = read_raw(renamed)
    assert (raw.format, raw.properties["converted_from"]) == ("xlsx", "ods")
    assert _rows(read_path(renamed)) == _rows(read_path(built["xlsx"]))


def test_an_rtf_report_reads_as_its_docx_not_as_markup_text(open_002):
    from parsers import sniff_format

    built, _, _, rtf = open_002
    assert sniff_format(rtf) == "rtf"
    report = read_path(rtf)
    assert _rows(report) == _rows(read_path(built["docx"]))
    assert not any("\\" in p.text or "\\'" in p.text for p in report.paragraphs)


def test_a_zip_that_is_no_office_document_is_refused_in_vietnamese(tmp_path):
    import zipfile

    from reportgen.raw import UnreadableInput

    path = tmp_path / "bao-cao.odt"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.presentation")
        zf.writestr("content.xml", "<x/>")
    with pytest.raises(UnreadableInput, match="Tệp nén ZIP không phải DOCX, XLSX, ODT hay ODS"):
        read_raw(path)


def test_a_conversion_that_cannot_finish_in_time_is_refused(legacy_002, tmp_path):
    from reportgen.raw import UnreadableInput

    _, doc, _ = legacy_002
    with pytest.raises(UnreadableInput, match="không chuyển đổi xong"):
        read_raw(doc, {"convert_timeout": 0.01})
