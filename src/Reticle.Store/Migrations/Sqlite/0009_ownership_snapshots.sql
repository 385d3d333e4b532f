-- Ownership snapshots (reticle owners import): who owns whom, each stake dated (valid time: from/until, in the JSON)
-- and sourced. Kept whole per import like list snapshots, so that "what was known when" (transaction time: imported_at)
-- can be replayed: the newest snapshot of a dataset imported by an instant is the one in use at it. Kept apart from the
-- list snapshots and the screening index: ownership is joined to the lists when a decision is made, never merged into them.
CREATE TABLE ownership_snapshots (
    id           INTEGER PRIMARY KEY,
    dataset      TEXT    NOT NULL,
    format       TEXT    NOT NULL,
    sha256       TEXT    NOT NULL,   -- of the source file(s) as imported
    stake_count  INTEGER NOT NULL,
    stakes_json  TEXT    NOT NULL,   -- the stakes as Reticle reads them (StakeJson)
    changes_json TEXT    NOT NULL,   -- what changed against the previous snapshot of the dataset
    imported_at  TEXT    NOT NULL,
    audit_sequence INTEGER NOT NULL UNIQUE REFERENCES audit_log (sequence)
);

CREATE INDEX ownership_snapshots_by_dataset ON ownership_snapshots (dataset, imported_at, id);
