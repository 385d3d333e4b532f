-- Ownership snapshots (reticle owners import): who owns whom, each stake dated (valid time: from/until, in the JSON)
-- and sourced. Kept whole per import like list snapshots, so that "what was known when" (transaction time: imported_at)
-- can be replayed: the newest snapshot of a dataset imported by an instant is the one in use at it. Kept apart from the
-- list snapshots and the screening index: ownership is joined to the lists when a decision is made, never merged into them.
CREATE TABLE ownership_snapshots (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dataset      text        NOT NULL,
    format       text        NOT NULL,
    sha256       text        NOT NULL,
    stake_count  integer     NOT NULL,
    stakes_json  text        NOT NULL,
    changes_json text        NOT NULL,
    imported_at  timestamptz NOT NULL,
    audit_sequence bigint    NOT NULL UNIQUE REFERENCES audit_log (sequence)
);

CREATE INDEX ownership_snapshots_by_dataset ON ownership_snapshots (dataset, imported_at, id);
