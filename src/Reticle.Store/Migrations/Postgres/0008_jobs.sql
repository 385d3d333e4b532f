-- Jobs (CONTRACT §8): long work split into shards that any worker may run, at least once. A job's inputs are
-- fixed when it is submitted (the CSV rows, or the ids of the open orders), so a re-run shard sees the same
-- inputs; a shard's results land once (primary key (job_id, shard), inserted ON CONFLICT DO NOTHING) and only
-- the insert that landed moves the job's progress, under the job row's lock. The audit record that completes a
-- job seals its result digest (a Merkle root over the results in input order).
CREATE TABLE jobs (
    id              text PRIMARY KEY,      -- job_ and a ULID
    kind            text NOT NULL,         -- screening, impact, rescreening
    status          text NOT NULL,         -- queued, running, completed, failed, cancelled
    parameters_json text NOT NULL,         -- what the kind needs besides the inputs (threshold, dates, knowledge instant)
    total           bigint NOT NULL,       -- inputs
    done            bigint NOT NULL DEFAULT 0,
    failed          bigint NOT NULL DEFAULT 0,
    shard_size      integer NOT NULL,
    shard_count     integer NOT NULL,
    shards_done     integer NOT NULL DEFAULT 0,
    submitted_by    text NOT NULL,
    submitted_at    timestamptz NOT NULL,
    completed_at    timestamptz,
    result_count    bigint,
    result_digest   text,
    audit_sequence  bigint UNIQUE REFERENCES audit_log (sequence),
    problem         text
);

CREATE INDEX jobs_by_submission ON jobs (submitted_at, id);

CREATE TABLE job_inputs (
    job_id     text NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    position   bigint NOT NULL,            -- 0-based, input order
    line       bigint NOT NULL,            -- where it came from (CSV line; 0 for an order)
    input_key  text NOT NULL,              -- the row's id or the order id: unique within a job
    input_json text NOT NULL,
    PRIMARY KEY (job_id, position)
);

CREATE INDEX job_inputs_by_key ON job_inputs (job_id, input_key);

CREATE TABLE job_results (
    job_id       text NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    shard        integer NOT NULL,
    result_count integer NOT NULL,
    results      text NOT NULL,            -- JSON Lines, in input order
    PRIMARY KEY (job_id, shard)
);
