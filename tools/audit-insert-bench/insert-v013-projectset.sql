-- AuditBatch.INSERT with the arrays unnested in the select list (ProjectSet, no tuplestore), against insert-v011.sql
-- (unnest in FROM): run.py aib insert-v011.sql and run.py aib insert-v013-projectset.sql on the same database.
INSERT INTO decision_audit (decision_id, account_id, amount_minor, decision, score, pd, reasons, model_version,
  policy_version, features, degraded, client_id, decided_at, order_id, merchant_category, channel)
SELECT u.id, u.account, u.amount, u.decision, u.score, u.pd, array_remove(ARRAY[u.r1, u.r2, u.r3, u.r4], NULL),
  u.model, u.policy, substring(u.feats FROM u.offset_bytes + 1 FOR u.length_bytes), u.degraded, u.client,
  to_timestamp(u.millis / 1000.0::float8), u.order_id, u.merchant_category, u.channel
FROM (SELECT b.feats, unnest(b.ids) AS id, unnest(b.accounts) AS account, unnest(b.amounts) AS amount,
  unnest(b.decisions) AS decision, unnest(b.scores) AS score, unnest(b.pds) AS pd, unnest(b.r1) AS r1,
  unnest(b.r2) AS r2, unnest(b.r3) AS r3, unnest(b.r4) AS r4, unnest(b.models) AS model,
  unnest(b.policies) AS policy, unnest(b.offsets) AS offset_bytes, unnest(b.lengths) AS length_bytes,
  unnest(b.degraded) AS degraded, unnest(b.clients) AS client, unnest(b.millis) AS millis,
  unnest(b.orders) AS order_id, unnest(b.categories) AS merchant_category, unnest(b.channels) AS channel
  FROM (SELECT *, features || ''::bytea AS feats FROM bench_batches WHERE b = (SELECT nextval('bench_next')) OFFSET 0) b) u;
