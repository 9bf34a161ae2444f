"""Finding templates: a path to any .docx, the user's folders in
REPORTGEN_TEMPLATES, the checkout's editable templates/, and the copies
shipped inside the package (so an installed reportgen finds them without
the source tree)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from reportgen.draft.make_templates import DOCS
from reportgen.draft.render import (
    CHECKOUT_DIR,
    PACKAGED_DIR,
    TEMPLATES_ENV,
    TemplateProblem,
    template_dirs,
    template_path,
)

from support import ROOT

S000 = str(next((ROOT / "fixtures" / "seeds").glob("000_*.txt")))


def run(*args, cwd=None, env=None):
    base = {k: v for k, v in os.environ.items() if k not in ("REPORTGEN_DEBUG", TEMPLATES_ENV, "REPORTGEN_DB")}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=cwd,
                          env={**base, **(env or {})})


def test_the_checkouts_templates_are_the_shipped_ones_byte_for_byte():
    for name in DOCS:
        assert (CHECKOUT_DIR / f"{name}.docx").read_bytes() == (PACKAGED_DIR / f"{name}.docx").read_bytes()


def test_in_a_checkout_the_editable_folder_comes_before_the_shipped_copies(monkeypatch):
    monkeypatch.delenv(TEMPLATES_ENV, raising=False)
    assert template_dirs() == [CHECKOUT_DIR, PACKAGED_DIR]
    assert template_path(None, "TB") == CHECKOUT_DIR / "thong-bao-chi-so.docx"


def test_the_users_folders_are_searched_first(tmp_path, monkeypatch):
    own = tmp_path / "mau-cua-toi"
    own.mkdir()
    shutil.copyfile(PACKAGED_DIR / "bao-cao-ket-qua.docx", own / "bao-cao-ket-qua.docx")
    shutil.copyfile(PACKAGED_DIR / "thong-bao-chi-so.docx", own / "thong-bao-rieng.docx")
    monkeypatch.setenv(TEMPLATES_ENV, os.pathsep.join([str(tmp_path / "khong-co"), str(own)]))
    assert template_path(None, "BC") == own / "bao-cao-ket-qua.docx"
    assert template_path("thong-bao-rieng", "TB") == own / "thong-bao-rieng.docx"
    assert template_path(None, "CV").parent in (CHECKOUT_DIR, PACKAGED_DIR)


def test_a_missing_template_names_what_there_is(tmp_path):
    with pytest.raises(TemplateProblem) as exc:
        template_path("bao-cao-khac")
    assert "Các mẫu có sẵn: bao-cao-ket-qua, cong-van-chi-dao, thong-bao-chi-so" in str(exc.value)
    assert TEMPLATES_ENV in str(exc.value)
    with pytest.raises(TemplateProblem, match="Không tìm thấy tệp mẫu"):
        template_path(str(tmp_path / "khong-co.docx"))


def test_any_docx_given_by_path_is_the_template(tmp_path):
    mine = tmp_path / "Mẫu báo cáo sửa.docx"
    document = docx.Document(str(PACKAGED_DIR / "bao-cao-ket-qua.docx"))
    closing = next(p for p in document.paragraphs if p.text == "{{ closing }}")
    closing.insert_paragraph_before("Đoạn do văn thư thêm vào mẫu.")
    document.save(str(mine))
    out = tmp_path / "bc.docx"
    proc = run("-m", "reportgen", "draft", S000, "--template", str(mine), "-o", str(out), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "mẫu Mẫu báo cáo sửa" in proc.stdout
    assert "Đoạn do văn thư thêm vào mẫu." in [p.text for p in docx.Document(str(out)).paragraphs]


def test_an_installed_package_without_the_source_tree_finds_its_templates(tmp_path):
    """The package copied as an installer lays it out (no pyproject.toml, no
    top-level templates/ beside it): the shipped copies are used."""
    site = tmp_path / "site-packages"
    for package in ("reportgen", "parsers"):
        shutil.copytree(ROOT / package, site / package, ignore=shutil.ignore_patterns("__pycache__"))
    work = tmp_path / "work"
    work.mkdir()
    env = {"PYTHONPATH": str(site)}
    where = run("-c", "from reportgen.draft.render import template_path; print(template_path(None, 'CV'))",
                cwd=work, env=env)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()) == site / "reportgen" / "draft" / "templates" / "cong-van-chi-dao.docx"
    out = work / "tb.docx"
    proc = run("-m", "reportgen", "draft", S000, "--type", "TB", "-o", str(out), cwd=work, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "mẫu thong-bao-chi-so" in proc.stdout and out.is_file()
