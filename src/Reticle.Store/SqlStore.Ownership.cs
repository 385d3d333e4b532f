using Dapper;
using NodaTime;

namespace Reticle.Store;

/// <summary>Ownership snapshots: kept whole per import, as list snapshots are (what was known when).</summary>
public abstract partial class SqlStore
{
    private const string SelectOwnershipSnapshot =
        """
        SELECT id AS Id, dataset AS Dataset, format AS Format, sha256 AS Sha256, stake_count AS StakeCount,
               changes_json AS ChangesJson, imported_at AS ImportedAt, audit_sequence AS AuditSequence
        """;

    public async Task<StoredOwnershipSnapshot?> AddOwnershipSnapshotAsync(OwnershipSnapshotDocument snapshot, string actor, Instant at, CancellationToken cancellationToken = default)
    {
        // Built before the transaction: malformed change JSON is refused before anything is written.
        var entry = new Audit.AuditEntry(at, actor, AuditPayloads.OwnershipImported, AuditPayloads.ForOwnership(snapshot));
        return await WriteAsync(async (connection, transaction) =>
        {
            if (await IsInUseAsync(connection, transaction, "ownership_snapshots", snapshot.Dataset, snapshot.Sha256, snapshot.ReplacesId, cancellationToken))
            {
                return null;
            }
            var previous = await ReadHeadRecordAsync(connection, transaction, cancellationToken);
            var record = await AppendAsync(connection, transaction, previous, entry, cancellationToken);
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO ownership_snapshots
                    (dataset, format, sha256, stake_count, stakes_json, changes_json, imported_at, audit_sequence)
                VALUES
                    (@Dataset, @Format, @Sha256, @StakeCount, @StakesJson, @ChangesJson, @ImportedAt, @AuditSequence)
                RETURNING id
                """,
                new
                {
                    snapshot.Dataset,
                    snapshot.Format,
                    snapshot.Sha256,
                    snapshot.StakeCount,
                    snapshot.StakesJson,
                    snapshot.ChangesJson,
                    ImportedAt = ToColumn(record.At),
                    AuditSequence = record.Sequence,
                },
                transaction, cancellationToken: cancellationToken));
            return new StoredOwnershipSnapshot(id, snapshot.Dataset, snapshot.Format, snapshot.Sha256, snapshot.StakeCount, snapshot.ChangesJson,
                record.At, record.Sequence, snapshot.StakesJson);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredOwnershipSnapshot>> GetOwnershipSnapshotsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OwnershipSnapshotRow>(new CommandDefinition(
            $"{SelectOwnershipSnapshot}, NULL AS StakesJson FROM ownership_snapshots ORDER BY imported_at, id", cancellationToken: cancellationToken));
        return rows.Select(ToOwnershipSnapshot).ToList();
    }

    public async Task<IReadOnlyList<StoredOwnershipSnapshot>> GetCurrentOwnershipAsync(Instant? importedBy = null, string? dataset = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OwnershipSnapshotRow>(new CommandDefinition(
            NewestPerDatasetSql($"{SelectOwnershipSnapshot}, stakes_json AS StakesJson", "ownership_snapshots", importedBy is not null, dataset is not null),
            new { ImportedBy = importedBy is { } by ? ToColumn(by) : null, Dataset = dataset }, cancellationToken: cancellationToken));
        return rows.Select(ToOwnershipSnapshot).ToList();
    }

    private StoredOwnershipSnapshot ToOwnershipSnapshot(OwnershipSnapshotRow r) =>
        new(r.Id, r.Dataset, r.Format, r.Sha256, r.StakeCount, r.ChangesJson, ToInstant(r.ImportedAt), r.AuditSequence, r.StakesJson);

    private sealed class OwnershipSnapshotRow
    {
        public long Id { get; set; }
        public string Dataset { get; set; } = "";
        public string Format { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public int StakeCount { get; set; }
        public string ChangesJson { get; set; } = "";
        public object ImportedAt { get; set; } = null!;
        public long AuditSequence { get; set; }
        public string? StakesJson { get; set; }
    }
}
