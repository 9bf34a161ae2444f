"""`reportgen schemes list` and `reportgen schemes show NAME`, run as a user would."""
from __future__ import annotations

from support import reportgen


def test_list_names_every_shipped_scheme_with_its_total():
    out = reportgen("schemes", "list")
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert lines[0].split()[:3] == ["Tên", "Tổng", "điểm"]
    names = [line.split()[0] for line in lines[2:]]
    assert names == ["dienbien-2023", "dienbien-2024", "qd766-2022", "tt01-2018"]
    assert lines[-1].split()[1:3] == ["18", "9"]  # tt01-2018: 9 indicators, 18 points


def test_show_lists_indicators_with_their_maxima_bands_and_rounding():
    out = reportgen("schemes", "show", "dienbien-2023")
    assert out.returncode == 0
    text = out.stdout
    assert "Bộ chỉ số: dienbien-2023" in text
    assert "Quyết định số 459/QĐ-UBND" in text
    rows = {line.split()[0]: line.split()[-1] for line in text.splitlines()
            if line.startswith("  ") and line.split()[0] in ("ck1", "td", "sh2", "hl3")}
    assert rows == {"ck1": "5", "td": "30", "sh2": "10", "hl3": "5"}
    assert "Xuất sắc (XS): từ 90" in text
    assert "Trung bình (TB): từ 50, dưới 70" in text
    assert "Làm tròn: 2 chữ số thập phân, nửa lên (half-up)" in text
    assert "Ngưỡng sai số: 0,01; mỗi phần đã làm tròn: 0,005" in text


def test_show_of_the_one_stop_scheme_grades_on_points():
    out = reportgen("schemes", "show", "tt01-2018")
    assert out.returncode == 0
    assert "Khung xếp loại (theo tổng điểm):" in out.stdout
    assert "Tốt: từ 12, dưới 15" in out.stdout


def test_unknown_scheme_is_a_vietnamese_message_and_exit_2():
    out = reportgen("schemes", "show", "hanoi-2030")
    assert out.returncode == 2
    assert out.stdout == ""
    assert "Không có bộ chỉ số 'hanoi-2030'" in out.stderr
    assert "dienbien-2023" in out.stderr and "Traceback" not in out.stderr


def test_schemes_without_a_subcommand_prints_help_and_exits_2():
    out = reportgen("schemes")
    assert out.returncode == 2
    assert "liệt kê các bộ chỉ số" in out.stderr
