"""A QĐ 766 table whose two header rows were flattened into one, each group
joined to its leaf by a dash ("Công khai, minh bạch (18 điểm) - Tỷ lệ đạt
(%)"), or named by its code with no maximum ("CKMB - %"). The rate columns are
rates: never points over the group's maximum, and never the part of one
group's points over another group's points that happen to be full (18 of 18)
on most rows — a whole that is one number wherever the ratio holds proves no
relation (here "Mức độ hài lòng" is full on six rows of seven). Read either
way, every unchanged table gave false errors."""
from __future__ import annotations

from reportgen.verify import verify_path

from support import write_docx_tables

GROUPS = [("Công khai, minh bạch", 18), ("Tiến độ, kết quả giải quyết", 20), ("Dịch vụ công trực tuyến", 12),
          ("Thanh toán trực tuyến", 10), ("Mức độ hài lòng", 18), ("Số hóa hồ sơ", 22)]
CODES = ["CKMB", "TĐGQ", "DVCTT", "TTTT", "MĐHL", "SHHS"]
ROWS = [["1", "Phường An Phước", "100", "18", "52,9", "10,58", "100", "12", "100", "10", "100", "18", "85,43", "18,79",
         "87,37"],
        ["2", "Sở Xây dựng", "63,72", "11,47", "100", "20", "62,88", "7,55", "75,27", "7,53", "100", "18",
         "89,15", "19,61", "84,16"],
        ["3", "Sở Dân tộc và Tôn giáo", "47,32", "8,52", "40,37", "8,07", "100", "12", "44", "4,4", "100", "18",
         "98,01", "21,56", "72,55"],
        ["4", "Phường Bửu Long", "90,77", "16,34", "53,73", "10,75", "100", "12", "96,16", "9,62", "100", "18", "100",
         "22", "88,71"],
        ["5", "Sở Giáo dục và Đào tạo", "100", "18", "74,4", "14,88", "100", "12", "100", "10", "100", "18", "84,75",
         "18,65", "91,53"],
        ["6", "Xã Nam Cát Tiên", "100", "18", "100", "20", "46,28", "5,55", "73,08", "7,31", "100", "18", "100", "22",
         "90,86"],
        ["7", "Công an tỉnh", "100", "18", "63,87", "12,77", "100", "12", "100", "10", "52,33", "9,42", "44,92", "9,88",
         "72,07"]]


def write(path, head: list[str], rows=ROWS) -> None:
    write_docx_tables(path, ["Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 10 năm 2026."],
                      [("Phụ lục: Kết quả của các cơ quan, đơn vị", ["STT", "Tên cơ quan, đơn vị"] + head
                        + ["Tổng số điểm đạt được"], rows)])


NAMED = [f"{g} ({m} điểm) - {leaf}" for g, m in GROUPS for leaf in ("Tỷ lệ đạt (%)", "Điểm đạt")]
CODED = [f"{c} - {leaf}" for c in CODES for leaf in ("%", "Điểm số")]


def errors(path) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.unit, f.reported) for f in verify_path(path).findings if f.severity == "error"]


def test_a_dash_joined_header_reads_its_rates_as_rates(tmp_path):
    write(tmp_path / "named.docx", NAMED)
    result = verify_path(tmp_path / "named.docx")
    assert errors(tmp_path / "named.docx") == []
    assert result.verdict == "ĐẠT"


def test_rates_named_by_code_are_not_one_groups_points_over_anothers(tmp_path):
    write(tmp_path / "coded.docx", CODED)
    assert errors(tmp_path / "coded.docx") == []


def test_a_slipped_rate_under_a_dash_joined_header_is_named(tmp_path):
    rows = [r[:] for r in ROWS]
    rows[1][2] = "68,72"  # 11,47 / 18 × 100 = 63,72
    write(tmp_path / "slip.docx", NAMED, rows)
    # the points are what QĐ 766 computes from the rate: the row is named at them, with the rate quoted
    [found] = [f for f in verify_path(tmp_path / "slip.docx").findings if f.severity == "error"]
    assert (found.code, found.unit, found.reported) == ("POINTS_FROM_RATE_MISMATCH", "Sở Xây dựng", "11.47")
    assert "68,72%" in found.message
