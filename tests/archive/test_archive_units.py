"""Unit identity (keys, levels, territories), periods, exact storage and the
shipped lineage data: the pieces the archive's answers rest on."""
from __future__ import annotations

from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from reportgen.archive import open_archive
from reportgen.archive.lineage import lineage_data, province_changes, successor_chain
from reportgen.archive.models import Base, from_scaled
from reportgen.archive.periods import granularity, label_vi, parse_period, period_sort_key
from reportgen.archive.registry import Scope, find_unit
from reportgen.archive.units import level_of, territory_of, unit_key


@pytest.mark.parametrize("a, b", [
    ("Sở Nông nghiệp và PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("UBND thị xã Hương Thuỷ", "Ủy ban nhân dân thị xã Hương Thủy"),
    ("Sở Y tế - tỉnh Thừa Thiên Huế", "Sở Y tế"),
    ("Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"),
    ("Sở Thông tin và Truyền thông", "Sở TT&TT"),
    ("lƣợng  Sở  Tư   pháp", "lượng Sở Tư pháp"),
])
def test_spellings_of_one_unit_share_a_key(a, b):
    assert unit_key(a) == unit_key(b)


def test_different_units_keep_different_keys():
    assert unit_key("UBND huyện Điện Biên") != unit_key("UBND huyện Điện Biên Đông")
    assert unit_key("Sở Tài chính") != unit_key("Sở Tài nguyên và Môi trường")


@pytest.mark.parametrize("name, level", [
    ("Sở Tư pháp", "sở"), ("Thanh tra tỉnh", "sở"), ("Ban Dân tộc", "sở"),
    ("UBND huyện Mường Nhé", "huyện"), ("UBND thị xã Mường Lay", "huyện"),
    ("UBND thành phố Điện Biên Phủ", "huyện"), ("UBND xã Na Ư", "xã"), ("Phường Thanh Bình", "xã"),
    ("Phòng Tư pháp", "phòng"), ("Trung tâm QLĐĐ", "phòng"), ("Điểm trung bình", "khác"),
])
def test_levels_come_from_the_first_words_of_a_name(name, level):
    assert level_of(name, "điện biên") == level


def test_a_city_that_is_the_province_is_a_province():
    assert level_of("UBND thành phố Huế", "huế") == "tỉnh"


def test_territory_from_issuer_parent_or_place():
    assert territory_of("VĂN PHÒNG", "UBND TỈNH ĐIỆN BIÊN", None).province == "Điện Biên"
    glued = territory_of("UBND TỈNH ĐIỆN BIÊN VĂN PHÒNG", None, "Điện Biên")  # as a PDF reader joins them
    assert (glued.province, glued.district) == ("Điện Biên", "")
    district = territory_of("UBND huyện Điện Biên", None, "Điện Biên")
    assert (district.province, district.district, district.district_kind) == ("Điện Biên", "Điện Biên", "huyện")
    assert territory_of("Văn phòng UBND tỉnh", None, "Sơn La").province == "Sơn La"


def test_periods_sort_in_time_and_read_in_vietnamese():
    periods = ["2024", "2023-Q1", "2024-05", "2023-07", "2024-12"]
    assert sorted(periods, key=period_sort_key) == ["2023-Q1", "2023-07", "2024-05", "2024-12", "2024"]
    assert parse_period("2023-Q3") == (2023, 7, 3) and parse_period("2024-13") is None
    assert [granularity(p) for p in ("2024", "2024-Q2", "2024-02")] == ["year", "quarter", "month"]
    assert [label_vi(p) for p in ("2024", "2023-Q1", "2024-05")] == ["năm 2024", "quý I/2023", "tháng 5/2024"]


def test_stored_decimals_come_back_exactly():
    assert [from_scaled(v) for v in (94_570_000, 100_000_000, -1_500_000, 5)] == [
        Decimal("94.57"), Decimal("100"), Decimal("-1.5"), Decimal("0.000005")]


def test_the_migration_builds_exactly_the_models_schema(tmp_path):
    archive = open_archive(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    with archive.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    archive.close()
    assert diff == []


def test_lineage_maps_the_seed_departments_across_the_2025_merger(tmp_path):
    with open_archive(f"sqlite:///{tmp_path / 'a.sqlite3'}") as archive, archive.session() as s:
        dien_bien = Scope.of("Điện Biên")

        def chain(name):
            return [(u.name, end) for u, end in successor_chain(s, find_unit(s, dien_bien, name))]

        assert chain("Sở Thông tin và Truyền thông") == [("Sở Thông tin và Truyền thông", "2025-02"),
                                                         ("Sở Khoa học và Công nghệ", None)]
        assert chain("Sở Kế hoạch và Đầu tư")[-1][0] == "Sở Tài chính"
        assert chain("Sở Lao động - Thương binh và Xã hội")[-1][0] == "Sở Nội vụ"
        assert chain("Sở Tài nguyên và Môi trường")[-1][0] == "Sở Nông nghiệp và Môi trường"
        assert chain("Sở Nông nghiệp và PTNT")[-1][0] == "Sở Nông nghiệp và Môi trường"
        assert chain("Sở Giao thông vận tải")[-1][0] == "Sở Xây dựng"
        assert chain("Ban Dân tộc")[-1][0] == "Sở Dân tộc và Tôn giáo"
        assert chain("UBND huyện Mường Chà") == [("UBND huyện Mường Chà", "2025-06")]
        commune = find_unit(s, Scope.of("Điện Biên", "Điện Biên"), "UBND xã Thanh Nưa")
        assert (commune.level, commune.valid_to, commune.successor_id) == ("xã", "2025-06", None)
        province = find_unit(s, Scope(), "Bình Phước")
        assert [u.name for u, _ in successor_chain(s, province)] == ["tỉnh Bình Phước", "tỉnh Đồng Nai"]


def test_lineage_data_names_only_known_provinces_and_periods():
    assert set(province_changes()) == {"thừa thiên huế", "bình phước"}
    for entry in lineage_data()["units"]:
        for key in ("valid_from", "valid_to"):
            assert entry.get(key) is None or parse_period(entry[key]) is not None, entry


def test_a_bare_path_or_env_var_names_a_sqlite_archive(tmp_path, monkeypatch):
    from reportgen.archive.db import default_url, resolve_url

    assert resolve_url(str(tmp_path / "kho.db")) == f"sqlite:///{tmp_path / 'kho.db'}"
    monkeypatch.setenv("REPORTGEN_DB", "postgresql+psycopg2://u@h/db")
    assert resolve_url(None) == "postgresql+psycopg2://u@h/db"
    monkeypatch.delenv("REPORTGEN_DB")
    assert resolve_url(None) == default_url() and default_url().endswith("reportgen/archive.sqlite3")
    create_engine(default_url()).dispose()


def test_upgrading_an_older_archive_fills_the_new_cohort_medians(db_url, tmp_path):
    from alembic import command
    from sqlalchemy import inspect, text

    from reportgen.archive.db import _alembic_config, write_connection

    from archive_data import no_checks, seed_000_report, write_json

    with open_archive(db_url) as archive:
        archive.import_paths([write_json(seed_000_report(), tmp_path / "000.json")], checker=no_checks)
        with write_connection(archive.engine) as conn, conn.begin():
            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001")  # as an archive made before revision 0002
        with archive.engine.connect() as conn:
            assert not inspect(conn).has_table("cohort_medians")
    from reportgen.archive.db import head_revision

    with open_archive(db_url) as archive, archive.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        (h,) = archive.history("Sở Tư pháp")
        assert h.entries[0].median == Decimal("88.59")
