"""Which column of the document's tables a statistic or a figure of the
prose is of, where no column's own figure settles it (:mod:`.prose_tables`):
the columns a clause names ("DVC trực tuyến (tối đa 12 điểm) còn thấp"), the
document's one column of the measure (before the claim in its section, or in
the report's annex after its text), the population the prose counts ("12
sở, ngành"), a column's maximum; and the unit rows a statistic cannot be
computed over (a row the reader could not take apart).
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..model import Report, ScoreTable, Statement, StatementKind
from ..text.labels import stat_of
from ..text.names import name_key

_SUMMARY_ROW = re.compile(r"cao\s+nhất|thấp\s+nhất|trung\s+bình|bình\s+quân|tổng|cộng|chỉ\s+số\s+chung"
                          r"|^\s*toàn\s+(?:tỉnh|huyện|thành\s+phố|thị\s+xã|xã|quốc)\b", re.I)


def _units_unread(table: ScoreTable, key: str, values: list[tuple[int, Decimal]]) -> list[str]:
    """The unit rows of the group of ``values`` with no figure in the column where they write no "-":
    rows the reader could not take apart (a wrapped name fused with the row under it)."""
    taken = {i for i, _ in values}
    groups = {(table.rows[i].section, table.rows[i].section_title) for i in taken}
    # (a row that only ends in a statistic's words, "UBND xã Vĩnh Phúc Chỉ số cao nhất", is such a fused row)
    return [r.unit for i, r in enumerate(table.rows)
            if (r.section, r.section_title) in groups and r.unit and not stat_of(r.unit) and i not in taken
            and (r.raw.get(key) or "").strip() not in ("-", "–", "x")]


def _named_columns(table: ScoreTable, clause: str, rows: set[int] | None = None) -> list:
    """The columns whose header the clause names ("DVC trực tuyến (tối đa 12 điểm)
    còn thấp"), with their maximum."""
    key = name_key(clause)
    out = []
    for col in table.columns:
        label = re.sub(r"\([^()]*\)", " ", col.label or "").strip()
        if len(label) < 4 or not re.search(r"(?<!\w)" + re.escape(name_key(label)) + r"(?!\w)", key):
            continue
        values = [(i, r.scores.get(col.key)) for i, r in enumerate(table.rows)
                  if r.unit and not _SUMMARY_ROW.search(r.unit) and (rows is None or i in rows)]
        values = [(i, v) for i, v in values if isinstance(v, Decimal)]
        if len(values) >= 2:
            out.append((col, values))
    return out


# Words that make a statistic another population's: the country's, the provinces', another level's.
_ELSEWHERE = re.compile(r"cả\s+nước|toàn\s+quốc|các\s+tỉnh|bộ,\s+ngành|trung\s+ương|cùng\s+kỳ|năm\s+trước|kỳ\s+trước"
                        r"|so\s+với", re.I)


def _words_of(st: Statement) -> str:
    """The words that say whose and when a figure is: its sentence up to it
    (a comparison closed before it, "So với năm 2024 (…), điểm trung bình
    năm 2025 đạt", left out), never the comparison after it ("…, tăng 2,46
    điểm so với quý I năm 2025 (68,73 điểm)")."""
    if st.clause is None:
        return st.context or st.text or ""
    return re.sub(r"so\s+với[^,;]*,", " ", st.clause, flags=re.I) + " " + (st.text or "")


def _sole_column(report: Report, st: Statement, candidates: list, placed: list[tuple[int, ScoreTable]]) -> list:
    """The one column of the statistic's measure the whole document has, in a table before the claim in
    its section ("Chỉ số trung bình đạt 74,61%." under the only table of the units' Chỉ số): no other
    column can be meant, unless the words name another population or period. A section between them
    may speak of another measure whose table the document leaves out (a survey after the index).
    The table may also follow the claim as the report's annex ("Điểm trung bình của các cơ quan, đơn vị đạt
    81,68 điểm." in the body, "PHỤ LỤC KẾT QUẢ ĐÁNH GIÁ …" after it): the body summarises its annex."""
    if len(candidates) != 1 or st.paragraph is None or _ELSEWHERE.search(_words_of(st)):
        return []
    table = candidates[0][0]
    at = next((p for p, t in placed if t is table), None)
    if at is None:
        return []
    if at >= st.paragraph:  # the annex the body's figures come from ("Phụ lục …" after the report's text)
        # never a figure of one indicator ("Số hóa hồ sơ …: bình quân đạt 59,78% số điểm tối đa")
        named = st.of_max or st.lost or _named_columns(table, st.clause or "") or _named_columns(table, st.before or "")
        return candidates if is_annex(report, table) and not named else []
    heads = [h.paragraph for h in report.statements if h.kind == StatementKind.SECTION and h.paragraph is not None]
    return [] if any(at < h <= st.paragraph for h in heads) else candidates


_ANNEX = re.compile(r"\s*(?:phụ\s+lục|biểu)(?!\w)", re.I)


def is_annex(report: Report, table: ScoreTable) -> bool:
    """Whether ``table`` is an annex of the report: its title, or the
    appendix title read for it, opens with "Phụ lục" or "Biểu"."""
    titles = [table.title or ""] + [title for i, title in report.appendix_titles if i == table.index]
    return any(_ANNEX.match(t) for t in titles)


# "của 12 xã", "19 cơ quan, đơn vị": how many units a sentence speaks of.
_POPULATION = re.compile(r"(?<![\d,./])(\d{1,4})\s+(?:xã|phường|thị\s+trấn|đơn\s+vị|cơ\s+quan|sở|huyện|"
                         r"địa\s+phương|ubnd|ủy\s+ban|uỷ\s+ban|bộ\s+phận|trung\s+tâm|chi\s+nhánh)\b", re.I)


def _of_stated_count(st: Statement, candidates: list) -> list:
    """With no table after the claim in its section, the columns of the one
    table whose number of units the sentence states ("Điểm bình quân của 12
    xã … đạt 75,59/100 điểm" and the only table of 12 xã)."""
    stated = {int(n) for n in _POPULATION.findall(st.clause or "")}
    tables = {id(c[0]) for c in candidates if len(c[3]) in stated}
    return [c for c in candidates if id(c[0]) in tables and len(c[3]) in stated] if len(tables) == 1 else []


def _column_max(table: ScoreTable, key: str) -> Decimal | None:
    """The maximum a column's figures are out of: its header's, or for the
    total the one maximum its rows share, else the sum of the columns' maxima."""
    if key != "total":
        return next((c.max for c in table.columns if c.key == key), None)
    maxima = {r.max for r in table.rows if r.unit and r.max is not None}
    if len(maxima) == 1:
        return maxima.pop()
    parts = [c.max for c in table.columns]
    return sum(parts, Decimal(0)) if parts and None not in parts else None


_GENERIC = re.compile(r"(?<!\w)(?:tỷ\s+lệ|tỉ\s+lệ|chỉ\s+số|điểm|đạt|được)(?!\w)|[%()/:,.\-–]", re.I)


def names_header(label: str, said: str) -> bool:
    """Whether the words ``said`` ("xã có tỷ lệ số hóa hồ sơ đạt từ 80%",
    "tỷ lệ hồ sơ trực tuyến cao nhất là …") say every word of a header
    beyond the measure's ("Tỷ lệ số hóa (%)": "số hóa"), two words at least
    (a number is none: "DVCTT - Chỉ số 1" says "DVCTT" alone)."""
    words = [w for w in name_key(_GENERIC.sub(" ", label)).split() if not w.isdigit()]  # "Chỉ số 1": no word
    said = name_key(said)
    return len(words) >= 2 and all(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", said) for w in words)


_BARE_RATE = re.compile(r"^\s*(?:(?:tỷ|tỉ)\s+lệ)?\s*(?:\(\s*%\s*\))?\s*%?\s*$", re.I)


def names_column(table: ScoreTable, key: str, label: str, said: str) -> bool:
    """Whether the words ``said`` name a column (:func:`names_header`): by
    its header, or, for a rate headed by its measure alone under a group
    ("Hồ sơ tiếp nhận" over "Tổng số | Trực tuyến | Tỷ lệ (%)"), by the
    column before it whose rate it is ("tỷ lệ hồ sơ trực tuyến")."""
    if names_header(label, said):
        return True
    keys = [c.key for c in table.columns]
    if key not in keys or keys.index(key) == 0:
        return False
    col, before = table.columns[keys.index(key)], table.columns[keys.index(key) - 1]
    group = col.group or ""
    leaf = (col.label or "")[len(group):] if group and (col.label or "").startswith(group) else ""
    if not group or before.group != group or not _BARE_RATE.match(leaf):
        return False
    return names_header((before.label or "")[len(group):], said)
