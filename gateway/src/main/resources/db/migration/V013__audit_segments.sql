-- The decision log as segments (issue 15): one row per batch the audit writer sends, holding the batch's columns
-- as arrays, instead of one row per decision. A row per decision cost Postgres a heap tuple, a primary-key entry
-- and an account-index entry each: on two cores the audit writer's backend used 0.57 of a core at 38 700
-- decisions/s, a third of what the whole gateway spent answering them. A segment is one tuple whose arrays go out
-- of line uncompressed (STORAGE EXTERNAL: a memcpy into TOAST chunks, no pglz), one GiST entry for the span of
-- its decision ids and one GIN entry per distinct account. Measured with tools/audit-insert-bench (BENCHMARKS.md,
-- "Decision log as segments"): 0.06-0.09 CPU-s per 60 000 decisions without the account index, 0.17-0.27 with
-- it, against 0.59-0.72 for the row-per-decision insert, on the same database; through the gateway, all Postgres
-- backends 0.60 against 1.14 CPU-s per 100 000 decisions (the account index is most of what remains).
--
-- Reading is unchanged for SQL: decision_audit is now a view with the old table's columns, one row per decision
-- (decision_audit_unpack). A query on the view's columns unpacks every segment it scans, so for a large trail
-- use the indexed lookups: decision_audit_by_id(uuid) (GiST on the segment's id span) and
-- decision_audit_of_account(account, since, until) (GIN on the segment's accounts, partitions pruned by time).
-- Inserting into the view still works (one segment per row), for hand-written rows and tools.
-- Decision ids are no longer a unique key: the gateway's version-7 ids are increasing within a process with 62
-- random bits besides, and nothing else writes the log.
-- Times are kept to the millisecond, as the gateway makes them.

CREATE TYPE decision_audit_id_span AS RANGE (subtype = uuid);

-- The old table and its day partitions step aside (their names are reused below) and are dropped at the end.
ALTER TABLE decision_audit RENAME TO decision_audit_v012;
DO $$
DECLARE
  part record;
BEGIN
  FOR part IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'decision_audit_v012'::regclass LOOP
    EXECUTE format('ALTER TABLE %I RENAME TO %I', part.relname, 'v012_' || part.relname);
  END LOOP;
END $$;

CREATE TABLE decision_audit_segments (
  decided_from        timestamptz NOT NULL,
  decided_to          timestamptz NOT NULL,
  id_span             decision_audit_id_span NOT NULL,
  decision_count      integer NOT NULL,
  decision_ids        uuid[] NOT NULL,
  account_ids         text[] COLLATE "C" NOT NULL,
  amounts_minor       bigint[] NOT NULL,
  decisions           text[] NOT NULL,
  scores              integer[] NOT NULL,
  pds                 double precision[] NOT NULL,
  reasons_1           text[] NOT NULL,
  reasons_2           text[] NOT NULL,
  reasons_3           text[] NOT NULL,
  reasons_4           text[] NOT NULL,
  model_versions      text[] NOT NULL,
  policy_versions     text[] NOT NULL,
  features            bytea NOT NULL,
  feature_offsets     integer[] NOT NULL,
  feature_lengths     integer[] NOT NULL,
  degraded            boolean[] NOT NULL,
  client_ids          text[] NOT NULL,
  decided_millis      bigint[] NOT NULL,
  order_ids           text[] NOT NULL,
  merchant_categories text[] NOT NULL,
  channels            text[] NOT NULL,
  CHECK (decided_from <= decided_to),
  CHECK (cardinality(decision_ids) = decision_count)
) PARTITION BY RANGE (decided_to);

-- Out of line, uncompressed: partitions created later take the parent's storage.
DO $$
DECLARE
  col record;
BEGIN
  FOR col IN SELECT attname FROM pg_attribute WHERE attrelid = 'decision_audit_segments'::regclass AND attnum > 0
      AND NOT attisdropped AND attlen = -1 AND attname <> 'id_span' LOOP
    EXECUTE format('ALTER TABLE decision_audit_segments ALTER COLUMN %I SET STORAGE EXTERNAL', col.attname);
  END LOOP;
END $$;

CREATE INDEX decision_audit_segments_time_idx ON decision_audit_segments (decided_to);
CREATE INDEX decision_audit_segments_ids_idx ON decision_audit_segments USING gist (id_span);
-- fastupdate off: each batch's keys go straight into the index. With the pending list on, the same work came as a
-- merge every few megabytes, done inline by one insert (0.3-0.6 s of a core at once, stalling the writer); measured
-- through the gateway both cost the same CPU per decision (0.91 vs 0.93 CPU-s per 100 000, BENCHMARKS.md).
CREATE INDEX decision_audit_segments_accounts_idx ON decision_audit_segments USING gin (account_ids)
  WITH (fastupdate = off);
CREATE TABLE decision_audit_default PARTITION OF decision_audit_segments DEFAULT;

-- One row per decision of segment s, in the order the writer sent them.
CREATE FUNCTION decision_audit_unpack(s decision_audit_segments)
RETURNS TABLE (decision_id uuid, account_id text, amount_minor bigint, decision text, score integer,
  pd double precision, reasons text[], model_version text, policy_version text, features bytea, degraded boolean,
  client_id text, decided_at timestamptz, order_id text, merchant_category text, channel text)
LANGUAGE sql STABLE AS $$
  SELECT u.id, u.account, u.amount, u.decision, u.score, u.pd, array_remove(ARRAY[u.r1, u.r2, u.r3, u.r4], NULL),
         u.model, u.policy, substring(s.features FROM u.feature_offset + 1 FOR u.feature_length), u.degraded,
         u.client, to_timestamp(u.millis / 1000.0::float8), u.order_id, u.category, u.channel
  FROM unnest(s.decision_ids, s.account_ids, s.amounts_minor, s.decisions, s.scores, s.pds, s.reasons_1,
              s.reasons_2, s.reasons_3, s.reasons_4, s.model_versions, s.policy_versions, s.feature_offsets,
              s.feature_lengths, s.degraded, s.client_ids, s.decided_millis, s.order_ids, s.merchant_categories,
              s.channels)
    AS u(id, account, amount, decision, score, pd, r1, r2, r3, r4, model, policy, feature_offset, feature_length,
         degraded, client, millis, order_id, category, channel)
$$;

CREATE VIEW decision_audit AS
SELECT u.decision_id, u.account_id COLLATE "C" AS account_id, u.amount_minor, u.decision, u.score, u.pd, u.reasons,
       u.model_version, u.policy_version, u.features, u.degraded, u.client_id, u.decided_at, u.order_id,
       u.merchant_category, u.channel
FROM decision_audit_segments s CROSS JOIN LATERAL decision_audit_unpack(s) u;

-- The decision with this id, through the segments whose id span covers it.
CREATE FUNCTION decision_audit_by_id(id uuid) RETURNS SETOF decision_audit LANGUAGE sql STABLE AS $$
  SELECT u.* FROM decision_audit_segments s CROSS JOIN LATERAL decision_audit_unpack(s) u
  WHERE s.id_span @> id AND u.decision_id = id
$$;

-- The decisions of one account decided in [since, until), oldest first, through the segments that name the
-- account. A batch's decisions wait in the writer's queue for well under a day, so segments that end more than a
-- day after until are not looked at (their partitions are pruned, as are those that end before since).
CREATE FUNCTION decision_audit_of_account(account text, since timestamptz, until timestamptz)
RETURNS SETOF decision_audit LANGUAGE sql STABLE AS $$
  SELECT u.* FROM decision_audit_segments s CROSS JOIN LATERAL decision_audit_unpack(s) u
  WHERE s.account_ids @> ARRAY[account COLLATE "C"] AND s.decided_to >= since
    AND s.decided_to < until + interval '1 day' AND s.decided_from < until
    AND u.account_id = account AND u.decided_at >= since AND u.decided_at < until
  ORDER BY u.decided_at, u.decision_id
$$;

-- A row inserted into the view becomes a segment of one decision.
CREATE FUNCTION decision_audit_insert_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  millis bigint := floor(extract(epoch FROM NEW.decided_at) * 1000);
  at timestamptz := to_timestamp(millis / 1000.0::float8);
BEGIN
  IF cardinality(NEW.reasons) > 4 THEN
    RAISE EXCEPTION 'a decision keeps at most 4 reasons, got %', cardinality(NEW.reasons);
  END IF;
  INSERT INTO decision_audit_segments VALUES (at, at, decision_audit_id_span(NEW.decision_id, NEW.decision_id, '[]'),
    1, ARRAY[NEW.decision_id], ARRAY[NEW.account_id], ARRAY[NEW.amount_minor], ARRAY[NEW.decision],
    ARRAY[NEW.score], ARRAY[NEW.pd], ARRAY[NEW.reasons[1]], ARRAY[NEW.reasons[2]], ARRAY[NEW.reasons[3]],
    ARRAY[NEW.reasons[4]], ARRAY[NEW.model_version], ARRAY[NEW.policy_version], NEW.features, ARRAY[0],
    ARRAY[length(NEW.features)], ARRAY[NEW.degraded], ARRAY[NEW.client_id], ARRAY[millis], ARRAY[NEW.order_id],
    ARRAY[NEW.merchant_category], ARRAY[NEW.channel]);
  RETURN NEW;
END $$;
CREATE TRIGGER decision_audit_insert INSTEAD OF INSERT ON decision_audit
  FOR EACH ROW EXECUTE FUNCTION decision_audit_insert_row();

-- As in V010, for segments. A segment lives in the partition of its LAST decision: one that spans midnight keeps
-- its first decisions a day longer than the retention asks, never less.
CREATE OR REPLACE FUNCTION decision_audit_create_day(day date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  name text := 'decision_audit_p' || to_char(day, 'YYYYMMDD');
  low timestamptz := (day::timestamp AT TIME ZONE 'UTC');
  high timestamptz := ((day + 1)::timestamp AT TIME ZONE 'UTC');
BEGIN
  IF to_regclass(name) IS NOT NULL THEN
    RETURN;
  END IF;
  CREATE TEMP TABLE decision_audit_moving (LIKE decision_audit_segments) ON COMMIT DROP;
  WITH moved AS (DELETE FROM decision_audit_default WHERE decided_to >= low AND decided_to < high RETURNING *)
  INSERT INTO decision_audit_moving SELECT * FROM moved;
  EXECUTE format('CREATE TABLE %I PARTITION OF decision_audit_segments FOR VALUES FROM (%L) TO (%L)', name, low, high);
  INSERT INTO decision_audit_segments SELECT * FROM decision_audit_moving;
  DROP TABLE decision_audit_moving;
END $$;

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
    WHERE i.inhparent = 'decision_audit_segments'::regclass AND c.relname ~ '^decision_audit_p[0-9]{8}$'
      AND to_date(right(c.relname, 8), 'YYYYMMDD') < oldest
  LOOP
    EXECUTE format('DROP TABLE %I', part.relname);
    dropped := dropped + 1;
  END LOOP;
  DELETE FROM decision_audit_default WHERE decided_to < (oldest::timestamp AT TIME ZONE 'UTC');
  DELETE FROM decision_audit_legacy_ids WHERE decided_at < (oldest::timestamp AT TIME ZONE 'UTC');
  RETURN dropped;
END $$;

-- Carry the trail over: per UTC day, segments of up to 2 000 decisions in time order.
SELECT decision_audit_create_day(d)
FROM (SELECT DISTINCT (decided_at AT TIME ZONE 'UTC')::date AS d FROM decision_audit_v012) days;
INSERT INTO decision_audit_segments
SELECT to_timestamp(min(millis) / 1000.0::float8), to_timestamp(max(millis) / 1000.0::float8),
       decision_audit_id_span((array_agg(decision_id ORDER BY decision_id))[1],
                              (array_agg(decision_id ORDER BY decision_id DESC))[1], '[]'),
       count(*), array_agg(decision_id ORDER BY n), array_agg(account_id ORDER BY n),
       array_agg(amount_minor ORDER BY n), array_agg(decision ORDER BY n), array_agg(score ORDER BY n),
       array_agg(pd ORDER BY n), array_agg(reasons[1] ORDER BY n), array_agg(reasons[2] ORDER BY n),
       array_agg(reasons[3] ORDER BY n), array_agg(reasons[4] ORDER BY n), array_agg(model_version ORDER BY n),
       array_agg(policy_version ORDER BY n), string_agg(features, ''::bytea ORDER BY n),
       array_agg(feature_offset ORDER BY n), array_agg(length(features) ORDER BY n), array_agg(degraded ORDER BY n),
       array_agg(client_id ORDER BY n), array_agg(millis ORDER BY n), array_agg(order_id ORDER BY n),
       array_agg(merchant_category ORDER BY n), array_agg(channel ORDER BY n)
FROM (SELECT c.*, (sum(length(c.features)) OVER (PARTITION BY c.day, c.chunk ORDER BY c.n)
                   - length(c.features))::integer AS feature_offset
      FROM (SELECT r.*, (r.n - 1) / 2000 AS chunk
            FROM (SELECT a.*, floor(extract(epoch FROM a.decided_at) * 1000)::bigint AS millis,
                         (a.decided_at AT TIME ZONE 'UTC')::date AS day,
                         row_number() OVER (PARTITION BY (a.decided_at AT TIME ZONE 'UTC')::date
                                            ORDER BY a.decided_at, a.decision_id) AS n
                  FROM decision_audit_v012 a) r) c) numbered
GROUP BY day, chunk;
DROP TABLE decision_audit_v012;
