"""A satisfaction survey whose table writes its own rate ("Tỷ lệ hài lòng
(%)" on every row and on the "Tổng cộng" row) and whose prose restates it,
spelling out its parts in brackets ("Tỷ lệ hài lòng (gồm rất hài lòng và
hài lòng) đạt 92,98%"): the prose is held to the rate the table writes, not
to a quotient of the one column whose name the rate repeats. So is a dossier
report's on-time rate, said with its stage or without "trước hạn" (QĐ 766:
on time counts early too). Figures: a province's survey of its departments,
2025; two departments' dossiers."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import write_docx_tables

HEAD = ["STT", "Đơn vị", "Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Tổng số phiếu",
        "Tỷ lệ hài lòng (%)"]
ROWS = [["1", "Sở Tư pháp", "200", "204", "14", "5", "423", "95,51"],
        ["2", "Sở Tài chính", "115", "135", "9", "2", "261", "95,79"],
        ["3", "Sở Y tế", "300", "380", "60", "20", "760", "89,47"],
        ["", "Tổng cộng", "615", "719", "83", "27", "1.444", "92,38"]]
PROSE = ("Tổng số phiếu khảo sát thu về: 1.444 phiếu; trong đó rất hài lòng 615 phiếu, hài lòng 719 phiếu, bình "
         "thường 83 phiếu, không hài lòng 27 phiếu. Tỷ lệ hài lòng (gồm rất hài lòng và hài lòng) đạt {p}.")


def _findings(tmp_path, rate):
    path = tmp_path / "ks.docx"
    write_docx_tables(path, ["1. Kết quả khảo sát", PROSE.format(p=rate)], [("", HEAD, ROWS)])
    return [(f.code, f.severity.value, f.reported) for f in run_checks(read_path(path), CheckContext())
            if f.severity.value != "info" and not f.code.startswith("LAYOUT")]


def test_the_prose_rate_is_held_to_the_rate_the_table_writes(tmp_path):
    assert _findings(tmp_path, "92,38%") == []
    assert _findings(tmp_path, "90,38%") == [("PERCENT_MISMATCH", "error", "90.38")]


DOSSIER_HEAD = ["STT", "Đơn vị", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tỷ lệ trước hạn, đúng hạn (%)"]
DOSSIER_ROWS = [["1", "Sở Tư pháp", "2.225", "1.452", "762", "11", "99,51"],
                ["2", "Sở Xây dựng", "1.459", "1.257", "137", "65", "95,54"],
                ["", "Tổng cộng", "3.684", "2.709", "899", "76", "97,94"]]


def _dossier_findings(tmp_path, sentence):
    path = tmp_path / "bc.docx"
    write_docx_tables(path, ["1. Kết quả giải quyết", sentence], [("", DOSSIER_HEAD, DOSSIER_ROWS)])
    return [(f.code, f.severity.value, f.reported) for f in run_checks(read_path(path), CheckContext())
            if f.severity.value != "info" and not f.code.startswith("LAYOUT")]


def test_an_on_time_rate_said_with_its_stage_or_without_early_is_the_tables(tmp_path):
    # "đúng hạn" counts the dossiers solved early too (QĐ 766); "giải quyết" is the header's stage
    for said in ("tỷ lệ hồ sơ giải quyết đúng hạn đạt {}", "tỷ lệ giải quyết trước hạn và đúng hạn đạt {}"):
        assert _dossier_findings(tmp_path, "Đã giải quyết 3.684 hồ sơ, " + said.format("97,94%.")) == []
        assert _dossier_findings(tmp_path, "Đã giải quyết 3.684 hồ sơ, " + said.format("98,94%.")) == [
            ("PERCENT_MISMATCH", "error", "98.94")]


def test_a_cell_with_fewer_places_holds_the_prose_rate_rounded(tmp_path):
    rows = [list(r) for r in DOSSIER_ROWS]
    rows[-1][6] = "97,9"  # 97,94 written with one decimal
    path = tmp_path / "bc.docx"
    write_docx_tables(path, ["1. Kết quả giải quyết", "Tỷ lệ giải quyết trước hạn và đúng hạn đạt 97,94%."],
                      [("", DOSSIER_HEAD, rows)])
    assert [f.code for f in run_checks(read_path(path), CheckContext()) if f.code == "PERCENT_MISMATCH"] == []
