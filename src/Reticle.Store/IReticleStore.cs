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
    /// <exception cref="ArgumentException">A record's input or result is not valid JSON; nothing is stored.</exception>
    Task<IReadOnlyList<AuditRecord>> RecordDeterminationsAsync(IReadOnlyList<DeterminationRecord> determinations, string actor, NodaTime.Instant at, CancellationToken cancellationToken = default);

    /// <summary>Stores determinations already prepared (their audit payloads encoded), each with its own audit record, in one transaction.</summary>
    Task<IReadOnlyList<AuditRecord>> RecordDeterminationsAsync(IReadOnlyList<PreparedDetermination> determinations, string actor, NodaTime.Instant at, CancellationToken cancellationToken = default);

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
    /// The snapshot in use for each dataset (or only <paramref name="dataset"/>), with its entries: the newest
    /// imported at or before <paramref name="importedBy"/> (all imports if null). Ordered by dataset.
    /// </summary>
    Task<IReadOnlyList<StoredListSnapshot>> GetCurrentListsAsync(NodaTime.Instant? importedBy = null, string? dataset = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an ownership snapshot with its audit record, atomically; null when it is already the snapshot in use for its
    /// dataset (same SHA-256).
    /// </summary>
    /// <exception cref="ConcurrentImportException">Another snapshot of the dataset landed after <see cref="OwnershipSnapshotDocument.ReplacesId"/>.</exception>
    Task<StoredOwnershipSnapshot?> AddOwnershipSnapshotAsync(OwnershipSnapshotDocument snapshot, string actor, NodaTime.Instant at, CancellationToken cancellationToken = default);

    /// <summary>Every ownership snapshot held, in import order, without stakes.</summary>
    Task<IReadOnlyList<StoredOwnershipSnapshot>> GetOwnershipSnapshotsAsync(CancellationToken cancellationToken = default);

    /// <summary>The newest snapshot of each ownership dataset imported by <paramref name="importedBy"/> (or ever), with stakes.</summary>
    Task<IReadOnlyList<StoredOwnershipSnapshot>> GetCurrentOwnershipAsync(NodaTime.Instant? importedBy = null, string? dataset = null, CancellationToken cancellationToken = default);

    /// <summary>Appends one audit record on its own.</summary>
    Task<AuditRecord> AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The audit chain in sequence order, streamed.</summary>
    IAsyncEnumerable<AuditRecord> ReadAuditAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the audit chain: up to <paramref name="limit"/> records whose sequence is above <paramref name="after"/>,
    /// in sequence order (a caller pages on by passing the last sequence it got).
    /// </summary>
    Task<IReadOnlyList<AuditRecord>> ReadAuditPageAsync(long after, int limit, CancellationToken cancellationToken = default);

    /// <summary>The last sequence and hash, kept apart from the records so that deleting the newest ones shows.</summary>
    Task<(long Sequence, string Hash)?> ReadAuditHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Verifies the audit chain against its head, then every stored determination, licence event, order, hold and API
    /// key against the record that sealed it (an edited, moved or deleted row breaks its seal). Names the earliest
    /// record with a problem.
    /// </summary>
    Task<AuditVerification> VerifyAuditAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="VerifyAuditAsync(CancellationToken)"/>, and each of <paramref name="anchors"/> (heads kept outside the
    /// database, <c>reticle audit anchor</c>) must still be in the chain with its hash: records deleted from the end,
    /// with the head moved back, are caught.
    /// </summary>
    Task<AuditVerification> VerifyAuditAsync(IReadOnlyList<AuditAnchor> anchors, CancellationToken cancellationToken = default);

    /// <summary>Every licence event, in the order recorded (the order <see cref="Reticle.Licensing.LicenseBook.From"/> folds them in).</summary>
    Task<IReadOnlyList<StoredLicenseEvent>> GetLicenseEventsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// How many licence events are on record. Events are only ever appended, so the count names a state of the
    /// licence book: a reader that cached the book at one count knows it is stale when the count moves.
    /// </summary>
    Task<long> CountLicenseEventsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A token for the state of the licence book: while it is unchanged, no licence event was recorded (by any process) since
    /// it was taken, so a book read after taking it is current. Cheaper than <see cref="CountLicenseEventsAsync"/>: on
    /// PostgreSQL it is answered from notifications, without a query (see <c>PostgresStore</c>); on SQLite it is one index lookup.
    /// Tokens are only compared for equality, and only within one store object.
    /// </summary>
    Task<long> LicenseBookVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends licence events, each with its own audit record, all or none. Under the write lock each is
    /// checked (<see cref="Reticle.Licensing.LicenseBook.Check"/>) against the stored book and those before
    /// it, so concurrent uses never overdraw a line.
    /// </summary>
    /// <exception cref="LicenseEventRejectedException">The book refuses an event; nothing was written.</exception>
    Task<IReadOnlyList<AuditRecord>> AppendLicenseEventsAsync(IReadOnlyList<Reticle.Licensing.LicenseEvent> events, string actor, NodaTime.Instant at, CancellationToken cancellationToken = default);

    /// <summary>Records orders, each with its audit record, all or none.</summary>
    /// <exception cref="OrderRejectedException">An id is already recorded (or given twice); nothing was written.</exception>
    Task<IReadOnlyList<AuditRecord>> AddOrdersAsync(IReadOnlyList<OrderDocument> orders, string actor, NodaTime.Instant at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records orders as they are read, each with its audit record, all or none, in one write transaction: the store holds
    /// a page of rows at a time, never the whole input. An exception thrown by <paramref name="orders"/> (bad input found
    /// after some orders were read) rolls everything back and propagates.
    /// </summary>
    /// <exception cref="OrderRejectedException">An id is already recorded, or given twice; nothing was written. Every such id is named.</exception>
    Task<OrdersAdded> AddOrdersAsync(IAsyncEnumerable<OrderDocument> orders, string actor, NodaTime.Instant at, CancellationToken cancellationToken = default);

    /// <summary>The orders (of one status, or all), by planned date then id, each with its latest outcome.</summary>
    Task<IReadOnlyList<StoredOrder>> GetOrdersAsync(OrderStatus? status = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="GetOrdersAsync"/>, streamed from one query: memory does not grow with the number of orders. The
    /// enumeration holds a connection (and, on SQLite, a read snapshot) until it ends.
    /// </summary>
    IAsyncEnumerable<StoredOrder> ReadOrdersAsync(OrderStatus? status = null, CancellationToken cancellationToken = default);

    /// <summary>The orders whose <c>order.added</c> records lie in [<paramref name="firstSequence"/>, <paramref name="lastSequence"/>], in record order, streamed.</summary>
    IAsyncEnumerable<StoredOrder> ReadOrdersAddedAsync(long firstSequence, long lastSequence, CancellationToken cancellationToken = default);

    /// <summary>One order with its latest outcome, or null if none has this id.</summary>
    Task<StoredOrder?> GetOrderAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ships an open order in one transaction: stores its determination, appends the licence events it
    /// draws (checked against the stored book under the write lock, as <see cref="AppendLicenseEventsAsync"/>),
    /// and marks it shipped if <paramref name="ship"/>, each write with its audit record. Returns the records.
    /// </summary>
    /// <remarks>
    /// With a <paramref name="hold"/> (the order is not shipped), a released hold of the order lapses and a hold is
    /// placed, unless the order is already held.
    /// </remarks>
    /// <exception cref="OrderRejectedException">The order is unknown or not open; nothing was written.</exception>
    /// <exception cref="LicenseEventRejectedException">A licence event is refused (another shipment drew the line first); nothing was written.</exception>
    Task<IReadOnlyList<AuditRecord>> ShipOrderAsync(string orderId, DeterminationRecord determination, IReadOnlyList<Reticle.Licensing.LicenseEvent> licenseEvents, bool ship,
        HoldDocument? hold, string actor, NodaTime.Instant at, CancellationToken cancellationToken = default);

    /// <summary>The holds (of one order, or all), oldest first.</summary>
    Task<IReadOnlyList<StoredHold>> GetHoldsAsync(string? orderId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Releases a held hold with its audit record, recording <paramref name="fingerprint"/> (what was known at
    /// release: a later change makes the release lapse).
    /// </summary>
    /// <exception cref="HoldRejectedException">Unknown, not held, or <paramref name="actor"/> is the requester; nothing was written.</exception>
    Task<AuditRecord> ReleaseHoldAsync(long holdId, string reasonCode, string text, string fingerprint, string actor, NodaTime.Instant at, CancellationToken cancellationToken = default);

    /// <summary>Stores an API key (its hash, never the key) with an audit record naming it and its role.</summary>
    /// <exception cref="DuplicateApiKeyException">A key with this name is already held.</exception>
    Task<ApiKeyDocument> AddApiKeyAsync(ApiKeyDocument key, string actor, NodaTime.Instant at, CancellationToken cancellationToken = default);

    /// <summary>The key whose SHA-256 (hex) is <paramref name="sha256"/> (revoked or not: the caller refuses a revoked one), or null.</summary>
    Task<ApiKeyDocument?> FindApiKeyAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>Every key held, revoked ones included, in the order they were created.</summary>
    Task<IReadOnlyList<ApiKeyDocument>> GetApiKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Revokes the key named <paramref name="name"/> with an audit record; every server refuses it from then on.</summary>
    /// <exception cref="ApiKeyRejectedException">No such key, or it is already revoked; nothing was written.</exception>
    Task<AuditRecord> RevokeApiKeyAsync(string name, string actor, NodaTime.Instant at, CancellationToken cancellationToken = default);

    /// <summary>Notes that a server accepted the key at <paramref name="at"/> (kept to the minute; not an audited write).</summary>
    Task MarkApiKeyUsedAsync(string sha256, NodaTime.Instant at, CancellationToken cancellationToken = default);
}
