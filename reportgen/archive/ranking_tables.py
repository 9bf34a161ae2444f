"""The ranking of each period kept ready (migration 0004): one row per
ranked unit, in the order and with the rank :func:`ranking.ranking`
computes, refreshed by every import for the groups it touches
(:mod:`reportgen.archive.ranked`). A whole country's period is then read
(or one page of it, sorted by any column) without ranking 10 000 rows on
every view.

``ranking_groups`` holds one row per group and province key (the row's own
key, the ranking page's province filter): the group's display order and
size, and how many of its rows carry that key. A ranking page reads its
groups from there (tens of rows for a whole country, not one per unit),
the periods and the filters' values too, and then only the rows it shows
(the primary key's range of positions within each group on the page)."""
from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Table, Text

from .base import Base
from .models import ExactDecimal

ranking_entries = Table(
    "ranking_entries", Base.metadata,
    # The group: the units' province as registered, level and scheme, in one period.
    Column("period", String(20), primary_key=True),
    Column("scheme", String(100), primary_key=True),
    Column("province", String(100), primary_key=True),
    Column("level", String(10), primary_key=True),
    Column("position", Integer, primary_key=True),  # 1-based, in rank order
    Column("level_order", Integer, nullable=False),
    Column("group_size", Integer, nullable=False),
    Column("province_key", String(100), nullable=False),  # the group's key (Entry.province_key)
    Column("row_province_key", String(100), nullable=False),  # the row's own key (the province filter)
    Column("unit_id", Integer, nullable=False),
    Column("unit", Text, nullable=False),
    Column("unit_fold", Text, nullable=False),  # casefolded, for sorting by name
    Column("unit_text", Text, nullable=False),
    Column("total", ExactDecimal),
    Column("max", ExactDecimal),
    Column("percent", ExactDecimal),
    Column("grade", Text),
    Column("rank", Integer),
    Column("document_id", Integer, nullable=False),
    Column("document", Text, nullable=False),
    Column("table_index", Integer, nullable=False),
    Column("row_index", Integer, nullable=False),
    Column("page", Integer),
    Index("ix_ranking_entries_period_key", "period", "row_province_key"),
    Index("ix_ranking_entries_period_level", "period", "level", "scheme"),
)

ranking_groups = Table(
    "ranking_groups", Base.metadata,
    Column("period", String(20), primary_key=True),
    Column("scheme", String(100), primary_key=True),
    Column("province", String(100), primary_key=True),
    Column("level", String(10), primary_key=True),
    Column("row_province_key", String(100), primary_key=True),
    Column("level_order", Integer, nullable=False),
    Column("group_size", Integer, nullable=False),  # the whole group's rows
    Column("rows", Integer, nullable=False),  # its rows with this key
)
