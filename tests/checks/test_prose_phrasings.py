"""Prose claims as district offices write them (issue 8, part 4): parts with
their shares in brackets separated by semicolons, a whole listed after
"gồm:", a part "trên tổng số" its whole, list items of counts per grade
("- Loại Khá: Có 05/15 đơn vị"), counts in words ("hai đơn vị đạt từ 90 điểm
trở lên") held to the table of the units. Paragraphs are generated from
seeded figures (the shares computed here, half up), written as text reports;
a clean one gives no error, one slipped figure gives an error on its
paragraph."""
from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

import pytest

from reportgen.verify import verify_path

NOUNS = ("hồ sơ", "thủ tục", "văn bản")
LABELS = ("trước hạn", "đúng hạn", "quá hạn", "trực tuyến", "trực tiếp", "qua bưu chính")
VERBS = ("tiếp nhận", "đã giải quyết", "đã xử lý")
WORDS = {2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu"}


def _vi(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _pct(part: int, whole: int, places: int) -> str:
    value = (Decimal(part) / Decimal(whole) * 100).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return format(value, "f").replace(".", ",")


def _split(rng: random.Random, whole: int, n: int) -> list[int]:
    cuts = sorted(rng.sample(range(1, whole), n - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, whole])]


def _report(tmp_path, name: str, paragraphs: list[str], table: list[list[str]] | None = None):
    head = ["UBND HUYỆN CAM LỘ", "PHÒNG NỘI VỤ", "Số: 88/BC-PNV", "Cam Lộ, ngày 20 tháng 11 năm 2025", "BÁO CÁO",
            "Kết quả công tác năm 2025"]
    text = "\n\n".join(head + paragraphs) + "\n\n"
    if table:
        text += "\n".join("\t".join(r) for r in table) + "\n"
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _errors(path) -> list[tuple[str, int | None]]:
    return [(f.code, f.paragraph) for f in verify_path(path).findings if f.severity == "error"]


def _paragraph_of(path, words: str) -> int:
    from reportgen.read import read_path

    return next(p.index for p in read_path(path).paragraphs if words in p.text)


@pytest.mark.parametrize("seed", range(4))
def test_parts_in_brackets_with_their_shares_are_each_held_to_the_whole(tmp_path, seed):
    rng = random.Random(seed)
    noun, verb = rng.choice(NOUNS), rng.choice(VERBS)
    whole = rng.randrange(2_000, 60_000)
    parts = _split(rng, whole, 2)
    labels = rng.sample(LABELS, 2)
    places = rng.choice((1, 2))

    def paragraph(shares):
        items = "; ".join(f"{lab} {_vi(p)} {noun}, chiếm {s}%" for lab, p, s in zip(labels, parts, shares))
        return f"Trong kỳ, Bộ phận Một cửa {verb} {_vi(whole)} {noun} ({items})."

    shares = [_pct(p, whole, places) for p in parts]
    assert _errors(_report(tmp_path, "clean", [paragraph(shares)])) == []
    # The second share is of the whole, not of the first part: a wrong one is a sure error.
    wrong = shares[:1] + [_pct(parts[1] + whole // 20, whole, places)]
    path = _report(tmp_path, "slip", [paragraph(wrong)])
    assert ("PERCENT_MISMATCH", _paragraph_of(path, "Bộ phận Một cửa")) in _errors(path)


@pytest.mark.parametrize("seed", range(4))
def test_a_whole_listed_after_gom_with_semicolons_is_the_sum_of_its_items(tmp_path, seed):
    rng = random.Random(100 + seed)
    noun = rng.choice(NOUNS)
    whole = rng.randrange(500, 30_000)
    parts = _split(rng, whole, rng.choice((3, 4)))
    labels = rng.sample(LABELS, len(parts))

    def paragraph(items):
        listed = "; ".join(f"{lab} {_vi(p)} {noun}" for lab, p in zip(labels, items))
        return f"Đã giải quyết {_vi(whole)} {noun}, {rng.choice(('gồm', 'bao gồm'))}: {listed}."

    assert _errors(_report(tmp_path, "clean", [paragraph(parts)])) == []
    slipped = parts[:-1] + [parts[-1] + rng.randrange(1, 50)]
    path = _report(tmp_path, "slip", [paragraph(slipped)])
    assert ("SUM_MISMATCH", _paragraph_of(path, "Đã giải quyết")) in _errors(path)


@pytest.mark.parametrize("seed", range(4))
def test_a_part_of_a_whole_stated_after_tren_tong_so_is_a_share_of_it(tmp_path, seed):
    rng = random.Random(200 + seed)
    noun = rng.choice(NOUNS)
    whole = rng.randrange(2_000, 60_000)
    part = rng.randrange(whole // 50, whole // 2)
    places = rng.choice((1, 2))

    def paragraph(share):
        return f"Có {_vi(part)} {noun} phải bổ sung trên tổng số {_vi(whole)} {noun} tiếp nhận, chiếm {share}%."

    assert _errors(_report(tmp_path, "clean", [paragraph(_pct(part, whole, places))])) == []
    path = _report(tmp_path, "slip", [paragraph(_pct(part + whole // 25, whole, places))])
    assert ("PERCENT_MISMATCH", _paragraph_of(path, "phải bổ sung")) in _errors(path)


def _graded_units(rng: random.Random, counts: dict[str, int]) -> list[list[str]]:
    """A table of units with points out of 100 and grades, best first."""
    bands = {"Tốt": (80, 90), "Khá": (70, 80), "Trung bình": (50, 70)}
    rows = []
    for grade, n in counts.items():
        low, high = bands[grade]
        rows += [(Decimal(rng.randrange(low * 100, high * 100)) / 100, grade) for _ in range(n)]
    rows.sort(key=lambda r: -r[0])
    return [["STT", "Đơn vị", "Điểm tối đa", "Điểm đạt được", "Xếp loại"]] + [
        [str(i), f"Phòng số {i}", "100", format(p, "f").replace(".", ","), g] for i, (p, g) in enumerate(rows, 1)]


@pytest.mark.parametrize("seed", range(4))
def test_list_items_of_counts_per_grade_are_held_to_the_units_table(tmp_path, seed):
    rng = random.Random(300 + seed)
    counts = {"Tốt": rng.randrange(3, 9), "Khá": rng.randrange(2, 6), "Trung bình": rng.randrange(1, 3)}
    n = sum(counts.values())
    table = _graded_units(rng, counts)

    def paragraphs(claimed):
        return [f"Tổng số {n} đơn vị được đánh giá, kết quả như sau:"] + [
            f"- Loại {g}: Có {c:02d}/{n} đơn vị, chiếm {_pct(c, n, 1)}%;" for g, c in claimed.items()]

    assert _errors(_report(tmp_path, "clean", paragraphs(counts), table)) == []
    slipped = dict(counts, Khá=counts["Khá"] - 1)  # its share written to fit the wrong count
    path = _report(tmp_path, "slip", paragraphs(slipped), table)
    assert ("GRADE_COUNT_MISMATCH", _paragraph_of(path, "Loại Khá")) in _errors(path)


@pytest.mark.parametrize("seed", range(4))
def test_a_count_in_words_of_a_band_is_held_to_the_units_table(tmp_path, seed):
    rng = random.Random(400 + seed)
    counts = {"Tốt": rng.randrange(3, 7), "Khá": rng.randrange(2, 5)}
    n = sum(counts.values())
    table = _graded_units(rng, counts)
    points = sorted((Decimal(r[3].replace(",", ".")) for r in table[1:]), reverse=True)
    k = rng.randrange(2, 5)
    threshold = int(points[k])  # the k-th best is below it only when its points are not whole
    above = sum(1 for p in points if p >= threshold)

    def paragraphs(count):
        return [f"Tổng số {n} đơn vị được đánh giá.",
                f"Có {WORDS[count]} đơn vị đạt từ {threshold} điểm trở lên."]

    assert _errors(_report(tmp_path, "clean", paragraphs(above), table)) == []
    path = _report(tmp_path, "slip", paragraphs(above + 1), table)
    assert ("BAND_COUNT_MISMATCH", _paragraph_of(path, "điểm trở lên")) in _errors(path)


@pytest.mark.parametrize("seed", range(4))
def test_a_part_whose_share_fits_the_rest_of_the_sum_is_the_one_slip(tmp_path, seed):
    # "Tổng số … là W; trong đó: A (chiếm p%), B (chiếm q%)" with B written wrong: the sum
    # breaks and q% is not B of W — but it is W − A, so B is the slip: one error, on B.
    rng = random.Random(500 + seed)
    noun = rng.choice(NOUNS)
    whole = rng.randrange(2_000, 60_000)
    parts = _split(rng, whole, 2)
    labels = rng.sample(LABELS, 2)

    def paragraph(written):
        items = ", ".join(f"{noun} {lab} {_vi(p)} {noun} (chiếm {_pct(q, whole, 2)}%)"
                          for lab, p, q in zip(labels, written, parts))
        return f"Tổng số {noun} tiếp nhận là {_vi(whole)} {noun}; trong đó: {items}."

    assert _errors(_report(tmp_path, "clean", [paragraph(parts)])) == []
    wrong = parts[1] + rng.choice((-1, 1)) * rng.randrange(whole // 20, whole // 10)
    path = _report(tmp_path, "slip", [paragraph([parts[0], wrong])])
    found = [(f.code, f.reported, f.expected) for f in verify_path(path).findings if f.severity == "error"]
    assert found == [("SUM_MISMATCH", str(wrong), str(parts[1]))]


@pytest.mark.parametrize("seed", range(4))
def test_a_share_of_the_total_it_names_is_held_to_that_total(tmp_path, seed):
    # "Số hồ sơ đã giải quyết là W hồ sơ. Số hồ sơ quá hạn là P hồ sơ, chiếm p% tổng số hồ sơ
    # đã giải quyết": the whole is the count those words introduce, stated, not guessed.
    rng = random.Random(600 + seed)
    noun = rng.choice(NOUNS)
    whole = rng.randrange(2_000, 60_000)
    part = rng.randrange(whole // 100, whole // 10)

    def paragraph(share):
        return (f"Số {noun} đã giải quyết là {_vi(whole)} {noun}. Số {noun} quá hạn là {_vi(part)} {noun}, "
                f"chiếm {share}% tổng số {noun} đã giải quyết.")

    assert _errors(_report(tmp_path, "clean", [paragraph(_pct(part, whole, 2))])) == []
    path = _report(tmp_path, "slip", [paragraph(_pct(part + whole // 20, whole, 2))])
    assert ("PERCENT_MISMATCH", _paragraph_of(path, "quá hạn")) in _errors(path)
