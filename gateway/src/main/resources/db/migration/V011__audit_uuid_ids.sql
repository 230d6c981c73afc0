-- Cheaper decision audit inserts (issue 15): on two cores Postgres spent as much CPU inserting audit rows as the
-- gateway spent answering. Per row, the random text primary key and the account index's collation-aware text
-- compares dominated (BENCHMARKS.md, "Decision log cost in Postgres").
-- * decision_id becomes uuid: 16 bytes compared as memcmp instead of 36-character text through the collation,
--   and the gateway now generates time-ordered version-7 ids, so the key index grows at its right edge.
-- * account_id is compared bytewise (COLLATE "C"): account ids are ASCII identifiers, nothing sorts them for
--   people; equality and the index order per account stay what they were, at a fraction of the CPU.
-- * The account index is (account_id, decided_at): a btree scans backwards as cheaply, so newest-first per
--   account needs no DESC; it stays because a day partition can hold many decisions of one account.
-- Every id the gateway ever wrote is a UUID string. Anything else (hand-written rows) is kept: its row gets a
-- version-8 uuid derived from the text (md5), and decision_audit_legacy_ids maps it back until retention drops it.

CREATE TABLE decision_audit_legacy_ids (
  decision_id  uuid        NOT NULL,
  decided_at   timestamptz NOT NULL,
  legacy_id    text        NOT NULL,
  PRIMARY KEY (decision_id, decided_at)
);

CREATE FUNCTION decision_audit_legacy_uuid(id text) RETURNS uuid LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE WHEN id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN id::uuid
              ELSE overlay(overlay(md5(id) PLACING '8' FROM 13 FOR 1) PLACING '8' FROM 17 FOR 1)::uuid END $$;

INSERT INTO decision_audit_legacy_ids
SELECT DISTINCT decision_audit_legacy_uuid(decision_id), decided_at, decision_id FROM decision_audit
WHERE decision_id !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

DROP INDEX decision_audit_account_idx;
ALTER TABLE decision_audit
  ALTER COLUMN decision_id TYPE uuid USING decision_audit_legacy_uuid(decision_id),
  ALTER COLUMN account_id TYPE text COLLATE "C";
CREATE INDEX decision_audit_account_idx ON decision_audit (account_id, decided_at);
DROP FUNCTION decision_audit_legacy_uuid(text);

-- As in V010, and legacy ids leave with their rows.
CREATE OR REPLACE FUNCTION decision_audit_maintain(today date, days_ahead integer, retention_months integer)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  oldest date := (today - make_interval(months => retention_months))::date;
  part record;
  dropped integer := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(18984448907569524); -- "CrAudit" in ASCII
  FOR offset_days IN -1 .. days_ahead LOOP
    PERFORM decision_audit_create_day(today + offset_days);
  END LOOP;
  FOR part IN
    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'decision_audit'::regclass AND c.relname ~ '^decision_audit_p[0-9]{8}$'
      AND to_date(right(c.relname, 8), 'YYYYMMDD') < oldest
  LOOP
    EXECUTE format('DROP TABLE %I', part.relname);
    dropped := dropped + 1;
  END LOOP;
  DELETE FROM decision_audit_default WHERE decided_at < (oldest::timestamp AT TIME ZONE 'UTC');
  DELETE FROM decision_audit_legacy_ids WHERE decided_at < (oldest::timestamp AT TIME ZONE 'UTC');
  RETURN dropped;
END $$;
