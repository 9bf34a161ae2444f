"""Downloads made from a verify result: the PDF with a highlight annotation
at each finding's box, and a findings sheet (XLSX, Vietnamese, one row per
finding) to send back to the unit that submitted the report."""
from __future__ import annotations

import os
from pathlib import Path

from ..model import Severity

SEVERITY_VI = {str(s): s.label for s in Severity}  # the one label: "Lỗi", "Cảnh báo", "Thông tin"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Values go in as they are; :func:`as_text` then stores every string
    as a string, so one starting with = + - @ is never taken for a formula."""
    return value


def as_text(ws) -> None:
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"


def annotated_pdf(view_pdf: Path, findings: list[dict], out: Path) -> int:
    """Copy ``view_pdf`` with one highlight annotation per located finding;
    return how many were added."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Highlight
    from pypdf.generic import ArrayObject, FloatObject

    reader = PdfReader(str(view_pdf))
    writer = PdfWriter()
    writer.append(reader)
    count = 0
    for f in findings:
        box = f.get("box")
        if not box:
            continue
        index = box["page"] - 1
        if not 0 <= index < len(writer.pages):
            continue
        page = writer.pages[index]
        x0, top, x1, bottom = box["bbox"]
        media = page.mediabox
        height = float(media.height)
        left, base = float(media.left), float(media.bottom)
        rect = (left + x0, base + height - bottom, left + x1, base + height - top)
        quad = ArrayObject([FloatObject(v) for v in (rect[0], rect[3], rect[2], rect[3],
                                                     rect[0], rect[1], rect[2], rect[1])])
        color = "ff4040" if f["severity"] == "error" else ("ffc000" if f["severity"] == "warning" else "6fa8dc")
        annotation = Highlight(rect=rect, quad_points=quad, highlight_color=color)
        annotation[_name("/Contents")] = _text(f"{SEVERITY_VI.get(f['severity'], f['severity'])} ({f['code']}): "
                                               f"{f['message']}")
        annotation[_name("/T")] = _text("reportgen")
        writer.add_annotation(page_number=index, annotation=annotation)
        count += 1
    tmp = out.with_suffix(".tmp")
    with open(tmp, "wb") as fh:
        writer.write(fh)
    os.replace(tmp, out)
    return count


def _name(value: str):
    from pypdf.generic import NameObject

    return NameObject(value)


def _text(value: str):
    from pypdf.generic import TextStringObject

    return TextStringObject(value)


HEADERS = ["STT", "Mức độ", "Mã", "Bảng", "Dòng", "Đơn vị", "Cột", "Đã ghi", "Nên là", "Trang", "Nội dung"]


def findings_xlsx(result: dict, out: Path) -> None:
    """One row per finding, with the document's name and verdict above."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Kết quả kiểm tra"
    ws.append(["Tệp", safe_cell(result.get("source", ""))])
    ws.append(["Kết luận", verdict_label(result)])
    ws.append([])
    ws.append(HEADERS)
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for n, f in enumerate(result.get("findings", []), start=1):
        page = (f.get("box") or {}).get("page") or f.get("page")
        ws.append([n, SEVERITY_VI.get(f["severity"], f["severity"]), f["code"],
                   None if f.get("table") is None else f["table"] + 1,
                   None if f.get("row") is None else f["row"] + 1,
                   safe_cell(f.get("unit")), safe_cell(f.get("column")), safe_cell(f.get("reported")),
                   safe_cell(f.get("expected")), page, safe_cell(f.get("message"))])
    for letter, width in zip("ABCDEFGHIJK", (6, 10, 22, 7, 7, 34, 12, 12, 12, 7, 80)):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=5):
        row[-1].alignment = Alignment(wrap_text=True, vertical="top")
    as_text(ws)
    tmp = out.with_suffix(".tmp")
    wb.save(tmp)
    os.replace(tmp, out)


VERDICTS = {"pass": "ĐẠT", "fail": "KHÔNG ĐẠT", "incomplete": "CHƯA KIỂM TRA HẾT"}


def verdict_class(result: dict) -> str:
    """The page's colour of a verdict: 'ok' (ĐẠT), 'bad' (KHÔNG ĐẠT), 'partial'
    (CHƯA KIỂM TRA HẾT: nothing wrong was found, but not all was checked)."""
    label = verdict_label(result)
    return {"ĐẠT": "ok", "KHÔNG ĐẠT": "bad"}.get(label, "partial")


def verdict_label(result: dict) -> str:
    """The verdict as the coverage work writes it when present, else from ``ok``."""
    verdict = result.get("verdict")
    if isinstance(verdict, str):
        return VERDICTS.get(verdict.lower(), verdict)
    if isinstance(verdict, dict):
        return str(verdict.get("label") or verdict.get("text") or verdict.get("value") or "")
    return "ĐẠT" if result.get("ok") else "KHÔNG ĐẠT"


def write_table_xlsx(path: Path, columns, rows) -> None:
    """The archive's export (columns as (key, label), rows as dicts) with
    every string stored as text, never as a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook(write_only=False)
    ws = wb.active
    ws.title = "Điểm"
    ws.append([label for _, label in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    keys = [k for k, _ in columns]
    for row in rows:
        ws.append([row[k] for k in keys])
    as_text(ws)
    ws.freeze_panes = "A2"
    tmp = path.with_suffix(".tmp")
    wb.save(tmp)
    os.replace(tmp, path)
