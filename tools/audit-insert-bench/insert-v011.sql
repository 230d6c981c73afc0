-- AuditBatch.INSERT as of V011 (uuid ids, float8 time), its 21 binds read from the next stored batch (2 000 rows);
-- the features bytea is copied out of TOAST once (a bind parameter is in memory; slicing a TOASTed value per row
-- would fetch from TOAST 2 000 times).
INSERT INTO decision_audit (decision_id, account_id, amount_minor, decision, score, pd, reasons, model_version,
  policy_version, features, degraded, client_id, decided_at, order_id, merchant_category, channel)
SELECT u.id, u.account, u.amount, u.decision, u.score, u.pd, array_remove(ARRAY[u.r1, u.r2, u.r3, u.r4], NULL),
  u.model, u.policy, substring(b.feats FROM u.offset_bytes + 1 FOR u.length_bytes), u.degraded, u.client,
  to_timestamp(u.millis / 1000.0::float8), u.order_id, u.merchant_category, u.channel
FROM (SELECT *, features || ''::bytea AS feats FROM bench_batches WHERE b = (SELECT nextval('bench_next')) OFFSET 0) b,
  unnest(b.ids, b.accounts, b.amounts, b.decisions, b.scores, b.pds, b.r1, b.r2, b.r3, b.r4,
  b.models, b.policies, b.offsets, b.lengths, b.degraded, b.clients, b.millis, b.orders, b.categories, b.channels)
  AS u(id, account, amount, decision, score, pd, r1, r2, r3, r4, model, policy, offset_bytes, length_bytes,
  degraded, client, millis, order_id, merchant_category, channel);
