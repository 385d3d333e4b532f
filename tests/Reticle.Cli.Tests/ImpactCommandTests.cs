using static Reticle.Cli.Tests.LicenseFixtures;
using static Reticle.Cli.Tests.OrdersCommandTests;

namespace Reticle.Cli.Tests;

/// <summary><c>reticle impact</c> through the real entry point on SQLite: the founding revocation story.</summary>
public sealed class ImpactCommandTests
{
    private static async Task<CliRun> StoryAsync()
    {
        var run = new CliRun();
        (await run.RunAsync("licenses", "add", Write(run, "licence.json", LicenseJson))).ExitCode.ShouldBe(0);
        var orders = Lines(
            Shipment("SO-NOV", "2023-11-20"),
            Shipment("SO-DEC", "2023-12-15"),
            Shipment("SO-JAN", "2024-01-02"),
            Shipment("SO-FEB", "2024-02-01"),
            Shipment("SO-US", "2024-02-01").Replace("\"to\": \"CN\"", "\"to\": \"US\"", StringComparison.Ordinal));
        (await run.RunAsync("orders", "add", Write(run, "orders.jsonl", orders))).ExitCode.ShouldBe(0);
        (await run.RunAsync("licenses", "revoke", Id, "--effective", "2024-01-01", "--announced", "2024-01-01", "--line", "1", "--reason", "partial revocation"))
            .ExitCode.ShouldBe(0);
        return run;
    }

    [Fact]
    public async Task Impact_of_the_partial_revocation_lists_exactly_the_open_orders_it_hits_and_why()
    {
        var run = await StoryAsync();

        var result = await run.RunAsync("impact", "--known-at", "2023-12-01", "--vs", "2024-01-02", "--json");
        result.ExitCode.ShouldBe(0, result.Error);
        var report = result.Json;
        report["knownAt"]!.GetValue<string>().ShouldBe("2023-12-01");
        report["vs"]!.GetValue<string>().ShouldBe("2024-01-02");
        report["evaluated"]!.GetValue<int>().ShouldBe(5);
        report["unchanged"]!.GetValue<int>().ShouldBe(3);
        var changes = report["changes"]!.AsArray();
        changes.Select(c => c!["transaction"]!.GetValue<string>()).ShouldBe(["SO-JAN", "SO-FEB"]);
        var jan = changes[0]!;
        jan["date"]!.GetValue<string>().ShouldBe("2024-01-02");
        jan["before"]!["outcome"]!.GetValue<string>().ShouldBe("licensed");
        jan["after"]!["outcome"]!.GetValue<string>().ShouldBe("license-required");
        jan["after"]!["jurisdictions"]!.AsArray().ShouldNotBeEmpty();
        jan["because"]!.AsArray().Select(b => b!.GetValue<string>())
            .ShouldBe(["licence NL-2023-0042 line 1 revoked from 2024-01-01 (announced 2024-01-01): partial revocation"]);
    }

    [Fact]
    public async Task Impact_between_two_dates_before_the_revocation_was_announced_finds_nothing()
    {
        var run = await StoryAsync();
        var report = (await run.RunAsync("impact", "--known-at", "2023-12-01", "--vs", "2023-12-31", "--json")).Json;
        report["changes"]!.AsArray().ShouldBeEmpty();
        report["unchanged"]!.GetValue<int>().ShouldBe(5);
    }

    [Fact]
    public async Task Impact_since_a_date_compares_with_today_and_prints_the_reasons()
    {
        var run = await StoryAsync();
        var result = await run.RunAsync("impact", "--since", "2023-12-01");
        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("known at 2023-12-01 vs 2026-11-25");
        result.Out.ShouldContain("SO-JAN on 2024-01-02: licensed → license-required");
        result.Out.ShouldContain("because: licence NL-2023-0042 line 1 revoked from 2024-01-01");
    }

    [Theory]
    [InlineData("impact")]
    [InlineData("impact", "--known-at", "2023-12-01")]
    [InlineData("impact", "--since", "2023-12-01", "--vs", "2024-01-02")]
    [InlineData("impact", "--known-at", "2023-02-30", "--vs", "2024-01-02")]
    public async Task Impact_without_two_dates_is_a_usage_error(params string[] args)
    {
        (await new CliRun().RunAsync(args)).ExitCode.ShouldBe(2);
    }
}
