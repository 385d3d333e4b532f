using static Reticle.Cli.Tests.LicenseFixtures;
using static Reticle.Cli.Tests.OrdersCommandTests;

namespace Reticle.Cli.Tests;

/// <summary><c>reticle holds</c> and <c>holds release</c>: four eyes, and releases that lapse when what they relied on changes.</summary>
public sealed class HoldsCommandTests
{
    private static async Task<CliRun> HeldOrderAsync()
    {
        var run = new CliRun().As("test:alice");
        await AddLicensesOnShippingDayAsync(run);
        await run.RunAsync("orders", "add", Write(run, "orders.jsonl", Lines(UnlistedShipment("SO-JAN", "2024-01-02"))));
        // Revoked from the test clock's 2026-11-25, the day the order ships (and is decided); the EU licence is the one that day needs.
        await run.RunAsync("licenses", "revoke", EuId, "--effective", "2026-11-25", "--announced", "2026-11-25", "--line", "1", "--reason", "partial revocation");
        var shipped = await run.RunAsync("orders", "ship", "SO-JAN");
        shipped.ExitCode.ShouldBe(0, shipped.Error);
        shipped.Out.ShouldContain("SO-JAN NOT shipped: license-required on 2026-11-25; the order stays open, held (hold 1)");
        return run;
    }

    [Fact]
    public async Task A_determination_that_stops_an_order_places_one_hold_with_the_reason()
    {
        var run = await HeldOrderAsync();
        (await run.RunAsync("orders", "ship", "SO-JAN")).ExitCode.ShouldBe(0);

        var holds = (await run.RunAsync("holds", "--json")).Json.AsArray();
        var hold = holds.ShouldHaveSingleItem()!;
        hold["order"]!.GetValue<string>().ShouldBe("SO-JAN");
        hold["status"]!.GetValue<string>().ShouldBe("held");
        hold["outcome"]!.GetValue<string>().ShouldBe("license-required");
        hold["reason"]!.GetValue<string>().ShouldContain("EU: license-required (EU-2023-0042 line 1: revoked from 2026-11-25");
        hold["requestedBy"]!.GetValue<string>().ShouldBe("test:alice");
        (await run.RunAsync("holds")).Out.ShouldContain("SO-JAN");
    }

    [Fact]
    public async Task The_requester_may_not_release_their_own_hold()
    {
        var run = await HeldOrderAsync();
        var result = await run.RunAsync("holds", "release", "1", "--reason-code", "licence-outside-system", "--text", "paper licence on file");
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("four eyes");
        (await run.RunAsync("holds", "--json")).Json[0]!["status"]!.GetValue<string>().ShouldBe("held");
        (await run.As("test:bob").RunAsync("holds", "release", "9", "--reason-code", "x", "--text", "y")).ExitCode.ShouldBe(1);
        (await run.RunAsync("holds", "release", "1", "--text", "y")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task A_release_by_a_second_person_lets_the_order_ship_while_nothing_relevant_changed()
    {
        var run = await HeldOrderAsync();
        var released = await run.As("test:bob").RunAsync("holds", "release", "1", "--reason-code", "licence-outside-system", "--text", "paper licence on file");
        released.ExitCode.ShouldBe(0, released.Error);
        (await run.RunAsync("holds", "--json")).Json[0]!["releaseStands"]!.GetValue<bool>().ShouldBeTrue();

        var shipped = await run.As("test:alice").RunAsync("orders", "ship", "SO-JAN");
        shipped.ExitCode.ShouldBe(0, shipped.Error);
        shipped.Out.ShouldContain("SO-JAN shipped on 2026-11-25: license-required; under the release of hold 1 by test:bob (licence-outside-system)");
        (await run.RunAsync("orders", "--json")).Json[0]!["status"]!.GetValue<string>().ShouldBe("shipped");
    }

    [Fact]
    public async Task A_release_lapses_when_a_licence_changes_and_the_order_is_held_again()
    {
        var run = await HeldOrderAsync();
        await run.As("test:bob").RunAsync("holds", "release", "1", "--reason-code", "licence-outside-system", "--text", "paper licence on file");
        await run.As("test:alice").RunAsync("licenses", "revoke", Id, "--effective", "2027-06-01", "--announced", "2026-11-25", "--line", "2");
        (await run.RunAsync("holds", "--json")).Json[0]!["releaseStands"]!.GetValue<bool>().ShouldBeFalse();

        var again = await run.RunAsync("orders", "ship", "SO-JAN");
        again.ExitCode.ShouldBe(0, again.Error);
        again.Out.ShouldContain("NOT shipped");
        var holds = (await run.RunAsync("holds", "--json")).Json.AsArray();
        holds.Select(h => h!["status"]!.GetValue<string>()).ShouldBe(["lapsed", "held"]);
    }
}
