"""Claims whose whole lies outside the document (read.statements_external): a
plan, an estimate, a target, an allotment, a national ranking, "100%" as all.
They are listed apart in the ledger and do not keep a document from ĐẠT; what
is not positively identified stays CLAIM_UNCHECKED."""
from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from reportgen.model import Paragraph, Report, ScoreRow, ScoreTable
from reportgen.read.statements import read_statements

from support import reportgen


def _external(*lines: str, report: Report | None = None) -> list[tuple[str, str | None]]:
    sts = read_statements([Paragraph(text=t, index=i) for i, t in enumerate(lines)], report)
    return [(st.text, st.external and str(st.external)) for st in sts
            if st.kind in ("percent", "fraction", "rank") and (st.claim or st.kind != "percent")]


@pytest.mark.parametrize("sentence, figure, whole", [
    ("Công tác kiểm tra đã hoàn thành 100% kế hoạch đề ra.", "100%", "kế hoạch"),
    ("Tổng thu ngân sách đạt 26.353,6 tỷ đồng, bằng 93,29% dự toán địa phương.", "93,29%", "dự toán"),
    ("Tỷ lệ giải ngân vốn đầu tư công đạt 29,2% so với kế hoạch năm 2025.", "29,2%", "kế hoạch"),
    ("Thu tiền sử dụng đất đạt 61,5% dự toán năm.", "61,5%", "dự toán"),
    ("Số doanh nghiệp thành lập mới đạt 104% chỉ tiêu Nghị quyết.", "104%", "chỉ tiêu"),
    ("Tỉnh đã hoàn thành 100% kế hoạch đào tạo, bồi dưỡng năm 2025.", "100%", "kế hoạch"),
    ("Tỷ lệ giải ngân kế hoạch đầu tư vốn còn thấp (Sở Y tế: 9,3%; Sở Nội vụ: 26,9%).", "9,3%", "kế hoạch"),
    ("Tỷ lệ giải ngân kế hoạch đầu tư vốn còn thấp (Sở Y tế: 9,3%; Sở Nội vụ: 26,9%).", "26,9%", "kế hoạch"),
    ("Tỷ lệ thực hiện dự toán chi thường xuyên đạt 71,2%.", "71,2%", "dự toán"),
    ("Hoàn thiện cơ cấu tổ chức của 100% cơ quan chuyên môn cấp tỉnh.", "100%", "100% là toàn bộ"),
    ("100% trường hợp bổ nhiệm chức danh lãnh đạo được thực hiện đúng quy định.", "100%", "100% là toàn bộ"),
    ("Thực hiện số hoá 100% hồ sơ, kết quả giải quyết TTHC theo quy định.", "100%", "100% là toàn bộ"),
    ("Sử dụng không vượt quá số lượng biên chế (9.548/9.976 biên chế) được giao.", "9.548/9.976", "số được giao"),
    ("Chỉ số của tỉnh đạt 54,1/100 điểm, xếp hạng 28/63 tỉnh, thành phố.", "28/63", "xếp hạng toàn quốc"),
    ("Vị trí xếp hạng của tỉnh tăng từ vị trí 17/63 lên vị trí 11/63.", "17/63", "xếp hạng toàn quốc"),
    ("Chỉ số SIPAS của tỉnh xếp thứ 12/63 tỉnh, thành phố.", "12/63", "xếp hạng toàn quốc"),
    ("Chỉ số của Bộ đứng thứ 5/22 bộ, ngành.", "5/22", "xếp hạng toàn quốc"),
    ("Giải ngân đạt 45,3% tổng vốn kế hoạch năm 2025.", "45,3%", "kế hoạch"),
    ("Thu nội địa đạt 102,5% so với dự toán HĐND tỉnh giao.", "102,5%", "dự toán"),
    ("Đã hoàn thành 100% mục tiêu đề ra.", "100%", "chỉ tiêu"),
])
def test_a_whole_named_outside_the_document_is_marked(sentence, figure, whole):
    assert (figure, whole) in _external(sentence)


@pytest.mark.parametrize("sentence, figure", [
    # a rate of dossiers: the document could count them (a table, another sentence)
    ("Tỷ lệ hồ sơ trực tuyến toàn trình đạt 78,6% (chỉ tiêu đề ra là tối thiểu 70%).", "78,6%"),
    # "100%" with its count given is a share the checks hold to the count
    ("Có 100% (42/42) cơ quan đã công khai thủ tục hành chính.", "100%"),
    ("Đã số hoá 100% hồ sơ, tương ứng 1.250 hồ sơ tiếp nhận.", "100%"),
    # a rate stated bare, "100%" of no thing
    ("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 100%.", "100%"),
    # a percent of points: the maximum is in the document
    ("Đơn vị đạt 100% số điểm tối đa của tiêu chí.", "100%"),
    ("Kết quả giải quyết hồ sơ đạt 96,9% so với cùng kỳ.", "96,9%"),
    # all of the units, graded or banded: the tables could count them
    ("Có 100% đơn vị xếp loại Tốt trở lên.", "100%"),
    ("100% xã đạt từ 80 điểm trở lên.", "100%"),
    # a rate of dossiers, not of carrying out a plan
    ("Tỷ lệ hồ sơ giải quyết đúng hạn theo kế hoạch đạt 97,1%.", "97,1%"),
])
def test_a_whole_the_document_could_hold_is_not_marked(sentence, figure):
    assert (figure, None) in _external(sentence)


def _rules(*lines: str) -> list[tuple[str, str | None]]:
    sts = read_statements([Paragraph(text=t, index=i) for i, t in enumerate(lines)])
    return [(st.text, st.external and str(st.external)) for st in sts if st.kind == "percent" and not st.claim]


@pytest.mark.parametrize("sentence, figure, whole", [
    ("Tỷ lệ hồ sơ trực tuyến toàn trình đạt 78,6% (chỉ tiêu đề ra là tối thiểu 70%).", "70%", "chỉ tiêu"),
    ("Tỷ lệ hồ sơ đúng hẹn chưa đạt chỉ tiêu (chỉ tiêu tối thiểu 98%, hiện đạt 97,4%).", "98%", "chỉ tiêu"),
    ("Phấn đấu đạt từ 99% trở lên hồ sơ được giải quyết đúng hạn.", "99%", "chỉ tiêu"),
    ("Tỷ lệ đúng hẹn cấp tỉnh chỉ đạt 93,5% (trường hợp dưới 95% thì tiêu chí này đạt 0 điểm).", "95%",
     "ngưỡng quy định"),
    ("(trường hợp vượt chỉ tiêu Trung ương giao từ 4% trở lên thì tiêu chí đạt điểm tối đa)", "4%", "ngưỡng quy định"),
])
def test_a_target_or_a_threshold_is_listed_as_outside(sentence, figure, whole):
    assert (figure, whole) in _rules(sentence)


def test_a_band_of_the_documents_own_counts_is_no_target():
    assert _rules("Có 3/15 đơn vị có chỉ số đạt từ 80% trở lên, chiếm tỷ lệ 20,00%.") == [("80%", None)]
    assert _rules("Tỷ lệ khảo sát tối thiểu (10%).") == [("10%", None)]


def test_a_plan_whose_figure_the_document_states_is_not_outside_it():
    stated = _external("Kế hoạch đào tạo năm 2025 là 1.200 lượt cán bộ.",
                       "Đến nay đã hoàn thành 85% kế hoạch đào tạo.")
    assert ("85%", None) in stated
    # a reference number or a year after the words is no figure of the plan
    cited = _external("Thực hiện Kế hoạch đào tạo số 12/KH-UBND ngày 05/01/2025 năm 2025.",
                      "Đến nay đã hoàn thành 85% kế hoạch đào tạo.")
    assert ("85%", "kế hoạch") in cited


def test_all_of_the_units_a_table_lists_is_not_outside_it():
    table = ScoreTable(index=0, title="Kết quả", columns=[],
                       rows=[ScoreRow(no=str(i), unit=f"UBND xã Số {i}", scores={}, total=D(80)) for i in range(5)])
    report = Report(source="x", tables=[table])
    assert ("100%", None) in _external("100% xã đã công khai đầy đủ thủ tục hành chính.", report=report)
    assert ("100%", "100% là toàn bộ") in _external("100% xã đã công khai đầy đủ thủ tục hành chính.")


def test_a_rank_over_a_set_a_table_lists_is_not_outside_it():
    table = ScoreTable(index=0, title="Kết quả", columns=[],
                       rows=[ScoreRow(no=str(i), unit=f"UBND xã {i}", scores={}, total=D(80)) for i in range(15)])
    report = Report(source="x", tables=[table])
    assert ("3/15", None) in _external("UBND xã Tân Hà xếp hạng 3/15 tỉnh, thành phố.", report=report)
    assert ("3/16", "xếp hạng toàn quốc") in _external("Tỉnh xếp hạng 3/16 tỉnh, thành phố.", report=report)


DOC = ("ỦY BAN NHÂN DÂN XÃ A\n\nBÁO CÁO\nKết quả giải quyết hồ sơ quý I năm 2025\n\n"
       "Trong kỳ, xã tiếp nhận tổng số 120 hồ sơ (80 hồ sơ trực tuyến, 40 hồ sơ trực tiếp). "
       "Xã đã hoàn thành 100% kế hoạch đề ra, thu ngân sách bằng 93,29% dự toán huyện giao.\n")


def test_external_claims_are_listed_apart_and_do_not_block_dat(tmp_path):
    path = tmp_path / "bc.txt"
    path.write_text(DOC, encoding="utf-8")
    out = reportgen("verify", str(path))
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.splitlines()[1] == (
        "Đã kiểm tra 0/0 bảng, 0/0 ô số, 1/1 nhận định; 2 nhận định dẫn số liệu ngoài văn bản "
        "(kế hoạch, dự toán), không đối chiếu được.")
    # the line of what was read counts the same claims: 1 held to the document + 2 outside it
    assert out.stdout.splitlines()[2] == "Đã đọc: 0 bảng điểm (0 dòng), 3 nhận định trong lời văn."
    doc = json.loads(reportgen("verify", "--format", "json", str(path)).stdout)
    assert doc["verdict"] == "ĐẠT"
    assert doc["coverage"]["claims"] == {"checked": 1, "total": 1, "external": 2}
    assert [(c["figure"], c["reason"]) for c in doc["coverage"]["external_claims"]] == [
        ("100%", "kế hoạch"), ("93,29%", "dự toán")]
    assert doc["coverage"]["unchecked_claims"] == []
    assert [f["code"] for f in doc["findings"]] == []


def test_a_slip_beside_an_external_claim_is_still_caught(tmp_path):
    path = tmp_path / "bc.txt"
    path.write_text(DOC.replace("40 hồ sơ trực tiếp", "41 hồ sơ trực tiếp"), encoding="utf-8")
    out = reportgen("verify", "--format", "json", str(path))
    assert out.returncode == 1
    doc = json.loads(out.stdout)
    assert doc["verdict"] == "KHÔNG ĐẠT"
    assert [(f["code"], f["severity"]) for f in doc["findings"]] == [("SUM_MISMATCH", "error")]
    assert doc["coverage"]["claims"] == {"checked": 1, "total": 1, "external": 2}


def test_a_claim_not_identified_as_external_still_blocks_dat(tmp_path):
    path = tmp_path / "bc.txt"
    path.write_text(DOC + "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 78,6% (chỉ tiêu đề ra là tối thiểu 70%).\n",
                    encoding="utf-8")
    out = reportgen("verify", "--format", "json", str(path))
    assert out.returncode == 3
    doc = json.loads(out.stdout)
    assert doc["coverage"]["claims"] == {"checked": 1, "total": 2, "external": 3}  # the 70% target too
    assert [(f["code"], f["reported"]) for f in doc["findings"]] == [("CLAIM_UNCHECKED", "78,6%")]
