"""A rate the prose names by its parts is computed from the table whose
columns they are (checks.prose_rates): "tỷ lệ giải quyết đúng hạn và trước
hạn đạt 98,7%" over "Tổng số hồ sơ đã giải quyết 2.002 | Trước hạn 1.208 |
Đúng hạn 767 | Quá hạn 27" is (1.208 + 767) / 2.002 = 98,65 %; "tỷ lệ quá
hạn" is 27 / 2.002 = 1,35 %."""
from __future__ import annotations

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

FIELDS = """UBND HUYỆN LÂM HÀ

BÁO CÁO
Kết quả giải quyết thủ tục hành chính quý III năm 2026

Trong quý, {prose}

KẾT QUẢ GIẢI QUYẾT HỒ SƠ THEO LĨNH VỰC
TT\tLĩnh vực\tTổng số hồ sơ đã giải quyết\tTrước hạn\tĐúng hạn\tQuá hạn
1\tĐất đai\t1.000\t600\t390\t10
2\tTư pháp - Hộ tịch\t1.002\t608\t377\t17
\tTổng cộng\t2.002\t{early}\t767\t27
"""

GROUPED = """UBND XÃ ĐAN PHƯỢNG

BÁO CÁO
Kết quả giải quyết thủ tục hành chính năm 2026

Năm 2026, {prose}

Biểu 01. KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT THỦ TỤC
| TT | Lĩnh vực | Số thủ tục tiếp nhận | | | Số thủ tục đã giải quyết | | | |
| | | Tổng số | Trực tuyến | Trực tiếp | Tổng số | Trước hạn | Đúng hạn | Quá hạn |
|---|---|---|---|---|---|---|---|---|
| 1 | Đất đai | 500 | 300 | 200 | 480 | 300 | 160 | 20 |
| 2 | Hộ tịch | 700 | 434 | 266 | 690 | 500 | 186 | 4 |
| | Tổng cộng | 1.200 | 734 | 466 | 1.170 | 800 | 346 | 24 |
"""

PETITIONS = """UBND TỈNH SƠN LA

BÁO CÁO
Kết quả tiếp nhận, xử lý phản ánh, kiến nghị năm 2026

Trong năm, {prose}

Phụ lục. SỐ LIỆU XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ
TT\tCơ quan\tTổng số phản ánh, kiến nghị đã xử lý\tXử lý đúng hạn\tXử lý quá hạn
1\tSở Xây dựng\t120\t115\t5
2\tSở Tài nguyên\t80\t78\t2
\tTổng cộng\t200\t193\t7
"""


def _run(tmp_path, template, prose, early="1.208"):
    path = tmp_path / "bc.txt"
    path.write_text(template.format(prose=prose, early=early), encoding="utf-8")
    ctx = CheckContext()
    found = run_checks(read_path(path), ctx)
    return [(f.code, str(f.severity), f.column, f.reported, f.expected) for f in found
            if f.severity != "info"], ctx


@pytest.mark.parametrize("template, prose", [
    (FIELDS, "tỷ lệ giải quyết đúng hạn và trước hạn đạt 98,7%."),
    (FIELDS, "tỷ lệ hồ sơ giải quyết đúng và trước hạn đạt 98,65%."),
    (FIELDS, "tỉ lệ giải quyết trước và đúng hạn là 98,6%."),  # cut, not rounded
    (FIELDS, "tỷ lệ quá hạn 1,35%."),
    # "đúng hạn" read as on time or earlier (QĐ 766), or on time alone: 1.975 / 2.002, 767 / 2.002
    (FIELDS, "tỷ lệ giải quyết đúng hạn đạt 98,65%."),
    (FIELDS, "tỷ lệ giải quyết đúng hạn đạt 38,3%."),
    (GROUPED, "tỷ lệ thủ tục giải quyết trước hạn, đúng hạn đạt 97,9%; tỷ lệ tiếp nhận trực tuyến đạt 61,2%."),
    (GROUPED, "tỷ lệ thủ tục giải quyết quá hạn chiếm 2,05%."),
    (GROUPED, "tỷ lệ quá hạn 2,05%."),  # "Quá hạn" of its group alone: no other header ends so
    (PETITIONS, "tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn đạt 96,5%."),
])
def test_a_rate_named_by_its_parts_agrees_with_the_table(tmp_path, template, prose):
    found, ctx = _run(tmp_path, template, prose)
    assert found == []
    assert "rate-of-named-columns" in ctx.ledger.tables[0].relations
    checked, claims = ctx.ledger.totals()["claims"]
    assert checked == claims


@pytest.mark.parametrize("template, prose, finding", [
    (FIELDS, "tỷ lệ giải quyết đúng hạn và trước hạn đạt 97,8%.",
     ("PERCENT_MISMATCH", "error", "k3", "97.8", "98.65")),
    (FIELDS, "tỷ lệ quá hạn 1,53%.", ("PERCENT_MISMATCH", "error", "k5", "1.53", "1.35")),
    (FIELDS, "tỷ lệ giải quyết đúng hạn đạt 96,85%.", ("PERCENT_MISMATCH", "error", "k4", "96.85", "38.31")),
    (GROUPED, "tỷ lệ thủ tục giải quyết trước hạn, đúng hạn đạt 97,5%; tỷ lệ tiếp nhận trực tuyến đạt 61,2%.",
     ("PERCENT_MISMATCH", "error", "k6", "97.5", "97.95")),
    (GROUPED, "tỷ lệ thủ tục giải quyết trước hạn, đúng hạn đạt 97,9%; tỷ lệ tiếp nhận trực tuyến đạt 62,1%.",
     ("PERCENT_MISMATCH", "error", "k3", "62.1", "61.17")),
    (GROUPED, "tỷ lệ quá hạn 2,5%.", ("PERCENT_MISMATCH", "error", "k8", "2.5", "2.05")),
    (PETITIONS, "tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn đạt 95,6%.",
     ("PERCENT_MISMATCH", "error", "k3", "95.6", "96.50")),
])
def test_a_rate_named_by_its_parts_that_differs_is_one_error(tmp_path, template, prose, finding):
    found, _ = _run(tmp_path, template, prose)
    assert found == [finding]


def test_a_narrower_rate_than_the_table_gives_stays_unchecked(tmp_path):
    # no column of the table splits the dossiers by channel: "trực tuyến" is a word more
    found, ctx = _run(tmp_path, FIELDS, "tỷ lệ hồ sơ trực tuyến giải quyết đúng hạn đạt 90,2%.")
    assert [f[0] for f in found] == ["CLAIM_UNCHECKED"]
    assert "rate-of-named-columns" not in ctx.ledger.tables[0].relations


def test_a_slip_in_the_total_row_is_left_to_the_table_when_the_prose_agrees_with_its_units(tmp_path):
    # 1.208 written 1.280 in the total row: the prose's 98,7% is of the units' sums
    found, _ = _run(tmp_path, FIELDS, "tỷ lệ giải quyết đúng hạn và trước hạn đạt 98,7%.", early="1.280")
    assert not any(f[0] == "PERCENT_MISMATCH" for f in found)
    assert any(f[1] == "error" and f[3] == "1280" for f in found)


COMMUNES = """UBND HUYỆN LÂM HÀ

BÁO CÁO
Kết quả tiếp nhận, giải quyết hồ sơ quý III năm 2026

1. Kết quả của các xã
{prose}

Biểu 02. KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ CỦA CÁC XÃ
TT\tĐơn vị\tTiếp nhận\tTổng số đã giải quyết\tGiải quyết đúng hạn\tGiải quyết quá hạn
1\tUBND xã Phúc Thọ\t120\t119\t118\t1
2\tUBND xã Tân Hà\t95\t93\t90\t3
3\tUBND xã Đạ Đờn\t210\t200\t196\t4
\tTổng cộng\t425\t412\t404\t8
"""
UNIT_RATES = "UBND xã Phúc Thọ có tỷ lệ giải quyết đúng hạn đạt 99,16%; xã Tân Hà có tỷ lệ giải quyết quá hạn là 3,2%."


@pytest.mark.parametrize("old, new, finding", [
    (None, None, None),
    ("99,16%", "98,16%", ("PERCENT_MISMATCH", "error", "k4", "98.16", "99.16")),
    ("3,2%", "2,3%", ("PERCENT_MISMATCH", "error", "k5", "2.3", "3.23")),
])
def test_a_unit_s_rate_named_by_its_parts_is_computed_on_its_row(tmp_path, old, new, finding):
    # 118 / 119 = 99,16 %; 3 / 93 = 3,23 %: a rate of a count column, never that column's cell
    found, _ = _run(tmp_path, COMMUNES, UNIT_RATES.replace(old, new) if old else UNIT_RATES)
    assert found == ([finding] if finding else [])


# The table also carries each row's rate: a column of percents is no part of a rate of counts.
RATED = FIELDS.replace("\tQuá hạn\n", "\tQuá hạn\tTỷ lệ đúng hạn (%)\n").replace(
    "\t10\n", "\t10\t99,0\n").replace("\t17\n", "\t17\t98,3\n").replace("\t27\n", "\t27\t98,7\n")


@pytest.mark.parametrize("prose, finding", [
    ("tỷ lệ giải quyết đúng hạn và trước hạn đạt 98,7%.", None),
    # the table writes the rate itself on its total row: the prose is held to that cell
    ("tỷ lệ giải quyết đúng hạn và trước hạn đạt 97,8%.", ("PERCENT_MISMATCH", "error", "k6", "97.8", "98.7")),
])
def test_a_rate_column_beside_the_counts_is_no_part_of_the_rate(tmp_path, prose, finding):
    found, ctx = _run(tmp_path, RATED, prose)
    assert [f for f in found if f[0] == "PERCENT_MISMATCH"] == ([finding] if finding else [])
    assert "rate-of-named-columns" in ctx.ledger.tables[0].relations


# TT 01/2020's form: three groups whose every header says "hồ sơ … giải quyết", results returned
# "Trả trước hạn | Trả đúng thời hạn", and a "Trong hạn" of the dossiers still being settled.
FORM = """UBND HUYỆN LÂM HÀ

BÁO CÁO
Tình hình, kết quả giải quyết thủ tục hành chính quý III năm 2026

Trong quý, {prose}

Biểu II.06a. TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC
| STT | Lĩnh vực | Số hồ sơ nhận giải quyết | | Số hồ sơ đã giải quyết | | | | Số hồ sơ đang giải quyết | | |
| | | Tổng số | Trực tuyến | Tổng số | Trả trước hạn | Trả đúng thời hạn | Trả quá hạn | Tổng số | Trong hạn | Quá hạn |
|---|---|---|---|---|---|---|---|---|---|---|
| 1 | Đất đai | 1.100 | 500 | 1.000 | 600 | 390 | 10 | 100 | 90 | 10 |
| 2 | Tư pháp | 1.052 | 700 | 1.002 | 608 | 377 | 17 | 50 | 48 | 2 |
| | Tổng cộng | 2.152 | 1.200 | 2.002 | {early} | 767 | 27 | 150 | 138 | 12 |
"""


@pytest.mark.parametrize("prose, finding", [
    ("tỷ lệ giải quyết trước và đúng hạn đạt 98,65%.", None),
    ("tỷ lệ giải quyết trước và đúng hạn đạt 97,8%.", ("PERCENT_MISMATCH", "error", "k5", "97.8", "98.65")),
])
def test_a_rate_of_one_group_of_a_form_whose_headers_all_say_giai_quyet(tmp_path, prose, finding):
    # (1.208 + 767) / 2.002: the group's "Tổng số", never "Đúng hạn" nor the other groups' "Trong hạn"
    found, ctx = _run(tmp_path, FORM, prose)
    assert [f for f in found if f[0] in ("PERCENT_MISMATCH", "CLAIM_UNCHECKED")] == ([finding] if finding else [])
    assert "rate-of-named-columns" in ctx.ledger.tables[0].relations


# The same with a column under no group ("Kỳ trước chuyển sang"): the words every group has still tell none apart.
LONE = FORM
for _old, _new in [("| Lĩnh vực | Số hồ sơ", "| Lĩnh vực | Kỳ trước chuyển sang | Số hồ sơ"),
                   ("| | | Tổng số | Trực tuyến |", "| | | | Tổng số | Trực tuyến |"),
                   ("|---|---|", "|---|---|---|"), ("| Đất đai |", "| Đất đai | 40 |"),
                   ("| Tư pháp |", "| Tư pháp | 12 |"), ("| Tổng cộng |", "| Tổng cộng | 52 |")]:
    LONE = LONE.replace(_old, _new, 1)


@pytest.mark.parametrize("prose, finding", [
    ("tỷ lệ giải quyết trước và đúng hạn đạt 98,65%.", None),
    ("tỷ lệ giải quyết trước và đúng hạn đạt 97,8%.", ("PERCENT_MISMATCH", "error", "k6", "97.8", "98.65")),
])
def test_a_column_under_no_group_leaves_the_groups_told_apart(tmp_path, prose, finding):
    found, ctx = _run(tmp_path, LONE, prose)
    assert [f for f in found if f[0] in ("PERCENT_MISMATCH", "CLAIM_UNCHECKED")] == ([finding] if finding else [])
