"""Ranks are checked against the figures as written: rounding keeps their
order, so a unit at 92,35 ranked below two units at 92,34 is a slip. The
portal's export (portal-766-2025-10.xlsx, sheet "Xã Phường": UBND xã Vĩnh Tuy
92,35 ranked 36, UBND xã Vĩnh Hòa 92,34 ranked 38) — a scheme's tolerance of
0,01 on the scores let such a rank pass."""
from __future__ import annotations

import openpyxl

from reportgen.verify import verify_path

from support import REAL

PORTAL = REAL / "portal-766-2025-10.xlsx"


def _with_rank(tmp_path, unit: str, rank: str):
    book = openpyxl.load_workbook(PORTAL)
    sheet = book["Xã Phường"]
    [row] = [r for r in sheet.iter_rows() if r[1].value == unit]
    row[14].value = rank
    path = tmp_path / "portal.xlsx"
    book.save(path)
    return verify_path(path)


def test_a_rank_moved_past_units_with_a_hundredth_less_is_an_error(tmp_path):
    result = _with_rank(tmp_path, "UBND xã Vĩnh Tuy - tỉnh An Giang", "39")
    [f] = [f for f in result.findings if f.code == "RANK_ORDER"]
    assert (f.severity, f.unit, f.reported) == ("error", "UBND xã Vĩnh Tuy - tỉnh An Giang", "39")
    assert f.message == ("Xếp hạng 39 với 92,35 điểm nhưng UBND xã Vĩnh Hòa - tỉnh An Giang xếp hạng 38 chỉ có "
                         "92,34 điểm")  # TONG_SCORE: points of 100, no percent column


def test_the_ranks_as_written_give_no_rank_finding():
    result = verify_path(PORTAL)
    assert [f for f in result.findings if f.code == "RANK_ORDER"] == []
