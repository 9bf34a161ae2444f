"""The archive takes the period of the national portal's export from its
trend sheet (or from `archive import --period`), so `archive ranking 2025-10`
finds the rows `draft` reads as tháng 10 năm 2025."""
from __future__ import annotations

import json

from fixtures import REAL_DIR
from reportgen.read import read_path

from support import reportgen

PORTAL = REAL_DIR / "portal-766-2025-10.xlsx"


def test_the_reader_knows_the_exports_month():
    assert read_path(PORTAL).meta.period == "2025-10"


def test_ranking_of_the_month_finds_the_imported_export(tmp_path):
    db = tmp_path / "kho.sqlite3"
    assert reportgen("archive", "import", "--db", db, PORTAL).returncode == 0
    proc = reportgen("archive", "ranking", "--db", db, "2025-10", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    groups = json.loads(proc.stdout)["groups"]
    provinces = next(g for g in groups if g["level"] == "tỉnh")
    assert len(provinces["entries"]) == 34  # the centrally-run cities are provinces too
    mine = next(e for e in provinces["entries"] if e["unit"] == "UBND tỉnh An Giang")
    assert mine["rank"] == 13


def test_period_option_wins(tmp_path):
    db = tmp_path / "kho.sqlite3"
    assert reportgen("archive", "import", "--db", db, "--period", "2025-09", PORTAL).returncode == 0
    proc = reportgen("archive", "ranking", "--db", db, "2025-09")
    assert proc.returncode == 0 and "UBND tỉnh An Giang" in proc.stdout
    bad = reportgen("archive", "import", "--db", db, "--period", "10/2025", PORTAL)
    assert bad.returncode == 2 and "Kỳ không hợp lệ" in bad.stderr
