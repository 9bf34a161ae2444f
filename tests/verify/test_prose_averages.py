"""Statistics of points written without "điểm" after the figure ("Điểm trung
bình của các xã là 85,12; cao nhất 95,10, thấp nhất 78,00") are read and held
to the table of those units; generated tables and wordings, exact values."""
from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

import pytest

from reportgen.model import Paragraph
from reportgen.read.statements import read_statements
from reportgen.verify import verify_path

HEAD = """UBND HUYỆN MƯỜNG ẢNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
VĂN PHÒNG HĐND VÀ UBND\tĐộc lập - Tự do - Hạnh phúc
Số: 405/BC-UBND\tMường Ảng, ngày 17 tháng 8 năm 2023

BÁO CÁO
Kết quả đánh giá chỉ số cải cách hành chính năm 2023

1. Kết quả đánh giá các xã
{prose}
Kết quả cụ thể như sau:

| STT | Đơn vị | Điểm đạt được |
|---|---|---|
{rows}

Nơi nhận:
- UBND tỉnh;
- Lưu: VT, VP.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lò Văn Minh
"""
NAMES = ["Xã Ẳng Nưa", "Xã Ẳng Cang", "Xã Ẳng Tở", "Xã Búng Lao", "Xã Xuân Lao", "Xã Mường Đăng", "Xã Ngối Cáy"]
WORDINGS = [
    "Điểm trung bình của các xã là {avg}; cao nhất {max}, thấp nhất {min}.",
    "Tổng điểm bình quân của {n} xã đạt {avg}, điểm cao nhất là {max} và thấp nhất là {min}.",
    "Các xã có điểm thấp nhất là {min}, cao nhất là {max}; điểm trung bình: {avg}.",
    "Về điểm số, bình quân {avg}, cao nhất {max} ({top}), thấp nhất {min} ({bottom}).",
]


def _vi(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


def _doc(tmp_path, rng: random.Random, wording: str, slip: str | None):
    n = rng.randint(4, 7)
    scores = sorted((Decimal(rng.randint(6000, 9900)) / 100 for _ in range(n)), reverse=True)
    if len(set(scores)) < n:
        scores = [Decimal(9500 - 300 * i) / 100 for i in range(n)]
    names = NAMES[:n]
    stats = {"avg": (sum(scores) / n).quantize(Decimal("0.01"), ROUND_HALF_UP), "max": scores[0], "min": scores[-1]}
    written = dict(stats)
    if slip:
        written[slip] += Decimal("2.5")
    prose = wording.format(n=n, top=names[0], bottom=names[-1], **{k: _vi(v) for k, v in written.items()})
    rows = "\n".join(f"| {i + 1} | {u} | {_vi(s)} |" for i, (u, s) in enumerate(zip(names, scores)))
    path = tmp_path / "bc.txt"
    path.write_text(HEAD.format(prose=prose, rows=rows), encoding="utf-8")
    return path, stats, written


def test_bare_statistics_of_points_are_read():
    text = "Điểm bình quân của 124 xã đạt 85,12; cao nhất 95,5, thấp nhất 60,25."
    got = [(st.stat, st.value) for st in read_statements([Paragraph(text, 0)]) if st.kind == "score"]
    assert got == [("avg", Decimal("85.12")), ("max", Decimal("95.5")), ("min", Decimal("60.25"))]
    # A count averaged is no points; a percent is read as a percent.
    assert [st for st in read_statements([Paragraph("Trung bình mỗi xã tiếp nhận 120 hồ sơ.", 0)])] == []


@pytest.mark.parametrize("case", range(16))
def test_generated_statistics_against_the_table(case, tmp_path):
    rng = random.Random(500 + case)
    wording = WORDINGS[case % len(WORDINGS)]
    slip = [None, "avg", "max", "min"][case // 4]
    path, stats, written = _doc(tmp_path, rng, wording, slip)
    result = verify_path(path)
    found = [(f.severity, Decimal(f.reported), Decimal(f.expected)) for f in result.findings
             if f.rule == "stat-vs-table"]
    if slip is None:
        assert found == []
        claims = [c for c in result.ledger.claims.values() if c.text]
        assert claims and all(c.checked for c in claims)
    else:
        assert found == [("error", written[slip], stats[slip])]
