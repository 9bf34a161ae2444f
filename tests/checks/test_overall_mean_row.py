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


# A province's PAR index by field (chiso report): points x/y, the field's percent, and a
# "CHỈ SỐ CHUNG" row whose percent is its own points over 100, not the fields' mean.
FIELDS_HEAD = ["STT", "Lĩnh vực", "Điểm số", "Chỉ số (%)"]
FIELDS = [["1", "Công tác chỉ đạo, điều hành cải cách hành chính", "6,05/9,5", "63,7"],
          ["2", "Cải cách thể chế", "7,36/10", "73,6"],
          ["3", "Cải cách thủ tục hành chính", "12,33/13", "94,8"],
          ["4", "Cải cách tổ chức bộ máy hành chính nhà nước", "9,97/10,5", "95,0"],
          ["5", "Cải cách chế độ công vụ", "14,94/15", "99,6"],
          ["6", "Cải cách tài chính công", "11,00/12", "91,7"],
          ["7", "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", "12,10/13,5", "89,6"],
          ["8", "Tác động của cải cách hành chính đến phát triển kinh tế - xã hội", "14,15/16,5", "85,8"]]


def _fields(tmp_path, overall):
    path = tmp_path / "chiso.docx"
    write_docx_tables(path, ["Kết quả Chỉ số PAR Index năm 2024"],
                      [("Kết quả Chỉ số PAR Index năm 2024", FIELDS_HEAD, FIELDS + [["", "CHỈ SỐ CHUNG"] + overall])])
    return verify_path(path)


def test_an_overall_percent_that_is_its_own_points_over_its_maximum_is_a_pooled_index(tmp_path):
    result = _fields(tmp_path, ["87,9/100", "87,9"])  # the fields' mean is 86,725
    assert [f.code for f in result.findings if f.severity != "info" and not f.code.startswith("LAYOUT")] == []


def test_an_overall_percent_that_is_the_mean_but_not_its_own_points_is_a_doubt(tmp_path):
    result = _fields(tmp_path, ["87,9/100", "86,7"])  # the fields' mean, not 87,9/100
    assert [(f.code, f.severity, f.reported) for f in result.findings if f.severity != "info"
            and not f.code.startswith("LAYOUT")] == [("RATIO_MISMATCH", "warning", "86.7")]
