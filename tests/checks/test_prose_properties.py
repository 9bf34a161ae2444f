"""Properties: prose written faithfully from a score table never contradicts
it; changing one count in it is caught."""
from hypothesis import given, settings, strategies as st

from reportgen.checks import run_checks
from reportgen.model import Paragraph, Report, ScoreRow, ScoreTable
from reportgen.numbers import format_count
from reportgen.read import report_of_paragraphs

# Names as the seeds' tables write them, and as their prose does.
UNITS = [
    ("Sở Nông nghiệp và PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở Lao động - Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
    ("Sở Thông tin và Truyền thông", "Sở TT&TT"),
    ("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"),
    ("Thanh tra tỉnh", "Thanh tra tỉnh"),
    ("Sở Tư pháp", "Sở Tư pháp"),
    ("Sở Giao thông vận tải", "Sở Giao thông vận tải"),
    ("Sở Tài nguyên và Môi trường", "Sở Tài nguyên và Môi trường"),
    ("Trung tâm QLĐĐ", "Trung tâm Quản lý Đất đai huyện"),
    ("Sở Văn hoá, Thể thao và Du lịch tỉnh", "Sở Văn hóa, Thể thao và Du lịch tỉnh"),
]
GRADES = ["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"]

tables = st.lists(st.tuples(st.sampled_from(range(len(UNITS))), st.sampled_from(GRADES)),
                  min_size=1, max_size=len(UNITS), unique_by=lambda t: t[0])


def prose_of(rows, bump: str | None = None, sep: str = "; ") -> list[str]:
    """The report's sentences for these rows, names as prose writes them,
    separated by ``sep``; ``bump`` adds one to that grade's count."""
    lines = ["1.1. Các cơ quan chuyên môn thuộc UBND tỉnh",
             f"Thực hiện đánh giá đối với {len(rows)}/{len(rows)} cơ quan. Kết quả:"]
    for grade in GRADES:
        names = [UNITS[i][1] for i, g in rows if g == grade]
        if names:
            count = len(names) + (1 if grade == bump else 0)
            lines.append(f"- {format_count(count)} cơ quan xếp loại {grade}: {sep.join(names)}.")
    return lines


def report_of(rows, lines) -> Report:
    table = ScoreTable(index=0, title="Phụ lục I", rows=[ScoreRow(unit=UNITS[i][0], grade=g) for i, g in rows])
    paragraphs = [Paragraph(text=t, index=k) for k, t in enumerate(lines)]
    return report_of_paragraphs(paragraphs, [table], "p")


CODES = {"GRADE_COUNT_MISMATCH", "GRADE_LIST_MISMATCH", "SUM_MISMATCH", "FRACTION_MISMATCH",
         "EVALUATED_COUNT_MISMATCH"}


@settings(max_examples=60, deadline=None)
@given(tables, st.sampled_from(["; ", ", "]))
def test_faithful_prose_agrees_with_its_table(rows, sep):
    # names holding a comma ("Sở Văn hóa, Thể thao và Du lịch") in a comma list are joined back
    findings = [f for f in run_checks(report_of(rows, prose_of(rows, sep=sep))) if f.code in CODES]
    assert findings == []


@settings(max_examples=60, deadline=None)
@given(tables, st.data())
def test_one_count_off_is_an_error(rows, data):
    grade = data.draw(st.sampled_from(sorted({g for _, g in rows})))
    findings = run_checks(report_of(rows, prose_of(rows, bump=grade)))
    count_errors = [f for f in findings if f.code == "GRADE_COUNT_MISMATCH" and f.severity == "error"]
    assert count_errors and all(grade in f.message for f in count_errors)
    # the counts no longer add up to the units evaluated: named in the count's error (one slip), or apart
    assert any(f.code == "SUM_MISMATCH" for f in findings) \
        or any("kéo theo: SUM_MISMATCH" in f.message for f in count_errors)


PIECES = ["Số: ", "/BC-UBND", "ngày ", "tháng ", "năm 2024", "Nơi nhận:", "- Lưu: VT.", "KT. CHỦ TỊCH", "1. ", "I. ",
          "Điều 3. ", "06 cơ quan xếp loại Xuất sắc: ", "Sở Tư pháp, ", "13.597 hồ sơ (", "975 hồ sơ, ", ")", "chiếm ",
          "1.72%", "17/19", "tính đến 30/4/2025", "Phụ lục II", "THÁNG 11 NĂM 2024", "(Kèm theo Báo cáo số ", "; ", ". ",
          "\t", "   ", "\n", "Trong đó, ", "Tổng số ", "ƣ", "Céng hßa"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=12).map("".join), max_size=25))
def test_any_text_reads_and_checks_without_raising(texts):
    paragraphs = [Paragraph(text=t, index=k) for k, t in enumerate(texts)]
    report = report_of_paragraphs(paragraphs, source="p")
    for f in run_checks(report):
        assert f.severity in ("error", "warning", "info") and f.message
