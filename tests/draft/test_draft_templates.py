"""Templates are users' Word files: their edits render, their mistakes give a
Vietnamese message naming the template, the tag and the fix (exit 2), and the
sandbox keeps a template away from Python objects and files."""
from __future__ import annotations

import copy
import io
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from reportgen.draft import build_draft
from reportgen.draft.inputs import prepared
from reportgen.draft.metadata import meta_from_dict
from reportgen.draft.render import TEMPLATE_DIR, TemplateProblem
from reportgen.draft.synthetic import synthetic_data
from reportgen.schemes import load_scheme

from support import SEEDS


def _data():
    return prepared(synthetic_data(load_scheme("qd766-2022"), sizes=(5,)))


def _edited(tmp_path, runs: list[str], name="mau-sua.docx") -> Path:
    """The report template with the closing paragraph's text replaced by
    ``runs``, one Word run each (as Word splits text it has reformatted)."""
    document = docx.Document(str(TEMPLATE_DIR / "bao-cao-ket-qua.docx"))
    target = next(p for p in document.paragraphs if p.text == "{{ closing }}")
    first = target.runs[0]
    for r in target.runs[1:]:
        r._r.getparent().remove(r._r)
    first.text = runs[0]
    anchor = first._r
    for text in runs[1:]:
        clone = copy.deepcopy(first._r)
        anchor.addnext(clone)
        anchor = clone
        clone.find(docx.oxml.ns.qn("w:t")).text = text
    path = tmp_path / name
    document.save(str(path))
    return path


def _render(path: Path):
    result = build_draft(_data(), meta_from_dict({"doc_type": "BC"}), str(path))
    buf = io.BytesIO()
    result.save(buf)
    buf.seek(0)
    return docx.Document(buf)


def test_a_users_wording_in_the_template_is_rendered(tmp_path):
    path = _edited(tmp_path, ["Kính trình lãnh đạo {{ issuer }} xem xét./."])
    texts = [p.text for p in _render(path).paragraphs]
    assert "Kính trình lãnh đạo Văn phòng UBND tỉnh xem xét./." in texts


def test_a_tag_word_split_across_runs_still_renders(tmp_path):
    path = _edited(tmp_path, ["Ký: {{ sig", "ner", " }} hết."])
    meta = meta_from_dict({"doc_type": "BC", "signer": "Lê Thanh Bình"})
    result = build_draft(_data(), meta, str(path))
    texts = [p.text for p in result.document.paragraphs]
    assert "Ký: Lê Thanh Bình hết." in texts


def test_unknown_variable_names_the_template_and_the_tag(tmp_path):
    path = _edited(tmp_path, ["Trân trọng {{ nguoi_ky }}./."])
    with pytest.raises(TemplateProblem) as err:
        _render(path)
    message = str(err.value)
    assert "mau-sua.docx" in message and "'nguoi_ky'" in message and "không có trong dữ liệu" in message


def test_broken_tag_names_the_paragraph_and_what_to_fix(tmp_path):
    path = _edited(tmp_path, ["Trân trọng {{ signer }./."])
    with pytest.raises(TemplateProblem) as err:
        _render(path)
    message = str(err.value)
    assert "mau-sua.docx" in message and "{{ signer }" in message and "thiếu dấu đóng" in message


def test_unclosed_block_says_which_block_is_missing_its_end(tmp_path):
    path = _edited(tmp_path, ["{% if signer %}Trân trọng./."])
    with pytest.raises(TemplateProblem) as err:
        _render(path)
    assert "mau-sua.docx" in str(err.value) and "{% endif %}" in str(err.value)


def test_word_smart_quotes_inside_a_tag_are_read_as_plain_quotes(tmp_path):
    path = _edited(tmp_path, ["{{ “Trân trọng” }}./."])
    assert "Trân trọng./." in [p.text for p in _render(path).paragraphs]


def test_the_sandbox_refuses_python_internals(tmp_path):
    path = _edited(tmp_path, ["{{ body.__class__.__mro__[1].__subclasses__() }}"])
    with pytest.raises(TemplateProblem) as err:
        _render(path)
    assert "mau-sua.docx" in str(err.value)


def test_cli_reports_a_broken_template_with_exit_2_and_writes_nothing(tmp_path):
    path = _edited(tmp_path, ["Trân trọng {{ nguoi_ky }}./."])
    out = tmp_path / "ra.docx"
    env = {k: v for k, v in os.environ.items() if k != "REPORTGEN_DEBUG"}
    proc = subprocess.run([sys.executable, "-m", "reportgen", "draft", str(SEEDS / "000_1f102cd1bcb19e59.txt"),
                           "--template", str(path), "-o", str(out)], capture_output=True, text=True, env=env)
    assert proc.returncode == 2
    assert "nguoi_ky" in proc.stderr and "Traceback" not in proc.stderr
    assert not out.exists() and list(tmp_path.glob(".ra.docx*")) == []
