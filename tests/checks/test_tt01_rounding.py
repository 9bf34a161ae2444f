"""The tolerance of a TT 01/2018 table follows the rounding its figures carry
(reportgen.checks.tables_rounding): the total is the sum of the nine
indicators as written (Điều 15 adds them once each is rounded to one
decimal), so a total off that sum by more than half a unit of its own last
place is a slip, and so is a percent that is not total / 18 × 100 rounded to
the places it writes. A table whose own rows show totals of unrounded
averages is held to the indicators' rounding instead."""
from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from reportgen.verify import verify_path

HEAD = """UBND TỈNH SƠN HÀ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
VĂN PHÒNG\tĐộc lập - Tự do - Hạnh phúc
Số: 215/BC-VPUB\tSơn Hà, ngày 06 tháng 10 năm 2025

BÁO CÁO
Kết quả đánh giá việc giải quyết thủ tục hành chính theo cơ chế một cửa quý III năm 2025

Thực hiện Thông tư số 01/2018/TT-VPCP, Văn phòng UBND tỉnh báo cáo kết quả đánh giá như sau.

Phụ lục: KẾT QUẢ ĐÁNH GIÁ CÁC CƠ QUAN THEO THÔNG TƯ SỐ 01/2018/TT-VPCP QUÝ III NĂM 2025

"""
TAIL = """
Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
CHÁNH VĂN PHÒNG
Nguyễn Văn An
"""
HEADER = ["STT", "Cơ quan", "Tổng thời gian giải quyết (2đ)", "Thời gian của từng cơ quan (2đ)",
          "Số lần liên hệ (2đ)", "Số cơ quan phải liên hệ (2đ)", "Tiếp nhận tại Bộ phận Một cửa (2đ)",
          "Công khai TTHC (2đ)", "Thái độ CBCCVC (2đ)", "Tiếp thu PAKN (2đ)", "DVC trực tuyến (2đ)",
          "Tổng điểm (tối đa 18 điểm)", "Tỷ lệ so với điểm tối đa (%)", "Xếp loại"]
# (agency, nine indicators): each row's total is the exact sum, its percent total / 18 × 100 to 2 decimals
AGENCIES = [("Sở Tư pháp", "2,0 1,9 2,0 2,0 1,8 2,0 2,0 1,9 1,8"),
            ("Sở Y tế", "1,8 1,7 1,9 2,0 1,6 2,0 1,9 1,8 1,7"),
            ("Sở Văn hóa, Thể thao và Du lịch", "1,9 1,8 1,8 1,9 1,7 1,9 1,8 1,7 1,8"),
            ("Sở Nội vụ", "1,7 1,6 1,8 1,9 1,5 2,0 1,7 1,6 1,6"),
            ("Sở Xây dựng", "1,5 1,4 1,6 1,6 1,3 1,5 1,4 1,3 1,4"),
            ("Sở Tài chính", "1,2 1,3 1,4 1,5 1,0 1,4 1,3 1,2 1,3")]


def _vi(value: D) -> str:
    return str(value).replace(".", ",")


def _grade(total: D) -> str:
    return next(name for floor, name in ((15, "Xuất sắc"), (12, "Tốt"), (9, "Khá"), (6, "Trung bình"), (0, "Yếu"))
                if total >= floor)


def _report(tmp_path: Path, scores: dict[str, str] | None = None, totals: dict[str, str] | None = None,
            percents: dict[str, str] | None = None) -> Path:
    """The table with its figures right, but for the cells given by agency
    (a score slipped leaves the total as it was, the sum of the right ones)."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for k, (agency, written) in enumerate(AGENCIES, 1):
        parts = [D(s.replace(",", ".")) for s in written.split()]
        total = sum(parts, D(0))
        percent = (total * 100 / 18).quantize(D("0.01"))
        cells = (scores or {}).get(agency, written).split()
        lines.append(f"| {k} | {agency} | " + " | ".join(cells)
                     + f" | {(totals or {}).get(agency, _vi(total))} | {(percents or {}).get(agency, _vi(percent))}"
                     + f" | {_grade(total)} |")
    path = tmp_path / "tt01.txt"
    path.write_text(HEAD + "\n".join(lines) + "\n" + TAIL, encoding="utf-8")
    return path


def _found(path: Path) -> tuple[str, list]:
    result = verify_path(path)
    assert [t.scheme for t in result.report.tables] == ["tt01-2018"]
    return result.verdict, [(f.code, str(f.severity), f.unit, f.column, f.reported, f.expected) for f in result.findings
                            if f.code in ("TOTAL_MISMATCH", "PERCENT_MISMATCH") or f.severity == "error"]


def test_the_clean_table_has_no_error(tmp_path):
    assert _found(_report(tmp_path))[1] == []


def test_an_indicator_slipped_by_0_3_is_an_error_at_the_total(tmp_path):
    # Chỉ số 9 of Sở Văn hóa 1,8 written 1,5: the total 16,3 is the sum of the right indicators.
    verdict, found = _found(_report(tmp_path, scores={"Sở Văn hóa, Thể thao và Du lịch":
                                                      "1,9 1,8 1,8 1,9 1,7 1,9 1,8 1,7 1,5"}))
    assert verdict == "KHÔNG ĐẠT"
    assert found[0] == ("TOTAL_MISMATCH", "error", "Sở Văn hóa, Thể thao và Du lịch", "total", "16.3", "16.0")
    assert [f[:2] for f in found if f[1] == "error"] == [("TOTAL_MISMATCH", "error")]


def test_a_total_off_by_0_1_is_an_error(tmp_path):
    verdict, found = _found(_report(tmp_path, totals={"Sở Nội vụ": "15,5"}))
    assert [f for f in found if f[1] == "error"] == [
        ("TOTAL_MISMATCH", "error", "Sở Nội vụ", "total", "15.5", "15.4")]


def test_a_percent_2_5_points_off_is_an_error_at_the_percent(tmp_path):
    # 13,0 / 18 × 100 = 72,222…: 72,22, written 69,72.
    verdict, found = _found(_report(tmp_path, percents={"Sở Xây dựng": "69,72"}))
    assert verdict == "KHÔNG ĐẠT"
    assert [f for f in found if f[1] == "error"] == [
        ("PERCENT_MISMATCH", "error", "Sở Xây dựng", "percent", "69.72", "72.22")]


def test_a_percent_a_unit_above_its_rounding_is_an_error(tmp_path):
    # 17,4 / 18 × 100 = 96,666…: 96,67, or cut 96,66; 96,68 is neither.
    verdict, found = _found(_report(tmp_path, percents={"Sở Tư pháp": "96,68"}))
    assert [f for f in found if f[1] == "error"] == [
        ("PERCENT_MISMATCH", "error", "Sở Tư pháp", "percent", "96.68", "96.67")]


def test_a_percent_cut_instead_of_rounded_is_a_warning(tmp_path):
    verdict, found = _found(_report(tmp_path, percents={"Sở Tư pháp": "96,66"}))
    assert found == [("PERCENT_MISMATCH", "warning", "Sở Tư pháp", "percent", "96.66", "96.67")]


def test_a_table_of_unrounded_averages_is_held_to_the_indicators_rounding(tmp_path):
    # Totals taken from the averages before rounding: four rows off their indicators' sum by 0,1 or 0,2,
    # so the table's own rows show the rounding, and Sở Văn hóa's 16,6 over 16,3 (0,3) may be it too.
    totals = {"Sở Tư pháp": "17,5", "Sở Y tế": "16,2", "Sở Nội vụ": "15,6", "Sở Tài chính": "11,5",
              "Sở Văn hóa, Thể thao và Du lịch": "16,6"}
    percents = {"Sở Tư pháp": "97,22", "Sở Y tế": "90,00", "Sở Nội vụ": "86,67", "Sở Tài chính": "63,89",
                "Sở Văn hóa, Thể thao và Du lịch": "92,22"}
    verdict, found = _found(_report(tmp_path, totals=totals, percents=percents))
    assert [f for f in found if f[1] == "error"] == []
    assert ("TOTAL_MISMATCH", "info", "Sở Văn hóa, Thể thao và Du lịch", "total", "16.6", "16.3") in found


def test_a_total_finer_than_its_indicators_is_held_to_their_rounding(tmp_path):
    # 16,47 over one-decimal indicators that add up to 16,4: the total is of the unrounded averages, and
    # its percent 91,50 (16,47 / 18) is of that total, though every other row is an exact sum.
    verdict, found = _found(_report(tmp_path, totals={"Sở Y tế": "16,47"}, percents={"Sở Y tế": "91,50"}))
    assert found == [("PERCENT_MISMATCH", "info", "Sở Y tế", "percent", "91.50", "91.1"),
                     ("TOTAL_MISMATCH", "info", "Sở Y tế", "total", "16.47", "16.4")]
