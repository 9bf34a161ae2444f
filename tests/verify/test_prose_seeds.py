"""The prose side of issue 2's acceptance, on the five seed documents as read
by ``reportgen.read.read_path``."""

import pytest

from reportgen.checks import run_checks
from reportgen.read import read_path

from support import SEEDS

PROSE_CODES = {"GRADE_COUNT_MISMATCH", "GRADE_LIST_MISMATCH", "SUM_MISMATCH", "FRACTION_MISMATCH",
               "EVALUATED_COUNT_MISMATCH",
               "PERCENT_MISMATCH", "DATE_INCONSISTENT", "PERIOD_MISMATCH", "SECTION_NUMBERING",
               "DATE_FORMAT", "NUMBER_FORMAT", "NOI_NHAN_FORMAT", "APPENDIX_REFERENCE"}


def prose_findings(prefix):
    report = read_path(next(SEEDS.glob(prefix + "_*.txt")))
    # prose findings point at a paragraph (an appendix title's period at its table)
    return report, [f for f in run_checks(report) if f.code in PROSE_CODES and f.row is None
                    and (f.paragraph is not None or f.code == "PERIOD_MISMATCH")]


def summary(findings):
    return sorted((f.code, f.severity, f.reported, f.expected) for f in findings)


def test_seed_000_period_mismatch_and_counts_that_agree():
    report, fs = prose_findings("000")
    assert summary(fs) == [("PERIOD_MISMATCH", "warning", "2024-11", "2024")]
    grades = [(s.count, s.grade, len(s.units)) for s in report.statements if s.kind == "grade_count"]
    assert grades == [(6, "Xuất sắc", 6), (9, "Tốt", 9), (2, "Khá", 2), (2, "Xuất sắc", 2), (6, "Tốt", 6), (2, "Khá", 2)]


def test_seed_000_prose_lists_find_their_table_rows():
    report, _ = prose_findings("000")
    from reportgen.text.names import find_unit
    units = [r.unit for t in report.tables for r in t.rows]
    listed = [u for s in report.statements if s.kind == "grade_count" for u in s.units]
    assert len(listed) == 27 and all(find_unit(u, units) for u in listed)


def test_seed_001_as_of_date_after_the_notice():
    _, fs = prose_findings("001")
    assert summary(fs) == [("DATE_INCONSISTENT", "error", "2025-04-30", "≤ 2024-05-31")]


def test_seed_002_repeated_section_and_lists_that_agree():
    report, fs = prose_findings("002")
    assert summary(fs) == [("SECTION_NUMBERING", "warning", "2", "3")]
    evaluated = [(s.count, s.denominator) for s in report.statements if s.kind == "evaluated_count"]
    assert [c for c, _ in evaluated] == [5, 21]


def test_seed_003_sums_share_numbering_and_formats():
    _, fs = prose_findings("003")
    got = summary(fs)
    assert ("SUM_MISMATCH", "error", "13597", "13577") in got
    assert ("SUM_MISMATCH", "error", "7123", "7107") in got
    assert ("SUM_MISMATCH", "error", "235", "204") in got
    assert ("PERCENT_MISMATCH", "error", "1.72", "1.60") in got
    assert ("SECTION_NUMBERING", "warning", "VI", "IV") in got
    assert ("NOI_NHAN_FORMAT", "warning", "- Lưu: TTPVHCC.", "- Lưu: VT, …") in got
    assert ("DATE_FORMAT", "warning", "ngày 22 tháng 03 năm 2023", "ngày 22 tháng 3 năm 2023") in got
    formats = [f.reported for f in fs if f.code == "NUMBER_FORMAT"]
    assert "91.86%" in formats and "16.97" in formats
    assert len([f for f in fs if f.severity == "error"]) == 4


def test_seed_004_has_no_prose_finding():
    _, fs = prose_findings("004")
    assert summary(fs) == []


@pytest.mark.parametrize("prefix", ["000", "002", "004"])
def test_no_prose_error_where_the_seed_has_none(prefix):
    _, fs = prose_findings(prefix)
    assert [f for f in fs if f.severity == "error"] == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_messages_are_vietnamese_nfc(prefix):
    import unicodedata
    _, fs = prose_findings(prefix)
    assert all(unicodedata.is_normalized("NFC", f.message) for f in fs)
