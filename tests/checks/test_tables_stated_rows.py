"""What a table states in its rows and beside them: a "Tổng điểm" row under
indicators (units as columns), numbered criteria whose parent agrees with the
level above, ranks of several units side by side on the real three-province
report (ld-chiso-bc184-snv.docx), and a table of one figure a row."""
from __future__ import annotations

import sys
from pathlib import Path

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import REAL, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_docs import Doc, Table, write_docx  # noqa: E402


def _run(path: Path):
    ctx = CheckContext()
    found = run_checks(read_path(path), ctx)
    return [f for f in found if not f.code.startswith("LAYOUT")], ctx


# Five departments as columns, the 766 groups as rows with their maximum, a "Tổng điểm" row.
UNITS = ["Sở Tư pháp", "Sở Nội vụ", "Sở Y tế", "Sở Tài chính", "Sở Xây dựng"]
GROUPS = [("Công khai, minh bạch", "18,00", "16,38 15,84 16,20 15,12 13,14"),
          ("Tiến độ, kết quả giải quyết", "20,00", "13,20 18,20 12,20 16,80 17,40"),
          ("Dịch vụ trực tuyến", "22,00", "21,56 13,20 19,36 16,94 16,28"),
          ("Mức độ hài lòng", "18,00", "17,46 11,88 14,40 10,98 10,98"),
          ("Số hóa hồ sơ", "22,00", "13,42 20,68 13,20 18,48 16,06")]
TOTALS = "100,00 82,02 79,80 75,36 78,32 73,86"


def _by_indicator(tmp_path: Path, totals: str = TOTALS) -> Path:
    rows = [[str(k + 1), name, mx, *figures.split()] for k, (name, mx, figures) in enumerate(GROUPS)]
    rows.append(["", "Tổng điểm", *totals.split()])
    path = tmp_path / "by_indicator.docx"
    write_docx(Doc(name="t", kind="t", tables=[Table([["STT", "Chỉ tiêu", "Điểm tối đa", *UNITS]], rows,
                                                      "ĐIỂM CÁC SỞ THEO NHÓM CHỈ TIÊU")]), path)
    return path


def test_a_tong_diem_row_under_indicators_is_their_sum_for_every_unit(tmp_path):
    found, ctx = _run(_by_indicator(tmp_path))
    assert [f.code for f in found if f.severity != "info"] == []
    assert "total-row-equals-sum" in ctx.ledger.tables[0].relations
    # Sở Nội vụ's total 79,80 written 80,80: 15,84 + 18,20 + 13,20 + 11,88 + 20,68 = 79,80.
    found, _ = _run(_by_indicator(tmp_path, TOTALS.replace("79,80", "80,80")))
    errors = [f for f in found if f.severity == "error"]
    assert [(f.code, f.reported, f.expected) for f in errors] == [("SUM_ROW_MISMATCH", "80.80", "79.80")]
    assert "“Sở Nội vụ” ghi 80,80 nhưng tổng 5 dòng 15,84 + 18,20 + 13,20 + 11,88 + 20,68 = 79,80" in errors[0].message


def _criteria(tmp_path: Path, leaf: str = "1,50") -> Path:
    rows = [["I", "Công tác chỉ đạo, điều hành", "6,00", "5,00"],
            ["1", "Kế hoạch cải cách hành chính", "3,00", "2,50"],
            ["a", "Ban hành kế hoạch đúng hạn", "1,00", "1,00"], ["b", "Mức độ hoàn thành kế hoạch", "2,00", leaf],
            ["2", "Kiểm tra cải cách hành chính", "3,00", "2,50"],
            ["a", "Ban hành kế hoạch kiểm tra", "1,00", "1,00"], ["b", "Tỷ lệ cơ quan được kiểm tra", "2,00", "1,50"],
            ["II", "Cải cách thể chế", "4,00", "3,50"],
            ["1", "Xây dựng văn bản", "2,00", "2,00"], ["2", "Kiểm tra, rà soát văn bản", "2,00", "1,50"]]
    path = tmp_path / f"criteria_{leaf}.docx"
    write_docx(Doc(name="c", kind="c", tables=[Table([["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"]], rows,
                                                      "BẢNG TỰ CHẤM ĐIỂM")]), path)
    return path


def test_a_parent_that_agrees_with_the_level_above_points_at_its_items(tmp_path):
    found, _ = _run(_criteria(tmp_path))
    assert [f for f in found if f.severity == "error"] == []
    # 1.b's 1,50 written 1,75 (within its 2 points): 1. no longer adds up (1,00 + 1,75 ≠ 2,50),
    # but I. (2,50 + 2,50 = 5,00) does with 1.'s written figure: the slip is among 1.'s items.
    found, _ = _run(_criteria(tmp_path, "1,75"))
    errors = [f for f in found if f.severity == "error"]
    assert [(f.code, f.unit, f.reported, f.expected) for f in errors] == [
        ("PARENT_SUM_MISMATCH", "Kế hoạch cải cách hành chính", "2.50", "2.75")]
    assert ("= 1,00 + 1,75 = 2,75; số ghi ở mục này khớp với tổng của mục I cấp trên, nên số sai nhiều khả năng "
            "ở một mục con. Chỉ một ô sai, nhưng không rõ là ô nào: ") in errors[0].message
    # each item is named with the figure that makes the sum hold; the parent set to 2,75, which would need I.
    # computed again too, is no option beside them
    assert errors[0].message.endswith(
        "không rõ là ô nào: dòng “Ban hành kế hoạch đúng hạn”, cột “Điểm tự đánh giá” ghi 1,00 (nếu là 0,75 thì "
        "mọi quan hệ đều khớp) hoặc dòng “Mức độ hoàn thành kế hoạch”, cột “Điểm tự đánh giá” ghi 1,75 (nếu là "
        "1,50 thì mọi quan hệ đều khớp)")


def test_ranks_of_three_provinces_follow_their_figures_across_each_row():
    found, ctx = _run(REAL / "ld-chiso-bc184-snv.docx")
    assert [f for f in found if f.code == "RANK_MISMATCH"] == []
    # The four tables of sub-indices (PAR, SIPAS, PAPI, PCI), each province with its rank of 63.
    assert [i for i, e in sorted(ctx.ledger.tables.items()) if "rank-among-peers" in e.relations] == [0, 1, 2, 3]
    unchecked = next(f for f in found if f.code == "TABLE_UNCHECKED" and f.table == 3)
    assert "thứ hạng theo thứ tự số liệu của các đơn vị cùng dòng" in unchecked.message
