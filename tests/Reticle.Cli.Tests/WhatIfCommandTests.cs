using System.Text.Json.Nodes;
using static Reticle.Cli.Tests.LicenseFixtures;

namespace Reticle.Cli.Tests;

/// <summary><c>reticle whatif --packs DIR</c> through the real entry point on SQLite (CONTRACT §9).</summary>
public sealed class WhatIfCommandTests
{
    private static string Drafts(string name) => Path.Combine(Repository.Root, "content", "drafts", name);

    private static string Fixture(string name) => Path.Combine(Repository.Root, "tests", "fixtures", "whatif", name);

    private static async Task<CliRun> WithOrdersAsync(string orders)
    {
        var run = new CliRun();
        var added = await run.RunAsync("orders", "add", orders);
        added.ExitCode.ShouldBe(0, added.Error);
        return run;
    }

    private static IEnumerable<(string, bool)> Changes(JsonNode report) =>
        report["changes"]!.AsArray().Select(c => (c!["transaction"]!.GetValue<string>(), c["material"]!.GetValue<bool>()));

    [Fact]
    public async Task A_draft_written_from_the_rule_pack_reference_names_the_orders_it_would_stop_and_the_value_at_stake()
    {
        var run = await WithOrdersAsync(Fixture("sg-orders.jsonl"));

        var result = await run.RunAsync("whatif", "--packs", Fixture("."), "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        var report = result.Json;
        Changes(report).ShouldBe([("SG-CN-2050I", true)]);
        (report["evaluated"]!.GetValue<int>(), report["unchanged"]!.GetValue<int>(), report["immaterial"]!.GetValue<int>()).ShouldBe((4, 3, 2));
        report["valueAtStake"]!.ToJsonString().ShouldBe("""[{"currency":"USD","amount":70000000}]""");
        var draft = report["drafts"]!.AsArray().ShouldHaveSingleItem()!;
        (draft["pack"]!.GetValue<string>(), draft["jurisdiction"]!.GetValue<string>()).ShouldBe(("sg.duv-draft", "SG"));
        draft["sha256"]!.GetValue<string>().ShouldBe(Sha256(File.ReadAllText(Fixture("sg-duv-draft.yaml"))));
        var change = report["changes"]![0]!;
        (change["before"]!["outcome"]!.GetValue<string>(), change["after"]!["outcome"]!.GetValue<string>()).ShouldBe(("permitted", "license-required"));
        change["because"]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>().ShouldStartWith("SG: draft rule sg.sgco.duv-immersion (sg.duv-draft) applies (license-required)");
        var totals = report["totals"]!;
        totals["byJurisdiction"]!.ToJsonString().ShouldBe("""[{"jurisdiction":"SG","orders":1,"worse":1,"valueAtStake":[{"currency":"USD","amount":70000000}],"heldBefore":[],"heldAfter":[{"currency":"USD","amount":70000000}]}]""");
        totals["byMonth"]![0]!["month"]!.GetValue<string>().ShouldBe("2027-02");
        totals["byCustomer"]![0]!["customer"]!.GetValue<string>().ShouldBe("Quiet Harbour Wafer Works");
        totals["byItem"]![0]!["item"]!.GetValue<string>().ShouldBe("NXT:2050i");
    }

    [Fact]
    public async Task With_all_the_orders_the_draft_merely_reaches_are_listed_too_and_the_text_form_reads_as_a_report()
    {
        var run = await WithOrdersAsync(Fixture("sg-orders.jsonl"));

        Changes((await run.RunAsync("whatif", "--packs", Fixture("."), "--all", "--json")).Json)
            .ShouldBe([("SG-CN-2050I", true), ("SG-CN-1470", false), ("SG-US-2050I", false)]);
        var text = await run.RunAsync("whatif", "--packs", Fixture("."));
        text.ExitCode.ShouldBe(0, text.Error);
        text.Out.ShouldContain("draft sg.duv-draft (SG)");
        text.Out.ShouldContain("value at stake: 70,000,000 USD");
        text.Out.ShouldContain("SG-CN-2050I on 2027-02-10 [70,000,000 USD]: permitted → license-required (worse)");
        text.Out.ShouldContain("SG: 1 changed, 1 worse; at stake 70,000,000 USD; held none → 70,000,000 USD");
        text.Out.ShouldContain("because: SG: draft rule sg.sgco.duv-immersion");
    }

    [Fact]
    public async Task A_what_if_stores_no_determination_puts_nothing_in_force_and_is_one_audit_record_naming_the_drafts_by_hash()
    {
        var run = await WithOrdersAsync(Fixture("sg-orders.jsonl"));
        var packsBefore = (await run.RunAsync("packs", "--json")).Out;

        var report = (await run.RunAsync("whatif", "--packs", Fixture("."), "--json")).Json;

        (await run.RunAsync("orders", "--json")).Json.AsArray().ShouldAllBe(o => o!["latestOutcome"] == null);
        (await run.RunAsync("packs", "--json")).Out.ShouldBe(packsBefore);
        var record = report["auditRecord"]!.GetValue<long>();
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={run.DatabaseFile}");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT kind, payload FROM audit_log WHERE sequence = $s";
        command.Parameters.AddWithValue("$s", record);
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetString(0).ShouldBe("whatif.run");
        var payload = JsonNode.Parse(reader.GetString(1))!;
        payload["drafts"]![0]!["sha256"]!.GetValue<string>().ShouldBe(report["drafts"]![0]!["sha256"]!.GetValue<string>());
        payload["changed"]!.GetValue<int>().ShouldBe(1);
        (await run.RunAsync("audit", "verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task A_draft_that_does_not_validate_with_the_packs_in_use_is_rejected_naming_file_line_column_and_rule_and_nothing_is_recorded()
    {
        var run = await WithOrdersAsync(Fixture("sg-orders.jsonl"));
        var folder = Directory.CreateTempSubdirectory("reticle-drafts-").FullName;
        File.WriteAllText(Path.Combine(folder, "bad.yaml"), File.ReadAllText(Fixture("sg-duv-draft.yaml"))
            .Replace("when: to in [CN, MO]", "when: to in eu.customs-teritory", StringComparison.Ordinal));

        var result = await run.RunAsync("whatif", "--packs", folder);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("bad.yaml:22:17:");
        result.Error.ShouldContain("[sg.sgco.duv-immersion] unknown group 'eu.customs-teritory'");
        Count(run, "whatif.run").ShouldBe(0);
        (await run.RunAsync("whatif", "--packs", "/no/such/folder")).ExitCode.ShouldBe(1);
        (await run.RunAsync("whatif")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Germany_adopting_the_Dutch_DUV_controls_stops_the_German_NXT_1980i_exports_but_not_the_NXT_2050i_Annex_I_already_covers()
    {
        var run = await WithOrdersAsync(Drafts("sample-orders.jsonl"));

        var report = (await run.RunAsync("whatif", "--packs", Drafts("de"), "--all", "--json")).Json;

        Changes(report).ShouldBe([("DRAFT-DE-1980I", true), ("DRAFT-DE-2050I", false), ("DRAFT-DE-US", true)]);
        report["valueAtStake"]!.ToJsonString().ShouldBe("""[{"currency":"EUR","amount":90000000}]""");
        report["changes"]![0]!["because"]![0]!.GetValue<string>().ShouldStartWith("DE: draft rule de.awv.duv-lithography (de.awv-duv-draft) applies (license-required)");
    }

    [Fact]
    public async Task South_Korea_controlling_the_same_band_stops_only_the_Korean_export_to_China()
    {
        var run = await WithOrdersAsync(Drafts("sample-orders.jsonl"));

        var report = (await run.RunAsync("whatif", "--packs", Drafts("kr"), "--all", "--json")).Json;

        Changes(report).ShouldBe([("DRAFT-KR-1980I", true), ("DRAFT-KR-US", false)]);
        report["valueAtStake"]!.ToJsonString().ShouldBe("""[{"currency":"KRW","amount":60000000000}]""");
    }

    [Fact]
    public async Task The_US_dropping_the_allied_exporter_exclusion_brings_the_Dutch_scanner_with_a_US_chip_under_the_EAR()
    {
        var run = await WithOrdersAsync(Drafts("sample-orders.jsonl"));

        var report = (await run.RunAsync("whatif", "--packs", Drafts("us"), "--all", "--json")).Json;

        Changes(report).ShouldBe([("DRAFT-NL-IC", true)]);
        var change = report["changes"]![0]!;
        Jurisdiction(change["before"]!, "US").ShouldBe("not-applicable");
        Jurisdiction(change["after"]!, "US").ShouldBe("license-required");
        change["because"]!.AsArray().Select(b => b!.GetValue<string>()).ShouldContain(b => b.StartsWith("US: draft rule us.ear.ccl-sme-macau-d5 (us.ear-draft-no-allied-exclusion) applies", StringComparison.Ordinal));
        // It already needed a licence (NL/EU): material, but nothing new is at stake.
        report["valueAtStake"]!.AsArray().ShouldBeEmpty();
        report["drafts"]![0]!["supersedes"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["us.ear-2024-12"]);
    }

    [Fact]
    public async Task Each_sample_draft_validates_with_the_bundled_packs()
    {
        foreach (var draft in new[] { "de", "kr", "us" })
        {
            var result = await new CliRun().RunAsync("packs", "validate", Drafts(draft), "--with-bundled");
            result.ExitCode.ShouldBe(0, result.Error);
        }
        // Alone, a draft that uses the bundled definitions does not.
        (await new CliRun().RunAsync("packs", "validate", Drafts("de"))).Error.ShouldContain("unknown group 'eu.customs-territory'");
    }

    private static long Count(CliRun run, string kind)
    {
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={run.DatabaseFile}");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT count(*) FROM audit_log WHERE kind = $k";
        command.Parameters.AddWithValue("$k", kind);
        return (long)command.ExecuteScalar()!;
    }

    private static string Jurisdiction(JsonNode side, string name) =>
        side["jurisdictions"]!.AsArray().Single(j => j!["jurisdiction"]!.GetValue<string>() == name)!["outcome"]!.GetValue<string>();

    private static string Sha256(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
