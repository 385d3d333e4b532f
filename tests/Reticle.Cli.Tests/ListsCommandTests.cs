using System.Text.Json.Nodes;

namespace Reticle.Cli.Tests;

public sealed class ListsCommandTests
{
    private static string SharedList(params string[] parts) =>
        Path.Combine([Repository.Root, "..", "shared", "data", "lists", .. parts]);

    [Fact]
    public async Task A_fresh_data_folder_holds_the_bundled_lists()
    {
        var run = new CliRun();

        var result = await run.RunAsync("lists", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        var lists = result.Json.AsArray().Select(l => l!).ToDictionary(l => (string)l["dataset"]!);
        lists.Keys.Order().ShouldBe(["bis-dpl", "ofac-sdn", "un", "us-csl"]);
        ((int)lists["us-csl"]["entries"]!).ShouldBe(25_921);
        ((string)lists["us-csl"]["published"]!).ShouldBe("2026-07-31");
        ((int)lists["ofac-sdn"]["entries"]!).ShouldBe(14_965);
        ((int)lists["un"]["entries"]!).ShouldBe(1_003);
        ((string)lists["un"]["sha256"]!).ShouldStartWith("sha256:");
        lists.Values.ShouldAllBe(l => (bool)l["inUse"]!);
    }

    [Fact]
    public async Task Importing_a_newer_list_keeps_the_older_ones_evidence_of_when_an_entry_was_listed()
    {
        // OOO Adis cites 88 FR 12158 only, a page the shipped table does not date; the bundled CSL of 2026-07-31 held it.
        var run = new CliRun();
        var newer = Path.Combine(run.DataDirectory, "consolidated.json");
        await File.WriteAllTextAsync(newer, """
            {"search_performed_at": "2026-08-14T09:00:00+00:00", "total": 1, "results": [
              {"id": "adis-1", "source": "Entity List (EL) - Bureau of Industry and Security", "name": "OOO Adis", "alt_names": [],
               "addresses": [{"country": "RU"}], "federal_register_notice": "88 FR 12158",
               "license_requirement": "For all items subject to the EAR. (See §744.11 of the EAR)", "license_policy": "Policy of denial."}]}
            """);

        (await run.RunAsync("lists", "import", newer, "--format", "csl-json")).ExitCode.ShouldBe(0);
        var result = await run.RunAsync("screen", "OOO Adis", "--country", "RU", "--list", "EL", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        var adis = result.Json["hits"]!.AsArray().Single()!;
        ((string)adis["listedOn"]!).ShouldBe("2026-07-31");
        ((string)adis["listing"]!).ShouldBe("listed by 2026-07-31 (in the us-csl snapshot of 2026-07-31)");
    }

    [Fact]
    public async Task Importing_a_newer_snapshot_reports_what_changed_and_replaces_the_one_in_use()
    {
        var run = new CliRun();
        (await run.RunAsync("lists", "import", SharedList("ofac", "ofac_sdn", "sdn_2024-04-02.csv"), "--format", "ofac-csv")).ExitCode.ShouldBe(0);

        var result = await run.RunAsync("lists", "import", SharedList("ofac", "ofac_sdn", "sdn_2024-05-03.csv"), "--format", "ofac-csv", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        var changes = result.Json[0]!["changes"]!;
        ((int)changes["added"]!).ShouldBe(417);
        ((int)changes["removed"]!).ShouldBe(12);
        ((int)changes["previousEntries"]!).ShouldBe(14_560);
        var held = (await run.RunAsync("lists", "--all", "--json")).Json.AsArray().Where(l => (string)l!["dataset"]! == "ofac-sdn").ToList();
        // The bundled 2024-05-03 file, the April import over it, then the May file again as a new import.
        held.Count.ShouldBe(3);
        held.Count(l => (bool)l!["inUse"]!).ShouldBe(1);
    }

    [Fact]
    public async Task Importing_identical_files_again_changes_nothing()
    {
        var run = new CliRun();

        var result = await run.RunAsync("lists", "import", Path.Combine(Repository.Root, "content", "lists", "un-consolidated-2026-02-27.xml"), "--format", "un-xml");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("identical files already imported");
    }

    [Fact]
    public async Task A_malformed_list_file_is_rejected_with_its_line_and_nothing_changes()
    {
        var run = new CliRun();
        var before = (await run.RunAsync("lists", "--all", "--json")).Out;
        var bad = Path.Combine(run.DataDirectory, "sdn.csv");
        await File.WriteAllTextAsync(bad, "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- \r\n37,\"unterminated,-0- \r\n");

        var result = await run.RunAsync("lists", "import", bad, "--format", "ofac-csv");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("sdn.csv:2");
        (await run.RunAsync("lists", "--all", "--json")).Out.ShouldBe(before);
    }

    [Fact]
    public async Task A_file_of_the_wrong_format_is_rejected_and_names_the_likely_one()
    {
        var run = new CliRun();

        var result = await run.RunAsync("lists", "import", SharedList("un", "UN_consolidated_2026-02-27.xml"), "--format", "ofac-csv");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("un-xml");
    }

    [Fact]
    public async Task An_unknown_format_is_rejected()
    {
        var result = await new CliRun().RunAsync("lists", "import", SharedList("bis", "dpl_2022.txt"), "--format", "excel");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("unknown list format 'excel'");
    }

    [Fact]
    public async Task List_imports_are_in_the_audit_chain()
    {
        var run = new CliRun();
        (await run.RunAsync("lists", "import", SharedList("bis", "dpl_2019.txt"), "--format", "bis-dpl")).ExitCode.ShouldBe(0);

        var verify = await run.RunAsync("audit", "verify", "--json");

        verify.ExitCode.ShouldBe(0, verify.Error);
        ((int)verify.Json["recordsVerified"]!).ShouldBe(6);
    }
}
