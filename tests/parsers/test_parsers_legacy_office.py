"""Word 97 and Excel 97 files are converted by LibreOffice and read like their
modern twins: a seed's DOCX and XLSX renditions saved back as .doc and .xls
by LibreOffice read as the same Report tables."""
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


def test_a_conversion_that_cannot_finish_in_time_is_refused(legacy_002, tmp_path):
    from reportgen.raw import UnreadableInput

    _, doc, _ = legacy_002
    with pytest.raises(UnreadableInput, match="không chuyển đổi xong"):
        read_raw(doc, {"convert_timeout": 0.01})
