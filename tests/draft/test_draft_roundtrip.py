"""Round trip for every scheme and every template: draft → DOCX → the readers
→ the same table values, and `reportgen verify` finds no error; the same
through LibreOffice's PDF (slow)."""
from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.draft import build_draft
from reportgen.draft.inputs import prepared
from reportgen.draft.metadata import meta_from_dict
from reportgen.draft.synthetic import synthetic_data
from reportgen.schemes import all_schemes
from reportgen.verify import verify_path

SCHEMES = sorted(all_schemes())
KINDS = ("BC", "TB", "CV")
META = {"parent": "UBND tỉnh Điện Biên", "issuer": "Văn phòng UBND tỉnh", "place": "Điện Biên",
        "date": "2025-11-05", "number": "7", "signer": "Lê Thanh Bình"}


def _values(table):
    return [(r.unit, {k: v for k, v in r.scores.items()}, r.total, r.percent, r.grade) for r in table.rows]


def _expected(dt):
    keys = [i.key for i in dt.scheme.scored_indicators]
    return [(r.unit, {k: r.scores.get(k) for k in keys}, r.total, r.percent, r.grade) for r in dt.rows]


def _draft(scheme: str, kind: str, folder: Path):
    data = prepared(synthetic_data(all_schemes()[scheme], sizes=(12, 20), seed=len(scheme)))
    result = build_draft(data, meta_from_dict({**META, "doc_type": kind}))
    path = folder / f"{scheme}-{kind}.docx"
    result.save(path)
    return data, path


def _assert_same_tables_and_no_error(data, path, kind):
    """One reading serves both: the verify result carries the report it read."""
    result = verify_path(path)
    errors = [(f.code, f.message) for f in result.findings if f.severity == "error"]
    assert errors == []
    report = result.report
    meta = report.meta
    symbol = {"BC": "07/BC-VPUBND", "TB": "07/TB-VPUBND", "CV": "07/VPUBND"}[kind]
    assert (meta.doc_type, meta.number, meta.place, meta.signer) == (kind, symbol, "Điện Biên", "Lê Thanh Bình")
    assert meta.date.isoformat() == "2025-11-05"
    tables = [t for t in report.tables if t.kind == "scores"]
    assert len(tables) == len(data.tables)
    for table, dt in zip(tables, data.tables):
        assert table.scheme == dt.scheme.name
        assert _values(table) == _expected(dt)
        if dt.scheme.dash_removes_max:
            assert [r.max for r in table.rows] == [r.max for r in dt.rows]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_docx_draft_reads_back_with_the_same_values_and_verifies_clean(tmp_path, scheme, kind):
    data, path = _draft(scheme, kind, tmp_path)
    _assert_same_tables_and_no_error(data, path, kind)
    result = verify_path(path)  # nothing left unchecked, no layout finding either
    assert [(f.code, f.message) for f in result.findings if str(f.severity) != "info"] == []
    assert (result.verdict, result.exit_status) == ("ĐẠT", 0)


@pytest.mark.slow
def test_pdf_drafts_read_back_with_the_same_values_and_verify_clean(tmp_path):
    from reportgen.draft.pdf import convert

    drafts = [_draft(scheme, kind, tmp_path) for scheme in SCHEMES for kind in KINDS]
    pdfs = convert([path for _, path in drafts], tmp_path / "pdf")  # one LibreOffice process
    kinds = [kind for _ in SCHEMES for kind in KINDS]
    for (data, _), pdf, kind in zip(drafts, pdfs, kinds):
        _assert_same_tables_and_no_error(data, pdf, kind)
        result = verify_path(pdf)  # the ND30 check of the PDF finds nothing either (the font note is info)
        assert [(f.code, f.message) for f in result.findings if str(f.severity) != "info"] == []
        assert (result.verdict, result.exit_status) == ("ĐẠT", 0)


@pytest.mark.slow
def test_per_unit_notices_as_pdf_verify_with_no_error_and_their_points_add_up(tmp_path):
    """A notice per unit, converted to PDF, reads back with no error; its points per
    group (the list under "II. ĐIỂM TỪNG CHỈ SỐ") are checked against the unit's score.
    Only the rank among the units ("xếp hạng 8/15") is left unchecked: the notice
    has no other unit to hold it to."""
    from reportgen.draft.pdf import convert
    from reportgen.draft.perunit import write_per_unit

    data = prepared(synthetic_data(all_schemes()["qd766-2022"], sizes=(15,), seed=7))
    notices = write_per_unit(data, meta_from_dict({**META, "doc_type": "TB"}), tmp_path / "tb")[:3]
    for pdf in convert(notices, tmp_path / "pdf"):
        result = verify_path(pdf)
        assert [(f.code, f.message) for f in result.findings if f.severity == "error"] == []
        unchecked = [f.message for f in result.findings if f.code == "CLAIM_UNCHECKED"]
        assert len(unchecked) == 1 and "/15" in unchecked[0], unchecked
