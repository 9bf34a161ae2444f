"""Reader settings are one validated value (parsers.settings.ReaderSettings):
a setting no parser knows, a wrong type or a value outside its choices is
refused when the value is made, never ignored inside a parser; no settings and
ReaderSettings() read the same."""
from __future__ import annotations

import pytest

from parsers import read_raw
from parsers.limits import Limits
from parsers.settings import ReaderSettings
from reportgen.raw import UnreadableInput
from reportgen.read import read_path

from support import REAL, S002


@pytest.mark.parametrize("given, named", [
    ({"ocr": "sometimes"}, "ocr"),
    ({"ocr_threads": 0}, "ocr_threads"),
    ({"ocr_threads": True}, "ocr_threads"),
    ({"pages": [0, 1]}, "pages"),
    ({"pages": "12"}, "pages"),
    ({"footnotes": "yes"}, "footnotes"),
    ({"limits": {"pages": 3}}, "limits"),
    ({"on_page": 3}, "on_page"),
])
def test_a_bad_value_is_refused_naming_the_setting(given, named):
    with pytest.raises(ValueError, match=f"thiết lập đọc {named} phải là"):
        ReaderSettings.of(given)


def test_an_unknown_engine_is_refused_as_the_pdf_reader_says():
    with pytest.raises(UnreadableInput, match="Không có bộ đọc PDF 'tabula'"):
        ReaderSettings(engine="tabula")


def test_an_unknown_name_is_refused_with_the_names_there_are():
    with pytest.raises(ValueError, match="không có: ocr_mode .*ocr_threads"):
        ReaderSettings.of({"ocr_mode": "never"})
    with pytest.raises(ValueError, match="không có: ocr_mode"):
        read_raw(S002, {"ocr_mode": "never"})


def test_only_the_given_settings_reach_the_parsers():
    limits = Limits(pages=12)
    settings = ReaderSettings(ocr="never", pages=range(1, 4), limits=limits)
    assert settings.as_dict() == {"ocr": "never", "pages": (1, 2, 3), "limits": limits}
    assert ReaderSettings().as_dict() == {}
    assert ReaderSettings.of(settings) is settings


def test_no_settings_and_default_settings_read_seed_002_alike():
    plain = read_path(S002).to_json()
    assert read_path(S002, ReaderSettings()).to_json() == plain
    assert read_path(S002, {"ocr": "never", "trim_web_page": True}).to_json() == plain
    assert [len(t["rows"]) for t in plain["tables"]] == [26]


REAL_PDF = REAL / "ld-cchc2025-pl1-chidao.pdf"


def test_the_pdf_reader_takes_the_reader_settings_and_validates_a_mapping():
    from parsers import pdf

    seen = []
    doc = pdf.read(REAL_PDF, ReaderSettings(pages=(2,), ocr="never", on_page=lambda *a: seen.append(a)))
    assert seen == [("reading", 2, 5)]
    assert doc.page_count == 5
    assert {b.page for b in doc.paragraphs} | {t.page for t in doc.tables} == {2}
    with pytest.raises(UnreadableInput, match="Không có bộ đọc PDF 'tabula'"):
        pdf.read(REAL_PDF, {"engine": "tabula"})
    with pytest.raises(ValueError, match="không có: ocr_mode"):
        pdf.read(REAL_PDF, {"ocr_mode": "never"})


def test_the_ocr_reader_refuses_a_bad_setting_before_rendering():
    from parsers.ocr import prepare_page

    with pytest.raises(ValueError, match="thiết lập đọc ocr_dpi phải là"):
        prepare_page(REAL_PDF, 0, {"ocr_dpi": 0})
