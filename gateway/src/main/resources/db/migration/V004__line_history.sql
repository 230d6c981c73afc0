-- Line history (issue #13): what a review remembers between reviews so that reviews never compound.
-- earned_limit_minor: the limit before cuts (base grant and increases); NULL = not yet known, the ledger takes
--   the current limit (rows written before this migration, or by the seeder).
-- last_increase_at, ontime_since_increase: the increase cool-down and "new evidence since the last increase".
-- line_granted_at: when the line got a limit; dormancy counts from it when the line was never drawn
--   (NULL: the ledger uses created_at).
-- overdue_since: first day of the current overdue; days past due age by the calendar from it.
ALTER TABLE accounts
  ADD COLUMN earned_limit_minor     bigint      CHECK (earned_limit_minor >= 0),
  ADD COLUMN last_increase_at       timestamptz,
  ADD COLUMN ontime_since_increase  integer     NOT NULL DEFAULT 0 CHECK (ontime_since_increase >= 0),
  ADD COLUMN line_granted_at        timestamptz,
  ADD COLUMN overdue_since          timestamptz;
