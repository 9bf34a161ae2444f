"""Layouts the generated corpus exposed (benchmarks/corpus_verify.py): groups
written as rows (a cluster's subtotal row, then its members; the groups
lettered A / B, roman, or not numbered at all) and tables with the units as
columns. Tables written as DOCX with python-docx; figures computed by hand."""
from __future__ import annotations

import sys
from pathlib import Path

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_docs import Doc, Table, write_docx  # noqa: E402

HEAD = ["STT", "Đơn vị", "Tổng số hồ sơ", "Số hồ sơ đúng hạn", "Tỷ lệ đúng hạn (%)"]


def _check(tmp_path: Path, header: list[str], rows: list[list[str]], name: str):
    path = tmp_path / f"{name}.docx"
    write_docx(Doc(name=name, kind=name, tables=[Table([header], rows, "KẾT QUẢ GIẢI QUYẾT HỒ SƠ")]), path)
    ctx = CheckContext()
    findings = run_checks(read_path(path), ctx)
    errors = [(f.code, f.unit, f.column, f.reported, f.expected) for f in findings if f.severity == "error"]
    return errors, ctx


def _groups(first: str, second: str, total_ok: str = "1.380") -> list[list[str]]:
    # Cụm Bắc: 400 + 600 = 1.000 (950 = 380 + 570); Cụm Nam: 300 + 200 + 100 = 600 (560 = 290 + 180 + 90).
    return [[first, "Cụm Bắc", "1.000", "950", "95,00"],
            ["1", "UBND xã Tân Phú", "400", "380", "95,00"],
            ["2", "UBND xã Hòa An", "600", "570", "95,00"],
            [second, "Cụm Nam", "600", "560", "93,33"],
            ["1", "UBND xã Đức Lập", "300", "290", "96,67"],
            ["2", "UBND phường Mỹ Long", "200", "180", "90,00"],
            ["3", "UBND xã Trung Bình Đức", "100", "90", "90,00"],  # a name, no mean row
            ["", "Tổng cộng", "1.600", total_ok if total_ok else "1.510", "94,38"]]


def test_groups_lettered_a_b_are_headings_and_the_total_row_adds_the_groups(tmp_path):
    errors, ctx = _check(tmp_path, HEAD, _groups("A", "B", "1.510"), "letters")
    assert errors == []
    assert {"total-row-equals-sum", "percent-equals-part-over-whole"} <= ctx.ledger.tables[0].relations
    # 1.510 = 950 + 560; a total of 1.380 is named on the total row with the sum of the two groups.
    errors, _ = _check(tmp_path, HEAD, _groups("A", "B", "1.380"), "letters_slip")
    assert ("SUM_ROW_MISMATCH", "Tổng cộng", "k3", "1380", "1510") in errors


def test_unnumbered_group_rows_whose_figures_are_their_members_sum_head_their_groups(tmp_path):
    rows = _groups("", "", "1.510")
    errors, ctx = _check(tmp_path, HEAD, rows, "unnumbered")
    assert errors == []
    assert "parent-equals-sum-of-children" in ctx.ledger.tables[0].relations
    rows[3][2] = "660"  # Cụm Nam's subtotal: 300 + 200 + 100 = 600
    errors, _ = _check(tmp_path, HEAD, rows, "unnumbered_slip")
    assert ("PARENT_SUM_MISMATCH", "Cụm Nam", "k2", "660", "600") in errors


UNITS = ["Chỉ tiêu", "UBND xã Tân Phú", "UBND xã Hòa An", "UBND xã Đức Lập", "UBND phường Mỹ Long", "Toàn tỉnh"]


def _turned(rate_of_hoa_an: str = "95,00", all_total: str = "1.700") -> list[list[str]]:
    return [["Tổng số hồ sơ", "400", "600", "300", "400", all_total],
            ["Số hồ sơ đúng hạn", "380", "570", "290", "360", "1.600"],
            ["Tỷ lệ đúng hạn (%)", "95,00", rate_of_hoa_an, "96,67", "90,00", "94,12"]]


def test_a_table_with_the_units_as_columns_is_turned_round_and_checked(tmp_path):
    errors, ctx = _check(tmp_path, UNITS, _turned(), "turned")
    assert errors == []
    entry = ctx.ledger.tables[0]
    assert {"percent-equals-part-over-whole", "total-row-equals-sum"} <= entry.relations
    assert len(entry.checked_cells & entry.numeric_cells) == len(entry.numeric_cells) == 15


def test_a_rate_of_a_unit_column_is_named_by_the_unit_and_the_table_cell(tmp_path):
    # 570 / 600 × 100 = 95,00, written 85,00.
    errors, _ = _check(tmp_path, UNITS, _turned(rate_of_hoa_an="85,00"), "turned_rate")
    assert errors == [("RATIO_MISMATCH", "UBND xã Hòa An", "k2", "85.00", "95.00")]


def test_the_all_province_column_is_the_sum_of_the_units(tmp_path):
    errors, _ = _check(tmp_path, UNITS, _turned(all_total="1.900"), "turned_total")
    assert ("SUM_ROW_MISMATCH", "Toàn tỉnh", "k5", "1900", "1700") in errors


def test_six_columns_of_unit_names_are_not_the_six_groups_of_a_scheme(tmp_path):
    header = ["Chỉ tiêu"] + [f"UBND xã {n}" for n in ("Tân Phú", "Hòa An", "Đức Lập", "Mỹ Long", "Cát Tiên",
                                                      "Gia Hưng")]
    rows = [["Số hồ sơ đã giải quyết", "646", "96", "4.185", "7.514", "1.812", "8.988"],
            ["Số hồ sơ đúng hạn", "564", "76", "3.787", "6.886", "1.753", "8.368"],
            ["Số hồ sơ quá hạn", "82", "20", "398", "628", "59", "620"]]
    errors, _ = _check(tmp_path, header, rows, "six")
    assert errors == []
    report = read_path(tmp_path / "six.docx")
    assert report.tables[0].scheme is None
