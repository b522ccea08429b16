"""review queue labels: who labelled which misunderstood message with which topic, and when

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_labels",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("message_key", sa.String(64), nullable=False),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("message_at", sa.DateTime, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("predicted", sa.String(64), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("topic", sa.String(64)),
        sa.Column("labelled_by", sa.String(255), nullable=False),
        sa.Column("labelled_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("message_key", name="uq_review_labels_message_key"),
    )
    op.create_index("ix_review_labels_conversation_id", "review_labels", ["conversation_id"])
    op.create_index("ix_review_labels_message_at", "review_labels", ["message_at"])


def downgrade() -> None:
    op.drop_table("review_labels")
