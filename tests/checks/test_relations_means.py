"""An index of sub-indices: a parent item is the mean of its items, and the
"CHỈ SỐ CHUNG" row the mean of the sections, in columns of rates (SIPAS,
bc184 of Lâm Đồng, table 2: Lâm Đồng I = 82,5 over 82,3; 82,8; 82,5; 82,5;
82,4 — mean 82,50; II = 83,4 over 83,2; 83,5; 83,6; 83,2 — mean 83,375;
CHỈ SỐ CHUNG 83,0 over (82,5 + 83,4) / 2 = 82,95). The tolerance comes from
the decimals written: half a unit of the items' place plus half a unit of
the parent's (0,05 + 0,05 here). Only 4 of the 6 section parents of that
table are the plain mean of their items (Đắk Nông II = 83,1 over a mean of
82,925; Bình Thuận II = 82,4 over 82,625: a weighted index), so the parent
relation is not adopted there and no parent is an error; the three
"CHỈ SỐ CHUNG" cells are the mean of I and II in every column, so they are
checked, with I and II."""
from __future__ import annotations

import shutil

import docx

from reportgen.verify import verify_path

from support import REAL, set_cell_text

BC184 = REAL / "ld-chiso-bc184-snv.docx"


def _mutated(tmp_path, table: int, label: str, column: int, old: str, new: str):
    path = tmp_path / "bc184.docx"
    shutil.copy(BC184, path)
    document = docx.Document(str(path))
    [row] = [r for r in document.tables[table].rows if r.cells[1].text.strip().startswith(label)]
    cell = row.cells[column]
    assert cell.text.strip() == old
    set_cell_text(cell, new)
    document.save(str(path))
    return verify_path(path)



def test_the_sipas_table_checks_its_overall_row_and_doubts_the_weighted_parents():
    result = verify_path(BC184)
    assert [f for f in result.findings if f.code == "PARENT_MEAN_MISMATCH"] == []
    [table] = [t for t in result.to_json()["coverage"]["by_table"] if t["table"] == 1]
    assert "overall-row-equals-mean" in table["relations"]
    assert "parent-equals-mean-of-children" not in table["relations"]
    assert table["cells"]["checked"] == 9  # CHỈ SỐ CHUNG, I and II of the three provinces
    assert "Mục cha bằng trung bình cộng các mục con ở 4/6 chỗ: không đủ để áp dụng (có thể tính có trọng số)" \
        in table["doubts"]


def test_a_slip_in_the_overall_row_of_the_sipas_table_is_an_error_though_one_of_three_columns_breaks(tmp_path):
    # Lâm Đồng's CHỈ SỐ CHUNG 83,0% written 85,0%: the mean of I and II holds in the other two columns.
    # The row is the table's general index over its numbered sections in every column, so the relation
    # is the table's: 2 of 3 columns with the third broken is its one slip, an error.
    result = _mutated(tmp_path, 2, "CHỈ SỐ CHUNG", 2, "83,0%", "85,0%")
    [f] = [f for f in result.findings if f.severity == "error"]
    assert (f.code, f.unit, f.column, f.reported, f.expected) == (
        "PARENT_MEAN_MISMATCH", "CHỈ SỐ CHUNG", "k2", "85.0", "83.0")
    assert "(82,5 + 83,4) / 2 = 82,950 (bảng tính theo trung bình ở 2/3 chỗ)" in f.message


def test_a_slip_in_a_section_of_the_sipas_table_is_named_at_the_section(tmp_path):
    # Đắk Nông's II 83,1% written 61,2%: its CHỈ SỐ CHUNG (83,1) is no longer the mean of I and II
    # ((83,0 + 61,2) / 2 = 72,10), and II's 61,2 with rank 35 is out of order beside Bình Thuận's 82,4
    # ranked 45. I would have to be 105,0 (above 100 %); II set to 83,2 answers both, while CHỈ SỐ CHUNG
    # set to 72,1 leaves the rank out of order: the slip is II's cell.
    result = _mutated(tmp_path, 2, "Mức độ hài lòng của người dân đối với việc xây dựng", 4, "83,1%", "61,2%")
    [f] = [f for f in result.findings if f.severity == "error"]
    assert (f.code, f.row, f.column, f.reported, f.expected) == ("PARENT_MEAN_MISMATCH", 6, "k4", "61.2", "83.2")
    assert "cột “Đắk Nông Chỉ số” ghi 61,2; nếu là 83,2 thì mọi quan hệ đều khớp" in f.message
    assert "kéo theo: RANK_MISMATCH ở “Mức độ hài lòng của người dân đối với việc xây dựng, tổ chứ…”" in f.message


MEANS = """UBND TỈNH LÂM ĐỒNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc
Số: 184/BC-SNV\tLâm Đồng, ngày 10 tháng 11 năm 2025

BÁO CÁO
Kết quả Chỉ số hài lòng năm 2024

1. Chỉ số hài lòng (SIPAS)

| STT | Nội dung | Chỉ số (%) |
|---|---|---|
| I | Cung ứng dịch vụ hành chính công | 82,5 |
| 1 | Tiếp cận dịch vụ | 82,3 |
| 2 | Thủ tục hành chính | 82,8 |
| 3 | Công chức trực tiếp giải quyết công việc | 82,5 |
| 4 | Kết quả dịch vụ | 82,5 |
| 5 | Tiếp nhận, xử lý ý kiến góp ý | 82,4 |
| II | Xây dựng và tổ chức thực hiện chính sách | 83,4 |
| 1 | Trách nhiệm giải trình | 83,2 |
| 2 | Sự tham gia của người dân | 83,5 |
| 3 | Chất lượng tổ chức thực hiện chính sách | 83,6 |
| 4 | Kết quả tác động của chính sách | 83,2 |
| III | Cơ sở vật chất | 82,8 |
| 1 | Trụ sở | 82,6 |
| 2 | Trang thiết bị | 83,0 |
| IV | Dịch vụ công trực tuyến | 81,9 |
| 1 | Truy cập | 82,1 |
| 2 | Nộp hồ sơ | 81,6 |
| 3 | Nhận kết quả | 81,9 |
| | CHỈ SỐ CHUNG | 82,7 |

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
GIÁM ĐỐC
Nguyễn Văn A
"""


def test_an_index_of_plain_means_checks_every_cell(tmp_path):
    path = tmp_path / "means.txt"
    path.write_text(MEANS, encoding="utf-8")
    result = verify_path(path)
    [table] = result.to_json()["coverage"]["by_table"]
    assert "parent-equals-mean-of-children" in table["relations"]  # the overall row one level up
    assert table["cells"] == {"checked": 19, "total": 19}
    assert result.verdict == "ĐẠT"


def test_a_slip_in_an_item_of_an_index_of_means_is_an_error(tmp_path):
    path = tmp_path / "means.txt"
    path.write_text(MEANS.replace("| Sự tham gia của người dân | 83,5 |", "| Sự tham gia của người dân | 85,3 |"),
                    encoding="utf-8")
    result = verify_path(path)
    errors = [(f.code, f.unit, f.reported, f.expected) for f in result.findings if f.severity == "error"]
    assert errors == [("PARENT_MEAN_MISMATCH", "Xây dựng và tổ chức thực hiện chính sách", "83.4", "83.8")]


def test_a_slip_in_a_section_parent_is_one_error_though_two_values_would_answer(tmp_path):
    # II 83,4 written 84,6: II is no longer the mean of its items (3 of the 4 parents are: adopted), nor
    # CHỈ SỐ CHUNG the mean of I … IV. II = 83,4 or 83,3 (both within the rounding of 83,375) answers both:
    # the cell is the slip either way.
    path = tmp_path / "means.txt"
    path.write_text(MEANS.replace("| Xây dựng và tổ chức thực hiện chính sách | 83,4 |",
                                  "| Xây dựng và tổ chức thực hiện chính sách | 84,6 |"), encoding="utf-8")
    result = verify_path(path)
    [f] = [f for f in result.findings if f.severity == "error"]
    assert (f.code, f.unit, f.reported, f.expected) == (
        "PARENT_MEAN_MISMATCH", "Xây dựng và tổ chức thực hiện chính sách", "84.6", "83.4")
    assert "kéo theo" in f.message


def test_parents_that_are_means_raise_no_doubt_of_a_sum(tmp_path):
    # The same index in a column of points ("Điểm"): a parent is then tried as the sum of its items too
    # (I = 82,5 is not 82,3 + 82,8 + 82,5 + 82,5 + 82,4 = 412,5, at none of the four parents). The mean
    # explains every parent, so the table has no doubt left: its parents are checked, as means.
    path = tmp_path / "means.txt"
    path.write_text(MEANS.replace("| STT | Nội dung | Chỉ số (%) |", "| STT | Nội dung | Điểm |"), encoding="utf-8")
    result = verify_path(path)
    [table] = result.to_json()["coverage"]["by_table"]
    assert "parent-equals-mean-of-children" in table["relations"]
    assert table["doubts"] == []
    assert result.verdict == "ĐẠT"


def test_a_slip_in_the_points_of_a_papi_section_is_one_error_at_the_points(tmp_path):
    # PAPI (table 3 of the docx): Đắk Nông's "Thủ tục hành chính công" 7,06/ 10 written 5,94/ 10. Its
    # rate 70,6% is no longer points / 10, and CHỈ SỐ CHUNG's 40,53 is no longer the sum of the eight
    # sections' points (39,41) — a sum in every column of points, never their mean (4,93). The points
    # cell, set back to 7,06, answers both.
    result = _mutated(tmp_path, 3, "Thủ tục hành chính công", 5, "7,06/\n10", "5,94/10")
    [f] = [f for f in result.findings if f.severity == "error"]
    assert (f.code, f.unit, f.column, f.reported, f.expected) == (
        "RATIO_MISMATCH", "Thủ tục hành chính công", "k5", "5.94", "7.06")
    assert "kéo theo: SUM_ROW_MISMATCH ở “CHỈ SỐ CHUNG” (ghi 40,53, tính ra 39,41)" in f.message
    assert [x for x in result.findings if x.code == "PARENT_MEAN_MISMATCH"] == []
