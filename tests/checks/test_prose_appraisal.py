"""What an appraisal council writes about one office's PAR index: the
appendix issued as a file of its own (under the issuer's lines), the points
and the index with the grade given to them, the index of earlier years
beside this year's, a scoring formula and the next year's targets.

Grades are held to the document's own legend, generated here with seeded
bands and figures; a clean text gives no error, one slip gives one."""
from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

import docx
import pytest

from reportgen.verify import verify_path

LEGEND = ["Thang xếp loại:",
          "- Xếp loại Tốt: có chỉ số chung đạt từ {a}% trở lên;",
          "- Xếp loại Khá: có chỉ số chung đạt từ {b}% đến dưới {a}%;",
          "- Xếp loại Trung bình: có chỉ số chung đạt từ 50% đến dưới {b}%;",
          "- Xếp loại Yếu: có chỉ số chung đạt dưới 50%."]
CRITERIA = [("1", "Cải cách thủ tục hành chính", Decimal("8")), ("2", "Cải cách tổ chức bộ máy", Decimal("5")),
            ("3", "Mức độ hài lòng của người dân", Decimal("7"))]


def _vi(value: Decimal) -> str:
    return format(value, "f").replace(".", ",")


def _grade(index: Decimal, a: int, b: int) -> str:
    return "Tốt" if index >= a else "Khá" if index >= b else "Trung bình" if index >= 50 else "Yếu"


def _case(seed: int):
    rng = random.Random(seed)
    a, b = rng.choice((85, 90)), rng.choice((65, 70))
    points = [(Decimal(rng.randrange(int(m * 400), int(m * 1000) + 1)) / 1000) for _, _, m in CRITERIA]
    total = sum(points)
    whole = sum(m for _, _, m in CRITERIA)
    index = (total / whole * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return a, b, points, total, whole, index


def _appendix(path, sentence: str, a: int, b: int, points: list[Decimal], total: Decimal, whole: Decimal) -> None:
    """An appendix issued alone: the issuer's lines, "Phụ lục II", the table, then its prose."""
    d = docx.Document()
    for text in ("UBND TỈNH GIA LAI", "HỘI ĐỒNG THẨM ĐỊNH", "Phụ lục II",
                 "BẢNG TỔNG HỢP KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CCHC NĂM 2025 CỦA SỞ Y TẾ"):
        d.add_paragraph(text)
    rows = [["STT", "Tiêu chí", "Điểm chuẩn", "Điểm thẩm định"]]
    rows += [[no, name, _vi(m), _vi(p)] for (no, name, m), p in zip(CRITERIA, points)]
    rows += [["", "TỔNG ĐIỂM", _vi(whole), _vi(total)]]
    table = d.add_table(rows=len(rows), cols=4)
    for r, values in zip(table.rows, rows):
        for cell, value in zip(r.cells, values):
            cell.text = value
    for text in ("Kết quả thẩm định:", sentence, *(line.format(a=a, b=b) for line in LEGEND)):
        d.add_paragraph(text)
    d.save(path)


def _errors(path) -> list[str]:
    return [f.rule for f in verify_path(path).findings if f.severity == "error"]


@pytest.mark.parametrize("seed", range(4))
def test_the_prose_of_an_appendix_issued_alone_is_read_and_its_grade_held_to_the_legend(tmp_path, seed):
    a, b, points, total, whole, index = _case(seed)
    right = _grade(index, a, b)
    wrong = next(g for g in ("Khá", "Tốt", "Trung bình") if g != right)

    def sentence(grade):
        return (f"Tổng điểm thẩm định đạt {_vi(total)}/{_vi(whole)} điểm, tương ứng Chỉ số CCHC đạt "
                f"{_vi(index)}%, xếp loại {grade}.")

    clean = tmp_path / "clean.docx"
    _appendix(clean, sentence(right), a, b, points, total, whole)
    result = verify_path(clean)
    assert [f for f in result.findings if f.severity == "error"] == []
    assert len(result.ledger.claims) >= 1  # before: the prose after the table was not read at all
    slipped = tmp_path / "slip.docx"
    _appendix(slipped, sentence(wrong), a, b, points, total, whole)
    assert _errors(slipped) == ["points-grade-vs-legend"]


@pytest.mark.parametrize("seed", range(4))
def test_points_and_their_percent_past_a_change_clause_are_one_figure(tmp_path, seed):
    a, b, points, total, whole, index = _case(10 + seed)
    drop = Decimal("1.549")

    def sentence(percent):
        return (f"Tổng điểm thẩm định đạt {_vi(total)}/{_vi(whole)} điểm, giảm {_vi(drop)} điểm so với điểm tự "
                f"đánh giá; tương ứng Chỉ số CCHC đạt {_vi(percent)}%, xếp loại {_grade(index, a, b)}.")

    clean = tmp_path / "clean.docx"
    _appendix(clean, sentence(index), a, b, points, total, whole)
    findings = verify_path(clean).findings
    assert [f for f in findings if f.severity == "error"] == []
    assert not [f for f in findings if f.code == "CLAIM_UNCHECKED" and _vi(index) in (f.message or "")]
    slipped = tmp_path / "slip.docx"
    _appendix(slipped, sentence(index + Decimal("0.40")), a, b, points, total, whole)
    assert "share-percent" in _errors(slipped)


@pytest.mark.parametrize("seed", range(3))
def test_the_stated_total_points_are_the_total_rows(tmp_path, seed):
    a, b, points, total, whole, index = _case(20 + seed)
    clean = tmp_path / "clean.docx"
    _appendix(clean, f"Tổng điểm thẩm định đạt {_vi(total)}/{_vi(whole)} điểm.", a, b, points, total, whole)
    assert _errors(clean) == []
    slipped = tmp_path / "slip.docx"
    _appendix(slipped, f"Tổng điểm thẩm định đạt {_vi(total + 1)}/{_vi(whole)} điểm.", a, b, points, total, whole)
    assert _errors(slipped) == ["points-vs-total-row"]


def _text_report(tmp_path, lines: list[str], table: list[str] = ()):
    path = tmp_path / "report.txt"
    head = ["UBND TỈNH GIA LAI", "SỞ NỘI VỤ", "Số: 12/BC-SNV", "Gia Lai, ngày 20 tháng 01 năm 2026", "BÁO CÁO",
            "Chỉ số CCHC năm 2025 của các sở"]
    path.write_text("\n\n".join(head + lines) + "\n\n" + "\n".join(table) + "\n", encoding="utf-8")
    return path


def test_a_units_index_is_this_years_not_the_column_of_the_year_before(tmp_path):
    table = ["Thứ hạng\tĐơn vị\tChỉ số năm 2025 (%)\tXếp loại\tChỉ số năm 2024 (%)",
             "1\tSở Tư pháp\t91,20\tTốt\t88,00", "2\tSở Nội vụ\t85,00\tTốt\t86,10",
             "3\tSở Y tế\t76,40\tKhá\t70,05"]
    legend = [line.format(a=85, b=70) for line in LEGEND]
    clean = _text_report(tmp_path, ["Sở Y tế đạt 76,40%, xếp loại Khá.", *legend], table)
    assert _errors(clean) == []
    # 76,60 is neither year's: with last year's column set aside, the one cell of 2025 is surely meant
    slipped = _text_report(tmp_path, ["Sở Y tế đạt 76,60%, xếp loại Khá.", *legend], table)
    assert "unit-figure-vs-table" in _errors(slipped)


def test_a_formulas_operand_and_next_years_targets_are_no_claims(tmp_path):
    path = _text_report(tmp_path, [
        "Tỷ lệ đạt từ 90% trở lên được 6 điểm; dưới 90% thì điểm = Tỷ lệ × 6/90.",
        "Năm 2026, phấn đấu tỷ lệ hồ sơ trực tuyến đạt trên 80% và tỷ lệ số hóa hồ sơ đạt 100%."])
    assert [f for f in verify_path(path).findings if f.code == "CLAIM_UNCHECKED"] == []


def _two_indices(path, sentence: str, units: list[str], index: list[Decimal], service: list[Decimal]) -> None:
    """A report whose appendices rank the same units twice: by the PAR index
    (Phụ lục I) and by the service index (Phụ lục II), after its sign-off."""
    d = docx.Document()
    for text in ("UBND TỈNH GIA LAI", "SỞ NỘI VỤ", "Số: 12/BC-SNV", "Gia Lai, ngày 20 tháng 01 năm 2026", "BÁO CÁO",
                 "Kết quả Chỉ số CCHC năm 2025 của các sở", "I. KẾT QUẢ", "1. Chỉ số CCHC", sentence,
                 "2. Bộ chỉ số phục vụ người dân", "Kết quả tại Phụ lục II.", "II. NHIỆM VỤ",
                 "Các sở tiếp tục cải cách hành chính.", "Nơi nhận:", "- Lưu: VT.", "GIÁM ĐỐC", "Trần Văn Hùng"):
        d.add_paragraph(text)
    for title, figures, head in (("Phụ lục I", index, "Chỉ số năm 2025 (%)"),
                                 ("Phụ lục II", service, "Tổng điểm (100 điểm)")):
        d.add_paragraph(title)
        order = sorted(range(len(units)), key=lambda i: -figures[i])
        rows = [["Thứ hạng", "Đơn vị", head, "Xếp loại"]]
        rows += [[str(k + 1), units[i], _vi(figures[i]), _grade(figures[i], 85, 70)] for k, i in enumerate(order)]
        table = d.add_table(rows=len(rows), cols=4)
        for r, values in zip(table.rows, rows):
            for cell, value in zip(r.cells, values):
                cell.text = value
    d.save(path)


@pytest.mark.parametrize("seed", range(3))
def test_a_units_figure_confirmed_by_its_grade_and_rank_is_held_to_that_row(tmp_path, seed):
    rng = random.Random(30 + seed)
    units = ["Sở Y tế", "Sở Tư pháp", "Sở Nội vụ", "Sở Xây dựng", "Sở Tài chính", "Sở Công Thương"]
    index = [Decimal(rng.randrange(5500, 9800)) / 100 for _ in units]
    service = [Decimal(rng.randrange(5500, 9800)) / 100 for _ in units]
    u = rng.randrange(len(units))
    rank = 1 + sum(1 for v in index if v > index[u])

    def sentence(figure, place):
        return (f"{units[u]} đạt {_vi(figure)}%, xếp loại {_grade(index[u], 85, 70)}, "
                f"xếp thứ {place}/{len(units)}.")

    clean = tmp_path / "clean.docx"
    _two_indices(clean, sentence(index[u], rank), units, index, service)
    assert _errors(clean) == []
    # the sentence's grade and rank are the row's of Phụ lục I: its percent there is surely meant
    slipped = tmp_path / "slip.docx"
    _two_indices(slipped, sentence(index[u] + Decimal("0.20"), rank), units, index, service)
    assert _errors(slipped) == ["unit-figure-vs-table"]
    # of the two tables ranking six units, the one where the unit has the sentence's percent
    wrong_place = tmp_path / "rank.docx"
    other = rank % len(units) + 1
    _two_indices(wrong_place, sentence(index[u], other), units, index, service)
    assert _errors(wrong_place) == ["unit-figure-vs-table"]
