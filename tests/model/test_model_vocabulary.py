"""Closed vocabularies in reportgen.model: StrEnums whose values are the
strings of the JSON contract, and one Vietnamese label per severity."""
from __future__ import annotations

import json

import pytest

from reportgen.annotate import comment_text
from reportgen.findings_text import SEVERITY_LABEL, SEVERITY_NAME
from reportgen.model import (
    ColumnRole,
    DateRole,
    Finding,
    NumberRole,
    Paragraph,
    ScoreTable,
    Severity,
    Statement,
    StatementKind,
    SumMode,
    TableKind,
    severity_label,
)
from reportgen.numbers import ROLES
from reportgen.read.statements import read_statements


def test_values_are_the_contract_strings():
    assert [str(s) for s in Severity] == ["error", "warning", "info"]
    assert [str(k) for k in TableKind] == ["scores", "summary", "data"]
    assert Severity.ERROR == "error" and TableKind.DATA == "data" and StatementKind.GRADE_COUNT == "grade_count"
    assert set(NumberRole) == set(ROLES)
    assert {str(r) for r in ColumnRole} == {"no", "unit", "total", "max", "percent", "grade", "rank"}


def test_severity_has_one_order_and_one_label():
    assert sorted(["info", "error", "warning"], key=lambda s: Severity(s).order) == ["error", "warning", "info"]
    assert [s.label for s in Severity] == ["Lỗi", "Cảnh báo", "Thông tin"]
    assert SEVERITY_LABEL == {"error": "LỖI", "warning": "CẢNH BÁO", "info": "THÔNG TIN"}
    assert SEVERITY_NAME == {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"}
    note = Finding(code="ENCODING_REPAIRED", severity="info", message="Đã sửa 7 ký tự.")
    assert comment_text(note).startswith(severity_label("info") + " (ENCODING_REPAIRED)")


def test_models_take_strings_and_keep_the_json():
    f = Finding(code="TOTAL_MISMATCH", severity="error", message="x", reported="58.69")
    assert f.severity is Severity.ERROR
    out = json.loads(json.dumps(f.to_json()))
    assert (out["code"], out["severity"], out["table"], out["reported"]) == ("TOTAL_MISMATCH", "error", None, "58.69")
    assert type(f.to_json()["severity"]) is str
    assert ScoreTable(index=0, kind="data").kind is TableKind.DATA
    assert ScoreTable(index=0).to_json()["kind"] == "scores"
    assert type(ScoreTable(index=0).to_json()["kind"]) is str


def test_a_value_outside_the_vocabulary_is_refused():
    with pytest.raises(ValueError):
        Finding(code="X", severity="fatal", message="x")
    with pytest.raises(ValueError):
        ScoreTable(index=0, kind="chart")
    with pytest.raises(ValueError):
        Statement(kind="guess", text="x")


def test_statement_conventions_are_typed_fields_the_reader_fills():
    text = ("Tính đến ngày 14/03/2023, toàn tỉnh có 124 đơn vị hành chính cấp xã (103 xã, 20 phường và 01 đặc "
            "khu); tỷ lệ hồ sơ đúng hạn đạt 91.86%; tiếp nhận 120 hồ sơ (trong đó 80 hồ sơ trực tuyến, 30 hồ sơ "
            "qua bưu chính).")
    got = [(str(s.kind), s.text, s.role, s.mode, s.wrong_separator) for s in read_statements([Paragraph(text, 0)])]
    assert got == [
        ("sum", "124 đơn vị hành chính cấp xã (103 xã, 20 phường và 01 đặc khu)", None, SumMode.PARTITION, False),
        ("sum", "120 hồ sơ (trong đó 80 hồ sơ trực tuyến, 30 hồ sơ qua bưu chính)", None, SumMode.SUBSET, False),
        ("percent", "91.86%", None, None, True),
        ("date", "14/03/2023", DateRole.AS_OF, None, False),
    ]
    assert not hasattr(Statement(kind="sum", text="…"), "raw")  # no convention kept as dict keys


def test_statement_roles_and_modes_are_closed():
    assert Statement(kind="sum", text="…", mode="breakdown").mode is SumMode.BREAKDOWN
    assert "mode" not in Statement(kind="sum", text="…", mode="breakdown").to_json()
    with pytest.raises(ValueError):
        Statement(kind="sum", text="…", mode="some")
    with pytest.raises(ValueError):
        Statement(kind="date", text="…", role="tomorrow")
