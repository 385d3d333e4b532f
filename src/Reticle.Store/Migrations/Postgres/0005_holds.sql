-- Holds: a determination of an order that is neither permitted nor licensed holds it until a reviewer
-- other than the requester releases it. A release records what was known when it was given (rule-set
-- hash, list versions, licence event count); when any of that changes, the release lapses and the
-- next determination holds the order again.
CREATE TABLE holds (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id       text NOT NULL,
    status         text NOT NULL,          -- held, released, lapsed
    outcome        text NOT NULL,          -- the outcome that placed the hold
    reason         text NOT NULL,
    requested_by   text NOT NULL,          -- the actor whose determination placed it
    placed_at      timestamptz NOT NULL,
    audit_sequence bigint NOT NULL UNIQUE REFERENCES audit_log (sequence),
    released_by    text,
    reason_code    text,
    release_text   text,
    fingerprint    text,                   -- what was known at release
    released_at    timestamptz,
    release_audit_sequence bigint REFERENCES audit_log (sequence)
);

CREATE INDEX holds_by_order ON holds (order_id, id);
