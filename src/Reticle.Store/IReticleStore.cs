using Reticle.Audit;

namespace Reticle.Store;

/// <summary>
/// Everything Reticle keeps, behind one contract that SQLite and PostgreSQL both implement and one
/// test suite checks on both. Every write that records a decision or an import appends its audit
/// record in the same database transaction, and fails if the audit write fails.
/// </summary>
public interface IReticleStore : IAsyncDisposable
{
    /// <summary>Creates the schema or brings it up to the newest migration; safe to call on every start and from many processes.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Content documents (rule packs, catalogue files) of one kind, oldest import first.</summary>
    Task<IReadOnlyList<ContentDocument>> GetContentAsync(ContentKind kind, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds the documents not yet held (same kind, name and SHA-256), all or none, with one audit
    /// record listing what was added. Returns how many were added; adding nothing writes no audit record.
    /// </summary>
    Task<int> AddContentAsync(IReadOnlyList<ContentDocument> documents, string actor, NodaTime.Instant at, CancellationToken cancellationToken = default);

    /// <summary>Stores determinations, each with its own audit record, in one transaction.</summary>
    Task<IReadOnlyList<AuditRecord>> RecordDeterminationsAsync(IReadOnlyList<DeterminationRecord> determinations, string actor, NodaTime.Instant at, CancellationToken cancellationToken = default);

    /// <summary>The stored determinations of one transaction id, oldest first.</summary>
    Task<IReadOnlyList<DeterminationRecord>> GetDeterminationsAsync(string transactionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a list snapshot with its audit record (dataset, source hash, entry count, changes). Returns
    /// null, writing nothing, if the snapshot in use for the dataset came from identical source files.
    /// </summary>
    /// <exception cref="ConcurrentImportException">Another snapshot of the dataset landed after <see cref="ListSnapshotDocument.ReplacesId"/>.</exception>
    Task<StoredListSnapshot?> AddListSnapshotAsync(ListSnapshotDocument snapshot, string actor, NodaTime.Instant at, CancellationToken cancellationToken = default);

    /// <summary>Every list snapshot held, oldest import first, without their entries.</summary>
    Task<IReadOnlyList<StoredListSnapshot>> GetListSnapshotsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The snapshot in use for each dataset, with its entries: the newest imported at or before
    /// <paramref name="importedBy"/> (all imports if null). Ordered by dataset.
    /// </summary>
    Task<IReadOnlyList<StoredListSnapshot>> GetCurrentListsAsync(NodaTime.Instant? importedBy = null, CancellationToken cancellationToken = default);

    /// <summary>Appends one audit record on its own.</summary>
    Task<AuditRecord> AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The audit chain in sequence order, streamed.</summary>
    IAsyncEnumerable<AuditRecord> ReadAuditAsync(CancellationToken cancellationToken = default);

    /// <summary>The last sequence and hash, kept apart from the records so that deleting the newest ones shows.</summary>
    Task<(long Sequence, string Hash)?> ReadAuditHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores an API key (its hash, never the key) with an audit record naming it and its role.</summary>
    /// <exception cref="DuplicateApiKeyException">A key with this name is already held.</exception>
    Task<ApiKeyDocument> AddApiKeyAsync(ApiKeyDocument key, string actor, NodaTime.Instant at, CancellationToken cancellationToken = default);

    /// <summary>The key whose SHA-256 (hex) is <paramref name="sha256"/>, or null.</summary>
    Task<ApiKeyDocument?> FindApiKeyAsync(string sha256, CancellationToken cancellationToken = default);
}
