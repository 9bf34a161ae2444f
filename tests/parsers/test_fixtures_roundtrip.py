"""Every DOCX and XLSX rendition of a seed reads back as the seed's text does:
the same tables, rows, unit names and values (100% of cells), and the same
error-level findings (the planted slips survive the rendition)."""
from __future__ import annotations

import zipfile

import pytest

from fixtures.build import SCORE_SEEDS, build_all, seed_path
from parsers import read_raw
from reportgen.read import read_path
from reportgen.verify import verify_path


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_all(tmp_path_factory.mktemp("renditions"))


def _cells(report) -> list[tuple]:
    """Every value the reader took from the tables, with where it sits."""
    out = []
    for t, table in enumerate(report.tables):
        out.append((t, "table", table.kind, table.scheme, tuple(c.key for c in table.columns)))
        for r, row in enumerate(table.rows):
            base = (t, r, row.unit)
            out.append(base + ("no", row.no))
            out.append(base + ("section", row.section))
            for key, value in row.scores.items():
                out.append(base + (key, value))
            for name in ("total", "max", "percent", "grade"):
                out.append(base + (name, getattr(row, name)))
            for key, value in row.extra.items():
                out.append(base + ("extra:" + key, value))
    return out


@pytest.mark.parametrize("seed", SCORE_SEEDS)
@pytest.mark.parametrize("rendition", ["docx", "xlsx"])
def test_rendition_reads_back_every_cell_of_the_seed(built, seed, rendition):
    expected = _cells(read_path(seed_path(seed)))
    got = _cells(read_path(built[seed][rendition]))
    assert len(expected) > 20
    missing = [c for c in expected if c not in got]
    extra = [c for c in got if c not in expected]
    assert (missing, extra) == ([], [])


def _errors(path, tables_only: bool) -> list[tuple]:
    findings = verify_path(path)
    findings = findings[1] if isinstance(findings, tuple) else getattr(findings, "findings", findings)
    return sorted((f.code, f.unit or "", f.column or "", f.reported or "", f.expected or "")
                  for f in findings if f.severity == "error" and (f.table is not None or not tables_only))


@pytest.mark.parametrize("seed", SCORE_SEEDS)
def test_renditions_report_the_seeds_errors(built, seed):
    assert _errors(built[seed]["docx"], False) == _errors(seed_path(seed), False)
    # The workbook holds the score sheets only, so only the table errors.
    assert _errors(built[seed]["xlsx"], True) == _errors(seed_path(seed), True)


def test_the_planted_slips_are_in_the_renditions(built):
    slips = {("002", "docx"): ["58,69/85", "8.32", "11,5"], ("000", "docx"): ["57,91/62"]}
    for (seed, kind), texts in slips.items():
        cells = [c.text for t in read_raw(built[seed][kind]).tables for r in t.rows for c in r]
        for text in texts:
            assert text in cells
    sheet = read_raw(built["002"]["xlsx"])
    typed = {c.text: c.value for t in sheet.tables for r in t.rows for c in r}
    assert typed["8.32"] is None  # typed as text, as the office did
    assert str(typed["11,5"]) == "11.5"


def test_the_docx_is_laid_out_as_offices_do(built):
    raw = read_raw(built["002"]["docx"])
    table = next(raw.tables)
    assert table.header_rows == 2
    top = {c.text: (c.rowspan, c.colspan) for c in table.rows[0]}
    assert top["Nhóm công khai, minh bạch"] == (1, 3)
    assert top["STT"] == (2, 1)
    assert top["TỔNG ĐIỂM ĐẠT ĐƯỢC"] == (2, 1)
    group_row = table.rows[2]
    assert [(c.text, c.colspan) for c in group_row][:1] == [("I", 1)]
    assert group_row[1].colspan == table.n_cols - 2  # spans the table up to the empty trailing column
    assert all(not r[-1] for r in table.grid()[2:])  # the empty trailing column
    grades = [row[-2] for row in table.grid()[3:]]
    assert "XS" in grades and "Trung bình" in grades
    with zipfile.ZipFile(built["002"]["docx"]) as zf:
        xml = zf.read("word/document.xml").decode()
    assert xml.count('w:orient="landscape"') == 1
    assert "<w:t>Trung</w:t>" in xml and "<w:t>bình</w:t>" in xml
    assert all(w in xml for w in ("<w:t>TỔNG</w:t>", "<w:t>ĐIỂM</w:t>", "<w:t>ĐẠT</w:t>", "<w:t>ĐƯỢC</w:t>"))


def test_the_workbook_has_a_two_row_merged_header_and_sum_formulas(built):
    raw = read_raw(built["000"]["xlsx"])
    assert [s["name"] for s in raw.properties["sheets"]] == ["Phụ lục I", "Phụ lục II"]
    table = next(raw.tables)
    groups = {c.text: (c.rowspan, c.colspan) for c in table.rows[0]}
    assert groups["Nhóm công khai, minh bạch"] == (1, 4)
    assert groups["TÊN CƠ QUAN, ĐƠN VỊ"] == (2, 1)
    import openpyxl

    ws = openpyxl.load_workbook(built["002"]["xlsx"])["Phụ lục"]
    formulas = [c.value for row in ws.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("=SUM(")]
    assert len(formulas) == 21  # one per commune, whose total is a plain number


def test_builds_are_reproducible(built, tmp_path):
    again = build_all(tmp_path)
    for seed, files in built.items():
        for kind, path in files.items():
            assert path.read_bytes() == again[seed][kind].read_bytes(), (seed, kind)
