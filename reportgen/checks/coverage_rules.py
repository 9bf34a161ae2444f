"""What the other rules could not check, as findings: a table with numbers on
which no relation was verified, a numeric claim of the prose that nothing
was compared with. They run after every other rule and read the coverage
ledger (:mod:`reportgen.coverage`) those rules filled."""
from __future__ import annotations

from typing import Iterator

from ..model import Finding, Report
from .registry import CheckContext, rule

_QUOTE = 160


def _short(text: str, width: int = _QUOTE) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@rule("TABLE_UNCHECKED",
      "Bảng có số liệu nhưng không kiểm tra được quan hệ nào (tổng, tối đa, tỷ lệ, xếp loại, thứ hạng)")
def table_unchecked(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: bảng có ô số mà không quy tắc nào kiểm tra được một quan hệ giữa các
    số của nó (tổng, điểm tối đa, tỷ lệ, xếp loại, thứ hạng …).
    Vì sao: "ĐẠT" không được có nghĩa là "không hiểu gì". Bảng chưa kiểm tra phải được
    nói ra để người đọc tự đối chiếu; kết luận khi đó là CHƯA KIỂM TRA HẾT.
    Ví dụ sai: bảng số hồ sơ theo lĩnh vực không có cột tổng, tỷ lệ hay xếp loại nào để
    đối chiếu: báo TABLE_UNCHECKED với tiêu đề và trang của bảng.
    Ví dụ đúng: bảng có cột tổng bằng cộng các cột thành phần ở mọi dòng: đã kiểm tra,
    không báo."""
    for entry in ctx.ledger.unchecked_tables():
        title = f"“{_short(entry.title, 90)}”" if entry.title else "không có tiêu đề"
        where = f", trang {entry.page}" if entry.page is not None else ""
        reason = ("; ".join(dict.fromkeys(entry.doubts)) if entry.doubts else
                  "không nhận ra quan hệ nào giữa các số của bảng (tổng, điểm tối đa, tỷ lệ, xếp loại, thứ hạng)")
        yield Finding(code="TABLE_UNCHECKED", severity="warning", table=entry.index, page=entry.page,
                      message=f"Bảng {entry.index + 1} ({title}{where}) có {len(entry.numeric_cells)} ô số "
                              f"nhưng chưa được kiểm tra: {reason}. Cần đối chiếu thủ công.")


@rule("CLAIM_UNCHECKED", "Nhận định có số liệu trong lời văn không đối chiếu được với số liệu nào")
def claim_unchecked(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: nhận định có số liệu trong lời văn (tỷ lệ của một phần trên tổng, x/y,
    tổng và các phần, số đơn vị theo xếp loại, số đơn vị được đánh giá) mà không quy tắc
    nào đối chiếu được với số liệu khác.
    Vì sao: nhận định chưa đối chiếu thì chưa thể nói là đúng; kết luận khi đó là CHƯA
    KIỂM TRA HẾT.
    Ví dụ sai: "Số cơ quan được đánh giá: 20 cơ quan" mà văn bản không có bảng hay con
    số nào khác về 20 cơ quan ấy: báo CLAIM_UNCHECKED.
    Ví dụ đúng: "đánh giá 20 cơ quan: 12 Xuất sắc, 8 Tốt": đã đối chiếu (12 + 8 = 20)."""
    for entry in ctx.ledger.unchecked_claims():
        yield Finding(code="CLAIM_UNCHECKED", severity="warning", paragraph=entry.paragraph, page=entry.page,
                      reported=_short(entry.text, 80),
                      message=f"Chưa đối chiếu được nhận định “{_short(entry.text)}” với số liệu nào "
                              "trong văn bản (không rõ tổng thể hoặc bảng mà nó nói tới). Cần kiểm tra thủ công.")


@rule("PAGE_UNREAD", "Trang quét không đọc được (nhiễu, ảnh chụp): nội dung trang chưa được kiểm tra")
def page_unread(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: trang ảnh quét mà trình đọc bỏ qua vì không giống văn bản (chấm nhiễu
    phủ kín trang, ảnh chụp, bản quét quá mờ): không có dòng chữ nào để nhận dạng.
    Vì sao: số liệu trên trang ấy (nếu có) chưa được đọc, nên chưa được kiểm tra; kết
    luận là CHƯA KIỂM TRA HẾT, không phải ĐẠT, và người đọc phải xem trang ấy bằng mắt.
    Ví dụ sai: bản quét 5 trang, trang 3 là ảnh nhiễu kín trang: báo PAGE_UNREAD trang 3.
    Ví dụ đúng: mọi trang quét đều có dòng chữ nhận dạng được: không báo."""
    for page in ctx.ledger.unread_pages:
        yield Finding(code="PAGE_UNREAD", severity="warning", page=page,
                      message=f"Trang {page} là ảnh quét không giống văn bản (nhiễu, ảnh chụp hoặc quá mờ): "
                              "không nhận dạng chữ được, nội dung trang chưa được kiểm tra. Cần xem trang này "
                              "bằng mắt.")


@rule("NOTHING_CHECKED", "Không tìm thấy bảng số liệu hay nhận định có số nào để kiểm tra")
def nothing_checked(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: văn bản mà không bảng số liệu hay nhận định có số nào được đọc ra và
    kiểm tra (bản quét đọc không rõ, công văn không có số liệu, định dạng lạ).
    Vì sao: "ĐẠT" phải có nghĩa là "số liệu đã được kiểm tra và đúng"; khi không kiểm tra
    được gì thì kết luận là CHƯA KIỂM TRA HẾT, không phải ĐẠT.
    Ví dụ sai: một thông báo quét chỉ có lời văn chỉ đạo, không bảng, không tỷ lệ nào:
    báo NOTHING_CHECKED.
    Ví dụ đúng: báo cáo có bảng điểm được kiểm tra tổng, tối đa và xếp loại: không báo."""
    ledger = ctx.ledger
    if ledger.anything_checked or ledger.unchecked_tables() or ledger.unchecked_claims():
        return  # checked something, or TABLE_UNCHECKED / CLAIM_UNCHECKED say what was not
    scanned = any(f.code == "OCR_UNCERTAIN" for f in report.read_findings)
    how = " (văn bản đọc bằng nhận dạng chữ từ bản quét)" if scanned else ""
    yield Finding(code="NOTHING_CHECKED", severity="warning",
                  message=f"Không đọc được bảng số liệu hay nhận định có số nào để kiểm tra{how}: "
                          "kết luận là CHƯA KIỂM TRA HẾT, không phải ĐẠT. Cần kiểm tra thủ công.")
