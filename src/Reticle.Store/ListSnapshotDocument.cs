using NodaTime;

namespace Reticle.Store;

/// <summary>
/// A list snapshot as the store keeps it: its entries already read (as JSON the screening code writes
/// and reads back), the SHA-256 of the source files it came from, and what changed against the snapshot
/// of the same dataset it replaces.
/// </summary>
/// <param name="ReplacesId">
/// The stored snapshot the changes were worked out against (null for a dataset's first import). The store
/// refuses the write if another import of the dataset landed in between, because the changes would be wrong.
/// </param>
/// <param name="ChangesJson">A JSON object; recorded in the audit chain as the import's account of what changed.</param>
public sealed record ListSnapshotDocument(
    string Dataset,
    string Format,
    LocalDate? Published,
    string Sha256,
    int EntryCount,
    string EntriesJson,
    string ChangesJson,
    long? ReplacesId);
