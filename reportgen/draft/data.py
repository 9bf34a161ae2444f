"""What a draft is made of: score tables recomputed with the scheme, the units
left out and why, the slips found in an input report, and (for the portal
export) the province's own result among all provinces.

Scores always come from the input; totals, maxima, percents, grades and ranks
are always recomputed with :mod:`reportgen.scoring`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..model import ScoreRow, ScoreTable
from ..numbers import format_vi, quantize
from ..schemes import Scheme
from ..scoring import rank_rows, score_row


@dataclass
class Correction:
    """A figure the input report wrote differently from the recomputation."""

    table: int
    unit: str
    column: str  # 'total', 'max', 'percent', 'grade'
    reported: str
    corrected: str

    def text(self) -> str:
        names = {"total": "tổng điểm", "max": "điểm tối đa", "percent": "tỷ lệ điểm đạt được",
                 "grade": "xếp loại"}
        if self.column not in names:  # an indicator above its maximum
            return (f"{self.unit}: {self.column} ghi {self.reported}, vượt điểm tối đa {self.corrected}; "
                    f"dự thảo ghi {self.corrected}, cần kiểm tra lại số liệu gốc")
        return f"{self.unit}: {names.get(self.column, self.column)} ghi {self.reported}, đúng là {self.corrected}"


@dataclass
class DraftTable:
    """One appendix: a ranked table of units of one level."""

    table: ScoreTable
    scheme: Scheme
    heading: str  # prose heading: "Các cơ quan chuyên môn thuộc UBND tỉnh"
    noun: str = "đơn vị"  # "cơ quan", "đơn vị"
    title: str | None = None  # appendix title (upper case is applied when printing)
    not_evaluated: list[tuple[str, str]] = field(default_factory=list)  # (unit, reason)
    sheet: str | None = None  # where the figures came from
    # How many units there were, by section, when the input says so ("5/10").
    populations: dict[str | None, int] = field(default_factory=dict)

    @property
    def rows(self) -> list[ScoreRow]:
        return self.table.rows

    def groups(self) -> list["UnitGroup"]:
        """The units as the prose treats them: one group per section of the
        table (I, II …), or the whole table."""
        sections = self.sections()
        if len(sections) <= 1:
            return [UnitGroup(self, self.rows, self.heading, self.noun, self.not_evaluated,
                              self.populations.get(sections[0][0] if sections else None))]
        out = []
        for number, title, rows in sections:
            heading = sentence_case(title) if title else self.heading
            out.append(UnitGroup(self, rows, heading, noun_for(rows, self.noun), [],
                                 self.populations.get(number)))
        return out

    @property
    def evaluated(self) -> int:
        return len(self.table.rows)

    @property
    def population(self) -> int:
        return len(self.table.rows) + len(self.not_evaluated)

    def sections(self) -> list[tuple[str | None, str | None, list[ScoreRow]]]:
        """(section number, title, rows in rank order) in first-seen order."""
        order: list[str | None] = []
        titles: dict[str | None, str | None] = {}
        for row in self.table.rows:
            if row.section not in order:
                order.append(row.section)
                titles[row.section] = row.section_title
        return [(s, titles[s], [r for r in self.table.rows if r.section == s]) for s in order]


@dataclass
class UnitGroup:
    """Units reported together in the prose (a table, or a section of one)."""

    table: DraftTable
    rows: list[ScoreRow]
    heading: str
    noun: str
    not_evaluated: list[tuple[str, str]]
    stated_population: int | None = None

    @property
    def scheme(self) -> Scheme:
        return self.table.scheme

    @property
    def evaluated(self) -> int:
        return len(self.rows)

    @property
    def population(self) -> int:
        counted = len(self.rows) + len(self.not_evaluated)
        return max(counted, self.stated_population or 0)


def sentence_case(title: str) -> str:
    """'CÁC CƠ QUAN CHUYÊN MÔN THUỘC HUYỆN' → 'Các cơ quan chuyên môn thuộc huyện'
    (abbreviations such as UBND stay in capitals)."""
    words = title.split()
    keep = {"UBND", "HĐND", "TTHC", "DVC", "DVCTT", "QLĐĐ", "KT-XH"}
    out = [w if w in keep else w.lower() for w in words]
    if out and out[0] not in keep:
        out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)


_LEVEL_CASE = re.compile(r"^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(xã|phường|thị trấn|đặc khu|huyện|thị xã|"
                         r"thành phố|quận|tỉnh)(?=\s)", re.IGNORECASE)


def unit_case(name: str) -> str:
    """'UBND Xã Nhơn Hội' → 'UBND xã Nhơn Hội', 'UBND Đặc khu Phú Quốc' →
    'UBND đặc khu Phú Quốc': the level word after UBND is lower case."""
    return _LEVEL_CASE.sub(lambda m: f"{m[1]} {m[2].lower()}", name)


def noun_for(rows: list[ScoreRow], default: str = "đơn vị") -> str:
    names = [r.unit.casefold() for r in rows]
    starts = ("sở", "ban", "thanh tra", "văn phòng", "phòng", "trung tâm", "cục", "chi cục")
    if names and sum(n.startswith(starts) for n in names) > len(names) / 2:
        return "cơ quan"
    return default


@dataclass
class ProvinceResult:
    """The province's own line of a ranking sheet (portal 'Điểm tháng')."""

    row: ScoreRow
    rank: int
    of: int
    sheet: str
    portal_rank: int | None = None  # ROW_STT as the sheet gives it
    trend: list[tuple[str, Decimal]] = field(default_factory=list)  # ('9/2025', 80.8)
    year_row: ScoreRow | None = None
    year_rank: int | None = None


@dataclass
class DraftData:
    tables: list[DraftTable] = field(default_factory=list)
    province: ProvinceResult | None = None
    corrections: list[Correction] = field(default_factory=list)
    period: str | None = None
    source: str = ""
    notes: list[str] = field(default_factory=list)
    # Previous period by unit name (casefolded): (total, percent, rank, of)
    previous: dict[str, tuple[Decimal | None, Decimal | None, int | None, int]] = field(default_factory=dict)
    previous_period: str | None = None
    source_meta: object | None = None  # reportgen.model.Meta of a prior report given as input
    warnings: list[str] = field(default_factory=list)  # doubts about the input, printed by the CLI


def recompute(table: ScoreTable, scheme: Scheme, table_index: int = 0,
              corrections: list[Correction] | None = None) -> ScoreTable:
    """A copy of ``table`` with every row rescored and ranked within its
    section; differences from what the input wrote go to ``corrections``."""
    rows = []
    for row in table.rows:
        scores = dict(row.scores)
        for ind in scheme.scored_indicators:
            value = scores.get(ind.key)
            if value is not None and value > ind.max:
                scores[ind.key] = ind.max
                if corrections is not None:
                    corrections.append(Correction(table_index, row.unit, ind.label, format_vi(value),
                                                  format_vi(ind.max)))
        result = score_row(scores, scheme)
        new = ScoreRow(unit=row.unit, scores=scores, no=row.no, section=row.section,
                       section_title=row.section_title, total=result.total, max=result.max,
                       percent=result.percent, grade=result.grade, page=row.page,
                       source_row=row.source_row, extra=dict(row.extra), raw=dict(row.raw))
        if corrections is not None:
            corrections.extend(_compare(table_index, row, new, scheme))
        rows.append(new)
    ranked: list[ScoreRow] = []
    sections: list[str | None] = []
    for row in rows:
        if row.section not in sections:
            sections.append(row.section)
    for section in sections:
        ranked.extend(rank_rows([r for r in rows if r.section == section]))
    for row in ranked:
        row.no = str(row.rank)
    return ScoreTable(index=table.index, title=table.title, scheme=scheme.name, kind="scores",
                      columns=list(table.columns), rows=ranked, page=table.page,
                      source_table=table.source_table)


def _compare(index: int, old: ScoreRow, new: ScoreRow, scheme: Scheme) -> list[Correction]:
    out = []
    tol = scheme.tolerance
    places = scheme.places

    def differs(a: Decimal | None, b: Decimal | None) -> bool:
        return a is not None and b is not None and abs(a - b) > tol

    if differs(old.total, new.total):
        out.append(Correction(index, old.unit, "total", format_vi(old.total),
                              format_vi(new.total, places)))
    if old.max is not None and new.max is not None and old.max != new.max and scheme.dash_removes_max:
        out.append(Correction(index, old.unit, "max", format_vi(old.max),
                              format_vi(new.max)))
    if old.percent is not None and new.percent is not None:
        exp = old.percent.as_tuple().exponent
        written = -exp if isinstance(exp, int) and exp < 0 else 0
        expected = new.percent if written >= places else quantize(new.percent, written, scheme.rounding)
        if old.percent != expected:
            out.append(Correction(index, old.unit, "percent", format_vi(old.percent),
                                  format_vi(new.percent, places)))
    old_grade = scheme.canonical_grade(old.grade) if old.grade else None
    if old.grade and old_grade != new.grade:
        out.append(Correction(index, old.unit, "grade", old.raw.get("grade") or old.grade, new.grade or "-"))
    return out
