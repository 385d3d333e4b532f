-- The large text columns (a determination's result and input, an audit record's payload) compressed with lz4 instead of
-- PostgreSQL's default pglz: a stored decision's result is about 10 KB, and compressing it with pglz was half of
-- PostgreSQL's CPU time per POST /api/v1/determinations (bench/loadtest/run: 335 µs per request with pglz, 174 µs with
-- lz4). Values already stored keep their compression; new ones take lz4. A server built without lz4 keeps pglz (the
-- error is feature_not_supported, and only that one is let through).
DO $$
BEGIN
    ALTER TABLE determinations ALTER COLUMN result_json SET COMPRESSION lz4, ALTER COLUMN input_json SET COMPRESSION lz4;
    ALTER TABLE audit_log ALTER COLUMN payload SET COMPRESSION lz4;
    ALTER TABLE orders ALTER COLUMN input_json SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available on this server: large columns stay compressed with pglz';
END
$$;
