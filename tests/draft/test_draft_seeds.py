"""Drafts made from the seeds' own data reproduce their appendices' figures:
seed 000's two appendices cell for cell (its one slip corrected), seed 002's
with its slips corrected and listed."""
from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest

from reportgen.draft import build_draft, load_data
from reportgen.draft.metadata import meta_from_dict

from support import SEEDS

S000 = SEEDS / "000_1f102cd1bcb19e59.txt"
S002 = SEEDS / "002_e186587f0db7be84.txt"


def seed_rows(path: Path) -> list[list[str]]:
    """The appendix rows of seed 000 as written: tab-separated, starting with STT."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) > 10 and cells[0].isdigit():
            out.append(cells)
    return out


def drafted_rows(document) -> list[list[str]]:
    """Unit rows as [rank, name, scores …, total, percent, grade]: the rank
    column (the last) where the seed writes its STT; the STT runs 1, 2, 3."""
    rows = []
    for table in document.tables:
        for row in table.rows[2:] if len(table.columns) > 10 else []:
            cells = [c.text for c in row.cells]
            if cells[0].isdigit():
                rows.append([cells[-1], *cells[1:-1]])
    return rows


def _docx(result):
    buf = io.BytesIO()
    result.save(buf)
    buf.seek(0)
    return docx.Document(buf)


@pytest.fixture(scope="module")
def draft000():
    data = load_data(S000)
    meta = meta_from_dict({"doc_type": "BC", "not_evaluated": {
        "Ban Dân tộc": "trong năm 2024 không phát sinh hồ sơ TTHC",
        "Văn phòng UBND tỉnh": "trong năm 2024 không phát sinh hồ sơ TTHC"}})
    result = build_draft(data, meta)
    return result, _docx(result)


def test_seed_000_appendices_are_reproduced_cell_for_cell(draft000):
    result, document = draft000
    written = {(len(r), r[1]): r for r in seed_rows(S000)}
    drafted = drafted_rows(document)
    assert len(drafted) == 27  # 17 departments + 10 districts
    by_name = {r[1]: r for r in drafted}
    for _, row in written.items():
        mine = by_name[row[1]]
        if row[1] == "Thanh tra tỉnh":
            continue
        # scores, total/max, percent, grade exactly as the seed wrote them; STT is the rank
        assert mine[2:] == row[2:], row[1]
        # STT is the rank: only the corrected Thanh tra tỉnh moves, above Sở Công Thương
        expected_rank = "2" if row[1] == "Sở Công Thương" else row[0]
        assert mine[0] == expected_rank, row[1]


def test_seed_000_slip_on_thanh_tra_is_corrected_and_listed(draft000):
    result, document = draft000
    mine = next(r for r in drafted_rows(document) if r[1] == "Thanh tra tỉnh")
    # '-' on C1, C4, DVC, TT, C15, C16 (40 points): the maximum is 60, not 62.
    assert mine[-3:] == ["57,91/60", "96,52", "Xuất sắc"]
    assert mine[0] == "1"
    listed = [c.text() for c in result.corrections]
    assert listed == ["Thanh tra tỉnh: điểm tối đa ghi 62, đúng là 60",
                      "Thanh tra tỉnh: tỷ lệ điểm đạt được ghi 93,4, đúng là 96,52"]


def test_seed_000_narrative_counts_and_names_by_grade(draft000):
    _, document = draft000
    texts = [p.text for p in document.paragraphs]
    assert "Thực hiện đánh giá đối với 17/19 cơ quan. Kết quả:" in texts
    assert "- 09 cơ quan xếp loại Tốt." in texts  # more than NAME_THRESHOLD: counted, named in the appendix
    assert "- 02 đơn vị xếp loại Khá: UBND các huyện: Mường Nhé, Mường Chà." in texts
    assert "Thực hiện đánh giá đối với 10/10 đơn vị. Kết quả:" in texts


def test_seed_000_footnote_names_the_units_not_evaluated(draft000):
    result, _ = draft000
    from reportgen.draft.docxml_footnotes import footnotes_part

    part = footnotes_part(result.document, create=False)
    text = "".join(t.text or "" for t in part.element.iter("{http://schemas.openxmlformats.org/"
                                                               "wordprocessingml/2006/main}t"))
    assert ("Không thực hiện đánh giá, xếp loại đối với Ban Dân tộc, Văn phòng UBND tỉnh do trong năm 2024 "
            "không phát sinh hồ sơ TTHC.") in text


def test_seed_002_slips_are_corrected_and_listed():
    data = load_data(S002)
    result = build_draft(data, meta_from_dict({"doc_type": "BC"}))
    listed = [c.text() for c in result.corrections] + data.notes
    assert "Trung tâm QLĐĐ: tổng điểm ghi 58,69, đúng là 58,94" in listed
    assert "Phòng Lao động - Thương binh và Xã hội: tỷ lệ điểm đạt được ghi 93,06, đúng là 93,07" in listed
    assert "Phòng Tư pháp: số 8.32 viết sai định dạng, dự thảo ghi 8,32" in listed
    assert any(line.startswith("UBND xã Núa Ngam: Số hóa - Chỉ số 2 ghi 11,5, vượt điểm tối đa 10") for line in listed)
    rows = {r[1]: r for r in drafted_rows(_docx(result))}
    assert rows["Trung tâm QLĐĐ"][-3:] == ["58,94/85", "69,34", "Trung bình"]
    assert rows["Phòng Tư pháp"][6] == "8,32"
    assert rows["Phòng Lao động - Thương binh và Xã hội"][-3:] == ["69,8/75", "93,07", "Xuất sắc"]
    # rows the seed wrote right stay as written
    assert rows["UBND xã Hua Thanh"][-3:] == ["60,51/85", "71,19", "Khá"]
    assert rows["UBND xã Mường Lói"][2:] == ["-", "4,81", "-", "0", "0", "0", "0", "0", "5", "5", "5",
                                             "19,81/85", "23,31", "Yếu"]


def test_seed_002_keeps_its_sections_as_spanning_rows_and_the_prose_counts():
    result = build_draft(load_data(S002), meta_from_dict({"doc_type": "BC"}))
    document = _docx(result)
    table = document.tables[-1]
    spanning = [[c.text for c in row.cells] for row in table.rows if row.cells[0].text in ("I", "II")]
    assert [r[0] for r in spanning] == ["I", "II"]
    assert spanning[0][1] == spanning[0][-1] == "CÁC CƠ QUAN CHUYÊN MÔN THUỘC HUYỆN"
    texts = [p.text for p in document.paragraphs]
    assert "Thực hiện đánh giá đối với 5/10 cơ quan. Kết quả:" in texts
    assert "- 03 đơn vị xếp loại Yếu: UBND các xã: Mường Lói, Na Tông, Thanh Nưa." in texts
    assert re.search(r"Phụ lục I\b", " ".join(texts))


def test_seed_002_as_an_office_workbook_gives_the_same_corrections(tmp_path):
    from fixtures.build import build_all

    workbook = build_all(tmp_path)["002"]["xlsx"]
    data = load_data(workbook)
    result = build_draft(data, meta_from_dict({"doc_type": "BC"}))
    listed = [c.text() for c in result.corrections]
    assert "Trung tâm QLĐĐ: tổng điểm ghi 58,69, đúng là 58,94" in listed
    rows = {r[1]: r for r in drafted_rows(_docx(result))}
    assert rows["Trung tâm QLĐĐ"][-3:] == ["58,94/85", "69,34", "Trung bình"]
