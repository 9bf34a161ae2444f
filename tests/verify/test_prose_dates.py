"""Dates a clerk checks: the end of the period a report's figures cover after
the report's own date (seed 003: "quý 1 năm 2023 (thời điểm từ 15/12/2022 đến
hết 14/03/2023)", signed 22/03/2023), and an impossible d/m/y under a label
headed "Ngày" (seed 001: "(Ngày xuất dữ liệu 31/5/2024)")."""
from __future__ import annotations

import itertools

import pytest

from reportgen.model import Paragraph
from reportgen.read import report_of_paragraphs
from reportgen.verify import verify_path, verify_report

from support import SEEDS

HEAD = ["UBND TỈNH SƠN LA", "Số: 12/BC-VPUB", "Sơn La, ngày 22 tháng 03 năm 2023", "BÁO CÁO",
        "Đánh giá việc giải quyết thủ tục hành chính quý 1 năm 2023"]


def _verify(*body: str):
    paras = [Paragraph(t, i) for i, t in enumerate([*HEAD, *body])]
    return verify_report(report_of_paragraphs(paras, source="x"))


def _dates(result, code: str):
    return [(f.severity, f.reported) for f in result.findings if f.code == code]


SEED_003 = ("Văn phòng UBND tỉnh báo cáo kết quả đánh giá việc giải quyết thủ tục hành chính quý 1 năm 2023 "
            "(thời điểm từ 15/12/2022 đến hết {d}) như sau:")


def test_the_seed_period_agrees_and_a_period_ending_after_the_report_is_an_error():
    assert _dates(_verify(SEED_003.format(d="14/03/2023")), "DATE_INCONSISTENT") == []
    assert _dates(_verify(SEED_003.format(d="14/03/2024")), "DATE_INCONSISTENT") == [("error", "2024-03-14")]


@pytest.mark.parametrize("lead, end", itertools.product(
    ["thời điểm từ 15/12/2022 đến hết", "số liệu từ ngày 15/12/2022 đến ngày", "kỳ báo cáo: từ 15/12/2022 đến",
     "thời gian lấy số liệu từ 15/12/2022 đến hết ngày", "tính từ ngày 15 tháng 12 năm 2022 đến ngày"],
    ["14/03/2023", "14/3/2024", "20/04/2023"]))
def test_generated_data_periods(lead, end):
    text = f"Kết quả giải quyết hồ sơ ({lead} {end}) như sau:"
    expected = [] if end == "14/03/2023" else [("error", end)]
    found = [(s, r) for s, r in _dates(_verify(text), "DATE_INCONSISTENT")]
    day, month, year = end.split("/")
    assert found == [(s, f"{year}-{int(month):02d}-{int(day):02d}") for s, _ in expected], text


def test_a_plan_up_to_a_later_date_is_no_error():
    # The end of a range that is no data period (a plan, a time frame) is at most a doubt.
    found = _dates(_verify("Tiếp tục triển khai kế hoạch từ 01/01/2023 đến 31/12/2025."), "DATE_INCONSISTENT")
    assert [s for s, _ in found if s == "error"] == []


@pytest.mark.parametrize("label", ["Ngày xuất dữ liệu", "Ngày ký", "ngày cập nhật số liệu:", "Thời điểm"])
def test_an_impossible_date_under_a_date_label_is_an_error(label):
    assert _dates(_verify(f"({label} 31/5/2023)"), "DATE_INVALID") == []
    assert _dates(_verify(f"({label} 31/13/2023)"), "DATE_INVALID") == [("error", "31/13/2023")]
    assert _dates(_verify(f"({label} 31/6/2023)"), "DATE_INVALID") == [("error", "31/6/2023")]


def test_the_seeds_dates_give_no_new_error():
    # Seed 001 has its own as-of date after the issue date (a real slip); nothing else.
    for seed, codes in (("001_*.txt", ("DATE_INVALID",)), ("003_*.txt", ("DATE_INVALID", "DATE_INCONSISTENT"))):
        path = next(SEEDS.glob(seed))
        assert [f for f in verify_path(path).findings if f.code in codes and f.severity == "error"] == []


# --- a figure restated with no date, in a document with one as-of date ------------------

BC184_AS_OF = ("Đối với lĩnh vực cải cách tài chính công: Tính đến ngày 05/11/2025, tỷ lệ giải ngân kế hoạch đầu tư "
               "vốn ngân sách nhà nước đạt 29,2% so với kế hoạch năm 2025 (trường hợp dưới 70% thì tiêu chí này đạt "
               "0 điểm).")
BC184_AGAIN = ("đ) Tỷ lệ giải ngân kế hoạch đầu tư vốn ngân sách nhà nước hiện chỉ đạt {p} so với kế hoạch năm 2025 "
               "(trường hợp dưới 70% thì tiêu chí này đạt 0 điểm).")


def _restated(result):
    return [(f.severity, f.reported, f.expected) for f in result.findings if f.rule == "figure-restated"]


def test_a_figure_restated_without_a_date_is_of_the_documents_one_as_of_date():
    assert _restated(_verify(BC184_AS_OF, BC184_AGAIN.format(p="29,2%"))) == []
    assert _restated(_verify(BC184_AS_OF, BC184_AGAIN.format(p="36,6%"))) == [("error", "36.6", "29.2")]


@pytest.mark.parametrize("other", [
    "Cùng kỳ năm trước, tỷ lệ giải ngân kế hoạch đầu tư vốn ngân sách nhà nước đạt 36,6%.",
    "Tỷ lệ giải ngân kế hoạch đầu tư vốn ngân sách nhà nước dự kiến đạt 36,6% vào cuối năm.",
    "Tỷ lệ giải ngân kế hoạch đầu tư vốn ngân sách nhà nước đạt 36,6%, tăng 7,4% so với cùng kỳ.",
])
def test_a_figure_of_another_period_is_at_most_a_doubt(other):
    assert [s for s, _, _ in _restated(_verify(BC184_AS_OF, other)) if s == "error"] == []


def test_two_as_of_dates_leave_a_figure_without_one_in_doubt():
    second = "Tính đến ngày 30/9/2025, tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt 70%."
    assert [s for s, _, _ in _restated(_verify(BC184_AS_OF, second, BC184_AGAIN.format(p="36,6%")))] == ["warning"]
