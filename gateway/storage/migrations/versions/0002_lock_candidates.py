"""PostgreSQL: one function takes an intake batch's identity locks and reads its candidate cases.

Revision ID: 0002_lock_candidates
Revises: 0001_core
Create Date: 2026-11-29

Why a function: the locks and the read must be two statements (under READ COMMITTED a statement's snapshot
is taken when it starts, so a read in the locking statement could miss what the previous holder of a lock
committed). The intake path sent them together in psycopg's pipeline mode, whose Python cost was about half
the CPU the whole candidate step took. A volatile PL/pgSQL function runs each of its statements with a new
snapshot, so one ordinary statement, one round trip, does both. SQLite needs nothing: it takes its write
lock at BEGIN IMMEDIATE.
"""
from alembic import op

revision = "0002_lock_candidates"
down_revision = "0001_core"
branch_labels = None
depends_on = None

# `identities`: the batch's national codes, comma-separated (10 digits each, so also bigint lock keys).
# The read is EXECUTEd, so it is planned on every call with the real codes: a plan cached while `cases`
# was small (a new installation) would keep scanning the whole table after it grew.
LOCK_CANDIDATES = """
CREATE OR REPLACE FUNCTION dargah_lock_candidates(identities text, since timestamptz)
RETURNS SETOF cases LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    codes text[] := string_to_array(identities, ',');
BEGIN
    -- Sorted, so two batches sharing people always take the locks in the same order (no deadlock).
    PERFORM pg_advisory_xact_lock(k) FROM unnest(codes::bigint[]) AS k ORDER BY k;
    RETURN QUERY EXECUTE
        'SELECT * FROM cases WHERE identity = ANY($1) AND merged_into IS NULL '
        'AND (status <> ''closed'' OR updated_at >= $2)'
        USING codes, since;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(LOCK_CANDIDATES)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS dargah_lock_candidates(text, timestamptz)")
