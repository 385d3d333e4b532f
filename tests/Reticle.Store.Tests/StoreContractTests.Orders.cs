using NodaTime;
using Reticle.Licensing;

namespace Reticle.Store.Tests;

/// <summary>Orders in the store contract: recorded once, shipped atomically with their determination and licence use.</summary>
public abstract partial class StoreContractTests
{
    private static OrderDocument Order(string id) =>
        new(id, new LocalDate(2023, 12, 1), $$"""{"id": "{{id}}", "date": "2023-12-01"}""");

    private static DeterminationRecord Decided(string id, string outcome = "licensed") =>
        new(id, new LocalDate(2023, 12, 1), null, outcome, "rules-hash", $$"""{"id": "{{id}}"}""", $$"""{"transaction": "{{id}}", "outcome": "{{outcome}}"}""");

    [Fact]
    public async Task Orders_are_recorded_open_with_their_audit_records_and_an_id_is_recorded_once()
    {
        var records = await Store.AddOrdersAsync([Order("SO-1"), Order("SO-2")], "tester", T0);
        records.Select(r => r.Kind).ShouldBe(["order.added", "order.added"]);

        var orders = await Store.GetOrdersAsync();
        orders.Select(o => (o.Id, o.Status, o.PlannedDate, o.LatestOutcome)).ShouldBe(
            [("SO-1", OrderStatus.Open, new LocalDate(2023, 12, 1), (string?)null), ("SO-2", OrderStatus.Open, new LocalDate(2023, 12, 1), null)]);
        orders[0].AuditSequence.ShouldBe(records[0].Sequence);

        var duplicate = await Should.ThrowAsync<OrderRejectedException>(() => Store.AddOrdersAsync([Order("SO-3"), Order("SO-1")], "tester", T0));
        duplicate.Problems.Single().ShouldContain("'SO-1' is already recorded");
        (await Store.GetOrdersAsync()).Count.ShouldBe(2);
        (await VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task Shipping_records_the_determination_and_the_licence_use_and_closes_the_order()
    {
        await Store.AppendLicenseEventsAsync([new LicenseIssued(NlLicense())], "tester", T0);
        await Store.AddOrdersAsync([Order("SO-1"), Order("SO-2")], "tester", T0);

        var records = await Store.ShipOrderAsync("SO-1", Decided("SO-1"), [Shipment("SO-1")], ship: true, hold: null, "shipper", T0);
        records.Select(r => r.Kind).ShouldBe(["license.event", "determination", "order.shipped"]);
        await Store.ShipOrderAsync("SO-2", Decided("SO-2", "license-required"), [], ship: false, hold: null, "shipper", T0);

        var orders = await Store.GetOrdersAsync();
        orders.Select(o => (o.Id, o.Status, o.LatestOutcome)).ShouldBe([("SO-1", OrderStatus.Shipped, "licensed"), ("SO-2", OrderStatus.Open, "license-required")]);
        (await Store.GetOrdersAsync(OrderStatus.Open)).Select(o => o.Id).ShouldBe(["SO-2"]);
        (await Store.GetLicenseEventsAsync())[^1].Event.ShouldBeOfType<LicenseConsumed>().Reference.ShouldBe("SO-1");
        await Should.ThrowAsync<OrderRejectedException>(() => Store.ShipOrderAsync("SO-1", Decided("SO-1"), [], ship: true, hold: null, "shipper", T0));
        await Should.ThrowAsync<OrderRejectedException>(() => Store.ShipOrderAsync("SO-9", Decided("SO-9"), [], ship: true, hold: null, "shipper", T0));
        (await VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_shipment_whose_licence_use_is_refused_stores_nothing()
    {
        await Store.AppendLicenseEventsAsync([new LicenseIssued(NlLicense())], "tester", T0);
        await Store.AddOrdersAsync([Order("SO-1")], "tester", T0);
        var head = await Store.ReadAuditHeadAsync();

        await Should.ThrowAsync<LicenseEventRejectedException>(() => Store.ShipOrderAsync("SO-1", Decided("SO-1"), [Shipment("SO-1", 4)], ship: true, hold: null, "shipper", T0));

        (await Store.ReadAuditHeadAsync()).ShouldBe(head);
        (await Store.GetOrdersAsync()).Single().Status.ShouldBe(OrderStatus.Open);
        (await Store.GetDeterminationsAsync("SO-1")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Parallel_shipments_drawing_on_one_licence_line_never_overdraw_it()
    {
        const int shipments = 10;
        await Store.AppendLicenseEventsAsync([new LicenseIssued(NlLicense())], "tester", T0);
        await Store.AddOrdersAsync([.. Enumerable.Range(0, shipments).Select(i => Order($"SO-{i}"))], "tester", T0);
        var stores = Enumerable.Range(0, shipments).Select(_ => OpenStore(Database)).ToList();
        try
        {
            using var start = new Barrier(shipments);
            var shipped = await Task.WhenAll(stores.Select((store, i) => Task.Run(async () =>
            {
                start.SignalAndWait();
                try
                {
                    await store.ShipOrderAsync($"SO-{i}", Decided($"SO-{i}"), [Shipment($"SO-{i}")], ship: true, hold: null, $"shipper-{i}", T0);
                    return true;
                }
                catch (LicenseEventRejectedException)
                {
                    return false;
                }
            })));

            shipped.Count(s => s).ShouldBe(3);
            (await Store.GetOrdersAsync(OrderStatus.Shipped)).Count.ShouldBe(3);
            var line = LicenseBook.From((await Store.GetLicenseEventsAsync()).Select(e => e.Event))
                .StateOf("NL-2023-0042", new LocalDate(2023, 12, 2), null)!.Lines[0];
            line.Consumed.Quantity.ShouldBe(3);
            line.RemainingQuantity.ShouldBe(0);
            (await VerifyAsync()).IsIntact.ShouldBeTrue();
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }
}
