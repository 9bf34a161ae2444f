"""Table headers, whatever format they came from.

A header is one or more rows over the data. Word, PDF and spreadsheet tables
say which cells are merged (row and column spans); text tables do not, so the
spans are inferred: an empty upper cell with labels below it belongs to the
group on its left, and an empty lower cell belongs to the label above it.
Every column ends up with a *path* of labels, top to bottom, e.g.
``["ĐIỂM CÁC CHỈ SỐ", "Nhóm công khai, minh bạch", "Chỉ số 1 (6đ)"]``, and a
*role* (row number, unit name, score, total, maximum, percent, grade, rank).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..numbers import parse_cell
from ..raw import RawTable
from ..text import collapse_spaces, fold, strip_footnote_marks
from ..text.headers import MAX_PATTERN, ROLE_WORDS, max_in

ROW_NO = re.compile(r"^\(?(\d{1,3}(\.\d{1,3})*\.?|[IVXLC]{1,6}\.?|[a-zđ]\))\)?$")
ROMAN = re.compile(r"^[IVXLC]{1,6}\.?$")
_OF_WHICH = re.compile(r"^\s*(?:trong\s*đó|tr\.\s*đó|chia\s+ra|bao\s+gồm|gồm)\s*:?\s*$", re.I)
_STT = re.compile(r"^(stt|tt|sốtt|sttt|thứtự)$")


def clean_label(text: str | None) -> str:
    """A header label as a clerk reads it: footnote marks dropped, and no space
    just inside a bracket ("Tỷ lệ (% )" as a PDF's gap before the bracket
    reads, "( 18 điểm)"), which no writer means."""
    text = strip_footnote_marks(text or "")
    text = re.sub(r"\[\d+\]|\*+$", "", text)
    text = re.sub(r"([(\[])\s+|\s+([)\]])", lambda m: m.group(1) or m.group(2), text)
    return collapse_spaces(text)


@dataclass
class HeaderColumn:
    index: int
    path: list[str] = field(default_factory=list)
    # A maximum written apart from the labels (a "Điểm tối đa" row under the header).
    given_max: Decimal | None = None

    @property
    def leaf(self) -> str:
        return self.path[-1] if self.path else ""

    @property
    def label(self) -> str:
        return " ".join(self._shown())

    @property
    def group(self) -> str | None:
        """The label's words over its leaf ("Số hồ sơ đã giải quyết" of "Số hồ
        sơ đã giải quyết Quá hạn"), None for a label of one level."""
        return " ".join(self._shown()[:-1]) or None

    def _shown(self) -> list[str]:
        """The levels a label shows: two at most, the top one left out first —
        but a level that only says the columns under it are some of the one
        above ("Trong đó", "Tr.đó", "Chia ra") names nothing, and goes before
        it ("Số hồ sơ nhận giải quyết | Trong đó | Trực tuyến" is "Số hồ sơ
        nhận giải quyết Trực tuyến")."""
        path = self.path
        if len(path) > 2:
            path = [p for k, p in enumerate(path) if k == len(path) - 1 or not _OF_WHICH.match(p)]
        return path[1:] if len(path) > 2 else path

    @property
    def text(self) -> str:
        return fold(" ".join(self.path))

    @property
    def max(self) -> Decimal | None:
        if self.given_max is not None:
            return self.given_max
        for label in reversed(self.path):
            value = max_in(label)
            if value is not None:
                return value
        return None

    def role(self) -> str | None:
        lower = fold(" ".join(self.path[-2:]))
        leaf = fold(self.leaf).replace(" ", "")
        if _STT.match(leaf):
            return "no"
        # a column of its own, not a group's: "Tổng cộng (tối đa 100 điểm)" is "tổng cộng" (a group's "Điểm đạt
        # (tối đa 18 điểm)" is its points, not the total)
        bare = fold(MAX_PATTERN.sub(" ", self.leaf)).strip() if len(set(self.path)) == 1 else ""
        for role, pattern in ROLE_WORDS:
            if pattern.search(fold(self.leaf)) or (bare and pattern.search(bare)) \
                    or (len(self.path) > 1 and pattern.search(lower)
                                                   and not pattern.search(fold(self.path[0]))):
                return role
        return None


# -- which rows are the header -------------------------------------------------

_COLUMN_NO = re.compile(r"^\(?\s*(\d{1,2})\s*\)?\s*(=\s*\S.*)?$")


def is_numbering_row(cells: list[str]) -> bool:
    """A row that numbers the columns: (1) (2) (3) … or 1 2 3 …, a number
    possibly followed by the column's formula ("(5) = (4) - (3)"). In a row of
    four or more, one short cell that is no number (a scan's "q)." for "(1)")
    may stand in the run, as long as the others keep their places."""
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) < 3:
        return False
    numbers = [int(m.group(1)) if (m := _COLUMN_NO.match(c)) else None for c in filled]
    unread = [c for c, n in zip(filled, numbers) if n is None]
    if len(unread) > (1 if len(filled) >= 4 else 0) or any(len(c) > 5 or sum(ch.isalpha() for ch in c) > 2
                                                            for c in unread):
        return False
    offsets = {n - i for i, n in enumerate(numbers) if n is not None}
    return len(offsets) == 1 and offsets.pop() >= 0


_GROUP_ROW = re.compile(r"^[IVXLC]{1,6}[.)]\s+\S")
_LETTER_NO = re.compile(r"^[A-ZĐ][.)]?$")


_GROUP_HEAD = re.compile(r"^([IVXLC]{1,6}|[A-ZĐ])[.)]\s+(\S.*)$")


def group_heading(text: str) -> tuple[str, str] | None:
    """(label, title) of a group's heading written in one cell: "A. CÁC SỞ, BAN, NGÀNH", "II. CÁC XÃ,
    PHƯỜNG" (its title in capitals, four letters at least); else None."""
    m = _GROUP_HEAD.match(" ".join(text.split()))
    letters = [ch for ch in m.group(2) if ch.isalpha()] if m else []
    return (m.group(1), m.group(2)) if len(letters) >= 4 and all(ch.isupper() for ch in letters) else None


def _lettered_group(lead: list[str]) -> bool:
    """"A | CÁC SỞ, BAN, NGÀNH": a group of rows numbered by a capital letter
    and named in the next cell (a row of column letters "A | B | C" is not),
    or in the same cell merged across the row (:func:`group_heading`)."""
    if len(lead) == 2 and bool(_LETTER_NO.match(lead[0].strip())) and sum(ch.isalpha() for ch in lead[1]) >= 4:
        return True
    return bool(lead) and group_heading(lead[0]) is not None


def is_data_row(cells: list[str]) -> bool:
    """A body row: numbered (1, 1.2, II, a)), a group row "I. …" or "A | …",
    or with numbers in two cells; not a row that numbers the columns."""
    lead = [c for c in cells[:2] if c.strip()]
    if lead and (ROW_NO.match(lead[0].strip()) or _GROUP_ROW.match(lead[0].strip()) or _lettered_group(lead)) \
            and not is_numbering_row(cells):
        return True
    numbers = 0
    for c in cells[1:]:
        # a figure with a speck after it ("4-", "36,36.": a scan's rule or dirt) is still a figure here
        v = parse_cell(c.strip().rstrip("-_.'`~") or c, "auto")
        if v is not None and v.is_number:
            numbers += 1
    return numbers >= 2 and not is_numbering_row(cells)


def header_row_count(grid: list[list[str]], declared: int | None) -> int:
    n = 0
    while n < len(grid) and n < 6 and not is_data_row(grid[n]):
        n += 1
    if declared:
        n = max(n, declared) if n > 0 else declared
    return min(n, len(grid))


# -- column paths ----------------------------------------------------------------

def has_spans(table: RawTable) -> bool:
    return any(c.rowspan > 1 or c.colspan > 1 for r in table.rows for c in r)


def header_columns(table: RawTable, n_header: int) -> list[HeaderColumn]:
    spans = has_spans(table)
    if spans:
        rows = table.grid(fill_spans=True)[:n_header]
    else:
        rows = _infer_spans(table.grid()[:n_header])
    width = max((len(r) for r in rows), default=0)
    # a row that numbers the columns ("(1) | (2) | (3)=(4)+(5)") is no level of their labels: kept
    # in, it would make a two-level header read as three and cost each label its group
    levels = [r for r in range(len(rows)) if r == 0 or not is_numbering_row([clean_label(x) for x in rows[r]])]
    out = []
    for c in range(width):
        path: list[str] = []
        for r in levels:
            owner = _owner_column(table, r, n_header, c) if spans else c
            label = clean_label(rows[r][owner] if owner < len(rows[r]) else "")
            if label and (not path or path[-1] != label):
                path.append(label)
        out.append(HeaderColumn(index=c, path=path))
    _split_joined(out)
    _bare_maxima(out)
    return out


_GROUP_END = re.compile(r"[)\]]\s")


def _split_joined(columns: list[HeaderColumn]) -> None:
    """A header of one row that joins a group with its leaves (a text table's
    "Công khai, minh bạch (18 điểm) Điểm | Công khai, minh bạch (18 điểm) Tỷ lệ
    (%)", two header rows pasted as one): adjacent labels that repeat the same
    words up to a closing bracket are that group over their own leaves, as the
    two rows would read — else the group's maximum would be the rate's."""
    k = 0
    while k < len(columns):
        head = _joined_group(columns[k])
        run = k + 1
        while head and run < len(columns) and _joined_group(columns[run], head) == head:
            run += 1
        if head and run - k >= 2:
            for column in columns[k:run]:
                column.path = [head, column.path[0][len(head):].strip().lstrip("-–—:/ ")]
        k = max(run, k + 1)


def _joined_group(column: HeaderColumn, head: str | None = None) -> str | None:
    """The words of a one-level label up to a closing bracket followed by more
    words (``head`` when given and the label starts with it)."""
    if len(column.path) != 1:
        return None
    label = column.path[0]
    if head is not None:
        return head if label.startswith(head) and len(label) > len(head) and label[len(head)] == " " else None
    ends = [m.start() + 1 for m in _GROUP_END.finditer(label)]
    return label[:ends[-1]] if ends else None


_BARE = re.compile(r"\(\s*(\d+(?:[.,]\d+)?)\s*\)\s*$")


def _bare_maxima(columns: list[HeaderColumn]) -> None:
    """Indicators under a group that states its maximum ("Hạ tầng số (30
    điểm)" over "Mạng (10)", "Thiết bị (10)", "An toàn (10)") write their own
    maxima as bare numbers: they are the indicators' maxima when they add up
    to the group's (else a bare number is no maximum: "(1)", "(2)" number
    the columns)."""
    groups: dict[tuple[str, ...], list[HeaderColumn]] = {}
    for column in columns:
        if len(column.path) > 1 and column.given_max is None:
            groups.setdefault(tuple(column.path[:-1]), []).append(column)
    for path, members in groups.items():
        stated = next((m for label in reversed(path) if (m := max_in(label)) is not None), None)
        bare = [_BARE.search(c.leaf) for c in members]
        if stated is None or len(members) < 2 or not all(bare) or any(max_in(c.leaf) for c in members):
            continue
        values = [parse_cell(b.group(1), "score") for b in bare]
        if any(v is None or v.value is None for v in values):
            continue
        if sum(v.value for v in values) == stated:
            for column, v in zip(members, values):
                column.given_max = v.value
    _flat_bare_maxima(columns)


_TOTAL_HEAD = re.compile(r"^\s*tổng\s+(?:số\s+)?điểm\b", re.I)


def _flat_bare_maxima(columns: list[HeaderColumn]) -> None:
    """Columns of one header row beside a total that states its maximum
    ("Tổng điểm (100) | I. Công tác chỉ đạo, điều hành (9) | II. … (10) | …"):
    their bare numbers are their maxima when they add up to the total's
    (columns numbered "(1)", "(2)" add up to nothing of the kind)."""
    flat = [c for c in columns if len(c.path) == 1 and c.given_max is None]
    totals = [c for c in flat if _TOTAL_HEAD.match(c.leaf)]
    if len(totals) != 1:
        return
    total = totals[0]
    bare = _BARE.search(total.leaf)
    stated = max_in(total.leaf) if max_in(total.leaf) is not None else \
        (v.value if bare and (v := parse_cell(bare.group(1), "score")) is not None else None)
    members = [c for c in flat if c is not total and _BARE.search(c.leaf) and max_in(c.leaf) is None]
    values = [parse_cell(_BARE.search(c.leaf).group(1), "score") for c in members]
    if stated is None or len(members) < 2 or any(v is None or v.value is None for v in values):
        return
    if sum(v.value for v in values) == stated:
        for column, v in zip(members, values):
            column.given_max = v.value
        total.given_max = stated


def _owner_column(table: RawTable, r: int, n_header: int, c: int) -> int:
    """The column whose label in header row ``r`` heads column ``c``. Rows of
    a table may not share their column edges: a group "Đắk Nông" that ends a
    sliver (a grid column a few twips wide) into the next group's first label
    "Điểm số", spanning that sliver and the next column, would give that
    label two groups. A group that begins inside the label's span heads it;
    one that began before it and only ends inside overhangs."""
    leaf = table.cell_at(n_header - 1, c)
    if leaf is None or leaf.colspan < 2 or r >= leaf.row:
        return c
    span = range(leaf.col, leaf.col + leaf.colspan)
    upper = table.cell_at(r, c)
    if upper is None or upper.col + upper.colspan >= span.stop:
        return c  # it covers the whole label
    inside = [x for x in span if (cell := table.cell_at(r, x)) is not None and cell.col == x and x > leaf.col]
    return inside[0] if inside and upper.col < leaf.col else c


def _infer_spans(rows: list[list[str]]) -> list[list[str]]:
    """Fill the labels a text table left out: an empty cell with labels below
    it takes the label on its left (the group spans it), within its parent."""
    rows = [list(r) for r in rows]
    width = max((len(r) for r in rows), default=0)
    for r in rows:
        r.extend([""] * (width - len(r)))
    for i, row in enumerate(rows):
        for c in range(1, width):
            if row[c].strip() or not row[c - 1].strip():
                continue
            below = any(rows[k][c].strip() for k in range(i + 1, len(rows)))
            same_parent = i == 0 or rows[i - 1][c] == rows[i - 1][c - 1]
            if below and same_parent:
                row[c] = row[c - 1]
    return rows
