"""The batch path of the commands: folders and --jobs, a summary table,
--format jsonl, --report XLSX, archive import and per-unit PDFs in parallel.
Real files, real worker processes, the real command."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reportgen.verify import verify_path

from support import ROOT

SEEDS = ROOT / "fixtures" / "seeds"


def reportgen(*args, cwd=None):
    env = {k: v for k, v in os.environ.items() if k not in ("REPORTGEN_DEBUG", "REPORTGEN_BROKER")}
    env["REPORTGEN_DB"] = "sqlite:////nonexistent/reportgen-tests.sqlite3"
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    return subprocess.run([sys.executable, "-m", "reportgen", *args], capture_output=True, text=True, cwd=cwd,
                          env=env)


@pytest.fixture
def folder(tmp_path):
    """The seeds, one of them with a unit whose name starts with '=', and a
    damaged PDF."""
    d = tmp_path / "bao-cao"
    d.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        shutil.copyfile(p, d / p.name)
    s000 = next(d.glob("000_*.txt"))
    s000.write_text(s000.read_text(encoding="utf-8").replace("Thanh tra tỉnh", "=Thanh tra tỉnh"), encoding="utf-8")
    (d / "hong.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>>\n")
    (d / ".an.txt").write_text("hidden", encoding="utf-8")  # hidden files are left out
    return d


def test_verify_a_folder_in_parallel_goes_on_after_a_bad_file(folder):
    proc = reportgen("verify", str(folder), "--jobs", "2")
    assert proc.returncode == 2  # one file could not be read
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["Tệp", "Kết", "luận", "Lỗi", "Cảnh", "báo", "Độ", "bao", "phủ", "Giây"]
    files = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    rows = lines[2:2 + len(files)]
    assert [r.split()[0] for r in rows] == files
    for name, row in zip(files, rows):
        if name == "hong.pdf":
            assert "KHÔNG ĐỌC ĐƯỢC" in row
            continue
        r = verify_path(folder / name)
        assert f" {r.verdict} " in row
        assert row.split()[len(r.verdict.split()) + 1:len(r.verdict.split()) + 3] == [
            str(r.counts["error"]), str(r.counts["warning"])]
    assert lines[2 + len(files)].startswith(f"Tổng cộng {len(files)} tệp: ")
    assert "hong.pdf" in proc.stderr  # the error, with the file's name
    assert f"[{len(files)}/{len(files)}]" in proc.stderr  # plain progress lines (not a terminal)


def test_quiet_jsonl_and_xlsx_report_of_a_batch(folder, tmp_path):
    report = tmp_path / "ket-qua.xlsx"
    proc = reportgen("verify", str(folder), "--format", "jsonl", "--quiet", "--report", str(report))
    assert proc.returncode == 2
    assert "[1/" not in proc.stderr  # quiet: no progress lines
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    by_name = {Path(r["input"]).name: r for r in records}
    assert set(by_name) == {p.name for p in folder.iterdir() if not p.name.startswith(".")}
    s000 = next(folder.glob("000_*.txt"))
    direct = verify_path(s000)
    got = by_name[s000.name]
    assert (got["verdict"], got["exit"], got["counts"]) == (direct.verdict, direct.exit_status, direct.counts)
    assert got["payload"]["findings"] == [f.to_json() for f in direct.findings]
    assert by_name["hong.pdf"]["status"] == "failed" and "hong.pdf" in by_name["hong.pdf"]["error"]

    from openpyxl import load_workbook

    wb = load_workbook(report)
    summary, findings = wb["Tổng hợp"], wb["Phát hiện"]
    assert [c.value for c in summary[1]][:6] == ["Tệp", "Kết luận", "Lỗi", "Cảnh báo", "Độ bao phủ", "Giây"]
    assert summary.max_row == 1 + len(records)
    assert findings.max_row == 1 + sum(len(r["payload"]["findings"]) for r in records if r["payload"]
                                       and "findings" in r["payload"])
    units = [row[6] for row in findings.iter_rows(min_row=2)]
    formulas = [c for c in units if c.value and str(c.value).startswith("=")]
    assert formulas, "the unit named '=Thanh tra tỉnh' has a finding"
    assert all(c.data_type == "s" and c.value == "=Thanh tra tỉnh" for c in formulas)  # text, not a formula


def test_archive_import_in_parallel_stores_each_document_once(folder, tmp_path):
    db = f"sqlite:///{tmp_path / 'kho.db'}"
    s001 = next(folder.glob("001_*.txt"))
    proc = reportgen("archive", "import", str(folder), str(s001), "--db", db, "--jobs", "2")
    assert proc.returncode == 2, proc.stderr  # the damaged PDF
    assert "ĐÃ CÓ" in proc.stdout and "hong.pdf" in proc.stderr
    from sqlalchemy import create_engine, text

    engine = create_engine(db)
    with engine.connect() as conn:
        names = sorted(r[0] for r in conn.execute(text("SELECT name FROM documents")))
    engine.dispose()
    assert names == sorted(p.name for p in folder.glob("*.txt") if not p.name.startswith("."))


@pytest.mark.slow
def test_per_unit_pdfs_with_two_libreoffice_processes(tmp_path):
    sheet = tmp_path / "diem.csv"
    sheet.write_text("Tên đơn vị,Nhóm,ckmb,tdgq,clgq,tttt,mdhl,mdsh,Ghi chú\n"
                     "Sở Tư pháp,Các sở,18,19.5,10,9,18,20,\n"
                     "Sở Y tế,Các sở,17,20,11,10,18,21.5,\n"
                     "Sở Công Thương,Các sở,16,18,10,9,17,20,\n"
                     "Sở Xây dựng,Các sở,15,17,9,8,16,19,\n", encoding="utf-8")
    out = tmp_path / "tb"
    proc = reportgen("draft", str(sheet), "--period", "2025-10", "--per-unit", "--outdir", str(out), "--pdf",
                     "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    docs, pdfs = sorted(out.glob("*.docx")), sorted(out.glob("*.pdf"))
    assert len(docs) == 4 and [p.stem for p in pdfs] == [d.stem for d in docs]
    assert all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
    assert "Đã xuất 4 tệp PDF" in proc.stdout
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_limit_options_reach_the_batch_workers(tmp_path):
    """`--limit pages=4` is applied inside each worker process: the 5-page
    real PDF is refused there (naming the limit), the text seed is read."""
    from fixtures import REAL_DIR

    d = tmp_path / "lo"
    d.mkdir()
    shutil.copyfile(REAL_DIR / "ld-cchc2025-pl1-chidao.pdf", d / "chidao.pdf")  # 5 pages
    seed = next(SEEDS.glob("000_*.txt"))
    shutil.copyfile(seed, d / seed.name)
    proc = reportgen("verify", str(d), "--jobs", "2", "--quiet", "--format", "jsonl", "--limit", "pages=4")
    by_name = {Path(r["input"]).name: r for r in map(json.loads, proc.stdout.splitlines())}
    assert proc.returncode == 2
    assert by_name["chidao.pdf"]["verdict"] == "KHÔNG ĐỌC ĐƯỢC"
    assert "--limit pages=" in by_name["chidao.pdf"]["error"] and "chidao.pdf" in by_name["chidao.pdf"]["error"]
    assert by_name[seed.name]["verdict"] == verify_path(seed).verdict
    # The same batch with the limit raised back reads the PDF in the workers.
    proc = reportgen("verify", str(d), "--jobs", "2", "--quiet", "--format", "jsonl", "--limit", "pages=5")
    by_name = {Path(r["input"]).name: r for r in map(json.loads, proc.stdout.splitlines())}
    assert by_name["chidao.pdf"]["status"] == "ok"


def test_job_limits_round_trip_through_json():
    from parsers.limits import Limits
    from reportgen.jobs import Job
    from reportgen.jobs.execute import job_limits, limits_option

    limits = Limits.parse(["pages=7", "ocr_page_seconds=30"])
    job = Job.from_json(json.loads(json.dumps(Job("verify", "a.pdf", {"limits": limits_option(limits)}).to_json())))
    assert job_limits(job.options["limits"]) == limits
    assert job_limits({"pages": 7, "no_such_limit": 1}).pages == 7


def test_a_batch_killed_in_the_middle_resumes_from_its_journal(tmp_path):
    """SIGKILL to the whole process group (CLI and workers) mid-batch; the same
    command with the same --resume journal runs only the files left, and its
    summary lists every file once, as an uninterrupted run does."""
    import signal
    import time

    d = tmp_path / "lo"
    d.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(6):
        for p in seeds:
            shutil.copyfile(p, d / f"{i}-{p.name}")
    total = len(seeds) * 6
    journal = tmp_path / "nhat-ky.jsonl"
    env = {k: v for k, v in os.environ.items() if k not in ("REPORTGEN_DEBUG", "REPORTGEN_BROKER")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    cmd = [sys.executable, "-m", "reportgen", "verify", str(d), "--jobs", "2", "--quiet", "--format", "jsonl",
           "--resume", str(journal)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                            start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if journal.is_file() and len(journal.read_text(encoding="utf-8").splitlines()) >= 3:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    kept = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert 3 <= len(kept) < total  # killed in the middle
    with open(journal, "a", encoding="utf-8") as fh:
        fh.write('{"key": "cut short')  # a line the kill cut
    again = reportgen("verify", str(d), "--jobs", "2", "--format", "jsonl", "--resume", str(journal))
    assert again.returncode == 1, again.stderr  # the seeds hold real slips
    assert f"{len(kept)}/{total} tệp đã có kết quả, còn {total - len(kept)} tệp" in again.stderr
    assert again.stderr.count("]") == total - len(kept)  # progress lines only for the files left
    records = [json.loads(line) for line in again.stdout.splitlines()]
    assert sorted(Path(r["input"]).name for r in records) == sorted(p.name for p in d.iterdir())
    for r in records:
        direct = verify_path(r["input"])
        assert (r["verdict"], r["counts"]) == (direct.verdict, direct.counts)
        assert r["payload"]["findings"] == [f.to_json() for f in direct.findings]
    lines = [line for line in journal.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) == total + 1  # every file once, and the cut line
    # Nothing is left to do now: a third run reads everything from the journal.
    third = reportgen(*cmd[3:])
    assert third.stderr == ""  # --quiet
    strip = lambda out: [{k: v for k, v in json.loads(x).items() if k != "job_id"} for x in out.splitlines()]  # noqa: E731
    assert strip(third.stdout) == strip(again.stdout) and third.returncode == 1
