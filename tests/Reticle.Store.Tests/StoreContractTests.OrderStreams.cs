using System.Runtime.CompilerServices;
using NodaTime;
using Reticle.Licensing;

namespace Reticle.Store.Tests;

/// <summary>Orders written and read as streams: a book of any size in constant memory, still all or none.</summary>
public abstract partial class StoreContractTests
{
    private static async IAsyncEnumerable<OrderDocument> Orders(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new OrderDocument($"SO-{i:D5}", new LocalDate(2024, 1, 1).PlusDays(i % 400), $$"""{"id": "SO-{{i:D5}}", "n": {{i}}}""");
        }
    }

    [Fact]
    public async Task Orders_streamed_in_are_recorded_with_consecutive_audit_records_and_read_back_in_order()
    {
        // More than one page of rows (the store sends 500 at a time to PostgreSQL).
        var added = await Store.AddOrdersAsync(Orders(1_203), "tester", T0);

        added.Count.ShouldBe(1_203);
        (added.LastSequence - added.FirstSequence).ShouldBe(1_202);
        var back = await Store.ReadOrdersAddedAsync(added.FirstSequence, added.LastSequence).ToListAsync();
        back.Select(o => o.Id).ShouldBe(Enumerable.Range(0, 1_203).Select(i => $"SO-{i:D5}"));
        back.Select(o => o.AuditSequence).ShouldBe(Enumerable.Range(0, 1_203).Select(i => added.FirstSequence + i));
        var open = await Store.ReadOrdersAsync(OrderStatus.Open).ToListAsync();
        open.Select(o => (o.PlannedDate, o.Id)).ShouldBe(back.Select(o => (o.PlannedDate, o.Id)).OrderBy(o => o.PlannedDate).ThenBy(o => o.Id, StringComparer.Ordinal));
        (await Store.GetOrderAsync("SO-00007"))!.InputJson.ShouldBe("""{"id": "SO-00007", "n": 7}""");
        (await Store.GetOrderAsync("SO-99999")).ShouldBeNull();
        (await VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_streamed_book_with_ids_on_record_or_given_twice_names_each_and_stores_nothing()
    {
        await Store.AddOrdersAsync([Order("SO-00003")], "tester", T0);
        var head = await Store.ReadAuditHeadAsync();

        var rejected = await Should.ThrowAsync<OrderRejectedException>(() => Store.AddOrdersAsync(Orders(800).Concat(Orders(2)), "tester", T0));

        // Found in one pass: the order already recorded, and the ids the input gives twice (SO-00000 and SO-00001, again after 800 others).
        rejected.Problems.ShouldBe([
            "order 'SO-00003' is already recorded",
            "order id 'SO-00000' occurs 2 times; ids must be unique in one input",
            "order id 'SO-00001' occurs 2 times; ids must be unique in one input",
        ], ignoreOrder: true);
        (await Store.ReadAuditHeadAsync()).ShouldBe(head);
        (await Store.GetOrdersAsync()).Select(o => o.Id).ShouldBe(["SO-00003"]);
        (await VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_streamed_book_whose_input_fails_part_way_stores_nothing()
    {
        var head = await Store.ReadAuditHeadAsync();

        await Should.ThrowAsync<InvalidDataException>(() => Store.AddOrdersAsync(Orders(1_100).Concat(Failing()), "tester", T0));

        (await Store.ReadAuditHeadAsync()).ShouldBe(head);
        (await Store.GetOrdersAsync()).ShouldBeEmpty();

        static async IAsyncEnumerable<OrderDocument> Failing()
        {
            await Task.Yield();
            throw new InvalidDataException("line 1101: malformed");
#pragma warning disable CS0162 // an iterator needs a yield to be one
            yield break;
#pragma warning restore CS0162
        }
    }

    [Fact]
    public async Task Reading_orders_holds_one_at_a_time()
    {
        await Store.AddOrdersAsync(Orders(3_000), "tester", T0);

        // Each order read is let go before the next: a reader that buffered the result would keep every one alive.
        var seen = new List<WeakReference<StoredOrder>>();
        var alive = -1;
        await foreach (var order in Store.ReadOrdersAsync(OrderStatus.Open))
        {
            seen.Add(new WeakReference<StoredOrder>(order));
            if (seen.Count == 2_500)
            {
                alive = CountAlive(seen);
            }
        }

        seen.Count.ShouldBe(3_000);
        alive.ShouldBeLessThan(100);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int CountAlive(List<WeakReference<StoredOrder>> seen)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return seen.Count(w => w.TryGetTarget(out _));
    }

    [Fact]
    public async Task The_licence_book_version_moves_when_an_event_is_recorded_by_any_store_object()
    {
        var version = await SettledVersionAsync();

        // Recorded through another store object (another process, on PostgreSQL another node).
        await using (var other = OpenStore(Database))
        {
            await other.AppendLicenseEventsAsync([new LicenseIssued(NlLicense())], "tester", T0);
        }

        await EventuallyAsync(async () => await Store.LicenseBookVersionAsync() != version);
        var after = await SettledVersionAsync();
        (await Store.LicenseBookVersionAsync()).ShouldBe(after);
    }

    // Two reads alike: on PostgreSQL the token changes kind once, when the store starts listening.
    private async Task<long> SettledVersionAsync()
    {
        long version = 0;
        await EventuallyAsync(async () => (version = await Store.LicenseBookVersionAsync()) == await Store.LicenseBookVersionAsync());
        return version;
    }

    // A notification arrives a moment after the commit that sends it.
    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(20);
        }
        (await condition()).ShouldBeTrue("not within 2 s");
    }
}
