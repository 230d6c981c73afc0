-- The hold write path. Every hold, capture, release and expiry updates an account's held/outstanding, version
-- and updated_at, none of them indexed: with room left on the row's page Postgres updates it in place (a HOT
-- update) instead of writing the new version elsewhere plus a new entry in each of the accounts' indexes. A
-- fillfactor of 85 leaves that room on pages written from now on (accounts added, rows moved by an update);
-- VACUUM FULL or pg_repack applies it to the pages already full. Hold ids are time-ordered from now on (version-7
-- UUIDs in hex), so the holds' primary key grows at its right edge.
ALTER TABLE accounts SET (fillfactor = 85);
