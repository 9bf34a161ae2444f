"""A commune PAR index, one figure per unit ("Chỉ số CCHC (%)") and under it one
"Chỉ số chung" filled in that column only: the mean of the units' different figures is
verified on its own (no sections to weigh), and a row that is not their mean is a
warning on that cell, never left silent."""
from __future__ import annotations

from reportgen.verify import verify_path
from tests.support import write_docx_tables

HEAD = ["TT", "Tên đơn vị", "Chỉ số CCHC (%)", "Xếp hạng"]
UNITS = [["1", "UBND phường Phước Sơn", "92,25", "1"], ["2", "UBND xã Hòa Bình", "69,38", "5"],
         ["3", "UBND xã Tân Lập", "80,16", "3"], ["4", "UBND xã Đông Hưng", "74,90", "4"],
         ["5", "UBND xã Xuân Lộc", "88,07", "2"]]


def _verify(tmp_path, overall):
    path = tmp_path / "pl.docx"
    write_docx_tables(path, ["Phụ lục II"], [("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA UBND CÁC XÃ, PHƯỜNG",
                                             HEAD, UNITS + [["", "Chỉ số chung", overall, ""]])])
    return verify_path(path)


def test_the_mean_of_the_units_is_checked(tmp_path):
    result = _verify(tmp_path, "80,95")  # (92,25 + 69,38 + 80,16 + 74,90 + 88,07) / 5 = 80,952
    assert [f.code for f in result.findings if f.code in ("PARENT_MEAN_MISMATCH", "COLUMN_UNCHECKED")] == []


def test_a_row_off_the_mean_is_a_warning_on_it(tmp_path):
    result = _verify(tmp_path, "81,55")
    assert [(f.code, f.severity, f.unit, f.reported, f.expected) for f in result.findings
            if f.code == "PARENT_MEAN_MISMATCH"] == [("PARENT_MEAN_MISMATCH", "warning", "Chỉ số chung", "81.55",
                                                      "80.95")]
