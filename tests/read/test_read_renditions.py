"""The same appendix read from DOCX and from the PDF LibreOffice makes of it
gives the same rows as the text seed: header interpretation is shared."""
from __future__ import annotations

import importlib.util
import sys
from decimal import Decimal as D

import pytest

from reportgen.read import read_path

from support import ROOT


def _build_pdf():
    spec = importlib.util.spec_from_file_location("build_pdf", ROOT / "fixtures" / "build_pdf.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_pdf", module)
    spec.loader.exec_module(module)
    return module


def _columns(build):
    Column = build.Column
    cols = [Column("STT", None, 1.0), Column("Tên đơn vị", None, 4.0)]
    groups = [("Nhóm công khai, minh bạch", ("Chỉ số 1 (5đ)", "Chỉ số 2 (5đ)", "Chỉ số 3 (10đ)")),
              (None, ("Tiến độ, KQ giải quyết (30đ)",)),
              ("Cung cấp DVCTT", ("Chỉ số 1 (10đ)", "Chỉ số 2 (10đ)")),
              ("Số hóa hồ sơ", ("Chỉ số 1 (5đ)", "Chỉ số 2 (10đ)")),
              ("Mức độ hài lòng", ("Chỉ số 1 (5đ)", "Chỉ số 2 (5đ)", "Chỉ số 3 (5đ)"))]
    cols += [Column(label, group) for group, labels in groups for label in labels]
    return cols + [Column("Tổng điểm đạt được", None, 1.6), Column("Tổng điểm quy đổi", None, 1.4),
                   Column("Xếp loại", None, 1.6)]


def _rows_of_seed_002(copies: int) -> list[list[str]]:
    table = read_path(next((ROOT / "fixtures" / "seeds").glob("002_*.txt"))).tables[0]
    keys = [c.key for c in table.columns]
    rows = []
    for r in table.rows:
        if r.no == "1":
            rows.append([r.section, r.section_title])
        rows.append([r.no, r.unit] + [r.raw[k] for k in keys] + [r.raw["total"], r.raw["percent"], r.raw["grade"]])
    return rows * copies


@pytest.fixture(scope="module")
def renditions(tmp_path_factory):
    build = _build_pdf()
    out = tmp_path_factory.mktemp("renditions")
    docx = build.appendix_docx(out / "bc002.docx", "Phụ lục KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI", _columns(build),
                               _rows_of_seed_002(copies=3))
    (pdf,) = build.libreoffice_pdfs([docx], out)
    return docx, pdf


@pytest.mark.slow
@pytest.mark.parametrize("which", [0, 1], ids=["docx", "pdf"])
def test_seed_002_appendix_reads_the_same_from_docx_and_pdf(renditions, which):
    report = read_path(renditions[which])
    (table,) = report.tables
    assert (table.kind, table.scheme) == ("scores", "dienbien-2023")
    assert len(table.rows) == 78  # three copies of the 26 units, across pages
    assert [r.section for r in table.rows[:26]].count("II") == 21
    qldd = table.rows[0]
    assert (qldd.unit, qldd.total, qldd.max, qldd.percent, qldd.grade) == (
        "Trung tâm QLĐĐ", D("58.69"), D("85"), D("69.34"), "Trung bình")
    nua_ngam = next(r for r in table.rows if r.unit == "UBND xã Núa Ngam")
    assert (nua_ngam.scores["sh2"], nua_ngam.grade, nua_ngam.max) == (D("11.5"), "Xuất sắc", None)
    slips = [f for f in report.read_findings if f.code == "NUMBER_FORMAT"]
    # One finding per column (the three copies of Phòng Tư pháp's 8.32), quoting the number.
    assert [(f.column, f.reported) for f in slips] == [("dv1", "8.32")]
    assert slips[0].message.startswith("3 số ở cột “DVCTT - Chỉ số 1”")
    assert slips[0].message.count("Phòng Tư pháp: “8.32”") == 3


@pytest.mark.slow
def test_the_pdf_as_layout_text_reads_the_same(renditions, tmp_path):
    import subprocess

    text = tmp_path / "bc002.txt"
    subprocess.run(["pdftotext", "-layout", str(renditions[1]), str(text)], check=True, timeout=120)
    (table,) = read_path(text).tables
    assert (table.kind, table.scheme, len(table.rows)) == ("scores", "dienbien-2023", 78)
    assert [r.section for r in table.rows[:26]] == ["I"] * 5 + ["II"] * 21
    labour = table.rows[3]
    assert (labour.unit, labour.total, labour.max, labour.grade) == (
        "Phòng Lao động - Thương binh và Xã hội", D("69.8"), D("75"), "Xuất sắc")
    qldd = table.rows[0]
    assert (qldd.total, qldd.max, qldd.percent, qldd.grade) == (D("58.69"), D("85"), D("69.34"), "Trung bình")
