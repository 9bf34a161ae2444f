"""`reportgen archive` end to end, as separate processes: the seeds and their
renditions imported twice, the questions answered in text and JSON, a chart
and exports written, two importers at once, and an importer killed midway;
on SQLite and on PostgreSQL."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from reportgen.archive.models import Document, IndicatorScore, ScoreRowRecord, Unit
from reportgen.archive.units import unit_key

from archive_data import DEPARTMENTS_2024, DISTRICTS_2024, SCHEME_2024, seed_000_report, synthetic_report, write_json
from support import ROOT, SEEDS, reportgen as run


def reportgen(*args: str, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    proc = run(*args, env=env, cwd=ROOT, timeout=600)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {m.__tablename__: conn.execute(select(func.count()).select_from(m)).scalar()
                    for m in (Document, ScoreRowRecord, IndicatorScore, Unit)}
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def renditions(tmp_path_factory) -> list[Path]:
    """The seeds as text, and their DOCX, XLSX and PDF (LibreOffice) renditions."""
    from fixtures.build import build_all
    from fixtures.build_pdf import libreoffice_pdfs

    out = tmp_path_factory.mktemp("renditions")
    built = sorted(p for files in build_all(out).values() for p in files.values())
    pdfs = libreoffice_pdfs([p for p in built if p.suffix == ".docx"], out / "pdf")
    return sorted(SEEDS.glob("*.txt")) + built + sorted(pdfs)


@pytest.mark.slow
def test_importing_all_seed_renditions_twice_keeps_one_copy_and_answers_from_seed_000(db_url, renditions):
    first = reportgen("archive", "import", "--db", db_url, "--format", "json", *map(str, renditions))
    second = reportgen("archive", "import", "--db", db_url, "--format", "json", *map(str, renditions))
    assert json.loads(first.stdout)["imported"] == len(renditions) == 5 + 4 * 3
    assert json.loads(second.stdout)["duplicate"] == len(renditions)
    assert "đã có trong kho, bỏ qua" in second.stderr
    assert counts(db_url)["documents"] == 17

    history = reportgen("archive", "history", "Sở Tư pháp", "--db", db_url)
    assert "năm 2024" in history.stdout and "85,94" in history.stdout and "91,43" in history.stdout
    (h,) = json.loads(reportgen("archive", "history", "Sở Tư pháp", "--db", db_url, "--format", "json").stdout
                      )["histories"]
    assert [(e["period"], e["percent"], e["rank"]) for e in h["entries"]] == [("2024", "91.43", 3)]

    ranking = json.loads(reportgen("archive", "ranking", "2024", "--scheme", SCHEME_2024, "--db", db_url,
                                   "--format", "json").stdout)
    sở, huyện = ranking["groups"]
    assert [e["unit_as_written"] for e in sở["entries"]] == DEPARTMENTS_2024
    assert [e["unit_as_written"] for e in huyện["entries"]] == DISTRICTS_2024
    text_ranking = reportgen("archive", "ranking", "2024", "--scheme", SCHEME_2024, "--db", db_url).stdout
    assert text_ranking.index("Sở Công Thương") < text_ranking.index("Thanh tra tỉnh") < text_ranking.index(
        "Sở Tài nguyên và Môi trường")


def test_history_plot_and_exports_are_written(tmp_path):
    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    reportgen("archive", "import", "--db", url, str(write_json(seed_000_report(), tmp_path / "000.json")),
              str(write_json(synthetic_report(5, "2025", prefix="Sở Tư"), tmp_path / "2025.json")))
    png = tmp_path / "tu-phap.png"
    reportgen("archive", "history", "Sở Tư pháp", "--plot", str(png), "--db", url)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000

    reportgen("archive", "export", "--format", "csv", "-o", str(tmp_path / "all.csv"), "--db", url)
    lines = (tmp_path / "all.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1 + 27 + 5
    assert lines[0].startswith("Tỉnh,Đơn vị,Tên trong văn bản,Cấp,Kỳ,Bộ chỉ số,Chỉ số 1,")
    assert any(line.startswith("Điện Biên,Sở Tư pháp,Sở Tư pháp,sở,2024,dienbien-2024,"
                               "6,4,2,6,24,8.39,9.82,4.2,3.53,0,,,6,6,6,85.94,94,91.43,Xuất sắc,") for line in lines)

    from openpyxl import load_workbook

    reportgen("archive", "export", "--format", "xlsx", "-o", str(tmp_path / "all.xlsx"), "--period", "2024",
              "--db", url)
    sheet = load_workbook(tmp_path / "all.xlsx").active
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[1] == "Sở Tư pháp")
    assert sheet.max_row == 28
    assert row[header.index("Tỷ lệ % (văn bản)")] == pytest.approx(91.43)


def test_bad_input_gives_a_vietnamese_message_and_exit_2(tmp_path):
    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    missing = reportgen("archive", "import", "--db", url, str(tmp_path / "không-có.pdf"), check=False)
    assert missing.returncode == 2 and "không tìm thấy tệp" in missing.stderr
    unknown = reportgen("archive", "history", "Sở Không Có", "--db", url, check=False)
    assert unknown.returncode == 2 and "chưa có đơn vị" in unknown.stderr
    period = reportgen("archive", "ranking", "năm ngoái", "--db", url, check=False)
    assert period.returncode == 2 and "kỳ không hợp lệ" in period.stderr
    bad_url = reportgen("archive", "ranking", "2024", "--db", "khong-phai://x", check=False)
    assert bad_url.returncode == 2 and "Traceback" not in bad_url.stderr
    out = tmp_path / "no-such-dir" / "x.csv"
    (tmp_path / "no-such-dir").write_text("a file where a folder should be")
    export = reportgen("archive", "export", "--format", "csv", "-o", str(out), "--db", url, check=False)
    assert export.returncode == 2 and not out.exists()


def test_the_db_comes_from_reportgen_db_when_not_given(tmp_path):
    url = f"sqlite:///{tmp_path / 'env.sqlite3'}"
    reportgen("archive", "import", str(write_json(seed_000_report(), tmp_path / "000.json")),
              env={"REPORTGEN_DB": url})
    assert counts(url)["score_rows"] == 27


@pytest.mark.slow
def test_two_importers_at_once_lose_nothing_and_duplicate_nothing(db_url, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for month in range(1, 25):
        period = f"{2023 + (month - 1) // 12}-{(month - 1) % 12 + 1:02d}"
        write_json(synthetic_report(40, period, seed=month), folder / f"{period}.json")
    # Both processes open the same fresh archive and race on every document
    # and on every commune's first registration.
    procs = [subprocess.Popen([sys.executable, "-m", "reportgen", "archive", "import", "--db", db_url, "--format",
                               "json", str(folder)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1] for o in outputs]
    results = [json.loads(o[0]) for o in outputs]
    assert sum(r["imported"] for r in results) == 24
    assert sum(r["duplicate"] for r in results) == 24
    n = counts(db_url)
    assert (n["documents"], n["score_rows"], n["indicator_scores"]) == (24, 24 * 40, 24 * 40 * 15)
    engine = create_engine(db_url)
    with engine.connect() as conn:
        keys = conn.execute(text("SELECT key FROM units")).scalars().all()
    engine.dispose()
    prefix = unit_key("UBND xã Thử")
    assert len([k for k in keys if k.startswith(prefix + " ")]) == 40  # each commune registered once


@pytest.mark.slow
def test_a_killed_importer_leaves_the_archive_as_before_that_document(db_url, tmp_path):
    small = write_json(synthetic_report(10, "2024-01", prefix="UBND xã Nhỏ"), tmp_path / "a-small.json")
    big = write_json(synthetic_report(12000, "2024-02"), tmp_path / "b-big.json")
    proc = subprocess.Popen([sys.executable, "-m", "reportgen", "archive", "import", "--db", db_url, str(small),
                             str(big)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if line.startswith("[2/2] b-big.json: đang ghi"):
            time.sleep(0.3)  # well inside the transaction of the big document
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert not any("b-big.json: đã nhập" in line for line in seen), seen
    assert counts(db_url)["documents"] == 1
    assert counts(db_url)["score_rows"] == 10
    assert counts(db_url)["indicator_scores"] == 10 * 15
    # The archive still works and takes the next document.
    reportgen("archive", "import", "--db", db_url, str(write_json(seed_000_report(), tmp_path / "000.json")))
    assert counts(db_url)["documents"] == 2
