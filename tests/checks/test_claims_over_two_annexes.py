"""A report of the whole province whose annexes repeat its columns: Phụ lục I
by level (Cấp tỉnh, Cấp xã, Tổng cộng), Phụ lục II the units of one level
with their own "Tổng cộng". A claim of the whole that names no unit nor level
is of Phụ lục I, whose total row holds the figures the prose has just stated
(checks.prose_rates) and whose total is the largest (checks.prose_share_totals):
before, each claim found two total rows, paired with neither, and the report
came out CHƯA KIỂM TRA HẾT whatever its prose said."""
from __future__ import annotations

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

RATE_COLUMN = " | Tỷ lệ đúng hạn (%)"
HEAD = ("TT | Cấp/Đơn vị | Tổng số | Kỳ trước chuyển sang | Mới tiếp nhận | Đã giải quyết: Tổng | Trước hạn | "
        "Đúng hạn | Quá hạn | Đang giải quyết: Tổng | Trong hạn | Quá hạn")
LEVELS = [
    ("1 | Cấp tỉnh | 5.225 | 296 | 4.929 | 5.090 | 3.100 | 1.979 | 11 | 135 | 122 | 13", "99,78"),
    ("2 | Cấp xã | 7.893 | 322 | 7.571 | 7.621 | 4.849 | 2.736 | 36 | 272 | 256 | 16", "{xa}"),
    (" | Tổng cộng | 13.118 | 618 | 12.500 | 12.711 | 7.949 | 4.715 | 47 | 407 | 378 | 29", "99,63"),
]
UNITS = [
    ("1 | Sở Tư pháp | 2.029 | 100 | 1.929 | 1.980 | 1.200 | 776 | 4 | 49 | 45 | 4", "99,80"),
    ("2 | Sở Xây dựng | 3.196 | 196 | 3.000 | 3.110 | 1.900 | 1.203 | 7 | 86 | 77 | 9", "99,77"),
    (" | Tổng cộng | 5.225 | 296 | 4.929 | 5.090 | 3.100 | 1.979 | 11 | 135 | 122 | 13", "99,78"),
]

REPORT = """ỦY BAN NHÂN DÂN TỈNH HÀ GIANG

BÁO CÁO
Kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính tháng 9 năm 2026

I. KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ
1. Tình hình chung
Tổng số hồ sơ phải giải quyết trong kỳ trên địa bàn toàn tỉnh: 13.118 hồ sơ (kỳ trước chuyển sang 618 hồ sơ; mới \
tiếp nhận 12.500 hồ sơ). Đã giải quyết 12.711 hồ sơ (trước hạn 7.949 hồ sơ, đúng hạn 4.715 hồ sơ, quá hạn 47 hồ \
sơ); đang giải quyết 407 hồ sơ (trong hạn 378 hồ sơ, quá hạn 29 hồ sơ).
Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn trên tổng số hồ sơ đã giải quyết đạt {rate}%.
2. Dịch vụ công trực tuyến
Số hồ sơ tiếp nhận trực tuyến: 3.750 hồ sơ, chiếm {share}% tổng số hồ sơ mới tiếp nhận; tiếp nhận trực tiếp 8.750 hồ sơ.

Phụ lục I
KẾT QUẢ GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH THEO CẤP
{levels}

Phụ lục II
KẾT QUẢ GIẢI QUYẾT HỒ SƠ CẤP TỈNH THEO ĐƠN VỊ
{units}
"""


def _table(rows, rate_column: bool) -> str:
    return "\n".join([HEAD + (RATE_COLUMN if rate_column else "")]
                     + [cells + (f" | {rate}" if rate_column else "") for cells, rate in rows])


def _verify(tmp_path, rate="99,63", share="30,00", xa="99,53", rate_column=True, new_stated=True):
    text = REPORT.format(rate=rate, share=share, levels=_table(LEVELS, rate_column).replace("{xa}", xa),
                         units=_table(UNITS, rate_column))
    if not new_stated:  # the prose states no count of new dossiers: the share's whole is a table's
        text = text.replace(" (kỳ trước chuyển sang 618 hồ sơ; mới tiếp nhận 12.500 hồ sơ)", "")
    path = tmp_path / "bc.txt"
    path.write_text(text, encoding="utf-8")
    report = read_path(path)
    ctx = CheckContext()
    return report, ctx, run_checks(report, ctx=ctx)


def _codes(findings, *codes):
    return [f for f in findings if f.code in codes]


@pytest.mark.parametrize("rate_column", [True, False])
def test_the_clean_report_checks_both_claims(tmp_path, rate_column):
    _, ctx, findings = _verify(tmp_path, rate_column=rate_column)
    assert _codes(findings, "PERCENT_MISMATCH", "RATIO_MISMATCH", "CLAIM_UNCHECKED", "TABLE_UNCHECKED",
                  "COLUMN_UNCHECKED") == []
    assert ctx.ledger.unchecked_claims() == []


def test_a_rate_the_levels_annex_writes_is_held_to_its_total_row(tmp_path):
    _, _, findings = _verify(tmp_path, rate="99,36")
    wrong = _codes(findings, "PERCENT_MISMATCH")
    assert [(f.severity, f.table, f.row) for f in wrong] == [("error", 0, 2)]
    assert "ghi 99,63%" in wrong[0].message


def test_a_rate_of_named_columns_is_computed_on_the_levels_annex(tmp_path):
    _, _, findings = _verify(tmp_path, rate="99,36", rate_column=False)
    wrong = _codes(findings, "PERCENT_MISMATCH")
    assert [(f.severity, f.table, f.row) for f in wrong] == [("error", 0, 2)]
    # "Trong hạn" (its "trong" says nothing) is no part of "trước hạn, đúng hạn"
    assert "(Trước hạn 7.949 + Đúng hạn 4.715) / Đã giải quyết: Tổng 12.711 = 99,63%" in wrong[0].message


def test_a_share_of_a_named_total_is_of_the_count_the_prose_states(tmp_path):
    _, _, findings = _verify(tmp_path, share="31,00")
    assert [(f.code, f.severity, f.message) for f in findings if f.code == "PERCENT_MISMATCH"] == [
        ("PERCENT_MISMATCH", "error", "3.750 trên 12.500 là 30,00%, không phải 31,00%")]


def test_a_share_of_a_named_total_takes_the_largest_of_the_annexes_totals(tmp_path):
    _, _, findings = _verify(tmp_path, share="31,00", new_stated=False)
    wrong = _codes(findings, "PERCENT_MISMATCH")
    assert [(f.severity, f.table) for f in wrong] == [("error", 0)]
    assert wrong[0].message == ("3.750 trên tổng số hồ sơ mới tiếp nhận 12.500 (dòng “Tổng cộng” của cột “Mới tiếp "
                                "nhận”, bảng 1) là 30,00%, không phải 31,00%")


def test_a_levels_rate_the_header_states_is_checked_on_three_rows(tmp_path):
    _, _, findings = _verify(tmp_path, xa="98,53")
    wrong = _codes(findings, "RATIO_MISMATCH")
    assert [(f.severity, f.table, f.row) for f in wrong] == [("error", 0, 1)]
    assert "ghi 98,53%" in wrong[0].message and "= 99,53%" in wrong[0].message
