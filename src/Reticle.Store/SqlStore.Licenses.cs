using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using NodaTime;
using Reticle.Audit;
using Reticle.Licensing;

namespace Reticle.Store;

/// <summary>Licence events: append-only, each checked against the stored book under the write lock and sealed by its audit record.</summary>
public abstract partial class SqlStore
{
    public async Task<IReadOnlyList<StoredLicenseEvent>> GetLicenseEventsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await ReadLicenseEventsAsync(connection, null, cancellationToken);
    }

    public async Task<long> CountLicenseEventsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM license_events", cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The highest event id. Events are appended only under the write lock, each write committing before the next takes the
    /// lock, so ids become visible in increasing order: the highest moves whenever an event is recorded (a rolled-back write
    /// leaves a gap, never a lower id later).
    /// </summary>
    public virtual async Task<long> LicenseBookVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COALESCE(MAX(id), 0) FROM license_events", cancellationToken: cancellationToken));
    }

    /// <summary>Runs in the write transaction that appended licence events, before it commits (PostgreSQL notifies other processes).</summary>
    private protected virtual Task LicenseEventsAppendedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task<IReadOnlyList<AuditRecord>> AppendLicenseEventsAsync(IReadOnlyList<LicenseEvent> events, string actor, Instant at, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var book = LicenseBook.From((await ReadLicenseEventsAsync(connection, transaction, cancellationToken)).Select(e => e.Event));
            return await AppendLicenseEventsAsync(connection, transaction, book, events, actor, at, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Checks <paramref name="events"/> in order against <paramref name="book"/> (read inside this write
    /// transaction) and appends them with their audit records; throws, writing nothing, if any is refused.
    /// </summary>
    private protected async Task<IReadOnlyList<AuditRecord>> AppendLicenseEventsAsync(DbConnection connection, DbTransaction transaction, LicenseBook book,
        IReadOnlyList<LicenseEvent> events, string actor, Instant at, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var e in events)
        {
            if (book.Check(e) is { } problem)
            {
                problems.Add(problem);
                continue;
            }
            book = book.With(e);
        }
        if (problems.Count > 0)
        {
            throw new LicenseEventRejectedException(problems);
        }

        var insert =
            $"""
            INSERT INTO license_events (license_id, type, effective, announced, payload_json, audit_sequence, recorded_at)
            VALUES (@LicenseId, @Type, {DateParameter("@Effective")}, {DateParameter("@Announced")}, @PayloadJson, @AuditSequence, @RecordedAt)
            """;
        var previous = await ReadHeadRecordAsync(connection, transaction, cancellationToken);
        var records = new List<AuditRecord>(events.Count);
        foreach (var e in events)
        {
            var payload = LicenseEventJson.ToJson(e);
            var record = await AppendAsync(connection, transaction, previous,
                new AuditEntry(at, actor, AuditPayloads.LicenseEvent, payload), cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                insert,
                new
                {
                    e.LicenseId,
                    Type = LicenseEventJson.TypeOf(e),
                    Effective = ToColumn(e.Effective),
                    Announced = ToColumn(e.Announced),
                    PayloadJson = payload.ToJsonString(),
                    AuditSequence = record.Sequence,
                    RecordedAt = ToColumn(record.At),
                },
                transaction, cancellationToken: cancellationToken));
            records.Add(record);
            previous = record;
        }
        if (records.Count > 0)
        {
            await LicenseEventsAppendedAsync(connection, transaction, cancellationToken);
        }
        return records;
    }

    private protected async Task<IReadOnlyList<StoredLicenseEvent>> ReadLicenseEventsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<LicenseEventRow>(new CommandDefinition(
            """
            SELECT id AS Id, payload_json AS PayloadJson, audit_sequence AS AuditSequence, recorded_at AS RecordedAt
            FROM license_events
            ORDER BY id
            """,
            transaction: transaction, cancellationToken: cancellationToken));
        return rows.Select(r => new StoredLicenseEvent(
            r.Id,
            LicenseEventJson.FromJson(JsonNode.Parse(r.PayloadJson) as JsonObject ?? throw new FormatException($"licence event {r.Id} is not a JSON object")),
            r.AuditSequence,
            ToInstant(r.RecordedAt))).ToList();
    }

    private sealed class LicenseEventRow
    {
        public long Id { get; set; }
        public string PayloadJson { get; set; } = "";
        public long AuditSequence { get; set; }
        public object RecordedAt { get; set; } = null!;
    }
}
