using System.Text.Json.Nodes;
using static Reticle.Cli.Tests.LicenseFixtures;

namespace Reticle.Cli.Tests;

/// <summary><c>reticle orders</c>, <c>orders add</c> and <c>orders ship</c> through the real entry point on SQLite.</summary>
public sealed class OrdersCommandTests
{
    internal static string Lines(params string[] transactions) =>
        string.Join("\n", transactions.Select(t => JsonNode.Parse(t)!.ToJsonString())) + "\n";

    [Fact]
    public async Task Orders_are_added_open_and_listed_with_status_and_latest_outcome()
    {
        var run = new CliRun();
        var added = await run.RunAsync("orders", "add", Write(run, "orders.jsonl", Lines(Shipment("SO-1", "2023-12-15"), Shipment("SO-2", "2024-01-02"))));
        added.ExitCode.ShouldBe(0, added.Error);

        var listed = (await run.RunAsync("orders", "--json")).Json.AsArray();
        listed.Select(o => (o!["id"]!.GetValue<string>(), o["date"]!.GetValue<string>(), o["status"]!.GetValue<string>()))
            .ShouldBe([("SO-1", "2023-12-15", "open"), ("SO-2", "2024-01-02", "open")]);
        listed[0]!["latestOutcome"].ShouldBeNull();
        (await run.RunAsync("orders")).Out.ShouldContain("SO-2");
    }

    [Fact]
    public async Task An_order_id_already_on_record_is_rejected_and_nothing_is_stored()
    {
        var run = new CliRun();
        await run.RunAsync("orders", "add", Write(run, "one.json", Shipment("SO-1", "2023-12-15")));
        var again = await run.RunAsync("orders", "add", Write(run, "two.jsonl", Lines(Shipment("SO-2", "2023-12-15"), Shipment("SO-1", "2023-12-16"))));
        again.ExitCode.ShouldBe(1);
        again.Error.ShouldContain("two.jsonl: order 'SO-1' is already recorded");
        (await run.RunAsync("orders", "--json")).Json.AsArray().Count.ShouldBe(1);

        var twice = await run.RunAsync("orders", "add", Write(run, "three.jsonl", Lines(Shipment("SO-3", "2023-12-15"), Shipment("SO-3", "2023-12-16"))));
        twice.ExitCode.ShouldBe(1);
        twice.Error.ShouldContain("'SO-3' occurs 2 times");
    }

    [Fact]
    public async Task A_bad_order_is_rejected_naming_the_field()
    {
        var run = new CliRun();
        var result = await run.RunAsync("orders", "add", Write(run, "bad.json", Shipment("SO-1", "2023-12-15").Replace("\"to\": \"CN\"", "\"to\": \"XX\"", StringComparison.Ordinal)));
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("bad.json.to: unknown country code 'XX'");
        (await run.RunAsync("orders", "--json")).Json.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Shipping_a_licensed_order_draws_the_licence_line_and_a_revoked_line_keeps_the_order_open()
    {
        var run = new CliRun();
        await run.RunAsync("licenses", "add", Write(run, "licence.json", LicenseJson));
        await run.RunAsync("orders", "add", Write(run, "orders.jsonl", Lines(Shipment("SO-DEC", "2023-12-15"), Shipment("SO-JAN", "2024-01-02"))));

        var shipped = await run.RunAsync("orders", "ship", "SO-DEC");
        shipped.ExitCode.ShouldBe(0, shipped.Error);
        shipped.Out.ShouldContain("SO-DEC shipped on 2023-12-15: licensed; drew 1 from NL-2023-0042 line 1");
        var licence = (await run.RunAsync("licenses", "show", Id, "--json")).Json;
        licence["lines"]![0]!["remainingQuantity"]!.GetValue<decimal>().ShouldBe(2);
        licence["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["issued", "consumed"]);
        (await run.RunAsync("orders", "ship", "SO-DEC")).ExitCode.ShouldBe(1);

        await run.RunAsync("licenses", "revoke", Id, "--effective", "2024-01-01", "--announced", "2024-01-01", "--line", "1");
        var refused = await run.RunAsync("orders", "ship", "SO-JAN", "--json");
        refused.ExitCode.ShouldBe(0, refused.Error);
        refused.Json["shipped"]!.GetValue<bool>().ShouldBeFalse();
        refused.Json["outcome"]!.GetValue<string>().ShouldBe("license-required");

        var orders = (await run.RunAsync("orders", "--json")).Json.AsArray();
        orders.Select(o => (o!["id"]!.GetValue<string>(), o["status"]!.GetValue<string>(), o["latestOutcome"]!.GetValue<string>()))
            .ShouldBe([("SO-DEC", "shipped", "licensed"), ("SO-JAN", "open", "license-required")]);
        (await run.RunAsync("orders", "ship", "SO-NONE")).ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task Parallel_shipments_through_the_command_line_never_overdraw_a_licence_line()
    {
        var run = new CliRun();
        await run.RunAsync("licenses", "add", Write(run, "licence.json", LicenseJson));
        var ids = Enumerable.Range(1, 5).Select(i => $"SO-{i}").ToArray();
        await run.RunAsync("orders", "add", Write(run, "orders.jsonl", Lines([.. ids.Select(id => Shipment(id, "2023-12-15"))])));

        var results = await Task.WhenAll(ids.Select(id => Task.Run(() => run.RunAsync("orders", "ship", id, "--json"))));

        results.ShouldAllBe(r => r.ExitCode == 0);
        results.Count(r => r.Json["shipped"]!.GetValue<bool>()).ShouldBe(3);
        (await run.RunAsync("licenses", "show", Id, "--json")).Json["lines"]![0]!["remainingQuantity"]!.GetValue<decimal>().ShouldBe(0);
    }
}
