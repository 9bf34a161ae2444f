"""The archive keeps seed 000's scores exactly, once per file, and answers
history, ranking and comparison questions from them; on SQLite and on
PostgreSQL alike."""
from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from reportgen.archive import archived_previous_period, open_archive, previous_period_rows
from reportgen.archive.models import Document, FindingRecord, IndicatorScore, ScoreRowRecord, Unit
from reportgen.model import Finding

from archive_data import (
    DEPARTMENTS_2024,
    DISTRICTS_2024,
    SCHEME_2024,
    no_checks,
    report_with_rows,
    seed_000_report,
    write_json,
)


def _count(archive, model) -> int:
    with archive.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _import(archive, *paths):
    return archive.import_paths(list(paths), checker=no_checks)


def test_importing_the_same_renditions_twice_keeps_one_copy_of_each(db_url, tmp_path):
    first = write_json(seed_000_report(), tmp_path / "000.json")
    second = write_json(seed_000_report(), tmp_path / "000-ban-sao.json", note="bản sao")
    with open_archive(db_url) as archive:
        assert [r.status for r in _import(archive, first, second)] == ["imported", "imported"]
        assert [r.status for r in _import(archive, tmp_path)] == ["duplicate", "duplicate"]
        assert _count(archive, Document) == 2
        assert _count(archive, ScoreRowRecord) == 54
        assert _count(archive, IndicatorScore) == 54 * 15
        # Two renditions of one report: the history shows the 2024 row once.
        (tu_phap,) = archive.history("Sở Tư pháp")
        assert [e.period for e in tu_phap.entries] == ["2024"]


def test_history_shows_so_tu_phap_2024_row_with_its_source_and_peer_median(db_url, tmp_path):
    with open_archive(db_url) as archive:
        _import(archive, write_json(seed_000_report(), tmp_path / "000.json"))
        (h,) = archive.history("Sở Tư pháp")
    (entry,) = h.entries
    assert (h.unit, h.province) == ("Sở Tư pháp", "Điện Biên")
    assert (entry.period, entry.scheme, entry.level) == ("2024", SCHEME_2024, "sở")
    assert (entry.total, entry.max, entry.percent, entry.grade, entry.rank) == (
        Decimal("85.94"), Decimal("94"), Decimal("91.43"), "Xuất sắc", 3)
    # The median of the 17 departments' percents is the ninth: Sở Nội vụ's 88,59.
    assert entry.median == Decimal("88.59")
    assert (entry.document, entry.table, entry.row, entry.page) == ("000.json", 0, 2, 5)


def test_history_of_one_indicator_with_its_peer_median(db_url, tmp_path):
    with open_archive(db_url) as archive:
        _import(archive, write_json(seed_000_report(), tmp_path / "000.json"))
        (h,) = archive.history("Sở Nội vụ", indicator="c5")
    (entry,) = h.entries
    assert (entry.value, entry.percent) == (Decimal("20.51"), Decimal("88.59"))
    # Chỉ số 5 of the 17 departments, sorted: the ninth is Sở Tài chính's 23,73.
    assert entry.median == Decimal("23.73")


def test_scores_are_stored_exactly_as_decimals(db_url, tmp_path):
    with open_archive(db_url) as archive:
        _import(archive, write_json(seed_000_report(), tmp_path / "000.json"))
        with archive.session() as s:
            row = s.scalars(select(ScoreRowRecord).where(ScoreRowRecord.unit_text == "Sở Công Thương")).one()
            values = dict(s.execute(select(IndicatorScore.indicator, IndicatorScore.value)
                                    .where(IndicatorScore.row_id == row.id)).all())
    assert (row.reported_total, row.reported_max, row.reported_percent) == (
        Decimal("88.9"), Decimal("94"), Decimal("94.57"))
    assert (row.total, row.max, row.percent, row.grade) == (Decimal("88.9"), Decimal("94"), Decimal("94.57"),
                                                            "Xuất sắc")
    assert values["c1"] == Decimal("4.97") and values["dvc"] == Decimal("11.96")
    assert values["c15"] is None and values["c16"] is None  # '-': not applicable
    assert all(isinstance(v, Decimal) for v in values.values() if v is not None)


def test_ranking_2024_equals_seed_000_order(db_url, tmp_path):
    with open_archive(db_url) as archive:
        _import(archive, write_json(seed_000_report(), tmp_path / "000.json"))
        groups = archive.ranking("2024", scheme=SCHEME_2024)
    assert [(g.province, g.level) for g in groups] == [("Điện Biên", "sở"), ("Điện Biên", "huyện")]
    assert [e.unit_text for e in groups[0].entries] == DEPARTMENTS_2024
    assert [e.unit_text for e in groups[1].entries] == DISTRICTS_2024
    assert [e.rank for e in groups[0].entries] == list(range(1, 18))
    assert groups[1].entries[-1].percent == Decimal("74.89")


def test_alias_names_find_the_same_unit(db_url, tmp_path):
    with open_archive(db_url) as archive:
        _import(archive, write_json(seed_000_report(), tmp_path / "000.json"))
        (h,) = archive.history("Sở Nông nghiệp và Phát triển nông thôn")
        assert h.entries[0].unit_text == "Sở Nông nghiệp và PTNT"
        assert h.entries[0].percent == Decimal("90.78")


def test_history_follows_successors_across_the_2025_merger(db_url, tmp_path):
    later = report_with_rows("2025", {"Sở Khoa học và Công nghệ": ("90", "100"),
                                      "Sở Nông nghiệp và Môi trường": ("80", "100")})
    with open_archive(db_url) as archive:
        _import(archive, write_json(seed_000_report(), tmp_path / "000.json"),
                write_json(later, tmp_path / "2025.json"))
        (tttt,) = archive.history("Sở Thông tin và Truyền thông")
        (tnmt,) = archive.history("Sở Tài nguyên và Môi trường")
    assert tttt.chain == ["Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"]
    assert [(e.period, e.unit_text, e.percent) for e in tttt.entries] == [
        ("2024", "Sở Thông tin và Truyền thông", Decimal("90.41")),
        ("2025", "Sở Khoa học và Công nghệ", Decimal("90"))]
    assert [(e.period, e.percent) for e in tnmt.entries] == [("2024", Decimal("77.95")), ("2025", Decimal("80"))]


def test_compare_lists_movers_up_and_down_through_successors(db_url, tmp_path):
    later = report_with_rows("2025", {"Sở Tư pháp": ("80", "100"), "Sở Nội vụ": ("95", "100"),
                                      "Sở Xây dựng": ("89.63", "100")})
    with open_archive(db_url) as archive:
        _import(archive, write_json(seed_000_report(), tmp_path / "000.json"),
                write_json(later, tmp_path / "2025.json"))
        up, down = archive.compare("2024", "2025")
    # Sở Nội vụ 88,59 → 95; Sở Lao động - TB&XH (83,24) continues as Sở Nội vụ and
    # Sở Giao thông vận tải (78,18) as Sở Xây dựng, which itself stays at 89,63.
    assert [(m.unit, m.delta) for m in up] == [("Sở Lao động - Thương binh và Xã hội", Decimal("11.76")),
                                              ("Sở Giao thông vận tải", Decimal("11.45")),
                                              ("Sở Nội vụ", Decimal("6.41"))]
    assert [(m.unit, m.delta, m.before.rank, m.after.rank) for m in down] == [
        ("Sở Tư pháp", Decimal("-11.43"), 3, 3)]


def test_previous_period_rows_give_the_last_year_for_drafting(db_url, tmp_path):
    with open_archive(db_url) as archive:
        _import(archive, write_json(seed_000_report(), tmp_path / "000.json"))
    rows = previous_period_rows(db_url, SCHEME_2024, "2025")
    assert len(rows) == 27
    unit, total, percent, rank = rows[0]
    assert (unit, total, percent, rank) == ("Sở Công Thương", Decimal("88.9"), Decimal("94.57"), 1)
    assert previous_period_rows(db_url, SCHEME_2024, "2024") == []
    assert archived_previous_period(db_url, SCHEME_2024, "2026") == "2024"  # the latest earlier year stored


def test_findings_are_stored_beside_the_row_they_concern(db_url, tmp_path):
    finding = Finding(code="TOTAL_MISMATCH", severity="error", message="Tổng điểm ghi 85,94 nhưng cộng được 85,95",
                      table=0, row=2, unit="Sở Tư pháp", column="total", reported="85.94", expected="85.95", page=5)
    with open_archive(db_url) as archive:
        archive.import_paths([write_json(seed_000_report(), tmp_path / "000.json")], checker=lambda r: [finding])
        with archive.session() as s:
            stored = s.scalars(select(FindingRecord)).one()
            row = s.get(ScoreRowRecord, stored.score_row_id)
    assert (stored.code, stored.severity, stored.message) == ("TOTAL_MISMATCH", "error", finding.message)
    assert (row.unit_text, row.table_index, row.row_index) == ("Sở Tư pháp", 0, 2)


def test_a_failure_while_storing_leaves_nothing_of_that_document(db_url, tmp_path):
    broken = seed_000_report()
    broken.tables[1].rows[-1].scores["c2"] = 4.0  # a float must never reach the archive
    with open_archive(db_url) as archive:
        _import(archive, write_json(report_with_rows("2023", {"Sở Y tế": ("80", "100")}), tmp_path / "ok.json"))
        units_before = _count(archive, Unit)
        with pytest.raises(TypeError):
            archive.import_paths([tmp_path / "ok.json", write_json(seed_000_report(), tmp_path / "b.json")],
                                 reader=lambda p: broken, checker=no_checks)
        assert _count(archive, Document) == 1
        assert _count(archive, ScoreRowRecord) == 1
        assert _count(archive, IndicatorScore) == 0
        assert _count(archive, Unit) == units_before  # no unit of the failed document either
        _import(archive, tmp_path / "b.json")
        assert _count(archive, Document) == 2 and _count(archive, ScoreRowRecord) == 28


def test_readers_answer_while_an_import_holds_the_sqlite_write_lock(tmp_path):
    from sqlalchemy import text

    from reportgen.archive.db import write_connection

    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    with open_archive(url) as archive:
        _import(archive, write_json(seed_000_report(), tmp_path / "000.json"))
        with write_connection(archive.engine) as writer, writer.begin():
            writer.execute(text("DELETE FROM findings"))  # an import in progress: the write lock is held
            with open_archive(url) as reader:  # opening and asking need no write lock
                (h,) = reader.history("Sở Tư pháp")
                assert h.entries[0].percent == Decimal("91.43")


def test_ranks_in_a_table_are_among_units_of_the_same_level(db_url, tmp_path):
    mixed = report_with_rows("2023-07", {"Phòng Tư pháp": ("80", "100"), "UBND xã Na Ư": ("90", "100"),
                                         "UBND xã Thanh Nưa": ("70", "100")})
    with open_archive(db_url) as archive:
        _import(archive, write_json(mixed, tmp_path / "mixed.json"))
        with archive.session() as s:
            ranks = dict(s.execute(select(ScoreRowRecord.unit_text, ScoreRowRecord.rank)).all())
    assert ranks == {"Phòng Tư pháp": 1, "UBND xã Na Ư": 1, "UBND xã Thanh Nưa": 2}


def test_ranking_ties_share_a_rank_in_name_order_and_a_later_document_counts(db_url, tmp_path):
    first = report_with_rows("2023-08", {"UBND xã Thanh Nưa": ("45", "50"), "UBND xã Na Ư": ("90", "100"),
                                         "UBND xã Ẳng Nưa": ("70", "100"), "UBND xã Mường Phăng": ("45", "50")})
    reissue = report_with_rows("2023-08", {"UBND xã Na Ư": ("60", "100")}, source="reissue.json")
    with open_archive(db_url) as archive:
        _import(archive, write_json(first, tmp_path / "first.json"))
        (before,) = archive.ranking("2023-08")
        _import(archive, write_json(reissue, tmp_path / "reissue.json"))
        (after,) = archive.ranking("2023-08")
    assert [(e.unit_text, e.rank, e.percent) for e in before.entries] == [
        ("UBND xã Na Ư", 1, Decimal("90")), ("UBND xã Mường Phăng", 2, Decimal("90")),
        ("UBND xã Thanh Nưa", 2, Decimal("90")), ("UBND xã Ẳng Nưa", 4, Decimal("70"))]
    assert [(e.unit_text, e.rank, e.total, e.document) for e in after.entries] == [
        ("UBND xã Mường Phăng", 1, Decimal("45"), "first.json"), ("UBND xã Thanh Nưa", 1, Decimal("45"), "first.json"),
        ("UBND xã Ẳng Nưa", 3, Decimal("70"), "first.json"), ("UBND xã Na Ư", 4, Decimal("60"), "reissue.json")]
