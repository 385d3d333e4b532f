using System.Text;
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
    public async Task A_book_in_JSON_Lines_is_recorded_as_read_and_answered_from_the_store()
    {
        var run = new CliRun();
        var book = Lines([.. Enumerable.Range(1, 40).Select(i => Shipment($"SO-{i:D3}", $"2024-01-{i % 28 + 1:D2}"))]);
        var added = await run.RunAsync("orders", "add", Write(run, "book.jsonl", book), "--json");
        added.ExitCode.ShouldBe(0, added.Error);

        var answer = added.Json.AsArray();
        answer.Select(o => o!["id"]!.GetValue<string>()).ShouldBe(Enumerable.Range(1, 40).Select(i => $"SO-{i:D3}"));
        answer.Select(o => o!["status"]!.GetValue<string>()).Distinct().ShouldBe(["open"]);
        var sequences = answer.Select(o => o!["auditSequence"]!.GetValue<long>()).ToList();
        sequences.ShouldBe(Enumerable.Range(0, 40).Select(i => sequences[0] + i));
        answer[0]!["date"]!.GetValue<string>().ShouldBe("2024-01-02");
        (await run.RunAsync("audit", "verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task A_book_in_JSON_Lines_names_every_bad_line_and_stores_nothing()
    {
        var run = new CliRun();
        var good = Lines(Shipment("SO-1", "2023-12-15")).TrimEnd('\n');
        var bad = Lines(Shipment("SO-2", "2023-12-15")).TrimEnd('\n').Replace("\"to\":\"CN\"", "\"to\":\"XX\"", StringComparison.Ordinal);
        bad.ShouldContain("XX");
        var prefix = Encoding.UTF8.GetBytes($"{good}\n{bad}\n{Lines(Shipment("SO-3", "2023-12-15"))}");
        var latin = Encoding.UTF8.GetBytes(Lines(Shipment("SO-4", "2023-12-15")));
        var at = Array.IndexOf(latin, (byte)'S', 10);
        latin[at] = 0xFF;
        var file = Path.Combine(run.DataDirectory, "book.jsonl");
        Directory.CreateDirectory(run.DataDirectory);
        await System.IO.File.WriteAllBytesAsync(file, [.. prefix, .. latin]);

        var result = await run.RunAsync("orders", "add", file);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain($"{file}:2.to: unknown country code 'XX'");
        result.Error.ShouldContain($"{file}: invalid UTF-8 at byte offset {prefix.Length + at:N0}");
        (await run.RunAsync("orders", "--json")).Json.AsArray().ShouldBeEmpty();
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
        await AddLicensesOnShippingDayAsync(run);
        // Planned in 2023 and 2024; shipped on the test clock's 2026-11-25, the day the licences must cover.
        await run.RunAsync("orders", "add", Write(run, "orders.jsonl", Lines(UnlistedShipment("SO-DEC", "2023-12-15"), UnlistedShipment("SO-JAN", "2024-01-02"))));

        var shipped = await run.RunAsync("orders", "ship", "SO-DEC");
        shipped.ExitCode.ShouldBe(0, shipped.Error);
        shipped.Out.ShouldContain("SO-DEC shipped on 2026-11-25: licensed");
        // On 2026-11-25 the EU licence is the one needed: from 2025-11-15 the Dutch list yields to Annex I (Art. 9(1)).
        shipped.Out.ShouldContain("drew 1 from EU-2023-0042 line 1");
        shipped.Out.ShouldNotContain("NL-2023-0042");
        var licence = (await run.RunAsync("licenses", "show", EuId, "--json")).Json;
        licence["lines"]![0]!["remainingQuantity"]!.GetValue<decimal>().ShouldBe(2);
        licence["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["issued", "consumed"]);
        licence["events"]![1]!["effective"]!.GetValue<string>().ShouldBe("2026-11-25");
        (await run.RunAsync("orders", "ship", "SO-DEC")).ExitCode.ShouldBe(1);

        // Revoked from the day of shipping: SO-JAN, planned while the line stood, is decided on that day and refused.
        await run.RunAsync("licenses", "revoke", EuId, "--effective", "2026-11-25", "--announced", "2026-11-25", "--line", "1");
        var refused = await run.RunAsync("orders", "ship", "SO-JAN", "--json");
        refused.ExitCode.ShouldBe(0, refused.Error);
        refused.Json["shipped"]!.GetValue<bool>().ShouldBeFalse();
        refused.Json["outcome"]!.GetValue<string>().ShouldBe("license-required");

        var orders = (await run.RunAsync("orders", "--json")).Json.AsArray();
        orders.Select(o => (o!["id"]!.GetValue<string>(), o["status"]!.GetValue<string>(), o["latestOutcome"]!.GetValue<string>()))
            .ShouldBe([("SO-DEC", "shipped", "licensed"), ("SO-JAN", "open", "license-required")]);
        (await run.RunAsync("orders", "ship", "SO-NONE")).ExitCode.ShouldBe(1);
    }

    /// <summary>
    /// Issue 14 item 2: an order planned on 2023-08-31 (before the Dutch rule; permitted on that day) shipped on the test clock's
    /// 2026-11-25 is decided on 2026-11-25, when EU law requires a licence (the Dutch list yields to Annex I from 2025-11-15), so it is not shipped and is held.
    /// </summary>
    internal static async Task A_backdated_order_is_held_on_the_day_it_ships(CliRun run)
    {
        await run.RunAsync("orders", "add", Write(run, "old.json", UnlistedShipment("SO-OLD", "2023-08-31")));
        (await run.RunAsync("check", Write(run, "old-check.json", UnlistedShipment("SO-OLD", "2023-08-31")), "--json")).Json["outcome"]!.GetValue<string>().ShouldBe("permitted");

        var text = await run.RunAsync("orders", "ship", "SO-OLD");
        text.ExitCode.ShouldBe(0, text.Error);
        text.Out.ShouldContain("SO-OLD NOT shipped: license-required on 2026-11-25; the order stays open, held (hold 1)");
        var again = (await run.RunAsync("orders", "ship", "SO-OLD", "--json")).Json;
        (again["shipped"]!.GetValue<bool>(), again["outcome"]!.GetValue<string>()).ShouldBe((false, "license-required"));
        again["determination"]!["asOf"]!.GetValue<string>().ShouldBe("2026-11-25");
        again["determination"]!["jurisdictions"]!.AsArray()
            .Where(j => j!["outcome"]!.GetValue<string>() == "license-required").Select(j => j!["jurisdiction"]!.GetValue<string>()).ShouldBe(["EU"]);
        again["consumed"]!.AsArray().ShouldBeEmpty();
        var hold = (await run.RunAsync("holds", "--json")).Json.AsArray().ShouldHaveSingleItem()!;
        (hold["order"]!.GetValue<string>(), hold["status"]!.GetValue<string>()).ShouldBe(("SO-OLD", "held"));
        // The planned date stays on record (impact analysis decides open orders on it).
        var order = (await run.RunAsync("orders", "--json")).Json.AsArray().ShouldHaveSingleItem()!;
        (order["date"]!.GetValue<string>(), order["status"]!.GetValue<string>()).ShouldBe(("2023-08-31", "open"));
    }

    [Fact]
    public async Task A_backdated_order_is_decided_on_the_day_it_ships_not_on_its_planned_date() =>
        await A_backdated_order_is_held_on_the_day_it_ships(new CliRun());

    [Fact]
    public async Task Parallel_shipments_through_the_command_line_never_overdraw_a_licence_line()
    {
        var run = new CliRun();
        await AddLicensesOnShippingDayAsync(run);
        var ids = Enumerable.Range(1, 5).Select(i => $"SO-{i}").ToArray();
        await run.RunAsync("orders", "add", Write(run, "orders.jsonl", Lines([.. ids.Select(id => UnlistedShipment(id, "2023-12-15"))])));

        var results = await Task.WhenAll(ids.Select(id => Task.Run(() => run.RunAsync("orders", "ship", id, "--json"))));

        results.ShouldAllBe(r => r.ExitCode == 0);
        results.Count(r => r.Json["shipped"]!.GetValue<bool>()).ShouldBe(3);
        (await run.RunAsync("licenses", "show", EuId, "--json")).Json["lines"]![0]!["remainingQuantity"]!.GetValue<decimal>().ShouldBe(0);
    }
}
