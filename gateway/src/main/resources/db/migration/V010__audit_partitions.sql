-- The decision audit log, partitioned by day (UTC) on decided_at, with features as a compact float4 snapshot
-- (bytea, float4 big-endian = the float4send layout, NaN = missing) written by one set-based insert per batch.
-- decision_audit_maintain() creates the day partitions ahead and drops those past the retention; the audit
-- writer calls it at start and every hour. Rows for a day without a partition land in the default partition
-- (never rejected); creating that day's partition later moves them in.

ALTER TABLE decision_audit RENAME TO decision_audit_v002;
ALTER INDEX decision_audit_pkey RENAME TO decision_audit_v002_pkey;
ALTER INDEX decision_audit_account_idx RENAME TO decision_audit_v002_account_idx;

CREATE TABLE decision_audit (
  decision_id     text        NOT NULL,
  account_id      text        NOT NULL,
  amount_minor    bigint      NOT NULL,
  decision        text        NOT NULL,
  score           integer     NOT NULL,
  pd              double precision NOT NULL,
  reasons         text[]      NOT NULL,
  model_version   text        NOT NULL,
  policy_version  text        NOT NULL,
  features        bytea       NOT NULL,
  degraded        boolean     NOT NULL,
  client_id       text,
  decided_at      timestamptz NOT NULL,
  order_id        text,
  merchant_category text,
  channel         text,
  PRIMARY KEY (decision_id, decided_at)
) PARTITION BY RANGE (decided_at);
CREATE INDEX decision_audit_account_idx ON decision_audit (account_id, decided_at DESC);
CREATE TABLE decision_audit_default PARTITION OF decision_audit DEFAULT;

-- Creates the partition of one UTC day unless it exists, moving in any rows the default partition holds for it.
CREATE FUNCTION decision_audit_create_day(day date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  name text := 'decision_audit_p' || to_char(day, 'YYYYMMDD');
  low timestamptz := (day::timestamp AT TIME ZONE 'UTC');
  high timestamptz := ((day + 1)::timestamp AT TIME ZONE 'UTC');
BEGIN
  IF to_regclass(name) IS NOT NULL THEN
    RETURN;
  END IF;
  CREATE TEMP TABLE decision_audit_moving (LIKE decision_audit) ON COMMIT DROP;
  WITH moved AS (DELETE FROM decision_audit_default WHERE decided_at >= low AND decided_at < high RETURNING *)
  INSERT INTO decision_audit_moving SELECT * FROM moved;
  EXECUTE format('CREATE TABLE %I PARTITION OF decision_audit FOR VALUES FROM (%L) TO (%L)', name, low, high);
  INSERT INTO decision_audit SELECT * FROM decision_audit_moving;
  DROP TABLE decision_audit_moving;
END $$;

-- Creates the partitions of today - 1 .. today + days_ahead and drops every day older than retention_months
-- (its partition, or its rows in the default partition). Serialized across replicas by a transaction lock.
CREATE FUNCTION decision_audit_maintain(today date, days_ahead integer, retention_months integer)
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
  RETURN dropped;
END $$;

-- Carry the existing trail over: one partition per day it covers, features re-encoded from real[].
SELECT decision_audit_create_day(d)
FROM (SELECT DISTINCT (decided_at AT TIME ZONE 'UTC')::date AS d FROM decision_audit_v002) days;
INSERT INTO decision_audit
SELECT decision_id, account_id, amount_minor, decision, score, pd, reasons, model_version, policy_version,
       coalesce((SELECT string_agg(float4send(coalesce(f, 'NaN'::real)), ''::bytea ORDER BY n)
                 FROM unnest(a.features) WITH ORDINALITY AS v(f, n)), ''::bytea),
       degraded, client_id, decided_at, order_id, merchant_category, channel
FROM decision_audit_v002 a;
DROP TABLE decision_audit_v002;
