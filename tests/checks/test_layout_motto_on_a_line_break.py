"""Offices often type the Quốc hiệu and the Tiêu ngữ as one paragraph with a
line break between them (Shift+Enter). The two are found there all the same,
each judged on its own line: the Quốc hiệu in capitals, the Tiêu ngữ as the
decree writes it — never "Không thấy Tiêu ngữ", never "phải viết in hoa"."""
from __future__ import annotations

import io

import docx
import pytest
from layout_docx import _draft, _paragraph

from reportgen.verify import verify_path


def _one_paragraph(tmp_path, motto: str):
    d = docx.Document(io.BytesIO(_draft("BC")))
    title = _paragraph(d, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    separate = _paragraph(d, "Độc lập - Tự do - Hạnh phúc")
    for run in separate.runs:
        run.text = ""
    title.runs[-1].add_break()
    title.add_run(motto).bold = True
    path = tmp_path / "bc.docx"
    d.save(path)
    return [(f.code, f.message) for f in verify_path(path).findings if f.code == "LAYOUT_NATIONAL_TITLE"]


def test_both_are_found_in_one_paragraph(tmp_path):
    assert _one_paragraph(tmp_path, "Độc lập - Tự do - Hạnh phúc") == []


def test_the_motto_on_its_line_is_still_held_to_the_decree(tmp_path):
    found = _one_paragraph(tmp_path, "Độc lập – Tự do – Hạnh phúc")
    assert [code for code, _ in found] == ["LAYOUT_NATIONAL_TITLE"]
    assert "Tiêu ngữ ghi “Độc lập – Tự do – Hạnh phúc”" in found[0][1]


@pytest.mark.parametrize("first, second", [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM"),
                                           ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", "NAM")])
def test_a_quoc_hieu_wrapped_by_a_narrow_column_is_found(first, second):
    """A PDF's right-hand header column may wrap the Quốc hiệu: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM", or
    "… VIỆT" / "NAM" (chromium, hold-out h-new32: "Không thấy Quốc hiệu" on every such PDF)."""
    from reportgen.checks.layout_elements import find_elements
    from reportgen.model import Paragraph
    from reportgen.read import report_of_paragraphs

    lines = ("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", first, second,
             "Độc lập - Tự do - Hạnh phúc", "Số: 176/BC-TTPVHCC", "Lâm Đồng, ngày 10 tháng 7 năm 2026", "BÁO CÁO")
    elements = find_elements(report_of_paragraphs([Paragraph(text=t, index=i) for i, t in enumerate(lines)]))
    assert (elements.quoc_hieu, elements.tieu_ngu) == (1, 3)
