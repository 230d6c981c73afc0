-- Fills decision_audit with :rows realistic rows on day :day (UTC) and bench_batches with :batches batches of
-- :batch rows for the pgbench script. psql variables: day, rows, batches, batch, idkind (v4text | v7uuid).
-- v4text: random version-4 ids as text (what the gateway wrote up to V010); v7uuid: time-ordered version-7
-- uuids, each batch sorted (the gateway's generator is monotonic), later batches later in time.
\set ON_ERROR_STOP on
CREATE OR REPLACE FUNCTION bench_uuid7(ms bigint) RETURNS uuid LANGUAGE sql AS $$
  SELECT encode(set_byte(set_byte(overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send(ms) FROM 3)
         FROM 1 FOR 6), 6, (get_byte(uuid_send(gen_random_uuid()), 6) & 15) | 112), 8,
         (get_byte(uuid_send(gen_random_uuid()), 8) & 63) | 128), 'hex')::uuid $$;
CREATE OR REPLACE FUNCTION bench_id(kind text, ms bigint) RETURNS text LANGUAGE sql AS $$
  SELECT CASE kind WHEN 'v4text' THEN gen_random_uuid()::text ELSE bench_uuid7(ms)::text END $$;
CREATE OR REPLACE FUNCTION bench_reasons(r double precision) RETURNS text[] LANGUAGE sql AS $$
  SELECT CASE WHEN r < 0.55 THEN '{}'::text[] WHEN r < 0.8 THEN ARRAY['R101'] WHEN r < 0.95 THEN ARRAY['D201', 'R101']
              ELSE ARRAY['D201', 'R104', 'R112', 'P301'] END $$;
CREATE OR REPLACE FUNCTION bench_features() RETURNS bytea LANGUAGE sql AS $$
  SELECT string_agg(float4send((random() * 100)::real), ''::bytea) FROM generate_series(1, 24) $$;

SELECT decision_audit_create_day(:'day'::date);
SELECT :'idkind' = 'v7uuid' AS uuid_ids \gset
\if :uuid_ids
\set idtype uuid
\else
\set idtype text
\endif

-- The rows: :rows decisions spread over the day's first hours, ~31 000 a second like the warm peak.
CREATE TEMP TABLE bench_rows AS
SELECT bench_id(:'idkind', ms) AS decision_id, ms,
       'acc-' || lpad((1 + floor(random() * 1000000))::int::text, 6, '0') AS account_id,
       (1 + floor(random() * 200000))::bigint AS amount_minor,
       CASE WHEN random() < 0.7 THEN 'APPROVE' ELSE 'DECLINE' END AS decision,
       (350 + floor(random() * 600))::int AS score, random() * 0.3 AS pd, bench_reasons(random()) AS reasons,
       'gbdt-2026.11.1' AS model_version, 'policy-2026.11.1' AS policy_version, bench_features() AS features,
       false AS degraded, 'checkout-web' AS client_id,
       CASE WHEN random() < 0.8 THEN 'ord-' || substr(md5(random()::text), 1, 16) END AS order_id,
       '5411' AS merchant_category, 'APP' AS channel
FROM (SELECT (extract(epoch FROM :'day'::timestamp AT TIME ZONE 'UTC') * 1000)::bigint + (g * 32) / 1000 AS ms
      FROM generate_series(1, :rows + :batches * :batch) g) t
ORDER BY 2, 1;
ALTER TABLE bench_rows ADD COLUMN n bigserial;

INSERT INTO decision_audit (decision_id, account_id, amount_minor, decision, score, pd, reasons, model_version,
  policy_version, features, degraded, client_id, decided_at, order_id, merchant_category, channel)
SELECT CAST(decision_id AS :idtype), account_id, amount_minor, decision, score, pd, reasons, model_version, policy_version,
       features, degraded, client_id, to_timestamp(ms / 1000.0), order_id, merchant_category, channel
FROM bench_rows WHERE n <= :rows ORDER BY n;

-- The batches as AuditBatch binds them: a column array each, reasons as 4 slot arrays, features in one bytea
-- sliced by offset and length. Stored uncompressed so reading one costs about what receiving the binds does.
CREATE TEMP VIEW bench_batch_rows AS
SELECT (n - :rows - 1) / :batch + 1 AS b,
       array_agg(CAST(decision_id AS :idtype) ORDER BY n) AS ids, array_agg(account_id ORDER BY n) AS accounts,
       array_agg(amount_minor ORDER BY n) AS amounts, array_agg(decision ORDER BY n) AS decisions,
       array_agg(score ORDER BY n) AS scores, array_agg(pd ORDER BY n) AS pds,
       array_agg(reasons[1] ORDER BY n) AS r1, array_agg(reasons[2] ORDER BY n) AS r2,
       array_agg(reasons[3] ORDER BY n) AS r3, array_agg(reasons[4] ORDER BY n) AS r4,
       array_agg(model_version ORDER BY n) AS models, array_agg(policy_version ORDER BY n) AS policies,
       string_agg(features, ''::bytea ORDER BY n) AS features,
       array_agg(96 * ((n - :rows - 1) % :batch)::int ORDER BY n) AS offsets, array_agg(96 ORDER BY n) AS lengths,
       array_agg(degraded ORDER BY n) AS degraded, array_agg(client_id ORDER BY n) AS clients,
       array_agg(ms ORDER BY n) AS millis, array_agg(order_id ORDER BY n) AS orders,
       array_agg(merchant_category ORDER BY n) AS categories, array_agg(channel ORDER BY n) AS channels
FROM bench_rows WHERE n > :rows GROUP BY 1;
CREATE TABLE bench_batches AS SELECT * FROM bench_batch_rows WITH NO DATA;
SELECT format('ALTER TABLE bench_batches %s', string_agg(format('ALTER COLUMN %I SET STORAGE EXTERNAL', attname), ', '))
FROM pg_attribute WHERE attrelid = 'bench_batches'::regclass AND attnum > 1 AND NOT attisdropped \gexec
INSERT INTO bench_batches SELECT * FROM bench_batch_rows;
ALTER TABLE bench_batches ADD PRIMARY KEY (b);
CREATE SEQUENCE bench_next;
VACUUM ANALYZE;
