"""A scan reads a document's symbol with digits ("Công văn số 1532/TTPVHCC-NV" as
"1532/11PVHCC-NV"): the number and its symbol are no fraction "1532/11"."""
from __future__ import annotations

from decimal import Decimal as D

from reportgen.model import StatementKind
from reportgen.raw import RawDocument, RawParagraph
from reportgen.read import read_report

TEXT = ("Thực hiện Công văn số 1532/11PVHCC-NV ngày 02/10/2025 của Trung tâm Phục vụ hành chính công tỉnh, "
        "thanh toán trực tuyến: 327/415 hồ sơ có phí, lệ phí được thanh toán trực tuyến, đạt 78,80%.")


def test_a_symbol_read_with_digits_is_no_fraction():
    report = read_report(RawDocument(source="bc.pdf", format="pdf", blocks=[RawParagraph(TEXT, 0)]))
    fractions = [(st.numerator, st.denominator) for st in report.statements if st.kind == StatementKind.FRACTION]
    assert fractions == [(D(327), D(415))]
