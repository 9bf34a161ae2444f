"""Cohort medians kept at import, and filled in for what is already stored.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

from reportgen.archive.models import ExactDecimal

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cohort_medians",
        sa.Column("province_key", sa.String(100), primary_key=True),
        sa.Column("level", sa.String(10), primary_key=True),
        sa.Column("scheme", sa.String(100), primary_key=True),
        sa.Column("period", sa.String(20), primary_key=True),
        sa.Column("indicator", sa.String(100), primary_key=True),
        sa.Column("median", ExactDecimal),
        sa.Column("units", sa.Integer, nullable=False),
    )
    from sqlalchemy.orm import Session

    from reportgen.archive.cohorts import refresh

    bind = op.get_bind()
    cohorts = bind.execute(sa.text("SELECT DISTINCT province_key, level, scheme, period FROM score_rows")).all()
    refresh(Session(bind=bind), [tuple(c) for c in cohorts])


def downgrade() -> None:
    op.drop_table("cohort_medians")
