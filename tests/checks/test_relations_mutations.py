"""Generated mutations of real documents of another office: one figure (a
score, a percent, a grade, a rank, a statistics row) changed in the DOCX
itself; verify must name that row and column with an error. Unchanged, the
documents give no error. See benchmarks/mutations.py."""
from __future__ import annotations

import sys

import pytest

from reportgen.verify import verify_path

from support import REAL, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from mutations import Mutation, candidates  # noqa: E402
from mutations_apply import run  # noqa: E402

SONGANH = REAL / "ld-cchc2025-pl1-songanh.doc"
XAPHUONG = REAL / "ld-cchc2025-pl2-xaphuong.doc"


@pytest.mark.parametrize("name", ["ld-cchc2025-pl1-songanh.doc", "ld-cchc2025-pl2-xaphuong.doc",
                                  "ld-766-sotaichinh.docx"])
def test_unchanged_real_documents_give_no_error(name):
    result = verify_path(REAL / name)
    assert [f for f in result.findings if f.severity == "error"] == []


def test_every_generated_mutation_of_the_department_index_is_named():
    mutations = candidates(SONGANH, limit=40, seed=1)
    assert len(mutations) == 40
    missed = [(m.unit, m.label, m.old, m.new) for m in mutations if not run(m)[0]]
    assert missed == []


def test_generated_mutations_of_the_commune_index_are_named():
    mutations = candidates(XAPHUONG, limit=8, seed=2)
    missed = [(m.unit, m.label, m.old, m.new) for m in mutations if not run(m)[0]]
    assert missed == []


def _one(unit: str, label: str, old: str, new: str, kind: str = "number") -> Mutation:
    [m] = [m for m in candidates(SONGANH) if m.unit == unit and m.label == label]
    return Mutation(SONGANH, m.table, m.raw_table, m.raw_row, m.col, m.key, m.label, unit, old, new, kind)


def test_percent_changed_with_its_grade_kept_is_an_error():
    named, errors = run(_one("Sở Tư pháp", "Chỉ số chung", "93,01%", "73,01%"))
    assert named
    codes = {f.code for f in errors if f.unit == "Sở Tư pháp"}
    assert "RATIO_MISMATCH" in codes


def test_a_unit_at_78_80_relabelled_tot_is_an_error_though_the_document_has_no_xuat_sac():
    named, errors = run(_one("Sở Y tế", "Xếp loại", "KHÁ", "TỐT", "grade"))
    assert named
    [f] = [f for f in errors if f.code == "GRADE_BAND_MISMATCH"]
    assert f.unit == "Sở Y tế" and f.reported == "TỐT"
