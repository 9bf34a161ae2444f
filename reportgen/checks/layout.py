"""The layout of Nghị định 30/2020/NĐ-CP: paper, margins, font, the size and
style of each element, the Quốc hiệu and Tiêu ngữ, the number and symbol, the
place and date line, headings, Nơi nhận, the signature block and page
numbers. The rules are data (``data/nd30_layout.toml``, from Phụ lục I and
the abbreviations of Phụ lục III); every finding is a warning that quotes
the line of the decree it rests on.

The rules run where the document shows its layout (``report.layout``): a
DOCX keeps it (sections, effective formats); a PDF shows it (page sizes,
margins measured from the text as intervals, each line's font, size, bold
and italic: ``read/layout_pdf.py``), and its findings point to pages. Text
and spreadsheets carry none and are left alone."""
from __future__ import annotations

import re
from typing import Iterator

from ..model import Finding, Report
from .layout_elements import (
    Elements,
    expected_code,
    find_elements,
    fold,
    norm,
    rules_data,
    symbol_of,
    type_names,
    units,
)
from .registry import CheckContext, rule

# Fonts a PDF embeds without a family name ('F1', 'TT2', 'T3_0', 'CIDFont+F1', 'Type3').
_UNNAMED = re.compile(r"^(?:[A-Z]{1,3}\d+(?:_\d+)?|CIDFont\+F\d+|Type3)$")
_SIZE_ELEMENTS = ("quoc_hieu", "tieu_ngu", "issuer", "so_ky_hieu", "dia_danh", "ten_loai", "trich_yeu",
                  "trich_yeu_cv", "noi_nhan")


def _warn(code: str, message: str, cite: str, paragraph: int | None = None, reported: str | None = None,
          expected: str | None = None, page: int | None = None, severity: str = "warning") -> Finding:
    return Finding(code=code, severity=severity, paragraph=paragraph, page=page, reported=reported,
                   expected=expected, message=f"{message} (Căn cứ: {cite})")


def _setup(report: Report) -> tuple[Elements, dict] | None:
    if report.layout is None:
        return None
    return find_elements(report), rules_data()


def _fmt(report: Report, position: int):
    return report.layout.formats.get(units(report)[position].index)


def _at(report: Report, position: int) -> dict:
    """Where a finding points: the paragraph of a DOCX, the page of a PDF's line."""
    unit = units(report)[position]
    if report.layout.source == "pdf":
        return {"page": unit.page}
    return {"paragraph": unit.index}


def _pt(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _range(r: list) -> str:
    return _pt(r[0]) if r[0] == r[1] else f"{_pt(r[0])}–{_pt(r[1])}"


def _element_positions(el: Elements, key: str) -> list[int]:
    value = getattr(el, key)
    return value if isinstance(value, list) else ([] if value is None else [value])


@rule("LAYOUT_PAPER", "Khổ giấy không phải A4 (210 x 297 mm) theo Nghị định 30/2020")
def layout_paper(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: khổ giấy của từng phần (section) của văn bản DOCX.
    Vì sao: Nghị định 30/2020 quy định văn bản hành chính in trên khổ A4; phụ lục có thể xoay ngang.
    Ví dụ sai: trang Letter 216 x 279 mm.
    Ví dụ đúng: A4 dọc 210 x 297 mm, hoặc A4 ngang 297 x 210 mm cho phụ lục."""
    setup = _setup(report)
    if setup is None:
        return
    data = setup[1]["paper"]
    want, tol = sorted((data["width_mm"], data["height_mm"])), data["tolerance_mm"]
    seen: set[tuple] = set()
    for n, page in enumerate(report.layout.pages, start=1):
        got = sorted((page.get("width_mm") or 0, page.get("height_mm") or 0))
        if any(abs(a - b) > tol for a, b in zip(got, want)) and tuple(got) not in seen:
            seen.add(tuple(got))
            yield _warn("LAYOUT_PAPER", f"Phần {n} của văn bản dùng khổ giấy {_pt(page['width_mm'])} x "
                        f"{_pt(page['height_mm'])} mm, không phải A4 (210 x 297 mm).", data["cite"],
                        reported=f"{_pt(page['width_mm'])} x {_pt(page['height_mm'])} mm", expected="210 x 297 mm")


@rule("LAYOUT_MARGIN", "Lề trang ngoài khoảng Nghị định 30/2020 quy định (trên, dưới 20–25; trái 30–35; phải 15–20 mm)")
def layout_margin(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: lề trên, dưới, trái, phải của từng phần của văn bản DOCX; với PDF, lề đo từ vị trí chữ trên
    từng loạt trang cùng khổ (chữ không vượt lề; lề dưới chỉ biết trong khoảng một dòng), chỉ báo khi chắc chắn
    ngoài khoảng quy định.
    Vì sao: văn thư trả lại văn bản sai lề; lề trái rộng để đóng quyển.
    Ví dụ sai: lề 10 mm cả bốn phía.
    Ví dụ đúng: trên 20 mm, dưới 20 mm, trái 30 mm, phải 15 mm."""
    setup = _setup(report)
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
                said = _pt(hi) if lo == hi else f"không quá {_pt(hi)}"
            elif lo > high + tol:
                said = _pt(lo) if lo == hi else f"ít nhất {_pt(lo)}"
            else:
                continue
            wrong.append(f"lề {word} {said} mm (quy định {low}–{high} mm)")
        if wrong and "; ".join(wrong) not in seen:
            seen.add("; ".join(wrong))
            where = page.get("label") or f"Phần {n} của văn bản"
            yield _warn("LAYOUT_MARGIN", f"{where}: " + "; ".join(wrong) + ".", data["cite"],
                        reported="; ".join(wrong))


@rule("LAYOUT_FONT", "Văn bản không dùng phông Times New Roman theo Nghị định 30/2020")
def layout_font(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: phông chữ của mọi đoạn văn có chữ (PDF: của mọi dòng, theo tên phông nhúng). Phông thay thế
    cùng kích thước chữ của Times New Roman trong PDF (Liberation Serif …) chỉ là ghi chú; phông nhúng không mang
    tên (F1 …) là cảnh báo vì PDF không cho biết.
    Vì sao: Nghị định 30/2020 quy định phông Times New Roman, bảng mã Unicode.
    Ví dụ sai: nội dung trình bày bằng Arial.
    Ví dụ đúng: toàn văn bản dùng Times New Roman."""
    setup = _setup(report)
    if setup is None:
        return
    data = setup[1]["font"]
    want = data["name"]
    pdf = report.layout.source == "pdf"
    others: dict[str, list[int]] = {}
    for pos in range(len(units(report))):
        fmt = _fmt(report, pos)
        if fmt is not None and fmt.font and not fmt.font.casefold().startswith(want.casefold()):
            others.setdefault(fmt.font, []).append(pos)
    what = "dòng" if pdf else "đoạn"
    for font, positions in others.items():
        if pdf and font in data["pdf_metric_clones"]:
            yield _warn("LAYOUT_FONT", f"{len(positions)} dòng dùng phông {font}, phông thay thế cùng kích thước "
                        f"chữ của {want} (máy tạo PDF không có {want}): trang, dòng ngắt như với {want}; "
                        "kiểm tra phông trên tệp Word gốc.", data["cite"], **_at(report, positions[0]),
                        reported=font, expected=want, severity="info")
        elif pdf and _UNNAMED.match(font):
            yield _warn("LAYOUT_FONT", f"{len(positions)} dòng dùng phông nhúng không mang tên (“{font}”): tệp PDF "
                        f"không cho biết có phải {want} hay không.", data["cite"], **_at(report, positions[0]),
                        reported=font, expected=want)
        else:
            yield _warn("LAYOUT_FONT", f"{len(positions)} {what} dùng phông {font}, không phải {want}.",
                        data["cite"], **_at(report, positions[0]), reported=font, expected=want)


@rule("LAYOUT_SIZE", "Cỡ chữ của thành phần thể thức ngoài khoảng Nghị định 30/2020 quy định")
def layout_size(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: cỡ chữ của Quốc hiệu, Tiêu ngữ, tên cơ quan, số ký hiệu, địa danh ngày tháng, tên loại,
    trích yếu, Nơi nhận và danh sách nơi nhận, quyền hạn người ký, nội dung văn bản.
    Vì sao: mỗi thành phần có cỡ chữ riêng trong Phụ lục I (Mục V).
    Ví dụ sai: nội dung văn bản cỡ 10; "Nơi nhận:" cỡ 14.
    Ví dụ đúng: nội dung cỡ 13–14; "Nơi nhận:" cỡ 12; danh sách nơi nhận cỡ 11."""
    setup = _setup(report)
    if setup is None:
        return
    el, data = setup
    elements = data["elements"]
    checks = [(key, pos) for key in _SIZE_ELEMENTS for pos in _element_positions(el, key)]
    checks += [("quyen_han", pos) for pos in el.authority]
    for key, pos in checks:
        fmt = _fmt(report, pos)
        low, high = elements[key]["size"]
        if fmt is not None and fmt.size is not None and not (low <= fmt.size <= high):
            yield _warn("LAYOUT_SIZE", f"{elements[key]['label']} “{norm(units(report)[pos].text)[:60]}” cỡ chữ "
                        f"{_pt(fmt.size)}, quy định {_range(elements[key]['size'])}.", elements[key]["cite"],
                        **_at(report, pos), reported=_pt(fmt.size), expected=_range(elements[key]["size"]))
    for key, positions, what in (("noi_dung", [p for p in el.body if p not in el.headings], "đoạn nội dung văn bản"),
                                 ("noi_nhan_list", el.noi_nhan_list, "dòng nơi nhận")):
        low, high = elements[key]["size"]
        off = [(pos, f) for pos in positions if (f := _fmt(report, pos)) is not None and f.size is not None
               and not (low <= f.size <= high)]
        if off:
            sizes = ", ".join(sorted({_pt(f.size) for _, f in off}))
            yield _warn("LAYOUT_SIZE", f"{len(off)} {what} cỡ chữ {sizes}, quy định {_range(elements[key]['size'])}.",
                        elements[key]["cite"], **_at(report, off[0][0]), reported=sizes,
                        expected=_range(elements[key]["size"]))


@rule("LAYOUT_STYLE", "Kiểu chữ (đậm, nghiêng, in hoa) của thành phần thể thức khác Nghị định 30/2020")
def layout_style(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: chữ đậm, nghiêng, in hoa của Quốc hiệu, tên cơ quan ban hành, địa danh ngày tháng,
    tên loại, trích yếu, "Nơi nhận", quyền hạn người ký.
    Vì sao: Phụ lục I quy định kiểu chữ từng thành phần; văn thư kiểm tra khi đăng ký văn bản đi.
    Ví dụ sai: dòng "Hà Nội, ngày 05 tháng 01 năm 2025" chữ đứng; "Nơi nhận:" không nghiêng.
    Ví dụ đúng: địa danh, ngày tháng nghiêng; "Nơi nhận:" đậm, nghiêng; tên loại in hoa, đậm."""
    setup = _setup(report)
    if setup is None:
        return
    el, data = setup
    elements = data["elements"]
    checks = [(key, pos) for key in ("quoc_hieu", "tieu_ngu", "issuer", "dia_danh", "ten_loai", "trich_yeu",
                                     "noi_nhan") for pos in _element_positions(el, key)]
    checks += [("quyen_han", pos) for pos in el.authority]
    for key, pos in checks:
        fmt, rule_ = _fmt(report, pos), elements[key]
        if fmt is None:
            continue
        text = norm(units(report)[pos].text)
        wrong = []
        if rule_.get("bold") and not fmt.bold:
            wrong.append("chưa in đậm")
        if rule_.get("italic") and not fmt.italic:
            wrong.append("chưa in nghiêng")
        if rule_.get("case") == "upper" and not (text.isupper() or fmt.caps):
            wrong.append("chưa viết in hoa")
        if wrong:
            yield _warn("LAYOUT_STYLE", f"{rule_['label']} “{text[:60]}” " + ", ".join(wrong) + ".", rule_["cite"],
                        **_at(report, pos))


@rule("LAYOUT_NATIONAL_TITLE", "Quốc hiệu hoặc Tiêu ngữ thiếu hay viết sai chữ, sai kiểu chữ hoa")
def layout_national_title(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: có Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in hoa và Tiêu ngữ "Độc lập - Tự do - Hạnh
    phúc" viết hoa chữ đầu mỗi cụm, gạch nối (-) giữa các cụm.
    Vì sao: Quốc hiệu và Tiêu ngữ là thành phần thể thức bắt buộc (ô số 1).
    Ví dụ sai: "Cộng hòa xã hội chủ nghĩa Việt Nam"; "Độc lập – Tự do – Hạnh phúc" (gạch ngang dài).
    Ví dụ đúng: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh phúc"."""
    setup = _setup(report)
    if setup is None:
        return
    el, data = setup
    qh, tn = data["elements"]["quoc_hieu"], data["elements"]["tieu_ngu"]
    if el.so_ky_hieu is None or el.dia_danh is None:  # no header read as paragraphs (an appendix on its own,
        return                                         # or a header table kept as a table): nothing to say
    if el.quoc_hieu is None:
        yield _warn("LAYOUT_NATIONAL_TITLE", "Không thấy Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” ở đầu văn bản.",
                    qh["cite"])
    else:
        text = norm(units(report)[el.quoc_hieu].text)
        fmt = _fmt(report, el.quoc_hieu)
        if not text.isupper() and not (fmt is not None and fmt.caps):
            yield _warn("LAYOUT_NATIONAL_TITLE", f"Quốc hiệu “{text}” phải viết in hoa.", qh["cite"],
                        **_at(report, el.quoc_hieu), reported=text, expected=qh["text"])
    if el.tieu_ngu is None:
        yield _warn("LAYOUT_NATIONAL_TITLE", "Không thấy Tiêu ngữ “Độc lập - Tự do - Hạnh phúc” dưới Quốc hiệu.",
                    tn["cite"])
    else:
        text = norm(units(report)[el.tieu_ngu].text)
        if text != tn["text"]:
            yield _warn("LAYOUT_NATIONAL_TITLE", f"Tiêu ngữ ghi “{text}”, đúng là “{tn['text']}” (chữ đầu mỗi cụm "
                        "viết hoa, gạch nối (-) có cách hai bên).", tn["cite"],
                        **_at(report, el.tieu_ngu), reported=text, expected=tn["text"])


@rule("LAYOUT_NUMBER", "Số, ký hiệu văn bản sai mẫu hoặc mã loại văn bản không khớp tên loại")
def layout_number(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: dòng "Số: …/…": mã loại văn bản trong ký hiệu khớp tên loại (Phụ lục III); số nhỏ hơn 10
    có số 0 đứng trước; công văn không mang mã loại.
    Vì sao: ký hiệu gồm chữ viết tắt tên loại văn bản và tên cơ quan; văn thư đăng ký văn bản đi theo đó.
    Ví dụ sai: THÔNG BÁO mang số "Số: 12/BC-VPUBND"; "Số: 7/BC-UBND".
    Ví dụ đúng: THÔNG BÁO "Số: 12/TB-VPUBND"; "Số: 07/BC-UBND"; công văn "Số: 15/UBND-KSTT"."""
    setup = _setup(report)
    if setup is None or setup[0].so_ky_hieu is None:
        return
    el, data = setup
    cite = data["type_codes"]["cite"]
    text = norm(units(report)[el.so_ky_hieu].text)
    number, symbol = symbol_of(text)
    where = _at(report, el.so_ky_hieu)
    if symbol is None:
        return
    first = symbol.split("-", 1)[0]
    codes = {c.casefold(): c for c in type_names().values()}
    want = expected_code(report, el)
    if want is not None and first.casefold() != want.casefold():
        name = norm(units(report)[el.ten_loai].text)
        yield _warn("LAYOUT_NUMBER", f"Văn bản là {name} nhưng ký hiệu “{symbol}” mang mã {first}; mã của {name} "
                    f"là {want} (…/{want}-…).", cite, **where, reported=symbol, expected=f"{want}-…")
    elif want is None and el.trich_yeu_cv is not None and first.casefold() in codes and "-" in symbol:
        yield _warn("LAYOUT_NUMBER", f"Công văn không mang mã loại văn bản nhưng ký hiệu “{symbol}” bắt đầu bằng "
                    f"{first}.", cite, **where, reported=symbol)
    if number and number.isdecimal() and int(number) < 10 and not number.startswith("0"):
        yield _warn("LAYOUT_NUMBER", f"Số văn bản “{number}” nhỏ hơn 10 phải ghi thêm số 0 phía trước "
                    f"({int(number):02d}).", data["elements"]["so_ky_hieu"]["cite"], **where,
                    reported=number, expected=f"{int(number):02d}")


@rule("LAYOUT_DATE_LINE", "Dòng địa danh, ngày tháng sai mẫu (số 0 trước ngày dưới 10, tháng 1, 2)")
def layout_date_line(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: dòng "Địa danh, ngày … tháng … năm …": ngày dưới 10 và tháng 1, 2 có số 0 phía trước.
    Vì sao: Phụ lục I, Mục II, khoản 4 điểm b quy định cách ghi ngày, tháng ban hành.
    Ví dụ sai: "Hà Nội, ngày 5 tháng 1 năm 2025".
    Ví dụ đúng: "Hà Nội, ngày 05 tháng 01 năm 2025"; "ngày 17 tháng 8 năm 2023"."""
    setup = _setup(report)
    if setup is None or setup[0].dia_danh is None:
        return
    el, data = setup
    text = norm(units(report)[el.dia_danh].text)
    m = re.search(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm", text)
    if not m:
        return
    day, month = m[1], m[2]
    wrong = []
    if int(day) < 10 and len(day) == 1:
        wrong.append(f"ngày {day} → {int(day):02d}")
    if int(month) in (1, 2) and len(month) == 1:
        wrong.append(f"tháng {month} → {int(month):02d}")
    if wrong:
        yield _warn("LAYOUT_DATE_LINE", f"Dòng “{text}”: " + "; ".join(wrong) + ".",
                    "Phụ lục I, Mục II, khoản 4 điểm b: ngày dưới 10 và tháng 1, 2 phải ghi thêm số 0 phía trước.",
                    **_at(report, el.dia_danh), reported=text)


@rule("LAYOUT_HEADING", "Tiêu đề mục đánh số La Mã chưa in hoa, đậm theo Nghị định 30/2020")
def layout_heading(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: tiêu đề mục đánh số La Mã (I., II., …) trong nội dung văn bản.
    Vì sao: số thứ tự và tiêu đề của mục trình bày bằng chữ in hoa, đứng, đậm.
    Ví dụ sai: "I. Kết quả đạt được" chữ thường.
    Ví dụ đúng: "I. KẾT QUẢ ĐẠT ĐƯỢC" in hoa, đậm."""
    setup = _setup(report)
    if setup is None:
        return
    el, data = setup
    for pos in el.headings:
        text = norm(units(report)[pos].text)
        fmt = _fmt(report, pos)
        wrong = []
        if not (text.isupper() or (fmt is not None and fmt.caps)):
            wrong.append("chưa viết in hoa")
        if fmt is not None and not fmt.bold:
            wrong.append("chưa in đậm")
        if wrong:
            yield _warn("LAYOUT_HEADING", f"Tiêu đề mục “{text[:70]}” " + ", ".join(wrong) + ".",
                        data["headings"]["roman_cite"], **_at(report, pos), reported=text[:70])


@rule("LAYOUT_RECIPIENTS", "Văn bản không có phần “Nơi nhận” (Nghị định 30/2020)")
def layout_recipients(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: văn bản có tên loại hoặc trích yếu công văn và khối chữ ký nhưng không có phần "Nơi nhận:".
    Vì sao: nơi nhận (để thực hiện, để biết, để lưu) là thành phần thể thức bắt buộc; dòng cuối "- Lưu: VT, …"
    do quy tắc NOI_NHAN_FORMAT kiểm tra.
    Ví dụ sai: văn bản kết thúc bằng chữ ký, không có "Nơi nhận:".
    Ví dụ đúng: "Nơi nhận: - Như trên; - Lưu: VT, KSTT." bên trái khối chữ ký."""
    setup = _setup(report)
    if setup is None:
        return
    el, data = setup
    if el.noi_nhan is None and el.authority and (el.ten_loai is not None or el.trich_yeu_cv is not None):
        yield _warn("LAYOUT_RECIPIENTS", "Không thấy phần “Nơi nhận:” ở cuối văn bản.",
                    data["recipients"]["archive_cite"])


@rule("LAYOUT_SIGNATURE", "Quyền hạn ký (KT./TM./TL./TUQ.) không có dòng chức vụ theo sau")
def layout_signature(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: sau dòng quyền hạn "KT. …", "TM. …", "TL. …", "TUQ. …" là dòng chức vụ của người ký (in hoa).
    Vì sao: ký thay, thay mặt, thừa lệnh, thừa ủy quyền đều phải ghi chức vụ của người trực tiếp ký.
    Ví dụ sai: "KT. CHÁNH VĂN PHÒNG" rồi ngay họ tên người ký.
    Ví dụ đúng: "KT. CHÁNH VĂN PHÒNG" / "PHÓ CHÁNH VĂN PHÒNG" / (chữ ký) / "Nguyễn Văn A"."""
    setup = _setup(report)
    if setup is None:
        return
    el, data = setup
    texts = [norm(p.text) for p in units(report)]
    for pos in el.authority:
        nxt = next((texts[i] for i in range(pos + 1, min(pos + 3, len(texts))) if texts[i]), "")
        if not nxt or not nxt.isupper() or fold(nxt).startswith(("nơi nhận", "phụ lục")):
            yield _warn("LAYOUT_SIGNATURE", f"Sau “{texts[pos]}” không có dòng chức vụ của người ký (in hoa).",
                        data["signature"]["cite"], **_at(report, pos), reported=texts[pos])


@rule("LAYOUT_PAGE_NUMBER", "Văn bản nhiều trang không đánh số trang")
def layout_page_number(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: văn bản DOCX dài (nhiều hơn một trang) có trường số trang ở đầu trang; PDF nhiều trang có số
    trang, cỡ chữ số trang 13–14.
    Vì sao: số trang được đánh từ số 1, canh giữa trong phần lề trên, không hiển thị ở trang thứ nhất.
    Ví dụ sai: văn bản ba trang không có số trang.
    Ví dụ đúng: trường PAGE trong phần đầu trang, ẩn ở trang đầu."""
    setup = _setup(report)
    if setup is None:
        return
    low, high = setup[1]["page_numbers"]["size"]
    off = [(page, size) for page, size in report.layout.page_number_sizes if not (low <= size <= high)]
    if off:
        sizes = ", ".join(sorted({_pt(size) for _, size in off}))
        yield _warn("LAYOUT_PAGE_NUMBER", f"Số trang cỡ chữ {sizes} ({len(off)} trang), quy định {_pt(low)}–"
                    f"{_pt(high)}.", setup[1]["page_numbers"]["cite"], page=off[0][0], reported=sizes,
                    expected=f"{_pt(low)}–{_pt(high)}")
    if report.layout.page_numbers is not False:
        return
    if len(units(report)) < 40 and len(report.layout.pages) < 2:  # about one page: nothing to number
        return
    yield _warn("LAYOUT_PAGE_NUMBER", "Văn bản không có số trang (không thấy trường số trang ở đầu hoặc cuối trang).",
                setup[1]["page_numbers"]["cite"])

