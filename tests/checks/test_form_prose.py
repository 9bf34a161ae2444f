"""The prose of a dossier statistics report held to its form (TT 01/2020,
Biểu II.06): a header abbreviated "Số HS đang giải quyết" names what the
sentence calls "đang giải quyết … hồ sơ", and a rate names the group whose
words it says, whatever other groups the table has."""
from __future__ import annotations

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

FORM = """UBND HUYỆN LÂM HÀ

BÁO CÁO
Tình hình, kết quả giải quyết thủ tục hành chính quý III năm 2026

Trong kỳ, các cơ quan, đơn vị đã tiếp nhận 2.152 hồ sơ; đã giải quyết 2.002 hồ sơ, đạt tỷ lệ giải quyết trước \
và đúng hạn {rate}%; đang giải quyết {pending} hồ sơ.

Biểu II.06a. TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC
| STT | Lĩnh vực | Số mới tiếp nhận | | Số HS đã giải quyết | | | | Số HS đang giải quyết | | |
| | | Trực tuyến | Trực tiếp | Tổng số | Trước hạn | Đúng hạn | Quá hạn | Tổng số | Trong hạn | Quá hạn |
|---|---|---|---|---|---|---|---|---|---|---|
| 1 | Đất đai | 500 | 600 | 1.000 | 600 | 390 | 10 | 100 | 90 | 10 |
| 2 | Tư pháp | 700 | 352 | 1.002 | 608 | 377 | 17 | 50 | 48 | 2 |
| | Tổng cộng | 1.200 | 952 | 2.002 | 1.208 | 767 | 27 | 150 | 138 | 12 |
"""


def _run(tmp_path, **figures):
    path = tmp_path / "bc.txt"
    path.write_text(FORM.format(**{"rate": "98,65", "pending": "150", **figures}), encoding="utf-8")
    ctx = CheckContext()
    found = run_checks(read_path(path), ctx)
    return [(f.code, str(f.severity), f.column, f.reported, f.expected) for f in found
            if f.severity != "info"], ctx


def test_the_figures_of_the_sentence_agree_with_the_form(tmp_path):
    found, ctx = _run(tmp_path)
    assert found == []
    checked, claims = ctx.ledger.totals()["claims"]
    assert checked == claims


@pytest.mark.parametrize("figures, finding", [
    # "Số HS đang giải quyết Tổng số" is what "đang giải quyết … hồ sơ" counts
    ({"pending": "105"}, ("QUANTITY_CONFLICT", "error", "k8", "105", "150")),
    # (1.208 + 767) / 2.002 under "Số HS đã giải quyết", never the "Trong hạn" of the other group
    ({"rate": "97,8"}, ("PERCENT_MISMATCH", "error", "k5", "97.8", "98.65")),
])
def test_a_figure_of_the_sentence_that_differs_is_one_error(tmp_path, figures, finding):
    found, _ = _run(tmp_path, **figures)
    assert found == [finding]
