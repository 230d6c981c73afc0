-- Appends :count more batches to bench_batches: copies of batches 1..:count moved on by an hour per 400 batches
-- already there, with fresh ids (v4text: random version-4 text; v7uuid: version-7 of the new time, sorted).
-- psql variables: count, idkind.
\set ON_ERROR_STOP on
SELECT max(b) AS last, 3600000 * (1 + max(b) / 400) AS shift, :'idkind' = 'v7uuid' AS uuid_ids FROM bench_batches \gset
CREATE TEMP TABLE moved AS
SELECT :last + b AS b, (SELECT array_agg(m + :shift ORDER BY o) FROM unnest(millis) WITH ORDINALITY t(m, o)) AS millis,
       b AS source FROM bench_batches WHERE b <= :count;
\if :uuid_ids
INSERT INTO bench_batches
SELECT m.b, (SELECT array_agg(id ORDER BY x, id) FROM (SELECT x, bench_uuid7(x) AS id FROM unnest(m.millis) x) t), accounts, amounts, decisions,
       scores, pds, r1, r2, r3, r4, models, policies, features, offsets, lengths, degraded, clients, m.millis, orders,
       categories, channels
FROM moved m JOIN bench_batches s ON s.b = m.source;
\else
INSERT INTO bench_batches
SELECT m.b, (SELECT array_agg(gen_random_uuid()::text) FROM unnest(m.millis)), accounts, amounts, decisions,
       scores, pds, r1, r2, r3, r4, models, policies, features, offsets, lengths, degraded, clients, m.millis, orders,
       categories, channels
FROM moved m JOIN bench_batches s ON s.b = m.source;
\endif
