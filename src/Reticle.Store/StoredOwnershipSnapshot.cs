using NodaTime;

namespace Reticle.Store;

/// <summary>An ownership snapshot held by the store: when it was imported and under which audit record.</summary>
/// <param name="StakesJson">The stakes, when they were asked for; null in listings of what is held.</param>
public sealed record StoredOwnershipSnapshot(
    long Id,
    string Dataset,
    string Format,
    string Sha256,
    int StakeCount,
    string ChangesJson,
    Instant ImportedAt,
    long AuditSequence,
    string? StakesJson);
