using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using NodaTime;
using NodaTime.Text;
using Reticle.Audit;
using Reticle.Licensing;

namespace Reticle.Store;

/// <summary>Orders: recorded with their audit records; shipped atomically with the determination and the licence use it draws.</summary>
public abstract partial class SqlStore
{
    public Task<IReadOnlyList<AuditRecord>> AddOrdersAsync(IReadOnlyList<OrderDocument> orders, string actor, Instant at, CancellationToken cancellationToken = default)
    {
        // Built before the transaction: malformed JSON is refused before anything is written.
        var entries = orders.Select(o => new AuditEntry(at, actor, AuditPayloads.OrderAdded, new JsonObject
        {
            ["order"] = o.Id,
            ["plannedDate"] = LocalDatePattern.Iso.Format(o.PlannedDate),
            ["input"] = JsonNode.Parse(o.InputJson),
        })).ToList();
        var insert =
            $"""
            INSERT INTO orders (order_id, planned_date, status, input_json, audit_sequence, added_at)
            VALUES (@Id, {DateParameter("@PlannedDate")}, 'open', @InputJson, @AuditSequence, @AddedAt)
            """;
        return WriteAsync(async (connection, transaction) =>
        {
            var problems = orders.GroupBy(o => o.Id, StringComparer.Ordinal).Where(g => g.Count() > 1)
                .Select(g => $"order id '{g.Key}' is given {g.Count()} times").ToList();
            foreach (var order in orders.DistinctBy(o => o.Id))
            {
                // Checked under the write lock, so two writers cannot both add the same id.
                if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                        "SELECT COUNT(*) FROM orders WHERE order_id = @Id", new { order.Id }, transaction, cancellationToken: cancellationToken)) > 0)
                {
                    problems.Add($"order '{order.Id}' is already recorded");
                }
            }
            if (problems.Count > 0)
            {
                throw new OrderRejectedException(problems);
            }
            var previous = await ReadHeadRecordAsync(connection, transaction, cancellationToken);
            var records = new List<AuditRecord>(orders.Count);
            for (var i = 0; i < orders.Count; i++)
            {
                var record = await AppendAsync(connection, transaction, previous, entries[i], cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(insert, new
                {
                    orders[i].Id,
                    PlannedDate = ToColumn(orders[i].PlannedDate),
                    orders[i].InputJson,
                    AuditSequence = record.Sequence,
                    AddedAt = ToColumn(record.At),
                }, transaction, cancellationToken: cancellationToken));
                records.Add(record);
                previous = record;
            }
            return (IReadOnlyList<AuditRecord>)records;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredOrder>> GetOrdersAsync(OrderStatus? status = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OrderRow>(new CommandDefinition(
            $"""
            SELECT o.order_id AS Id, o.planned_date AS PlannedDate, o.status AS Status, o.input_json AS InputJson,
                   (SELECT d.outcome FROM determinations d WHERE d.transaction_id = o.order_id ORDER BY d.id DESC LIMIT 1) AS LatestOutcome,
                   o.audit_sequence AS AuditSequence, o.added_at AS AddedAt
            FROM orders o
            {(status is null ? "" : "WHERE o.status = @Status")}
            ORDER BY o.planned_date, o.order_id
            """,
            new { Status = status?.ToWire() }, cancellationToken: cancellationToken));
        return rows.Select(r => new StoredOrder(r.Id, ToDate(r.PlannedDate), OrderStatusNames.Parse(r.Status), r.InputJson, r.LatestOutcome,
            r.AuditSequence, ToInstant(r.AddedAt))).ToList();
    }

    public async Task<IReadOnlyList<AuditRecord>> ShipOrderAsync(string orderId, DeterminationRecord determination, IReadOnlyList<LicenseEvent> licenseEvents, bool ship,
        HoldDocument? hold, string actor, Instant at, CancellationToken cancellationToken = default)
    {
        // Encoded before the transaction: malformed JSON is refused before anything is written.
        var decided = DeterminationSeal.Encode(determination);
        return await WriteAsync(async (connection, transaction) =>
        {
            var status = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT status FROM orders WHERE order_id = @Id", new { Id = orderId }, transaction, cancellationToken: cancellationToken));
            if (status is null)
            {
                throw new OrderRejectedException([$"order '{orderId}': no such order on record"]);
            }
            if (status != OrderStatus.Open.ToWire())
            {
                throw new OrderRejectedException([$"order '{orderId}' is {status}, not open"]);
            }
            var records = new List<AuditRecord>();
            if (licenseEvents.Count > 0)
            {
                // The book as it stands under the lock: a parallel shipment that drew the line first makes this one fail.
                var book = LicenseBook.From((await ReadLicenseEventsAsync(connection, transaction, cancellationToken)).Select(e => e.Event));
                records.AddRange(await AppendLicenseEventsAsync(connection, transaction, book, licenseEvents, actor, at, cancellationToken));
            }
            var previous = await ReadHeadRecordAsync(connection, transaction, cancellationToken);
            var record = await AppendAsync(connection, transaction, AuditChain.AppendEncoded(previous, at, actor, AuditPayloads.Determination, decided), cancellationToken);
            await InsertDeterminationAsync(connection, transaction, determination, record, cancellationToken);
            records.Add(record);
            if (ship)
            {
                var shipped = await AppendAsync(connection, transaction, record,
                    new AuditEntry(at, actor, AuditPayloads.OrderShipped, new JsonObject { ["order"] = orderId, ["determination"] = record.Sequence }), cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE orders SET status = 'shipped', status_audit_sequence = @Sequence WHERE order_id = @Id",
                    new { shipped.Sequence, Id = orderId }, transaction, cancellationToken: cancellationToken));
                records.Add(shipped);
            }
            if (hold is not null && await PlaceHoldAsync(connection, transaction, hold, record, actor, at, cancellationToken) is { } held)
            {
                records.Add(held);
            }
            return (IReadOnlyList<AuditRecord>)records;
        }, cancellationToken);
    }

    private sealed class OrderRow
    {
        public string Id { get; set; } = "";
        public object PlannedDate { get; set; } = null!;
        public string Status { get; set; } = "";
        public string InputJson { get; set; } = "";
        public string? LatestOutcome { get; set; }
        public long AuditSequence { get; set; }
        public object AddedAt { get; set; } = null!;
    }
}
