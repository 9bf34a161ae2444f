"""A count the prose says of two or more columns together, which it states
the sum of: "đúng hạn và trước hạn 3.155 hồ sơ", "trong đó trước hạn, đúng
hạn 679 HS", "1.002 lượt hài lòng và rất hài lòng"; and a column "Đúng hạn"
with no "Trước hạn" beside it, which counts both (QĐ 766). Used by
:mod:`.prose_totals` before it holds a count to one column.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..model import Statement
from .prose_named import _CONJUNCTION, Named, _content, _named, _value, leaf_of
from .registry import CheckContext

_JOINED = re.compile(r"\s(?:và|cùng)\s|\+", re.I)  # two headers joined: "đúng hạn và trước hạn"


def _said_together(columns: list[Named], col: Named, before: str, sentence: str, noun: str,
                   total_row: int) -> list[tuple[Named, Decimal]]:
    """``col`` and the other columns of its table that the words before a
    count also name (each a header whose words the sentence says, holding
    the words ``col`` does not), with their total row's figures: "trong đó
    đúng hạn và trước hạn 3.155 hồ sơ" names "Trước hạn" and "Đúng hạn" of
    "Đã giải quyết", whose sum it states. Empty when no other column is named."""
    words, around = _content(before), _content(sentence) | _content(before)
    extra = words - col.words - col.group - _content(noun)
    # the words of the whole the parts are of ("giải quyết trước hạn và đúng hạn" under "Đã giải quyết")
    extra -= {w for c in columns if c.table is col.table and c is not col and c.words <= around
              and not c.words & col.words for w in c.words}
    if not extra or not _JOINED.search(before):  # "tiếp nhận trực tiếp": a qualifier, not a second column
        return []
    if len([x for x in _CONJUNCTION.split(col.label or "") if _content(x)]) > 1:
        return []  # "trước hạn và đúng hạn" names the one header that joins them
    partners = [c for c in columns if c.table is col.table and c is not col and extra <= c.words | c.group
                and (c.words | c.group) <= around]
    out = [(c, _value(c.table, total_row, c.key)) for c in (col, *partners)]
    return [(c, v) for c, v in out if v is not None] if partners else []


def _joined_after(columns: list[Named], cell: tuple, after: str, noun: str, head: str
                  ) -> list[tuple[Named, Decimal]]:
    """The column of ``cell`` and those of its table that the words after
    what is counted join to it ("1.002 lượt hài lòng và rất hài lòng": "Hài
    lòng" and "Rất hài lòng"), with the row's figures; empty when nothing is
    joined or a joined column is not named surely."""
    col, row, v = cell
    rest = after.lstrip()
    if not rest.startswith(noun):
        return []
    tail = re.match(r"\s+(?:và|hoặc|cùng)\s+([^,;:.()]+)", rest[len(noun):])
    if tail is None:
        return []
    words = tail.group(1).strip()
    partners = _named([c for c in columns if c.table is col.table and c is not col], words, words, "", head=head)
    if len(partners) != 1:
        return []
    partner = _value(col.table, row, partners[0].key)
    return [(col, v), (partners[0], partner)] if partner is not None else []


def _sum_checked(ctx: CheckContext, statements: list[Statement], together: list[tuple[Named, Decimal]],
                 value: Decimal, row: int) -> None:
    """A count said of several columns is checked when it is their sum on
    ``row``; another figure says not which of them is meant: no finding."""
    if sum(x for _, x in together) == value:
        ctx.ledger.table_checked(together[0][0].table.index, "count-vs-total-row",
                                 [(row, c.key) for c, _ in together])
        for st in statements:
            ctx.ledger.statement_checked(st, "count-vs-total-row")


def _comma_joined(columns: list[Named], col: Named, own: str, sentence: str, row: int
                  ) -> list[tuple[Named, Decimal]]:
    """``col`` and the one other column of its table that the words before a
    comma right before the count's own words name, with no figure between:
    "trong đó trước hạn, đúng hạn 679 HS" states the sum of "Trước hạn" and
    "Đúng hạn". Empty when those words name no other column, or more."""
    own = own.strip()
    m = re.search(r"(?:^|[,;:(])\s*([^\d,;:()]{3,40}),\s*" + re.escape(own) + r"\s*\S*(?:\s+\S+)?\s*$", sentence) \
        if own else None  # (the words before the comma a clause of their own: no figure stands before them)
    if m is None:
        return []
    words = _content(re.sub(r"(?<!\w)trong\s+đó(?!\w)", " ", m.group(1), flags=re.I))
    partners = [c for c in columns if c.table is col.table and c is not col and c.words
                and c.words <= words | col.group and not c.words <= col.words]
    if len(partners) != 1:
        return []
    out = [(c, _value(c.table, row, c.key)) for c in (col, partners[0])]
    return [] if any(v is None for _, v in out) else out


_ON_TIME = re.compile(r"(?<!\w)đúng\s+(?:thời\s+)?hạn(?!\w)", re.I)


_EARLY = re.compile(r"(?<!\w)trước\s+(?:thời\s+)?hạn(?!\w)", re.I)


_EARLY_COUNT = re.compile(r"(?<!\w)trước\s+(?:thời\s+)?hạn\s*(?:là\s+|:\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?![\d,])", re.I)


def _early_counted_in(col: Named, cell: Decimal, value: Decimal, paragraph: str) -> bool:
    """Whether a column "Đúng hạn" with no "Trước hạn" beside it counts the
    dossiers settled early too (QĐ 766: on time is on time or earlier), as
    the prose splits them: "trước hạn 286 hồ sơ, đúng hạn 69 hồ sơ" against
    a cell 355 = 286 + 69 is no conflict."""
    if not _ON_TIME.search(leaf_of(col.label, col.group_label)) or any(
            _EARLY.search(c.label or "") for c in col.table.columns):
        return False
    early = [Decimal(m.group(1).replace(".", "")) for m in _EARLY_COUNT.finditer(paragraph)]
    return any(e + value == cell for e in early)
