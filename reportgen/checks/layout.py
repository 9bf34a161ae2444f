"""The layout of Nghị định 30/2020/NĐ-CP, the document as a whole: paper,
margins, font, and the size and style of each element. The parts one by one
(the Quốc hiệu and Tiêu ngữ, the number and symbol, the place and date line,
headings, Nơi nhận, the signature block and page numbers) are checked in
:mod:`layout_parts`; where the elements are, in :mod:`layout_elements`. The
rules are data (``data/nd30_layout.toml``, from Phụ lục I and the
abbreviations of Phụ lục III); every finding is a warning that quotes the
line of the decree it rests on.

The rules run where the document shows its layout (``report.layout``): a
DOCX keeps it (sections, effective formats); a PDF shows it (page sizes,
margins measured from the text as intervals, each line's font, size, bold
and italic: ``read/layout_pdf.py``), and its findings point to pages. Text
and spreadsheets carry none and are left alone."""
from __future__ import annotations

import re
from typing import Iterator

from ..model import Finding, Report
from .layout_elements import Elements, element_text, format_at, layout_setup, place_of, pt, pt_range, units, warn
from .registry import CheckContext, rule

# Fonts a PDF embeds without a family name ('F1', 'TT2', 'T3_0', 'CIDFont+F1', 'Type3').
_UNNAMED = re.compile(r"^(?:[A-Z]{1,3}\d+(?:_\d+)?|CIDFont\+F\d+|Type3)$")
_SIZE_ELEMENTS = ("quoc_hieu", "tieu_ngu", "issuer", "so_ky_hieu", "dia_danh", "ten_loai", "trich_yeu",
                  "trich_yeu_cv", "noi_nhan")


def _element_positions(el: Elements, key: str) -> list[int]:
    value = getattr(el, key)
    return value if isinstance(value, list) else ([] if value is None else [value])


@rule("LAYOUT_PAPER", "Khổ giấy không phải A4 (210 x 297 mm) theo Nghị định 30/2020")
def layout_paper(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: khổ giấy của từng phần (section) của văn bản DOCX.
    Vì sao: Nghị định 30/2020 quy định văn bản hành chính in trên khổ A4; phụ lục có thể xoay ngang.
    Ví dụ sai: trang Letter 216 x 279 mm.
    Ví dụ đúng: A4 dọc 210 x 297 mm, hoặc A4 ngang 297 x 210 mm cho phụ lục."""
    setup = layout_setup(report)
    if setup is None:
        return
    data = setup[1]["paper"]
    want, tol = sorted((data["width_mm"], data["height_mm"])), data["tolerance_mm"]
    seen: set[tuple] = set()
    for n, page in enumerate(report.layout.pages, start=1):
        if page.get("width_mm") is None or page.get("height_mm") is None:
            continue  # a section that states no page size (pandoc's DOCX): the printer's default, not known here
        got = sorted((page["width_mm"], page["height_mm"]))
        if any(abs(a - b) > tol for a, b in zip(got, want)) and tuple(got) not in seen:
            seen.add(tuple(got))
            yield warn("LAYOUT_PAPER", f"Phần {n} của văn bản dùng khổ giấy {pt(page['width_mm'])} x "
                        f"{pt(page['height_mm'])} mm, không phải A4 (210 x 297 mm).", data["cite"],
                        reported=f"{pt(page['width_mm'])} x {pt(page['height_mm'])} mm", expected="210 x 297 mm")


@rule("LAYOUT_MARGIN", "Lề trang ngoài khoảng Nghị định 30/2020 quy định (trên, dưới 20–25; trái 30–35; phải 15–20 mm)")
def layout_margin(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: lề trên, dưới, trái, phải của từng phần của văn bản DOCX; với PDF, lề đo từ vị trí chữ trên
    từng loạt trang cùng khổ (chữ không vượt lề; lề dưới chỉ biết trong khoảng một dòng), chỉ báo khi chắc chắn
    ngoài khoảng quy định.
    Vì sao: văn thư trả lại văn bản sai lề; lề trái rộng để đóng quyển.
    Ví dụ sai: lề 10 mm cả bốn phía.
    Ví dụ đúng: trên 20 mm, dưới 20 mm, trái 30 mm, phải 15 mm."""
    setup = layout_setup(report)
    if setup is None:
        return
    data = setup[1]["margins"]
    names = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}
    tol = data["tolerance_mm"]
    seen: set[str] = set()
    for n, page in enumerate(report.layout.pages, start=1):
        wrong = []
        for side, word in names.items():
            low, high = data[side]
            value = page.get(f"{side}_mm")
            lo, hi = page.get(f"{side}_range") or (value, value)
            if lo is None or hi is None:
                continue
            if hi < low - tol:
                said = pt(hi) if lo == hi else f"không quá {pt(hi)}"
            elif lo > high + tol:
                said = pt(lo) if lo == hi else f"ít nhất {pt(lo)}"
            else:
                continue
            wrong.append(f"lề {word} {said} mm (quy định {low}–{high} mm)")
        if wrong and "; ".join(wrong) not in seen:
            seen.add("; ".join(wrong))
            where = page.get("label") or f"Phần {n} của văn bản"
            yield warn("LAYOUT_MARGIN", f"{where}: " + "; ".join(wrong) + ".", data["cite"],
                        reported="; ".join(wrong))


@rule("LAYOUT_FONT", "Văn bản không dùng phông Times New Roman theo Nghị định 30/2020")
def layout_font(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: phông chữ của mọi đoạn văn có chữ (PDF: của mọi dòng, theo tên phông nhúng). Phông thay thế
    cùng kích thước chữ của Times New Roman trong PDF (Liberation Serif …) chỉ là ghi chú; phông nhúng không mang
    tên (F1 …) là cảnh báo vì PDF không cho biết.
    Vì sao: Nghị định 30/2020 quy định phông Times New Roman, bảng mã Unicode.
    Ví dụ sai: nội dung trình bày bằng Arial.
    Ví dụ đúng: toàn văn bản dùng Times New Roman."""
    setup = layout_setup(report)
    if setup is None:
        return
    data = setup[1]["font"]
    want = data["name"]
    pdf = report.layout.source == "pdf"
    others: dict[str, list[int]] = {}
    for pos in range(len(units(report))):
        fmt = format_at(report, pos)
        if fmt is not None and fmt.font and not fmt.font.casefold().startswith(want.casefold()):
            others.setdefault(fmt.font, []).append(pos)
    what = "dòng" if pdf else "đoạn"
    for font, positions in others.items():
        if pdf and font in data["pdf_metric_clones"]:
            yield warn("LAYOUT_FONT", f"{len(positions)} dòng dùng phông {font}, phông thay thế cùng kích thước "
                        f"chữ của {want} (máy tạo PDF không có {want}): trang, dòng ngắt như với {want}; "
                        "kiểm tra phông trên tệp Word gốc.", data["cite"], **place_of(report, positions[0]),
                        reported=font, expected=want, severity="info")
        elif pdf and _UNNAMED.match(font):
            yield warn("LAYOUT_FONT", f"{len(positions)} dòng dùng phông nhúng không mang tên (“{font}”): tệp PDF "
                        f"không cho biết có phải {want} hay không.", data["cite"], **place_of(report, positions[0]),
                        reported=font, expected=want)
        else:
            yield warn("LAYOUT_FONT", f"{len(positions)} {what} dùng phông {font}, không phải {want}.",
                        data["cite"], **place_of(report, positions[0]), reported=font, expected=want)


@rule("LAYOUT_SIZE", "Cỡ chữ của thành phần thể thức ngoài khoảng Nghị định 30/2020 quy định")
def layout_size(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: cỡ chữ của Quốc hiệu, Tiêu ngữ, tên cơ quan, số ký hiệu, địa danh ngày tháng, tên loại,
    trích yếu, Nơi nhận và danh sách nơi nhận, quyền hạn người ký, nội dung văn bản.
    Vì sao: mỗi thành phần có cỡ chữ riêng trong Phụ lục I (Mục V).
    Ví dụ sai: nội dung văn bản cỡ 10; "Nơi nhận:" cỡ 14.
    Ví dụ đúng: nội dung cỡ 13–14; "Nơi nhận:" cỡ 12; danh sách nơi nhận cỡ 11."""
    setup = layout_setup(report)
    if setup is None:
        return
    el, data = setup
    elements = data["elements"]
    checks = [(key, pos) for key in _SIZE_ELEMENTS for pos in _element_positions(el, key)]
    checks += [("quyen_han", pos) for pos in el.authority]
    for key, pos in checks:
        fmt = format_at(report, pos)
        low, high = elements[key]["size"]
        if fmt is not None and fmt.size is not None and not (low <= fmt.size <= high):
            yield warn("LAYOUT_SIZE", f"{elements[key]['label']} “{element_text(report, key, pos)[:60]}” cỡ chữ "
                        f"{pt(fmt.size)}, quy định {pt_range(elements[key]['size'])}.", elements[key]["cite"],
                        **place_of(report, pos), reported=pt(fmt.size), expected=pt_range(elements[key]["size"]))
    for key, positions, what in (("noi_dung", [p for p in el.body if p not in el.headings], "đoạn nội dung văn bản"),
                                 ("noi_nhan_list", el.noi_nhan_list, "dòng nơi nhận")):
        low, high = elements[key]["size"]
        off = [(pos, f) for pos in positions if (f := format_at(report, pos)) is not None and f.size is not None
               and not (low <= f.size <= high)]
        if off:
            sizes = ", ".join(sorted({pt(f.size) for _, f in off}))
            yield warn("LAYOUT_SIZE", f"{len(off)} {what} cỡ chữ {sizes}, quy định {pt_range(elements[key]['size'])}.",
                        elements[key]["cite"], **place_of(report, off[0][0]), reported=sizes,
                        expected=pt_range(elements[key]["size"]))


@rule("LAYOUT_STYLE", "Kiểu chữ (đậm, nghiêng, in hoa) của thành phần thể thức khác Nghị định 30/2020")
def layout_style(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: chữ đậm, nghiêng, in hoa của Quốc hiệu, tên cơ quan ban hành, địa danh ngày tháng,
    tên loại, trích yếu, "Nơi nhận", quyền hạn người ký.
    Vì sao: Phụ lục I quy định kiểu chữ từng thành phần; văn thư kiểm tra khi đăng ký văn bản đi.
    Ví dụ sai: dòng "Hà Nội, ngày 05 tháng 01 năm 2025" chữ đứng; "Nơi nhận:" không nghiêng.
    Ví dụ đúng: địa danh, ngày tháng nghiêng; "Nơi nhận:" đậm, nghiêng; tên loại in hoa, đậm."""
    setup = layout_setup(report)
    if setup is None:
        return
    el, data = setup
    elements = data["elements"]
    checks = [(key, pos) for key in ("quoc_hieu", "tieu_ngu", "issuer", "dia_danh", "ten_loai", "trich_yeu",
                                     "noi_nhan") for pos in _element_positions(el, key)]
    checks += [("quyen_han", pos) for pos in el.authority]
    for key, pos in checks:
        fmt, rule_ = format_at(report, pos), elements[key]
        if fmt is None:
            continue
        text = element_text(report, key, pos)
        wrong = []
        if rule_.get("bold") and not fmt.bold:
            wrong.append("chưa in đậm")
        if rule_.get("italic") and not fmt.italic:
            wrong.append("chưa in nghiêng")
        if rule_.get("case") == "upper" and not (text.isupper() or fmt.caps):
            wrong.append("chưa viết in hoa")
        if wrong:
            yield warn("LAYOUT_STYLE", f"{rule_['label']} “{text[:60]}” " + ", ".join(wrong) + ".", rule_["cite"],
                        **place_of(report, pos))
