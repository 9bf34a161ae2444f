"""A report whose scheme is not shipped, checked against its header's own
maxima, can still be drafted: the draft carries the corrected figures and
reads back with the same maxima."""
from __future__ import annotations

from decimal import Decimal as D

from reportgen.cli import main
from reportgen.read import read_path
from reportgen.verify import verify_path

from support import DATA

U3 = DATA / "unseen" / "u3_tb_bo_chi_so_rieng.md"


def test_a_report_with_a_header_read_scheme_is_drafted_with_its_slips_corrected(tmp_path, capsys):
    out = tmp_path / "du-thao.docx"
    assert main(["draft", str(U3), "-o", str(out)]) == 0
    assert "tổng điểm ghi 81,62, đúng là 81,26" in capsys.readouterr().out
    report = read_path(out)
    [table] = [t for t in report.tables if t.kind == "scores"]
    assert [c.max for c in table.columns] == [D(10), D(15), D(20), D(25), D(15), D(15)]
    y_te = next(r for r in table.rows if r.unit == "Phòng Y tế")
    assert y_te.total == D("81.26")
    assert not [f for f in verify_path(out).findings if f.severity == "error"]
