"""Counts by grade in the prose ("có 1 đơn vị xếp loại Xuất sắc, 3 đơn vị xếp
loại Tốt …") are held to the document's only table that grades its units,
when the sentence neither names the units nor sits under a heading that names
a table: a count that differs is a warning (the table is found by being the
only one, not by name) — an error where every other count of the passage, two
at least, is that table's, or one where the passage names each grade the table
gives and no other. Figures: a district's eight communes graded on bands
the document states (95 / 85 / 70 / 50). Written as DOCX with python-docx."""
from __future__ import annotations

import sys

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_docs import Doc, Table, write_docx  # noqa: E402

BANDS = ("Việc xếp loại như sau: đạt từ 95 điểm trở lên xếp loại Xuất sắc; từ 85 điểm đến dưới 95 điểm "
         "xếp loại Tốt; từ 70 điểm đến dưới 85 điểm xếp loại Khá; từ 50 điểm đến dưới 70 điểm xếp loại "
         "Trung bình; dưới 50 điểm xếp loại Yếu.")
COUNTS = ("Kết quả: có 1 đơn vị xếp loại Xuất sắc, 3 đơn vị xếp loại Tốt, 3 đơn vị xếp loại Khá và "
          "1 đơn vị xếp loại Trung bình.")
COMMUNES = [("UBND xã Nga Thắng", "96,20", "Xuất sắc"), ("UBND xã Nga Hải", "91,45", "Tốt"),
            ("UBND xã Nga Điền", "88,10", "Tốt"), ("UBND xã Nga Phú", "86,75", "Tốt"),
            ("UBND thị trấn Nga Sơn", "84,30", "Khá"), ("UBND xã Nga Thanh", "79,60", "Khá"),
            ("UBND xã Nga Liên", "71,25", "Khá"), ("UBND xã Nga Tân", "68,90", "Trung bình")]


def _run(tmp_path, grades, counts=COUNTS):
    rows = [[str(i), name, score, grade] for i, ((name, score, _), grade) in enumerate(zip(COMMUNES, grades), 1)]
    path = tmp_path / "tb.docx"
    write_docx(Doc(name="tb", kind="tb", paragraphs=[BANDS, counts],
                   tables=[Table([["STT", "Tên đơn vị", "Tổng điểm đạt được", "Xếp loại"]], rows, "")]), path)
    ctx = CheckContext()
    findings = run_checks(read_path(path), ctx)
    return findings, ctx


def test_counts_that_match_the_graded_table_are_checked(tmp_path):
    findings, ctx = _run(tmp_path, [c[2] for c in COMMUNES])
    assert [f for f in findings if f.code == "GRADE_COUNT_MISMATCH"] == []
    assert ctx.ledger.totals()["claims"] == (4, 4)


def test_a_regraded_unit_makes_two_counts_disagree(tmp_path):
    grades = [c[2] for c in COMMUNES]
    grades[4] = "Tốt"  # 84,30 is Khá under the bands the document states
    findings, _ = _run(tmp_path, grades)
    counts = sorted((str(f.severity), f.reported, f.expected) for f in findings if f.code == "GRADE_COUNT_MISMATCH")
    assert counts == [("warning", "3", "2"), ("warning", "3", "4")]
    [band] = [f for f in findings if f.code == "GRADE_BAND_MISMATCH"]
    assert band.unit == "UBND thị trấn Nga Sơn" and str(band.severity) == "error"


def test_a_count_written_wrong_is_named(tmp_path):
    wrong = COUNTS.replace("3 đơn vị xếp loại Tốt", "4 đơn vị xếp loại Tốt")
    findings, _ = _run(tmp_path, [c[2] for c in COMMUNES], wrong)
    counts = [(str(f.severity), f.reported, f.expected) for f in findings if f.code == "GRADE_COUNT_MISMATCH"]
    assert counts == [("error", "4", "3")]  # the three other counts are the table's: it is the table counted
    alone = "Kết quả: có 4 đơn vị xếp loại Tốt và 3 đơn vị xếp loại Khá."
    findings, _ = _run(tmp_path, [c[2] for c in COMMUNES], alone)
    counts = [(str(f.severity), f.reported, f.expected) for f in findings if f.code == "GRADE_COUNT_MISMATCH"]
    assert counts == [("warning", "4", "3")]  # one other count agreeing proves no more than the table being alone


def test_a_count_beside_one_that_agrees_is_named_where_the_passage_names_each_grade_of_the_table(tmp_path):
    # Six communes, three Tốt and three Khá: "4 Tốt và 3 Khá" breaks the table down grade by grade
    # (every grade it gives, none it lacks), so the one agreeing count proves the table counted.
    path = tmp_path / "tb6.docx"
    rows = [[str(i), name, score, grade] for i, (name, score, grade) in enumerate(COMMUNES[1:7], 1)]
    for said, severity in (("có 4 đơn vị xếp loại Tốt và 3 đơn vị xếp loại Khá", "error"),
                           ("có 4 đơn vị xếp loại Tốt và 3 đơn vị xếp loại Xuất sắc", "warning")):
        write_docx(Doc(name="tb6", kind="tb", paragraphs=[BANDS, f"Kết quả: {said}."],
                       tables=[Table([["STT", "Tên đơn vị", "Tổng điểm đạt được", "Xếp loại"]], rows, "")]), path)
        findings = run_checks(read_path(path), CheckContext())
        counts = [(str(f.severity), f.reported, f.expected) for f in findings if f.code == "GRADE_COUNT_MISMATCH"]
        assert counts[0] == (severity, "4", "3")


def test_statistics_rows_under_the_units_grade_nobody_and_leave_the_table_the_one_counted(tmp_path):
    rows = [[str(i), name, score, grade] for i, (name, score, grade) in enumerate(COMMUNES, 1)]
    rows += [["", "Điểm cao nhất", "96,20", ""], ["", "Điểm trung bình", "83,32", ""],
             ["", "Điểm thấp nhất", "68,90", ""]]
    path = tmp_path / "stats.docx"
    for said, found in ((COUNTS, []), (COUNTS.replace("3 đơn vị xếp loại Tốt", "4 đơn vị xếp loại Tốt"),
                                       [("error", "4", "3")])):
        write_docx(Doc(name="stats", kind="tb", paragraphs=[BANDS, said],
                       tables=[Table([["STT", "Tên đơn vị", "Tổng điểm đạt được", "Xếp loại"]], rows, "")]), path)
        ctx = CheckContext()
        findings = run_checks(read_path(path), ctx)
        counts = [(str(f.severity), f.reported, f.expected) for f in findings if f.code == "GRADE_COUNT_MISMATCH"]
        assert counts == found
        assert ctx.ledger.totals()["claims"][0] >= 4


def test_counts_of_a_whole_province_are_not_held_to_a_table_of_its_best_units(tmp_path):
    # 27 units counted; the only graded table lists the best three
    counts = "Kết quả: có 8 đơn vị xếp loại Xuất sắc, 12 đơn vị xếp loại Tốt và 7 đơn vị xếp loại Khá."
    path = tmp_path / "bc.docx"
    rows = [[str(i), name, score, grade] for i, (name, score, grade) in enumerate(COMMUNES[:3], 1)]
    write_docx(Doc(name="bc", kind="bc", paragraphs=[BANDS, counts],
                   tables=[Table([["STT", "Tên đơn vị", "Tổng điểm đạt được", "Xếp loại"]], rows, "")]), path)
    findings = run_checks(read_path(path), CheckContext())
    assert [f for f in findings if f.code == "GRADE_COUNT_MISMATCH"] == []


def test_a_count_of_grades_the_table_writes_unread_is_a_doubt(tmp_path):
    # "TB" with no note saying what it stands for: the table's Trung bình units are not known
    grades = [c[2] for c in COMMUNES]
    grades[7] = "TB"
    findings, _ = _run(tmp_path, grades)
    counts = [(str(f.severity), f.reported, f.expected) for f in findings if f.code == "GRADE_COUNT_MISMATCH"]
    assert counts == [("warning", "1", "0")]
