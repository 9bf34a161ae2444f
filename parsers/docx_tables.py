"""DOCX tables → RawTables.

Cells stand at their true grid position with ``colspan`` (``w:gridSpan``,
legacy ``w:hMerge``) and ``rowspan`` (``w:vMerge`` restart/continue), rows
shifted by ``w:gridBefore``; ``header_rows`` = the leading rows marked
``w:tblHeader``. A cell's text is its lines joined with the setting
``cell_line_separator``; a table nested in a cell is flattened into the
cell's lines. A layout table (at most two columns, few rows, no cell that
is a number, :mod:`parsers.layout_tables`) is given as paragraphs by the
walk.
"""
from __future__ import annotations

from reportgen.raw import RawCell, RawTable

from .docx_paragraphs import Line, Walk, lines_in
from .docx_xml import VAL, cells_of, flag, int_attr, q, rows_of


def read_table(tbl, walk: Walk) -> tuple[RawTable, dict, list[list[list[Line]]]]:
    table = RawTable(index=-1)
    where: dict = {}
    cell_lines: list[list[list[Line]]] = []
    active: dict[int, RawCell] = {}  # column → cell whose vertical merge is open
    header_rows = 0
    counting_header = True
    for r, tr in enumerate(rows_of(tbl)):
        trpr = tr.find(q("trPr"))
        is_header = trpr is not None and flag(trpr, "tblHeader") is True
        if counting_header and is_header:
            header_rows += 1
        else:
            counting_header = False
        col = int_attr(trpr, "gridBefore", 0)
        row_cells: list[RawCell] = []
        row_lines: list[list[Line]] = []
        touched: set[int] = set()
        last: RawCell | None = None
        for tc in cells_of(tr):
            tcpr = tc.find(q("tcPr"))
            span = max(int_attr(tcpr, "gridSpan", 1), 1)
            vmerge = hmerge = None
            if tcpr is not None:
                vm = tcpr.find(q("vMerge"))
                if vm is not None:
                    vmerge = "restart" if vm.get(VAL) == "restart" else "continue"
                hm = tcpr.find(q("hMerge"))
                if hm is not None:
                    hmerge = "restart" if hm.get(VAL) == "restart" else "continue"
            lines = [ln for ln in lines_in(tc, walk) if ln.text]
            text = walk.settings.cell_line_separator.join(ln.text for ln in lines)
            if hmerge == "continue" and last is not None:
                last.colspan += span
                col += span
                continue
            origin = active.get(col)
            if vmerge == "continue" and origin is not None:
                origin.rowspan = r - origin.row + 1
                if text:
                    origin.text = f"{origin.text}\n{text}" if origin.text else text
                touched.update(range(col, col + span))
                for c in range(col, col + span):
                    where[(r, c)] = tc
                col += span
                continue
            cell = RawCell(text=text, row=r, col=col, colspan=span)
            row_cells.append(cell)
            row_lines.append(lines)
            for c in range(col, col + span):
                where[(r, c)] = tc
                active.pop(c, None)
                touched.add(c)
            if vmerge == "restart":
                active[col] = cell
            last = cell
            col += span
        for c in list(active):
            if c not in touched:
                del active[c]
        table.rows.append(row_cells)
        cell_lines.append(row_lines)
    table.header_rows = header_rows or None
    return table, where, cell_lines
