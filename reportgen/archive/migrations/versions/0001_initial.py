"""Initial archive schema: documents, units and aliases, score rows with
their indicators, findings, settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

from reportgen.archive.models import ExactDecimal

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content_sha256", sa.String(64)),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("file_format", sa.Text),
        sa.Column("doc_type", sa.Text),
        sa.Column("number", sa.Text),
        sa.Column("issuer", sa.Text),
        sa.Column("date", sa.Date),
        sa.Column("period", sa.String(20)),
        sa.Column("scheme", sa.String(100)),
        sa.Column("province", sa.String(100), nullable=False),
        sa.Column("district", sa.String(100), nullable=False),
        sa.Column("subject", sa.Text),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("sha256", name="uq_documents_sha256"),
    )
    op.create_index("ix_documents_content_sha256", "documents", ["content_sha256"])
    op.create_table(
        "units",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("province_key", sa.String(100), nullable=False),
        sa.Column("district_key", sa.String(100), nullable=False),
        sa.Column("key", sa.String(500), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("province", sa.String(100), nullable=False),
        sa.Column("district", sa.String(100), nullable=False),
        sa.Column("level", sa.String(10), nullable=False),
        sa.Column("valid_from", sa.String(10)),
        sa.Column("valid_to", sa.String(10)),
        sa.Column("successor_id", sa.Integer, sa.ForeignKey("units.id", name="fk_units_successor")),
        sa.Column("note", sa.Text),
        sa.UniqueConstraint("province_key", "district_key", "key", name="uq_units_scope_key"),
    )
    op.create_index("ix_units_key", "units", ["key"])
    op.create_table(
        "unit_aliases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("unit_id", sa.Integer, sa.ForeignKey("units.id", ondelete="CASCADE"), nullable=False),
        sa.Column("province_key", sa.String(100), nullable=False),
        sa.Column("district_key", sa.String(100), nullable=False),
        sa.Column("key", sa.String(500), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.UniqueConstraint("province_key", "district_key", "key", name="uq_unit_aliases_scope_key"),
    )
    op.create_index("ix_unit_aliases_unit_id", "unit_aliases", ["unit_id"])
    op.create_table(
        "score_rows",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("unit_id", sa.Integer, sa.ForeignKey("units.id"), nullable=False),
        sa.Column("unit_text", sa.Text, nullable=False),
        sa.Column("province_key", sa.String(100), nullable=False),
        sa.Column("level", sa.String(10), nullable=False),
        sa.Column("period", sa.String(20), nullable=False),
        sa.Column("scheme", sa.String(100), nullable=False),
        sa.Column("table_index", sa.Integer, nullable=False),
        sa.Column("row_index", sa.Integer, nullable=False),
        sa.Column("source_row", sa.Integer),
        sa.Column("page", sa.Integer),
        sa.Column("section", sa.Text),
        sa.Column("no", sa.Text),
        sa.Column("reported_total", ExactDecimal),
        sa.Column("reported_max", ExactDecimal),
        sa.Column("reported_percent", ExactDecimal),
        sa.Column("reported_grade", sa.Text),
        sa.Column("reported_rank", sa.Integer),
        sa.Column("total", ExactDecimal),
        sa.Column("max", ExactDecimal),
        sa.Column("percent", ExactDecimal),
        sa.Column("grade", sa.Text),
        sa.Column("rank", sa.Integer),
    )
    op.create_index("ix_score_rows_document_id", "score_rows", ["document_id"])
    op.create_index("ix_score_rows_unit_scheme_period", "score_rows", ["unit_id", "scheme", "period"])
    op.create_index("ix_score_rows_period_scheme", "score_rows", ["period", "scheme", "province_key", "level"])
    op.create_table(
        "indicator_scores",
        sa.Column("row_id", sa.Integer, sa.ForeignKey("score_rows.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("indicator", sa.String(100), primary_key=True),
        sa.Column("value", ExactDecimal),
    )
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("score_row_id", sa.Integer, sa.ForeignKey("score_rows.id", ondelete="CASCADE")),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("severity", sa.String(10), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("table_index", sa.Integer),
        sa.Column("row_index", sa.Integer),
        sa.Column("unit", sa.Text),
        sa.Column("column", sa.Text),
        sa.Column("reported", sa.Text),
        sa.Column("expected", sa.Text),
        sa.Column("page", sa.Integer),
        sa.Column("paragraph", sa.Integer),
    )
    op.create_index("ix_findings_document_id", "findings", ["document_id"])
    op.create_index("ix_findings_score_row_id", "findings", ["score_row_id"])
    op.create_table(
        "archive_settings",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("archive_settings", "findings", "indicator_scores", "score_rows", "unit_aliases", "units",
                  "documents"):
        op.drop_table(table)
