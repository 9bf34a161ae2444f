"""An official's grades of TT 01/2018/TT-VPCP (Điều 15: the total of the
indicators 1, 2, 3, 4 and 7, of 10; 5 and more "Hoàn thành 100% nhiệm vụ",
3,5 to under 5 "Hoàn thành từ 70% đến dưới 100% nhiệm vụ", under 3,5
"Hoàn thành dưới 70% nhiệm vụ") are grades: a table's cell that breaks the
circular's bands is one error at it, the prose's counts by those grades are
held to the table, and a count the cell's slip breaks is named in its error.
Several units off the bands are an office's own scale, not slips. Figures:
six officials of a commune's one-stop desk, quarter III of 2025."""
from __future__ import annotations

from reportgen.verify import verify_path

TOP, MID, LOW = "Hoàn thành 100% nhiệm vụ", "Hoàn thành từ 70% đến dưới 100% nhiệm vụ", "Hoàn thành dưới 70% nhiệm vụ"
ROWS = [("Nguyễn Văn An", "1,5", "1,2", "1,8", "2,0", "1,5", "8,0", TOP),
        ("Trần Thị Bình", "1,0", "1,0", "1,0", "1,0", "1,0", "5,0", TOP),
        ("Lê Văn Cường", "0,5", "1,0", "0,5", "1,0", "1,0", "4,0", MID),
        ("Phạm Thị Dung", "2,0", "2,0", "2,0", "2,0", "2,0", "10,0", TOP),
        ("Hoàng Văn Em", "1,0", "1,0", "0,5", "0,5", "0,5", "3,5", MID),
        ("Vũ Thị Gấm", "0,5", "0,5", "1,0", "0,5", "0,5", "3,0", LOW)]
REPORT = """UBND XÃ TÂN LẬP
Số: 12/BC-UBND
Tân Lập, ngày 10 tháng 10 năm 2025
BÁO CÁO
Kết quả đánh giá việc giải quyết thủ tục hành chính quý III năm 2025
## I. ĐÁNH GIÁ CÔNG CHỨC
Thực hiện Thông tư số 01/2018/TT-VPCP, Bộ phận Một cửa đã đánh giá 6 công chức: có {top}/6 công chức xếp loại \
Hoàn thành 100% nhiệm vụ; 02 công chức xếp loại Hoàn thành từ 70% đến dưới 100% nhiệm vụ; 01 công chức xếp loại \
Hoàn thành dưới 70% nhiệm vụ.
Nơi nhận:
- Lưu: VT.
Biểu 02. Kết quả đánh giá công chức
| STT | Họ và tên | Chỉ số 1 | Chỉ số 2 | Chỉ số 3 | Chỉ số 4 | Chỉ số 7 | Tổng điểm | Xếp loại |
|---|---|---|---|---|---|---|---|---|
{rows}
"""


def _errors(tmp_path, top="03", grades: dict[int, str] | None = None):
    rows = "\n".join(f"| {i + 1} | " + " | ".join((*r[:-1], (grades or {}).get(i, r[-1]))) + " |"
                     for i, r in enumerate(ROWS))
    path = tmp_path / "bc.md"
    path.write_text(REPORT.format(top=top, rows=rows), encoding="utf-8")
    result = verify_path(path)
    return [(f.code, f.row, f.reported, f.expected) for f in result.findings if f.severity == "error"], result


def test_a_clean_table_and_its_counts(tmp_path):
    errors, result = _errors(tmp_path)
    assert errors == []
    assert not [f for f in result.findings if f.code == "GRADE_UNREAD"]  # the cells are read as grades


def test_a_count_by_an_officials_grade_is_held_to_the_table(tmp_path):
    assert _errors(tmp_path, top="04")[0] == [("GRADE_COUNT_MISMATCH", None, "4", "3")]


def test_a_cell_off_the_circulars_bands_is_one_error_at_it(tmp_path):
    errors, result = _errors(tmp_path, grades={0: MID})  # 8,0 points: Hoàn thành 100% nhiệm vụ
    assert errors == [("GRADE_BAND_MISMATCH", 0, MID, TOP)]
    # the prose's counts (3 and 2, the table now 2 and 3) follow from the cell: named in its error
    assert "GRADE_COUNT_MISMATCH" in next(f.message for f in result.findings if f.code == "GRADE_BAND_MISMATCH")


def test_several_units_off_the_bands_are_no_slip(tmp_path):
    errors, _ = _errors(tmp_path, grades={1: MID, 4: LOW})  # 5,0 and 3,5: an office that puts the edges above
    assert [e for e in errors if e[0] == "GRADE_BAND_MISMATCH"] == []


def test_the_share_after_an_officials_grade_name_is_of_the_officials_evaluated(tmp_path):
    """"Hoàn thành 100% nhiệm vụ" is a name: the share after it is the count's."""
    path = tmp_path / "bc.md"
    prose = ("Đã đánh giá 12 cán bộ, công chức: 09 cán bộ, công chức xếp loại Hoàn thành 100% nhiệm vụ, chiếm "
             "75,00%; 03 cán bộ, công chức xếp loại Hoàn thành từ 70% đến dưới 100% nhiệm vụ, chiếm {p}%.")
    text = REPORT.split("Nơi nhận:")[0].split("## I.")[0] + "## I. ĐÁNH GIÁ\n" + prose + "\nNơi nhận:\n- Lưu: VT.\n"
    path.write_text(text.format(p="25,00"), encoding="utf-8")
    result = verify_path(path)
    assert [(st.value, st.whole) for st in result.report.statements if st.kind == "share"] == [(9, 12), (3, 12)]
    path.write_text(text.format(p="35,00"), encoding="utf-8")
    assert [(f.code, f.reported) for f in verify_path(path).findings if f.severity == "error"] == [
        ("PERCENT_MISMATCH", "35.00")]
