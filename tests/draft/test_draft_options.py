"""`reportgen draft` options a new user meets: the period (data, meta file,
--period, or a clear error), per-unit numbering with the TB code, --type with
--per-unit, a previous file of the same period, the province from codes and
names, files with the user's umask, STT and rank columns, PDF/A-2b."""
from __future__ import annotations

import os
import stat
import subprocess
import sys

import docx
import openpyxl
import pytest

from fixtures import REAL_DIR
from reportgen.draft.metadata import meta_from_dict

from support import ROOT

CSV = ROOT / "fixtures" / "examples" / "bang-diem.csv"
XLSX = ROOT / "fixtures" / "examples" / "bang-diem.xlsx"
PORTAL = REAL_DIR / "portal-766-2025-10.xlsx"


def reportgen(*args, cwd=None, umask=None):
    env = {k: v for k, v in os.environ.items() if k != "REPORTGEN_DEBUG"}
    env["REPORTGEN_DB"] = "sqlite:////nonexistent/reportgen-tests.sqlite3"
    pre = (lambda: os.umask(umask)) if umask is not None else None
    return subprocess.run([sys.executable, "-m", "reportgen", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env, preexec_fn=pre)


def test_no_period_anywhere_is_a_clear_error_and_nothing_is_written(tmp_path):
    out = tmp_path / "tb.docx"
    proc = reportgen("draft", CSV, "-o", out)
    assert proc.returncode == 2
    assert "Không xác định được kỳ đánh giá" in proc.stderr and "--period 2025-10" in proc.stderr
    assert not out.exists()


def test_period_from_the_option_and_a_bad_one(tmp_path):
    assert reportgen("draft", CSV, "--period", "2025-10", "-o", tmp_path / "a.docx").returncode == 0
    bad = reportgen("draft", CSV, "--period", "10/2025", "-o", tmp_path / "b.docx")
    assert bad.returncode == 2 and "Kỳ đánh giá không hợp lệ" in bad.stderr


def test_per_unit_notices_are_tb_numbered_from_n_and_address_the_chairman(tmp_path):
    outdir = tmp_path / "tb"
    proc = reportgen("draft", XLSX, "--per-unit", "--number-start", "8", "--outdir", outdir,
                     "--meta", ROOT / "fixtures" / "examples" / "meta.toml")
    assert proc.returncode == 0, proc.stderr
    numbers = []
    for path in sorted(outdir.glob("*.docx")):
        d = docx.Document(path)
        cell = d.tables[0].rows[1].cells[0].text
        numbers.append(cell)
        if "ubnd-xa-dong-hai" in path.name:
            assert any(p.text.startswith("Đề nghị Chủ tịch UBND xã Đông Hải ") for p in d.paragraphs)
    assert all(n.endswith("/TB-VPUBND") for n in numbers)
    assert sorted(int(n.split(":")[1].split("/")[0]) for n in numbers) == list(range(8, 8 + 19))


def test_per_unit_numbers_are_blank_without_number_start(tmp_path):
    proc = reportgen("draft", XLSX, "--per-unit", "--outdir", tmp_path)
    assert proc.returncode == 0, proc.stderr
    first = docx.Document(next(tmp_path.glob("*.docx")))
    assert first.tables[0].rows[1].cells[0].text == "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/TB-VPUBND"


def test_type_bc_with_per_unit_is_refused(tmp_path):
    proc = reportgen("draft", XLSX, "--per-unit", "--outdir", tmp_path, "--type", "BC")
    assert proc.returncode == 2 and "--type BC" in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_bc_symbol_on_a_notice_takes_the_tb_code():
    assert meta_from_dict({"symbol": "BC-VPUBND", "doc_type": "TB"}).number_line.endswith("/TB-VPUBND")
    assert meta_from_dict({"number": "12/BC-UBND", "doc_type": "CV"}).number_line == "12/UBND"


def test_previous_of_the_same_period_warns(tmp_path):
    proc = reportgen("draft", XLSX, "--previous", XLSX, "-o", tmp_path / "bc.docx")
    assert proc.returncode == 0, proc.stderr
    assert "cùng kỳ 2025-10" in proc.stderr


def test_a_db_path_that_does_not_exist_is_an_error(tmp_path):
    proc = reportgen("draft", XLSX, "--db", tmp_path / "none.sqlite3", "-o", tmp_path / "bc.docx")
    assert proc.returncode == 2 and "Không tìm thấy kho lưu trữ" in proc.stderr


def test_province_codes_and_names_disagreeing_warn(tmp_path):
    wb = openpyxl.load_workbook(PORTAL)
    for name in ("Sở Ban", "Xã Phường"):
        ws = wb[name]
        header = [c.value for c in ws[1]]
        col = header.index("TEN")
        for row in ws.iter_rows(min_row=2):
            if row[col].value:
                row[col].value = str(row[col].value).replace("tỉnh An Giang", "tỉnh Cà Mau")
                if " - " not in row[col].value:
                    row[col].value += " - tỉnh Cà Mau"
    path = tmp_path / "portal.xlsx"
    wb.save(path)
    proc = reportgen("draft", path, "-o", tmp_path / "tb.docx")
    assert proc.returncode == 0, proc.stderr
    assert "Cảnh báo: mã các đơn vị (H01) thuộc UBND tỉnh An Giang nhưng tên đơn vị ghi “tỉnh Cà Mau”" in proc.stderr


def test_outputs_take_the_users_umask(tmp_path):
    out = tmp_path / "bc.docx"
    assert reportgen("draft", XLSX, "-o", out, umask=0o022).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_appendix_stt_runs_1_2_3_and_rank_has_its_column(tmp_path):
    out = tmp_path / "bc.docx"
    assert reportgen("draft", PORTAL, "-o", out).returncode == 0
    table = docx.Document(out).tables[-1]
    assert [c.text for c in table.rows[0].cells][-1] == "Xếp hạng"
    body = [[c.text for c in r.cells] for r in table.rows[2:]]
    assert [r[0] for r in body] == [str(i) for i in range(1, len(body) + 1)]
    ranks = [int(r[-1]) for r in body]
    assert ranks == sorted(ranks) and len(set(ranks)) < len(ranks)  # ties share a rank, never an STT


@pytest.mark.slow
def test_pdf_a_2b(tmp_path):
    out = tmp_path / "tb.docx"
    proc = reportgen("draft", XLSX, "--type", "TB", "-o", out, "--pdf-a")
    assert proc.returncode == 0, proc.stderr
    pdf = out.with_suffix(".pdf").read_bytes()
    assert b"pdfaid:part>2<" in pdf and b"pdfaid:conformance>B<" in pdf
