"""Generated mutations: change one figure of a document (a score, a total, a
percent, a rank, a grade, a maximum, a count, a statistics row) in the file
itself — the DOCX cell (python-docx), the XLSX cell (openpyxl), the text
line; a PDF rendition is the mutated DOCX converted by LibreOffice — and see
whether ``verify`` names that row.

Which cells: every cell of a numeric table that a relation checked on the
unchanged document (the coverage ledger), so each mutation tests a relation
the engine claims to verify. How: a number is changed by a clear amount and
written back in the column's own form (separators, decimals, ``%``); the
maximum of an ``x/y`` cell is changed as well as its value; a rank moves
three places; a grade becomes another grade of the same table.

Scoring against the unchanged document's findings (what is new):
- caught: a new error names the mutated row (its unit) in that table;
- elsewhere: a new error in that table names another row (the other end of
  the relation, e.g. the "Tổng cộng" row for a changed part);
- warned: only new warnings (or infos) in that table or at that row;
- missed: nothing new.

Which cells and how to score here; writing a mutation into its file and
running ``verify`` on it in ``mutations_apply.py``. Used by
``tests/checks/test_relations_mutations.py`` (a sample) and
``benchmarks/bench_verify.py`` (all of them).
"""
from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from reportgen.checks import CheckContext, run_checks
from reportgen.checks.relations_frame import ColKind, RowKind
from reportgen.checks.relations_grade_words import grade_level
from reportgen.checks.relations_support import frames, short
from reportgen.read import read_path

KINDS = ("score", "percent", "total", "maximum", "count", "rank", "grade", "statistic")
OUTCOMES = ("caught", "elsewhere", "warned", "missed")
BOUNDS = frozenset({"value-at-most-header-max", "value-at-most-row-max", "percent-at-most-100", "score-max",
                    "fraction-bound"})
_TOTAL = re.compile(r"tổng|cộng|chung", re.I)


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
    kind: str  # one of KINDS
    relations: frozenset = frozenset()  # the relations the unchanged document verified over the cell

    @property
    def bound_only(self) -> bool:
        """Only a bound covers the cell (≤ 100 %, ≤ its maximum): a change
        that stays within it breaks nothing the document states."""
        return bool(self.relations) and self.relations <= BOUNDS


def _unit(label: str) -> str:
    return short(label)


def _token(text: str, last: bool = False) -> re.Match | None:
    found = list(re.finditer(r"\d[\d.,]*", text))
    return (found[-1] if last else found[0]) if found else None


def changed_number(text: str, seed: int, last: bool = False) -> str | None:
    """``text`` with its first (or last) number changed clearly, written alike."""
    m = _token(text, last)
    if not m:
        return None
    token = m.group(0).rstrip(".,")
    comma = "," in token and (token.count(",") == 1 and len(token.split(",")[1]) != 3 or "." in token)
    dec_sep = "," if comma or ("." not in token) else "."
    if "," in token and "." in token:
        dec_sep = "," if token.rfind(",") > token.rfind(".") else "."
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


def kind_of(frame, row, col, cell) -> str:
    if col.kind == ColKind.GRADE:
        return "grade"
    if col.kind == ColKind.RANK:
        return "rank"
    if row.kind == RowKind.STAT:
        return "total" if row.stat in ("sum", "overall") else "statistic"
    if col.role == "percent":
        return "percent"
    if col.role == "max":
        return "maximum"
    if col.key == "total" or _TOTAL.search(col.label):
        return "total"
    label = row.label.casefold().lstrip() if len(frame.nums()) == 1 else ""  # a statistics table: what the row is
    if label.startswith(("tỷ lệ", "tỉ lệ")):
        return "percent"
    if label.startswith(("số ", "tổng số", "số lượng")):
        return "count" if not label.startswith("tổng") else "total"
    if cell is not None and col.precision == 0 and cell.value == cell.value.to_integral_value() \
            and not cell.denominator and col.max is None and not frame.table.scheme:
        return "count"
    return "score"


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
            if row.kind not in (RowKind.UNIT, RowKind.STAT):
                continue
            for col in frame.cols:
                # the table's own (row, key) of the cell: a table turned when read maps its grid cells
                at = frame.cell_key(row, col) if row.report_row is None else (row.report_row, col.key)
                checked = at is None or at in entry.checked_cells
                if not checked:
                    continue
                src = grid.rows[row.i] if grid is not None else None
                text = src.cells[col.index] if src is not None and col.index < len(src.cells) else None
                if text is None and grid is None:
                    text = frame.table.rows[row.report_row].raw.get(col.key) if row.report_row is not None else None
                if not text:
                    continue
                cell = row.cells.get(col.index)
                if col.kind not in (ColKind.GRADE, ColKind.RANK) and not (col.kind == ColKind.NUM and cell is not None):
                    continue
                h = zlib.crc32(f"{path.name}|{row.i}|{col.index}|{seed}".encode())
                news = _new_texts(frame, row, col, cell, text, grades, h)
                for k, new in news:
                    if not new or new == text:
                        continue
                    out.append(Mutation(path, frame.table.index, src.raw_table if src else None,
                                        src.raw_row if src else None, col.index, col.key, col.label,
                                        _unit(row.label), text, new, k,
                                        frozenset(entry.cell_relations.get(at or (row.report_row, col.key), ()))))
    rnd = random.Random(seed)
    rnd.shuffle(out)
    return out[:limit] if limit else out


def _new_texts(frame, row, col, cell, text: str, grades: list[str], h: int) -> list[tuple[str, str | None]]:
    """(kind, new text) for one cell: another grade, a rank three places off,
    a number changed clearly (and the maximum of an ``x/y`` cell)."""
    kind = kind_of(frame, row, col, cell)
    if kind == "grade":
        others = [g for g in grades if grade_level(g) and grade_level(g)[0] != row.grade]
        # Two levels off when the table has them (a clear slip), else the next one.
        others.sort(key=lambda g: -abs(grade_level(g)[0] - row.grade))
        return [(kind, others[0])] if others else []
    if kind == "rank":
        if cell is None or cell.denominator is not None:
            return []
        n, r = len(frame.units), int(cell.value)
        return [(kind, str(r + 3 if r + 3 <= n else max(1, r - 3)))]
    h &= 0xFFFF
    out = [(kind, changed_number(text, h))]
    if cell is not None and cell.denominator is not None and len(re.findall(r"\d[\d.,]*", text)) == 2:
        out.append(("maximum", changed_number(text, h + 1, last=True)))
    return out


# -------------------------------------------------------------------------- scoring

def _key(f) -> tuple:
    return (f.code, str(f.severity), f.unit, f.column, f.reported)


def outcome(m: Mutation, baseline: list, findings: list, same_table: bool = True) -> str:
    """caught / elsewhere / warned / missed (see the module docstring);
    ``same_table`` False for a rendition whose tables may be numbered otherwise."""
    known = {_key(f) for f in baseline}
    new = [f for f in findings if _key(f) not in known]
    here = [f for f in new if not same_table or f.table == m.table]
    errors = [f for f in here if f.severity == "error"]
    if any(f.unit == m.unit for f in errors):
        return "caught"
    if errors:
        return "elsewhere"
    if here or any(f.unit == m.unit for f in new):
        return "warned"
    return "missed"


def verify_findings(path: Path) -> list:
    report = read_path(path)
    return run_checks(report, CheckContext())
