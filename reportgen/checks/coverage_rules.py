"""What the other rules could not check, as findings: a table with numbers on
which no relation was verified, a numeric claim of the prose that nothing
was compared with. They run after every other rule and read the coverage
ledger (:mod:`reportgen.coverage`) those rules filled."""
from __future__ import annotations

from typing import Iterator

from ..model import Finding, Report
from . import CheckContext, rule

_QUOTE = 160


def _short(text: str, width: int = _QUOTE) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@rule("TABLE_UNCHECKED",
      "Bảng có số liệu nhưng không kiểm tra được quan hệ nào (tổng, tối đa, tỷ lệ, xếp loại, thứ hạng)")
def table_unchecked(report: Report, ctx: CheckContext) -> Iterator[Finding]:
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
    for entry in ctx.ledger.unchecked_claims():
        yield Finding(code="CLAIM_UNCHECKED", severity="warning", paragraph=entry.paragraph, page=entry.page,
                      reported=_short(entry.text, 80),
                      message=f"Chưa đối chiếu được nhận định “{_short(entry.text)}” với số liệu nào "
                              "trong văn bản (không rõ tổng thể hoặc bảng mà nó nói tới). Cần kiểm tra thủ công.")
