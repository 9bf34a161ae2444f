"""Constants and helpers shared by the tests of every area (tests/<area>/):
the checkout's folders, the seeds, and running ``reportgen`` as a user would,
in its own process."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent      # the checkout
TESTS = ROOT / "tests"
SEEDS = ROOT / "fixtures" / "seeds"
REAL = ROOT / "fixtures" / "reference" / "real"
DATA = TESTS / "data"                                # contract snapshots, unseen layouts
RULE_FIXTURES = TESTS / "checks"                     # tests/checks/<rule-name>/
S000 = str(SEEDS / "000_1f102cd1bcb19e59.txt")
S002 = str(SEEDS / "002_e186587f0db7be84.txt")


def reportgen(*args, cwd=None, env: dict | None = None, timeout: float | None = None) -> subprocess.CompletedProcess:
    """``python3 -m reportgen ARGS`` in a new process: text output captured,
    the user's REPORTGEN_DEBUG and REPORTGEN_DB left out (``env`` adds to the
    rest), arguments given as paths or numbers turned into strings."""
    base = {k: v for k, v in os.environ.items() if k not in ("REPORTGEN_DEBUG", "REPORTGEN_DB")}
    return subprocess.run([sys.executable, "-m", "reportgen", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env={**base, **(env or {})}, timeout=timeout)


def with_paragraph_replaced(raw, paragraph: int, old: str, new: str):
    """A copy of a raw document whose paragraph ``paragraph`` has its one
    ``old`` replaced by ``new`` (a mutation of a real file, made in memory)."""
    import copy
    from dataclasses import replace

    from reportgen.raw import RawParagraph

    blocks = list(raw.blocks)
    for k, b in enumerate(blocks):
        if isinstance(b, RawParagraph) and b.index == paragraph:
            assert b.text.count(old) == 1, (old, b.text)
            blocks[k] = replace(b, text=b.text.replace(old, new))
            out = copy.copy(raw)
            out.blocks = blocks
            return out
    raise AssertionError(f"no paragraph {paragraph}")


def with_cell_replaced(raw, old: str, new: str, row_holding: str):
    """A copy of a raw document where the one cell reading ``old`` in the
    table row that holds a cell reading ``row_holding`` reads ``new`` (a
    mutation of a real file's table, made in memory)."""
    import copy
    from dataclasses import replace

    out = copy.deepcopy(raw)
    for table in out.tables:
        for cells in table.rows:
            if not any(c.text.strip() == row_holding for c in cells):
                continue
            hits = [k for k, c in enumerate(cells) if c.text.strip() == old]
            if len(hits) == 1:
                cells[hits[0]] = replace(cells[hits[0]], text=new)
                return out
    raise AssertionError(f"no row holding {row_holding!r} with one cell {old!r}")


def set_cell_text(cell, text: str) -> None:
    """Write ``text`` into a python-docx table cell as a clerk retyping it
    would: in the cell's first run, so its font stays; the other runs emptied."""
    runs = [run for p in cell.paragraphs for run in p.runs]
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def write_docx_table(path, title: str, head: list[str], lines: list[list[str]]) -> None:
    """A DOCX of one titled table as python-docx writes it: ``head`` then ``lines``."""
    write_docx_tables(path, [], [(title, head, lines)])


def write_docx_tables(path, prose: list[str], tables: list[tuple[str, list[str], list[list[str]]]],
                      after: list[str] = ()) -> None:
    """A DOCX of paragraphs ``prose`` then titled tables (title, head, lines), as python-docx writes them,
    then paragraphs ``after`` (a signature); an empty title writes no paragraph (the table right under the
    prose)."""
    from docx import Document

    doc = Document()
    for text in prose:
        doc.add_paragraph(text)
    for title, head, lines in tables:
        if title:
            doc.add_paragraph(title)
        table = doc.add_table(rows=1, cols=len(head))
        for i, text in enumerate(head):
            table.cell(0, i).text = text
        for line in lines:
            cells = table.add_row().cells
            for i, text in enumerate(line):
                cells[i].text = text
    for text in after:
        doc.add_paragraph(text)
    doc.save(path)
