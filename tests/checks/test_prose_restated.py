"""A figure of the prose that restates one cell of a table ("PCI năm 2025 đạt
66,17 điểm, xếp thứ 43/63", "Tổng điểm PAPI năm 2025 … đạt 44,48/80 điểm") is
held to the cell the structure gives: the column of its measure dated its
year, the row it names or the table's overall row. Figures from a province's
report of its indexes (PCI, PAPI)."""
from __future__ import annotations

from reportgen.verify import verify_path

HEAD = """UBND TỈNH LẠNG SƠN
VĂN PHÒNG
Số: 417/BC-VP\tLạng Sơn, ngày 13 tháng 10 năm 2026

BÁO CÁO
Phân tích kết quả các chỉ số PAPI, PCI năm 2025 của tỉnh Lạng Sơn

1. Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)
{pci}

Kết quả PCI 2024 - 2025

| STT | Chỉ số thành phần | Năm 2024 | Năm 2025 | Tăng/giảm (điểm) | Thứ hạng 2024 | Thứ hạng 2025 | Tăng/giảm (bậc) |
|---|---|---|---|---|---|---|---|
| 1 | Chi phí gia nhập thị trường | 8,25 | 8,53 | +0,28 | 33 | 3 | +30 |
| 2 | Tiếp cận đất đai | 6,57 | 6,74 | +0,17 | 46 | 13 | +33 |
| 3 | Tính minh bạch | 7,25 | 7,01 | -0,24 | 61 | 21 | +40 |
| 4 | Chi phí thời gian | 5,63 | 5,58 | -0,05 | 35 | 2 | +33 |
| | PCI (có trọng số) | 66,80 | 66,17 | -0,63 | 55 | 43 | +12 |

2. Chỉ số PAPI
{papi}

Kết quả PAPI của tỉnh Lạng Sơn năm 2024 - 2025

| STT | Chỉ số nội dung | Năm 2024 | Năm 2025 | So với năm trước | Xếp hạng năm 2025 |
|---|---|---|---|---|---|
| 1 | Tham gia của người dân ở cấp cơ sở | 7,90 | 7,69 | -0,21 | 8/63 |
| 2 | Công khai, minh bạch trong việc ra quyết định | 7,00 | 6,95 | -0,05 | 34/63 |
| 3 | Trách nhiệm giải trình với người dân | 4,49 | 4,13 | -0,36 | 11/63 |
| | {overall} | 19,39 | 18,77 | -0,62 | 3/63 |

Nơi nhận:
- Lưu: VT.
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Hồ Văn Phúc
"""
PCI = "PCI năm 2025 đạt 66,17 điểm, xếp thứ {a}/63; năm 2024 đạt 66,80 điểm, xếp thứ {b}/63."
PAPI = "Tổng điểm PAPI năm 2025 của tỉnh đạt {p}/80 điểm."


def run(tmp_path, a="43", b="55", p="18,77", overall="Tổng cộng (tối đa 80 điểm)", papi=PAPI):
    path = tmp_path / "bc.txt"
    path.write_text(HEAD.format(pci=PCI.format(a=a, b=b), papi=papi.format(p=p), overall=overall), encoding="utf-8")
    result = verify_path(path)
    errors = [(f.code, f.reported, f.expected) for f in result.findings if f.severity == "error"]
    unchecked = [f.message for f in result.findings if f.code == "CLAIM_UNCHECKED"]
    return result, errors, unchecked


def test_ranks_and_points_restated_from_the_overall_row_of_their_year_are_checked(tmp_path):
    result, errors, unchecked = run(tmp_path)
    assert errors == [] and unchecked == []
    assert result.ledger.to_json()["claims"] == {"checked": 3, "total": 3, "external": 0}


def test_a_rank_of_the_other_year_is_an_error_with_the_cell_of_the_year_the_sentence_names(tmp_path):
    _, errors, _ = run(tmp_path, a="55", b="43")
    assert errors == [("QUANTITY_CONFLICT", "55", "43"), ("QUANTITY_CONFLICT", "43", "55")]


def test_points_that_differ_from_the_total_row_are_an_error(tmp_path):
    _, errors, _ = run(tmp_path, p="18,97")
    assert errors == [("QUANTITY_CONFLICT", "18.97", "18.77")]


def test_an_unnumbered_last_row_named_for_the_index_is_the_overall_row(tmp_path):
    _, errors, unchecked = run(tmp_path, overall="CHỈ SỐ PAPI", p="18,78")
    assert errors == [("QUANTITY_CONFLICT", "18.78", "18.77")]
    _, errors, unchecked = run(tmp_path, overall="CHỈ SỐ PAPI")
    assert errors == [] and unchecked == []


def test_a_sentence_without_a_year_among_dated_columns_checks_only_an_equal_cell(tmp_path):
    # "Năm 2024" and "Năm 2025" both write points: no single cell, so no error either way
    _, errors, unchecked = run(tmp_path, papi="Tổng điểm PAPI của tỉnh đạt {p}/80 điểm.", p="19,39")
    assert errors == [] and unchecked == []
    _, errors, unchecked = run(tmp_path, papi="Tổng điểm PAPI của tỉnh đạt {p}/80 điểm.", p="19,93")
    assert errors == [] and len(unchecked) == 1


def test_a_cell_with_more_places_is_compared_as_the_prose_rounds_it_half_up(tmp_path):
    # the table writes 18,765; the prose's 18,77 is it rounded half up (half to even would give 18,76)
    path = tmp_path / "bc.txt"
    text = HEAD.format(pci=PCI.format(a="43", b="55"), papi=PAPI.format(p="18,77"),
                       overall="Tổng cộng (tối đa 80 điểm)")
    text = text.replace("| 19,39 | 18,77 | -0,62 |", "| 19,39 | 18,765 | -0,62 |")
    path.write_text(text, encoding="utf-8")
    result = verify_path(path)
    assert [f for f in result.findings if f.code == "CLAIM_UNCHECKED"] == []
    assert [f.code for f in result.findings if f.rule == "restated-cell"] == []
