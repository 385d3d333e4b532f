namespace Reticle.Store;

/// <summary>
/// A determination ready to be stored: its record and the audit payload that will seal it. Preparing reads the
/// input and result through (they must be JSON) and digests them, about 12 KB, and needs nothing from the store,
/// so a caller that stores in batches through one writer — the API's group commit — prepares on the request's own
/// thread and leaves the writer only the chain.
/// </summary>
public sealed class PreparedDetermination
{
    private PreparedDetermination(DeterminationRecord record, string auditPayload)
    {
        Record = record;
        AuditPayload = auditPayload;
    }

    public DeterminationRecord Record { get; }

    /// <summary>The audit payload, canonically encoded (<see cref="DeterminationSeal.Encode"/>).</summary>
    public string AuditPayload { get; }

    /// <exception cref="ArgumentException">The record's input or result is not valid JSON.</exception>
    public static PreparedDetermination Prepare(DeterminationRecord record) =>
        new(record, DeterminationSeal.Encode(record));
}
