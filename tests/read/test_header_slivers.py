"""Header rows that do not share their column edges (reportgen.read.header):
in BC 184's PAR table the group "Đắk Nông" ends a sliver of a grid column
(7 twips) into Bình Thuận's first label "Điểm số", which spans that sliver
and the next column. The label belongs to the group that begins inside it."""
from __future__ import annotations

import sys

from reportgen.read import read_path

from support import REAL, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from mutations import candidates  # noqa: E402
from mutations_apply import run  # noqa: E402

BC184 = REAL / "ld-chiso-bc184-snv.docx"


def test_a_label_spanning_a_sliver_belongs_to_the_group_that_begins_inside_it():
    grid = read_path(BC184).tables[0].grid
    assert [c.path for c in grid.columns[5:11]] == [
        ["Đắk Nông", "Điểm số"], ["Đắk Nông", "Chỉ số"], ["Đắk Nông", "Thứ hạng"],
        ["Bình Thuận", "Điểm số"], ["Bình Thuận", "Điểm số"], ["Bình Thuận", "Chỉ số"]]
    assert grid.rows[0].cells[8] == "9,43/ 9,5"


def test_a_slip_in_binh_thuans_points_is_reported_under_binh_thuan():
    [m] = [m for m in candidates(BC184) if m.table == 0 and m.unit == "Cải cách thể chế"
           and m.label == "Bình Thuận Điểm số" and m.kind == "score"]
    named, errors = run(m)
    assert named
    assert all("Đắk Nông" not in f.message for f in errors if f.column == m.key)
