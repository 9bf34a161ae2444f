"""A part of a total that carries its own share ("trong đó trực tuyến 8.765 hồ
sơ (71,0%)"), written 8.795: the parts no longer make the total and the share
no longer fits the part, but 8.765 mends both, so it is one error, on the part
(prose_parts.sum_slip), however the share is written: "(71,0%)" in the
sentence, "(chiếm 71,0%)", or one item a line after "Trong đó:"."""
from __future__ import annotations

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.model import Paragraph, StatementKind
from reportgen.read import report_of_paragraphs


def _run(*texts: str):
    report = report_of_paragraphs([Paragraph(index=i, text=t) for i, t in enumerate(texts)])
    findings = run_checks(report, CheckContext())
    return report, [(f.code, f.severity.value, f.reported, f.expected) for f in findings]


_FORMS = [
    ("Tổng số hồ sơ tiếp nhận trong kỳ là 12.345 hồ sơ, trong đó trực tuyến {a} hồ sơ (71,0%), trực tiếp 3.580 hồ sơ "
     "(29,0%).",),
    ("Tổng số hồ sơ tiếp nhận trong kỳ là 12.345 hồ sơ, trong đó: trực tuyến {a} hồ sơ (71,0%); trực tiếp 3.580 hồ "
     "sơ (29,0%).",),
    ("Tiếp nhận mới: 12.345 hồ sơ. Trong đó:", "- Trực tuyến: {a} hồ sơ (71,0%);", "- Trực tiếp: 3.580 hồ sơ (29,0%)."),
]


@pytest.mark.parametrize("texts", _FORMS)
def test_each_share_of_the_list_is_checked(texts):
    report, found = _run(*(t.format(a="8.765") for t in texts))
    assert found == []
    assert sorted(st.percent for st in report.statements if st.kind == StatementKind.SHARE) == [29, 71]


@pytest.mark.parametrize("texts", _FORMS)
def test_a_slipped_part_that_carries_its_share_is_one_error_on_the_part(texts):
    _, found = _run(*(t.format(a="8.795") for t in texts))
    assert found == [("SUM_MISMATCH", "error", "8795", "8765")]

