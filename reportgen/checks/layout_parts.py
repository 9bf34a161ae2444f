"""The parts of a document Nghị định 30/2020/NĐ-CP lays out, one by one: the
Quốc hiệu and Tiêu ngữ, the number and symbol (its type code against the
tên loại, Phụ lục III), the place and date line, the numbered headings,
Nơi nhận, the signature block and page numbers. Every finding is a warning
that quotes the line of the decree it rests on; the document's paper, font,
sizes and styles are checked in :mod:`layout`."""
from __future__ import annotations

import re
from typing import Iterator

from ..model import Finding, Report
from .layout_elements import (
    element_text,
    expected_code,
    fold,
    format_at,
    layout_setup,
    lines_of,
    norm,
    place_of,
    pt,
    symbol_of,
    type_names,
    units,
    warn,
)
from .registry import CheckContext, rule


@rule("LAYOUT_NATIONAL_TITLE", "Quốc hiệu hoặc Tiêu ngữ thiếu hay viết sai chữ, sai kiểu chữ hoa")
def layout_national_title(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: có Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in hoa và Tiêu ngữ "Độc lập - Tự do - Hạnh
    phúc" viết hoa chữ đầu mỗi cụm, gạch nối (-) giữa các cụm.
    Vì sao: Quốc hiệu và Tiêu ngữ là thành phần thể thức bắt buộc (ô số 1).
    Ví dụ sai: "Cộng hòa xã hội chủ nghĩa Việt Nam"; "Độc lập – Tự do – Hạnh phúc" (gạch ngang dài).
    Ví dụ đúng: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh phúc"."""
    setup = layout_setup(report)
    if setup is None:
        return
    el, data = setup
    qh, tn = data["elements"]["quoc_hieu"], data["elements"]["tieu_ngu"]
    if el.so_ky_hieu is None or el.dia_danh is None:  # no header read as paragraphs (an appendix on its own,
        return                                         # or a header table kept as a table): nothing to say
    if el.quoc_hieu is None:
        yield warn("LAYOUT_NATIONAL_TITLE", "Không thấy Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” ở đầu văn bản.",
                    qh["cite"])
    else:
        text = element_text(report, "quoc_hieu", el.quoc_hieu)
        fmt = format_at(report, el.quoc_hieu)
        if not text.isupper() and not (fmt is not None and fmt.caps):
            yield warn("LAYOUT_NATIONAL_TITLE", f"Quốc hiệu “{text}” phải viết in hoa.", qh["cite"],
                        **place_of(report, el.quoc_hieu), reported=text, expected=qh["text"])
    if el.tieu_ngu is None:
        yield warn("LAYOUT_NATIONAL_TITLE", "Không thấy Tiêu ngữ “Độc lập - Tự do - Hạnh phúc” dưới Quốc hiệu.",
                    tn["cite"])
    else:
        text = element_text(report, "tieu_ngu", el.tieu_ngu)
        if text != tn["text"]:
            yield warn("LAYOUT_NATIONAL_TITLE", f"Tiêu ngữ ghi “{text}”, đúng là “{tn['text']}” (chữ đầu mỗi cụm "
                        "viết hoa, gạch nối (-) có cách hai bên).", tn["cite"],
                        **place_of(report, el.tieu_ngu), reported=text, expected=tn["text"])


@rule("LAYOUT_NUMBER", "Số, ký hiệu văn bản sai mẫu hoặc mã loại văn bản không khớp tên loại")
def layout_number(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: dòng "Số: …/…": mã loại văn bản trong ký hiệu khớp tên loại (Phụ lục III); số nhỏ hơn 10
    có số 0 đứng trước; công văn không mang mã loại.
    Vì sao: ký hiệu gồm chữ viết tắt tên loại văn bản và tên cơ quan; văn thư đăng ký văn bản đi theo đó.
    Ví dụ sai: THÔNG BÁO mang số "Số: 12/BC-VPUBND"; "Số: 7/BC-UBND".
    Ví dụ đúng: THÔNG BÁO "Số: 12/TB-VPUBND"; "Số: 07/BC-UBND"; công văn "Số: 15/UBND-KSTT"."""
    setup = layout_setup(report)
    if setup is None or setup[0].so_ky_hieu is None:
        return
    el, data = setup
    cite = data["type_codes"]["cite"]
    text = norm(units(report)[el.so_ky_hieu].text)
    number, symbol = symbol_of(text)
    where = place_of(report, el.so_ky_hieu)
    if symbol is None:
        return
    first = symbol.split("-", 1)[0]
    codes = {c.casefold(): c for c in type_names().values()}
    want = expected_code(report, el)
    if want is not None and first.casefold() != want.casefold():
        name = norm(units(report)[el.ten_loai].text)
        yield warn("LAYOUT_NUMBER", f"Văn bản là {name} nhưng ký hiệu “{symbol}” mang mã {first}; mã của {name} "
                    f"là {want} (…/{want}-…).", cite, **where, reported=symbol, expected=f"{want}-…")
    elif want is None and el.trich_yeu_cv is not None and first.casefold() in codes and "-" in symbol:
        yield warn("LAYOUT_NUMBER", f"Công văn không mang mã loại văn bản nhưng ký hiệu “{symbol}” bắt đầu bằng "
                    f"{first}.", cite, **where, reported=symbol)
    if number and number.isdecimal() and int(number) < 10 and not number.startswith("0"):
        yield warn("LAYOUT_NUMBER", f"Số văn bản “{number}” nhỏ hơn 10 phải ghi thêm số 0 phía trước "
                    f"({int(number):02d}).", data["elements"]["so_ky_hieu"]["cite"], **where,
                    reported=number, expected=f"{int(number):02d}")


@rule("LAYOUT_DATE_LINE", "Dòng địa danh, ngày tháng sai mẫu (số 0 trước ngày dưới 10, tháng 1, 2)")
def layout_date_line(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: dòng "Địa danh, ngày … tháng … năm …": ngày dưới 10 và tháng 1, 2 có số 0 phía trước.
    Vì sao: Phụ lục I, Mục II, khoản 4 điểm b quy định cách ghi ngày, tháng ban hành.
    Ví dụ sai: "Hà Nội, ngày 5 tháng 1 năm 2025".
    Ví dụ đúng: "Hà Nội, ngày 05 tháng 01 năm 2025"; "ngày 17 tháng 8 năm 2023"."""
    setup = layout_setup(report)
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
        yield warn("LAYOUT_DATE_LINE", f"Dòng “{text}”: " + "; ".join(wrong) + ".",
                    "Phụ lục I, Mục II, khoản 4 điểm b: ngày dưới 10 và tháng 1, 2 phải ghi thêm số 0 phía trước.",
                    **place_of(report, el.dia_danh), reported=text)


@rule("LAYOUT_HEADING", "Tiêu đề mục đánh số La Mã chưa in hoa, đậm theo Nghị định 30/2020")
def layout_heading(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: tiêu đề mục đánh số La Mã (I., II., …) trong nội dung văn bản.
    Vì sao: số thứ tự và tiêu đề của mục trình bày bằng chữ in hoa, đứng, đậm.
    Ví dụ sai: "I. Kết quả đạt được" chữ thường.
    Ví dụ đúng: "I. KẾT QUẢ ĐẠT ĐƯỢC" in hoa, đậm."""
    setup = layout_setup(report)
    if setup is None:
        return
    el, data = setup
    for pos in el.headings:
        text = norm(units(report)[pos].text)
        fmt = format_at(report, pos)
        wrong = []
        if not (text.isupper() or (fmt is not None and fmt.caps)):
            wrong.append("chưa viết in hoa")
        if fmt is not None and not fmt.bold:
            wrong.append("chưa in đậm")
        if wrong:
            yield warn("LAYOUT_HEADING", f"Tiêu đề mục “{text[:70]}” " + ", ".join(wrong) + ".",
                        data["headings"]["roman_cite"], **place_of(report, pos), reported=text[:70])


@rule("LAYOUT_RECIPIENTS", "Văn bản không có phần “Nơi nhận” (Nghị định 30/2020)")
def layout_recipients(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: văn bản có tên loại hoặc trích yếu công văn và khối chữ ký nhưng không có phần "Nơi nhận:".
    Vì sao: nơi nhận (để thực hiện, để biết, để lưu) là thành phần thể thức bắt buộc; dòng cuối "- Lưu: VT, …"
    do quy tắc NOI_NHAN_FORMAT kiểm tra.
    Ví dụ sai: văn bản kết thúc bằng chữ ký, không có "Nơi nhận:".
    Ví dụ đúng: "Nơi nhận: - Như trên; - Lưu: VT, KSTT." bên trái khối chữ ký."""
    setup = layout_setup(report)
    if setup is None:
        return
    el, data = setup
    if el.noi_nhan is None and el.authority and (el.ten_loai is not None or el.trich_yeu_cv is not None):
        yield warn("LAYOUT_RECIPIENTS", "Không thấy phần “Nơi nhận:” ở cuối văn bản.",
                    data["recipients"]["archive_cite"])


@rule("LAYOUT_SIGNATURE", "Quyền hạn ký (KT./TM./TL./TUQ.) không có dòng chức vụ theo sau")
def layout_signature(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: sau dòng quyền hạn "KT. …", "TM. …", "TL. …", "TUQ. …" là dòng chức vụ của người ký (in hoa).
    Vì sao: ký thay, thay mặt, thừa lệnh, thừa ủy quyền đều phải ghi chức vụ của người trực tiếp ký.
    Ví dụ sai: "KT. CHÁNH VĂN PHÒNG" rồi ngay họ tên người ký.
    Ví dụ đúng: "KT. CHÁNH VĂN PHÒNG" / "PHÓ CHÁNH VĂN PHÒNG" / (chữ ký) / "Nguyễn Văn A"."""
    setup = layout_setup(report)
    if setup is None:
        return
    el, data = setup
    texts = [norm(p.text) for p in units(report)]
    for pos in el.authority:
        own = lines_of(units(report)[pos].text)  # the position may follow a line break in the same paragraph
        nxt = own[1] if len(own) > 1 else next((texts[i] for i in range(pos + 1, min(pos + 3, len(texts)))
                                                if texts[i]), "")
        if not nxt or not nxt.isupper() or fold(nxt).startswith(("nơi nhận", "phụ lục")):
            yield warn("LAYOUT_SIGNATURE", f"Sau “{own[0]}” không có dòng chức vụ của người ký (in hoa).",
                        data["signature"]["cite"], **place_of(report, pos), reported=own[0])


@rule("LAYOUT_PAGE_NUMBER", "Văn bản nhiều trang không đánh số trang")
def layout_page_number(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: văn bản DOCX dài (nhiều hơn một trang) có trường số trang ở đầu trang; PDF nhiều trang có số
    trang, cỡ chữ số trang 13–14.
    Vì sao: số trang được đánh từ số 1, canh giữa trong phần lề trên, không hiển thị ở trang thứ nhất.
    Ví dụ sai: văn bản ba trang không có số trang.
    Ví dụ đúng: trường PAGE trong phần đầu trang, ẩn ở trang đầu."""
    setup = layout_setup(report)
    if setup is None:
        return
    low, high = setup[1]["page_numbers"]["size"]
    off = [(page, size) for page, size in report.layout.page_number_sizes if not (low <= size <= high)]
    if off:
        sizes = ", ".join(sorted({pt(size) for _, size in off}))
        yield warn("LAYOUT_PAGE_NUMBER", f"Số trang cỡ chữ {sizes} ({len(off)} trang), quy định {pt(low)}–"
                    f"{pt(high)}.", setup[1]["page_numbers"]["cite"], page=off[0][0], reported=sizes,
                    expected=f"{pt(low)}–{pt(high)}")
    if report.layout.page_numbers is not False:
        return
    if len(units(report)) < 40 and len(report.layout.pages) < 2:  # about one page: nothing to number
        return
    yield warn("LAYOUT_PAGE_NUMBER", "Văn bản không có số trang (không thấy trường số trang ở đầu hoặc cuối trang).",
                setup[1]["page_numbers"]["cite"])
