using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using NodaTime;
using Reticle.Audit;

namespace Reticle.Store;

/// <summary>
/// The store contract implemented once, in SQL both providers accept. A provider supplies only what
/// really differs: how a connection is opened, how a write transaction begins so that writers are
/// serialised, how instants and dates are written and read back, and the migrations.
/// </summary>
/// <remarks>
/// Every write runs in one transaction begun by <see cref="BeginWriteAsync"/>, which must exclude every
/// other writer before anything is read: the audit head a write reads then stays the head until it
/// commits, and the audit record is appended in the same transaction as what it records, all or nothing.
/// </remarks>
public abstract partial class SqlStore : IReticleStore
{
    private const string SelectAudit =
        """
        SELECT sequence AS Sequence, at AS At, actor AS Actor, kind AS Kind, payload AS Payload,
               previous_hash AS PreviousHash, hash AS Hash
        FROM audit_log
        """;

    private const string SelectListSnapshot =
        """
        SELECT id AS Id, dataset AS Dataset, format AS Format, published AS Published, sha256 AS Sha256,
               entry_count AS EntryCount, changes_json AS ChangesJson, imported_at AS ImportedAt, audit_sequence AS AuditSequence
        """;

    private const string SelectHead = "SELECT sequence AS Sequence, hash AS Hash FROM audit_head WHERE id = 1";

    // Only this assembly's providers derive from it: the write guarantees depend on each override.
    private protected SqlStore()
    {
    }

    public abstract Task MigrateAsync(CancellationToken cancellationToken = default);

    public abstract ValueTask DisposeAsync();

    /// <summary>An open connection of the store's own, with whatever per-connection settings the provider needs.</summary>
    private protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Begins a transaction that holds the provider's single write lock until it ends, taken before the
    /// transaction reads anything.
    /// </summary>
    private protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>The parameter value an instant column is written with.</summary>
    private protected abstract object ToColumn(Instant instant);

    /// <summary>The parameter value a date column is written with (wrapped in <see cref="DateParameter"/> in SQL).</summary>
    private protected abstract object ToColumn(LocalDate date);

    /// <summary>The instant an instant column holds, exactly as <see cref="ToColumn(Instant)"/> wrote it.</summary>
    private protected abstract Instant ToInstant(object column);

    /// <summary>The date a date column holds, exactly as <see cref="ToColumn(LocalDate)"/> wrote it.</summary>
    private protected abstract LocalDate ToDate(object column);

    /// <summary>The SQL that passes date parameter <paramref name="parameter"/> to a date column.</summary>
    private protected virtual string DateParameter(string parameter) => parameter;

    public async Task<IReadOnlyList<ContentDocument>> GetContentAsync(ContentKind kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ContentRow>(new CommandDefinition(
            """
            SELECT kind AS Kind, name AS Name, sha256 AS Sha256, text AS Text, imported_at AS ImportedAt
            FROM content_documents
            WHERE kind = @Kind
            ORDER BY imported_at, id
            """,
            new { Kind = StoredContentKind.Name(kind) }, cancellationToken: cancellationToken));
        return rows.Select(r => new ContentDocument(StoredContentKind.Parse(r.Kind), r.Name, r.Sha256, r.Text, ToInstant(r.ImportedAt))).ToList();
    }

    public async Task<int> AddContentAsync(IReadOnlyList<ContentDocument> documents, string actor, Instant at, CancellationToken cancellationToken = default)
    {
        ContentChecksum.RequireValid(documents);
        return await WriteAsync(async (connection, transaction) =>
        {
            // Checked under the write lock, so no other writer can add the same document in between.
            var added = new List<ContentDocument>();
            foreach (var document in documents.DistinctBy(d => (d.Kind, d.Name, d.Sha256)))
            {
                var held = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM content_documents WHERE kind = @Kind AND name = @Name AND sha256 = @Sha256",
                    new { Kind = StoredContentKind.Name(document.Kind), document.Name, document.Sha256 },
                    transaction, cancellationToken: cancellationToken));
                if (held == 0)
                {
                    added.Add(document);
                }
            }
            if (added.Count == 0)
            {
                return 0;
            }

            var previous = await ReadHeadRecordAsync(connection, transaction, cancellationToken);
            var record = await AppendAsync(connection, transaction, previous,
                new AuditEntry(at, actor, AuditPayloads.ContentImported, AuditPayloads.ForContent(added)), cancellationToken);
            foreach (var document in added)
            {
                // The audit record's instant (truncated as the chain keeps it) is the import time.
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO content_documents (kind, name, sha256, text, imported_at)
                    VALUES (@Kind, @Name, @Sha256, @Text, @ImportedAt)
                    """,
                    new { Kind = StoredContentKind.Name(document.Kind), document.Name, document.Sha256, document.Text, ImportedAt = ToColumn(record.At) },
                    transaction, cancellationToken: cancellationToken));
            }
            return added.Count;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<AuditRecord>> RecordDeterminationsAsync(IReadOnlyList<DeterminationRecord> determinations, string actor, Instant at, CancellationToken cancellationToken = default) =>
        // Prepared before the transaction: malformed JSON is refused before anything is written.
        RecordDeterminationsAsync([.. determinations.Select(PreparedDetermination.Prepare)], actor, at, cancellationToken);

    public async Task<IReadOnlyList<AuditRecord>> RecordDeterminationsAsync(IReadOnlyList<PreparedDetermination> determinations, string actor, Instant at, CancellationToken cancellationToken = default)
    {
        if (determinations.Count > 0 && _lastHead is { } guess && WriteLockSql is { } lockSql)
        {
            // After a miss (another node or kind of write moved the head) the next writes go the long way at once: where several
            // nodes write, a guess that keeps missing would cost a wasted round trip each time.
            if (Interlocked.Decrement(ref _longWaysLeft) < 0)
            {
                if (await TryRecordAfterAsync(guess, lockSql, determinations, actor, at, cancellationToken) is { } fast)
                {
                    return fast;
                }
                Interlocked.Exchange(ref _longWaysLeft, LongWaysAfterMiss);
            }
        }
        var written = await WriteAsync(async (connection, transaction) =>
        {
            var previous = await ReadHeadRecordAsync(connection, transaction, cancellationToken);
            await using var rows = new RowBatch(connection, transaction);
            return await AddDeterminationRowsAsync(rows, previous, determinations, actor, at, cancellationToken);
        }, cancellationToken);
        if (written.Count > 0)
        {
            _lastHead = written[^1];
        }
        return written;
    }

    // The head this store object last moved the chain to with determinations: the guess the next batch is written after.
    private volatile AuditRecord? _lastHead;

    private const int LongWaysAfterMiss = 8;
    private int _longWaysLeft;

    /// <summary>
    /// SQL that takes the write lock <see cref="BeginWriteAsync"/> takes, for a provider that can send it in one batch with the
    /// rows (null: the provider cannot, and every write reads the head first).
    /// </summary>
    private protected virtual string? WriteLockSql => null;

    /// <summary>SQL that fails the transaction, with an error <see cref="IsHeadMoved"/> knows, unless the head is <c>@Sequence</c>, <c>@Hash</c>.</summary>
    private protected virtual string AssertHeadSql => throw new NotSupportedException();

    /// <summary>Whether <paramref name="error"/> is <see cref="AssertHeadSql"/> failing.</summary>
    private protected virtual bool IsHeadMoved(Exception error) => false;

    /// <summary>
    /// Determinations written after the head this store last wrote, in two round trips instead of four: the lock, a check that
    /// the head is still <paramref name="guess"/> (made under the lock: a statement after it sees every commit before it) and the
    /// rows go in one batch, then the commit. If another writer moved the head since, the check fails the transaction, nothing is
    /// written, and null sends the caller the long way (the head read under the lock). The chain is as the long way makes it.
    /// </summary>
    private async Task<IReadOnlyList<AuditRecord>?> TryRecordAfterAsync(AuditRecord guess, string lockSql, IReadOnlyList<PreparedDetermination> determinations,
        string actor, Instant at, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            IReadOnlyList<AuditRecord> records;
            await using (var rows = new RowBatch(connection, transaction))
            {
                await rows.AddAsync(lockSql, [], [], cancellationToken);
                await rows.AddAsync(AssertHeadSql, HeadColumns, [guess.Sequence, guess.Hash], cancellationToken);
                records = await AddDeterminationRowsAsync(rows, guess, determinations, actor, at, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            _lastHead = records[^1];
            return records;
        }
        catch (Exception e) when (IsHeadMoved(e))
        {
            return null;
        }
    }

    /// <summary>Each determination with its audit record after <paramref name="previous"/>, the head moved to the last, all sent.</summary>
    private async Task<IReadOnlyList<AuditRecord>> AddDeterminationRowsAsync(RowBatch rows, AuditRecord? previous, IReadOnlyList<PreparedDetermination> determinations,
        string actor, Instant at, CancellationToken cancellationToken)
    {
        var records = new List<AuditRecord>(determinations.Count);
        // All rows in one batch (one round trip to PostgreSQL); the head moves once, to the last record, in the same transaction.
        var insertDetermination = InsertDetermination;
        for (var i = 0; i < determinations.Count; i++)
        {
            var prepared = determinations[i];
            var record = AuditChain.AppendEncoded(previous, at, actor, AuditPayloads.Determination, prepared.AuditPayload);
            await rows.AddAsync(InsertAuditRecord, AuditRecordColumns, AuditRecordValues(record), cancellationToken);
            await rows.AddAsync(insertDetermination, DeterminationColumns, DeterminationValues(prepared.Record, record), cancellationToken);
            records.Add(record);
            previous = record;
        }
        if (previous is not null)
        {
            await rows.AddAsync(MoveHead, HeadColumns, [previous.Sequence, previous.Hash], cancellationToken);
        }
        await rows.FlushAsync(cancellationToken);
        return records;
    }

    private string InsertDetermination =>
        $"""
        INSERT INTO determinations
            (transaction_id, as_of, known_at, outcome, rule_set, input_json, result_json, audit_sequence, recorded_at)
        VALUES
            (@TransactionId, {DateParameter("@AsOf")}, {DateParameter("@KnownAt")}, @Outcome, @RuleSet, @InputJson, @ResultJson, @AuditSequence, @RecordedAt)
        """;

    private static readonly string[] DeterminationColumns =
        ["TransactionId", "AsOf", "KnownAt", "Outcome", "RuleSet", "InputJson", "ResultJson", "AuditSequence", "RecordedAt"];

    private object?[] DeterminationValues(DeterminationRecord determination, AuditRecord record) =>
    [
        determination.TransactionId, ToColumn(determination.AsOf), determination.KnownAt is { } knownAt ? ToColumn(knownAt) : null,
        determination.Outcome, determination.RuleSet, determination.InputJson, determination.ResultJson, record.Sequence, ToColumn(record.At),
    ];

    /// <summary>Stores a determination under the audit record appended for it in the same transaction.</summary>
    private async Task InsertDeterminationAsync(DbConnection connection, DbTransaction transaction, DeterminationRecord determination, AuditRecord record, CancellationToken cancellationToken)
    {
        await using var insert = new RowStatement(connection, transaction, InsertDetermination, DeterminationColumns);
        await insert.ExecuteAsync(cancellationToken, DeterminationValues(determination, record));
    }

    private const string SelectDetermination =
        """
        SELECT transaction_id AS TransactionId, as_of AS AsOf, known_at AS KnownAt, outcome AS Outcome,
               rule_set AS RuleSet, input_json AS InputJson, result_json AS ResultJson,
               audit_sequence AS AuditSequence, recorded_at AS RecordedAt
        FROM determinations
        """;

    public async Task<IReadOnlyList<DeterminationRecord>> GetDeterminationsAsync(string transactionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeterminationRow>(new CommandDefinition(
            $"{SelectDetermination} WHERE transaction_id = @TransactionId ORDER BY id",
            new { TransactionId = transactionId }, cancellationToken: cancellationToken));
        return rows.Select(ToRecord).ToList();
    }

    private DeterminationRecord ToRecord(DeterminationRow row) => new(
        row.TransactionId,
        ToDate(row.AsOf),
        row.KnownAt is { } knownAt ? ToDate(knownAt) : null,
        row.Outcome,
        row.RuleSet,
        row.InputJson,
        row.ResultJson,
        row.AuditSequence,
        ToInstant(row.RecordedAt));

    public async Task<StoredListSnapshot?> AddListSnapshotAsync(ListSnapshotDocument snapshot, string actor, Instant at, CancellationToken cancellationToken = default)
    {
        // Built before the transaction: malformed change JSON is refused before anything is written.
        var entry = new AuditEntry(at, actor, AuditPayloads.ListImported, AuditPayloads.ForList(snapshot));
        return await WriteAsync(async (connection, transaction) =>
        {
            if (await IsInUseAsync(connection, transaction, "list_snapshots", snapshot.Dataset, snapshot.Sha256, snapshot.ReplacesId, cancellationToken))
            {
                return null;
            }
            var previous = await ReadHeadRecordAsync(connection, transaction, cancellationToken);
            var record = await AppendAsync(connection, transaction, previous, entry, cancellationToken);
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"""
                INSERT INTO list_snapshots
                    (dataset, format, published, sha256, entry_count, entries_json, changes_json, imported_at, audit_sequence)
                VALUES
                    (@Dataset, @Format, {DateParameter("@Published")}, @Sha256, @EntryCount, @EntriesJson, @ChangesJson, @ImportedAt, @AuditSequence)
                RETURNING id
                """,
                new
                {
                    snapshot.Dataset,
                    snapshot.Format,
                    Published = snapshot.Published is { } published ? ToColumn(published) : null,
                    snapshot.Sha256,
                    snapshot.EntryCount,
                    snapshot.EntriesJson,
                    snapshot.ChangesJson,
                    ImportedAt = ToColumn(record.At),
                    AuditSequence = record.Sequence,
                },
                transaction, cancellationToken: cancellationToken));
            return new StoredListSnapshot(id, snapshot.Dataset, snapshot.Format, snapshot.Published, snapshot.Sha256, snapshot.EntryCount,
                snapshot.ChangesJson, record.At, record.Sequence, snapshot.EntriesJson);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredListSnapshot>> GetListSnapshotsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ListSnapshotRow>(new CommandDefinition(
            $"{SelectListSnapshot}, NULL AS EntriesJson FROM list_snapshots ORDER BY imported_at, id", cancellationToken: cancellationToken));
        return rows.Select(ToSnapshot).ToList();
    }

    public async Task<IReadOnlyList<StoredListSnapshot>> GetCurrentListsAsync(Instant? importedBy = null, string? dataset = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ListSnapshotRow>(new CommandDefinition(
            NewestPerDatasetSql($"{SelectListSnapshot}, entries_json AS EntriesJson", "list_snapshots", importedBy is not null, dataset is not null),
            new { ImportedBy = importedBy is { } by ? ToColumn(by) : null, Dataset = dataset }, cancellationToken: cancellationToken));
        return rows.Select(ToSnapshot).ToList();
    }

    /// <summary>
    /// Whether the snapshot of <paramref name="sha256"/> is already the one in use of <paramref name="dataset"/> in
    /// <paramref name="table"/> (list or ownership snapshots); read under the write lock, because an import's changes are
    /// against the snapshot it replaces: when another import came first, this one is refused. (An older snapshot imported
    /// again is a new import: it replaces the one in use.)
    /// </summary>
    private static async Task<bool> IsInUseAsync(DbConnection connection, DbTransaction transaction, string table, string dataset, string sha256,
        long? replacesId, CancellationToken cancellationToken)
    {
        var current = await connection.QuerySingleOrDefaultAsync<CurrentSnapshotRow>(new CommandDefinition(
            $"SELECT id, sha256 FROM {table} WHERE id = (SELECT MAX(id) FROM {table} WHERE dataset = @Dataset)",
            new { Dataset = dataset }, transaction, cancellationToken: cancellationToken));
        if (current?.Sha256 == sha256)
        {
            return true;
        }
        if (current?.Id != replacesId)
        {
            throw new ConcurrentImportException(dataset);
        }
        return false;
    }

    /// <summary>
    /// The newest snapshot of each dataset in <paramref name="table"/> (list or ownership snapshots), of those imported by
    /// <c>@ImportedBy</c> when <paramref name="knownBy"/>, of dataset <c>@Dataset</c> only when <paramref name="oneDataset"/>.
    /// </summary>
    private static string NewestPerDatasetSql(string select, string table, bool knownBy, bool oneDataset) =>
        $"""
        {select}
        FROM {table} s
        WHERE s.id = (SELECT MAX(n.id) FROM {table} n
                      WHERE n.dataset = s.dataset{(knownBy ? " AND n.imported_at <= @ImportedBy" : "")})
        {(oneDataset ? "AND s.dataset = @Dataset" : "")}
        ORDER BY dataset
        """;

    public Task<AuditRecord> AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var previous = await ReadHeadRecordAsync(connection, transaction, cancellationToken);
            return await AppendAsync(connection, transaction, previous, entry, cancellationToken);
        }, cancellationToken);

    public async IAsyncEnumerable<AuditRecord> ReadAuditAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<AuditRow>($"{SelectAudit} ORDER BY sequence");
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return ToRecord(row);
        }
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadAuditPageAsync(long after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            $"{SelectAudit} WHERE sequence > @After ORDER BY sequence LIMIT @Limit", new { After = after, Limit = limit }, cancellationToken: cancellationToken));
        return rows.Select(ToRecord).ToList();
    }

    public async Task<(long Sequence, string Hash)?> ReadAuditHeadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(SelectHead, cancellationToken: cancellationToken));
        return head is null ? null : (head.Sequence, head.Hash);
    }

    private async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var result = await write(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// The record the head names, read inside the write transaction. Taken from <c>audit_head</c>, not from
    /// the highest sequence in <c>audit_log</c>: if the newest records were deleted, appending after what is
    /// left would reuse their sequence numbers and hide the deletion, so the store refuses instead.
    /// </summary>
    private async Task<AuditRecord?> ReadHeadRecordAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // One query, not two (every write runs it, and on PostgreSQL each query is a round trip): the head and the record it names.
        var row = await connection.QuerySingleOrDefaultAsync<HeadRecordRow>(new CommandDefinition(
            """
            SELECT h.sequence AS HeadSequence, h.hash AS HeadHash,
                   a.sequence AS Sequence, a.at AS At, a.actor AS Actor, a.kind AS Kind, a.payload AS Payload,
                   a.previous_hash AS PreviousHash, a.hash AS Hash
            FROM audit_head h LEFT JOIN audit_log a ON a.sequence = h.sequence
            WHERE h.id = 1
            """, transaction: transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }
        return row.Sequence is { } sequence && row.Hash == row.HeadHash
            ? new AuditRecord(sequence, ToInstant(row.At!), row.Actor!, row.Kind!, row.Payload!, row.PreviousHash!, row.Hash)
            : throw new AuditChainBrokenException(row.HeadSequence);
    }

    private sealed class HeadRecordRow
    {
        public long HeadSequence { get; set; }
        public string HeadHash { get; set; } = "";
        public long? Sequence { get; set; }
        public object? At { get; set; }
        public string? Actor { get; set; }
        public string? Kind { get; set; }
        public string? Payload { get; set; }
        public string? PreviousHash { get; set; }
        public string? Hash { get; set; }
    }

    private Task<AuditRecord> AppendAsync(DbConnection connection, DbTransaction transaction, AuditRecord? previous, AuditEntry entry, CancellationToken cancellationToken) =>
        AppendAsync(connection, transaction, AuditChain.Append(previous, entry), cancellationToken);

    private const string InsertAuditRecord =
        """
        INSERT INTO audit_log (sequence, at, actor, kind, payload, previous_hash, hash)
        VALUES (@Sequence, @At, @Actor, @Kind, @Payload, @PreviousHash, @Hash)
        """;

    private static readonly string[] AuditRecordColumns = ["Sequence", "At", "Actor", "Kind", "Payload", "PreviousHash", "Hash"];

    private object?[] AuditRecordValues(AuditRecord record) =>
        [record.Sequence, ToColumn(record.At), record.Actor, record.Kind, record.Payload, record.PreviousHash, record.Hash];

    /// <summary>Writes a record already placed on the chain, and moves the head to it.</summary>
    private async Task<AuditRecord> AppendAsync(DbConnection connection, DbTransaction transaction, AuditRecord record, CancellationToken cancellationToken)
    {
        await using (var insert = new RowStatement(connection, transaction, InsertAuditRecord, AuditRecordColumns))
        {
            await insert.ExecuteAsync(cancellationToken, AuditRecordValues(record));
        }
        await MoveHeadAsync(connection, transaction, record, cancellationToken);
        return record;
    }

    private const string MoveHead =
        """
        INSERT INTO audit_head (id, sequence, hash) VALUES (1, @Sequence, @Hash)
        ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash
        """;

    private static readonly string[] HeadColumns = ["Sequence", "Hash"];

    private static async Task MoveHeadAsync(DbConnection connection, DbTransaction transaction, AuditRecord record, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(MoveHead, new { record.Sequence, record.Hash }, transaction, cancellationToken: cancellationToken));

    private AuditRecord ToRecord(AuditRow row) =>
        new(row.Sequence, ToInstant(row.At), row.Actor, row.Kind, row.Payload, row.PreviousHash, row.Hash);

    // Instant and date columns are read as whatever the provider returns (text, DateTime, DateOnly) and
    // converted by the provider, so one row type serves both.
    private sealed class ContentRow
    {
        public string Kind { get; set; } = "";
        public string Name { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public string Text { get; set; } = "";
        public object ImportedAt { get; set; } = null!;
    }

    private sealed class DeterminationRow
    {
        public string TransactionId { get; set; } = "";
        public object AsOf { get; set; } = null!;
        public object? KnownAt { get; set; }
        public string Outcome { get; set; } = "";
        public string RuleSet { get; set; } = "";
        public string InputJson { get; set; } = "";
        public string ResultJson { get; set; } = "";
        public long AuditSequence { get; set; }
        public object RecordedAt { get; set; } = null!;
    }

    private sealed class AuditRow
    {
        public long Sequence { get; set; }
        public object At { get; set; } = null!;
        public string Actor { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Payload { get; set; } = "";
        public string PreviousHash { get; set; } = "";
        public string Hash { get; set; } = "";
    }

    private StoredListSnapshot ToSnapshot(ListSnapshotRow r) =>
        new(r.Id, r.Dataset, r.Format, r.Published is { } published ? ToDate(published) : null, r.Sha256, r.EntryCount,
            r.ChangesJson, ToInstant(r.ImportedAt), r.AuditSequence, r.EntriesJson);

    private sealed class CurrentSnapshotRow
    {
        public long Id { get; set; }
        public string Sha256 { get; set; } = "";
    }

    private sealed class ListSnapshotRow
    {
        public long Id { get; set; }
        public string Dataset { get; set; } = "";
        public string Format { get; set; } = "";
        public object? Published { get; set; }
        public string Sha256 { get; set; } = "";
        public int EntryCount { get; set; }
        public string ChangesJson { get; set; } = "";
        public object ImportedAt { get; set; } = null!;
        public long AuditSequence { get; set; }
        public string? EntriesJson { get; set; }
    }

    private sealed class HeadRow
    {
        public long Sequence { get; set; }
        public string Hash { get; set; } = "";
    }
}
