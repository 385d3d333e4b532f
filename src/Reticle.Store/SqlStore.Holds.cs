using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using NodaTime;
using Reticle.Audit;

namespace Reticle.Store;

/// <summary>Holds on orders: placed with the determination that stops the order, released by a second person.</summary>
public abstract partial class SqlStore
{
    private const string SelectHold =
        """
        SELECT id AS Id, order_id AS OrderId, status AS Status, outcome AS Outcome, reason AS Reason, requested_by AS RequestedBy,
               placed_at AS PlacedAt, audit_sequence AS AuditSequence, released_by AS ReleasedBy, reason_code AS ReasonCode,
               release_text AS ReleaseText, fingerprint AS Fingerprint, released_at AS ReleasedAt, release_audit_sequence AS ReleaseAuditSequence
        FROM holds
        """;

    public async Task<IReadOnlyList<StoredHold>> GetHoldsAsync(string? orderId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<HoldRow>(new CommandDefinition(
            $"{SelectHold} {(orderId is null ? "" : "WHERE order_id = @OrderId")} ORDER BY id",
            new { OrderId = orderId }, cancellationToken: cancellationToken));
        return rows.Select(ToHold).ToList();
    }

    public Task<AuditRecord> ReleaseHoldAsync(long holdId, string reasonCode, string text, string fingerprint, string actor, Instant at, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<HoldRow>(new CommandDefinition(
                $"{SelectHold} WHERE id = @Id", new { Id = holdId }, transaction, cancellationToken: cancellationToken));
            if (row is null)
            {
                throw new HoldRejectedException(HoldRejection.Unknown, $"hold {holdId}: no such hold");
            }
            if (row.Status != "held")
            {
                throw new HoldRejectedException(HoldRejection.NotHeld, $"hold {holdId} is {row.Status}, not held");
            }
            // Four eyes: checked under the write lock, against the requester stored with the hold.
            if (string.Equals(row.RequestedBy, actor, StringComparison.Ordinal))
            {
                throw new HoldRejectedException(HoldRejection.SameActor, $"hold {holdId}: {actor} requested the determination that placed it and may not release it (four eyes)");
            }
            var previous = await ReadHeadRecordAsync(connection, transaction, cancellationToken);
            var record = await AppendAsync(connection, transaction, previous, new AuditEntry(at, actor, AuditPayloads.HoldReleased, new JsonObject
            {
                ["hold"] = holdId,
                ["order"] = row.OrderId,
                ["reasonCode"] = reasonCode,
                ["text"] = text,
                ["fingerprint"] = fingerprint,
            }), cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE holds SET status = 'released', released_by = @Actor, reason_code = @ReasonCode, release_text = @Text,
                                 fingerprint = @Fingerprint, released_at = @At, release_audit_sequence = @Sequence
                WHERE id = @Id
                """,
                new { Actor = actor, ReasonCode = reasonCode, Text = text, Fingerprint = fingerprint, At = ToColumn(record.At), record.Sequence, Id = holdId },
                transaction, cancellationToken: cancellationToken));
            return record;
        }, cancellationToken);

    /// <summary>
    /// Inside a write: the order's released holds lapse (the determination that calls for a hold shows that
    /// what the release relied on no longer stands) and a hold is placed, unless one is already held.
    /// </summary>
    private async Task<AuditRecord?> PlaceHoldAsync(DbConnection connection, DbTransaction transaction, HoldDocument hold, AuditRecord previous,
        string actor, Instant at, CancellationToken cancellationToken)
    {
        // The lapse is sealed too (named by the record that placed the new hold, or by a record of its own), so a
        // lapsed release cannot be turned back into a standing one behind the chain's back.
        var lapsed = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM holds WHERE order_id = @OrderId AND status = 'released' ORDER BY id",
            new { hold.OrderId }, transaction, cancellationToken: cancellationToken))).ToList();
        if (lapsed.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE holds SET status = 'lapsed' WHERE order_id = @OrderId AND status = 'released'",
                new { hold.OrderId }, transaction, cancellationToken: cancellationToken));
        }
        var held = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM holds WHERE order_id = @OrderId AND status = 'held'", new { hold.OrderId }, transaction, cancellationToken: cancellationToken));
        if (held > 0)
        {
            return lapsed.Count == 0 ? null : await AppendAsync(connection, transaction, previous, new AuditEntry(at, actor, AuditPayloads.HoldLapsed, new JsonObject
            {
                ["order"] = hold.OrderId,
                ["lapsed"] = LapsedIds(lapsed),
                ["determination"] = previous.Sequence,
            }), cancellationToken);
        }
        var record = await AppendAsync(connection, transaction, previous, new AuditEntry(at, actor, AuditPayloads.HoldPlaced, new JsonObject
        {
            ["order"] = hold.OrderId,
            ["outcome"] = hold.Outcome,
            ["reason"] = hold.Reason,
            ["determination"] = previous.Sequence,
            ["lapsed"] = LapsedIds(lapsed),
        }), cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO holds (order_id, status, outcome, reason, requested_by, placed_at, audit_sequence)
            VALUES (@OrderId, 'held', @Outcome, @Reason, @Actor, @At, @Sequence)
            """,
            new { hold.OrderId, hold.Outcome, hold.Reason, Actor = actor, At = ToColumn(record.At), record.Sequence },
            transaction, cancellationToken: cancellationToken));
        return record;
    }

    private static JsonArray LapsedIds(List<long> ids) => new([.. ids.Select(id => (JsonNode)id)]);

    private StoredHold ToHold(HoldRow r) => new(r.Id, r.OrderId, r.Status, r.Outcome, r.Reason, r.RequestedBy, ToInstant(r.PlacedAt), r.AuditSequence,
        r.ReleasedBy, r.ReasonCode, r.ReleaseText, r.Fingerprint, r.ReleasedAt is { } released ? ToInstant(released) : null);

    private sealed class HoldRow
    {
        public long Id { get; set; }
        public string OrderId { get; set; } = "";
        public string Status { get; set; } = "";
        public string Outcome { get; set; } = "";
        public string Reason { get; set; } = "";
        public string RequestedBy { get; set; } = "";
        public object PlacedAt { get; set; } = null!;
        public long AuditSequence { get; set; }
        public string? ReleasedBy { get; set; }
        public string? ReasonCode { get; set; }
        public string? ReleaseText { get; set; }
        public string? Fingerprint { get; set; }
        public object? ReleasedAt { get; set; }
        public long? ReleaseAuditSequence { get; set; }
    }
}
