"""A count x/y followed by the names of the units it counts (read by
read.statements_fractions.mark_listed_units, checked by
checks.prose_fractions.count_vs_listed_units): the real sentences of bc36
with the real unit names, then generated lists in other orders and wordings."""
from __future__ import annotations

import random

import pytest

from reportgen.verify import verify_path

SO = ["Sở Tư pháp", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế",
      "Sở Nông nghiệp và Môi trường", "Văn phòng UBND tỉnh", "Sở Nội vụ", "Sở Tài chính"]
XA = ["UBND xã Đạ Huoai 2", "UBND xã Đông Giang", "UBND xã Vĩnh Hảo", "UBND xã Sông Lũy", "UBND xã Lạc Dương"]

DOC = """UBND TỈNH LÂM ĐỒNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HỘI ĐỒNG THẨM ĐỊNH\tĐộc lập - Tự do - Hạnh phúc
Số: 36/BC-HĐTĐ\tLâm Đồng, ngày 20 tháng 01 năm 2026

BÁO CÁO
Kết quả thẩm định Chỉ số cải cách hành chính năm 2025

1. Kết quả
{prose}

Bảng 1. Kết quả của các cơ quan, địa phương

| STT | Đơn vị | Chỉ số (%) |
|---|---|---|
{rows}

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn A
"""


def _verify(tmp_path, prose: str):
    rows = "\n".join(f"| {i + 1} | {u} | {90 - i},{i:02d} |" for i, u in enumerate(SO + XA))
    path = tmp_path / "bc.txt"
    path.write_text(DOC.format(prose=prose, rows=rows), encoding="utf-8")
    return verify_path(path)


def _found(result):
    return [(f.severity, f.reported, f.expected) for f in result.findings if f.rule == "count-vs-listed-units"]


REAL = [
    ("- Đối với tiêu chí thành phần “Tỷ lệ văn bản đi được đăng tải trên Trang thông tin điện tử của cơ quan, đơn vị, "
     "đạt tỷ lệ trên 50% chỉ có {n}/15 đơn vị (Sở Tư pháp, Sở Khoa học và Công nghệ, Sở Văn hóa, Thể thao và Du lịch, "
     "Sở Y tế).", 4),
    ("- Có {n}/14 cơ quan, đơn vị đạt yêu cầu về tỷ lệ khảo sát tối thiểu (10%) và số lượng phiếu khảo sát tối thiểu "
     "(50 phiếu): Sở Nông nghiệp và Môi trường, Văn phòng UBND tỉnh.", 2),
    ("- Có {n:02d}/124 UBND cấp xã đạt yêu cầu về tỷ lệ khảo sát tối thiểu (10%) nhưng số lượng phiếu khảo sát thu "
     "thập được dưới 50 phiếu, gồm UBND xã Đạ Huoai 2 và UBND xã Đông Giang: Không đánh giá Chỉ số SIPAS trong năm "
     "2025.", 2),
]


@pytest.mark.parametrize("sentence, n", REAL)
def test_the_real_sentences_agree_and_a_changed_count_is_an_error(tmp_path, sentence, n):
    clean = _verify(tmp_path, sentence.format(n=n))
    assert _found(clean) == []
    fraction = next(i for i, st in enumerate(clean.report.statements) if st.kind == "fraction" and st.listed)
    claim = clean.ledger.claims[clean.ledger._member_of.get(fraction, fraction)]
    assert "count-vs-listed-units" in claim.relations
    assert _found(_verify(tmp_path, sentence.format(n=n + 1))) == [("error", str(n + 1), str(n))]


def test_a_list_that_is_no_list_of_units_decides_nothing(tmp_path):
    text = ("- Có 12/14 cơ quan, đơn vị đạt yêu cầu về tỷ lệ khảo sát tối thiểu (10%) nhưng có số lượng phiếu khảo "
            "sát thu thập được dưới 50 phiếu: Không đánh giá Chỉ số SIPAS trong năm 2025.")
    assert _found(_verify(tmp_path, text)) == []
    # Names the tables do not have beside one they have: no error, the count stays undecided.
    assert _found(_verify(tmp_path, "Có 3/15 đơn vị chưa đạt: Sở Y tế, Sở Xây dựng và Sở Công Thương.")) == []


_OPENERS = ["Có {x}/{y} {noun} {what}: {names}.", "Chỉ có {x}/{y} {noun} {what} ({names}).",
            "{x}/{y} {noun} {what}, gồm {names}.", "Năm 2025, có {x}/{y} {noun} {what}, bao gồm: {names}."]
_WHATS = ["đạt từ 90% trở lên", "chưa hoàn thành chỉ tiêu", "đạt yêu cầu về tỷ lệ khảo sát"]


@pytest.mark.parametrize("case", range(24))
def test_generated_lists(tmp_path, case):
    rng = random.Random(7000 + case)
    pool, noun, y = (SO, "cơ quan, đơn vị", 15) if case % 2 else (XA, "UBND cấp xã", 124)
    k = rng.randint(1, min(4, len(pool)))
    chosen = rng.sample(pool, k)
    names = ", ".join(chosen[:-1]) + (" và " if len(chosen) > 1 else "") + chosen[-1]
    bad = case % 3 == 0
    x = k + (rng.choice([-1, 1]) if bad and k > 1 else 1 if bad else 0)
    text = rng.choice(_OPENERS).format(x=f"{x:02d}" if rng.random() < 0.5 else x, y=y, noun=noun,
                                       what=rng.choice(_WHATS), names=names)
    found = _found(_verify(tmp_path, text))
    assert found == ([("error", str(x), str(k))] if bad else []), text


def test_the_benchmark_mutates_a_listed_count_and_catches_it(tmp_path):
    import sys

    from support import ROOT

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import mutations_prose

    rows = "\n".join(f"| {i + 1} | {u} | {90 - i},{i:02d} |" for i, u in enumerate(SO + XA))
    source = tmp_path / "src" / "bc.txt"
    source.parent.mkdir()
    source.write_text(DOC.format(prose=REAL[1][0].format(n=2), rows=rows), encoding="utf-8")
    ms = [m for m in mutations_prose.candidates(source, seed=3) if m.kind == "listed-count"]
    assert [(m.old, m.new) for m in ms] == [("2/14", "3/14")]
    out = tmp_path / "out"
    out.mkdir()
    baseline = mutations_prose.verify_findings(source)
    after = mutations_prose.verify_findings(mutations_prose.write_mutated(ms[0], out))
    assert mutations_prose.outcome(ms[0], baseline, after) == "caught"
