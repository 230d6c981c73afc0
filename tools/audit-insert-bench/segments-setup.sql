-- Segment tables for the V013 experiment on a V012 bench database (setup.sh DB V012 v7uuid 300000 800):
-- seg (lz4, GIN fastupdate), seg_nogin (lz4, no account index), seg_ext (uncompressed out of line, the shape
-- V013 chose; its GIN added by hand as BENCHMARKS.md says). Then run.py DB insert-segments.sql 1 30.
SET default_toast_compression = lz4;
CREATE TABLE seg (
  segment_id bigint GENERATED ALWAYS AS IDENTITY,
  decided_from timestamptz NOT NULL, decided_to timestamptz NOT NULL,
  ids uuid[] NOT NULL, accounts text[] COLLATE "C" NOT NULL, amounts bigint[], decisions text[], scores int[], pds float8[],
  r1 text[], r2 text[], r3 text[], r4 text[], models text[], policies text[], features bytea, offsets int[], lengths int[],
  degraded bool[], clients text[], millis bigint[], orders text[], categories text[], channels text[]);
CREATE INDEX seg_from ON seg (decided_from);
CREATE INDEX seg_accounts ON seg USING gin (accounts) WITH (fastupdate = on);
CREATE TABLE seg_nogin (LIKE seg INCLUDING ALL);
DROP INDEX IF EXISTS seg_nogin_accounts_idx;
CREATE TABLE seg_ext (LIKE seg_nogin INCLUDING ALL);
SELECT format('ALTER TABLE seg_ext %s', string_agg(format('ALTER COLUMN %I SET STORAGE EXTERNAL', attname), ', '))
FROM pg_attribute WHERE attrelid = 'seg_ext'::regclass AND attnum > 3 AND NOT attisdropped \gexec
