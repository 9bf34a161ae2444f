"""Unit lists by grade in the prose ("xếp loại Tốt: Sở Y tế, Sở Tư pháp")
against the score table they describe: each name listed under a grade has
that grade in the table, and each row of a listed grade is listed. The rows
are found by :mod:`.prose_rows` (by the units the lists name)."""
from __future__ import annotations

from difflib import SequenceMatcher
from typing import Iterator

from ..model import Finding, Report, Statement
from ..text.names import name_key
from .prose_counts import finding_at
from .prose_rows import group_by_units, scopes, unit_grades
from .registry import CheckContext, rule


@rule("GRADE_LIST_MISMATCH", "Danh sách đơn vị theo xếp loại trong văn bản khác bảng kết quả")
def grade_list_vs_table(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: từng đơn vị được liệt kê dưới một xếp loại trong lời văn có đúng
    xếp loại đó trong bảng kết quả không, và bảng có đơn vị nào mang xếp loại đó mà lời
    văn bỏ sót không.
    Vì sao: danh sách trong lời văn là điều người đọc nhớ; một tên đặt nhầm nhóm là một
    kết luận sai về đơn vị đó.
    Ví dụ sai: "xếp loại Tốt: Sở Y tế" trong khi bảng ghi Sở Y tế xếp loại Khá.
    Ví dụ đúng: "xếp loại Tốt: Sở Y tế" và bảng ghi Sở Y tế xếp loại Tốt."""
    for scope, statements in scopes(report).items():
        grades = [st for st in unit_grades(statements) if st.units]
        if not grades:
            continue
        all_units = [u for st in grades for u in st.units]
        group, by_unit = group_by_units(report, all_units)
        if not group:
            continue
        listed_rows: dict[tuple[int, int], str] = {}
        missing = [(st, unit) for st in grades for unit in st.units if by_unit.get(unit) is None]
        listed = {(r[0], r[1]) for r in by_unit.values() if r is not None}
        misspelt = _misspelt(missing, [(t, i, row) for t, i, row in group if (t, i) not in listed])
        for st in grades:
            for unit in st.units:
                ref = by_unit.get(unit)
                if ref is None and (id(st), unit) in misspelt:
                    t, i, row = misspelt[(id(st), unit)]
                    listed_rows[(t, i)] = st.grade
                    yield finding_at("GRADE_LIST_MISMATCH", "warning",
                              f"“{unit}” (nêu xếp loại {st.grade}) không có trong bảng kết quả; bảng có "
                              f"“{row.unit}” khác một, hai chữ cái (xếp loại {row.grade}): có thể tên bị viết "
                              "hoặc đọc sai", st, table=t, row=i, unit=row.unit, reported=st.grade)
                    if row.grade != st.grade:
                        yield finding_at("GRADE_LIST_MISMATCH", "warning",
                                  f"Văn bản nêu “{unit}” (có thể là {row.unit}) xếp loại {st.grade} nhưng bảng "
                                  f"kết quả ghi {row.unit} xếp loại {row.grade}", st, table=t, row=i,
                                  unit=row.unit, column="grade", reported=st.grade, expected=row.grade)
                    continue
                if ref is None:
                    yield finding_at("GRADE_LIST_MISMATCH", "warning",
                              f"Không tìm thấy “{unit}” (nêu xếp loại {st.grade}) trong bảng kết quả", st,
                              unit=unit, reported=st.grade)
                    continue
                listed_rows[(ref[0], ref[1])] = st.grade
                if ref[2].grade != st.grade:
                    yield finding_at("GRADE_LIST_MISMATCH", "error",
                              f"Văn bản nêu {ref[2].unit} xếp loại {st.grade} nhưng bảng kết quả ghi "
                              f"{ref[2].grade}", st, table=ref[0], row=ref[1], unit=ref[2].unit,
                              column="grade", reported=st.grade, expected=ref[2].grade)
        listed_grades = {st.grade for st in grades}
        for t, i, row in group:
            if row.grade in listed_grades and (t, i) not in listed_rows:
                yield finding_at("GRADE_LIST_MISMATCH", "error",
                          f"Bảng kết quả ghi {row.unit} xếp loại {row.grade} nhưng văn bản không nêu đơn vị này "
                          f"trong danh sách xếp loại {row.grade}", grades[0], table=t, row=i, unit=row.unit,
                          column="grade", expected=row.grade)


def _misspelt(missing: list[tuple[Statement, str]], unlisted: list[tuple]) -> dict:
    """Each name a grade list gives that no table row has, paired with the one
    row the lists leave out whose name is that name with one or two letters
    changed ("UBND xã Mường Đồn" for "UBND xã Mường Pồn": a slip of typing, or
    of reading a scan) — never when several rows or names could pair."""
    def close(a: str, b: str) -> bool:
        ka, kb = name_key(a), name_key(b)
        ops = [op for op in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes() if op[0] != "equal"]
        changed = sum(max(i2 - i1, j2 - j1) for _, i1, i2, j1, j2 in ops)
        return 0 < changed <= 2 and len(ka) >= 8

    pairs = {}
    for st, unit in missing:
        rows = [r for r in unlisted if close(unit, r[2].unit)]
        names = [u for _, u in missing if rows and close(u, rows[0][2].unit)]
        if len(rows) == 1 and len(names) == 1:
            pairs[(id(st), unit)] = rows[0]
    return pairs
