-- The rows of insert-v010.sql evaluated and counted, not inserted: what reading the binds and computing the
-- row values costs on its own.
\set b random(1, 400)
SELECT count(x) FROM (SELECT u.id, u.account, u.amount, u.decision, u.score, u.pd, array_remove(ARRAY[u.r1, u.r2, u.r3, u.r4], NULL),
  u.model, u.policy, substring(b.feats FROM u.offset_bytes + 1 FOR u.length_bytes), u.degraded, u.client,
  to_timestamp(u.millis / 1000.0), u.order_id, u.merchant_category, u.channel
FROM (SELECT *, features || ''::bytea AS feats FROM bench_batches WHERE b = :b OFFSET 0) b,
  unnest(b.ids, b.accounts, b.amounts, b.decisions, b.scores, b.pds, b.r1, b.r2, b.r3, b.r4,
  b.models, b.policies, b.offsets, b.lengths, b.degraded, b.clients, b.millis, b.orders, b.categories, b.channels)
  AS u(id, account, amount, decision, score, pd, r1, r2, r3, r4, model, policy, offset_bytes, length_bytes,
  degraded, client, millis, order_id, merchant_category, channel)) x;
