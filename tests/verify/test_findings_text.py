"""The text a person reads: grouped by table and row, Vietnamese numbers,
where each finding is and what was expected, counts by severity."""
from __future__ import annotations

from reportgen.findings_text import format_findings, summary_line
from reportgen.model import Column, Finding, Report, ScoreRow, ScoreTable, Statement


def _report():
    table = ScoreTable(index=0, title="Phụ lục KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI", scheme="dienbien-2023",
                       columns=[Column(key="sh2", label="Số hóa - Chỉ số 2")],
                       rows=[ScoreRow(unit="Trung tâm QLĐĐ", section="I", no="1", page=5),
                             ScoreRow(unit="UBND xã Núa Ngam", section="II", no="10", page=5)])
    return Report(source="002.txt", tables=[table])


FINDINGS = [
    Finding(code="ENCODING_REPAIRED", severity="info", reported="7",
            message="Đã sửa 7 ký tự bị lỗi mã hóa khi trích xuất văn bản (ví dụ “ƣ” thành “ư”)."),
    Finding(code="TOTAL_MISMATCH", severity="error", table=0, row=0, unit="Trung tâm QLĐĐ", column="total",
            reported="58.69", expected="58.94", page=5,
            message="Tổng điểm ghi 58,69 nhưng cộng các chỉ số được 58,94"),
    Finding(code="SCORE_EXCEEDS_MAX", severity="error", table=0, row=1, unit="UBND xã Núa Ngam", column="sh2",
            reported="11.5", expected="10", page=5, message="Điểm Số hóa - Chỉ số 2 ghi 11,5 vượt điểm tối đa 10"),
    Finding(code="NUMBER_FORMAT", severity="warning", table=0, row=1, unit="UBND xã Núa Ngam", column="sh2",
            reported="8.32", expected="8,32", page=5, message="Số “8.32” không viết theo định dạng Việt Nam"),
]


def test_findings_are_grouped_by_table_then_row_with_location_and_values():
    text = format_findings(_report(), FINDINGS)
    assert text.splitlines() == [
        "Tệp: 002.txt",
        "Đã đọc: 1 bảng điểm (2 dòng), 0 nhận định trong lời văn.",
        "Toàn văn bản:",
        "  [THÔNG TIN] ENCODING_REPAIRED: Đã sửa 7 ký tự bị lỗi mã hóa khi trích xuất văn bản (ví dụ “ƣ” thành “ư”).",
        "Bảng 1: Phụ lục KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI (bộ chỉ số dienbien-2023):",
        "  Dòng I.1 – Trung tâm QLĐĐ (trang 5):",
        "    [LỖI] TOTAL_MISMATCH: Tổng điểm ghi 58,69 nhưng cộng các chỉ số được 58,94",
        "        cột: Tổng điểm; ghi: 58,69; đúng là: 58,94",
        "  Dòng II.10 – UBND xã Núa Ngam (trang 5):",
        "    [LỖI] SCORE_EXCEEDS_MAX: Điểm Số hóa - Chỉ số 2 ghi 11,5 vượt điểm tối đa 10",
        "        cột: Số hóa - Chỉ số 2; ghi: 11,5; đúng là: 10",
        "    [CẢNH BÁO] NUMBER_FORMAT: Số “8.32” không viết theo định dạng Việt Nam",
        "        cột: Số hóa - Chỉ số 2; ghi: 8.32; nên viết: 8,32",
        "Kết quả: KHÔNG ĐẠT – 2 lỗi, 1 cảnh báo, 1 thông tin.",
    ]


def test_a_clean_report_says_so():
    assert format_findings(_report(), []).splitlines()[-2:] == [
        "Không phát hiện sai sót.", "Kết quả: ĐẠT – 0 lỗi, 0 cảnh báo, 0 thông tin."]


def test_summary_line_passes_with_warnings_only():
    assert summary_line(FINDINGS[3:]) == "Kết quả: ĐẠT – 0 lỗi, 1 cảnh báo, 0 thông tin."


def test_a_report_with_nothing_to_check_says_so_rather_than_passing_silently():
    text = format_findings(Report(source="thu.txt"), [])
    assert text.splitlines()[1] == "Không nhận ra bảng số liệu hay nhận định có số liệu nào để kiểm tra."


def test_text_values_such_as_a_period_are_shown_as_written():
    f = Finding(code="PERIOD_MISMATCH", severity="warning", table=0, reported="2024-11", expected="2024",
                message="Phụ lục II ghi kỳ tháng 11 năm 2024 nhưng văn bản báo cáo kỳ năm 2024")
    assert format_findings(_report(), [f]).splitlines()[5] == "        ghi: 2024-11; đúng là: 2024"


def test_the_read_line_counts_the_claims_the_coverage_line_counts():
    # An appendix title's period is a statement of the reader, no numeric claim:
    # both lines say 0, never "0/0 nhận định" beside "1 nhận định trong lời văn".
    from reportgen.coverage import Ledger

    report = _report()
    report.statements = [Statement(kind="period", text="KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025", paragraph=0,
                                   label="Phụ lục I", period="2025")]
    ledger = Ledger()
    ledger.register(report)
    lines = format_findings(report, [], ledger).splitlines()
    assert lines[1:3] == ["Đã kiểm tra 0/0 bảng, 0/0 ô số, 0/0 nhận định.",
                          "Đã đọc: 1 bảng điểm (2 dòng), 0 nhận định trong lời văn."]



def _par_workbook(path, percent_of_third: float):
    """A PAR-index sheet as an office keeps it: fields under one group header,
    then Tổng điểm, Chỉ số (%) and Xếp hạng, each merged over both header rows."""
    from openpyxl import Workbook

    rows = [("Sở Tư pháp", 38.01, 55.0, 93.01, 93.01), ("Sở Y tế", 35.4, 53.0, 88.4, 88.4),
            ("Sở Xây dựng", 31.25, 50.0, 81.25, percent_of_third), ("Sở Tài chính", 30.8, 48.0, 78.8, 78.8),
            ("Sở Nội vụ", 30.12, 45.0, 75.12, 75.12)]
    wb = Workbook()
    ws = wb.active
    for col, text in [(1, "STT"), (2, "Tên cơ quan, đơn vị"), (5, "Tổng điểm (100đ)"), (6, "Chỉ số (%)"),
                      (7, "Xếp hạng")]:
        ws.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)
        ws.cell(1, col, text)
    ws.merge_cells(start_row=1, start_column=3, end_row=1, end_column=4)
    ws.cell(1, 3, "Điểm đạt được theo từng lĩnh vực")
    ws.cell(2, 3, "Cải cách thể chế (40đ)")
    ws.cell(2, 4, "Cải cách thủ tục hành chính (60đ)")
    for i, row in enumerate(rows, 1):
        for j, value in enumerate((i, *row, i), 1):
            ws.cell(2 + i, j, value)
    wb.save(path)


def test_a_result_column_is_named_by_its_header_words(tmp_path):
    """The percent column of a score table is "Chỉ số (%)" in the sheet: the
    message says so, and its figures are written as vi_VN numbers."""
    from reportgen.verify import verify_path

    path = tmp_path / "chiso.xlsx"
    _par_workbook(path, 71.25)
    result = verify_path(path)
    lines = [line.strip() for line in format_findings(result.report, result.findings).splitlines()]
    assert "cột: Chỉ số (%); ghi: 71,25; đúng là: 81,25" in lines
