-- The checkout's order a limit-check decision was for (issue #13): NULL when the request named none.
ALTER TABLE decision_audit ADD COLUMN order_id text;
