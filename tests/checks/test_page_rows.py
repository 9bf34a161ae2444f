"""A long table's page rows (checks/relations_pages.py): "Cộng trang" is its
page's rows, "Cộng chuyển sang trang sau" what came in plus the page,
"Cộng trang trước chuyển sang" what the page before carried out. One
slipped figure breaks two of them, or one and the grand total: one error,
at the figure the breaks share."""
from __future__ import annotations

from reportgen.verify import verify_path

ROWS = [("1", "Xã An Bình", "885"), ("2", "Xã An Hòa", "386"), ("3", "Xã An Phú", "270"),
        ("", "Cộng trang", "1.541"), ("", "Cộng chuyển sang trang sau", "1.541"),
        ("", "Cộng trang trước chuyển sang", "1.541"), ("4", "Xã Bình Minh", "891"), ("5", "Xã Bình Thạnh", "577"),
        ("", "Cộng trang", "1.468"), ("", "Cộng chuyển sang trang sau", "3.009"),
        ("", "Cộng trang trước chuyển sang", "3.009"), ("6", "Xã Cát Tiên", "325"),
        ("", "Cộng trang", "325"), ("", "Tổng cộng", "3.334")]


def _errors(tmp_path, changed: dict[int, str]):
    lines = ["1. Số liệu giải quyết hồ sơ của các xã", "| STT | Tên xã | Số hồ sơ tiếp nhận |", "|---|---|---|"]
    lines += [f"| {no} | {name} | {changed.get(i, value)} |" for i, (no, name, value) in enumerate(ROWS)]
    path = tmp_path / "pl.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = verify_path(path)
    return [(f.rule, f.unit, f.reported, f.expected, f.message) for f in result.findings if f.severity == "error"]


def test_page_rows_that_add_up_pass_and_are_checked(tmp_path):
    assert _errors(tmp_path, {}) == []


def test_a_carried_in_total_written_wrong_is_named_once(tmp_path):
    (error,) = _errors(tmp_path, {5: "1.451"})
    assert error[:4] == ("page-rows", "Cộng trang trước chuyển sang", "1451", "1541")


def test_a_unit_slip_is_one_error_at_its_page_with_the_grand_total_folded_in(tmp_path):
    (error,) = _errors(tmp_path, {6: "981"})
    assert error[:4] == ("page-rows", "Cộng trang", "1468", "1558")
    assert "nên số sai nhiều khả năng ở một dòng của trang" in error[4]
    assert "kéo theo: SUM_ROW_MISMATCH ở “Tổng cộng”" in error[4]
