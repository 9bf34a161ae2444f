"""A comparison table whose units are its columns ("Nội dung | Sở Y tế | … |
Trung bình", rows "Điểm quý II", "Điểm quý III", "Chênh lệch"): a unit's
figure, the unit at the top of a quarter and a unit's change in the prose are
held to that unit's column, on the row of the quarter the sentence names.

Reports are generated from seeded points (DOCX written with python-docx);
a clean one gives no error and every claim of the prose is checked."""
from __future__ import annotations

import random
from decimal import Decimal

import docx
import pytest

from reportgen.verify import verify_path

OFFICES = ("Sở Y tế", "Sở Tư pháp", "Sở Nội vụ", "Sở Xây dựng", "Sở Tài chính", "Văn phòng UBND tỉnh",
           "Sở Khoa học và Công nghệ")


def _vi(value: Decimal) -> str:
    return format(value, "f").replace(".", ",")


def _write(path, sentences: list[str], units: list[str], before: list[Decimal], now: list[Decimal]) -> None:
    d = docx.Document()
    for text in ("UBND TỈNH ĐIỆN BIÊN", "VĂN PHÒNG UBND TỈNH", "Số: 215/TB-VPUB",
                 "Điện Biên, ngày 06 tháng 10 năm 2025", "THÔNG BÁO",
                 "Kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp quý III năm 2025", *sentences,
                 "Kết quả cụ thể như sau:"):
        d.add_paragraph(text)
    mean = lambda xs: (sum(xs) / len(xs)).quantize(Decimal("0.01"))  # noqa: E731
    rows = [["Nội dung", *units, "Trung bình"],
            ["Điểm quý II", *map(_vi, before), _vi(mean(before))],
            ["Điểm quý III", *map(_vi, now), _vi(mean(now))],
            ["Chênh lệch", *(_vi(b - a) for a, b in zip(before, now)), _vi(mean(now) - mean(before))]]
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in zip(table.rows, rows):
        for cell, value in zip(r.cells, values):
            cell.text = value
    for text in ("Nơi nhận:", "- Lưu: VT.", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Vũ Đức Thắng"):
        d.add_paragraph(text)
    d.save(path)


def _case(seed: int):
    rng = random.Random(seed)
    units = rng.sample(OFFICES, 5)
    before = [Decimal(rng.randrange(6000, 9800)) / 100 for _ in units]
    now = [Decimal(rng.randrange(6000, 9800)) / 100 for _ in units]
    top = max(range(len(units)), key=lambda i: now[i])
    fell = min(range(len(units)), key=lambda i: now[i] - before[i])
    return units, before, now, top, fell


def _sentences(units, before, now, top, fell, top_points=None, fall=None):
    drop = before[fell] - now[fell] if fall is None else fall
    return [f"Giảm nhiều nhất là {units[fell]} với {_vi(now[fell])} điểm, giảm {_vi(drop)} điểm so với kỳ trước.",
            f"Đứng đầu quý III là {units[top]} với {_vi(now[top] if top_points is None else top_points)} điểm."]


def _findings(path):
    return verify_path(path).findings


@pytest.mark.parametrize("seed", range(4))
def test_a_clean_report_has_every_claim_checked_against_the_units_columns(tmp_path, seed):
    units, before, now, top, fell = _case(seed)
    path = tmp_path / "clean.docx"
    _write(path, _sentences(units, before, now, top, fell), units, before, now)
    findings = _findings(path)
    assert [f for f in findings if f.severity == "error"] == []
    assert [f for f in findings if f.code == "CLAIM_UNCHECKED"] == []


@pytest.mark.parametrize("seed", range(4))
def test_the_top_units_figure_is_held_to_the_row_of_the_quarter_the_sentence_names(tmp_path, seed):
    units, before, now, top, fell = _case(10 + seed)
    path = tmp_path / "slip.docx"
    wrong = before[top] if before[top] != now[top] else now[top] + Decimal("0.30")  # last quarter's figure
    _write(path, _sentences(units, before, now, top, fell, top_points=wrong), units, before, now)
    errors = [f for f in _findings(path) if f.severity == "error"]
    assert [(f.code, f.unit, f.expected) for f in errors] == [("UNIT_FIGURE_MISMATCH", units[top], str(now[top]))]


@pytest.mark.parametrize("seed", range(4))
def test_a_units_change_is_held_to_the_change_row_of_its_column(tmp_path, seed):
    units, before, now, top, fell = _case(20 + seed)
    path = tmp_path / "slip.docx"
    drop = before[fell] - now[fell]
    _write(path, _sentences(units, before, now, top, fell, fall=drop + Decimal("0.70")), units, before, now)
    errors = [f for f in _findings(path) if f.severity == "error"]
    change = str(now[fell] - before[fell])
    assert [(f.code, f.unit, f.expected) for f in errors] == [("CHANGE_MISMATCH", units[fell], change)]
