"""The outputs of a whole batch: the summary table's rows, an XLSX workbook
of results and findings (Vietnamese headings) and JSON Lines.

Text from documents goes into the workbook as text, always: a unit name or a
message starting with ``=``, ``+``, ``-`` or ``@`` is stored as a string
cell (never a formula) and shown with a quote prefix, so opening the report
never evaluates anything a document carried.
"""
from __future__ import annotations

import json
import os
from typing import Iterable, Sequence

from .model import JobKind, JobResult

SEVERITY_VI = {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"}
SUMMARY_HEADINGS = ("Tệp", "Kết luận", "Lỗi", "Cảnh báo", "Độ bao phủ", "Giây")
FINDING_COLUMNS = (("Tệp", None), ("Mã", "code"), ("Quy tắc", "rule"), ("Mức", "severity"), ("Bảng", "table"),
                   ("Dòng", "row"), ("Đơn vị", "unit"), ("Cột", "column"), ("Số ghi", "reported"),
                   ("Số đúng", "expected"), ("Trang", "page"), ("Đoạn", "paragraph"), ("Nội dung", "message"))
_FORMULA_START = ("=", "+", "-", "@")


def coverage_text(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value * 100:.0f}%".replace(".", ",")


def seconds_text(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def summary_rows(results: Sequence[JobResult]) -> list[list[str]]:
    """One row per job: file, verdict, errors, warnings, coverage, seconds.
    For imports the third and fourth columns are rows stored and findings."""
    rows = []
    for r in results:
        if r.kind == JobKind.IMPORT:
            a, b = r.counts.get("rows", ""), r.counts.get("findings", "")
        elif r.kind == JobKind.VERIFY:
            a, b = r.counts.get("error", ""), r.counts.get("warning", "")
        else:
            a, b = r.counts.get("documents", r.counts.get("pdfs", "")), ""
        rows.append([r.name, r.verdict, str(a), str(b), coverage_text(r.coverage), seconds_text(r.seconds)])
    return rows


def tally(results: Sequence[JobResult]) -> str:
    """'Tổng cộng 12 tệp: 7 ĐẠT, 3 KHÔNG ĐẠT, 2 KHÔNG ĐỌC ĐƯỢC.'"""
    counts: dict[str, int] = {}
    for r in results:
        counts[r.verdict] = counts.get(r.verdict, 0) + 1
    parts = ", ".join(f"{n} {v}" for v, n in counts.items())
    return f"Tổng cộng {len(results)} tệp: {parts}." if results else "Không có tệp nào."


def worst_exit(results: Iterable[JobResult]) -> int:
    """The batch's exit status: 70 (our bug) before 2 (unreadable) before 1
    before 3 before 0."""
    order = {70: 0, 2: 1, 1: 2, 3: 3, 0: 4}
    return min((r.exit for r in results), key=lambda s: order.get(s, -1), default=0)


def jsonl_lines(results: Sequence[JobResult]) -> Iterable[str]:
    for r in results:
        data = r.to_json()
        data["name"] = r.name
        yield json.dumps(data, ensure_ascii=False)


def _text_cell(ws, row: int, col: int, value) -> None:
    cell = ws.cell(row=row, column=col)
    if value is None:
        return
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        cell.value = value
        return
    text = str(value)
    cell.value = text
    cell.data_type = "s"  # a string, whatever it starts with
    if text.startswith(_FORMULA_START):
        from openpyxl.styles import Alignment

        cell.quotePrefix = True
        cell.alignment = Alignment(wrap_text=False)


def write_xlsx(results: Sequence[JobResult], path: str | os.PathLike) -> None:
    """Two sheets: 'Tổng hợp' (one row per file, with the error message of a
    failed job) and 'Phát hiện' (every finding of every file). Written
    atomically."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from ..files import atomic_path

    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    headings = [*SUMMARY_HEADINGS, "Lỗi khi xử lý", "Đường dẫn"]
    for c, h in enumerate(headings, start=1):
        ws.cell(row=1, column=c, value=h).font = Font(bold=True)
    for i, (r, cells) in enumerate(zip(results, summary_rows(results)), start=2):
        values = [cells[0], cells[1], *[int(x) if x.isdecimal() else x for x in cells[2:4]],
                  r.coverage, r.seconds, r.error, r.input if isinstance(r.input, str) else "; ".join(r.input)]
        for c, v in enumerate(values, start=1):
            _text_cell(ws, i, c, v)
        if r.coverage is not None:
            ws.cell(row=i, column=5).number_format = "0%"
    ws.freeze_panes = "A2"
    fs = wb.create_sheet("Phát hiện")
    for c, (h, _) in enumerate(FINDING_COLUMNS, start=1):
        fs.cell(row=1, column=c, value=h).font = Font(bold=True)
    n = 2
    for r in results:
        for f in (r.payload or {}).get("findings") or []:
            for c, (_, key) in enumerate(FINDING_COLUMNS, start=1):
                value = r.name if key is None else f.get(key)
                if key == "severity":
                    value = SEVERITY_VI.get(value, value)
                elif key in ("table", "row") and isinstance(value, int):
                    value += 1  # people count from 1
                _text_cell(fs, n, c, value)
            n += 1
    fs.freeze_panes = "A2"
    with atomic_path(path, suffix=".xlsx") as tmp:
        wb.save(tmp)
