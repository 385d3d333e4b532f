-- PostgreSQL's 0010 compresses large text columns with lz4. SQLite does not compress values, so there is nothing to do
-- here; the script keeps both providers' migrations numbered and named alike (one ledger, one contract test).
SELECT 1;
