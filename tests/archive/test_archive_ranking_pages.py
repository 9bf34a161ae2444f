"""The stored ranking's groups (``ranking_groups``) stay equal to its rows
after every import, re-issue and second province, and a page of the
ranking read through them (``ranking_slice``) is exactly the slice of the
computed ranking sorted the same way; on SQLite and on PostgreSQL."""
from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from sqlalchemy import select

from reportgen.archive import open_archive
from reportgen.archive.ranked import ranking_slice, stored_filter_values, stored_periods
from reportgen.archive.ranking import ranking as computed_ranking
from reportgen.archive.ranking_tables import ranking_entries, ranking_groups
from reportgen.model import Meta, Report, ScoreRow, ScoreTable

from archive_data import SCHEME_2024, no_checks, report_with_rows, seed_000_report, write_json

# Python's order for each column of the page (ties keep the rank order).
KEYS = {"rank": lambda e: (e.rank is None, e.rank or 0), "unit": lambda e: e.unit.casefold(),
        "total": lambda e: (e.total is None, -(e.total or 0)), "max": lambda e: (e.max is None, -(e.max or 0)),
        "percent": lambda e: (e.percent is None, -(e.percent or 0)), "grade": lambda e: e.grade or "",
        "document": lambda e: e.document}


def _lai_chau(period: str, rows: dict[str, tuple[str, str]]) -> Report:
    table = ScoreTable(index=0, title="Phụ lục", scheme=SCHEME_2024)
    for unit, (total, maximum) in rows.items():
        t, m = Decimal(total), Decimal(maximum)
        table.rows.append(ScoreRow(unit=unit, total=t, max=m, percent=(t * 100 / m).quantize(Decimal("0.01"))))
    meta = Meta(doc_type="BC", issuer="VĂN PHÒNG", parent="UBND TỈNH LAI CHÂU", place="Lai Châu", period=period)
    return Report(source="lai-chau.json", meta=meta, tables=[table])


def _groups_from_entries(conn) -> Counter:
    e = ranking_entries.c
    rows = conn.execute(select(e.period, e.scheme, e.province, e.level, e.row_province_key, e.level_order,
                               e.group_size)).all()
    return Counter(tuple(r) for r in rows)


def _groups_stored(conn) -> Counter:
    g = ranking_groups.c
    out = Counter()
    for *key, rows in conn.execute(select(g.period, g.scheme, g.province, g.level, g.row_province_key,
                                          g.level_order, g.group_size, g.rows)).all():
        out[tuple(key)] += rows
    return out


def _expected(session, period, sort, descending, **filters) -> list[tuple]:
    out = []
    for g in computed_ranking(session, period, **filters):
        for e in sorted(g.entries, key=KEYS[sort], reverse=descending):
            out.append((g.province, g.level, g.scheme, e.unit, e.rank, e.total, e.percent, e.document))
    return out


def _paged(session, period, sort, descending, size, **filters) -> list[tuple]:
    total, _ = ranking_slice(session, period, sort=sort, descending=descending, offset=0, limit=1, **filters)
    out = []
    for offset in range(0, total, size):
        got_total, page = ranking_slice(session, period, sort=sort, descending=descending, offset=offset,
                                        limit=size, **filters)
        assert got_total == total
        assert sum(len(rows) for _, rows in page) == min(size, total - offset)
        for head, rows in page:
            assert head.size == len(next(g for g in computed_ranking(session, period, **filters)
                                         if (g.province, g.level, g.scheme) == (head.province, head.level,
                                                                                 head.scheme)).entries)
            out += [(head.province, head.level, head.scheme, e.unit, e.rank, e.total, e.percent, e.document)
                    for e in rows]
    return out


def test_stored_groups_follow_every_import_and_pages_equal_the_computed_ranking(db_url, tmp_path):
    ties = report_with_rows("2024", {"UBND xã Thanh Nưa": ("45", "50"), "UBND xã Na Ư": ("90", "100"),
                                     "UBND xã Ẳng Nưa": ("70", "100"), "UBND xã Mường Phăng": ("45", "50")},
                            source="xa.json")
    reissue = report_with_rows("2024", {"UBND xã Na Ư": ("60", "100"), "Sở Tư pháp": ("40", "94")},
                               source="reissue.json")
    lai_chau = _lai_chau("2024", {"Sở Tư pháp": ("80", "94"), "Sở Y tế": ("80", "94"), "Sở Nội vụ": ("70", "94")})
    with open_archive(db_url) as archive:
        steps = [("000.json", seed_000_report()), ("xa.json", ties), ("reissue.json", reissue),
                 ("lai-chau.json", lai_chau)]
        for name, report in steps:
            archive.import_paths([write_json(report, tmp_path / name)], checker=no_checks)
            with archive.session() as s:
                conn = s.connection()
                assert _groups_stored(conn) == _groups_from_entries(conn)
        with archive.session() as s:
            assert stored_periods(s) == ["2024"]
            assert stored_filter_values(s) == {"levels": ["huyện", "sở", "xã"], "schemes": [SCHEME_2024],
                                               "provinces": ["Lai Châu", "Điện Biên"]}  # code point order
            # 17 departments + 10 districts + 4 communes of Điện Biên, 3 departments of Lai Châu.
            assert ranking_slice(s, "2024", limit=0)[0] == 34
            for sort in KEYS:
                for descending in (False, True):
                    expected = _expected(s, "2024", sort, descending)
                    assert len(expected) == 34
                    for size in (1, 5, 200):
                        assert _paged(s, "2024", sort, descending, size) == expected, (sort, descending, size)
            # The re-issue moved Sở Tư pháp of Điện Biên to the last place of its group, Na Ư to the last commune.
            sở = [r for r in _expected(s, "2024", "rank", False) if r[:2] == ("Điện Biên", "sở")]
            assert sở[-1][3:7] == ("Sở Tư pháp", 17, Decimal("40"), Decimal("42.55"))
            lai = _paged(s, "2024", "unit", True, 2, province="Lai Châu")
            assert [r[3] for r in lai] == ["Sở Y tế", "Sở Tư pháp", "Sở Nội vụ"]
            assert [r[4] for r in _paged(s, "2024", "rank", False, 2, province="Lai Châu")] == [1, 1, 3]
            assert ranking_slice(s, "2024", level="xã", limit=2)[1][0][1][0].unit == "UBND xã Mường Phăng"
            assert ranking_slice(s, "2023") is None  # nothing stored: the caller computes


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_an_archive_of_revision_0004_gets_its_groups_from_the_stored_ranking(db_url, tmp_path):
    from alembic import command
    from sqlalchemy import create_engine

    from reportgen.archive.db import _alembic_config

    with open_archive(db_url) as archive:
        archive.import_paths([write_json(seed_000_report(), tmp_path / "000.json")], checker=no_checks)
    engine = create_engine(db_url)
    config = _alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0004")
    with open_archive(db_url) as archive, archive.session() as s:
        conn = s.connection()
        assert sum(_groups_stored(conn).values()) == 27
        assert _groups_stored(conn) == _groups_from_entries(conn)
    engine.dispose()
