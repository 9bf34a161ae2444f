"""The seeds with one figure changed, read and checked end to end: each slip a
clerk could make is found where it is, with the right severity, and nothing
else turns into an error."""
from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.verify import verify_path

from support import SEEDS


def mutated(tmp_path, seed: str, old: str, new: str) -> Path:
    src = next(SEEDS.glob(f"{seed}_*.txt"))
    text = src.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    out = tmp_path / src.name
    out.write_text(text.replace(old, new), encoding="utf-8")
    return out


def new_findings(tmp_path, seed, old, new):
    """Findings of the mutated seed that the seed itself does not have."""
    original = verify_path(next(SEEDS.glob(f"{seed}_*.txt"))).findings
    before = {(f.code, f.severity, f.unit, f.column, f.reported) for f in original}
    after = verify_path(mutated(tmp_path, seed, old, new)).findings
    return [(f.code, f.severity, f.unit, f.column, f.reported, f.expected) for f in after
            if (f.code, f.severity, f.unit, f.column, f.reported) not in before]


def test_grade_one_band_too_low_is_an_error(tmp_path):
    found = new_findings(tmp_path, "000", "85,94/94\t91,43\tXuất sắc", "85,94/94\t91,43\tTốt")
    assert ("GRADE_MISMATCH", "error", "Sở Tư pháp", "grade", "Tốt", "Xuất sắc") in found


def test_percent_typed_wrong_is_an_error(tmp_path):
    found = new_findings(tmp_path, "000", "85,33/94\t90,78\t", "85,33/94\t80,78\t")
    errors = [f for f in found if f[1] == "error"]
    assert errors == [("PERCENT_MISMATCH", "error", "Sở Nông nghiệp và PTNT", "percent", "80.78", "90.78")]


def test_rows_swapped_in_a_ranked_appendix_are_warned(tmp_path):
    swap = ("3\tSở Tư pháp\t6\t4\t2\t6\t24\t8,39\t9,82\t4,2\t3,53\t0\t-\t-\t6\t6\t6\t85,94/94\t91,43\t"
            "Xuất sắc\n"
            "4\tSở Nông nghiệp và PTNT\t6\t4\t2\t6\t23,86\t8,38\t9,19\t4,31\t3,59\t0\t-\t-\t6\t6\t6\t85,33/94\t90,78\tXuất sắc")
    swapped = "\n".join(reversed(swap.split("\n")))
    found = new_findings(tmp_path, "000", swap, swapped)
    assert [f[:3] for f in found] == [("RANK_ORDER", "warning", "Sở Tư pháp")]


def test_total_rounded_down_by_a_hundredth_is_only_information(tmp_path):
    found = new_findings(tmp_path, "002", "5 5 5 60,51 71,19 Khá", "5 5 5 60,50 71,19 Khá")
    assert ("TOTAL_MISMATCH", "info", "UBND xã Hua Thanh", "total", "60.50", "60.51") in found
    assert [f for f in found if f[1] == "error"] == []


def test_score_over_its_maximum_in_another_row_is_found(tmp_path):
    found = new_findings(tmp_path, "002", "UBND xã Hua Thanh - 4,81 - 30 10", "UBND xã Hua Thanh - 4,81 - 31 10")
    assert ("SCORE_EXCEEDS_MAX", "error", "UBND xã Hua Thanh", "td", "31", "30") in found


@pytest.mark.parametrize("old,new", [("4\t0\t-\t-\t6\t6\t6\t88,9/94", "4\t0\t-\t-\t6\t6\t6\t88,9/96")])
def test_maximum_that_ignores_the_dashes_is_an_error(tmp_path, old, new):
    found = new_findings(tmp_path, "000", old, new)
    assert ("MAX_MISMATCH", "error", "Sở Công Thương", "max", "96", "94") in found
    assert [f for f in found if f[1] == "error" and f[0] != "MAX_MISMATCH"] == []
