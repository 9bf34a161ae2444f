"""Cell coverage earned by checking, and a verdict honest about cells.

A number cell counts as checked only when a relation that would detect a
changed value covers it; a bound (a percent ≤ 100, a value ≤ its maximum,
x ≤ y, a grade band, a rank order over the figure ranked) is verified but a
typical slip stays within it. A cell only a bound the document states holds
(its row's maximum, a threshold, a denominator, an order: not a percent ≤ 100)
is bounded: counted apart, named in one BOUND_ONLY note per table, no bar to
ĐẠT. ĐẠT needs every figure cell checked or so bounded; a column of a checked
table with cells in no relation is one COLUMN_UNCHECKED warning. The real
documents of another office (fixtures/reference/real) are measured exactly."""
from __future__ import annotations

import shutil
from decimal import Decimal

import docx
import pytest

from reportgen.coverage import Ledger, not_figures
from reportgen.findings_text import format_findings
from reportgen.model import Report, ScoreRow, ScoreTable
from reportgen.verify import verify_path

from support import REAL

D = Decimal


def _ledger(table: ScoreTable) -> Ledger:
    ledger = Ledger()
    ledger.register(Report(source="x", tables=[table]))
    return ledger


def _rates() -> ScoreTable:
    rows = [ScoreRow(unit=f"Xã {n}", scores={"k2": D(whole), "k3": D(part), "k4": D(pct)})
            for n, whole, part, pct in (("A", 120, 114, "95"), ("B", 80, 72, "90"), ("C", 200, 170, "85"))]
    return ScoreTable(index=0, title="Tỷ lệ đúng hạn", kind="data", rows=rows, page=3)


def test_a_bound_is_recorded_but_checks_no_cell():
    ledger = _ledger(_rates())
    ledger.table_checked(0, "percent-at-most-100", [(i, "k4") for i in range(3)])
    entry = ledger.tables[0]
    assert entry.relations == {"percent-at-most-100"}
    assert (entry.checked, ledger.totals()["cells"]) == (False, (0, 9))
    assert [t.index for t in ledger.unchecked_tables()] == [0]
    ledger.table_checked(0, "percent-equals-part-over-whole", [(i, k) for i in range(3) for k in ("k2", "k3", "k4")])
    assert (entry.checked, ledger.totals()["cells"], ledger.complete) == (True, (9, 9), True)


def test_a_table_checked_in_part_is_not_complete():
    ledger = _ledger(_rates())
    ledger.table_checked(0, "percent-equals-part-over-whole", [(i, k) for i in range(2) for k in ("k2", "k3", "k4")])
    ledger.table_checked(0, "rank-order", [(2, "k4")], bound=True)
    assert ledger.totals()["tables"] == (1, 1) and ledger.totals()["cells"] == (6, 9)
    assert [t.index for t in ledger.partly_checked_tables()] == [0]
    assert ledger.tables[0].unchecked_cells() == {(2, "k2"), (2, "k3"), (2, "k4")}
    assert ledger.complete is False


def _self_assessed() -> ScoreTable:
    rows = [ScoreRow(unit=f"Sở {n}", scores={"k2": D(m), "k3": D(own), "k4": D(pts), "k5": D(pct)})
            for n, m, own, pts, pct in (("A", "88.50", "85.00", "82.31", "93.01"), ("B", "87.00", "80.50", "74.10",
                                         "85.17"), ("C", "89.00", "86.25", "79.60", "89.44"))]
    return ScoreTable(index=0, title="Kết quả tự đánh giá và thẩm định", kind="data", rows=rows, page=1)


def test_a_cell_only_a_stated_bound_holds_is_bounded_and_no_bar_to_a_pass():
    # Self-assessed points (k3) under the row's maximum (k2); the index (k5) is the appraised points'
    # (k4) share of that maximum: every other cell is checked.
    ledger = _ledger(_self_assessed())
    ledger.table_checked(0, "percent-equals-part-over-whole", [(i, k) for i in range(3) for k in ("k2", "k4", "k5")])
    ledger.table_checked(0, "value-at-most-row-max", [(i, "k3") for i in range(3)])
    entry = ledger.tables[0]
    assert entry.bounded_only_cells() == {(0, "k3"), (1, "k3"), (2, "k3")}
    assert (entry.unverified_cells(), ledger.partly_checked_tables(), ledger.complete) == (set(), [], True)
    assert ledger.totals()["cells"] == (9, 12)  # bounded cells are not counted checked
    assert ledger.to_json()["bounded"] == {"cells": 3}
    assert ledger.line() == "Đã kiểm tra 1/1 bảng, 9/12 ô số (3 ô còn lại chỉ đối chiếu được giới hạn), 0/0 nhận định."


def test_a_percent_at_most_100_is_no_bound_the_document_states():
    ledger = _ledger(_rates())
    ledger.table_checked(0, "total-sum", [(i, k) for i in range(3) for k in ("k2", "k3")])
    ledger.table_checked(0, "percent-at-most-100", [(i, "k4") for i in range(3)])
    entry = ledger.tables[0]
    assert (entry.bounded_only_cells(), len(entry.unverified_cells())) == (set(), 3)
    assert (ledger.to_json()["bounded"], ledger.complete) == ({"cells": 0}, False)


def test_a_table_only_bounded_is_checked_unless_a_relation_was_left_undecided_on_it():
    ledger = _ledger(_self_assessed())
    ledger.table_checked(0, "value-at-most-row-max", [(i, k) for i in range(3) for k in ("k3", "k4")])
    ledger.table_checked(0, "rank-order", [(i, k) for i in range(3) for k in ("k2", "k5")], bound=True)
    assert ledger.tables[0].checked is True
    # but a document whose figures bounds alone hold is not ĐẠT: nothing was checked exactly
    assert (ledger.anything_checked, ledger.complete) == (False, False)
    ledger.table_doubt(0, "Dòng “Tổng”: không phải tổng, không phải trung bình các dòng")
    assert (ledger.tables[0].checked, [t.index for t in ledger.unchecked_tables()]) == (False, [0])


def test_ordinals_years_and_codes_are_no_figures():
    rows = [ScoreRow(unit=f"Đơn vị {i}", scores={"k1": D(i + 1), "k2": D(2025), "k3": D(7 * i + 3)},
                     extra={"ID_COQUAN": D(398313 + i), "Mã": D(10 + i), "Số hồ sơ": D(40 + i)})
            for i in range(4)]
    table = ScoreTable(index=0, kind="data", rows=rows,
                       columns=[*(c for c in ())])
    from reportgen.model import Column

    table.columns = [Column("k1", "Số TT"), Column("k2", "Năm"), Column("k3", "Điểm")]
    exempt = not_figures(table)
    assert sorted(exempt) == ["ID_COQUAN", "Mã", "k1", "k2"]
    ledger = _ledger(table)
    assert ledger.totals()["cells"] == (0, 8)  # Điểm and Số hồ sơ, four rows each
    # A rank is a figure even when it runs 1, 2, 3 … down the rows.
    table.columns[0] = Column("k1", "Thứ hạng")
    assert "k1" not in not_figures(table)


# The real documents, measured cell by cell (reportgen verify FILE).
REAL_COVERAGE = {
    # Its indicator table states no maximum: 12 rows whose points follow from their rate with a
    # whole maximum (or 0 % with 0 points) are checked; of the rows at full points (or of 0,01 point,
    # fitting any maximum), the 5 whose indicator the QĐ 766 data names have their points checked
    # against its maximum (0,55 % → 0,01 its rate too; a rate at full points stays bounded); the 2 it
    # gives no maximum ("phát sinh hồ sơ" 100 % → 4, "theo hình thức nộp" 53,68 % → 6) are checked by
    # the summary's "Điểm dịch vụ trực tuyến 17 / 22", the sum of the online-service and payment rows
    # (detail-sums-to-group); 6 rates at full points stay only bounded: by the threshold of their
    # indicator, all a reader can hold them to (BOUND_ONLY, no bar to ĐẠT).
    "ld-766-sotaichinh.docx": ((2, 2), (44, 50), "ĐẠT"),
    # Counts in one column: 67 figures are in a sum or a ratio (a numbered "Tỷ lệ" and its
    # two items, a "Tổng số" item and the items after it, a parent and its items — decided
    # by the form's seven tables together), the others in none (one real slip: 124 in a % row).
    "ld-cchc2025-bc329-phuluc.docx": ((7, 7), (67, 105), "KHÔNG ĐẠT"),
    # The "Thứ hạng" column put first (14 ranked departments, 124 communes) is a figure:
    # each rank is checked against the order of the percent it follows.
    "ld-cchc2025-pl1-songanh.doc": ((2, 2), (62, 62), "ĐẠT"),
    "ld-cchc2025-pl2-xaphuong.doc": ((1, 1), (499, 499), "ĐẠT"),
    # Ranks among 63 provinces and PCI sub-index scores: nothing in the document to check them by.
    # The SIPAS table's "CHỈ SỐ CHUNG" is the mean of its sections I and II in each province's column (9 cells);
    # its section parents are the plain mean of their items at 4 of 6 only (a weighted index): not adopted.
    # Three rates of the 766 summary are also confirmed by the prose that names them (76,43%, 62,97%, 80,7%);
    # the 12 that compute their points are checked against them (a whole maximum, no maximum stated).
    "ld-chiso-bc184-snv.docx": ((4, 5), (156, 355), "CHƯA KIỂM TRA HẾT"),
    # ID, ID_COQUAN, CAPDONVIID, LOAI_COQUAN and the trend's years are no figures; the two trend
    # tables' 7 scores have nothing to be checked by; the "Sở Ban" sheet's ROW_STT (1, 2, 3, 37, 78 …)
    # are places among units the sheet does not hold: their order is verified, but 78 → 75 passes (15 cells).
    "portal-766-2025-10.xlsx": ((4, 6), (1465, 1487), "CHƯA KIỂM TRA HẾT"),
    # "Điểm tự đánh giá" (15 + 124 cells) is only bounded by the row's "Điểm chuẩn tối đa":
    # nothing else in the appendix relates a self-assessed score to anything, so that bound is
    # all a reader can check them by (BOUND_ONLY, no bar to ĐẠT).
    "ld-cchc2025-pl1-chidao.pdf": ((2, 2), (423, 562), "ĐẠT"),
    # Its verdict also depends on the prose rules (a unit's figure in the text against
    # the tables): never ĐẠT, since 142 figures and 6 claims are left unchecked.
    # The ranks of its ranking tables (260, put first where a numbering goes) count and are
    # checked against the column they follow. The statistics of the SIPAS of two departments (p. 30),
    # centred across merged cells, are the percent column's.
    "ld-cchc2025-bc36-thamdinh.pdf": ((9, 9), (1774, 1913), None),
    # The issued PDF is read as its Word draft: the same tables, the same cells.
    "ld-chiso-bc184-snv.pdf": ((4, 5), (156, 355), "CHƯA KIỂM TRA HẾT"),
}
_RESULTS: dict = {}


def _verified(name: str):
    if name not in _RESULTS:
        _RESULTS[name] = verify_path(REAL / name)
    return _RESULTS[name]


@pytest.mark.parametrize("name", sorted(REAL_COVERAGE))
def test_real_documents_cell_coverage_is_exact(name):
    result = _verified(name)
    t = result.ledger.totals()
    tables, cells, verdict = REAL_COVERAGE[name]
    assert (t["tables"], t["cells"]) == (tables, cells)
    assert result.verdict == verdict if verdict is not None else result.verdict != "ĐẠT"
    # Every figure left unchecked is said: once per column of a checked table when no relation
    # covers it, once per table when only a bound the document states holds it.
    said = {(f.table, f.column) for f in result.findings if f.code == "COLUMN_UNCHECKED"}
    tables = {f.table for f in result.findings if f.code == "TABLE_UNCHECKED"}
    noted = {f.table: f for f in result.findings if f.code == "BOUND_ONLY"}
    for entry in result.ledger.tables.values():
        columns = {k for _, k in entry.unverified_cells()}
        if entry.index in tables:
            assert not entry.checked
            continue
        assert {(entry.index, k) for k in columns} == {s for s in said if s[0] == entry.index}
        bounded = entry.bounded_only_cells()
        assert (entry.index in noted) == bool(bounded)
        if bounded:
            assert f": {len(bounded)} ô số chỉ đối chiếu được giới hạn (" in noted[entry.index].message


def test_the_portal_export_codes_are_named_as_a_clerk_reads_them():
    # The export heads its columns with codes (TONG_SCORE, ROW_STT): a message and its
    # "cột:" line name the column by its role ("Tổng điểm", "Thứ hạng"), never by the code.
    result = _verified("portal-766-2025-10.xlsx")
    text = format_findings(result.report, result.findings, result.ledger)
    assert "TONG_SCORE" not in text and "ROW_STT" not in text
    assert "cột: Tổng điểm; ghi: 91.7; nên viết: 91,7" in text
    [bound] = [f for f in result.findings if f.code == "BOUND_ONLY"]
    assert "— cột “Thứ hạng” (15 ô)" in bound.message


def test_766_summary_cells_map_to_their_keys_and_a_changed_group_score_is_named(tmp_path):
    # "17,7 / 18" for Mức độ hài lòng at 98,33 %: 98,33 × 18 / 100 = 17,70. Written 15,7 it
    # breaks points = rate × maximum / 100, the ratio and the sum of the group's detail rows
    # (5,7 + 6 + 0 + 6 + 0), on row 0, column mdhl: one error there, each relation saying
    # 15,7 for 17,70 (the first rule's, the others the same statement again).
    path = tmp_path / "sotaichinh.docx"
    shutil.copy(REAL / "ld-766-sotaichinh.docx", path)
    document = docx.Document(str(path))
    [cell] = [c for c in document.tables[0].rows[4].cells if c.text == "17,7 / 18"]
    runs = cell.paragraphs[0].runs
    runs[0].text = "15,7 / 18"
    for run in runs[1:]:
        run.text = ""
    document.save(str(path))
    result = verify_path(path)
    errors = [(f.code, f.table, f.row, f.column) for f in result.findings if f.severity == "error"]
    assert errors == [("DETAIL_SUM_MISMATCH", 0, 0, "mdhl")], errors
    [error] = [f for f in result.findings if f.severity == "error"]
    assert (error.reported, error.expected) == ("15.7", "17.7")
    assert result.verdict == "KHÔNG ĐẠT"


CLAIMS = ("ỦY BAN NHÂN DÂN XÃ A\n\nBÁO CÁO\nKết quả giải quyết hồ sơ quý I năm 2025\n\n"
          "Trong kỳ, tỷ lệ hồ sơ giải quyết đúng hạn đạt 97,4%, tỷ lệ hồ sơ nộp trực tuyến đạt 63,5% và "
          "tỷ lệ hồ sơ được số hóa đạt 71,2%.\nSố cơ quan được đánh giá: 20 cơ quan.\n")


def test_claims_left_unchecked_are_one_warning_per_paragraph_listing_their_figures(tmp_path):
    path = tmp_path / "bc.txt"
    path.write_text(CLAIMS, encoding="utf-8")
    result = verify_path(path)
    assert result.ledger.totals()["claims"] == (0, 4)
    found = [(f.paragraph, f.reported) for f in result.findings if f.code == "CLAIM_UNCHECKED"]
    assert found == [(3, "97,4%; 63,5%; 71,2%"), (4, "20 cơ quan được đánh giá")]
    [grouped] = [f for f in result.findings if f.paragraph == 3]
    assert grouped.message.startswith("Đoạn văn (trang 1) có 3 nhận định có số liệu chưa đối chiếu được với số "
                                      "liệu nào trong văn bản: “97,4%”; “63,5%”; “71,2%” — trong “Trong kỳ,")
    assert result.verdict == "CHƯA KIỂM TRA HẾT" and result.exit_status == 3


def test_bc36_claims_whose_figures_lie_in_annexes_sent_apart_are_listed_outside_it():
    # The average, highest and lowest index of 14 fields (42 figures) and one commune's field
    # index: each field's section closes with "(Kết quả điểm thẩm định, đánh giá ở các nội dung …
    # tại Phụ lục I đính kèm)" and the report holds no Phụ lục (its tables are the overall index
    # only): the figures are in annexes sent apart — listed as outside it, no CLAIM_UNCHECKED. The
    # scale "74/100 điểm" a decision sets is a figure of the rule. The disbursement rates of five
    # departments ("Tỷ lệ giải ngân kế hoạch đầu tư vốn … (Sở Y tế: 9,3%; …)") are rates of a plan
    # the document does not give. Every other claim is checked, each count of a band apart from the share
    # it is written with.
    result = _verified("ld-cchc2025-bc36-thamdinh.pdf")
    assert result.ledger.totals()["claims"] == (170, 170)
    assert result.ledger.unchecked_claims() == []
    assert not [f for f in result.findings if f.code == "CLAIM_UNCHECKED"]
    external = result.ledger.external_claims()
    assert [(c.figure, c.external) for c in external if c.external != "phụ lục gửi kèm"] == [
        ("9,3%", "kế hoạch"), ("26,9%", "kế hoạch"), ("63,7%", "kế hoạch"), ("67%", "kế hoạch"), ("77%", "kế hoạch"),
        ("74/100", "thang điểm quy định")]
    annexed = [c for c in external if c.external == "phụ lục gửi kèm"]
    assert len(annexed) == 43
    assert [c.figure for c in annexed[:3]] == ["61,69%", "93,10%", "16,00%"]
    assert sum(1 for c in annexed if c.bounds == ["stat-within-bands"]) == 42


def test_the_items_of_a_numbered_rate_are_checked_and_a_changed_item_is_named(tmp_path):
    # bc329: "3.1. Tỷ lệ … đúng hạn 99,10" over "3.1.1. 195.197" and "3.1.2. 193.457": the
    # items are covered by the ratio now. 193.457 written 139.457
    # gives 71,44 %, not 99,10 %: an error on the rate's row, quoting the changed item.
    path = tmp_path / "bc329.docx"
    shutil.copy(REAL / "ld-cchc2025-bc329-phuluc.docx", path)
    document = docx.Document(str(path))
    [cell] = [c for c in document.tables[2].rows[16].cells if c.text.strip() == "193.457"]
    cell.paragraphs[0].runs[0].text = cell.paragraphs[0].runs[0].text.replace("193.457", "139.457")
    document.save(str(path))
    result = verify_path(path)
    found = [f for f in result.findings if f.code == "PARENT_RATIO_MISMATCH"]
    assert [(f.severity, f.row, f.column, f.reported, f.expected) for f in found] == [
        ("error", 12, "k3", "99.10", "71.44")]
    assert "139.457 / 195.197 × 100 = 71,44" in found[0].message


UNITS = """UBND TỈNH A\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

BÁO CÁO
Thống kê đơn vị sự nghiệp năm 2025

| STT | Nội dung | Số lượng |
|---|---|---|
| 2.1 | Tổng số đơn vị sự nghiệp công lập | {total} |
| 2.2 | Số đơn vị tự bảo đảm chi thường xuyên và chi đầu tư | 12 |
| 2.3 | Số đơn vị tự bảo đảm chi thường xuyên | 71 |
| 2.4 | Số đơn vị tự bảo đảm một phần chi thường xuyên | 123 |
| 2.5 | Số đơn vị do Nhà nước bảo đảm chi thường xuyên | 65 |
"""


def test_a_total_item_is_the_sum_of_the_items_after_it(tmp_path):
    path = tmp_path / "bc.txt"
    path.write_text(UNITS.format(total="271"), encoding="utf-8")
    result = verify_path(path)
    assert result.ledger.totals()["cells"] == (5, 5)
    assert [f for f in result.findings if f.code == "PARENT_SUM_MISMATCH"] == []
    path.write_text(UNITS.format(total="217"), encoding="utf-8")
    [f] = [f for f in verify_path(path).findings if f.code == "PARENT_SUM_MISMATCH"]
    assert (f.severity, f.row, f.reported, f.expected) == ("warning", 0, "217", "271")
    assert "12 + 71 + 123 + 65 = 271" in f.message


def test_a_table_with_no_arithmetic_says_why():
    # bc184's PCI table: ten sub-index scores per province and a "CHỈ SỐ CHUNG" that is neither their sum
    # nor their mean (a weighted index), and ranks among the 63 provinces.
    result = _verified("ld-chiso-bc184-snv.docx")
    [pci] = [f for f in result.findings if f.code == "TABLE_UNCHECKED" and f.table == 3]
    assert ("nhưng chưa được kiểm tra: Dòng “CHỈ SỐ CHUNG” cột “Lâm Đồng Điểm số”: không phải tổng, không phải "
            "trung bình các dòng") in pci.message
    # the SIPAS table's ranks, each province's place among 63, are only bounded beside its checked means
    [sipas] = [f for f in result.findings if f.code == "BOUND_ONLY" and f.table == 1]
    assert "“Lâm Đồng Thứ hạng” (12 ô)" in sipas.message
    assert "thứ hạng ghi trên 63 đơn vị (như “43/63”), không phải trên các dòng của bảng" in sipas.message


def test_a_rank_column_among_units_the_table_does_not_hold_says_so():
    # bc184's PAR table: the three provinces' places among 63 (12/63, 22/63, 25/63 …), only bounded
    # (x ≤ 63, and in the order of the three scores of their row): one note for the table.
    result = _verified("ld-chiso-bc184-snv.docx")
    [note] = [f for f in result.findings if f.code == "BOUND_ONLY" and f.table == 0]
    assert (note.severity, note.column) == ("info", None)
    assert note.message.startswith("Bảng 1 (“1. Kết quả Chỉ số năm 2024”): 27 ô số chỉ đối chiếu được giới hạn "
                                   "(tử số không vượt mẫu số; thứ hạng theo thứ tự số liệu của các đơn vị cùng dòng) "
                                   "— cột “Lâm Đồng Thứ hạng” (9 ô), “Đắk Nông Thứ hạng” (9 ô), “Bình Thuận Thứ hạng” "
                                   "(9 ô); thứ hạng ghi trên 63 đơn vị (như “12/63”), không phải trên các dòng của "
                                   "bảng: ")
    assert not [f for f in result.findings if f.code == "COLUMN_UNCHECKED" and f.table == 0]
