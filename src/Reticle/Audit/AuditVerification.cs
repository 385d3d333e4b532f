namespace Reticle.Audit;

/// <summary>
/// The result of verifying the audit chain and, where a store checked them, the records it holds under the
/// chain's seals (<see cref="DeterminationsVerified"/>: determinations found to match what their audit record sealed).
/// </summary>
public sealed record AuditVerification(bool IsIntact, long RecordsVerified, long? FirstBadSequence, string? Problem, long DeterminationsVerified = 0)
{
    /// <summary>Licence events, orders, holds and API keys found to match the audit records that sealed them.</summary>
    public long SealedRowsVerified { get; init; }

    public static AuditVerification Intact(long count, long determinations = 0) => new(true, count, null, null, determinations);

    public static AuditVerification Broken(long verified, long sequence, string problem) => new(false, verified, sequence, problem);
}
