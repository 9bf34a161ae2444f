"""Fractions that explain another figure of their sentence (read by
read.statements_fractions, checked by checks.prose_fractions and the share
rule): parts of a fraction listed after it, the fraction a percent is
computed from in brackets. Real sentences of bc184 with their real figures,
then generated wordings and orders, then the figures changed in the file."""
from __future__ import annotations

import itertools
import random
from decimal import Decimal

import pytest

from parsers import read_raw
from reportgen.model import Paragraph
from reportgen.numbers import format_vi
from reportgen.read import read_report, report_of_paragraphs
from reportgen.read.statements import read_statements
from reportgen.verify import verify_report

from support import ROOT, with_paragraph_replaced

D = Decimal
REAL = ROOT / "fixtures" / "reference" / "real"
BC184_CHECK = ("Công tác kiểm tra cải cách hành chính đã hoàn thành 100% kế hoạch đề ra, theo đó, đã tổ chức kiểm tra "
               "42/139 cơ quan đơn vị, địa phương, đạt tỷ lệ 30% (4/15 sở, ngành và 38/124 UBND cấp xã, chỉ tiêu đề "
               "ra là tối thiểu 20%).")
BC184_PAID = ("Tiến độ thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách đạt "
              "75,2% (số tiền đã nộp ngân sách nhà nước đạt 654,935/871,321 triệu đồng, trường hợp đạt 100% thì tiêu "
              "chí này đạt điểm tối đa).")


def _verify(*texts: str):
    paras = [Paragraph(t, i) for i, t in enumerate(texts)]
    return verify_report(report_of_paragraphs(paras, source="x"))


def _of(result, code: str):
    return [(f.rule, f.severity, f.reported, f.expected) for f in result.findings if f.code == code]


def test_the_parts_of_a_fraction_are_read_with_their_real_figures():
    sums = [(st.fraction_parts, st.whole, st.parts) for st in read_statements([Paragraph(BC184_CHECK, 0)])
            if st.kind == "sum"]
    assert sums == [("num", D(42), [D(4), D(38)]), ("den", D(139), [D(15), D(124)])]


def test_the_real_sentence_agrees_and_every_fraction_of_it_is_checked():
    result = _verify(BC184_CHECK)
    assert _of(result, "SUM_MISMATCH") == []
    fractions = [i for i, st in enumerate(result.report.statements) if st.kind == "fraction"]
    assert len(fractions) == 3
    for i in fractions:  # 42/139 is one claim with its share 30%
        claim = result.ledger.claims[result.ledger._member_of.get(i, i)]
        assert "fraction-parts-sum" in claim.relations


@pytest.mark.parametrize("old, new, expected", [
    ("4/15 sở", "5/15 sở", ("num", "42", "43")),
    ("38/124 UBND", "38/125 UBND", ("den", "139", "140")),
    ("42/139 cơ quan", "42/138 cơ quan", ("den", "138", "139")),
])
def test_a_changed_part_or_whole_is_an_error(old, new, expected):
    result = _verify(BC184_CHECK.replace(old, new))
    found = _of(result, "SUM_MISMATCH")
    assert found == [("fraction-parts", "error", expected[1], expected[2])]


def test_a_list_that_splits_nothing_or_compares_is_not_read_as_parts():
    # Neither the numerators nor the denominators add up: another list.
    assert _of(_verify("Đã kiểm tra 42/139 cơ quan (năm 2024: 30/139; năm 2023: 25/139)."), "SUM_MISMATCH") == []
    # A comparison inside the brackets is no split.
    assert _of(_verify("Đã kiểm tra 42/139 cơ quan (tăng 4/15 sở và 38/124 xã so với năm trước)."),
               "SUM_MISMATCH") == []


_WHOLES = ["đã tổ chức kiểm tra {w} cơ quan, đơn vị", "đã kiểm tra {w} đơn vị", "số cơ quan được kiểm tra là {w}"]
_OPENERS = [" ({p})", ", gồm {p}", ", bao gồm: {p}", ", đạt tỷ lệ {r}% ({p})"]
_PARTS = [("sở, ngành", "UBND cấp xã"), ("cơ quan cấp tỉnh", "xã, phường"), ("sở", "xã", "đặc khu")]


def _sentence(rng: random.Random, bad: bool) -> tuple[str, int]:
    names = rng.choice(_PARTS)
    nums = [rng.randint(1, 40) for _ in names]
    dens = [n + rng.randint(0, 90) for n in nums]
    whole = f"{sum(nums)}/{sum(dens)}"
    k = rng.randrange(len(names))
    shown = list(nums)
    if bad:
        shown[k] += 1
    listed = [f"{n:02d}/{d}" if rng.random() < 0.3 else f"{n}/{d}" for n, d in zip(shown, dens)]
    parts = ", ".join(f"{x} {name}" for x, name in zip(listed[:-1], names[:-1])) + f" và {listed[-1]} {names[-1]}"
    rate = round(sum(nums) * 100 / sum(dens))
    text = "Năm 2025, " + rng.choice(_WHOLES).format(w=whole) + rng.choice(_OPENERS).format(p=parts, r=rate) + "."
    return text, sum(shown)


@pytest.mark.parametrize("case", range(24))
def test_generated_wordings_and_orders(case):
    rng = random.Random(1000 + case)
    bad = case % 2 == 1
    text, shown = _sentence(rng, bad)
    found = _of(_verify(text), "SUM_MISMATCH")
    if bad:
        assert [f[:2] for f in found] == [("fraction-parts", "error")], text
        assert found[0][3] == str(shown), text
    else:
        assert found == [], text


def test_a_percent_with_its_fraction_in_brackets_is_a_share_of_it():
    shares = [(st.value, st.whole, st.percent) for st in read_statements([Paragraph(BC184_PAID, 0)])
              if st.kind == "share"]
    assert shares == [(D("654.935"), D("871.321"), D("75.2"))]
    result = _verify(BC184_PAID)
    assert _of(result, "PERCENT_MISMATCH") == []
    assert _of(_verify(BC184_PAID.replace("75,2%", "57,2%")), "PERCENT_MISMATCH") == [
        ("share-percent", "error", "57.2", "75.17")]
    # Two fractions in the brackets, or a comparison: no pairing.
    two = "Tỷ lệ đạt 30% (4/15 sở và 38/124 xã)."
    assert [st for st in read_statements([Paragraph(two, 0)]) if st.kind == "share"] == []
    compared = "Tỷ lệ đạt 30% (năm trước 40/139)."
    assert [st for st in read_statements([Paragraph(compared, 0)]) if st.kind == "share"] == []


@pytest.mark.parametrize("written, percent, fraction", list(itertools.product(
    ["đạt {p}% ({f} hồ sơ)", "chiếm {p}% ({f} cơ quan)", "bằng {p}% (đã nộp {f} triệu đồng)"],
    ["66,7", "66,67"], ["2/3", "200/300", "1.200/1.800"])))
def test_generated_percent_brackets(written, percent, fraction):
    text = "Tỷ lệ giải quyết " + written.format(p=percent, f=fraction) + "."
    assert _of(_verify(text), "PERCENT_MISMATCH") == []
    wrong = text.replace(percent + "%", percent.replace("66", "68") + "%")
    assert [f[:2] for f in _of(_verify(wrong), "PERCENT_MISMATCH")] == [("share-percent", "error")]


def test_bc184_the_real_report_agrees_and_a_changed_part_is_found():
    raw = read_raw(REAL / "ld-chiso-bc184-snv.docx")
    clean = verify_report(read_report(raw))
    assert [f for f in clean.findings if f.rule == "fraction-parts"] == []
    paragraph = next(st.paragraph for st in clean.report.statements if st.fraction_parts)
    after = verify_report(read_report(with_paragraph_replaced(raw, paragraph, "38/124", "39/124")))
    assert [(f.paragraph, f.severity, f.reported, f.expected) for f in after.findings
            if f.rule == "fraction-parts"] == [(paragraph, "error", "42", "43")]


# --- a share of a raised target, next to the share of its base --------------------------

BC184_BUDGET = ("Tổng thu ngân sách đến ngày 05/11/2025 đạt 26.353,6 tỷ đồng, bằng 98,44% dự toán Trung ương, bằng "
                "93,29% dự toán địa phương và bằng {b}% so với chỉ tiêu phấn đấu tăng thu 25% so với dự toán Trung "
                "ương giao (trường hợp vượt chỉ tiêu Trung ương giao từ 4% trở lên thì tiêu chí đạt điểm tối đa).")


def test_the_real_budget_sentence_agrees_and_its_target_is_a_rule():
    result = _verify(BC184_BUDGET.format(b="78,75"))
    assert _of(result, "PERCENT_MISMATCH") == []
    checked = {result.report.statements[i].text for i, c in result.ledger.claims.items() if c.checked}
    assert checked == {"98,44%", "78,75%"}
    # of the local budget, which the document does not give: outside it, listed apart
    assert result.ledger.unchecked_claims() == []
    assert [(c.figure, c.external) for c in result.ledger.external_claims()
            if c.external == "dự toán"] == [("93,29%", "dự toán")]
    assert _of(_verify(BC184_BUDGET.format(b="87,75")), "PERCENT_MISMATCH") == [
        ("raised-target-share", "error", "87.75", "78.75")]


@pytest.mark.parametrize("case", range(20))
def test_generated_raised_targets(case):
    rng = random.Random(3000 + case)
    base = D(rng.randint(6000, 12000)) / 100
    raise_by = D(rng.choice([5, 10, 15, 20, 25, 30]))
    exact = base * 100 / (100 + raise_by)
    right = exact.quantize(D("0.01"))
    wrong = right + D(rng.choice([-3, -1, 2, 5]))
    what = rng.choice([("dự toán Trung ương", "dự toán Trung ương giao"), ("kế hoạch năm", "kế hoạch năm được giao"),
                       ("dự toán tỉnh giao", "dự toán tỉnh giao")])
    verb = rng.choice(["bằng", "đạt"])
    template = (f"Thu nội địa đạt 1.234,5 tỷ đồng, {verb} {{a}}% {what[0]} và {verb} {{b}}% so với chỉ tiêu phấn đấu "
                f"tăng {{c}}% so với {what[1]}.")

    def vi(x):
        return format_vi(x, 2, fixed=True)

    good = template.format(a=vi(base), b=vi(right), c=raise_by)
    assert _of(_verify(good), "PERCENT_MISMATCH") == [], good
    bad = template.format(a=vi(base), b=vi(wrong), c=raise_by)
    assert _of(_verify(bad), "PERCENT_MISMATCH") == [("raised-target-share", "error", str(wrong), str(right))], bad


def test_another_base_is_not_paired():
    text = ("Thu nội địa bằng 98,44% dự toán Trung ương và bằng 70,00% so với chỉ tiêu phấn đấu tăng 25% so với "
            "kết quả năm trước.")
    assert _of(_verify(text), "PERCENT_MISMATCH") == []
