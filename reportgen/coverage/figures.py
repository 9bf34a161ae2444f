"""Which numbers of a report are figures to check, and which statements are
claims: the cells a table's coverage counts (a score, a total, a percent, a
rank; not an STT, a year, an identifier or a code) and the numeric claims of
the prose, with the words that name each claim in a finding. See the
package's docstring for what "checked" means."""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable

from ..model import StatementKind
from ..numbers import parse_cell

Cell = tuple[int, str]

# Statements that state a relation between numbers the document can be held
# to: a part and its whole with a percent, a whole and its parts, x/y, a count
# of units by grade, an evaluated count; and a lone figure that states a
# measured value ("tỷ lệ hồ sơ đúng hạn đạt 98,5%", "trung bình 85,12 điểm",
# marked ``Statement.claim`` by the reader), checked where another claim or a
# table gives the same quantity. A bound or a target ("từ 80% trở lên",
# "chỉ tiêu 100%") is a rule, not a claim.
# A ``count`` is a claim when it counts the units of a band ("15 xã đạt từ 80
# điểm trở lên", read.statements_bands); a count that is only a number
# written with the wrong separator is not.
CLAIM_KINDS = ("share", "sum", "fraction", "score", "rank", "grade_count", "evaluated_count", "percent", "count",
               "change")


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (Decimal, int, float)):
        return True
    if isinstance(value, str):
        text = value.strip().rstrip("%").strip()
        return bool(text) and any(ch.isdecimal() for ch in text) and all(
            ch.isdecimal() or ch in ".,/ -" for ch in text)
    return False


def numeric_cells(table) -> set[Cell]:
    """The cells of a ScoreTable that hold numbers, named as findings name
    them: a score key, 'total', 'max', 'percent', 'rank', or an extra
    column's label (the ``x/y`` denominators kept as ``label_of`` belong to
    their cell and are not counted apart)."""
    out: set[Cell] = set()
    figured = {key for row in table.rows for key, value in row.scores.items() if value is not None}
    for i, row in enumerate(table.rows):
        sources = getattr(row, "source_cols", None) or {}
        for key, value in row.scores.items():
            if value is not None:
                out.add((i, key))
        scored = {sources[k] for k in sources
                  if k not in ("total", "max", "percent", "rank", "grade") and (k in row.scores or k in row.extra)}
        for key in ("total", "max", "percent", "rank"):
            if getattr(row, key) is None or (key in sources and sources[key] in scored):
                continue  # a role kept also as a score (the same cell) is counted once
            if key == "max" and "max" not in row.raw and "/" in str(row.raw.get("total", "")):
                continue  # the y of a total written x/y belongs to its cell
            if row.raw and key not in row.raw and key not in sources and "total" not in row.raw:
                continue  # not written: the reader's copy of a score's x/y (62,84/100 as total and max)
            out.add((i, key))
        for label, value in row.extra.items():
            label = str(label)
            if label.endswith("_of") or label in row.scores:
                continue
            # a figure the reader could not read as one, under a column of figures: two cells merged into
            # one ("3 Tốt" of a rank row and a grade row a page set too close) is a figure nobody checked
            if _is_number(value) or (label in figured and isinstance(value, str) and re.search(r"\d", value)):
                out.add((i, label))
    return out


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn").casefold()


_ID_WORDS = {"id", "ma", "stt", "tt", "code", "loai", "type", "cap"}
_YEAR_WORDS = {"nam", "year"}


def _integer(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value).strip()) if not isinstance(value, Decimal) else value
    except (InvalidOperation, ValueError):
        return None
    return int(number) if number.is_finite() and number == number.to_integral_value() else None


def _cell_value(row, key: str) -> Any:
    if key in row.scores:
        return row.scores[key]
    if key in ("total", "max", "percent", "rank"):
        return getattr(row, key)
    return row.extra.get(key)


def _label_of(table, key: str) -> str:
    for col in table.columns:
        if col.key == key:
            return col.label or key
    return key


UNREAD = "?"  # the key of a figure in a table whose columns were not read


def unread_figures(table) -> set[Cell]:
    """The figures of a table the reader kept rows of but no column for (its
    header lost: a header cut from its body by a page break, its words broken
    into syllables): each cell written as a number — not a date, not a
    column that only numbers the rows 1, 2, 3 … — as ``(row × 1000 + column,
    UNREAD)``. They are figures nobody checked, counted so that coverage
    says so rather than leaving the table out."""
    grid = getattr(table, "grid", None)
    if grid is None or table.columns or any(row.scores or row.extra for row in table.rows):
        return set()
    rows = [source.cells for source in grid.rows]
    width = max((len(cells) for cells in rows), default=0)
    out: set[Cell] = set()
    for col in range(width):
        texts = [(r, cells[col].strip()) for r, cells in enumerate(rows) if col < len(cells)]
        figures = [(r, t) for r, t in texts if (cell := parse_cell(t, "auto")) is not None and cell.is_number]
        if [t for _, t in figures] == [str(k) for k in range(1, len(figures) + 1)]:
            continue  # the STT column
        out.update((r * 1000 + col, UNREAD) for r, _ in figures)
    return out


def not_figures(table, cells: Iterable[Cell] | None = None) -> dict[str, str]:
    """The columns of ``table`` whose numbers are no figure to check, decided
    by structure: column key → the reason (Vietnamese).

    - an ordinal: whole numbers 1, 2, 3 … in row order (an STT read as numbers);
    - an identifier or a code: a short header that names one (ID, Mã, STT,
      Loại, Cấp, code, type, or a word ending in "id") over whole numbers;
    - a year: whole numbers from 1900 to 2100 under a "Năm"/"year" header,
      or the same such number on every row.
    A rank, a total, a percent or a maximum is always a figure, and so is a
    column headed as a rank ("Thứ hạng")."""
    cells = numeric_cells(table) if cells is None else cells
    by_key: dict[str, list[int]] = {}
    for r, key in sorted(cells):
        if key in ("total", "max", "percent", "rank"):
            continue
        by_key.setdefault(key, []).append(r)
    out: dict[str, str] = {}
    for key, rows in by_key.items():
        values = [_integer(_cell_value(table.rows[r], key)) for r in rows]
        if any(v is None for v in values):
            continue
        words = [w for w in re.split(r"[^0-9a-z]+", _plain(_label_of(table, key))) if w]
        if words and len(words) <= 4 and any(w in _ID_WORDS or (len(w) > 2 and w.endswith("id")) for w in words):
            out[key] = "mã, số hiệu hoặc số thứ tự, không phải số liệu"
        elif len(values) >= 3 and values == list(range(values[0], values[0] + len(values))) and values[0] in (0, 1) \
                and not any(w in ("hang", "rank") for w in words):
            out[key] = "số thứ tự 1, 2, 3 … theo dòng, không phải số liệu"
        elif all(1900 <= v <= 2100 for v in values) and (
                any(w in _YEAR_WORDS for w in words) or (len(set(values)) == 1 and len(values) >= 2)):
            out[key] = "năm, không phải số liệu"
    return out


def _vi(value) -> str:
    from ..numbers import format_vi, places_of

    value = Decimal(value)
    return format_vi(value, places_of(value))


def claim_words(st) -> str:
    """The claim in a few words, as a clerk names it: its figures and what
    they count ("11/15 đơn vị xếp loại Tốt", "20 cơ quan được đánh giá",
    "12.490 trên 13.597, chiếm 91,86%"), not the sentence it is in; a lone
    figure as written ("75/100", "61,69%")."""
    try:
        count = st.count_written or (str(st.count) if st.count is not None else "")
        of = f"/{_vi(st.denominator)}" if st.denominator is not None else ""
        noun = st.noun or "đơn vị"
        grade = st.grade_written or st.grade
        if st.kind == StatementKind.GRADE_COUNT and count and grade:
            return f"{count}{of} {noun} xếp loại {grade}"
        if st.kind == StatementKind.EVALUATED_COUNT and count:
            return f"{count}{of} {noun} được đánh giá"
        if st.kind == StatementKind.SHARE and st.value is not None and st.whole and st.percent is not None:
            return f"{_vi(st.value)} trên {_vi(st.whole)}, chiếm {_vi(st.percent)}%"
        if st.kind == StatementKind.SUM and st.whole is not None and st.parts:
            return f"{_vi(st.whole)} = {' + '.join(_vi(p) for p in st.parts)}"
    except (ArithmeticError, ValueError, TypeError):
        pass
    return st.text


def _figure_of(st, claim) -> bool:
    """Whether statement ``st`` is a figure of ``claim`` (same paragraph): the
    percent or the x/y of a share, the x/y of a count by grade or of an
    evaluated count ("đánh giá đối với 17/19 cơ quan"), the count by grade a
    share is of ("04 đơn vị đạt loại Tốt, chiếm 26,67%"), the band count that
    is a listed sum's whole, the figure a change is of and the earlier figure
    (or the figure it is of, stated in an earlier sentence: ``value_at``)."""
    if st is not claim and claim.kind == StatementKind.CHANGE and claim.value_at is not None \
            and (st.paragraph, st.at) == claim.value_at and st.value == claim.value:
        return True
    if st is claim or st.paragraph != claim.paragraph:
        return False
    if claim.kind == StatementKind.SHARE:
        if st.kind == StatementKind.PERCENT and st.percent == claim.percent:
            return True
        if st.kind == StatementKind.GRADE_COUNT and st.denominator is None:
            # "04 đơn vị đạt loại Tốt, chiếm tỷ lệ 26,67%": the count by grade is the share's part
            grade = st.grade_written or st.grade or ""
            return st.count is not None and st.count == claim.value and bool(grade) \
                and grade.casefold() in claim.text.casefold() and (st.text in claim.text or claim.text in st.text)
        return st.kind in (StatementKind.FRACTION, StatementKind.SCORE) and st.numerator == claim.value \
            and st.denominator == claim.whole
    if claim.kind in (StatementKind.GRADE_COUNT, StatementKind.EVALUATED_COUNT) and claim.denominator is not None:
        return st.kind == StatementKind.FRACTION and st.numerator == claim.count and st.denominator == claim.denominator
    if claim.kind == StatementKind.SUM and claim.whole is not None:
        # the whole of a listed sum read as a band's count too ("30 đơn vị đạt tỷ lệ dưới 50%, gồm: …")
        # or as the count of units evaluated ("…, tổng cộng 124 đơn vị được đánh giá")
        return st.kind in (StatementKind.COUNT, StatementKind.EVALUATED_COUNT) and st.denominator is None \
            and st.count == claim.whole and bool(st.text) and (st.text in claim.text or claim.text in st.text)
    if claim.kind == StatementKind.CHANGE and claim.at is not None and st.at is not None:
        if claim.at <= st.at < claim.at + len(claim.text):
            return True  # the change and the earlier figure it states
        # the figure that changed, in the clause before it ("đạt 94,6%, tăng 2,1% so với …")
        return st.value == claim.value and claim.at - len(claim.clause or "") <= st.at < claim.at
    return False


def _is_claim(st) -> bool:
    if st.kind not in CLAIM_KINDS:
        return False
    if st.claim:
        return True  # a measured value: "tỷ lệ … đạt 97,4%", "trung bình đạt 85,12 điểm", "xếp thứ 3"
    if st.kind == StatementKind.COUNT:
        return st.band is not None
    if st.kind in (StatementKind.SCORE, StatementKind.RANK):
        return st.denominator is not None  # "16,97" alone is a figure, "16,97/20" a claim
    return st.kind != StatementKind.PERCENT


def claim_statements(report) -> list[tuple[int, Any, list[int]]]:
    """(index, Statement, indices of its figures) of every numeric claim of
    the prose (see CLAIM_KINDS); a figure of a claim is not a claim itself."""
    statements = report.statements
    heads = [i for i, st in enumerate(statements)
             if st.kind in (StatementKind.SHARE, StatementKind.CHANGE, StatementKind.SUM)
             or (st.kind in (StatementKind.GRADE_COUNT, StatementKind.EVALUATED_COUNT) and st.denominator is not None)]
    owner: dict[int, int] = {}
    for h in heads:
        for j, st in enumerate(statements):
            # a count of a band ("5/13 xã … đạt từ 80% trở lên, chiếm 38,46%") claims more than the share's
            # arithmetic: how many units the table has in that band, a claim of its own
            if j not in owner and j not in heads and st.band is None and _figure_of(st, statements[h]):
                owner[j] = h
    out = []
    for i, st in enumerate(statements):
        if i in owner or not _is_claim(st):
            continue
        out.append((i, st, [j for j, h in owner.items() if h == i]))
    return out
