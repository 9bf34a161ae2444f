"""A DOCX whose section states no page size or margins (pandoc writes
``<w:sectPr/>`` with no ``w:pgSz``): the paper is the printer's default,
which the file does not tell. The paper check says nothing of it, and the
run gives its verdict — never an internal error (exit 70)."""
from __future__ import annotations

import docx

from reportgen.verify import verify_path


def test_a_section_without_a_page_size_is_not_judged_and_does_not_stop_the_run(tmp_path):
    document = docx.Document()
    document.add_paragraph("Thực hiện đánh giá đối với 12/12 đơn vị.")
    sect_pr = document.sections[0]._sectPr
    for tag in ("w:pgSz", "w:pgMar"):
        for el in sect_pr.findall(docx.oxml.ns.qn(tag)):
            sect_pr.remove(el)
    path = tmp_path / "pandoc.docx"
    document.save(path)
    result = verify_path(path)
    assert [f for f in result.findings if f.code == "LAYOUT_PAPER"] == []
    assert result.verdict in ("ĐẠT", "CHƯA KIỂM TRA HẾT")
