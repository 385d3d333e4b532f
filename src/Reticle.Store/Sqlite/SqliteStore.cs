using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using NodaTime;
using Reticle.Audit;
using Reticle.Store.Migrations;

namespace Reticle.Store.Sqlite;

/// <summary>
/// The embedded default store: one <c>reticle.db</c> file in WAL mode. SQLite has a single writer, and
/// every write here takes it up front (<c>BEGIN IMMEDIATE</c>), so the audit head a write reads cannot
/// change before it commits, whichever process or connection it comes from.
/// </summary>
public sealed class SqliteStore : IReticleStore
{
    public const string FileName = "reticle.db";

    // How long a writer waits for another process's write lock before failing loudly.
    private const int BusyTimeoutMilliseconds = 30_000;

    private readonly string connectionString;

    private SqliteStore(string connectionString) => this.connectionString = connectionString;

    /// <summary>Opens (creating if needed) <c>reticle.db</c> in <paramref name="dataDirectory"/>. Call <see cref="MigrateAsync"/> before use.</summary>
    public static SqliteStore Open(string dataDirectory)
    {
        var directory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(directory);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
        }.ToString();

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        // WAL is a property of the file, set once: readers then never block the writer, nor it them.
        connection.Execute("PRAGMA journal_mode = WAL;");
        return new SqliteStore(connectionString);
    }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await SchemaMigrator.ApplyAsync(
            connection,
            SchemaMigration.For("Sqlite"),
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            )
            """,
            (c, _) => Task.FromResult<DbTransaction>(((SqliteConnection)c).BeginTransaction(deferred: false)),
            cancellationToken);
    }

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
        return rows.Select(r => new ContentDocument(StoredContentKind.Parse(r.Kind), r.Name, r.Sha256, r.Text, SqliteText.ToInstant(r.ImportedAt))).ToList();
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
                    new { Kind = StoredContentKind.Name(document.Kind), document.Name, document.Sha256, document.Text, ImportedAt = SqliteText.Of(record.At) },
                    transaction, cancellationToken: cancellationToken));
            }
            return added.Count;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditRecord>> RecordDeterminationsAsync(IReadOnlyList<DeterminationRecord> determinations, string actor, Instant at, CancellationToken cancellationToken = default)
    {
        // Built before the transaction: malformed JSON is refused before anything is written.
        var entries = determinations.Select(d => new AuditEntry(at, actor, AuditPayloads.Determination, AuditPayloads.ForDetermination(d))).ToList();
        return await WriteAsync(async (connection, transaction) =>
        {
            var previous = await ReadHeadRecordAsync(connection, transaction, cancellationToken);
            var records = new List<AuditRecord>(determinations.Count);
            for (var i = 0; i < determinations.Count; i++)
            {
                var determination = determinations[i];
                var record = await AppendAsync(connection, transaction, previous, entries[i], cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO determinations
                        (transaction_id, as_of, known_at, outcome, rule_set, input_json, result_json, audit_sequence, recorded_at)
                    VALUES
                        (@TransactionId, @AsOf, @KnownAt, @Outcome, @RuleSet, @InputJson, @ResultJson, @AuditSequence, @RecordedAt)
                    """,
                    new
                    {
                        determination.TransactionId,
                        AsOf = SqliteText.Of(determination.AsOf),
                        KnownAt = SqliteText.Of(determination.KnownAt),
                        determination.Outcome,
                        determination.RuleSet,
                        determination.InputJson,
                        determination.ResultJson,
                        AuditSequence = record.Sequence,
                        RecordedAt = SqliteText.Of(record.At),
                    },
                    transaction, cancellationToken: cancellationToken));
                records.Add(record);
                previous = record;
            }
            return (IReadOnlyList<AuditRecord>)records;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<DeterminationRecord>> GetDeterminationsAsync(string transactionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeterminationRow>(new CommandDefinition(
            """
            SELECT transaction_id AS TransactionId, as_of AS AsOf, known_at AS KnownAt, outcome AS Outcome,
                   rule_set AS RuleSet, input_json AS InputJson, result_json AS ResultJson,
                   audit_sequence AS AuditSequence, recorded_at AS RecordedAt
            FROM determinations
            WHERE transaction_id = @TransactionId
            ORDER BY id
            """,
            new { TransactionId = transactionId }, cancellationToken: cancellationToken));
        return rows.Select(r => new DeterminationRecord(
            r.TransactionId,
            SqliteText.ToDate(r.AsOf),
            r.KnownAt is null ? null : SqliteText.ToDate(r.KnownAt),
            r.Outcome,
            r.RuleSet,
            r.InputJson,
            r.ResultJson,
            r.AuditSequence,
            SqliteText.ToInstant(r.RecordedAt))).ToList();
    }

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
            yield return row.ToRecord();
        }
    }

    public async Task<(long Sequence, string Hash)?> ReadAuditHeadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(SelectHead, cancellationToken: cancellationToken));
        return head is null ? null : (head.Sequence, head.Hash);
    }

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the data folder can be moved or deleted.
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    private const string SelectAudit =
        """
        SELECT sequence AS Sequence, at AS At, actor AS Actor, kind AS Kind, payload AS Payload,
               previous_hash AS PreviousHash, hash AS Hash
        FROM audit_log
        """;

    private const string SelectHead = "SELECT sequence AS Sequence, hash AS Hash FROM audit_head WHERE id = 1";

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // Per connection: wait for another writer's lock inside SQLite instead of failing with SQLITE_BUSY.
        await connection.ExecuteAsync(new CommandDefinition($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};", cancellationToken: cancellationToken));
        return connection;
    }

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        // BEGIN IMMEDIATE: take the write lock before reading the audit head, so no other writer can
        // append between our read and our commit (a deferred BEGIN would read first and fail to upgrade).
        await using var transaction = connection.BeginTransaction(deferred: false);
        var result = await write(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// The record the head names, read inside the write transaction. Taken from <c>audit_head</c>, not from
    /// the highest sequence in <c>audit_log</c>: if the newest records were deleted, appending after what is
    /// left would reuse their sequence numbers and hide the deletion, so the store refuses instead.
    /// </summary>
    private static async Task<AuditRecord?> ReadHeadRecordAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(SelectHead, transaction: transaction, cancellationToken: cancellationToken));
        if (head is null)
        {
            return null;
        }
        var row = await connection.QuerySingleOrDefaultAsync<AuditRow>(new CommandDefinition(
            $"{SelectAudit} WHERE sequence = @Sequence", new { head.Sequence }, transaction, cancellationToken: cancellationToken));
        return row is not null && row.Hash == head.Hash
            ? row.ToRecord()
            : throw new AuditChainBrokenException(head.Sequence);
    }

    private static async Task<AuditRecord> AppendAsync(SqliteConnection connection, SqliteTransaction transaction, AuditRecord? previous, AuditEntry entry, CancellationToken cancellationToken)
    {
        var record = AuditChain.Append(previous, entry);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_log (sequence, at, actor, kind, payload, previous_hash, hash)
            VALUES (@Sequence, @At, @Actor, @Kind, @Payload, @PreviousHash, @Hash);

            INSERT INTO audit_head (id, sequence, hash) VALUES (1, @Sequence, @Hash)
            ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash;
            """,
            new { record.Sequence, At = SqliteText.Of(record.At), record.Actor, record.Kind, record.Payload, record.PreviousHash, record.Hash },
            transaction, cancellationToken: cancellationToken));
        return record;
    }

    private sealed class ContentRow
    {
        public string Kind { get; set; } = "";
        public string Name { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public string Text { get; set; } = "";
        public string ImportedAt { get; set; } = "";
    }

    private sealed class DeterminationRow
    {
        public string TransactionId { get; set; } = "";
        public string AsOf { get; set; } = "";
        public string? KnownAt { get; set; }
        public string Outcome { get; set; } = "";
        public string RuleSet { get; set; } = "";
        public string InputJson { get; set; } = "";
        public string ResultJson { get; set; } = "";
        public long AuditSequence { get; set; }
        public string RecordedAt { get; set; } = "";
    }

    private sealed class AuditRow
    {
        public long Sequence { get; set; }
        public string At { get; set; } = "";
        public string Actor { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Payload { get; set; } = "";
        public string PreviousHash { get; set; } = "";
        public string Hash { get; set; } = "";

        public AuditRecord ToRecord() => new(Sequence, SqliteText.ToInstant(At), Actor, Kind, Payload, PreviousHash, Hash);
    }

    private sealed class HeadRow
    {
        public long Sequence { get; set; }
        public string Hash { get; set; } = "";
    }
}
