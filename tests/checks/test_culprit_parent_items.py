"""A criterion's self-assessed points slipped under a parent that stays right:
the parent's sum breaks, and either item moved by the gap makes it hold again.
Which one it is, the table cannot tell — unless a bound rules one out (a figure
above its row's maximum is no correction). In a column of points (quarter
points, each parent's sum written once) a figure written on no other row says
nothing of the slip: the error names both items, never one of them as "the
only" cell (reportgen.checks.culprits_ties.only_fit); and the parent itself
set to its items' sum, which would need its own parent and the total computed
again, is no option beside them (reportgen.checks.culprits_undecided)."""
from __future__ import annotations

from decimal import Decimal

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import write_docx_tables

HEAD = ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"]
# (number, criterion, maximum, self-assessed, appraised); a parent is the sum of its items
TREE = [
    ("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", [
        ("1.1", "Kế hoạch cải cách hành chính năm", [
            ("1.1.1", "Ban hành kế hoạch đúng thời hạn", "1,00", "1,00", "1,00"),
            ("1.1.2", "Xác định đầy đủ nhiệm vụ, sản phẩm", "1,50", "1,50", "1,25")]),
        ("1.2", "Báo cáo cải cách hành chính", "2,00", "2,00", "1,75"),
        ("1.3", "Kiểm tra cải cách hành chính", "2,00", "1,50", "1,50"),
        ("1.4", "Tuyên truyền cải cách hành chính", "1,00", "1,00", "1,00")]),
    ("2", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", [
        ("2.1", "Công bố, công khai thủ tục hành chính", "2,00", "2,00", "2,00"),
        ("2.2", "Giải quyết hồ sơ đúng hạn", "3,00", "3,00", "2,75"),
        ("2.3", "Thực hiện cơ chế một cửa, một cửa liên thông", "1,50", "1,50", "1,50"),
        ("2.4", "Tiếp nhận, xử lý phản ánh, kiến nghị", "1,00", "1,00", "1,00")]),
    ("3", "CẢI CÁCH TỔ CHỨC BỘ MÁY", [
        ("3.1", "Sắp xếp tổ chức bộ máy", [
            ("3.1.1", "Kiện toàn các cơ quan chuyên môn", "1,00", "1,00", "1,00"),
            ("3.1.2", "Thực hiện quy định về số lượng cấp phó", "1,50", "1,50", "1,50")]),
        ("3.2", "Tuyển dụng, bố trí công chức", [
            ("3.2.1", "Thực hiện quy định về tuyển dụng", "1,00", "0,50", "0,50"),
            ("3.2.2", "Bố trí theo vị trí việc làm", "2,50", "2,50", "2,25")]),
        ("3.3", "Phân cấp quản lý", "1,00", "1,00", "1,00")]),
    ("4", "CẢI CÁCH TÀI CHÍNH CÔNG", [
        ("4.1", "Giải ngân vốn đầu tư công", "2,00", "1,50", "1,50"),
        ("4.2", "Thực hiện tự chủ tài chính", "1,50", "1,50", "1,25"),
        ("4.3", "Quản lý tài sản công", "1,00", "1,00", "1,00")]),
]


def _lines(nodes, changed: dict) -> tuple[list[list[str]], list[Decimal]]:
    """The table's rows, each parent the sum of its items, with the leaves' figures ``changed``
    ((number, column) → text) first."""
    out, sums = [], [Decimal(0)] * 3
    for number, label, *rest in nodes:
        if isinstance(rest[0], list):
            inner, figures = _lines(rest[0], changed)
            out += [[number, label, *(_vi(x) for x in figures)], *inner]
        else:
            texts = [changed.get((number, k), text) for k, text in enumerate(rest)]
            out.append([number, label, *texts])
            figures = [Decimal(text.replace(",", ".")) for text in texts]
        sums = [a + b for a, b in zip(sums, figures)]
    return out, sums


def _vi(x: Decimal) -> str:
    return f"{x:.2f}".replace(".", ",")


def _errors(tmp_path, changed: dict | None = None) -> list:
    """The errors of the index with 3.2.2's self-assessed 2,50 written 2,00 (its parents as summed right)."""
    rows, total = _lines(TREE, changed or {})
    rows.append(["", "TỔNG CỘNG", *(_vi(x) for x in total)])
    next(row for row in rows if row[0] == "3.2.2")[3] = "2,00"
    path = tmp_path / "index.docx"
    write_docx_tables(path, [], [("BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026", HEAD, rows)])
    return [f for f in run_checks(read_path(path), CheckContext()) if f.severity == "error"]


HOST = ("3.2. Tuyển dụng, bố trí công chức: cột “Điểm tự đánh giá” ghi 3,00 nhưng tổng 2 mục con (3.2.1, 3.2.2) = "
        "0,50 + 2,00 = 2,50; số ghi ở mục này khớp với tổng của mục 3 cấp trên, nên số sai nhiều khả năng ở một "
        "mục con. ")
BOTH = ("Chỉ một ô sai, nhưng không rõ là ô nào: dòng “Thực hiện quy định về tuyển dụng”, cột “Điểm tự đánh giá” "
        "ghi 0,50 (nếu là 1,00 thì mọi quan hệ đều khớp) hoặc dòng “Bố trí theo vị trí việc làm”, cột “Điểm tự "
        "đánh giá” ghi 2,00 (nếu là 2,50 thì mọi quan hệ đều khớp)")


def test_either_item_of_a_parent_may_be_the_slip_though_one_figure_is_written_nowhere_else(tmp_path):
    # 0,50 + 2,00 under a parent of 3,00: 3.2.1 at 1,00 (within its maximum of 1,00, a figure the column writes
    # on many rows) or 3.2.2 at 2,50 (within its 2,50) both make it hold; 0,50 being written on no other row
    # says nothing, in a column where seven figures are written once.
    found = _errors(tmp_path)
    assert [(f.code, f.row, f.column, f.reported, f.expected) for f in found] == [
        ("PARENT_SUM_MISMATCH", 16, "k3", "3.00", "2.50")]
    assert found[0].message == HOST + BOTH
    # Unless a bound rules one out: with 3.2.1's maximum 0,50 it cannot score 1,00, and 3.2.2 is the one cell left.
    found = _errors(tmp_path, {("3.2.1", 0): "0,50"})
    assert [(f.code, f.row, f.column, f.reported, f.expected) for f in found] == [
        ("PARENT_SUM_MISMATCH", 18, "k3", "2.00", "2.50")]
    assert found[0].message == HOST + ("Chỉ một ô sai giải thích được mọi lỗi: cột “Điểm tự đánh giá” ghi 2,00; "
                                       "nếu là 2,50 thì mọi quan hệ đều khớp")


def test_a_parent_that_needs_its_own_parent_and_the_total_computed_again_is_no_option(tmp_path):
    # 3,00 is written on this parent alone once 2.2 scores 2,75: the parent set to 2,50 also answers the
    # error, but only with section 3 and the total computed again; each item answers it alone.
    found = _errors(tmp_path, {("2.2", 1): "2,75"})
    assert [(f.code, f.row, f.column, f.reported, f.expected) for f in found] == [
        ("PARENT_SUM_MISMATCH", 16, "k3", "3.00", "2.50")]
    assert found[0].message == HOST + BOTH

