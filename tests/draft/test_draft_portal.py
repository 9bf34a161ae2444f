"""From the national portal's 766 export, one command drafts the province's
monthly Thông báo: its score and rank among 34, the departments' and the
communes' tables graded by the 766 bands, the weakest indicators named, every
figure traceable to the sheet."""
from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from fixtures import REAL_DIR
from reportgen.draft import build_draft, load_data
from reportgen.draft.metadata import meta_from_dict

PORTAL = Path(str(REAL_DIR / "portal-766-2025-10.xlsx"))


@pytest.fixture(scope="module")
def data():
    return load_data(PORTAL)


@pytest.fixture(scope="module")
def notice(data):
    result = build_draft(data, meta_from_dict({"doc_type": "TB", "parent": "UBND tỉnh An Giang",
                                               "issuer": "Văn phòng UBND tỉnh", "place": "An Giang"}))
    buf = io.BytesIO()
    result.save(buf)
    buf.seek(0)
    return docx.Document(buf)


def test_period_comes_from_the_trend_sheet(data):
    assert data.period == "2025-10"


def test_province_is_found_by_the_units_codes_and_ranked_among_34(data):
    prov = data.province
    assert prov.row.unit == "UBND tỉnh An Giang"
    assert (prov.rank, prov.of) == (13, 34)
    assert prov.portal_rank == 13  # the sheet's own ROW_STT agrees
    assert prov.row.total == Decimal("86.74")
    assert prov.row.scores == {"ckmb": Decimal("18"), "tdgq": Decimal("18.2"), "clgq": Decimal("8.09"),
                               "tttt": Decimal("8.59"), "mdhl": Decimal("18"), "mdsh": Decimal("15.86")}
    assert prov.year_rank == 9


def test_departments_and_communes_are_graded_by_the_766_bands(data):
    departments, communes = data.tables
    assert (len(departments.rows), len(communes.rows)) == (15, 102)
    first = departments.rows[0]
    assert (first.unit, first.total, first.percent, first.grade) == (
        "Ban Quản lý Khu kinh tế", Decimal("93.75"), Decimal("93.75"), "Xuất sắc")
    last = departments.rows[-1]
    assert (last.unit, last.total, last.grade, last.rank) == ("Thanh tra tỉnh An Giang", Decimal("30.21"), "Yếu", 15)
    grades = [r.grade for r in communes.rows]
    assert (grades.count("Xuất sắc"), grades.count("Tốt"), grades.count("Khá")) == (88, 12, 2)


def test_every_row_points_back_to_its_sheet_and_line(data):
    row = next(r for r in data.tables[0].rows if r.unit == "Sở Tài chính")
    assert (row.extra["Trang"], row.extra["Dòng"], row.extra["Mã"]) == ("Sở Ban", 15, "H01.02")
    assert row.total == Decimal(row.raw["total"])  # the recomputed total equals TONG_SCORE


def test_notice_states_score_rank_trend_and_weakest_groups(notice):
    texts = [p.text for p in notice.paragraphs]
    body = "\n".join(texts)
    assert ("Tháng 10/2025, UBND tỉnh An Giang đạt 86,74/100 điểm, xếp hạng 13/34 tỉnh, thành phố, xếp loại Tốt; "
            "tăng 5,94 điểm so với tháng 9/2025 (80,8 điểm).") in body
    assert ("Các nhóm chỉ số đạt thấp nhất: Dịch vụ công trực tuyến (8,09/12 điểm, 67,42%); "
            "Số hóa hồ sơ (15,86/22 điểm, 72,09%).") in texts
    assert "- 01 cơ quan xếp loại Yếu: Thanh tra tỉnh An Giang." in texts
    assert "- 02 đơn vị xếp loại Khá: UBND các xã: Vĩnh Trạch, An Minh." in texts
    assert [p.text for p in notice.paragraphs if p.text.startswith("Phụ lục")] == ["Phụ lục I", "Phụ lục II"]


def test_notice_appendix_holds_the_sheet_figures(notice):
    table = notice.tables[-2]  # Phụ lục I: departments
    header = [c.text for c in table.rows[0].cells]
    assert header[2:8] == ["Công khai, minh bạch (18đ)", "Tiến độ, kết quả giải quyết (20đ)",
                           "Dịch vụ công trực tuyến (12đ)", "Thanh toán trực tuyến (10đ)",
                           "Mức độ hài lòng (18đ)", "Số hóa hồ sơ (22đ)"]
    row = [c.text for c in table.rows[-2].cells]
    assert row == ["14", "Sở Tài chính", "0,75", "19,53", "4,48", "6,99", "18", "13,26", "63,01", "63,01",
                   "Trung bình", "14"]


def test_each_appendix_names_the_file_sheet_and_lines_in_a_word_comment_not_in_the_text(notice):
    assert not [p.text for p in notice.paragraphs if "Nguồn số liệu" in p.text or "portal-766" in p.text]
    notes = [c.text for c in notice.comments]
    assert notes[0].startswith("Nguồn số liệu: tệp portal-766-2025-10.xlsx, trang “Sở Ban”, dòng 2–16;")
    assert notes[1].startswith("Nguồn số liệu: tệp portal-766-2025-10.xlsx, trang “Xã Phường”, dòng 2–103;")


def test_previous_export_gives_the_provinces_change_of_rank(tmp_path):
    import openpyxl

    wb = openpyxl.load_workbook(PORTAL)
    ws = wb["Điểm tháng"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[header.index("TEN")].value == "UBND tỉnh An Giang":
            row[header.index("CKMB")].value = "12"  # 6 points less: 80,74 ranks 30th
            row[header.index("TONG_SCORE")].value = "80.74"
    trend = wb["Xu hướng tháng"]
    trend.delete_rows(trend.max_row)  # the previous export ends in September
    before = tmp_path / "portal-766-2025-09.xlsx"
    wb.save(before)
    data = load_data(PORTAL, previous=before)
    result = build_draft(data, meta_from_dict({"doc_type": "TB"}))
    texts = [p.text for p in result.document.paragraphs]
    assert "So với tháng 9/2025, xếp hạng của tỉnh tăng từ vị trí 30/34 lên 13/34." in texts
