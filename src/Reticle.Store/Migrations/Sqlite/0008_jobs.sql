-- Jobs (CONTRACT §8): long work split into shards that any worker may run, at least once. A job's inputs are
-- fixed when it is submitted (the CSV rows, or the ids of the open orders), so a re-run shard sees the same
-- inputs; a shard's results land once (primary key (job_id, shard), inserted ON CONFLICT DO NOTHING) and only
-- the insert that landed moves the job's progress, under the job row's lock. The audit record that completes a
-- job seals its result digest (a Merkle root over the results in input order).
CREATE TABLE jobs (
    id              TEXT PRIMARY KEY,      -- job_ and a ULID
    kind            TEXT NOT NULL,         -- screening, impact, rescreening
    status          TEXT NOT NULL,         -- queued, running, completed, failed, cancelled
    parameters_json TEXT NOT NULL,         -- what the kind needs besides the inputs (threshold, dates, knowledge instant)
    total           INTEGER NOT NULL,       -- inputs
    done            INTEGER NOT NULL DEFAULT 0,
    failed          INTEGER NOT NULL DEFAULT 0,
    shard_size      INTEGER NOT NULL,
    shard_count     INTEGER NOT NULL,
    shards_done     INTEGER NOT NULL DEFAULT 0,
    submitted_by    TEXT NOT NULL,
    submitted_at    TEXT NOT NULL,
    completed_at    TEXT,
    result_count    INTEGER,
    result_digest   TEXT,
    audit_sequence  INTEGER UNIQUE REFERENCES audit_log (sequence),
    problem         TEXT
);

CREATE INDEX jobs_by_submission ON jobs (submitted_at, id);

CREATE TABLE job_inputs (
    job_id     TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,            -- 0-based, input order
    line       INTEGER NOT NULL,            -- where it came from (CSV line; 0 for an order)
    input_key  TEXT NOT NULL,              -- the row's id or the order id: unique within a job
    input_json TEXT NOT NULL,
    PRIMARY KEY (job_id, position)
);

CREATE INDEX job_inputs_by_key ON job_inputs (job_id, input_key);

CREATE TABLE job_results (
    job_id       TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    shard        INTEGER NOT NULL,
    result_count INTEGER NOT NULL,
    results      TEXT NOT NULL,            -- JSON Lines, in input order
    PRIMARY KEY (job_id, shard)
);
