"""A quarter's dossier statistics with the months as columns and a "Lũy kế"
column that adds them up, as a commune's centre writes it: counts as rows,
and two rate rows ("Tỷ lệ hồ sơ trực tuyến (%)") whose figures add up to
nothing across the months (the quarter's rate is a quotient of its sums).
The prose lists the received dossiers' one channel, then goes on to the
dossiers solved and pending: no parts of the received. Figures: a commune,
July to September."""
from __future__ import annotations

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import write_docx_tables

PROSE = ("Trong kỳ báo cáo, Trung tâm tiếp nhận 502 hồ sơ, trong đó trực tuyến 378 hồ sơ (chiếm 75,30%); "
         "đã giải quyết 487 hồ sơ; đang giải quyết 15 hồ sơ.")
HEAD = ("Chỉ tiêu", "Tháng 7", "Tháng 8", "Tháng 9", "Lũy kế")
ROWS = [("Tổng số hồ sơ tiếp nhận", "165", "88", "249", "502"),
        ("- Trực tuyến", "147", "55", "176", "378"),
        ("- Trực tiếp, qua bưu chính", "18", "33", "73", "124"),
        ("Số hồ sơ đã giải quyết", "162", "80", "245", "487"),
        ("Số hồ sơ đang giải quyết", "3", "8", "4", "15"),
        ("Tỷ lệ hồ sơ trực tuyến (%)", "89,09", "62,50", "70,68", "75,30")]


def _errors(tmp_path, rows=ROWS, prose=PROSE):
    path = tmp_path / "bc.docx"
    write_docx_tables(path, [prose], [("", HEAD, rows)])
    findings = run_checks(read_path(path), CheckContext())
    return [(f.code, f.reported) for f in findings if f.severity.value == "error" or f.code == "SUM_MISMATCH"]


def test_rates_of_the_months_are_not_added_up_and_the_prose_lists_one_channel(tmp_path):
    assert _errors(tmp_path) == []


def test_a_count_the_months_do_not_make_is_a_slip(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[4][4] = "25"  # 3 + 8 + 4 = 15
    assert _errors(tmp_path, rows) == [("SUM_COLUMNS_MISMATCH", "25")]
