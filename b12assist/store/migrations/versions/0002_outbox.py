"""escalation outbox: idempotency key, delivery schedule and result, anonymisation time

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch mode: SQLite cannot add a unique constraint with ALTER TABLE; PostgreSQL alters in place.
    with op.batch_alter_table("escalations") as batch:
        batch.add_column(sa.Column("key", sa.String(36)))
        batch.add_column(sa.Column("notify_next_at", sa.DateTime))
        batch.add_column(sa.Column("notify_sent_at", sa.DateTime))
        batch.add_column(sa.Column("notify_error", sa.String(255)))
        batch.add_column(sa.Column("anonymised_at", sa.DateTime))
        batch.create_unique_constraint("uq_escalations_key", ["key"])
        batch.create_index("ix_escalations_notify_next_at", ["notify_next_at"])


def downgrade() -> None:
    with op.batch_alter_table("escalations") as batch:
        batch.drop_index("ix_escalations_notify_next_at")
        batch.drop_constraint("uq_escalations_key", type_="unique")
        for name in ("anonymised_at", "notify_error", "notify_sent_at", "notify_next_at", "key"):
            batch.drop_column(name)
