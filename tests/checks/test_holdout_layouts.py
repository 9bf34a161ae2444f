"""Layouts of real offices that hold-out documents exposed, as specifications
over generated variety (figures drawn from a seed, computed here):

- a monthly statistics table per field whose rate is a sum of columns over a
  sum of columns ("Đã giải quyết: Trước hạn | Đúng hạn | Quá hạn | Tỷ lệ
  đúng hạn (%)", no column holds the number solved), the "%" in the header or
  in each cell;
- a ranking whose ties share a rank ("đồng hạng"), a tie ranked one after
  the other being a slip;
- a one-stop evaluation (TT 01/2018/TT-VPCP) numbered I / 1 / a with a per-row
  maximum, whose group names are a shipped scheme's and whose criteria may be
  named "Tỷ lệ …" while they score points.
"""
from __future__ import annotations

import random
import sys
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_docs import Doc, Table, write_docx  # noqa: E402

FIELDS = ["Đất đai", "Tư pháp - Hộ tịch", "Xây dựng", "Lao động - Việc làm", "Kinh tế - Hạ tầng", "Y tế",
          "Giáo dục và Đào tạo", "Nông nghiệp và Môi trường"]


def _vi(value: Decimal, places: int) -> str:
    q = value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    whole, _, frac = f"{q:.{places}f}".partition(".")
    whole = f"{int(whole):,}".replace(",", ".")
    return f"{whole},{frac}" if places else whole


def _run(tmp_path: Path, doc: Doc):
    path = tmp_path / f"{doc.name}.docx"
    write_docx(doc, path)
    ctx = CheckContext()
    findings = run_checks(read_path(path), ctx)
    return [f for f in findings if f.severity == "error"], ctx


def _statistics(rnd: random.Random, percent_in_cells: bool) -> tuple[list[list[str]], list[list[str]]]:
    """Fields with the dossiers received by channel and solved early / on time / late, and the
    on-time rate (early + on time) / solved × 100 with two decimals; a "Tổng cộng" row."""
    rate_head = "Tỷ lệ giải quyết đúng hạn" + ("" if percent_in_cells else " (%)")
    header = [["STT", "Lĩnh vực", "Tổng số hồ sơ tiếp nhận", "Trong đó", "Trong đó", "Trong đó",
               "Đã giải quyết", "Đã giải quyết", "Đã giải quyết", rate_head],
              ["STT", "Lĩnh vực", "Tổng số hồ sơ tiếp nhận", "Trực tuyến", "Trực tiếp", "Bưu chính",
               "Trước hạn", "Đúng hạn", "Quá hạn", rate_head]]
    rows, sums = [], [0] * 7
    sign = "%" if percent_in_cells else ""
    for i, name in enumerate(rnd.sample(FIELDS, 6), 1):
        online, direct, post = rnd.randint(30, 3000), rnd.randint(10, 900), rnd.randint(0, 40)
        received = online + direct + post
        late = rnd.randint(1, max(2, received // 40))
        ontime = rnd.randint(1, received // 5)
        early = received - late - ontime - rnd.randint(0, received // 10)
        figures = [received, online, direct, post, early, ontime, late]
        sums = [a + b for a, b in zip(sums, figures)]
        rate = Decimal(early + ontime) * 100 / (early + ontime + late)
        rows.append([str(i), name, *(_vi(Decimal(v), 0) for v in figures), _vi(rate, 2) + sign])
    rate = Decimal(sums[4] + sums[5]) * 100 / (sums[4] + sums[5] + sums[6])
    rows.append(["", "Tổng cộng", *(_vi(Decimal(v), 0) for v in sums), _vi(rate, 2) + sign])
    return header, rows


@pytest.mark.parametrize("seed", [3, 17, 2027])
@pytest.mark.parametrize("percent_in_cells", [False, True])
def test_a_rate_over_sums_of_columns_is_checked_on_every_row(tmp_path, seed, percent_in_cells):
    header, rows = _statistics(random.Random(seed), percent_in_cells)
    doc = Doc(name=f"stats{seed}", kind="stats", tables=[Table(header, rows, "Biểu số 01. Kết quả giải quyết hồ sơ")])
    errors, ctx = _run(tmp_path, doc)
    assert errors == []
    entry = ctx.ledger.tables[0]
    assert "percent-equals-part-over-whole" in entry.relations
    assert entry.checked_cells == entry.numeric_cells  # 7 rows × 8 figures, the rates included
    assert len(entry.numeric_cells) == 56

    # One rate copied from another row: named on its row, in the rate column, with the sums.
    rnd = random.Random(seed + 1)
    k = rnd.randrange(len(rows) - 1)
    other = next(r for r in rows if r[9] != rows[k][9])
    written = rows[k][9]
    rows[k][9] = other[9]
    errors, _ = _run(tmp_path, Doc(name=f"stats{seed}_slip", kind="stats",
                                   tables=[Table(header, rows, "Biểu số 01. Kết quả giải quyết hồ sơ")]))
    assert [(f.code, f.unit, f.column) for f in errors] == [("RATIO_MISMATCH", rows[k][1], "k9")]
    expected = written.rstrip("%").replace(".", "").replace(",", ".")
    assert Decimal(errors[0].expected) == Decimal(expected)
    assert "+" in errors[0].message  # the part and the whole are sums of the columns


@pytest.mark.parametrize("seed", [3, 17, 2027])
def test_a_rate_over_sums_of_counts_a_unit_above_its_rounding_is_a_slip(tmp_path, seed):
    # Counts are exact: their rate is the quotient rounded, or cut; a unit above both is a slip
    # even where it is less than a unit off the quotient (92,23 for 581 / 630 = 92,222…).
    header, rows = _statistics(random.Random(seed), False)
    def exact(row):
        early, ontime, late = (int(v.replace(".", "")) for v in row[6:9])
        return Decimal(early + ontime) * 100 / (early + ontime + late)

    # A row whose quotient rounds down: a unit above is less than a unit off it.
    k = next(i for i, r in enumerate(rows[:-1]) if 0 < exact(r) % Decimal("0.01") < Decimal("0.005"))
    cut = exact(rows[k]).quantize(Decimal("0.01"), ROUND_DOWN)
    doc = lambda name: Doc(name=name, kind="stats", tables=[Table(header, rows, "Biểu số 01")])  # noqa: E731
    rows[k][9] = _vi(cut, 2)
    errors, _ = _run(tmp_path, doc(f"cut{seed}"))
    assert errors == []
    rows[k][9] = _vi(cut + Decimal("0.01"), 2)
    errors, _ = _run(tmp_path, doc(f"above{seed}"))
    assert [(f.code, f.unit) for f in errors] == [("RATIO_MISMATCH", rows[k][1])]


def test_a_rate_over_sums_is_not_adopted_from_whole_percents_alone(tmp_path):
    # Every rate is 100 or 0: no row tells a quotient, so no sum of columns is taken for the rate.
    header, _ = _statistics(random.Random(5), False)
    rows = [["1", "Đất đai", "40", "30", "10", "0", "25", "15", "0", "100,00"],
            ["2", "Xây dựng", "12", "2", "10", "0", "4", "8", "0", "100,00"],
            ["3", "Y tế", "9", "9", "0", "0", "5", "4", "0", "100,00"],
            ["4", "Tư pháp", "20", "20", "0", "0", "12", "8", "0", "100,00"]]
    errors, ctx = _run(tmp_path, Doc(name="whole", kind="stats", tables=[Table(header, rows, "Biểu số 02")]))
    assert errors == []
    assert "percent-equals-part-over-whole" not in ctx.ledger.tables[0].relations


def _ranking(rnd: random.Random) -> list[list[str]]:
    """Units of two groups with points (two decimals), ties included, ranked within each
    group with equal ranks for equal points (1, 2, 2, 4)."""
    rows = []
    for letter, group in (("A", "KHỐI SỞ, BAN, NGÀNH"), ("B", "ỦY BAN NHÂN DÂN CẤP XÃ")):
        rows.append([letter, group, "", ""])
        points = [Decimal(rnd.randint(6000, 9800)) / 100 for _ in range(5)]
        points[2] = points[1]  # a tie in every group
        points.sort(reverse=True)
        for i, p in enumerate(points, 1):
            rank = 1 + sum(1 for x in points if x > p)
            rows.append([str(i), f"Đơn vị {letter}{i}", _vi(p, 2), str(rank)])
    return rows


@pytest.mark.parametrize("seed", [1, 8, 40])
def test_ties_ranked_equally_elsewhere_make_a_tie_ranked_apart_a_slip(tmp_path, seed):
    header = [["STT", "Tên cơ quan, đơn vị", "Tổng điểm đạt được", "Xếp hạng"]]
    rows = _ranking(random.Random(seed))
    prose = ["Các đơn vị có cùng số điểm được xếp đồng hạng."]
    errors, ctx = _run(tmp_path, Doc(name="rank", kind="rank", paragraphs=prose,
                                     tables=[Table(header, rows, "Bảng 2. Kết quả xếp hạng")]))
    assert errors == []
    assert "rank-follows-column" in ctx.ledger.tables[0].relations
    # The second of group A's tie written one place lower (one below the first's rank).
    k = next(k for k in range(2, 6) if rows[k][2] == rows[k - 1][2])
    tied = rows[k][3]
    rows[k][3] = str(int(tied) + 1)
    errors, _ = _run(tmp_path, Doc(name="rank_slip", kind="rank", paragraphs=prose,
                                   tables=[Table(header, rows, "Bảng 2. Kết quả xếp hạng")]))
    assert [(f.code, f.unit, f.column, f.reported, f.expected) for f in errors] == [
        ("RANK_MISMATCH", rows[k][1], "k3", str(int(tied) + 1), tied)]


def test_without_equal_ties_a_tie_may_be_ranked_one_after_the_other(tmp_path):
    header = [["STT", "Tên cơ quan, đơn vị", "Tổng điểm đạt được", "Xếp hạng"]]
    rows = [["1", "Đơn vị 1", "92,50", "1"], ["2", "Đơn vị 2", "88,75", "2"], ["3", "Đơn vị 3", "88,75", "3"],
            ["4", "Đơn vị 4", "84,10", "4"], ["5", "Đơn vị 5", "76,40", "5"]]
    errors, _ = _run(tmp_path, Doc(name="apart", kind="rank", tables=[Table(header, rows, "Bảng xếp hạng")]))
    assert errors == []


# A one-stop evaluation: I / 1 / a, per-row maxima, a "Tỷ lệ …" criterion scored by its items.
CRITERIA = [("I", "Công khai, minh bạch"), ("1", "Niêm yết thủ tục hành chính"), ("a", "Niêm yết tại Bộ phận Một cửa"),
            ("b", "Công khai trên Cổng thông tin điện tử"), ("2", "Công khai kết quả giải quyết hồ sơ"),
            ("II", "Tiến độ, kết quả giải quyết"), ("1", "Tỷ lệ hồ sơ giải quyết đúng hạn"),
            ("a", "Hồ sơ trước hạn và đúng hạn từ 95% trở lên"), ("b", "Không có hồ sơ quá hạn"),
            ("2", "Thời gian giải quyết so với quy định"), ("III", "Mức độ hài lòng"),
            ("1", "Tỷ lệ hài lòng về tiếp nhận, giải quyết"), ("2", "Xử lý phản ánh, kiến nghị đúng hạn")]
PARENTS = {0: [1, 4], 1: [2, 3], 5: [6, 9], 6: [7, 8], 10: [11, 12]}


def _evaluation(rnd: random.Random) -> list[list[str]]:
    leaves = {}
    for k in range(len(CRITERIA)):
        if k not in PARENTS:
            top = Decimal(rnd.randint(2, 10))
            own = top - Decimal(rnd.randint(0, 4)) / 2
            leaves[k] = [top, max(own, Decimal(0)), max(own - Decimal(rnd.randint(0, 2)) / 4, Decimal(0))]

    def value(k):
        if k in leaves:
            return leaves[k]
        return [sum(col, Decimal(0)) for col in zip(*(value(c) for c in PARENTS[k]))]

    def text(v):
        return _vi(v, 0) if v == v.to_integral_value() else _vi(v, 2).rstrip("0")

    rows = [[no, name, *(text(v) for v in value(k))] for k, (no, name) in enumerate(CRITERIA)]
    totals = [sum(col, Decimal(0)) for col in zip(*(value(k) for k in (0, 5, 10)))]
    return rows + [["", "Tổng cộng", *(text(v) for v in totals)]]


@pytest.mark.parametrize("seed", [2, 9])
def test_an_evaluation_with_its_own_maxima_is_checked_by_its_own_arithmetic(tmp_path, seed):
    header = [["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định"]]
    rows = _evaluation(random.Random(seed))
    table = Table(header, rows, "Bảng 1. Kết quả chấm điểm")
    errors, ctx = _run(tmp_path, Doc(name="tt01", kind="tt01", tables=[table]))
    assert errors == []
    entry = ctx.ledger.tables[0]
    assert entry.checked_cells == entry.numeric_cells and len(entry.numeric_cells) == 42
    # II.1 "Tỷ lệ hồ sơ giải quyết đúng hạn" written a quarter point above the sum of a and b.
    written = Decimal(rows[6][4].replace(",", ".")) + Decimal("0.25")
    rows[6][4] = _vi(written, 2).rstrip("0").rstrip(",")
    errors, _ = _run(tmp_path, Doc(name="tt01_slip", kind="tt01",
                                   tables=[Table(header, rows, "Bảng 1. Kết quả chấm điểm")]))
    # (II, the sum of 1 and 2, disagrees with the written II.1 too)
    named = [f for f in errors if f.unit == "Tỷ lệ hồ sơ giải quyết đúng hạn"]
    assert [(f.code, f.column, Decimal(f.reported)) for f in named] == [("PARENT_SUM_MISMATCH", "k4", written)]


def _counts(rnd: random.Random, n: int) -> list[int]:
    return [rnd.randint(40, 4000) for _ in range(n)]


@pytest.mark.parametrize("seed", [4, 21])
def test_a_share_of_the_total_row_is_checked(tmp_path, seed):
    # "Số hồ sơ | Cơ cấu (%)": each field's count / the "Tổng cộng" row's count × 100.
    counts = _counts(random.Random(seed), 6)
    total = sum(counts)
    rows = [[str(i), name, _vi(Decimal(v), 0), _vi(Decimal(v) * 100 / total, 2)]
            for i, (name, v) in enumerate(zip(FIELDS, counts), 1)]
    rows.append(["", "Tổng cộng", _vi(Decimal(total), 0), "100,00"])
    header = [["STT", "Lĩnh vực", "Số hồ sơ tiếp nhận", "Cơ cấu (%)"]]
    errors, ctx = _run(tmp_path, Doc(name="share", kind="share", tables=[Table(header, rows, "Biểu 03")]))
    assert errors == []
    entry = ctx.ledger.tables[0]
    assert entry.checked_cells == entry.numeric_cells and len(entry.numeric_cells) == 14
    written = rows[2][3]
    rows[2][3] = rows[0][3] if rows[0][3] != written else rows[1][3]
    errors, _ = _run(tmp_path, Doc(name="share_slip", kind="share", tables=[Table(header, rows, "Biểu 03")]))
    assert [(f.code, f.unit, f.column, f.expected) for f in errors] == [
        ("RATIO_MISMATCH", FIELDS[2], "k3", written.replace(",", "."))]


@pytest.mark.parametrize("head", ["Tăng, giảm (%)", "So sánh cùng kỳ (%)"])
def test_a_change_between_two_periods_is_checked_and_may_pass_100(tmp_path, head):
    # "Năm 2024 | Năm 2025 | Tăng, giảm (%)" = (2025 − 2024) / 2024 × 100; "So sánh (%)" = 2025 / 2024 × 100.
    rnd = random.Random(len(head))
    pairs = [(a, a + rnd.randint(-a // 3, a // 2)) for a in _counts(rnd, 5)]
    growth = head.startswith("Tăng")
    rows = [[str(i), f"Chỉ tiêu {i}", _vi(Decimal(a), 0), _vi(Decimal(b), 0),
             _vi((Decimal(b) - a if growth else Decimal(b)) * 100 / a, 2)] for i, (a, b) in enumerate(pairs, 1)]
    header = [["TT", "Nội dung", "Năm 2024", "Năm 2025", head]]
    errors, ctx = _run(tmp_path, Doc(name="change", kind="change", tables=[Table(header, rows, "Biểu 04")]))
    assert errors == []  # a comparison above 100 % is no share over 100 %
    assert ctx.ledger.tables[0].checked_cells == ctx.ledger.tables[0].numeric_cells
    a, b = pairs[1]
    rows[1][3] = _vi(Decimal(b + 100), 0)
    errors, _ = _run(tmp_path, Doc(name="change_slip", kind="change", tables=[Table(header, rows, "Biểu 04")]))
    assert [(f.code, f.unit, f.column) for f in errors] == [("RATIO_MISMATCH", "Chỉ tiêu 2", "k4")]


def test_a_total_item_adds_up_the_items_right_after_it_not_the_other_measures(tmp_path):
    header = [["TT", "Chỉ tiêu", "Quý I", "Quý II", "Quý III"]]
    rows = [["1", "Tổng số hồ sơ tiếp nhận", "1.250", "1.410", "1.388"],
            ["2", "Hồ sơ trực tuyến", "820", "1.002", "990"],
            ["3", "Hồ sơ trực tiếp", "400", "380", "368"],
            ["4", "Hồ sơ qua bưu chính", "30", "28", "30"],
            ["5", "Hồ sơ giải quyết đúng hạn", "1.201", "1.385", "1.370"]]
    errors, ctx = _run(tmp_path, Doc(name="items", kind="items", tables=[Table(header, rows, "Biểu 05")]))
    assert errors == [] and [f for f in run_checks(read_path(tmp_path / "items.docx"), CheckContext())
                             if f.code == "PARENT_SUM_MISMATCH"] == []
    assert "total-item-equals-sum-of-items" in ctx.ledger.tables[0].relations
    rows[2][3] = "390"  # Quý II trực tiếp: 1.002 + 390 + 28 = 1.420, not 1.410
    errors, _ = _run(tmp_path, Doc(name="items_slip", kind="items", tables=[Table(header, rows, "Biểu 05")]))
    assert [(f.code, f.column, f.reported, f.expected) for f in errors] == [
        ("PARENT_SUM_MISMATCH", "k3", "1410", "1420")]


def test_units_as_columns_with_numbered_kinds_of_a_measure_are_turned_round(tmp_path):
    # "1. Tổng số hồ sơ đã giải quyết | 1.1. Trước hạn | 1.2. Đúng hạn | 1.3. Quá hạn | 2. Tỷ lệ (%)".
    rnd = random.Random(12)
    units = ["Sở Tư pháp", "Sở Xây dựng", "Sở Y tế", "Sở Nội vụ", "Sở Tài chính"]
    figures = []
    for _ in units:
        early, ontime, late = rnd.randint(50, 900), rnd.randint(50, 900), rnd.randint(1, 40)
        figures.append((early + ontime + late, early, ontime, late))
    labels = ["Tổng số hồ sơ đã giải quyết", "Giải quyết trước hạn", "Giải quyết đúng hạn", "Giải quyết quá hạn"]
    rows = [[no, label, *(_vi(Decimal(f[k]), 0) for f in figures)]
            for k, (no, label) in enumerate(zip(["1", "1.1", "1.2", "1.3"], labels))]
    rows.append(["2", "Tỷ lệ giải quyết trước hạn và đúng hạn (%)",
                 *(_vi(Decimal(f[1] + f[2]) * 100 / f[0], 1) for f in figures)])
    header = [["TT", "Chỉ tiêu", *units]]
    errors, ctx = _run(tmp_path, Doc(name="turned", kind="turned", tables=[Table(header, rows, "Phụ lục")]))
    assert errors == []
    entry = ctx.ledger.tables[0]
    assert entry.checked_cells == entry.numeric_cells and len(entry.numeric_cells) == 25
    rows[4][4] = _vi(Decimal(rows[4][4].replace(",", ".")) - 2, 1)  # Sở Y tế's rate
    errors, _ = _run(tmp_path, Doc(name="turned_slip", kind="turned", tables=[Table(header, rows, "Phụ lục")]))
    assert [(f.code, f.unit, f.column) for f in errors] == [("RATIO_MISMATCH", "Sở Y tế", "k4")]


def _grouped(rnd: random.Random, subtotal_words: tuple[str, str]) -> list[list[str]]:
    """Two groups of units under roman headings, each closed by a subtotal row, then the grand total."""
    rows, every = [], []
    for roman, group, word in (("I", "KHỐI SỞ, BAN, NGÀNH", subtotal_words[0]),
                               ("II", "ỦY BAN NHÂN DÂN CẤP XÃ", subtotal_words[1])):
        rows.append([roman, group, "", "", ""])
        pairs = []
        for i in range(1, rnd.randint(3, 5) + 1):
            a = rnd.randint(60, 2500)
            b = a - rnd.randint(0, a // 12)
            pairs.append((a, b))
            rows.append([str(i), f"Đơn vị {roman}.{i}", _vi(Decimal(a), 0), _vi(Decimal(b), 0),
                         _vi(Decimal(b) * 100 / a, 2)])
        sa, sb = sum(a for a, _ in pairs), sum(b for _, b in pairs)
        rows.append(["", word, _vi(Decimal(sa), 0), _vi(Decimal(sb), 0), _vi(Decimal(sb) * 100 / sa, 2)])
        every += pairs
    ta, tb = sum(a for a, _ in every), sum(b for _, b in every)
    return rows + [["", "Tổng cộng", _vi(Decimal(ta), 0), _vi(Decimal(tb), 0), _vi(Decimal(tb) * 100 / ta, 2)]]


@pytest.mark.parametrize("words", [("Cộng I", "Cộng II"), ("Cộng khối sở", "Cộng cấp xã"), ("Cộng", "Cộng")])
def test_group_subtotals_sum_their_group_and_the_grand_total_every_unit(tmp_path, words):
    header = [["STT", "Cơ quan, đơn vị", "Số hồ sơ tiếp nhận", "Số hồ sơ đúng hạn", "Tỷ lệ đúng hạn (%)"]]
    rows = _grouped(random.Random(len(words[0])), words)
    errors, ctx = _run(tmp_path, Doc(name="groups", kind="groups", tables=[Table(header, rows, "Phụ lục 01")]))
    assert errors == []
    entry = ctx.ledger.tables[0]
    assert entry.checked_cells == entry.numeric_cells
    sub = next(k for k, r in enumerate(rows) if r[1] == words[0])
    written = int(rows[sub][2].replace(".", ""))
    rows[sub][2] = _vi(Decimal(written + 10), 0)
    errors, _ = _run(tmp_path, Doc(name="groups_slip", kind="groups", tables=[Table(header, rows, "Phụ lục 01")]))
    assert ("SUM_ROW_MISMATCH", words[0], "k2", str(written + 10), str(written)) in [
        (f.code, f.unit, f.column, f.reported, f.expected) for f in errors]


def test_a_total_row_above_the_units_sums_them(tmp_path):
    header, rows = _statistics(random.Random(31), False)
    rows.insert(0, rows.pop())  # "Tổng cộng" first, as statistics offices often write it
    written = int(rows[0][4].replace(".", ""))
    rows[0][4] = _vi(Decimal(written + 10), 0)  # the total of "Trực tiếp"
    errors, _ = _run(tmp_path, Doc(name="top", kind="top", tables=[Table(header, rows, "Biểu số 01")]))
    assert ("SUM_ROW_MISMATCH", "Tổng cộng", "k4", str(written + 10), str(written)) in [
        (f.code, f.unit, f.column, f.reported, f.expected) for f in errors]


def _indicators(rnd: random.Random) -> list[list[str]]:
    """A unit's QĐ 766 indicators in rows, each with its own maximum and threshold:
    points = rate × maximum / T below T, the maximum from T on (T = 100, 80, 50 or 90 %)."""
    rows, total, top = [], Decimal(0), 0
    for i, (maximum, threshold) in enumerate([(6, 100), (4, 100), (2, 80), (6, 100), (20, 100), (12, 50), (10, 80),
                                              (6, 90), (4, 80)], 1):
        rate = Decimal(rnd.randint(1500, 9999)) / 100
        if i == 1:
            rate = Decimal(100)
        points = Decimal(maximum) if rate >= threshold else rate * maximum / threshold
        points = points.quantize(Decimal("0.01"), ROUND_HALF_UP)
        total += points
        top += maximum
        rows.append([str(i), f"Chỉ tiêu {i}", str(maximum), _vi(rate, 2), _vi(points, 2)])
    return rows + [["", "Tổng cộng", str(top), "", _vi(total, 2)]]


@pytest.mark.parametrize("seed", [6, 60, 600])
def test_indicators_with_their_own_maximum_and_threshold_follow_the_766_rule(tmp_path, seed):
    header = [["STT", "Chỉ tiêu", "Điểm tối đa", "Tỷ lệ đạt (%)", "Điểm đạt"]]
    rows = _indicators(random.Random(seed))
    errors, ctx = _run(tmp_path, Doc(name="ind", kind="ind", tables=[Table(header, rows, "Phụ lục. Điểm chỉ tiêu")]))
    assert errors == []  # a rate of an indicator with a threshold is no points / maximum × 100
    entry = ctx.ledger.tables[0]
    assert "points-from-rate" in entry.relations
    assert entry.checked_cells == entry.numeric_cells
    # The points of indicator 2 (4 points, linear) written half a point lower.
    written = Decimal(rows[1][4].replace(",", "."))
    rows[1][4] = _vi(written - Decimal("0.5"), 2)
    errors, _ = _run(tmp_path, Doc(name="ind_slip", kind="ind", tables=[Table(header, rows, "Phụ lục. Điểm chỉ tiêu")]))
    assert ("POINTS_FROM_RATE_MISMATCH", "Chỉ tiêu 2", "k4") in [(f.code, f.unit, f.column) for f in errors]


@pytest.mark.parametrize("seed", [7, 70])
def test_a_survey_whose_headers_name_766_words_but_count_ballots_is_no_766_table(tmp_path, seed):
    # "Rất hài lòng | Hài lòng" are words of the 766 "Mức độ hài lòng" group, but the figures are
    # ballots in the hundreds: no scheme binding (no SCORE_EXCEEDS_MAX), the table's own arithmetic.
    rnd = random.Random(seed)
    header = [["STT", "Đơn vị", "Số phiếu phát ra", "Số phiếu thu về", "Tỷ lệ thu về (%)", "Rất hài lòng",
               "Hài lòng", "Không hài lòng", "Tỷ lệ hài lòng (%)"]]
    rows = []
    for i in range(1, 7):
        very, fine, not_ = rnd.randint(80, 400), rnd.randint(80, 400), rnd.randint(3, 40)
        back = very + fine + not_
        out = back + rnd.randint(1, 60)
        rows.append([str(i), f"Đơn vị {i}", str(out), str(back), _vi(Decimal(back) * 100 / out, 2), str(very),
                     str(fine), str(not_), _vi(Decimal(very + fine) * 100 / back, 2)])
    errors, ctx = _run(tmp_path, Doc(name="survey", kind="survey", tables=[Table(header, rows, "Biểu 08")]))
    assert errors == []
    entry = ctx.ledger.tables[0]
    assert entry.checked_cells == entry.numeric_cells and len(entry.numeric_cells) == 42
    rows[2][8] = _vi(Decimal(rows[2][8].replace(",", ".")) - Decimal("1.5"), 2)
    errors, _ = _run(tmp_path, Doc(name="survey_slip", kind="survey", tables=[Table(header, rows, "Biểu 08")]))
    assert [(f.code, f.unit, f.column) for f in errors] == [("RATIO_MISMATCH", "Đơn vị 3", "k8")]


def test_an_amount_over_another_may_pass_100_where_its_figures_say_so(tmp_path):
    header = [["STT", "Nội dung", "Dự toán năm (triệu đồng)", "Thực hiện (triệu đồng)", "Tỷ lệ thực hiện (%)"]]
    figures = [("1.250,5", "1.310,2", "104,77"), ("3.420,0", "3.105,8", "90,81"), ("980,4", "1.002,6", "102,26"),
               ("512,7", "488,1", "95,20"), ("640,9", "602,3", "93,98")]
    rows = [[str(i), f"Khoản chi {i}", a, b, p] for i, (a, b, p) in enumerate(figures, 1)]
    errors, _ = _run(tmp_path, Doc(name="budget", kind="budget", tables=[Table(header, rows, "Biểu 09")]))
    assert errors == []
    # A share whose part passes its whole on one row only is a slip there.
    header[0][4] = "Tỷ lệ giải ngân (%)"
    pairs = [(1250, 980), (3420, 3105), (980, 1002), (512, 488), (640, 602)]
    rows = [[str(i), f"Dự án {i}", _vi(Decimal(a), 0), _vi(Decimal(b), 0), _vi(Decimal(b) * 100 / a, 2)]
            for i, (a, b) in enumerate(pairs, 1)]
    errors, _ = _run(tmp_path, Doc(name="budget_share", kind="budget", tables=[Table(header, rows, "Biểu 10")]))
    assert [(f.code, f.unit, f.column) for f in errors] == [("PERCENT_OVER_100", "Dự án 3", "k4")]


@pytest.mark.parametrize("empty", ["0", ""])
def test_a_deduction_column_subtracts_from_the_total_and_an_empty_adjustment_is_none(tmp_path, empty):
    # "Tổng điểm = tiêu chí 1..4 + Điểm thưởng − Điểm trừ"; an empty bonus or deduction is none.
    rnd = random.Random(len(empty))
    header = [["STT", "Đơn vị", "Tiêu chí 1 (20 điểm)", "Tiêu chí 2 (30 điểm)", "Tiêu chí 3 (25 điểm)",
               "Tiêu chí 4 (25 điểm)", "Điểm thưởng", "Điểm trừ", "Tổng điểm"]]
    rows = []
    for i in range(1, 9):
        parts = [Decimal(rnd.randint(2 * m // 5, 2 * m)) / 2 for m in (20, 30, 25, 25)]
        bonus, minus = Decimal(i in (2, 6)), Decimal(2 * (i == 4))
        total = sum(parts) + bonus - minus
        rows.append([str(i), f"Xã {i}", *(_vi(v, 1).replace(",0", "") for v in parts),
                     _vi(bonus, 0) if bonus else empty, _vi(minus, 0) if minus else empty,
                     _vi(total, 1).replace(",0", "")])
    errors, ctx = _run(tmp_path, Doc(name="bonus", kind="bonus", tables=[Table(header, rows, "Bảng điểm")]))
    assert errors == []  # Xã 4's total is its criteria less its 2 points of deduction
    assert "total-equals-sum-of-columns" in ctx.ledger.tables[0].relations
    rows[4][7] = "1"  # Xã 5 written a deduction its total does not show
    errors, _ = _run(tmp_path, Doc(name="bonus_slip", kind="bonus", tables=[Table(header, rows, "Bảng điểm")]))
    assert [(f.code, f.unit, f.column) for f in errors] == [("SUM_COLUMNS_MISMATCH", "Xã 5", "k8")]
    assert "− Điểm trừ" in errors[0].message


def test_a_row_with_an_empty_part_is_checked_where_its_written_parts_make_the_total(tmp_path):
    # Criteria left empty on some rows (not scored) add nothing: the row obeys the sum all the same.
    rnd = random.Random(11)
    header = [["TT", "Tên cơ quan, đơn vị"] + [f"Tiêu chí {k}" for k in range(1, 6)] + ["Tổng điểm"]]
    rows = []
    for i in range(1, 13):
        parts = [Decimal(rnd.randint(5, 99)) / 10 for _ in range(5)]
        if i % 3 == 0:
            parts[i % 5] = None  # left empty
        rows.append([str(i), f"Đơn vị {i}", *("" if v is None else _vi(v, 1) for v in parts),
                     _vi(sum(v for v in parts if v is not None), 1)])
    errors, ctx = _run(tmp_path, Doc(name="gaps", kind="gaps", tables=[Table(header, rows, "Bảng điểm")]))
    entry = ctx.ledger.tables[0]
    assert errors == [] and entry.checked_cells == entry.numeric_cells and len(entry.numeric_cells) == 68
    # An empty part whose row does not add up may be the missing figure: unchecked, never an error.
    rows[5][9 - 2] = _vi(Decimal(rows[5][7].replace(",", ".")) + 3, 1)
    errors, ctx = _run(tmp_path, Doc(name="gaps_off", kind="gaps", tables=[Table(header, rows, "Bảng điểm")]))
    entry = ctx.ledger.tables[0]
    assert errors == [] and len(entry.numeric_cells - entry.checked_cells) == 5


def test_a_share_of_the_total_row_is_its_count_over_the_total_and_the_total_row_the_sum_of_shares(tmp_path):
    # Eleven units by grade: each share is its count over 11, rounded or cut; the total row
    # writes the sum of the rounded shares, 99,99, not 100.
    rows = [["1", "Xuất sắc", "2", "18,18"], ["2", "Tốt", "2", "18,18"], ["3", "Khá", "3", "27,27"],
            ["4", "Trung bình", "1", "9,09"], ["5", "Yếu", "3", "27,27"], ["", "Tổng cộng", "11", "99,99"]]
    header = [["STT", "Xếp loại", "Số đơn vị", "Tỷ lệ %"]]

    def doc(name):
        return Doc(name=name, kind="tb", tables=[Table(header, rows, "Bảng 3. Tổng hợp kết quả xếp loại")])

    errors, ctx = _run(tmp_path, doc("shares"))
    assert errors == []
    assert "percent-equals-part-over-whole" in ctx.ledger.tables[0].relations
    rows[2][3] = "27,28"  # 3 / 11 = 27,2727…: rounded 27,27; a unit above is a slip
    errors, _ = _run(tmp_path, doc("shares_slip"))
    assert [(f.code, f.unit, f.reported) for f in errors] == [("RATIO_MISMATCH", "Khá", "27.28")]
