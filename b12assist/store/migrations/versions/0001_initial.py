"""escalations and saved plans

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "escalations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, server_default="new"),
        sa.Column("acknowledged_by", sa.String(255)),
        sa.Column("acknowledged_at", sa.DateTime),
        sa.Column("notify_status", sa.String(16), nullable=False, server_default="pending"),
        sa.Column("notify_attempts", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_escalations_created_at", "escalations", ["created_at"])
    op.create_index("ix_escalations_conversation_id", "escalations", ["conversation_id"])
    op.create_table(
        "plans",
        sa.Column("conversation_id", sa.String(255), primary_key=True),
        sa.Column("plan_id", sa.String(64), nullable=False),
        sa.Column("inputs", sa.Text, nullable=False),
        sa.Column("injections", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_plans_plan_id", "plans", ["plan_id"], unique=True)
    op.create_index("ix_plans_updated_at", "plans", ["updated_at"])


def downgrade() -> None:
    op.drop_table("plans")
    op.drop_table("escalations")
