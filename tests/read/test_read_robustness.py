"""The reader never fails on odd text: any mixture of the seeds' lines reads
into a Report (tables or paragraphs), without an exception."""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings, strategies as st

from parsers.text import scan
from reportgen.raw import RawDocument
from reportgen.read import read_report

from support import SEEDS

LINES = [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text(encoding="utf-8").split("\n")]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=120))
# a footnote's superscript mark under a table's "STT": a digit to str.isdigit, not to int()
@example(["STT", "¹ Không thực hiện đánh giá xếp loại đối với Ban Dân tộc và Văn phòng UBND tỉnh do trong năm 2024 "
                 "không phát sinh hồ sơ TTHC"])
def test_any_mixture_of_seed_lines_reads(lines):
    raw = RawDocument(source="mix.txt", format="text", blocks=scan(lines))
    report = read_report(raw)
    for table in report.tables:
        for row in table.rows:
            assert isinstance(row.unit, str)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet="STT I 1 2 3 4,5 - / % | \t\u00a0ĐỐaàXS\n", max_size=40), max_size=60))
def test_any_short_lines_read(lines):
    read_report(RawDocument(source="x.txt", format="text", blocks=scan(lines)))


SEED_LINES = [path.read_text(encoding="utf-8").split("\n") for path in sorted(SEEDS.glob("*.txt"))]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(range(len(SEED_LINES))), st.integers(0, 1000), st.integers(1, 400),
       st.integers(0, 400), st.integers(0, 5))
def test_any_slice_of_a_seed_with_lines_dropped_reads(which, start, length, drop_at, drop):
    lines = SEED_LINES[which][start:start + length]
    del lines[drop_at:drop_at + drop]
    read_report(RawDocument(source="slice.txt", format="text", blocks=scan(lines)))
