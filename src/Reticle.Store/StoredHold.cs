using NodaTime;

namespace Reticle.Store;

/// <summary>A hold as stored: <c>held</c>, <c>released</c> (by whom, why, and what was known then) or <c>lapsed</c>.</summary>
public sealed record StoredHold(
    long Id,
    string OrderId,
    string Status,
    string Outcome,
    string Reason,
    string RequestedBy,
    Instant PlacedAt,
    long AuditSequence,
    string? ReleasedBy = null,
    string? ReasonCode = null,
    string? ReleaseText = null,
    string? Fingerprint = null,
    Instant? ReleasedAt = null);
