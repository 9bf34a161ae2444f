"""Real documents beyond the seeds (shared/reference/real): the reader binds
what it knows and keeps the rest as data."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from fixtures import REAL_DIR
from reportgen.read import read_path

REAL = REAL_DIR


@pytest.fixture(scope="module")
def bc184():
    return read_path(REAL / "ld-chiso-bc184-snv.docx")


def test_766_group_table_with_rates_points_and_ranks_is_a_summary(bc184):
    table = bc184.tables[4]
    assert (table.kind, table.scheme) == ("summary", "qd766-2022")
    (points,) = table.rows
    assert points.unit == "Điểm số"
    assert points.scores == {"ckmb": D("15.38"), "tdgq": D("18.88"), "clgq": D("8.23"), "tttt": D("9.42"),
                             "mdsh": D("19.05"), "mdhl": D("17.76")}
    assert (points.total, points.rank, points.extra["rank_of"]) == (D("88.72"), 14, D("34"))
    assert sum(points.scores.values()) == points.total
    assert points.extra["Tỷ lệ TTHC công bố đúng hạn (Tỷ lệ)"] == D("71.96")
    assert points.extra["Tỷ lệ TTHC công bố đúng hạn"] == D("4.32")


def test_par_index_tables_stay_data_tables(bc184):
    assert [t.kind for t in bc184.tables[:4]] == ["data"] * 4
    first = bc184.tables[0].rows[0]
    assert first.unit == "Công tác chỉ đạo, điều hành"


def test_portal_export_sheets_bind_to_766_by_their_codes():
    report = read_path(REAL / "portal-766-2025-10.xlsx")
    year = report.tables[0]
    assert (year.kind, year.scheme, len(year.rows)) == ("scores", "qd766-2022", 34)
    top = year.rows[0]
    assert (top.unit, top.rank, top.total) == ("UBND tỉnh Bắc Ninh", 1, D("91.7"))
    assert top.scores == {"tdgq": D("19.05"), "mdhl": D("17.86"), "mdsh": D("20.79"), "tttt": D("10"),
                          "clgq": D("8.36"), "ckmb": D("15.64")}
    assert top.extra["MA_COQUAN"] == "H05"


def test_one_units_766_sheet_reads_its_groups_and_names_the_unit():
    report = read_path(REAL / "ld-766-sotaichinh.docx")
    summary, components = report.tables
    (row,) = summary.rows
    assert (summary.kind, row.unit, row.total, row.max) == ("summary", "Sở Tài chính - Tỉnh Lâm Đồng", D("78.62"),
                                                            D("100"))
    assert row.scores == {"ckmb": D("18"), "mdhl": D("17.7"), "mdsh": D("8.8"), "tdgq": D("17.1")}
    # "Dịch vụ trực tuyến 17 / 22" joins online services and payment (the decision's five groups): kept aside
    assert row.extra["Điểm dịch vụ trực tuyến"] == D("17")
    assert components.kind == "data"
    assert components.rows[0].unit == "Kết quả xử lý hồ sơ nộp trực tuyến đối với hồ sơ đang xử lý"
