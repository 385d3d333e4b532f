using System.Text.Json.Nodes;
using NodaTime;
using Reticle.Input;
using Reticle.Licensing;
using Reticle.Model;

namespace Reticle.Store.Tests;

/// <summary>Licence events in the store contract: append-only, checked against the stored book, each with its audit record.</summary>
public abstract partial class StoreContractTests
{
    private const string LicenseJsonText = """
        { "id": "NL-2023-0042", "jurisdiction": "NL", "holder": "ASML Netherlands B.V.",
          "issued": "2023-09-08", "validFrom": "2023-09-10", "validUntil": "2024-12-31",
          "destinations": ["CN"],
          "parties": [ { "role": "end-user", "name": "Semiconductor Manufacturing International (Beijing) Corporation" } ],
          "lines": [ { "item": { "sku": "NXT:2050i" }, "quantity": 3, "value": { "amount": 195000000, "currency": "EUR" } },
                     { "item": { "sku": "NXT:2100i" }, "quantity": 2, "value": { "amount": 150000000, "currency": "EUR" } } ],
          "conditions": ["no re-export without the Minister's consent"] }
        """;

    protected static License NlLicense()
    {
        var errors = new List<InputError>();
        var licenses = LicenseReader.Read("test.json", LicenseJsonText, errors);
        errors.ShouldBeEmpty();
        return licenses.Single();
    }

    protected static LicenseConsumed Shipment(string reference, decimal quantity = 1, int line = 1) =>
        new("NL-2023-0042", line, quantity, new Money(65_000_000m * quantity, "EUR"), reference, new LocalDate(2023, 12, 1), new LocalDate(2023, 12, 1));

    [Fact]
    public async Task Licence_events_read_back_in_recorded_order_with_their_audit_records()
    {
        var revocation = new LicenseRevoked("NL-2023-0042", RevocationScope.ForLines([1]), new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 1), "partial revocation");
        var records = await Store.AppendLicenseEventsAsync([new LicenseIssued(NlLicense()), Shipment("SO-1"), revocation], "tester", T0);

        var stored = await Store.GetLicenseEventsAsync();
        stored.Select(e => Json(e.Event)).ShouldBe([Json(new LicenseIssued(NlLicense())), Json(Shipment("SO-1")), Json(revocation)]);
        stored.Select(e => e.AuditSequence).ShouldBe(records.Select(r => r.Sequence));
        records.ShouldAllBe(r => r.Kind == "license.event");
        JsonNode.Parse(records[2].Payload)!["scope"]!["lines"]!.AsArray().Select(n => n!.GetValue<int>()).ShouldBe([1]);
        var book = LicenseBook.From(stored.Select(e => e.Event));
        book.StateOf("NL-2023-0042", new LocalDate(2024, 1, 2), null)!.Lines[0].Revocation.ShouldNotBeNull();
        book.StateOf("NL-2023-0042", new LocalDate(2023, 12, 2), null)!.Lines[0].RemainingQuantity.ShouldBe(2);
        (await VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task The_licence_event_count_moves_with_every_event_recorded_and_not_with_a_refused_batch()
    {
        (await Store.CountLicenseEventsAsync()).ShouldBe(0);
        await Store.AppendLicenseEventsAsync([new LicenseIssued(NlLicense()), Shipment("SO-1")], "tester", T0);
        (await Store.CountLicenseEventsAsync()).ShouldBe(2);

        await Should.ThrowAsync<LicenseEventRejectedException>(() => Store.AppendLicenseEventsAsync([Shipment("SO-2"), new LicenseIssued(NlLicense())], "tester", T0));
        (await Store.CountLicenseEventsAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task A_licence_event_the_book_refuses_stores_nothing_of_the_batch()
    {
        await Store.AppendLicenseEventsAsync([new LicenseIssued(NlLicense())], "tester", T0);
        var head = await Store.ReadAuditHeadAsync();

        var duplicate = await Should.ThrowAsync<LicenseEventRejectedException>(() =>
            Store.AppendLicenseEventsAsync([Shipment("SO-1"), new LicenseIssued(NlLicense())], "tester", T0));
        duplicate.Problems.Single().ShouldContain("already recorded");
        var overdraw = await Should.ThrowAsync<LicenseEventRejectedException>(() =>
            Store.AppendLicenseEventsAsync([Shipment("SO-1", 2), Shipment("SO-2", 2)], "tester", T0));
        overdraw.Problems.Single().ShouldContain("overdraw");
        await Should.ThrowAsync<LicenseEventRejectedException>(() =>
            Store.AppendLicenseEventsAsync([new LicenseRevoked("NL-2023-0042", RevocationScope.ForLines([7]), new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 1), null)], "tester", T0));

        (await Store.GetLicenseEventsAsync()).Count.ShouldBe(1);
        (await Store.ReadAuditHeadAsync()).ShouldBe(head);
    }

    [Fact]
    public async Task Concurrent_uses_of_one_licence_line_never_overdraw_it()
    {
        await Store.AppendLicenseEventsAsync([new LicenseIssued(NlLicense())], "tester", T0);
        const int shippers = 8;
        var stores = Enumerable.Range(0, shippers).Select(_ => OpenStore(Database)).ToList();
        try
        {
            var results = await Task.WhenAll(stores.Select((store, i) => Task.Run(async () =>
            {
                try
                {
                    await store.AppendLicenseEventsAsync([Shipment($"SO-{i}")], $"shipper-{i}", T0);
                    return true;
                }
                catch (LicenseEventRejectedException)
                {
                    return false;
                }
            })));

            results.Count(ok => ok).ShouldBe(3);
            var book = LicenseBook.From((await Store.GetLicenseEventsAsync()).Select(e => e.Event));
            var line = book.StateOf("NL-2023-0042", new LocalDate(2023, 12, 2), null)!.Lines[0];
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

    // Compared as stored JSON: records holding immutable arrays compare those by reference.
    private static string Json(LicenseEvent e) => LicenseEventJson.ToJson(e).ToJsonString();
}
