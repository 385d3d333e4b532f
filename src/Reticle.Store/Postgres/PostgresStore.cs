using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using NodaTime;
using Npgsql;
using Reticle.Audit;
using Reticle.Store.Migrations;

namespace Reticle.Store.Postgres;

/// <summary>
/// The shared store for many Reticle processes. Every write that appends to the audit chain first takes
/// one transaction-scoped advisory lock, so appends from any number of processes and connections are
/// serialised: each reads the head only once it holds the lock, and the lock is released at commit or
/// rollback. Reads take no lock.
/// </summary>
public sealed class PostgresStore : IReticleStore
{
    // Advisory lock keys: fixed, arbitrary, and distinct from each other ('Reticle' in ASCII, then 1 or 2).
    private const long MigrationLock = 0x5265_7469_636C_6501;
    private const long AuditLock = 0x5265_7469_636C_6502;

    private readonly NpgsqlDataSource dataSource;

    private PostgresStore(NpgsqlDataSource dataSource) => this.dataSource = dataSource;

    /// <summary>Opens a store over <paramref name="connectionString"/> (an Npgsql connection string). Call <see cref="MigrateAsync"/> before use.</summary>
    public static PostgresStore Open(string connectionString) => new(NpgsqlDataSource.Create(connectionString));

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // A session lock, held across the migrations' own transactions: processes starting together
        // apply each script once, the others wait and then find nothing to do.
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@Key)", new { Key = MigrationLock }, cancellationToken: cancellationToken));
        try
        {
            await SchemaMigrator.ApplyAsync(
                connection,
                SchemaMigration.For("Postgres"),
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """,
                async (c, ct) => await ((NpgsqlConnection)c).BeginTransactionAsync(ct),
                cancellationToken);
        }
        finally
        {
            // Not cancellable: the lock must be released even when migrating was cancelled.
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@Key)", new { Key = MigrationLock });
        }
    }

    public async Task<IReadOnlyList<ContentDocument>> GetContentAsync(ContentKind kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ContentRow>(new CommandDefinition(
            """
            SELECT kind AS Kind, name AS Name, sha256 AS Sha256, text AS Text, imported_at AS ImportedAt
            FROM content_documents
            WHERE kind = @Kind
            ORDER BY imported_at, id
            """,
            new { Kind = StoredContentKind.Name(kind) }, cancellationToken: cancellationToken));
        return rows.Select(r => new ContentDocument(StoredContentKind.Parse(r.Kind), r.Name, r.Sha256, r.Text, Instant.FromDateTimeUtc(r.ImportedAt))).ToList();
    }

    public async Task<int> AddContentAsync(IReadOnlyList<ContentDocument> documents, string actor, Instant at, CancellationToken cancellationToken = default)
    {
        ContentChecksum.RequireValid(documents);
        return await WriteAsync(async (connection, transaction) =>
        {
            // Checked under the audit lock, so no other writer can add the same document in between.
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
                    new { Kind = StoredContentKind.Name(document.Kind), document.Name, document.Sha256, document.Text, ImportedAt = record.At.ToDateTimeOffset() },
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
                        (@TransactionId, CAST(@AsOf AS date), CAST(@KnownAt AS date), @Outcome, @RuleSet, @InputJson, @ResultJson, @AuditSequence, @RecordedAt)
                    """,
                    new
                    {
                        determination.TransactionId,
                        // Dapper cannot pass DateOnly; a midnight DateTime cast to date is exact.
                        AsOf = determination.AsOf.ToDateTimeUnspecified(),
                        KnownAt = determination.KnownAt?.ToDateTimeUnspecified(),
                        determination.Outcome,
                        determination.RuleSet,
                        determination.InputJson,
                        determination.ResultJson,
                        AuditSequence = record.Sequence,
                        RecordedAt = record.At.ToDateTimeOffset(),
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
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
            LocalDate.FromDateOnly(r.AsOf),
            r.KnownAt is { } knownAt ? LocalDate.FromDateOnly(knownAt) : null,
            r.Outcome,
            r.RuleSet,
            r.InputJson,
            r.ResultJson,
            r.AuditSequence,
            Instant.FromDateTimeUtc(r.RecordedAt))).ToList();
    }

    public Task<AuditRecord> AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var previous = await ReadHeadRecordAsync(connection, transaction, cancellationToken);
            return await AppendAsync(connection, transaction, previous, entry, cancellationToken);
        }, cancellationToken);

    public async IAsyncEnumerable<AuditRecord> ReadAuditAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<AuditRow>($"{SelectAudit} ORDER BY sequence");
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row.ToRecord();
        }
    }

    public async Task<(long Sequence, string Hash)?> ReadAuditHeadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(SelectHead, cancellationToken: cancellationToken));
        return head is null ? null : (head.Sequence, head.Hash);
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private const string SelectAudit =
        """
        SELECT sequence AS Sequence, at AS At, actor AS Actor, kind AS Kind, payload AS Payload,
               previous_hash AS PreviousHash, hash AS Hash
        FROM audit_log
        """;

    private const string SelectHead = "SELECT sequence AS Sequence, hash AS Hash FROM audit_head WHERE id = 1";

    private async Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Taken before anything is read, and held to commit or rollback: the audit head this write reads
        // stays the head until it commits (READ COMMITTED gives each later statement a fresh snapshot).
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@Key)", new { Key = AuditLock }, transaction, cancellationToken: cancellationToken));
        var result = await write(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// The record the head names, read under the audit lock. Taken from <c>audit_head</c>, not from the
    /// highest sequence in <c>audit_log</c>: if the newest records were deleted, appending after what is
    /// left would reuse their sequence numbers and hide the deletion, so the store refuses instead.
    /// </summary>
    private static async Task<AuditRecord?> ReadHeadRecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
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

    private static async Task<AuditRecord> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AuditRecord? previous, AuditEntry entry, CancellationToken cancellationToken)
    {
        var record = AuditChain.Append(previous, entry);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_log (sequence, at, actor, kind, payload, previous_hash, hash)
            VALUES (@Sequence, @At, @Actor, @Kind, @Payload, @PreviousHash, @Hash);

            INSERT INTO audit_head (id, sequence, hash) VALUES (1, @Sequence, @Hash)
            ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash;
            """,
            new { record.Sequence, At = record.At.ToDateTimeOffset(), record.Actor, record.Kind, record.Payload, record.PreviousHash, record.Hash },
            transaction, cancellationToken: cancellationToken));
        return record;
    }

    // Npgsql reads timestamptz as a UTC DateTime and date as a DateOnly.
    private sealed class ContentRow
    {
        public string Kind { get; set; } = "";
        public string Name { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public string Text { get; set; } = "";
        public DateTime ImportedAt { get; set; }
    }

    private sealed class DeterminationRow
    {
        public string TransactionId { get; set; } = "";
        public DateOnly AsOf { get; set; }
        public DateOnly? KnownAt { get; set; }
        public string Outcome { get; set; } = "";
        public string RuleSet { get; set; } = "";
        public string InputJson { get; set; } = "";
        public string ResultJson { get; set; } = "";
        public long AuditSequence { get; set; }
        public DateTime RecordedAt { get; set; }
    }

    private sealed class AuditRow
    {
        public long Sequence { get; set; }
        public DateTime At { get; set; }
        public string Actor { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Payload { get; set; } = "";
        public string PreviousHash { get; set; } = "";
        public string Hash { get; set; } = "";

        public AuditRecord ToRecord() => new(Sequence, Instant.FromDateTimeUtc(At), Actor, Kind, Payload, PreviousHash, Hash);
    }

    private sealed class HeadRow
    {
        public long Sequence { get; set; }
        public string Hash { get; set; } = "";
    }
}
