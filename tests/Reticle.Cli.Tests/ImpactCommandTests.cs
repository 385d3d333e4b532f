using System.Text.Json.Nodes;
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
        jan["value"]!["amount"]!.GetValue<decimal>().ShouldBe(65000000);
        (jan["material"]!.GetValue<bool>(), jan["worse"]!.GetValue<bool>()).ShouldBe((true, true));
        report["valueAtStake"]!.ToJsonString().ShouldBe("""[{"currency":"EUR","amount":130000000}]""");
    }

    [Fact]
    public async Task Impact_the_other_way_round_reports_the_same_orders_as_material_but_nothing_at_stake()
    {
        var run = await StoryAsync();
        var report = (await run.RunAsync("impact", "--known-at", "2024-01-02", "--vs", "2023-12-01", "--json")).Json;

        var changes = report["changes"]!.AsArray();
        changes.Select(c => (c!["transaction"]!.GetValue<string>(), c["after"]!["outcome"]!.GetValue<string>(), c["worse"]!.GetValue<bool>()))
            .ShouldBe([("SO-JAN", "licensed", false), ("SO-FEB", "licensed", false)]);
        report["valueAtStake"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_covering_licence_replaced_by_another_is_a_material_change_though_the_outcome_stays_licensed()
    {
        var run = await StoryAsync();
        // A second licence for the same lines, issued (so known) after the first was revoked: it covers SO-JAN and SO-FEB from then on.
        var second = LicenseJson.Replace(Id, "NL-2024-0007", StringComparison.Ordinal).Replace("\"issued\": \"2023-09-08\"", "\"issued\": \"2024-01-02\"", StringComparison.Ordinal);
        (await run.RunAsync("licenses", "add", Write(run, "second.json", second))).ExitCode.ShouldBe(0);

        var report = (await run.RunAsync("impact", "--known-at", "2023-12-01", "--vs", "2024-01-02", "--json")).Json;

        var jan = report["changes"]!.AsArray().Single(c => c!["transaction"]!.GetValue<string>() == "SO-JAN")!;
        (jan["before"]!["outcome"]!.GetValue<string>(), jan["after"]!["outcome"]!.GetValue<string>()).ShouldBe(("licensed", "licensed"));
        (jan["material"]!.GetValue<bool>(), jan["worse"]!.GetValue<bool>()).ShouldBe((true, false));
        Nl(jan["before"]!)["license"]!["id"]!.GetValue<string>().ShouldBe(Id);
        Nl(jan["after"]!)["license"]!["id"]!.GetValue<string>().ShouldBe("NL-2024-0007");
        report["valueAtStake"]!.AsArray().ShouldBeEmpty();
    }

    private static JsonNode Nl(JsonNode side) => side["jurisdictions"]!.AsArray().Single(j => j!["jurisdiction"]!.GetValue<string>() == "NL")!;

    // Japan's 2023 rules (published 2023-05-23) come into view: a DUV immersion scanner to China needs a licence, an i-line
    // stepper to the US is merely reached by them (JP: not-applicable → permitted), which is not a change that matters.
    private static async Task<CliRun> JapanAsync()
    {
        var run = new CliRun();
        var order = """
            {"id":"JP-CN","date":"2024-01-10","activity":"export","from":"JP","to":"CN",
             "item":{"sku":"NSR-S636E","origin":"JP","parameters":{"dedicatedChuckOverlayNm":1.5},"usControlledContentPercent":5,"containsUsOriginIc":false,
                     "producedByUsTechnologyPlant":false,"containsUsTechnologyPlantProduct":false},
             "quantity":1,"value":{"amount":5000000000,"currency":"JPY"},
             "parties":[{"role":"end-user","name":"Quiet Harbour Wafer Works","country":"CN","headquarters":"CN"},
                        {"role":"exporter","name":"Nikon Corporation","country":"JP","headquarters":"JP"}],
             "endUse":{"advancedNodeFacility":"no","militaryEndUse":"no"},"personnel":[{"name":"clerk","usPerson":false}]}
            """;
        var iline = order.Replace("JP-CN", "JP-ILINE-US", StringComparison.Ordinal).Replace("\"to\":\"CN\"", "\"to\":\"US\"", StringComparison.Ordinal)
            .Replace("\"sku\":\"NSR-S636E\",", "\"description\":\"i-line stepper\",", StringComparison.Ordinal)
            .Replace("{\"dedicatedChuckOverlayNm\":1.5}", "{\"kind\":\"lithography\",\"wavelengthNm\":365,\"numericalAperture\":0.65}", StringComparison.Ordinal)
            .Replace("\"country\":\"CN\",\"headquarters\":\"CN\"", "\"country\":\"US\",\"headquarters\":\"US\"", StringComparison.Ordinal)
            .Replace("\"amount\":5000000000", "\"amount\":300000000", StringComparison.Ordinal);
        (await run.RunAsync("orders", "add", Write(run, "orders.jsonl", Lines(order, iline)))).ExitCode.ShouldBe(0);
        return run;
    }

    [Fact]
    public async Task A_rule_coming_into_view_reports_the_orders_it_restricts_with_their_value_and_not_those_it_merely_reaches()
    {
        var run = await JapanAsync();

        var report = (await run.RunAsync("impact", "--known-at", "2023-05-01", "--vs", "2023-06-01", "--json")).Json;

        report["changes"]!.AsArray().Select(c => c!["transaction"]!.GetValue<string>()).ShouldBe(["JP-CN"]);
        (report["evaluated"]!.GetValue<int>(), report["unchanged"]!.GetValue<int>(), report["immaterial"]!.GetValue<int>()).ShouldBe((2, 1, 1));
        report["valueAtStake"]!.ToJsonString().ShouldBe("""[{"currency":"JPY","amount":5000000000}]""");
        var text = (await run.RunAsync("impact", "--known-at", "2023-05-01", "--vs", "2023-06-01")).Out;
        text.ShouldContain("value at stake: 5,000,000,000 JPY");
        text.ShouldContain("1 moved only between not-applicable and permitted (--all lists them)");
        text.ShouldNotContain("JP-ILINE-US");
    }

    [Fact]
    public async Task With_all_the_orders_that_moved_only_between_not_applicable_and_permitted_are_listed_as_not_material()
    {
        var run = await JapanAsync();

        var report = (await run.RunAsync("impact", "--known-at", "2023-05-01", "--vs", "2023-06-01", "--all", "--json")).Json;
        var changes = report["changes"]!.AsArray();
        changes.Select(c => (c!["transaction"]!.GetValue<string>(), c["material"]!.GetValue<bool>())).ShouldBe([("JP-CN", true), ("JP-ILINE-US", false)]);
        (report["unchanged"]!.GetValue<int>(), report["immaterial"]!.GetValue<int>()).ShouldBe((1, 1));
        report["valueAtStake"]!.ToJsonString().ShouldBe("""[{"currency":"JPY","amount":5000000000}]""");

        // The other way round (the rules going out of view) is the same: JP permitted → not-applicable matters only with --all.
        var back = (await run.RunAsync("impact", "--known-at", "2023-06-01", "--vs", "2023-05-01", "--json")).Json;
        back["changes"]!.AsArray().Select(c => c!["transaction"]!.GetValue<string>()).ShouldBe(["JP-CN"]);
        back["immaterial"]!.GetValue<int>().ShouldBe(1);
        back["valueAtStake"]!.AsArray().ShouldBeEmpty();
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
        result.Out.ShouldContain("SO-JAN on 2024-01-02 [65,000,000 EUR]: licensed → license-required (worse)");
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
