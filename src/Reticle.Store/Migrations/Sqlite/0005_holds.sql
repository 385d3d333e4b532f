-- Holds: a determination of an order that is neither permitted nor licensed holds it until a reviewer
-- other than the requester releases it. A release records what was known when it was given (rule-set
-- hash, list versions, licence event count); when any of that changes, the release lapses and the
-- next determination holds the order again.
CREATE TABLE holds (
    id             INTEGER PRIMARY KEY,
    order_id       TEXT NOT NULL,
    status         TEXT NOT NULL,          -- held, released, lapsed
    outcome        TEXT NOT NULL,          -- the outcome that placed the hold
    reason         TEXT NOT NULL,
    requested_by   TEXT NOT NULL,          -- the actor whose determination placed it
    placed_at      TEXT NOT NULL,
    audit_sequence INTEGER NOT NULL UNIQUE REFERENCES audit_log (sequence),
    released_by    TEXT,
    reason_code    TEXT,
    release_text   TEXT,
    fingerprint    TEXT,                   -- what was known at release
    released_at    TEXT,
    release_audit_sequence INTEGER REFERENCES audit_log (sequence)
);

CREATE INDEX holds_by_order ON holds (order_id, id);
