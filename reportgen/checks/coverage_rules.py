"""What the other rules could not check, as findings: a table with numbers on
which no relation was verified, a column of a checked table whose figures no
relation covers, a numeric claim of the prose that nothing was compared
with, and, as notes, what only a bound the document states could hold. They
run after every other rule and read the coverage ledger
(:mod:`reportgen.coverage`) those rules filled."""
from __future__ import annotations

from typing import Iterator

from ..coverage import UNSTATED_BOUNDS, TableEntry
from ..model import Finding, Report
from ..text.headers import ROLE_NAMES
from ..text.lines import sentence_span
from .registry import CheckContext, rule
from .relations_support import column_labels

_QUOTE = 160

# What a bound verified on a cell says, for a clerk: why the cell is not
# counted as checked (a slip within the bound passes).
_BOUND_WORDS = {
    "percent-at-most-100": "tỷ lệ không quá 100%",
    "value-at-most-header-max": "không vượt điểm tối đa ghi ở tiêu đề cột",
    "value-at-most-row-max": "không vượt điểm chuẩn tối đa của dòng",
    "fraction-bound": "tử số không vượt mẫu số",
    "score-max": "không vượt điểm tối đa của chỉ số",
    "rank-follows-column": "giữ đúng thứ tự của cột xếp hạng",
    "rank-order": "giữ đúng thứ tự giảm dần",
    "rank-among-peers": "thứ hạng theo thứ tự số liệu của các đơn vị cùng dòng",
    "grade-follows-bands": "nằm trong khung của xếp loại",
    "summary-row-max": "không vượt dòng cao nhất",
    "summary-row-min": "không dưới dòng thấp nhất",
    "points-from-rate-scheme-indicator": "tỷ lệ đạt ngưỡng được điểm tối đa của chỉ số",
    "points-from-rate-whole-maximum": "tỷ lệ đạt ngưỡng được điểm tối đa của chỉ số",
}


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
        reasons = list(dict.fromkeys(entry.doubts))
        columns = {key for _, key in entry.numeric_cells}
        bounds = _bounds_of(entry, entry.numeric_cells)
        if not reasons and len(columns) == 1:  # one figure a row: nothing in the table to compare it with
            label = column_labels(report, entry.index).get(next(iter(columns)))
            reasons.append(f"mỗi dòng chỉ có một số{f' (cột “{_short(label, 40)}”)' if label else ''}"
                           + ("" if bounds else ", bảng không ghi tổng, tỷ lệ, điểm tối đa, xếp loại hay thứ hạng "
                                                "nào để đối chiếu"))
        elif not reasons:
            reasons.append("không cột nào bằng tổng, hiệu hay tỷ lệ của các cột khác ở phần lớn các dòng, và bảng "
                           "không có dòng tổng cộng hay dòng thống kê (cao nhất, trung bình …)")
        outside = _ranked_outside(report, entry.index)
        if outside:
            reasons.append(f"thứ hạng ghi trên {outside[0]} đơn vị (như “{outside[1]}”), không phải trên các dòng "
                           "của bảng: không đối chiếu được với số liệu trong bảng")
        if bounds:
            reasons.append(f"chỉ đối chiếu được giới hạn ({bounds}), một số ghi sai vẫn có thể nằm trong giới hạn đó")
        reason = ("; ".join(reasons) if reasons else
                  "không nhận ra quan hệ nào giữa các số của bảng (tổng, điểm tối đa, tỷ lệ, xếp loại, thứ hạng)")
        yield Finding(code="TABLE_UNCHECKED", severity="warning", table=entry.index, page=entry.page,
                      message=f"Bảng {entry.index + 1} ({_table_name(entry)}) có {len(entry.numeric_cells)} ô số"
                              f"{_columns_text(report, entry)} nhưng chưa được kiểm tra: {reason}. "
                              "Cần đối chiếu thủ công.")


def _ranked_outside(report: Report, index: int, key: str | None = None) -> tuple[int, str] | None:
    """The N of ranks written "x/N" (a place among 63 provinces) when N is
    more than the table's rows: ranks among units the table does not hold
    (in the column ``key`` only, when given)."""
    from .relations_frame import ColKind
    from .relations_support import frames

    for frame in frames(report):
        if frame.table.index != index or frame.transposed:
            continue
        cols = [col for col in frame.cols if col.kind in (ColKind.RANK, ColKind.NUM) and "hạng" in col.head
                and key in (None, col.key)]
        ranks = [c for col in cols for r in frame.rows
                 if (c := r.cells.get(col.index)) is not None and c.denominator is not None]
        wholes = {c.denominator for c in ranks}
        if len(wholes) == 1 and (n := next(iter(wholes))) > len(frame.rows):
            return int(n), " ".join(ranks[0].text.split())
    return None


def _column_counts(report: Report, entry: TableEntry, cells) -> list[tuple[str, str, int]]:
    """(key, header words, how many of ``cells``) per column, in the header's order."""
    counts: dict[str, int] = {}
    for _, key in cells:
        counts[key] = counts.get(key, 0) + 1
    labels = column_labels(report, entry.index)
    order = {key: i for i, key in enumerate(labels)}
    return [(k, labels.get(k) or ROLE_NAMES.get(k) or k, counts[k])
            for k in sorted(counts, key=lambda k: (order.get(k, len(order)), k))]


def _columns_text(report: Report, entry: TableEntry, limit: int = 6) -> str:
    """' (cột “TỶ LỆ %”: 19, “ĐIỂM ĐÁNH GIÁ”: 19)' when the cells are in more than one column."""
    columns = _column_counts(report, entry, entry.numeric_cells)
    if len(columns) < 2:
        return ""
    parts = [f"“{_short(label, 40)}”: {n}" for _, label, n in columns[:limit]]
    more = f" và {len(columns) - limit} cột khác" if len(columns) > limit else ""
    return f" (cột {', '.join(parts)}{more})"


def _table_name(entry: TableEntry) -> str:
    title = f"“{_short(entry.title, 90)}”" if entry.title else "không có tiêu đề"
    return title + (f", trang {entry.page}" if entry.page is not None else "")


def _bounds_of(entry: TableEntry, cells, *, stated: bool = False) -> str:
    """The bounds verified on ``cells``, in words (only those the document
    states about them when ``stated``: UNSTATED_BOUNDS left out)."""
    names = sorted({rel for cell in cells if cell in entry.bounded_cells
                    for rel in entry.cell_relations.get(cell, ()) if rel in _BOUND_WORDS
                    and not (stated and rel in UNSTATED_BOUNDS)})
    return "; ".join(dict.fromkeys(_BOUND_WORDS[n] for n in names))


def _row_names(report: Report, index: int, rows: list[int], limit: int = 3) -> str:
    table = next((t for t in report.tables if t.index == index), None)
    names = []
    for r in rows[:limit]:
        row = table.rows[r] if table is not None and 0 <= r < len(table.rows) else None
        name = _short((row.unit or row.no or "") if row is not None else "", 40) or f"dòng {r + 1}"
        names.append(name)
    return ", ".join(names) + (f" và {len(rows) - limit} dòng khác" if len(rows) > limit else "")


@rule("COLUMN_UNCHECKED",
      "Cột số của bảng có ô không quan hệ nào kiểm tra được, kể cả một giới hạn văn bản nêu")
def column_unchecked(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: trong một bảng đã kiểm tra được một phần, mỗi cột có ô số mà không
    quan hệ nào của văn bản bao được (tổng, tỷ lệ phần / tổng, điểm tính từ tỷ lệ, dòng
    thống kê, thứ hạng theo cột, hay ít nhất một giới hạn văn bản nêu: điểm tối đa, mẫu
    số, ngưỡng, khung xếp loại, thứ tự xếp hạng) — một cảnh báo cho cả cột, nêu tên cột
    theo tiêu đề, bảng, trang, số ô và lý do. "Tỷ lệ không quá 100%" đúng với mọi tỷ lệ,
    không phải điều văn bản nêu về ô ấy: không tính. Cột số thứ tự, năm, mã số không
    phải số liệu, không báo. Ô chỉ có giới hạn: xem BOUND_ONLY.
    Vì sao: "ĐẠT" phải có nghĩa là mọi ô số đã được đối chiếu với những gì văn bản nêu;
    cột chưa đối chiếu phải được nói ra để người đọc tự kiểm tra; kết luận khi đó là
    CHƯA KIỂM TRA HẾT.
    Ví dụ sai: bảng "Số hồ sơ | Tỷ lệ đúng hạn (%) | Điểm" mà điểm là tổng của các cột
    khác, còn cột "Tỷ lệ đúng hạn" không nằm trong tổng, tỷ lệ hay thứ hạng nào: báo
    COLUMN_UNCHECKED cho cột đó.
    Ví dụ đúng: mọi cột của bảng nằm trong một tổng, một tỷ lệ, một thứ hạng được kiểm
    tra, hoặc dưới điểm tối đa của dòng: không báo."""
    ledger = ctx.ledger
    for entry in ledger.partly_checked_tables():
        yield from _unchecked_columns(report, entry, entry.unverified_cells())


@rule("BOUND_ONLY", "Ô số của bảng chỉ đối chiếu được với giới hạn văn bản nêu (điểm tối đa, mẫu số, ngưỡng, "
      "khung, thứ tự): ghi chú, không ngăn kết luận ĐẠT")
def bound_only(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: ô số của một bảng mà điều duy nhất văn bản nêu về nó là một giới hạn —
    điểm tự đánh giá không vượt điểm chuẩn tối đa của dòng, tỷ lệ đạt ngưỡng nên được
    điểm tối đa, x/y với x ≤ y, thứ hạng theo thứ tự số liệu, số trong khung xếp loại — và
    giới hạn ấy được giữ. Một ghi chú (thông tin) cho mỗi bảng: số ô, giới hạn, các cột.
    "Tỷ lệ không quá 100%" đúng với mọi tỷ lệ, không phải giới hạn văn bản nêu: ô chỉ có
    nó là ô chưa kiểm tra (COLUMN_UNCHECKED). Nhận định trong lời văn chỉ có giới hạn vẫn
    là CLAIM_UNCHECKED.
    Vì sao: văn bản không nêu quan hệ nào khác để đối chiếu chính xác các số ấy; người
    đọc cẩn thận cũng chỉ kiểm tra được đến giới hạn. Kết luận vẫn có thể là ĐẠT, nhưng
    không im lặng: một số ghi sai mà vẫn nằm trong giới hạn thì không phát hiện được, và
    ghi chú nói rõ ở đâu. Số lượng được tính riêng trong phạm vi kiểm tra
    (``coverage.bounded``).
    Ví dụ sai: bảng "Điểm chuẩn tối đa | Điểm tự đánh giá | Điểm thẩm định | Chỉ số (%)"
    mà chỉ số tính từ điểm thẩm định: cột "Điểm tự đánh giá" chỉ đối chiếu được với điểm
    chuẩn tối đa, báo BOUND_ONLY cho cột đó.
    Ví dụ đúng: mọi ô của bảng nằm trong một tổng, một tỷ lệ hay một thứ hạng được kiểm
    tra: không báo."""
    ledger = ctx.ledger
    for entry in ledger.bounded_tables():
        cells = entry.bounded_only_cells()
        columns = _column_counts(report, entry, cells)
        names = [f"“{_short(label, 50)}” ({n} ô)" for _, label, n in columns[:6]]
        more = f" và {len(columns) - 6} cột khác" if len(columns) > 6 else ""
        outside = _ranked_outside(report, entry.index)
        if outside:
            more += (f"; thứ hạng ghi trên {outside[0]} đơn vị (như “{outside[1]}”), không phải trên các dòng của "
                     "bảng")
        yield Finding(code="BOUND_ONLY", severity="info", table=entry.index, page=entry.page,
                      column=columns[0][0] if len(columns) == 1 else None,
                      message=f"Bảng {entry.index + 1} ({_table_name(entry)}): {len(cells)} ô số chỉ đối chiếu "
                              f"được giới hạn ({_bounds_of(entry, cells, stated=True)}) — cột {', '.join(names)}"
                              f"{more}: văn bản không nêu tổng, tỷ lệ hay quan hệ nào khác chứa các ô này; một số "
                              "ghi sai vẫn nằm trong giới hạn đó thì không phát hiện được.")


def _unchecked_columns(report: Report, entry: TableEntry, cells: set) -> Iterator[Finding]:
    """One COLUMN_UNCHECKED per column of ``cells``: the column by its header,
    the table, its page, how many cells (which rows when not all) and why."""
    by_column: dict[str, list[int]] = {}
    for r, key in sorted(cells):
        by_column.setdefault(key, []).append(r)
    labels = column_labels(report, entry.index)
    order = {key: i for i, key in enumerate(labels)}
    for key in sorted(by_column, key=lambda k: (order.get(k, len(order)), k)):
        rows = by_column[key]
        total = sum(1 for _, k in entry.numeric_cells if k == key)
        label = labels.get(key) or ROLE_NAMES.get(key) or key
        bounds = _bounds_of(entry, [(r, key) for r in rows])
        which = f"{len(rows)}/{total} ô số" if len(rows) < total else f"{len(rows)} ô số"
        rows_text = f" ({_row_names(report, entry.index, rows)})" if len(rows) < total else ""
        why = ("không có tổng, tỷ lệ, điểm tính từ tỷ lệ, dòng thống kê, thứ hạng hay giới hạn nào văn bản nêu "
               "chứa các ô này")
        if bounds:
            why += f" (chỉ có giới hạn chung: {bounds})"
        unread = [r for r in rows if (r, key) in entry.unread_cells]
        if unread:  # a relation over them broke where OCR did not read them for sure (checks.ocr_doubts)
            read_why = "bản quét không đọc chắc chắn được các ô này, phép tính chứa chúng chưa kết luận được"
            why = read_why if unread == rows else (
                f"{why}; bản quét không đọc chắc chắn được ô ở dòng {_row_names(report, entry.index, unread)}")
        outside = _ranked_outside(report, entry.index, key)
        if outside:
            why = (f"thứ hạng ghi trên {outside[0]} đơn vị (như “{outside[1]}”), không phải trên các dòng của "
                   f"bảng: không đối chiếu được với số liệu trong bảng; {why}")
        yield Finding(code="COLUMN_UNCHECKED", severity="warning", table=entry.index, column=key, page=entry.page,
                      message=f"Cột “{_short(label, 60)}” của bảng {entry.index + 1} ({_table_name(entry)}): "
                              f"{which} chưa được kiểm tra{rows_text} — {why}. Cần đối chiếu thủ công.")


@rule("CLAIM_UNCHECKED", "Nhận định có số liệu trong lời văn không đối chiếu được với số liệu nào")
def claim_unchecked(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: nhận định có số liệu trong lời văn (tỷ lệ của một phần trên tổng, x/y,
    tổng và các phần, số đơn vị theo xếp loại, số đơn vị được đánh giá) mà không quy tắc
    nào đối chiếu được với số liệu khác.
    Vì sao: nhận định chưa đối chiếu thì chưa thể nói là đúng; kết luận khi đó là CHƯA
    KIỂM TRA HẾT.
    Ví dụ sai: "Số cơ quan được đánh giá: 20 cơ quan" mà văn bản không có bảng hay con
    số nào khác về 20 cơ quan ấy: báo CLAIM_UNCHECKED.
    Ví dụ đúng: "đánh giá 20 cơ quan: 12 Xuất sắc, 8 Tốt": đã đối chiếu (12 + 8 = 20).

    One finding per paragraph: a paragraph with several claims left unchecked lists
    their figures in one warning (a long report gives one warning per paragraph, not
    one per figure)."""
    groups: dict[object, list] = {}
    for entry in ctx.ledger.unchecked_claims():
        key = entry.paragraph if entry.paragraph is not None else ("statement", entry.statement)
        groups.setdefault(key, []).append(entry)
    for entries in groups.values():
        first = entries[0]
        sentences = list(dict.fromkeys(_sentence(report, e) for e in entries))
        sentences = [t for t in sentences if not any(t != o and t in o for o in sentences)]  # a clause of another: once
        bounds = "; ".join(dict.fromkeys(_CLAIM_BOUND_WORDS.get(b, b) for e in entries for b in e.bounds))
        why = (f"chỉ đối chiếu được giới hạn “{bounds}”, mà một số ghi sai vẫn có thể nằm trong đó" if bounds
               else f"không rõ tổng thể hoặc bảng mà {'nó' if len(entries) == 1 else 'chúng'} nói tới")
        if len(entries) == 1:
            name = _short(first.figure or first.text, 80)
            where = "" if _plain(name) == _plain(sentences[0]) else f" (trong câu “{_short(sentences[0])}”)"
            yield Finding(code="CLAIM_UNCHECKED", severity="warning", paragraph=first.paragraph, page=first.page,
                          reported=name,
                          message=f"Chưa đối chiếu được nhận định “{name}”{where} với số liệu nào trong văn bản "
                                  f"({why}). Cần kiểm tra thủ công.")
            continue
        figures = [_short(e.figure or e.text, 60) for e in entries]
        quoted = "; ".join(f"“{f}”" for f in figures[:8]) + (f" và {len(figures) - 8} số khác"
                                                              if len(figures) > 8 else "")
        where = f" (trang {first.page})" if first.page is not None else ""
        yield Finding(code="CLAIM_UNCHECKED", severity="warning", paragraph=first.paragraph, page=first.page,
                      reported=_short("; ".join(figures), 80),
                      message=f"Đoạn văn{where} có {len(entries)} nhận định có số liệu chưa đối chiếu được với số "
                              f"liệu nào trong văn bản: {quoted} — trong “{_short(sentences[0])}”"
                              + (f" và {len(sentences) - 1} câu khác" if len(sentences) > 1 else "")
                              + f" ({why}). Cần kiểm tra thủ công.")


# What a bound verified on a claim says (coverage.CLAIM_BOUND_RELATIONS).
_CLAIM_BOUND_WORDS = {
    "fraction-bound": "tử số không vượt mẫu số",
    "grade-counts-within-whole": "tổng số đơn vị theo các mức xếp loại không vượt tổng số",
    "stat-within-bands": "nằm trong khoảng mà các số đơn vị theo từng khoảng cho phép",
    "band-counts-within-whole": "tổng số đơn vị theo các khoảng không giao nhau không vượt tổng số",
}


def _plain(text: str) -> str:
    return " ".join((text or "").split()).strip(" .;:,-–").casefold()


def _sentence(report: Report, entry) -> str:
    """The sentence of its paragraph that holds the claim (its words as
    read), else the words the reader kept around it."""
    st = report.statements[entry.statement] if 0 <= entry.statement < len(report.statements) else None
    para = next((p for p in report.paragraphs if p.index == entry.paragraph), None)
    text = " ".join((para.text if para is not None else "").split())
    figure = " ".join((st.text if st is not None else "").split())
    if figure and figure in text:
        at = text.index(figure)
        start, end = sentence_span(text, at, at + len(figure))
        return text[start:end + 1].strip()
    return " ".join(entry.text.split())


@rule("TABLE_UNCHECKED", "Dòng có dạng bảng (ô ngăn bằng “|” hoặc tab, chỉ gồm số, hay các ô dính liền nhau) nhưng "
                         "không đọc được thành bảng")
def table_rows_unread(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: các đoạn văn có dạng dòng của một bảng (ba ô trở lên ngăn bằng “|”,
    “│” hay tab, có từ hai số trở lên), các đoạn chỉ gồm số nối tiếp nhau (ô của một
    bảng trong PDF tách ra từng ô), hay một đoạn mà các ô của bảng dính liền nhau, chữ
    sát số từ sáu chỗ trở lên ("1Kinh tế hợp tác3473930833…": bảng bị trình chuyển đổi
    làm phẳng), mà trình đọc không dựng được thành bảng.
    Vì sao: số liệu trong các dòng ấy không thuộc bảng nào, cũng không là nhận định nào,
    nên không quy tắc nào kiểm tra; kết luận là CHƯA KIỂM TRA HẾT, không phải ĐẠT.
    Ví dụ sai: bảng vẽ bằng ký tự lạ mà các dòng “| 1 | Sở Tư pháp | 91,50 |” được đọc
    như lời văn: báo TABLE_UNCHECKED, nêu số dòng và đoạn đầu tiên.
    Ví dụ đúng: bảng Markdown hay bảng kẻ “+---+” được đọc thành bảng và kiểm tra: không
    báo."""
    rows = ctx.ledger.unread_rows
    if not rows:
        return
    first = next((p for p in report.paragraphs if p.index == rows[0]), None)
    quoted = f": “{_short(first.text, 80)}”" if first is not None else ""
    yield Finding(code="TABLE_UNCHECKED", severity="warning", paragraph=rows[0],
                  page=first.page if first is not None else None,
                  message=f"{len(rows)} đoạn văn có dạng dòng hoặc ô của một bảng (ô ngăn bằng “|” hoặc tab, "
                          f"chỉ gồm số, hay các ô dính liền nhau) nhưng không đọc được thành bảng{quoted}. Số liệu "
                          "trong các đoạn này chưa được kiểm tra; cần đối chiếu thủ công.")


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
    Bảng mà mọi số chỉ đối chiếu được giới hạn (BOUND_ONLY) cũng chưa phải đã kiểm tra:
    văn bản chỉ có những bảng như thế thì vẫn báo, nói rõ là chỉ có giới hạn.
    Ví dụ sai: một thông báo quét chỉ có lời văn chỉ đạo, không bảng, không tỷ lệ nào:
    báo NOTHING_CHECKED; một bảng "Đơn vị | Tổng điểm | Xếp loại" và khung xếp loại,
    không gì khác: báo NOTHING_CHECKED (điểm chỉ nằm trong khung).
    Ví dụ đúng: báo cáo có bảng điểm được kiểm tra tổng, tối đa và xếp loại: không báo."""
    ledger = ctx.ledger
    if ledger.anything_checked or ledger.unchecked_tables() or ledger.unchecked_claims():
        return  # checked something, or TABLE_UNCHECKED / CLAIM_UNCHECKED say what was not
    scanned = any(f.code == "OCR_UNCERTAIN" for f in report.read_findings)
    how = " (văn bản đọc bằng nhận dạng chữ từ bản quét)" if scanned else ""
    if ledger.bounded_tables():
        what = ("Các bảng số liệu chỉ đối chiếu được giới hạn (xem BOUND_ONLY), không số nào kiểm tra chính xác "
                f"được bằng tổng, tỷ lệ hay thứ hạng{how}")
    else:
        what = f"Không đọc được bảng số liệu hay nhận định có số nào để kiểm tra{how}"
    yield Finding(code="NOTHING_CHECKED", severity="warning",
                  message=f"{what}: kết luận là CHƯA KIỂM TRA HẾT, không phải ĐẠT. Cần kiểm tra thủ công.")
