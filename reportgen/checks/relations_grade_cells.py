"""Grade cells the checks could not read: a "Xếp loại" column that writes
its grades in a form no scheme and no legend of the document names, or one
whose grades follow no figure column of the table."""
from __future__ import annotations

from typing import Iterator

from ..model import Finding, Report
from ..schemes import all_schemes
from .registry import CheckContext, rule
from .relations_frame import ColKind, RowKind
from .relations_grade_words import grade_level
from .relations_grades import GRADE_BASIS_UNKNOWN
from .relations_support import col_name, finding, frames, short

_EMPTY = {"-", "–", "x", "/"}


@rule("GRADE_UNREAD", "Ô xếp loại ghi dạng không đọc được, chưa đối chiếu được với khung xếp loại")
def grade_unread(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: mỗi ô của cột "Xếp loại" phải là một loại đọc được: tên
    loại ("Xuất sắc", "Tốt" …), cách viết của bộ chỉ số mà bảng theo ("Hoàn
    thành tốt nhiệm vụ"), hoặc chữ viết tắt văn bản giải thích ("XS - Xuất
    sắc"). Ô ghi dạng
    khác (chữ viết tắt không có chú thích) không đối chiếu được với điểm:
    báo một cảnh báo cho cả cột, kết luận là chưa kiểm tra hết.

    Vì sao: một cột xếp loại không đọc được mà kết luận "ĐẠT" là nói dối
    người đọc: xếp loại sai trong cột đó không ai phát hiện.

    Ví dụ sai: cột "Xếp loại" ghi "XS", "T", "K" mà văn bản không chú thích.

    Ví dụ đúng: ghi "Xuất sắc", "Tốt", "Khá", hoặc thêm "Ghi chú: XS - Xuất
    sắc; T - Tốt; K - Khá".
    """
    aliases = report.grade_aliases
    schemes = all_schemes()
    for frame in frames(report):
        scheme = schemes.get(frame.table.scheme or "")
        unread: dict[int, list] = {}
        for row in frame.rows:
            if row.kind != RowKind.UNIT:
                continue
            for index, text in row.grade_written.items():
                word = " ".join(text.split()).strip(" .")
                if word.casefold() in _EMPTY or grade_level(aliases.get(word, word)) or (
                        scheme is not None and scheme.canonical_grade(word)):
                    continue  # read by the relations, or by the bound scheme's grade check
                unread.setdefault(index, []).append((row, word))
        for index, rows in unread.items():
            col = frame.col(index)
            shown = "; ".join(f"{short(r.label, 30)}: “{w}”" for r, w in rows[:3]) + (
                f" và {len(rows) - 3} ô khác" if len(rows) > 3 else "")
            yield finding("GRADE_UNREAD", "warning",
                          f"Cột {col_name(col)} có {len(rows)} ô xếp loại không đọc được là loại nào ({shown}): "
                          f"văn bản không chú thích cách viết này, nên chưa đối chiếu được với điểm. Cần kiểm tra "
                          f"thủ công.", frame, rows[0][0], col, rows[0][1], None)


@rule("GRADES_UNCHECKED", "Cột xếp loại đọc được nhưng không xác định được xếp loại theo cột số nào")
def grades_unchecked(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: cột "Xếp loại" mà các loại đọc được, nhưng không cột số nào của
    bảng (điểm, tỷ lệ) đặt phần lớn các đơn vị vào đúng khung của loại mình (theo khung
    văn bản nêu, hoặc theo thứ bậc của chính bảng): xếp loại chưa được đối chiếu, kết
    luận là chưa kiểm tra hết.
    Vì sao: cột xếp loại không phải ô số nên không hiện trong số ô đã kiểm tra; nếu im
    lặng, "ĐẠT" sẽ che một cột không ai đối chiếu.
    Ví dụ sai: khung "Tốt từ 80 điểm trở lên; Khá từ 65 đến dưới 80" mà có hai cột điểm,
    đơn vị nào cũng chỉ khớp khung ở một trong hai cột.
    Ví dụ đúng: mọi đơn vị khớp khung ở cột "Điểm thẩm định": đã kiểm tra theo cột ấy."""
    for frame in frames(report):
        entry = ctx.ledger.tables.get(frame.table.index)
        grade = next((c for c in frame.cols if c.kind == ColKind.GRADE), None)
        if entry is None or grade is None or GRADE_BASIS_UNKNOWN not in entry.doubts:
            continue
        graded = [r for r in frame.units if r.grade is not None]
        if not graded:
            continue
        yield finding("GRADES_UNCHECKED", "warning",
                      f"Cột {col_name(grade)} có {len(graded)} ô xếp loại chưa đối chiếu được: không cột số nào "
                      f"của bảng đặt phần lớn các đơn vị vào đúng khung của loại mình. Cần kiểm tra thủ công.",
                      frame, graded[0], grade, graded[0].grade_text, None)
