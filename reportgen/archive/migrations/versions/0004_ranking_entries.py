"""The ranking of each period kept ready, and filled in for what is already stored.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

from reportgen.archive.models import ExactDecimal

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ranking_entries",
        sa.Column("period", sa.String(20), primary_key=True),
        sa.Column("scheme", sa.String(100), primary_key=True),
        sa.Column("province", sa.String(100), primary_key=True),
        sa.Column("level", sa.String(10), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("level_order", sa.Integer, nullable=False),
        sa.Column("group_size", sa.Integer, nullable=False),
        sa.Column("province_key", sa.String(100), nullable=False),
        sa.Column("row_province_key", sa.String(100), nullable=False),
        sa.Column("unit_id", sa.Integer, nullable=False),
        sa.Column("unit", sa.Text, nullable=False),
        sa.Column("unit_fold", sa.Text, nullable=False),
        sa.Column("unit_text", sa.Text, nullable=False),
        sa.Column("total", ExactDecimal),
        sa.Column("max", ExactDecimal),
        sa.Column("percent", ExactDecimal),
        sa.Column("grade", sa.Text),
        sa.Column("rank", sa.Integer),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("table_index", sa.Integer, nullable=False),
        sa.Column("row_index", sa.Integer, nullable=False),
        sa.Column("page", sa.Integer),
    )
    op.create_index("ix_ranking_entries_period_key", "ranking_entries", ["period", "row_province_key"])
    op.create_index("ix_ranking_entries_period_level", "ranking_entries", ["period", "level", "scheme"])
    from sqlalchemy.orm import Session

    from reportgen.archive.ranked import refresh_rankings

    bind = op.get_bind()
    cohorts = bind.execute(sa.text("SELECT DISTINCT province_key, level, scheme, period FROM score_rows")).all()
    refresh_rankings(Session(bind=bind), [tuple(c) for c in cohorts], with_groups=False)  # 0005 adds them


def downgrade() -> None:
    op.drop_table("ranking_entries")
