"""The stored ranking's groups (one row per group and province key), filled
in from the stored ranking.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ranking_groups",
        sa.Column("period", sa.String(20), primary_key=True),
        sa.Column("scheme", sa.String(100), primary_key=True),
        sa.Column("province", sa.String(100), primary_key=True),
        sa.Column("level", sa.String(10), primary_key=True),
        sa.Column("row_province_key", sa.String(100), primary_key=True),
        sa.Column("level_order", sa.Integer, nullable=False),
        sa.Column("group_size", sa.Integer, nullable=False),
        sa.Column("rows", sa.Integer, nullable=False),
    )
    op.execute("INSERT INTO ranking_groups (period, scheme, province, level, row_province_key, level_order, "
               "group_size, rows) SELECT period, scheme, province, level, row_province_key, max(level_order), "
               "max(group_size), count(*) FROM ranking_entries "
               "GROUP BY period, scheme, province, level, row_province_key")


def downgrade() -> None:
    op.drop_table("ranking_groups")
