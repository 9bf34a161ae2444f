"""`reportgen draft` compares with the previous period stored in the archive
when no --previous file is given; without an archive nothing changes and no
archive is created."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import docx
import openpyxl
import pytest

from reportgen.draft.inputs import load_input, prepared
from reportgen.draft.previous import attach_archived

from support import ROOT, reportgen

S000 = str(next((ROOT / "fixtures" / "seeds").glob("000_*.txt")))
MOVE = "- Sở Tư pháp: tăng từ vị trí 15/17 lên 3/17, tỷ lệ điểm đạt tăng từ 78,66% lên 91,43%."


def texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


@pytest.fixture(scope="module")
def report_2023(tmp_path_factory) -> Path:
    """Seed 000's workbook rendition made into the 2023 report: titles say
    NĂM 2023, and Sở Tư pháp scored 12 of 24 on Chỉ số 5 (73,94/94 = 78,66%,
    15th of 17 departments) with its total, percent and grade left blank."""
    from fixtures.build import build_seed

    folder = tmp_path_factory.mktemp("prev")
    built = build_seed("000", folder)["xlsx"]
    wb = openpyxl.load_workbook(built)
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.value = (cell.value.replace("NĂM 2024", "NĂM 2023")
                                  .replace("tháng 01 năm 2025", "tháng 01 năm 2024"))
            if row[1].value == "Sở Tư pháp":
                assert row[6].value == 24
                row[6].value = 12
                row[17].value = row[18].value = row[19].value = None
    out = folder / "bc-2023.xlsx"
    wb.save(out)
    return out


@pytest.fixture(scope="module")
def archive_2023(report_2023, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("db") / "kho.sqlite3"
    proc = reportgen("archive", "import", str(report_2023), "--db", f"sqlite:///{db}")
    assert proc.returncode == 0, proc.stderr
    assert "Đã nhập 1 tài liệu" in proc.stdout
    return db


def test_draft_compares_with_the_archived_previous_year(archive_2023, tmp_path):
    out = tmp_path / "bc.docx"
    proc = reportgen("draft", S000, "--db", f"sqlite:///{archive_2023}", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "So sánh với kỳ 2023 trong kho lưu trữ (27 đơn vị có kết quả kỳ trước)." in proc.stdout
    lines = texts(out)
    assert MOVE in lines
    assert "So với năm 2023: 02 cơ quan tăng hạng, 13 cơ quan giảm hạng, 02 cơ quan giữ nguyên." in lines
    # Thanh tra tỉnh: the 2023 report's own 93,4% against 2024's recomputed 96,52%.
    assert "- Thanh tra tỉnh: tăng từ vị trí 2/17 lên 1/17, tỷ lệ điểm đạt tăng từ 93,4% lên 96,52%." in lines
    assert "So với năm 2023: thứ hạng của cả 10 đơn vị giữ nguyên." in lines


def test_the_comparison_works_on_sqlite_and_postgresql(db_url, report_2023, tmp_path):  # noqa: F811
    proc = reportgen("archive", "import", str(report_2023), "--db", db_url)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "bc.docx"
    proc = reportgen("draft", S000, "--db", db_url, "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert MOVE in texts(out)


def test_a_database_without_an_archive_is_left_untouched(db_url, tmp_path):  # noqa: F811
    from sqlalchemy import create_engine, inspect

    out = tmp_path / "bc.docx"
    proc = reportgen("draft", S000, "--db", db_url, "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert not any(t.startswith("So với") for t in texts(out))
    if db_url.startswith("sqlite"):
        assert not Path(db_url.removeprefix("sqlite:///")).exists()
    else:
        engine = create_engine(db_url)
        try:
            assert inspect(engine).get_table_names() == []
        finally:
            engine.dispose()


def test_the_archive_named_by_the_environment_is_used(archive_2023, tmp_path):
    out = tmp_path / "bc.docx"
    proc = reportgen("draft", S000, "-o", str(out), env={"REPORTGEN_DB": str(archive_2023)})
    assert proc.returncode == 0, proc.stderr
    assert MOVE in texts(out)


def test_a_previous_file_takes_precedence_over_the_archive(archive_2023, tmp_path):
    out = tmp_path / "bc.docx"
    proc = reportgen("draft", S000, "--previous", S000, "--db", f"sqlite:///{archive_2023}", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "kho lưu trữ" not in proc.stdout
    lines = texts(out)
    assert not any(t.startswith("- Sở Tư pháp: tăng") for t in lines)
    assert "So với năm 2024: thứ hạng của cả 17 cơ quan giữ nguyên." in lines


def test_an_archive_without_an_earlier_period_changes_nothing(archive_2023, tmp_path):
    sheet = tmp_path / "diem.csv"
    sheet.write_text("Tên đơn vị,ckmb,tdgq,clgq,tttt,mdhl,mdsh\nSở Tư pháp,18,20,12,10,18,22\n", encoding="utf-8")
    meta = tmp_path / "meta.toml"
    meta.write_text('period = "2022"\n', encoding="utf-8")
    out = tmp_path / "bc.docx"
    proc = reportgen("draft", str(sheet), "--meta", str(meta), "--db", f"sqlite:///{archive_2023}", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert not any(t.startswith("So với") for t in texts(out))


def test_without_an_archive_nothing_changes_and_no_archive_is_created(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    plain = tmp_path / "plain.docx"
    proc = reportgen("draft", S000, "-o", str(plain), env=env)  # the default store, absent
    assert proc.returncode == 0, proc.stderr
    assert list(home.iterdir()) == []
    missing = tmp_path / "kho" / "none.sqlite3"
    named = tmp_path / "named.docx"
    proc = reportgen("draft", S000, "--db", f"sqlite:///{missing}", "-o", str(named), env=env)
    assert proc.returncode == 0, proc.stderr
    assert not missing.parent.exists()
    assert "kho lưu trữ" not in proc.stdout
    assert texts(plain) == texts(named)
    assert not any(t.startswith("So với") for t in texts(plain))


def test_a_bad_archive_address_is_a_usage_error(tmp_path):
    out = tmp_path / "bc.docx"
    proc = reportgen("draft", S000, "--db", "khong-phai://x", "-o", str(out))
    assert proc.returncode == 2
    assert "Không đọc được kho lưu trữ" in proc.stderr and "Traceback" not in proc.stderr
    assert not out.exists()


# --- choosing the cohort --------------------------------------------------------------

def entry(unit, percent, rank, text=None):
    return SimpleNamespace(unit=unit, unit_text=text or unit, total=None, percent=Decimal(percent), rank=rank)


def cohort(province, *entries):
    return SimpleNamespace(province=province, entries=list(entries))


def sheet_data(tmp_path):
    sheet = tmp_path / "diem.csv"
    sheet.write_text("Tên đơn vị,ckmb,tdgq,clgq,tttt,mdhl,mdsh\n"
                     "Sở Tư pháp,18,20,12,10,18,22\nSở Nông nghiệp và Phát triển nông thôn,10,15,6,5,12,10\n",
                     encoding="utf-8")
    return prepared(load_input(sheet))


def test_units_match_by_name_key_so_abbreviations_count(tmp_path):
    data = sheet_data(tmp_path)
    n = attach_archived(data, "2023", [cohort("Điện Biên", entry("Sở Nông nghiệp và PTNT", "90", 1),
                                              entry("Sở Tư pháp", "80", 2), entry("Sở Y tế", "70", 3))])
    assert n == 2
    assert data.previous["sở nông nghiệp và phát triển nông thôn"] == (None, Decimal("90"), 1, 3)
    assert data.previous_period == "2023"


def test_the_cohort_with_most_units_wins_and_a_tie_goes_to_the_named_province(tmp_path):
    lai_chau = cohort("Lai Châu", entry("Sở Tư pháp", "95", 1), entry("Sở Nông nghiệp và PTNT", "50", 9))
    dien_bien = cohort("Điện Biên", entry("Sở Tư pháp", "60", 4), entry("Sở Nông nghiệp và PTNT", "70", 2),
                       entry("Sở Y tế", "90", 1), entry("Sở Nội vụ", "40", 5))
    data = sheet_data(tmp_path)
    assert attach_archived(data, "2023", [lai_chau, dien_bien]) == 0  # two provinces, equally good: none
    data = sheet_data(tmp_path)
    assert attach_archived(data, "2023", [lai_chau, dien_bien], hint="UBND TỈNH ĐIỆN BIÊN Văn phòng") == 2
    assert data.previous["sở tư pháp"] == (None, Decimal("60"), 4, 4)
    data = sheet_data(tmp_path)
    only = cohort("Lai Châu", entry("Sở Tư pháp", "95", 1))
    assert attach_archived(data, "2023", [only, dien_bien]) == 2  # Điện Biên holds both units
    assert data.previous["sở tư pháp"][3] == 4
