using System.Data.Common;
using System.Runtime.CompilerServices;
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
    // Rows sent to PostgreSQL per round trip while orders stream in: large enough that the network is not the limit, small
    // enough that a page of orders (their JSON twice: the row and its audit record) is a few megabytes.
    private const int OrderPage = 500;

    public async Task<IReadOnlyList<AuditRecord>> AddOrdersAsync(IReadOnlyList<OrderDocument> orders, string actor, Instant at, CancellationToken cancellationToken = default)
    {
        // Parsed before the transaction: malformed JSON is refused before anything is written.
        foreach (var order in orders)
        {
            JsonNode.Parse(order.InputJson);
        }
        var added = await AddOrdersAsync(orders.ToAsyncEnumerable(), actor, at, cancellationToken);
        if (added.Count == 0)
        {
            return [];
        }
        return await ReadAuditPageAsync(added.FirstSequence - 1, checked((int)added.Count), cancellationToken);
    }

    public Task<OrdersAdded> AddOrdersAsync(IAsyncEnumerable<OrderDocument> orders, string actor, Instant at, CancellationToken cancellationToken = default)
    {
        // A row that collides with an order already there is skipped, not an error, so that one pass finds every collision;
        // any collision then rolls the whole write back.
        var insert =
            $"""
            INSERT INTO orders (order_id, planned_date, status, input_json, audit_sequence, added_at)
            VALUES (@Id, {DateParameter("@PlannedDate")}, 'open', @InputJson, @AuditSequence, @AddedAt)
            ON CONFLICT (order_id) DO NOTHING
            """;
        return WriteAsync(async (connection, transaction) =>
        {
            // Read under the write lock: no other writer can add an order, or move the head, before this commits.
            var head = await ReadHeadRecordAsync(connection, transaction, cancellationToken);
            var previous = head;
            AuditRecord? first = null;
            long count = 0;
            var collided = new List<string>();
            await using (var rows = new RowBatch(connection, transaction))
            {
                await foreach (var order in orders.WithCancellation(cancellationToken))
                {
                    var record = AuditChain.Append(previous, new AuditEntry(at, actor, AuditPayloads.OrderAdded, new JsonObject
                    {
                        ["order"] = order.Id,
                        ["plannedDate"] = LocalDatePattern.Iso.Format(order.PlannedDate),
                        ["input"] = JsonNode.Parse(order.InputJson),
                    }));
                    await rows.AddAsync(InsertAuditRecord, AuditRecordColumns, AuditRecordValues(record), cancellationToken);
                    var id = order.Id;
                    await rows.AddAsync(insert, OrderColumns,
                        [order.Id, ToColumn(order.PlannedDate), order.InputJson, record.Sequence, ToColumn(record.At)], cancellationToken,
                        affected => { if (affected == 0) collided.Add(id); });
                    first ??= record;
                    previous = record;
                    count++;
                    if (rows.Pending >= OrderPage)
                    {
                        await rows.FlushAsync(cancellationToken);
                    }
                }
                if (count > 0)
                {
                    await rows.AddAsync(MoveHead, HeadColumns, [previous!.Sequence, previous.Hash], cancellationToken);
                }
                await rows.FlushAsync(cancellationToken);
            }
            if (collided.Count > 0)
            {
                throw new OrderRejectedException(await CollisionsAsync(connection, transaction, collided, head?.Sequence ?? 0, cancellationToken));
            }
            return new OrdersAdded(count, first?.Sequence ?? 0, previous?.Sequence ?? 0);
        }, cancellationToken);
    }

    private static readonly string[] OrderColumns = ["Id", "PlannedDate", "InputJson", "AuditSequence", "AddedAt"];

    /// <summary>
    /// Why each collided id was refused: an order recorded by this write (its record is after <paramref name="headBefore"/>)
    /// means the input gives the id more than once; any other was already on record.
    /// </summary>
    private static async Task<List<string>> CollisionsAsync(DbConnection connection, DbTransaction transaction, List<string> collided, long headBefore,
        CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var group in collided.GroupBy(id => id, StringComparer.Ordinal))
        {
            var sequence = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT audit_sequence FROM orders WHERE order_id = @Id", new { Id = group.Key }, transaction, cancellationToken: cancellationToken));
            problems.Add(sequence > headBefore
                ? $"order id '{group.Key}' occurs {group.Count() + 1} times; ids must be unique in one input"
                : $"order '{group.Key}' is already recorded");
        }
        return problems;
    }

    private string SelectOrder(string where, string orderBy) =>
        $"""
        SELECT o.order_id AS Id, o.planned_date AS PlannedDate, o.status AS Status, o.input_json AS InputJson,
               (SELECT d.outcome FROM determinations d WHERE d.transaction_id = o.order_id ORDER BY d.id DESC LIMIT 1) AS LatestOutcome,
               o.audit_sequence AS AuditSequence, o.added_at AS AddedAt
        FROM orders o
        {where}
        ORDER BY {orderBy}
        """;

    public async Task<IReadOnlyList<StoredOrder>> GetOrdersAsync(OrderStatus? status = null, CancellationToken cancellationToken = default)
    {
        var orders = new List<StoredOrder>();
        await foreach (var order in ReadOrdersAsync(status, cancellationToken))
        {
            orders.Add(order);
        }
        return orders;
    }

    public IAsyncEnumerable<StoredOrder> ReadOrdersAsync(OrderStatus? status = null, CancellationToken cancellationToken = default) =>
        StreamOrdersAsync(SelectOrder(status is null ? "" : "WHERE o.status = @Status", "o.planned_date, o.order_id"), new { Status = status?.ToWire() }, cancellationToken);

    public IAsyncEnumerable<StoredOrder> ReadOrdersAddedAsync(long firstSequence, long lastSequence, CancellationToken cancellationToken = default) =>
        StreamOrdersAsync(SelectOrder("WHERE o.audit_sequence BETWEEN @First AND @Last", "o.audit_sequence"), new { First = firstSequence, Last = lastSequence }, cancellationToken);

    public async Task<StoredOrder?> GetOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await foreach (var order in StreamOrdersAsync(SelectOrder("WHERE o.order_id = @Id", "o.order_id"), new { Id = orderId }, cancellationToken))
        {
            return order;
        }
        return null;
    }

    // One query read row by row (Dapper unbuffered): a row is mapped, handed on and dropped before the next is read.
    private async IAsyncEnumerable<StoredOrder> StreamOrdersAsync(string sql, object parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await foreach (var r in connection.QueryUnbufferedAsync<OrderRow>(sql, parameters).WithCancellation(cancellationToken))
        {
            yield return new StoredOrder(r.Id, ToDate(r.PlannedDate), OrderStatusNames.Parse(r.Status), r.InputJson, r.LatestOutcome, r.AuditSequence, ToInstant(r.AddedAt));
        }
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
