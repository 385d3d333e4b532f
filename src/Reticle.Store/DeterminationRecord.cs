using NodaTime;

namespace Reticle.Store;

/// <summary>A determination as stored: the exact input and result JSON, and the audit record that seals them.</summary>
public sealed record DeterminationRecord(
    string TransactionId,
    LocalDate AsOf,
    LocalDate? KnownAt,
    string Outcome,
    string RuleSet,
    string InputJson,
    string ResultJson,
    long? AuditSequence = null,
    Instant? RecordedAt = null);
