"""Units graded on the task scale ("Hoàn thành xuất sắc nhiệm vụ", "Hoàn
thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ")
with bands the document states in percent of the points: each grade is read
(the plain "Hoàn thành nhiệm vụ" too), checked against the stated bands,
counted against the prose, and the grade-summary table's shares are held to
its total row even when only two grades are given.

Reports are generated from seeded points (DOCX written with python-docx)."""
from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

from reportgen.verify import verify_path

from support import write_docx_tables

GRADES = ("Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ",
          "Không hoàn thành nhiệm vụ")
LEGEND = ("Xếp loại theo tỷ lệ điểm: loại Hoàn thành xuất sắc nhiệm vụ đạt từ 90% trở lên, loại Hoàn thành "
          "tốt nhiệm vụ từ 80% đến dưới 90%, loại Hoàn thành nhiệm vụ từ 50% đến dưới 80%, loại Không hoàn "
          "thành nhiệm vụ dưới 50%.")
COMMUNES = ("Long Hải", "Tân Phú", "Hòa Bình", "Vĩnh Thạnh", "Bình Minh", "Minh Đức", "Yên Lạc", "Hợp Tiến",
            "Thanh Xuân", "Phú Lộc", "An Bình")
TWO = Decimal("0.01")


def _vi(value: Decimal) -> str:
    return format(value.quantize(TWO, ROUND_HALF_UP), "f").replace(".", ",")


def _grade(pct: Decimal) -> str:
    return GRADES[0] if pct >= 90 else GRADES[1] if pct >= 80 else GRADES[2] if pct >= 50 else GRADES[3]


def _case(seed: int) -> list[tuple[str, Decimal, Decimal, str]]:
    """(commune, points of 20, percent, grade), best first, of a seeded draw."""
    rng = random.Random(seed)
    n = rng.randrange(6, 11)
    points = sorted((Decimal(rng.randrange(900, 1990)) / 100 for _ in range(n)), reverse=True)
    rows = []
    for name, p in zip(COMMUNES, points):
        pct = (p / 20 * 100).quantize(TWO, ROUND_HALF_UP)
        rows.append((f"UBND xã {name}", p, pct, _grade(pct)))
    return rows


def _write(path, rows, *, grade_at: tuple[int, str] | None = None, count_delta: int = 0,
           share_at: tuple[int, str] | None = None, extra: str | None = None) -> None:
    counts = [sum(1 for r in rows if r[3] == g) for g in GRADES]
    n = len(rows)
    said = "; ".join(f"{c + (count_delta if i == next(j for j, k in enumerate(counts) if k) else 0):02d} xã "
                     f"xếp loại {g}" for i, (g, c) in enumerate(zip(GRADES, counts)) if c)
    prose = ["UBND TỈNH AN GIANG", "UBND HUYỆN THOẠI SƠN", "Số: 631/BC-UBND", "Thoại Sơn, ngày 12 tháng 01 năm 2026",
             "BÁO CÁO", "Kết quả đánh giá chất lượng giải quyết thủ tục hành chính tại Bộ phận Một cửa cấp xã năm 2025",
             "1. Thang điểm và xếp loại", LEGEND, "2. Kết quả", f"Kết quả đánh giá {n:02d} xã: {said}.",
             *([extra] if extra else [])]
    body = [["STT", "Tên đơn vị", "Tổng điểm (tối đa 20 điểm)", "Tỷ lệ (%)", "Xếp hạng", "Xếp loại"]]
    for i, (name, p, pct, g) in enumerate(rows, 1):
        if grade_at is not None and grade_at[0] == i - 1:
            g = grade_at[1]
        body.append([str(i), name, _vi(p), _vi(pct), str(i), g])
    summary = [["STT", "Xếp loại", "Số đơn vị", "Tỷ lệ (%)"]]
    for i, (g, c) in enumerate(zip(GRADES, counts), 1):
        share = _vi(Decimal(c) / n * 100)
        if share_at is not None and share_at[0] == i - 1:
            share = share_at[1]
        summary.append([str(i), g, str(c), share])
    summary.append(["", "Tổng cộng", str(n), "100,00"])
    write_docx_tables(path, prose, [("BẢNG XẾP HẠNG", body[0], body[1:]),
                                    ("TỔNG HỢP XẾP LOẠI", summary[0], summary[1:])],
                      after=["Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH", "Ngô Văn Hải"])


def _findings(path, codes=("GRADE_UNREAD", "GRADE_COUNT_MISMATCH", "GRADE_BAND_MISMATCH", "SUM_MISMATCH",
                           "RATIO_MISMATCH", "COLUMN_UNCHECKED", "CLAIM_UNCHECKED", "GRADES_UNCHECKED")):
    result = verify_path(path)
    return result, [(f.code, f.severity) for f in result.findings if f.code in codes]


def test_every_task_grade_is_read_and_checked(tmp_path):
    for seed in range(6):
        rows = _case(seed)
        path = tmp_path / f"clean{seed}.docx"
        _write(path, rows)
        result, found = _findings(path)
        assert found == [], (seed, found)
        assert result.verdict == "ĐẠT", seed


def test_a_grade_outside_its_band_names_the_grade_as_the_document_words_it(tmp_path):
    rows = [("UBND xã Tân Lập", Decimal("18.50"), Decimal("92.50"), GRADES[0]),
            ("UBND xã Hòa Bình", Decimal("17.00"), Decimal("85.00"), GRADES[1]),
            ("UBND xã Yên Lạc", Decimal("12.00"), Decimal("60.00"), GRADES[2]),
            ("UBND xã Kim Sơn", Decimal("11.00"), Decimal("55.00"), GRADES[2]),
            ("UBND xã Kim Đồng", Decimal("9.00"), Decimal("45.00"), GRADES[3])]
    path = tmp_path / "wrong.docx"
    _write(path, rows, grade_at=(1, GRADES[0]))
    result = verify_path(path)
    errors = [f for f in result.findings if f.severity == "error"]
    assert [(f.code, f.reported, f.expected) for f in errors] == [
        ("GRADE_BAND_MISMATCH", "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ")]


def test_a_wrong_grade_is_an_error_in_every_draw(tmp_path):
    for seed in range(6):
        rows = _case(seed)
        at = len(rows) // 2
        other = GRADES[0] if rows[at][3] != GRADES[0] else GRADES[2]
        path = tmp_path / f"grade{seed}.docx"
        _write(path, rows, grade_at=(at, other))
        errors = {f.code for f in verify_path(path).findings if f.severity == "error"}
        assert "GRADE_BAND_MISMATCH" in errors, seed


def test_a_count_of_the_prose_that_the_table_denies_is_found(tmp_path):
    for seed in range(6):
        path = tmp_path / f"count{seed}.docx"
        _write(path, _case(seed), count_delta=1)
        codes = {f.code for f in verify_path(path).findings if f.code in ("GRADE_COUNT_MISMATCH", "SUM_MISMATCH")}
        assert codes, seed


def test_two_shares_and_a_total_of_100_are_shares_of_the_total_row(tmp_path):
    rows = [(f"UBND xã {c}", p, p * 5, GRADES[1] if p >= 16 else GRADES[2])
            for c, p in zip(COMMUNES, (Decimal("17.91"), Decimal("16.21"), Decimal("16.20"), Decimal("15.63"),
                                       Decimal("15.51"), Decimal("14.28"), Decimal("13.00"), Decimal("12.73"),
                                       Decimal("12.14")))]
    path = tmp_path / "shares.docx"
    _write(path, rows)
    result, found = _findings(path)
    assert found == [] and result.verdict == "ĐẠT"
    _write(path, rows, share_at=(1, "33,00"))
    errors = [(f.code, f.reported, str(f.expected)) for f in verify_path(path).findings if f.severity == "error"]
    assert errors == [("RATIO_MISMATCH", "33.00", "33.33")]


def test_a_plain_task_sentence_is_no_grade_count(tmp_path):
    rows = _case(1)
    path = tmp_path / "plain.docx"
    _write(path, rows, extra="Có 12 cán bộ, công chức đã hoàn thành nhiệm vụ được giao trong năm.")
    result, found = _findings(path)
    assert found == [] and result.verdict == "ĐẠT"
