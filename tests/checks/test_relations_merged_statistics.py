"""A statistics row whose figure sits in a cell merged across the columns
(bc36 p. 30, the SIPAS of two departments: "Chỉ số cao nhất 86,80%" centred
over "Điểm chuẩn tối đa"): its one figure carries a "%" in a column of no
percents, so it is the statistic of the table's percent column — checked as
such (max, mean, min of the units), never left unchecked under the maxima."""
from __future__ import annotations

from reportgen.verify import verify_path

SIPAS = """UBND TỈNH A\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

BÁO CÁO
Kết quả khảo sát sự hài lòng năm 2025

| STT | Cơ quan, đơn vị | Điểm chuẩn tối đa | Điểm đạt được | Chỉ số |
|---|---|---|---|---|
| 1 | Sở Nông nghiệp và Môi trường | 10,00 | 7,37/10 | 73,70% |
| 2 | Văn phòng UBND tỉnh | 10,00 | 8,68/10 | 86,80% |
|  | Chỉ số cao nhất | 86,80% |  |  |
|  | Chỉ số trung bình | {mean} |  |  |
|  | Chỉ số thấp nhất | 73,70% |  |  |
"""


def test_the_statistics_written_across_merged_cells_are_checked(tmp_path):
    path = tmp_path / "sipas.txt"
    path.write_text(SIPAS.format(mean="80,25%"), encoding="utf-8")
    result = verify_path(path)
    assert [f for f in result.findings if f.severity == "error"] == []
    # the three statistics and the two percents they are taken over (two units are too few to
    # show that the percent is points over maximum: those stay unchecked, and are said so)
    assert result.ledger.totals()["cells"] == (5, 9)
    [maxima] = [f for f in result.findings if f.code == "COLUMN_UNCHECKED" and "Điểm chuẩn tối đa" in f.message]
    assert "2/5 ô số chưa được kiểm tra (Sở Nông nghiệp và Môi trường, Văn phòng UBND tỉnh)" in maxima.message


def test_a_changed_mean_across_merged_cells_is_named(tmp_path):
    path = tmp_path / "sipas.txt"
    path.write_text(SIPAS.format(mean="82,05%"), encoding="utf-8")
    [f] = [f for f in verify_path(path).findings if f.severity == "error"]
    assert (f.code, f.unit, f.column, f.reported) == ("SUMMARY_ROW_MISMATCH", "Chỉ số trung bình", "k4", "82.05")
    assert f.message.startswith("Dòng “Chỉ số trung bình”: cột “Chỉ số” ghi 82,05% nhưng trung bình của 2 đơn vị "
                                "là 80,25")
