"""The rate column of a table the document states itself (received, on time,
late, % on time): a relation kept on most rows with its decimals is adopted
even when two rows of a short table break it (the two slips are named), and a
total row that holds the mean of the units' rates is a warning, not an error.
Figures: a district's third quarter (six offices, 3.180 files, 3.064 on time);
rates computed by hand. Tables written as DOCX with python-docx."""
from __future__ import annotations

import sys
from pathlib import Path

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_docs import Doc, Table, write_docx  # noqa: E402

HEAD = ["TT", "Đơn vị", "Tiếp nhận", "Giải quyết đúng hạn", "Giải quyết quá hạn", "Tỷ lệ đúng hạn"]
# office, received, on time, on time / received × 100 (by hand)
OFFICES = [("Phòng Tư pháp", "412", "405", "98,30%"),
           ("Phòng Tài nguyên và Môi trường", "1.286", "1.190", "92,53%"),
           ("Phòng Kinh tế và Hạ tầng", "338", "331", "97,93%"),
           ("Phòng Lao động - Thương binh và Xã hội", "927", "927", "100,00%"),
           ("Phòng Văn hóa và Thông tin", "64", "61", "95,31%"),
           ("Văn phòng HĐND và UBND huyện", "153", "150", "98,04%")]
LATE = ["7", "96", "7", "0", "3", "3"]


def _rows(rates: list[str], total_rate: str) -> list[list[str]]:
    rows = [[str(i), name, got, ok, late, rate]
            for i, ((name, got, ok, _), late, rate) in enumerate(zip(OFFICES, LATE, rates), 1)]
    return rows + [["", "Cộng", "3.180", "3.064", "116", total_rate]]


def _ratio_findings(tmp_path: Path, rates: list[str], total_rate: str):
    path = tmp_path / "tthc.docx"
    write_docx(Doc(name="tthc", kind="tthc", tables=[Table([HEAD], _rows(rates, total_rate),
                                                          "KẾT QUẢ GIẢI QUYẾT TTHC QUÝ III")]), path)
    ctx = CheckContext()
    findings = [f for f in run_checks(read_path(path), ctx) if f.code == "RATIO_MISMATCH"]
    return [(f.severity, f.unit, f.reported, f.expected) for f in findings], ctx


def test_two_slipped_rates_of_seven_are_both_named(tmp_path):
    rates = [o[3] for o in OFFICES]
    rates[1], rates[4] = "94,53%", "97,31%"
    found, ctx = _ratio_findings(tmp_path, rates, "96,35%")
    assert found == [("error", "Phòng Tài nguyên và Môi trường", "94.53", "92.53"),
                     ("error", "Phòng Văn hóa và Thông tin", "97.31", "95.31")]
    checked, total = ctx.ledger.totals()["cells"]
    assert (checked, total) == (28, 28)


def test_a_total_row_holding_the_mean_of_the_rates_is_a_warning(tmp_path):
    # (98,30 + 92,53 + 97,93 + 100,00 + 95,31 + 98,04) / 6 = 97,02; 3.064 / 3.180 × 100 = 96,35
    found, _ = _ratio_findings(tmp_path, [o[3] for o in OFFICES], "97,02%")
    assert found == [("warning", "Cộng", "97.02", "96.35")]


def test_a_total_row_with_another_rate_is_an_error(tmp_path):
    found, _ = _ratio_findings(tmp_path, [o[3] for o in OFFICES], "97,65%")
    assert found == [("error", "Cộng", "97.65", "96.35")]


def test_the_right_table_gives_nothing(tmp_path):
    found, ctx = _ratio_findings(tmp_path, [o[3] for o in OFFICES], "96,35%")
    assert found == []
    checked, total = ctx.ledger.totals()["cells"]
    assert (checked, total) == (28, 28)


def test_whole_percents_matching_half_the_rows_are_no_relation(tmp_path):
    # rates without decimals: four of seven agree by chance more easily; no relation, no error
    rates = ["98%", "80%", "98%", "100%", "70%", "60%"]
    found, _ = _ratio_findings(tmp_path, rates, "96%")
    assert [f for f in found if f[0] == "error"] == []
