-- Licence events (issued, amended, reserved, consumed, released, revoked), append-only, in the order
-- they were recorded: a licence's state on any date, as known at any date, is folded from them.
-- Each row is sealed by its own audit record.
CREATE TABLE license_events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    license_id     text        NOT NULL,
    type           text        NOT NULL,
    effective      date        NOT NULL,
    announced      date        NOT NULL,   -- when it became known: check --known-at and impact filter on it
    payload_json   text        NOT NULL,   -- the event as LicenseEventJson writes it
    audit_sequence bigint      NOT NULL UNIQUE REFERENCES audit_log (sequence),
    recorded_at    timestamptz NOT NULL
);

CREATE INDEX license_events_by_license ON license_events (license_id, id);
