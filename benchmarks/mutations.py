"""Generated mutations: change one figure of a document (a score, a total, a
percent, a grade, a rank) in the file itself — the DOCX cell, the text line —
and see whether ``verify`` names that row and column.

Which cells: every cell of a numeric table that the relations checked on the
unchanged document (the coverage ledger), so a mutation tests a relation the
engine claims to verify. How: a number is changed by a clear amount and
written back in the column's own form (separators, decimals, ``%``); a rank
moves three places; a grade becomes another grade of the same table.

Used by ``tests/checks/test_relations_mutations.py`` (a sample) and
``benchmarks/bench_verify.py`` (all of them).
"""
from __future__ import annotations

import random
import re
import shutil
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from reportgen.checks import CheckContext, run_checks
from reportgen.checks.relations_frame import grade_level
from reportgen.checks.relations_support import frames
from reportgen.read import read_path


@dataclass
class Mutation:
    path: Path  # the unchanged document
    table: int  # report table index
    raw_table: int | None
    raw_row: int | None
    col: int
    key: str
    label: str  # column header words
    unit: str  # the row's label
    old: str
    new: str
    kind: str  # 'number', 'rank', 'grade'


def _unit(label: str) -> str:
    from reportgen.checks.relations_support import short

    return short(label)


def changed_number(text: str, seed: int) -> str | None:
    """``text`` with its (first) number changed clearly, written alike."""
    m = re.search(r"\d[\d.,]*", text)
    if not m:
        return None
    token = m.group(0).rstrip(".,")
    comma = "," in token and (token.count(",") == 1 and len(token.split(",")[1]) != 3 or "." in token)
    dec_sep = "," if comma or ("." not in token) else "."
    if "," in token and "." in token:
        dec_sep = "," if token.rfind(",") > token.rfind(".") else "."
    digits = token
    decimals = 0
    if dec_sep in token and token.count(dec_sep) == 1 and not (dec_sep == "." and len(token.split(".")[1]) == 3
                                                               and "," not in token):
        head, tail = token.split(dec_sep)
        decimals = len(tail)
        digits = head.replace(".", "").replace(",", "") + "." + tail
    else:
        digits = token.replace(".", "").replace(",", "")
    value = Decimal(digits)
    rnd = random.Random(seed)
    factor = Decimal(rnd.choice(["0.7", "0.8", "1.15"]))
    new = value * factor + (Decimal(1) if value < 10 else Decimal(3))
    if "%" in text and new > 100:
        new = value * Decimal("0.7")
    if decimals:
        new = new.quantize(Decimal(1).scaleb(-decimals))
        s = format(new, "f")
        s = s.replace(".", dec_sep)
    else:
        s = str(int(new))
        if int(new) >= 1000 and re.search(r"\d\.\d{3}", token):
            s = f"{int(new):,}".replace(",", ".")
    return text[:m.start()] + s + text[m.start() + len(token):]


def candidates(path: Path, limit: int | None = None, seed: int = 0) -> list[Mutation]:
    report = read_path(path)
    ctx = CheckContext()
    run_checks(report, ctx)
    out = []
    for frame in frames(report):
        entry = ctx.ledger.tables.get(frame.table.index)
        if entry is None or not entry.checked_cells:
            continue
        grid = frame.table.grid
        grades = sorted({r.grade_text for r in frame.rows if r.grade_text})
        for row in frame.rows:
            if row.kind not in ("unit", "stat"):
                continue
            for col in frame.cols:
                checked = row.report_row is None or (row.report_row, col.key) in entry.checked_cells
                if not checked:
                    continue
                src = grid.rows[row.i] if grid is not None else None
                text = src.cells[col.index] if src is not None and col.index < len(src.cells) else None
                if text is None and grid is None:
                    text = frame.table.rows[row.report_row].raw.get(col.key) if row.report_row is not None else None
                if not text:
                    continue
                kind = "grade" if col.kind == "grade" else "rank" if col.kind == "rank" else \
                    "number" if col.kind == "num" and col.index in row.cells else None
                if kind is None:
                    continue
                if kind == "grade":
                    others = [g for g in grades if grade_level(g) and grade_level(g)[0] != row.grade]
                    if not others:
                        continue
                    # Two levels off when the table has them (a clear slip), else the next one.
                    others.sort(key=lambda g: -abs(grade_level(g)[0] - row.grade))
                    new = others[0]
                elif kind == "rank":
                    c = row.cells.get(col.index)
                    if c is None or c.denominator is not None:
                        continue
                    n = len(frame.units)
                    r = int(c.value)
                    new = str(r + 3 if r + 3 <= n else max(1, r - 3))
                else:
                    new = changed_number(text, hash((str(path), row.i, col.index, seed)) & 0xFFFF)
                if not new or new == text:
                    continue
                out.append(Mutation(path, frame.table.index, src.raw_table if src else None,
                                    src.raw_row if src else None, col.index, col.key, col.label,
                                    _unit(row.label), text, new, kind))
    rnd = random.Random(seed)
    rnd.shuffle(out)
    return out[:limit] if limit else out


# -------------------------------------------------------------------------- writing

def write_mutated(m: Mutation, out_dir: Path) -> Path:
    suffix = m.path.suffix.lower()
    if suffix in (".docx", ".doc"):
        return _docx(m, out_dir)
    if suffix in (".txt", ".md"):
        return _text(m, out_dir)
    raise ValueError(f"no mutation writer for {suffix}")


def _docx(m: Mutation, out_dir: Path) -> Path:
    import docx

    doc = docx.Document(str(m.path))
    table = doc.tables[m.raw_table]
    cell = _cell_by_text(table, m)
    if cell is None:
        try:
            cell = table.cell(m.raw_row, m.col)
        except IndexError as exc:  # an irregular grid python-docx cannot address
            raise ValueError("cell out of python-docx's grid") from exc
    from docx.oxml.ns import qn

    texts = [t for t in cell._tc.iter(qn("w:t"))]  # every run, also inside w:ins, w:hyperlink, w:smartTag
    if not texts:
        raise ValueError("empty cell")
    whole = "".join(t.text or "" for t in texts)
    if m.old.strip() not in whole:
        raise ValueError("cell text differs from the parser's")
    texts[0].text = whole.replace(m.old.strip(), m.new.strip(), 1)
    for t in texts[1:]:
        t.text = ""
    target = out_dir / (m.path.stem + ".docx")
    doc.save(str(target))
    return target


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
        report = read_path(path)
        findings = run_checks(report, CheckContext())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    errors = [f for f in findings if f.severity == "error"]
    named = [f for f in errors if f.unit == m.unit and (f.column == m.key or _mentions(f.message, m.label))]
    return bool(named), errors


def _mentions(message: str, label: str) -> bool:
    from reportgen.checks.relations_support import short

    return short(label, 50) in message or label in message
