namespace Reticle.Store;

/// <summary>
/// Thrown instead of writing when the stored audit head names a record that is not there (or not as
/// hashed): extending a chain that was tampered with would bury the evidence under new records.
/// </summary>
public sealed class AuditChainBrokenException(long headSequence)
    : InvalidOperationException($"The audit head names record {headSequence}, but the audit log does not hold it as hashed: the chain was altered. Verify it (reticle audit verify) before writing again.")
{
    public long HeadSequence { get; } = headSequence;
}
