-- The decision log's account index only for finished days (issue 15). V013's GIN on every segment's accounts was
-- two thirds of what the log still cost Postgres: one index insertion, with its WAL, per decision, while the
-- gateway answered. Measured through a warm gateway on two cores (BENCHMARKS.md, "Account index for finished
-- days"): all Postgres backends 3.0-3.2 CPU-s per 10 s of warm load with the GIN, 1.5-1.8 without, and the gateway
-- answered 6 % more.
--
-- Now:
--   * every segment carries account_bloom, a Bloom filter of its accounts (16 bits and 8 probes per decision,
--     about 1 false positive in 1 700), computed by the gateway as it writes the batch: no Postgres work at all;
--   * the GIN is built per day partition once the day is over, in one bulk pass (CREATE INDEX CONCURRENTLY, by
--     the audit writer's maintenance; decision_audit_unindexed_days lists the partitions that still need one);
--   * decision_audit_of_account reads indexed partitions through their GIN and the others (today, a day whose
--     index is still being built, the default partition) by time, testing each segment's filter before its
--     account array: a scan of the window's segments, not of their decisions.
-- Segments written before this migration have no filter (NULL): they are checked against their account array.
--
-- The filter's hash, here and in AuditBloom.java (one test holds them equal): two 32-bit FNV-1a style hashes of
-- the account id's UTF-8 bytes, h1 (multiplier 16777619, basis 2166136261) and h2 (multiplier 1540483477, basis
-- 3339675911), each finished by two rounds of h = ((h xor h >> 16) * 73244475) mod 2^32 and a last
-- h xor h >> 16 (FNV's low bits depend only on the bytes' low bits), h2 then made odd; probe i of 8 sets bit (h1 + i * h2) mod m, bit n being bit n % 8 (least significant
-- first) of byte n / 8, as get_bit and set_bit number them; m = 8 * max(32, 2 * decisions) bits.

ALTER TABLE decision_audit_segments ADD COLUMN account_bloom bytea;
ALTER TABLE decision_audit_segments ALTER COLUMN account_bloom SET STORAGE EXTERNAL;
DROP INDEX decision_audit_segments_accounts_idx;

CREATE FUNCTION decision_audit_account_hashes(account text) RETURNS int8[] LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  bytes bytea := convert_to(account, 'UTF8');
  h1 int8 := 2166136261;
  h2 int8 := 3339675911;
  b integer;
BEGIN
  FOR i IN 0 .. length(bytes) - 1 LOOP
    b := get_byte(bytes, i);
    h1 := ((h1 # b) * 16777619) % 4294967296;
    h2 := ((h2 # b) * 1540483477) % 4294967296;
  END LOOP;
  FOR round IN 1 .. 2 LOOP
    h1 := ((h1 # (h1 >> 16)) * 73244475) % 4294967296;
    h2 := ((h2 # (h2 >> 16)) * 73244475) % 4294967296;
  END LOOP;
  RETURN ARRAY[h1 # (h1 >> 16), (h2 # (h2 >> 16)) | 1];
END $$;

-- The filter of a segment's accounts, as the gateway computes it (for rows inserted by hand, and tests).
CREATE FUNCTION decision_audit_account_bloom(accounts text[]) RETURNS bytea LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  bits int8 := 8 * greatest(32, 2 * cardinality(accounts));
  bloom bytea := decode(repeat('00', (bits / 8)::integer), 'hex');
  account text;
  h int8[];
BEGIN
  FOREACH account IN ARRAY accounts LOOP
    CONTINUE WHEN account IS NULL;
    h := decision_audit_account_hashes(account);
    FOR i IN 0 .. 7 LOOP
      bloom := set_bit(bloom, ((h[1] + i * h[2]) % bits)::integer, 1);
    END LOOP;
  END LOOP;
  RETURN bloom;
END $$;

-- Whether the filter may hold the account whose hashes are h1, h2 (true for a segment without a filter).
CREATE FUNCTION decision_audit_bloom_may_hold(bloom bytea, h1 int8, h2 int8) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT bloom IS NULL OR (
        get_bit(bloom, (h1 % (8 * length(bloom)))::integer) = 1
    AND get_bit(bloom, ((h1 + h2) % (8 * length(bloom)))::integer) = 1
    AND get_bit(bloom, ((h1 + 2 * h2) % (8 * length(bloom)))::integer) = 1
    AND get_bit(bloom, ((h1 + 3 * h2) % (8 * length(bloom)))::integer) = 1
    AND get_bit(bloom, ((h1 + 4 * h2) % (8 * length(bloom)))::integer) = 1
    AND get_bit(bloom, ((h1 + 5 * h2) % (8 * length(bloom)))::integer) = 1
    AND get_bit(bloom, ((h1 + 6 * h2) % (8 * length(bloom)))::integer) = 1
    AND get_bit(bloom, ((h1 + 7 * h2) % (8 * length(bloom)))::integer) = 1)
$$;

-- Whether a partition of decision_audit_segments has a usable (valid) account index.
CREATE FUNCTION decision_audit_account_indexed(part regclass) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam
                 WHERE x.indrelid = part AND x.indisvalid AND am.amname = 'gin')
$$;

-- The day partitions before today (UTC) without a valid account index, newest first (recent days are the ones
-- asked about; after this migration every past day needs one), with the index's name; an
-- index left invalid by an interrupted CREATE INDEX CONCURRENTLY is listed too (invalid = true), to be dropped and
-- built again.
CREATE FUNCTION decision_audit_unindexed_days(today date)
RETURNS TABLE (partition_name text, index_name text, invalid boolean) LANGUAGE sql STABLE AS $$
  SELECT c.relname::text, c.relname || '_accounts_idx',
         EXISTS (SELECT 1 FROM pg_class i WHERE i.relname = c.relname || '_accounts_idx'
                   AND i.relnamespace = c.relnamespace)
  FROM pg_inherits inh JOIN pg_class c ON c.oid = inh.inhrelid
  WHERE inh.inhparent = 'decision_audit_segments'::regclass AND c.relname ~ '^decision_audit_p[0-9]{8}$'
    AND to_date(right(c.relname, 8), 'YYYYMMDD') < today AND NOT decision_audit_account_indexed(c.oid)
  ORDER BY c.relname DESC
$$;

-- The decisions of one account decided in [since, until), partition by partition: through the GIN where the
-- partition has one, else by time with each segment's filter tested before its account array (the CASE keeps
-- that order: the planner would otherwise test the cheaper-looking array first, and fetch every array).
CREATE FUNCTION decision_audit_of_account_unordered(account text, since timestamptz, until timestamptz)
RETURNS SETOF decision_audit LANGUAGE plpgsql STABLE AS $$
DECLARE
  h int8[] := decision_audit_account_hashes(account);
  part record;
  through_filter constant text := 'CASE WHEN decision_audit_bloom_may_hold(s.account_bloom, $4, $5)'
    ' THEN s.account_ids @> ARRAY[$1 COLLATE "C"] ELSE false END';
BEGIN
  FOR part IN
    SELECT c.oid::regclass AS rel, decision_audit_account_indexed(c.oid) AS indexed
    FROM pg_inherits inh JOIN pg_class c ON c.oid = inh.inhrelid
    WHERE inh.inhparent = 'decision_audit_segments'::regclass
      AND (c.relname !~ '^decision_audit_p[0-9]{8}$'
           OR ((to_date(right(c.relname, 8), 'YYYYMMDD') + 1)::timestamp AT TIME ZONE 'UTC' > since
               AND (to_date(right(c.relname, 8), 'YYYYMMDD'))::timestamp AT TIME ZONE 'UTC'
                   < until + interval '1 day'))
  LOOP
    RETURN QUERY EXECUTE format(
      'SELECT u.* FROM %s s CROSS JOIN LATERAL decision_audit_unpack(s) u'
      ' WHERE %s AND s.decided_to >= $2 AND s.decided_to < $3 + interval ''1 day'' AND s.decided_from < $3'
      ' AND u.account_id = $1 AND u.decided_at >= $2 AND u.decided_at < $3',
      part.rel, CASE WHEN part.indexed THEN 's.account_ids @> ARRAY[$1 COLLATE "C"]' ELSE through_filter END)
      USING account, since, until, h[1], h[2];
  END LOOP;
END $$;

-- Same name and answer as V013's: the decisions of one account decided in [since, until), oldest first.
CREATE OR REPLACE FUNCTION decision_audit_of_account(account text, since timestamptz, until timestamptz)
RETURNS SETOF decision_audit LANGUAGE sql STABLE AS $$
  SELECT * FROM decision_audit_of_account_unordered(account, since, until) ORDER BY decided_at, decision_id
$$;

-- A row inserted into the view becomes a segment of one decision, with its filter.
CREATE OR REPLACE FUNCTION decision_audit_insert_row() RETURNS trigger LANGUAGE plpgsql AS $$
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
    ARRAY[NEW.merchant_category], ARRAY[NEW.channel], decision_audit_account_bloom(ARRAY[NEW.account_id]));
  RETURN NEW;
END $$;
