"""Properties over any input: vi_VN numbers survive a format-then-parse, and a
row whose figures come from scoring never gives an error-level finding."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings, strategies as st

from reportgen.checks import CheckContext, run_checks
from reportgen.model import Column, Report, ScoreRow, ScoreTable
from reportgen.numbers import format_vi, parse_vi_decimal, quantize
from reportgen.schemes import all_schemes
from reportgen.scoring import score_row

SCHEMES = sorted(all_schemes())


@given(value=st.decimals(min_value=-10**9, max_value=10**9, allow_nan=False, allow_infinity=False),
       places=st.integers(min_value=0, max_value=4))
def test_format_then_parse_gives_the_value_back_at_the_places_shown(value, places):
    text = format_vi(value, places, fixed=True)
    # Whole numbers are read as counts (the dot groups thousands), others as
    # decimals (the comma is the decimal separator).
    role = "count" if places == 0 else "score"
    assert parse_vi_decimal(text, role) == quantize(value, places)


@st.composite
def scheme_and_scores(draw):
    scheme = all_schemes()[draw(st.sampled_from(SCHEMES))]
    scores: dict[str, Decimal | None] = {}
    for ind in scheme.scored_indicators:
        dashed = scheme.dash_removes_max and draw(st.booleans()) and draw(st.booleans())
        if dashed:
            scores[ind.key] = None
            continue
        hundredths = draw(st.integers(min_value=0, max_value=int(ind.max * 10**scheme.places)))
        scores[ind.key] = Decimal(hundredths).scaleb(-scheme.places)
    if all(v is None for v in scores.values()):
        first = scheme.scored_indicators[0]
        scores[first.key] = first.max
    return scheme, scores


@settings(max_examples=200, deadline=None)
@given(scheme_and_scores())
def test_row_computed_by_scoring_never_gives_an_error(case):
    scheme, scores = case
    result = score_row(scores, scheme)
    row = ScoreRow(unit="UBND xã Thanh An", scores=scores, no="1", total=result.total, max=result.max,
                   percent=result.percent, grade=result.grade,
                   raw={"total": f"{format_vi(result.total)}/{format_vi(result.max)}"})
    table = ScoreTable(index=0, title="Phụ lục", scheme=scheme.name, kind="scores", rows=[row],
                       columns=[Column(key=i.key, label=i.label, max=i.max) for i in scheme.indicators])
    findings = run_checks(Report(source="x.txt", tables=[table]), CheckContext())
    assert [f for f in findings if f.severity == "error"] == []


@st.composite
def published_groups(draw):
    """A unit's exact group scores under the national index, published as the
    portal does: each group rounded to 1 decimal, the total of the exact
    scores rounded to 2."""
    scheme = all_schemes()["qd766-2022"]
    exact = {g.key: Decimal(draw(st.integers(0, int(g.max) * 10**4))).scaleb(-4) for g in scheme.groups}
    return scheme, exact


@settings(max_examples=200, deadline=None)
@given(published_groups())
def test_group_scores_rounded_for_publication_never_give_an_error(case):
    scheme, exact = case
    shown = {k: quantize(v, 1) for k, v in exact.items()}
    total = quantize(sum(exact.values(), Decimal(0)), 2)
    row = ScoreRow(unit="Điểm của tỉnh", scores=shown, total=total, max=scheme.total_max,
                   raw={k: f"{format_vi(v, 1, fixed=True)}/{format_vi(scheme.group(k).max)}" for k, v in shown.items()})
    table = ScoreTable(index=0, title="Phụ lục I", scheme=scheme.name, kind="summary", rows=[row],
                       columns=[Column(key=g.key, label=g.label, max=g.max) for g in scheme.groups])
    findings = run_checks(Report(source="x.txt", tables=[table]), CheckContext())
    assert [f for f in findings if f.severity == "error"] == []


@st.composite
def exact_row(draw):
    """Exact scores (4 decimals) of a provincial scheme, written rounded to the
    scheme's places, with total, percent and grade computed from the exact
    scores, as a spreadsheet would before the figures are typed up."""
    scheme = all_schemes()[draw(st.sampled_from(["dienbien-2023", "dienbien-2024"]))]
    exact: dict[str, Decimal | None] = {}
    for ind in scheme.scored_indicators:
        dashed = draw(st.booleans()) and draw(st.booleans())
        exact[ind.key] = None if dashed else Decimal(draw(st.integers(0, int(ind.max) * 10**4))).scaleb(-4)
    if all(v is None for v in exact.values()):
        exact[scheme.scored_indicators[0].key] = Decimal(1)
    return scheme, exact


@settings(max_examples=200, deadline=None)
@given(exact_row())
def test_row_typed_up_from_exact_scores_never_gives_an_error(case):
    scheme, exact = case
    truth = score_row(exact, scheme)
    written = {k: (None if v is None else quantize(v, scheme.places)) for k, v in exact.items()}
    row = ScoreRow(unit="Sở Y tế", scores=written, total=quantize(truth.total, scheme.places), max=truth.max,
                   percent=truth.percent, grade=truth.grade,
                   raw={"total": f"{format_vi(truth.total, scheme.places)}/{format_vi(truth.max)}"})
    table = ScoreTable(index=0, title="Phụ lục I", scheme=scheme.name, kind="scores", rows=[row],
                       columns=[Column(key=i.key, label=i.label, max=i.max) for i in scheme.indicators])
    findings = run_checks(Report(source="x.txt", tables=[table]), CheckContext())
    assert [f for f in findings if f.severity == "error"] == []


_NUMBERS = st.one_of(st.none(), st.decimals(min_value=-1000, max_value=100000, places=2, allow_nan=False),
                     st.sampled_from([Decimal(0), Decimal(100), Decimal("0.5")]))


@st.composite
def odd_report(draw):
    """Tables of any kind with any figures: gaps, zeros, negatives, huge counts."""
    tables = []
    for index in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["scores", "summary", "data"]))
        scheme = draw(st.sampled_from([None, *SCHEMES]))
        keys = ([i.key for i in all_schemes()[scheme].indicators] if scheme else []) + ["k2", "k3"]
        rows = []
        for _ in range(draw(st.integers(0, 9))):
            scores = {k: draw(_NUMBERS) for k in draw(st.lists(st.sampled_from(keys), max_size=8, unique=True))}
            extra = {f"{k}_of": draw(_NUMBERS) for k in scores if draw(st.booleans())}
            rows.append(ScoreRow(unit=draw(st.sampled_from(["UBND xã Na Ư", "Tổng cộng", "Tổng hợp", ""])),
                                 scores=scores, total=draw(_NUMBERS), max=draw(_NUMBERS), percent=draw(_NUMBERS),
                                 grade=draw(st.sampled_from([None, "XS", "Khá", "Hoàn thành", ""])),
                                 rank=draw(st.one_of(st.none(), st.integers(0, 50))),
                                 section=draw(st.sampled_from([None, "I", "II"])),
                                 extra={k: v for k, v in extra.items() if v is not None},
                                 raw={k: draw(st.sampled_from(["", "-", "8.32", "11,1/18", "x"])) for k in scores}))
        tables.append(ScoreTable(index=index, title=draw(st.sampled_from([None, "Phụ lục II xếp hạng"])),
                                 scheme=scheme, kind=kind, rows=rows,
                                 columns=[Column(key=k, label=k, max=draw(_NUMBERS)) for k in keys[:4]]))
    return Report(source="x.txt", tables=tables)


@settings(max_examples=100, deadline=None)
@given(odd_report())
def test_checks_never_raise_on_odd_figures(report):
    for f in run_checks(report, CheckContext()):
        assert f.severity in ("error", "warning", "info") and f.message
