"""The prose a head of office signs: from the real portal export, the BC, TB
and CV state the province's own result first, name units only where few
(NAME_THRESHOLD), say where points were lost, assign tasks with a deadline to
kinds of unit, close to an addressee, and never print a file, sheet or row."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from fixtures import REAL_DIR
from reportgen.draft import build_draft, load_data
from reportgen.draft.data import unit_case
from reportgen.draft.inputs import prepared
from reportgen.draft.metadata import meta_from_dict
from reportgen.draft.narrative import NAME_THRESHOLD
from reportgen.draft.synthetic import synthetic_data
from reportgen.schemes import load_scheme

PORTAL = Path(str(REAL_DIR / "portal-766-2025-10.xlsx"))


@pytest.fixture(scope="module")
def data():
    return load_data(PORTAL)


def _texts(data, kind, **meta):
    result = build_draft(data, meta_from_dict({"doc_type": kind, **meta}))
    return [p.text for p in result.document.paragraphs if p.text.strip()]


@pytest.fixture(scope="module")
def drafts(data):
    return {kind: _texts(data, kind, deadline="2025-11-20") for kind in ("BC", "TB", "CV")}


def test_bc_states_the_provinces_score_rank_change_and_year_to_date_first(drafts):
    bc = drafts["BC"]
    first = bc.index("1. Kết quả chung của tỉnh An Giang")
    assert bc[first + 1] == ("Tháng 10/2025, UBND tỉnh An Giang đạt 86,74/100 điểm, xếp hạng 13/34 tỉnh, thành phố, "
                             "xếp loại Tốt; tăng 5,94 điểm so với tháng 9/2025 (80,8 điểm).")
    assert bc[first + 2] == "Tính chung từ đầu năm 2025: 87,86/100 điểm, xếp hạng 9/34."


def test_no_paragraph_names_more_units_than_the_threshold(data, drafts):
    names = [r.unit for dt in data.tables for r in dt.rows]
    for kind, texts in drafts.items():
        for text in texts:
            named = [n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)]
            short = [n for n in names if n.startswith("UBND xã ") and f", {n[8:]}" in text]
            assert len(set(named) | set(short)) <= NAME_THRESHOLD, (kind, text)


def test_grades_of_many_units_are_counted_and_of_few_named(drafts):
    bc = drafts["BC"]
    assert "- 88 đơn vị xếp loại Xuất sắc." in bc
    assert "- 06 cơ quan xếp loại Tốt." in bc
    assert "- 01 cơ quan xếp loại Yếu: Thanh tra tỉnh An Giang." in bc


def test_no_file_sheet_or_row_in_any_paragraph(drafts):
    for texts in drafts.values():
        for text in texts:
            leaks = r"portal-766|\.xlsx|\.csv|trang “|Sở Ban”|Xã Phường”|dòng \d|Nguồn số liệu"
            assert not re.search(leaks, text), text


def test_causes_and_tasks_with_the_deadline_of_the_meta_file(drafts):
    bc = drafts["BC"]
    assert ("- Số điểm bị trừ của các cơ quan tập trung nhiều nhất ở chỉ số Số hóa hồ sơ "
            "(chiếm 43,36% tổng số điểm bị trừ).") in bc
    assert "- Thanh tra tỉnh An Giang xếp loại Yếu, mất nhiều điểm nhất ở chỉ số Số hóa hồ sơ (0/22 điểm)." in bc
    assert ("- Các cơ quan xếp loại Trung bình và Yếu (Sở Tài chính, Thanh tra tỉnh An Giang): rà soát nguyên nhân, "
            "xây dựng giải pháp khắc phục và báo cáo kết quả về Văn phòng UBND tỉnh trước ngày 20/11/2025.") in bc
    assert bc[bc.index("Phụ lục I") - 1] == (
        "Trên đây là báo cáo kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 10/2025, "
        "Văn phòng UBND tỉnh kính báo cáo UBND tỉnh An Giang xem xét, chỉ đạo./.")


def test_cv_asks_after_its_request_line(drafts):
    cv = drafts["CV"]
    ask = next(i for i, t in enumerate(cv) if t.endswith("thực hiện các nội dung sau:"))
    heads = [t for t in cv[ask + 1:cv.index("Phụ lục I")] if re.match(r"\d+\. ", t)]
    assert heads == ["2. Đối với các sở, ban, ngành", "3. Đối với UBND các xã, phường, đặc khu",
                     "4. Đối với các cơ quan, đơn vị được đánh giá"]  # 1. is the result the requests rest on
    requests = [t for t in cv[ask + 1:cv.index("Phụ lục I")] if t.startswith("- ")]
    assert requests and all(re.match(r"- (Tập trung|Các cơ quan)", t) for t in requests)
    assert cv[cv.index("Phụ lục I") - 1].startswith("Văn phòng UBND tỉnh đề nghị các sở, ban, ngành, UBND các xã")


def test_without_a_period_no_sentence_is_broken():
    data = prepared(synthetic_data(load_scheme("qd766-2022"), sizes=(6, 9), period=None))
    for kind in ("BC", "TB", "CV"):
        for text in _texts(data, kind):
            text = text.replace("\u00a0" * 6, "…")  # the blanks a clerk fills in
            assert "  " not in text and " ," not in text and " ." not in text, (kind, text)
            assert "đánh giá như sau" in text or "như sau" not in text or "kết quả như sau" in text


def test_level_words_after_ubnd_are_lower_case():
    assert unit_case("UBND Xã Nhơn Hội") == "UBND xã Nhơn Hội"
    assert unit_case("UBND Đặc khu Phú Quốc") == "UBND đặc khu Phú Quốc"
    assert unit_case("UBND phường Rạch Giá") == "UBND phường Rạch Giá"
    assert unit_case("Sở Xây dựng") == "Sở Xây dựng"
