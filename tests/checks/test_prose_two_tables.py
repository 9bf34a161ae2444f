"""A quarterly 766 report whose appendix gives the units' points twice: the
score table (groups, "Tổng điểm (100 điểm)") and the comparison with the
quarter before ("Điểm quý IV năm 2024 | Điểm quý I năm 2025"). A unit's
points that both tables give alike are surely the figure the prose means; a
group's mean written out of the group's maximum is of that group's column.

Reports are generated from seeded points (DOCX written with python-docx)."""
from __future__ import annotations

import random
from decimal import Decimal

import docx
import pytest

from reportgen.verify import verify_path

GROUPS = (("Công khai, minh bạch", 18), ("Tiến độ, kết quả giải quyết", 20), ("Dịch vụ công trực tuyến", 12),
          ("Thanh toán trực tuyến", 10), ("Mức độ hài lòng", 18), ("Số hóa hồ sơ", 22))
PLACES = ("Vũ Quang", "Hương Sơn", "Đức Thọ", "Nghi Xuân", "Kỳ Anh", "Can Lộc")


def _vi(value: Decimal) -> str:
    return format(value, "f").replace(".", ",")


def _case(seed: int):
    rng = random.Random(seed)
    units = [f"UBND xã {p}" for p in PLACES]
    points = [[Decimal(rng.randrange(m * 55, m * 100 + 1)) / 100 for _, m in GROUPS] for _ in units]
    before = [Decimal(rng.randrange(6000, 9800)) / 100 for _ in units]
    return rng, units, points, before


def _write(path, sentences: list[str], units, points, before) -> None:
    d = docx.Document()
    for text in ("UBND TỈNH HÀ TĨNH", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Số: 1586/BC-TTPVHCC",
                 "Hà Tĩnh, ngày 15 tháng 4 năm 2025", "BÁO CÁO",
                 "Kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp quý I năm 2025",
                 "I. KẾT QUẢ ĐÁNH GIÁ", "1. Kết quả cụ thể", *sentences, "(Chi tiết tại Phụ lục kèm theo)",
                 "II. NHIỆM VỤ", "Các xã tiếp tục cải thiện các chỉ số.", "Nơi nhận:", "- Lưu: VT.", "GIÁM ĐỐC",
                 "Nguyễn Đình Phúc", "Phụ lục", "Bảng 1. Điểm của các xã quý I năm 2025"):
        d.add_paragraph(text)
    rows = [["STT", "Cơ quan, đơn vị", *(f"{g} ({m} điểm)" for g, m in GROUPS), "Tổng điểm (100 điểm)"]]
    rows += [[str(i), u, *map(_vi, ps), _vi(sum(ps))] for i, (u, ps) in enumerate(zip(units, points), 1)]
    _table(d, rows)
    d.add_paragraph("Bảng 2. Biến động điểm so với quý IV năm 2024")
    rows = [["STT", "Cơ quan, đơn vị", "Điểm quý IV năm 2024", "Điểm quý I năm 2025", "Tăng (+), giảm (-)"]]
    for i, (u, ps, b) in enumerate(zip(units, points, before), 1):
        change = sum(ps) - b
        rows.append([str(i), u, _vi(b), _vi(sum(ps)), ("+" if change > 0 else "") + _vi(change)])
    _table(d, rows)
    d.save(path)


def _table(d, rows) -> None:
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in zip(table.rows, rows):
        for cell, value in zip(r.cells, values):
            cell.text = value


def _errors(path) -> list[str]:
    return [f.rule for f in verify_path(path).findings if f.severity == "error"]


@pytest.mark.parametrize("seed", range(4))
def test_a_units_points_both_tables_give_alike_are_the_figure_meant(tmp_path, seed):
    rng, units, points, before = _case(seed)
    u = rng.randrange(len(units))
    total = sum(points[u])
    clean = tmp_path / "clean.docx"
    _write(clean, [f"{units[u]} đạt {_vi(total)}/100 điểm."], units, points, before)
    assert _errors(clean) == []
    slipped = tmp_path / "slip.docx"
    _write(slipped, [f"{units[u]} đạt {_vi(total + Decimal('0.90'))}/100 điểm."], units, points, before)
    assert _errors(slipped) == ["unit-figure-vs-table"]


@pytest.mark.parametrize("seed", range(4))
def test_a_groups_mean_out_of_its_maximum_is_of_that_groups_column(tmp_path, seed):
    _, units, points, before = _case(10 + seed)
    mean = (sum(ps[-1] for ps in points) / len(points)).quantize(Decimal("0.01"))
    clean = tmp_path / "clean.docx"
    _write(clean, [f"Nhóm chỉ số Số hóa hồ sơ có điểm trung bình {_vi(mean)}/22 điểm."], units, points, before)
    assert _errors(clean) == []
    slipped = tmp_path / "slip.docx"
    _write(slipped, [f"Nhóm chỉ số Số hóa hồ sơ có điểm trung bình {_vi(mean + Decimal('1.30'))}/22 điểm."],
           units, points, before)
    assert _errors(slipped) == ["stat-vs-table"]
