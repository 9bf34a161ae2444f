"""The period's totals of dossiers said in several sections must agree, and a
channel list that names every channel ("qua Cổng Dịch vụ công", "trực tiếp
tại Trung tâm …", "qua bưu điện") is all of its whole. Figures from
h-prose4-shaped quarterly reports of a province."""
from __future__ import annotations

from reportgen.checks import run_checks
from reportgen.model import Paragraph
from reportgen.read import report_of_paragraphs
from reportgen.read.meta import read_meta


def findings(*lines: str):
    paragraphs = [Paragraph(text=t, index=i) for i, t in enumerate(lines)]
    report = report_of_paragraphs(paragraphs, (), "t", meta=read_meta(paragraphs))
    return [(f.code, str(f.severity), f.reported, f.expected) for f in run_checks(report)
            if f.code in ("QUANTITY_CONFLICT", "SUM_MISMATCH")]


RECEIVED = "Số hồ sơ tiếp nhận mới {n} hồ sơ, trong đó trực tuyến 10.534 hồ sơ (chiếm 60,22%)."
TO_SETTLE = "Số hồ sơ phải giải quyết 17.558 hồ sơ. Trong đó: từ kỳ trước chuyển qua 65 hồ sơ; mới tiếp nhận {n} hồ sơ."
AGAIN = "Đã tiếp nhận mới {n} hồ sơ, trong đó 10.534 nộp trực tuyến, chiếm 60,22%."


def test_the_one_total_that_differs_from_the_others_is_the_error():
    assert findings(RECEIVED.format(n="17.493"), TO_SETTLE.format(n="17.493"), AGAIN.format(n="17.493")) == []
    assert findings(RECEIVED.format(n="17.493"), TO_SETTLE.format(n="17.493"), AGAIN.format(n="17.439")) == [
        ("QUANTITY_CONFLICT", "error", "17439", "17493")]


def test_two_totals_that_differ_are_a_doubt():
    assert findings(RECEIVED.format(n="17.493"), AGAIN.format(n="17.439")) == [
        ("QUANTITY_CONFLICT", "warning", "17439", "17493")]


def test_a_total_of_one_level_channel_or_paragraph_about_one_is_another_quantity():
    assert findings(RECEIVED.format(n="17.493"), TO_SETTLE.format(n="17.493"),
                    "Cấp tỉnh tiếp nhận mới 4.215 hồ sơ.",
                    "Tổng số hồ sơ tiếp nhận trực tuyến là 7.123 hồ sơ. Số hồ sơ đã giải quyết 6.771 hồ sơ.",
                    "Số hồ sơ đã giải quyết 15.269 hồ sơ, đạt 86,96%.") == []


def test_a_list_of_every_channel_is_all_of_its_whole():
    line = ("Tiếp nhận mới {n} hồ sơ (trong đó: qua Cổng Dịch vụ công 10.534 hồ sơ, trực tiếp 6.864, qua bưu điện "
            "95 hồ sơ).")
    assert findings(line.format(n="17.493")) == []
    assert findings(line.format(n="77.493")) == [("SUM_MISMATCH", "error", "77493", "17493")]
    line = ("9 tháng, toàn tỉnh tiếp nhận {n} hồ sơ, trong đó: nộp qua môi trường điện tử 1.359 hồ sơ; trực tiếp tại "
            "Trung tâm Phục vụ hành chính công 350 hồ sơ; qua bưu chính 11 hồ sơ.")
    assert findings(line.format(n="1.720")) == []
    assert findings(line.format(n="1.702")) == [("SUM_MISMATCH", "error", "1702", "1720")]
