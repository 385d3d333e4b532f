namespace Reticle.Store;

/// <summary>
/// An ownership snapshot as the store keeps it: its stakes already read (as JSON the engine writes and reads back), the
/// SHA-256 of the source files, and what changed against the snapshot of the same dataset it replaces.
/// </summary>
/// <param name="ReplacesId">The stored snapshot the changes were worked out against (null for a dataset's first import); the
/// store refuses the write if another import of the dataset landed in between.</param>
public sealed record OwnershipSnapshotDocument(
    string Dataset,
    string Format,
    string Sha256,
    int StakeCount,
    string StakesJson,
    string ChangesJson,
    long? ReplacesId);
