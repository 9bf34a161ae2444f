"""A 766 table that takes a group marked '-' out of its unit's maximum
(reportgen.checks.dash_max), and a percent taken from a total within rounding."""
from __future__ import annotations

from decimal import Decimal as D

from reportgen.checks import CheckContext, tables
from reportgen.model import Report, ScoreRow, ScoreTable
from reportgen.numbers import parse_cell
from reportgen.schemes import load_scheme

QD766 = load_scheme("qd766-2022")  # ckmb tdgq clgq tttt mdhl mdsh, out of 100, '-' keeps the 100


def row(unit, cells, total, maximum=None, percent=None):
    scores = {ind.key: parse_cell(text).value for ind, text in zip(QD766.indicators, cells.split())}
    raw = {ind.key: text for ind, text in zip(QD766.indicators, cells.split())}
    raw["total"] = total
    if maximum is not None:
        raw["max"] = maximum
    return ScoreRow(unit=unit, scores=scores, total=parse_cell(total).value,
                    max=D(maximum) if maximum is not None else None,
                    percent=parse_cell(percent, "percent").value if percent else None, raw=raw)


def run(rule, *rows):
    table = ScoreTable(index=0, title="Bảng điểm", scheme=QD766.name, kind="scores", rows=list(rows))
    return [(f.code, f.severity, f.unit, f.column, f.reported, f.expected)
            for f in rule(Report(source="t.txt", tables=[table]), CheckContext())]


NGOAI_VU = row("Sở Ngoại vụ", "15,20 17,40 9,60 - 16,20 18,30", "76,70", "90", "85,22")
CONG_AN = row("Công an tỉnh", "14 16 - - 15 20", "65,00", "78", "83,33")
PHU_HOA = row("Xã Phú Hòa", "16 18,2 10,5 8,4 17,1 19,6", "89,80", "100", "89,80")


def test_maxima_without_the_dashed_groups_are_the_tables_reading():
    assert run(tables.max_mismatch, NGOAI_VU, CONG_AN, PHU_HOA) == []
    assert run(tables.percent_mismatch, NGOAI_VU, CONG_AN, PHU_HOA) == []


def test_a_row_off_both_readings_is_an_error_at_its_maximum():
    slip = row("Sở Ngoại vụ", "15,20 17,40 9,60 - 16,20 18,30", "76,70", "88", "85,22")
    assert run(tables.max_mismatch, slip, CONG_AN, PHU_HOA) == [
        ("MAX_MISMATCH", "error", "Sở Ngoại vụ", "max", "88", "90")]


def test_a_table_writing_100_for_dashed_rows_keeps_the_portals_maximum():
    full = row("Sở Ngoại vụ", "15,20 17,40 9,60 - 16,20 18,30", "76,70", "100", "76,70")
    full2 = row("Công an tỉnh", "14 16 - - 15 20", "65,00", "100", "65,00")
    slip = row("Sở Y tế", "14 16 12 - 15 20", "77,00", "90", "85,56")
    assert run(tables.max_mismatch, full, full2, slip) == [
        ("MAX_MISMATCH", "error", "Sở Y tế", "max", "90", "100")]


def test_percent_of_a_total_written_within_rounding_is_only_information():
    # 12,11 + 15,22 + 8,33 + 7,45 + 13,87 + 11,45 = 68,43; the office summed the
    # unrounded scores (68,424) and wrote 68,42 and 68,42 %.
    r = row("Xã Thống Nhất", "12,11 15,22 8,33 7,45 13,87 11,45", "68,42", percent="68,42")
    assert run(tables.percent_mismatch, r) == [
        ("PERCENT_MISMATCH", "info", "Xã Thống Nhất", "percent", "68.42", "68.43")]
