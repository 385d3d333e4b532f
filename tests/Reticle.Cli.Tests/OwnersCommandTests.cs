using System.Text.Json.Nodes;

namespace Reticle.Cli.Tests;

/// <summary>
/// Ownership through the command line (CONTRACT §10): a subsidiary of a listed company that no name screening finds is
/// caught by the BIS Affiliates rule with its path, on the dates the rule is in force and not during its stay.
/// </summary>
public sealed class OwnersCommandTests
{
    private static readonly string Owners = Repository.Sample(Path.Combine("ownership", "owners.csv"));
    private static readonly string Order = Repository.Sample(Path.Combine("ownership", "oring-to-pearl-river.json"));

    private static async Task<CliRun> ImportedAsync()
    {
        var cli = new CliRun();
        var imported = await cli.RunAsync("owners", "import", Owners, "--format", "csv", "--json");
        imported.ExitCode.ShouldBe(0, imported.Error);
        ((int)imported.Json["stakes"]!).ShouldBe(4);
        return cli;
    }

    [Fact]
    public async Task A_subsidiary_no_name_screening_finds_is_caught_with_its_path()
    {
        var cli = await ImportedAsync();

        var screened = await cli.RunAsync("screen", "Pearl River Precision Parts Co. Ltd.", "--country", "CN", "--json");
        screened.ExitCode.ShouldBe(0, screened.Error);
        screened.Json["hits"]!.AsArray().ShouldNotContain(h => (double)h!["score"]! >= 0.95);
        var owned = screened.Json["ownership"]!.AsArray().Single(o => (string)o!["regime"]! == "bis-affiliates")!;
        ((string)owned["status"]!).ShouldBe("owned");
        ((string)owned["because"]!).ShouldBe("owned 60 % by Semiconductor Manufacturing International Corporation (EL, footnote 5)");

        var decided = await cli.RunAsync("check", Order, "--json");
        decided.ExitCode.ShouldBe(0, decided.Error);
        ((string)decided.Json["outcome"]!).ShouldBe("license-required");
        var finding = Finding(decided.Json, "us.affiliates.entity-list");
        ((string)finding["status"]!).ShouldBe("applies");
        ((string)finding["because"]!).ShouldContain("end-user 'Pearl River Precision Parts Co. Ltd.' is owned 60 % by Semiconductor Manufacturing International Corporation (EL, footnote 5)");
        ((string)finding["because"]!).ShouldContain("review policy:");
        var path = decided.Json["ownership"]![0]!["paths"]![0]!.AsArray();
        ((string)path[0]!["owner"]!).ShouldBe("Semiconductor Manufacturing International Corporation");
        ((string)path[0]!["list"]!).ShouldBe("EL");
        decided.Json["ownershipVersions"]!["owners"]!.GetValue<string>().ShouldStartWith("sha256:");

        var text = await cli.RunAsync("check", Order);
        text.Out.ShouldContain("  ownership: end-user 'Pearl River Precision Parts Co. Ltd.' is owned 60 % by Semiconductor Manufacturing International Corporation (EL, footnote 5) (BIS Affiliates rule (50 percent))");
    }

    [Theory]
    [InlineData("2025-09-28", "permitted")]        // the day before the Affiliates rule
    [InlineData("2025-09-29", "license-required")] // its first day
    [InlineData("2025-11-09", "license-required")] // the last day before the stay
    [InlineData("2025-11-10", "permitted")]        // the stay's first day
    [InlineData("2026-11-09", "permitted")]        // the stay's last day
    [InlineData("2026-11-10", "license-required")] // reinstated
    public async Task The_Affiliates_rule_applies_before_and_after_its_stay_but_not_during_it(string date, string outcome)
    {
        var cli = await ImportedAsync();

        var decided = await cli.RunAsync("check", Order, "--as-of", date, "--json");

        decided.ExitCode.ShouldBe(0, decided.Error);
        ((string)decided.Json["outcome"]!).ShouldBe(outcome, decided.Out);
        decided.Json["ownership"]!.AsArray().ShouldNotBeEmpty("the ownership is a fact on every date; whether a rule makes it matter is the pack's");
    }

    [Fact]
    public async Task Ownership_imported_later_is_not_known_to_a_decision_made_with_what_was_known_before()
    {
        // The lists are seeded on 2026-11-25, the ownership facts imported two days later.
        var cli = new CliRun();
        (await cli.RunAsync("lists")).ExitCode.ShouldBe(0);
        (await cli.At(NodaTime.Instant.FromUtc(2026, 11, 27, 9, 0)).RunAsync("owners", "import", Owners, "--format", "csv")).ExitCode.ShouldBe(0);

        var before = await cli.RunAsync("check", Order, "--known-at", "2026-11-26", "--json");
        var after = await cli.RunAsync("check", Order, "--known-at", "2026-11-27", "--json");

        ((string)before.Json["outcome"]!).ShouldBe("permitted", before.Out);
        before.Json["ownership"].ShouldBeNull();
        ((string)after.Json["outcome"]!).ShouldBe("license-required", after.Out);
    }

    [Fact]
    public async Task Owners_show_gives_the_owners_stakes_and_the_paths_through_an_intermediate()
    {
        var cli = await ImportedAsync();

        var shown = await cli.RunAsync("owners", "show", "Pearl River Tooling (Zhuhai) Co. Ltd.", "--country", "CN", "--json");

        shown.ExitCode.ShouldBe(0, shown.Error);
        var json = shown.Json;
        json["known"]!.GetValue<bool>().ShouldBeTrue();
        json["owners"]!.AsArray().Select(o => (string)o!["owner"]!).ShouldBe(
            ["Lotus Vale Holdings Ltd.", "Semiconductor Manufacturing International Corporation", "Pearl River Precision Parts Co. Ltd."]);
        var intermediate = json["owners"]!.AsArray().Single(o => (string)o!["owner"]! == "Pearl River Precision Parts Co. Ltd.")!;
        intermediate["ownedByListed"]!.GetValue<bool>().ShouldBeTrue();
        var finding = json["findings"]!.AsArray().Single()!;
        ((decimal)finding["percent"]!).ShouldBe(55m);
        ((string)finding["because"]!).ShouldBe("owned 30 % by Semiconductor Manufacturing International Corporation (EL, footnote 5) and 25 % through "
            + "Pearl River Precision Parts Co. Ltd., itself owned 60 % by Semiconductor Manufacturing International Corporation (EL, footnote 5)");

        var text = await cli.RunAsync("owners", "show", "Pearl River Tooling (Zhuhai) Co. Ltd.", "--country", "CN");
        text.Out.ShouldContain("25 % Pearl River Precision Parts Co. Ltd. <- 60 % Semiconductor Manufacturing International Corporation [EL, footnote 5]");
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_naming_each_line_and_field_and_nothing_is_stored()
    {
        var cli = new CliRun();
        var file = Path.Combine(cli.DataDirectory, "bad.csv");
        await File.WriteAllTextAsync(file, """
            owner,ownerCountry,owned,ownedCountry,percent,from,until,source
            Semiconductor Manufacturing International Corporation,CN,Good Sub,CN,60,2020-01-01,,register
            Semiconductor Manufacturing International Corporation,CN,Bad Sub,CN,150,2020-01-01,,register
            Semiconductor Manufacturing International Corporation,CN,Late Sub,CN,60,2020-13-01,,register
            Semiconductor Manufacturing International Corporation,CN,Unsourced Sub,CN,60,2020-01-01,2019-01-01,
            """);

        var refused = await cli.RunAsync("owners", "import", file, "--format", "csv");

        refused.ExitCode.ShouldBe(1);
        refused.Error.ShouldContain("bad.csv:3: percent: '150' is not a share from 0 to 100");
        refused.Error.ShouldContain("bad.csv:4: from: '2020-13-01' is not a valid date");
        refused.Error.ShouldContain("bad.csv:5: until: 2019-01-01 is not after from (2020-01-01)");
        refused.Error.ShouldContain("bad.csv:5: source: is empty");
        (await cli.RunAsync("owners", "--json")).Json.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_column_is_refused_with_the_nearest_known_one()
    {
        var cli = new CliRun();
        var file = Path.Combine(cli.DataDirectory, "typo.csv");
        await File.WriteAllTextAsync(file, "owner,ownerCountry,owned,ownedCountry,percnt,from,until,source\nA,CN,B,CN,60,2020-01-01,,x\n");

        var refused = await cli.RunAsync("owners", "import", file, "--format", "csv");

        refused.ExitCode.ShouldBe(1);
        refused.Error.ShouldContain("typo.csv:1: unknown column 'percnt'; did you mean 'percent'?");
    }

    [Fact]
    public async Task A_stake_of_unstated_share_gives_review_naming_the_missing_share()
    {
        var cli = new CliRun();
        var file = Path.Combine(cli.DataDirectory, "unstated.csv");
        await File.WriteAllTextAsync(file, """
            owner,ownerCountry,owned,ownedCountry,percent,from,until,source
            Semiconductor Manufacturing International Corporation,CN,Pearl River Precision Parts Co. Ltd.,CN,,2020-01-01,,annual report 2025 (share not stated)
            """);
        (await cli.RunAsync("owners", "import", file, "--format", "csv")).ExitCode.ShouldBe(0);

        var decided = await cli.RunAsync("check", Order, "--json");

        ((string)decided.Json["outcome"]!).ShouldBe("review", decided.Out);
        var finding = Finding(decided.Json, "us.affiliates.entity-list");
        ((string)finding["status"]!).ShouldBe("undetermined");
        finding["missing"]!.AsArray().Select(m => (string)m!).ShouldContain(
            "ownership share of 'Pearl River Precision Parts Co. Ltd.' held by 'Semiconductor Manufacturing International Corporation' (annual report 2025 (share not stated))");
    }

    [Fact]
    public async Task GLEIF_relationship_records_import_with_their_LEI_names_and_an_unstated_consolidation_share_is_a_missing_fact()
    {
        var cli = new CliRun();
        var rr = Repository.Sample(Path.Combine("ownership", "gleif-rr.csv"));
        var lei = Repository.Sample(Path.Combine("ownership", "gleif-lei.csv"));

        var imported = await cli.RunAsync("owners", "import", rr, "--format", "gleif-rr", "--lei-records", lei, "--json");

        imported.ExitCode.ShouldBe(0, imported.Error);
        ((int)imported.Json["stakes"]!).ShouldBe(2);
        ((int)imported.Json["skipped"]!["IS_ULTIMATELY_CONSOLIDATED_BY"]!).ShouldBe(1);
        var quantified = (await cli.RunAsync("owners", "show", "Jade Ridge Cleanroom Supply Co. Ltd.", "--country", "CN", "--json")).Json;
        ((string)quantified["findings"]![0]!["status"]!).ShouldBe("owned");
        ((string)quantified["owners"]![0]!["from"]!).ShouldBe("2019-03-01");
        var unquantified = (await cli.RunAsync("owners", "show", "Jade Ridge Wafer Services Co. Ltd.", "--country", "CN", "--json")).Json;
        ((string)unquantified["findings"]![0]!["status"]!).ShouldBe("undetermined");
        ((string)unquantified["owners"]![0]!["from"]!).ShouldBe("2019-03-01", "the RELATIONSHIP_PERIOD dates the stake, not the accounting period");
    }

    [Fact]
    public async Task GLEIF_records_naming_an_LEI_the_LEI_file_lacks_are_refused_by_line()
    {
        var cli = new CliRun();
        var rr = Repository.Sample(Path.Combine("ownership", "gleif-rr.csv"));
        var lei = Path.Combine(cli.DataDirectory, "lei.csv");
        await File.WriteAllTextAsync(lei, "LEI,Entity.LegalName,Entity.LegalAddress.Country\n5299000FICTIONAL0000,Semiconductor Manufacturing International Corporation,CN\n");

        var refused = await cli.RunAsync("owners", "import", rr, "--format", "gleif-rr", "--lei-records", lei);

        refused.ExitCode.ShouldBe(1);
        refused.Error.ShouldContain("gleif-rr.csv:2: Relationship.StartNode.NodeID: LEI 5299000FICTIONAL0001 is not in the LEI records file");
        (await cli.RunAsync("owners", "--json")).Json.AsArray().ShouldBeEmpty();
    }

    private static JsonNode Finding(JsonNode determination, string rule) =>
        determination["jurisdictions"]!.AsArray().SelectMany(j => j!["findings"]!.AsArray()).Single(f => (string)f!["rule"]! == rule)!;
}
