"""A statistics form cut into one table per section (bc329, Lâm Đồng 2025:
"STT | Chỉ tiêu | Đơn vị tính | Số liệu" seven times) has too few numbered
parents in each table to show that a parent is the sum of its items; the
document's tables of the same form decide together: 4 of 5 parents add up
(4.1. Tổng số nhiệm vụ 123 = 123 + 0 + 0; 1. Tổng số VBQPPL 249 = 174 + 75;
1.5. Tổng số ĐVSNCL 1.747 = 14 + 266 + 1.467; 2.4. 123 = 36 + 58 + 29; and
1.4. Tổng số TTHC 2.372 = 1.946 + 426, its third item "ngành dọc 420" being a
"trong đó"), so a parent that does not is an error. "4. Số lượng … bị kỷ luật
0 = 0 + 0 + 0 + 0" says nothing either way and does not vote. A parent that
counts something else than its items ("5. Khảo sát: Có = 1" over "Số lượng
phiếu 25.898"; "2. Thực hiện tự chủ tài chính 1.647", no unit, over items in
"Đơn vị") is no sum."""
from __future__ import annotations

import shutil

import docx
import pytest

from reportgen.verify import verify_path

from support import REAL, set_cell_text

BC329 = REAL / "ld-cchc2025-bc329-phuluc.docx"


def _mutated(tmp_path, table: int, no: str, old: str, new: str):
    path = tmp_path / "bc329.docx"
    shutil.copy(BC329, path)
    document = docx.Document(str(path))
    [row] = [r for r in document.tables[table].rows if r.cells[0].text.strip() == no]
    [cell] = [c for c in row.cells[1:] if c.text.strip() == old]
    set_cell_text(cell, new)
    document.save(str(path))
    return verify_path(path)


def test_the_unchanged_form_has_no_parent_sum_finding():
    result = verify_path(BC329)
    assert [f for f in result.findings if f.code == "PARENT_SUM_MISMATCH"] == []
    # the real slip stays the only error: 124 in a "%" row
    assert [(f.code, f.reported) for f in result.findings if f.severity == "error"] == [("PERCENT_OVER_100", "124")]


@pytest.mark.parametrize("table, no, old, new, parent, written, computed, pool", [
    (1, "1.", "249", "259", "1. Tổng số VBQPPL do địa phương ban hành", "259", "174 + 75 = 249", "4/5"),
    (1, "1.1.", "174", "184", "1. Tổng số VBQPPL do địa phương ban hành", "249", "184 + 75 = 259", "4/5"),
    (2, "1.4.", "2.372", "2.382", "1.4. Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương", "2.382",
     "1.946 + 426 + 420 = 2.792", "4/5"),
    (2, "1.4.2.", "426", "436", "1.4. Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương", "2.372",
     "1.946 + 436 + 420 = 2.802", "4/5"),
    (4, "1.5.2.", "266", "276", "1.5. Tổng số đơn vị sự nghiệp công lập (ĐVSNCL) tại địa phương", "1.747",
     "14 + 276 + 1.467 = 1.757", "4/5"),
    (6, "2.4.2.", "58", "68", "2.4. Số ĐVSN tự bảo đảm một phần chi thường xuyên", "123", "36 + 68 + 29 = 133", "4/5"),
    (0, "4.1.2.", "0", "3", "4.1. Tổng số nhiệm vụ được giao", "123", "123 + 3 + 0 = 126", "4/5"),
    (5, "4.2.", "0", "2", "4. Số lượng cán bộ, công chức, viên chức bị kỷ luật", "0", "0 + 2 + 0 + 0 = 2", "5/6"),
])
def test_a_changed_count_of_the_form_is_an_error_at_its_parent(tmp_path, table, no, old, new, parent, written,
                                                               computed, pool):
    result = _mutated(tmp_path, table, no, old, new)
    [f] = [f for f in result.findings if f.code == "PARENT_SUM_MISMATCH"]
    assert f.severity == "error"
    assert f.message.startswith(parent)
    assert f"cột “Kết quả thống kê Số liệu” ghi {written} nhưng" in f.message
    assert computed in f.message
    # (0 = 0 + 0 + 0 + 0 votes once it is no longer all zeros)
    assert f"ở {pool} chỗ trong các bảng cùng mẫu của văn bản" in f.message


def test_an_item_outside_the_sum_changed_is_no_parent_error(tmp_path):
    # "ngành dọc" is a "trong đó" of 1.4 (1.946 + 426 = 2.372): changing it breaks no sum.
    result = _mutated(tmp_path, 2, "1.4.3", "420", "430")
    assert [f for f in result.findings if f.code == "PARENT_SUM_MISMATCH"] == []
    # nor does a parent of another scope (1.647 = cấp tỉnh 271 + cấp xã 1.376, its note says)
    result = _mutated(tmp_path, 6, "2.", "1.647", "1.657")
    assert [f for f in result.findings if f.code == "PARENT_SUM_MISMATCH"] == []


FORM = """UBND TỈNH A\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

BÁO CÁO
Thống kê cải cách hành chính năm 2025

Cải cách thể chế

| STT | Chỉ tiêu | Đơn vị tính | Số liệu |
|---|---|---|---|
| 1. | Tổng số VBQPPL do địa phương ban hành | Văn bản | {vb} |
| 1.1. | Số VBQPPL do cấp tỉnh ban hành | Văn bản | 174 |
| 1.2. | Số VBQPPL do cấp xã ban hành | Văn bản | 75 |

Cải cách tổ chức bộ máy

| STT | Chỉ tiêu | Đơn vị tính | Số liệu |
|---|---|---|---|
| 1. | Tổng số đơn vị sự nghiệp công lập | Đơn vị | 1.747 |
| 1.1. | Số đơn vị thuộc UBND tỉnh | Đơn vị | 14 |
| 1.2. | Số đơn vị thuộc sở, ngành | Đơn vị | 266 |
| 1.3. | Số đơn vị thuộc UBND cấp xã | Đơn vị | 1.467 |
| 2. | Khảo sát sự hài lòng | Có = 1; Không = 0 | 1 |
| 2.1. | Số lượng phiếu khảo sát | Phiếu | 25.898 |
| 2.2. | Số phiếu hợp lệ | Phiếu | 25.000 |

Cải cách tài chính công

| STT | Chỉ tiêu | Đơn vị tính | Số liệu |
|---|---|---|---|
| 1. | Số ĐVSN tự bảo đảm một phần chi thường xuyên | Đơn vị | 123 |
| 1.1. | Từ 70% đến dưới 100% | Đơn vị | 36 |
| 1.2. | Từ 30% đến dưới 70% | Đơn vị | 58 |
| 1.3. | Từ 10% đến dưới 30% | Đơn vị | 29 |

Thực hiện nhiệm vụ Chính phủ giao

| STT | Chỉ tiêu | Đơn vị tính | Số liệu |
|---|---|---|---|
| 1. | Tổng số nhiệm vụ được giao | Nhiệm vụ | 123 |
| 1.1. | Số nhiệm vụ đã hoàn thành đúng hạn | Nhiệm vụ | 120 |
| 1.2. | Số nhiệm vụ đã hoàn thành nhưng quá hạn | Nhiệm vụ | 3 |
"""


def test_tables_of_one_form_decide_together(tmp_path):
    # Four sections, one parent each: 3 of 4 add up (the survey's "Có = 1" is no sum of its
    # ballots), so the fourth is an error; one table alone could not tell.
    path = tmp_path / "form.txt"
    path.write_text(FORM.format(vb="249"), encoding="utf-8")
    result = verify_path(path)
    assert [f for f in result.findings if f.code == "PARENT_SUM_MISMATCH"] == []
    path.write_text(FORM.format(vb="259"), encoding="utf-8")
    [f] = [f for f in verify_path(path).findings if f.code == "PARENT_SUM_MISMATCH"]
    assert (f.severity, f.reported, f.expected) == ("error", "259", "249")
    # the parent or either item may be the slip: each is named with the figure that makes the sum hold
    assert f.message.endswith("174 + 75 = 249 (mục cha bằng tổng các mục con ở 3/4 chỗ trong các bảng cùng mẫu "
                              "của văn bản). Chỉ một ô sai, nhưng không rõ là ô nào: dòng “Tổng số VBQPPL do địa "
                              "phương ban hành”, cột “Số liệu” ghi 259 (nếu là 249 thì mọi quan hệ đều khớp) hoặc "
                              "dòng “Số VBQPPL do cấp tỉnh ban hành”, cột “Số liệu” ghi 174 (nếu là 184 thì mọi quan "
                              "hệ đều khớp) hoặc dòng “Số VBQPPL do cấp xã ban hành”, cột “Số liệu” ghi 75 (nếu là 85 "
                              "thì mọi quan hệ đều khớp)")
