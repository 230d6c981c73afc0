-- One segment row per batch (V013's shape) into seg_ext; sed the table name for seg / seg_nogin.
INSERT INTO seg_ext (decided_from, decided_to, ids, accounts, amounts, decisions, scores, pds, r1, r2, r3, r4, models,
  policies, features, offsets, lengths, degraded, clients, millis, orders, categories, channels)
SELECT to_timestamp(b.millis[1] / 1000.0::float8), to_timestamp(b.millis[array_upper(b.millis, 1)] / 1000.0::float8),
  b.ids, b.accounts, b.amounts, b.decisions, b.scores, b.pds, b.r1, b.r2, b.r3, b.r4, b.models, b.policies,
  b.features || ''::bytea, b.offsets, b.lengths, b.degraded, b.clients, b.millis, b.orders, b.categories, b.channels
FROM bench_batches b WHERE b = (SELECT nextval('bench_next')) OFFSET 0;
