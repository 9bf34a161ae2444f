"""One slip, one finding per relation: when two rules find the same broken
sum on the same cell, once for sure (an error) and once as a guess (a
warning), only the error is kept. Figures: a district's third quarter, as an
XLSX written with openpyxl (numbers stored as numbers, rates as fractions
formatted 0.00%), with the total of files on time written 3.069 for 3.064."""
from __future__ import annotations

import openpyxl

from reportgen.verify import verify_path

OFFICES = [("Phòng Tư pháp", 412, 405), ("Phòng Tài nguyên và Môi trường", 1286, 1190),
           ("Phòng Kinh tế và Hạ tầng", 338, 331), ("Phòng Lao động - Thương binh và Xã hội", 927, 927),
           ("Phòng Văn hóa và Thông tin", 64, 61), ("Văn phòng HĐND và UBND huyện", 153, 150)]


def _sheet(path, on_time_total: int):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH QUÝ III NĂM 2026"])
    ws.append([])
    ws.append(["STT", "Đơn vị", "Tổng số hồ sơ", "Đúng hạn", "Quá hạn", "Tỷ lệ đúng hạn"])
    for i, (name, got, ok) in enumerate(OFFICES, 1):
        ws.append([i, name, got, ok, got - ok, round(ok / got, 4)])
        ws.cell(ws.max_row, 6).number_format = "0.00%"
    ws.append([None, "Tổng cộng", 3180, on_time_total, 116, 0.9635])
    ws.cell(ws.max_row, 6).number_format = "0.00%"
    wb.save(path)
    return path


def test_a_wrong_total_is_named_once_per_relation_and_never_echoed_as_a_warning(tmp_path):
    result = verify_path(_sheet(tmp_path / "quy3.xlsx", 3069))
    got = sorted((f.code, str(f.severity), f.reported, f.expected) for f in result.findings)
    assert got == [("RATIO_MISMATCH", "error", "96.35", "96.51"),      # 3.069 / 3.180
                   ("SUM_COLUMNS_MISMATCH", "error", "3180", "3185"),  # 3.069 + 116
                   ("SUM_ROW_MISMATCH", "error", "3069", "3064")]      # the six offices


def test_the_right_sheet_is_checked_whole_and_passes(tmp_path):
    result = verify_path(_sheet(tmp_path / "quy3.xlsx", 3064))
    assert result.findings == []
    assert result.ledger.totals()["cells"] == (28, 28)
