"""PostgreSQL: the guard of an optimistic intake batch: take its identity locks, then check that its
candidate cases are still the ones it read.

Revision ID: 0003_candidates_unchanged
Revises: 0002_lock_candidates
Create Date: 2026-11-30

Why: an intake batch reads its people's cases and decides in Python, which takes longer than anything the
database does for it. Holding a transaction and the identity locks open meanwhile (0002) costs a BEGIN and a
COMMIT round trip on every batch. Instead the batch reads without locking, and its one write statement calls
this function first: it takes the same locks (sorted: no deadlock between batches sharing people), then, with
a snapshot taken after them (a volatile function's statement takes its own), compares each candidate's id and
version (`dargah_case_version`: what the deduplicator decides on, so that another contact's bump of a case's
updated_at does not count as a change) with what the batch read. Equal: the decision stands, as
if it had been made under the locks. Different (another writer stored or changed a case of one of these
people in between): serialization_failure naming them, the statement stores nothing, and core stores the
rest of the batch and decides again, under the locks, for those people. The read is an ordinary cached
plan: PostgreSQL plans it again when ANALYZE updates the statistics of `cases`, so a plan made while the
table was small does not outlive its growth.
"""
from alembic import op

revision = "0003_candidates_unchanged"
down_revision = "0002_lock_candidates"
branch_labels = None
depends_on = None

# What of a case the deduplicator decides on: its topic, text, status and merge, and for a closed case when it
# closed (the reopening window). Not updated_at of an open case, which every further contact moves: two
# processes taking repeats of one case would otherwise keep sending each other back to decide again.
CASE_VERSION = """
CREATE OR REPLACE FUNCTION dargah_case_version(c cases) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT md5(concat_ws('|', c.status, c.topic, c.merged_into, c.identity, c.text,
                         CASE WHEN c.status = 'closed' THEN extract(epoch FROM c.updated_at) END))
$$
"""

# `identities`: the national codes the batch writes for and whose candidates it read, comma-separated (10 digits
# each, so also bigint lock keys); `seen`: {identity: [[id, version], ...]} of the candidates the batch read,
# in id order (an identity with none may be left out). Raises serialization_failure whose DETAIL lists the
# identities whose candidates changed, so that the batch can store the rest without them.
CANDIDATES_UNCHANGED = """
CREATE OR REPLACE FUNCTION dargah_candidates_unchanged(identities text, since timestamptz, seen jsonb)
RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    codes text[] := string_to_array(identities, ',');
    changed text;
BEGIN
    PERFORM pg_advisory_xact_lock(k) FROM unnest(codes::bigint[]) AS k ORDER BY k;
    SELECT string_agg(code, ',') INTO changed FROM unnest(codes) AS code
    WHERE coalesce((SELECT jsonb_agg(jsonb_build_array(c.id, dargah_case_version(c)) ORDER BY c.id)
                    FROM cases c WHERE c.identity = code AND c.merged_into IS NULL
                    AND (c.status <> 'closed' OR c.updated_at >= since)), '[]'::jsonb)
          IS DISTINCT FROM coalesce(seen -> code, '[]'::jsonb);
    IF changed IS NOT NULL THEN
        RAISE EXCEPTION 'the candidate cases changed since they were read'
            USING ERRCODE = 'serialization_failure', DETAIL = changed;
    END IF;
    RETURN true;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(CASE_VERSION)
        op.execute(CANDIDATES_UNCHANGED)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS dargah_candidates_unchanged(text, timestamptz, jsonb)")
        op.execute("DROP FUNCTION IF EXISTS dargah_case_version(cases)")
