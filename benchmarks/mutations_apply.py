"""Applying a mutation (``mutations.py``): writing its new text over the old
in a copy of the file itself — the DOCX cell (python-docx; the cell found by
its grid position, else by its text), the XLSX cell (openpyxl), the text
line — and running ``verify`` on that copy (:func:`run`).
"""
from __future__ import annotations

import re
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path

from reportgen.checks.relations_support import short

from mutations import Mutation, verify_findings


def write_mutated(m: Mutation, out_dir: Path, stem: str | None = None) -> Path:
    suffix = m.path.suffix.lower()
    if suffix in (".docx", ".doc"):
        return _docx(m, out_dir, stem)
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx(m, out_dir, stem)
    if suffix in (".txt", ".md"):
        return _text(m, out_dir)
    raise ValueError(f"no mutation writer for {suffix}")


def _docx(m: Mutation, out_dir: Path, stem: str | None = None) -> Path:
    import docx
    from docx.oxml.ns import qn

    doc = docx.Document(str(m.path))
    tc = _tc_by_grid(doc, m)
    if tc is None:
        table = doc.tables[m.raw_table] if m.raw_table is not None and m.raw_table < len(doc.tables) else None
        cell = _cell_by_text(table, m) if table is not None else None
        if cell is None:
            raise ValueError("cell not found in the DOCX")
        tc = cell._tc
    texts = [t for t in tc.iter(qn("w:t"))]  # every run, also inside w:ins, w:hyperlink, w:smartTag
    if not texts:
        raise ValueError("empty cell")
    _rewrite(texts, m)
    target = out_dir / ((stem or m.path.stem) + ".docx")
    doc.save(str(target))
    return target


def _rewrite(texts, m: Mutation) -> None:
    """Write ``m.new`` over ``m.old`` in the runs of a cell: the whole text
    when it reads alike, else only the number that differs (a cell of two
    paragraphs "8,56/" and "12" reads "8,56/ 12" to the parser)."""
    whole = "".join(t.text or "" for t in texts)
    if m.old.strip() in whole:
        texts[0].text = whole.replace(m.old.strip(), m.new.strip(), 1)
        for t in texts[1:]:
            t.text = ""
        return
    if _squash(whole) != _squash(m.old):
        raise ValueError("cell text differs from the parser's")
    old_n, new_n = _NUM.findall(m.old), _NUM.findall(m.new)
    diff = [k for k, (a, b) in enumerate(zip(old_n, new_n)) if a != b]
    if len(old_n) != len(new_n) or len(diff) != 1:
        raise ValueError("no single number changed")
    k = diff[0]
    # The k-th number of the cell, counted paragraph by paragraph: a number may be split over runs
    # ("9,4" "3" "/"), never over paragraphs; the paragraph's text is rewritten into its first run.
    paragraphs: list[tuple[object, list]] = []  # (w:p, its w:t) in order; the element kept alive to compare
    for t in texts:
        para = _paragraph_of(t)
        if paragraphs and paragraphs[-1][0] is para:
            paragraphs[-1][1].append(t)
        else:
            paragraphs.append((para, [t]))
    for _, runs in paragraphs:
        joined = "".join(t.text or "" for t in runs)
        found = list(_NUM.finditer(joined))
        if k < len(found):
            hit = found[k]
            runs[0].text = joined[:hit.start()] + new_n[diff[0]] + joined[hit.end():]
            for t in runs[1:]:
                t.text = ""
            return
        k -= len(found)
    raise ValueError("number not found in the runs")


def _paragraph_of(t):
    from docx.oxml.ns import qn

    el = t
    while el is not None and el.tag != qn("w:p"):
        el = el.getparent()
    return el


_NUM = re.compile(r"\d[\d.,]*\d|\d")


def _squash(text: str) -> str:
    return "".join(text.split())


def _tc_by_grid(doc, m: Mutation):
    """The ``w:tc`` at the parser's (row, column) — rows and cells through
    their containers, columns shifted by ``w:gridBefore`` and spread by
    ``w:gridSpan`` as the reader counts them — in the table of that index
    among the body's tables, or the one table whose cell there reads ``m.old``."""
    from docx.oxml.ns import qn

    if m.raw_row is None:
        return None
    tables = list(doc.element.body.iter(qn("w:tbl")))
    order = ([tables[m.raw_table]] if m.raw_table is not None and m.raw_table < len(tables) else []) + tables
    want = _squash(m.old)
    for tbl in order:
        tc = _tc_at(tbl, m.raw_row, m.col)
        if tc is not None and _squash("".join(t.text or "" for t in tc.iter(qn("w:t")))) == want:
            return tc
    return None


def _tc_at(tbl, r: int, c: int):
    from docx.oxml.ns import qn

    def kids(el, tag):
        for child in el:
            if child.tag == qn(tag):
                yield child
            elif child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
                yield from kids(child, tag)

    def attr(parent, tag, default):
        el = parent.find(qn(tag)) if parent is not None else None
        try:
            return max(int(el.get(qn("w:val"), default)), 0) if el is not None else default
        except ValueError:
            return default

    rows = list(kids(tbl, "w:tr"))
    if r >= len(rows):
        return None
    tr = rows[r]
    col = attr(tr.find(qn("w:trPr")), "w:gridBefore", 0)
    for tc in kids(tr, "w:tc"):
        span = max(attr(tc.find(qn("w:tcPr")), "w:gridSpan", 1), 1)
        if col <= c < col + span:
            return tc
        col += span
    return None


def _cell_by_text(table, m: Mutation):
    """The one cell of the unit's row that reads ``m.old`` (python-docx's grid
    may not match the parser's where rows skip grid columns)."""
    unit = m.unit.rstrip("…")
    exact = not m.unit.endswith("…")  # a full name must match whole ("Cát Tiên" is not "Cát Tiên 3")
    for row in table.rows:
        cells, seen = [], set()
        for c in row.cells:
            if id(c._tc) not in seen:
                seen.add(id(c._tc))
                cells.append(c)
        names = [" ".join(c.text.split()) for c in cells]
        if not any((n == unit) if exact else n.startswith(unit) for n in names):
            continue
        same = [c for c in cells if " ".join(c.text.split()) == " ".join(m.old.split())]
        return same[0] if len(same) == 1 else None
    return None


def _xlsx(m: Mutation, out_dir: Path, stem: str | None = None) -> Path:
    """The cell of the unit's row on the table's sheet that reads ``m.old``;
    a number stored as a number stays one (written as the new value)."""
    import openpyxl

    wb = openpyxl.load_workbook(str(m.path))
    ws = wb.worksheets[m.raw_table]
    unit = m.unit.rstrip("…")
    exact = not m.unit.endswith("…")
    hit = None
    for row in ws.iter_rows():
        texts = [("" if c.value is None else str(c.value)).strip() for c in row]
        if not any((" ".join(t.split()) == unit) if exact else t.startswith(unit) for t in texts):
            continue
        same = [c for c, t in zip(row, texts) if t == m.old.strip() or _same_number(c.value, m.old)]
        if len(same) == 1:
            hit = same[0]
            break
    if hit is None:
        raise ValueError("cell not found on the sheet")
    if isinstance(hit.value, (int, float)):
        new = m.new.strip().replace(",", ".")
        hit.value = float(new) if "." in new else int(new)
    else:
        hit.value = m.new.strip()
    target = out_dir / ((stem or m.path.stem) + m.path.suffix.lower())
    wb.save(str(target))
    return target


def _same_number(value, text: str) -> bool:
    if not isinstance(value, (int, float)):
        return False
    try:
        return Decimal(str(value)) == Decimal(text.strip().replace(",", "."))
    except ArithmeticError:
        return False


def _text(m: Mutation, out_dir: Path) -> Path:
    lines = m.path.read_text(encoding="utf-8").split("\n")
    done = False
    for k, line in enumerate(lines):
        if m.unit.rstrip("…") and m.unit.rstrip("…") in line and line.count(m.old.strip()) == 1:
            lines[k] = line.replace(m.old.strip(), m.new.strip())
            done = True
            break
    if not done:
        raise ValueError("cell not found in the text")
    target = out_dir / m.path.name
    target.write_text("\n".join(lines), encoding="utf-8")
    return target


def run(m: Mutation) -> tuple[bool, list]:
    """Whether verify names the mutated row and column with an error."""
    tmp = Path(tempfile.mkdtemp(prefix="mut-"))
    try:
        path = write_mutated(m, tmp)
        findings = verify_findings(path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    errors = [f for f in findings if f.severity == "error"]
    named = [f for f in errors if f.unit == m.unit and (f.column == m.key or _mentions(f.message, m.label))]
    return bool(named), errors


def _mentions(message: str, label: str) -> bool:
    return short(label, 50) in message or label in message
