using System.Text.Json.Nodes;

namespace Reticle.Cli.Tests;

public sealed class PacksCommandTests
{
    [Fact]
    public async Task The_bundled_packs_validate_cleanly()
    {
        var result = await new CliRun().RunAsync("packs", "validate", Path.Combine(Repository.Root, "content", "packs"));
        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("pack file(s) valid");
    }

    [Fact]
    public async Task A_broken_pack_is_rejected_naming_file_line_column_and_rule()
    {
        var folder = Directory.CreateTempSubdirectory("reticle-packs-").FullName;
        File.WriteAllText(Path.Combine(folder, "bad.yaml"), """
            pack: bad
            jurisdiction: NL
            citation: x
            published: 2024-01-01
            effective: { from: 2024-01-01 }
            controlList: BAD
            controls:
              - id: a.1
                when: dedicatedChuckOverlayNm <= 1.50 parsec
            """);
        var result = await new CliRun().RunAsync("packs", "validate", folder);
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("bad.yaml:9:");
        result.Error.ShouldContain("[a.1]");
    }

    [Fact]
    public async Task A_missing_folder_is_rejected() =>
        (await new CliRun().RunAsync("packs", "validate", "/no/such/folder")).ExitCode.ShouldBe(1);

    [Fact]
    public async Task The_packs_in_use_are_listed_as_json()
    {
        var result = await new CliRun().RunAsync("packs", "--json");
        result.ExitCode.ShouldBe(0, result.Error);
        result.Json.AsArray().Select(p => p!["pack"]!.GetValue<string>()).ShouldContain("nl.sme-2024");
    }

    private static JsonNode Entry(JsonNode diff, string id) => diff["entries"]!.AsArray().Single(e => e!["id"]!.GetValue<string>() == id)!;

    [Fact]
    public async Task The_Dutch_amendment_of_2024_widens_the_DUV_item_to_the_2_40_nm_overlay_band_and_the_diff_shows_the_threshold_before_and_after()
    {
        var diff = (await new CliRun().RunAsync("packs", "diff", "nl.sme-2023", "nl.sme-2024", "--json")).Json;

        var duv = Entry(diff, "3B001.f.4");
        duv["change"]!.GetValue<string>().ShouldBe("changed");
        duv["fields"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldContain("when");
        duv["before"]!["thresholds"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldContain("dedicatedChuckOverlayNm <= 1.50 nm");
        duv["after"]!["thresholds"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldContain("dedicatedChuckOverlayNm <= 2.40 nm");
        (duv["before"]!["entry"]!.GetValue<string>(), duv["after"]!["entry"]!.GetValue<string>()).ShouldBe(("NL-SME-2023 3B001.f.4", "NL-SME-2024 3B001.f.4"));
        (duv["before"]!["effective"]!.GetValue<string>(), duv["after"]!["effective"]!.GetValue<string>()).ShouldBe(("[2023-09-01, 2024-09-07)", "[2024-09-07, 2025-04-01)"));
        diff["before"]![0]!["pack"]!.GetValue<string>().ShouldBe("nl.sme-2023");

        var text = (await new CliRun().RunAsync("packs", "diff", "nl.sme-2023", "nl.sme-2024")).Out;
        text.ShouldContain("~ entry NL 3B001.f.4 (title, when, citation, effective changed)");
        text.ShouldContain("thresholds: wavelengthNm >= 193 nm; mrf(K = 0.25) <= 45 nm; dedicatedChuckOverlayNm <= 2.40 nm");
    }

    [Fact]
    public async Task The_EU_Annex_I_of_2025_adds_the_entries_the_national_lists_had_and_keeps_the_others()
    {
        var diff = (await new CliRun().RunAsync("packs", "diff", "eu.annex-i-2021", "eu.annex-i-2025", "--json")).Json;

        var entries = diff["entries"]!.AsArray();
        entries.Where(e => e!["change"]!.GetValue<string>() == "added").Select(e => e!["id"]!.GetValue<string>()).ShouldContain(id => id.StartsWith("3B001.f.1.b", StringComparison.Ordinal) || id.StartsWith("3B501", StringComparison.Ordinal));
        entries.ShouldNotContain(e => e!["change"]!.GetValue<string>() == "removed");
        entries.Where(e => e!["change"]!.GetValue<string>() == "added").ShouldAllBe(e => e!["before"] == null && e["after"]!["effective"]!.GetValue<string>() == "[2025-11-15, open)");
    }

    [Fact]
    public async Task Two_folders_compare_as_two_packs_do_and_Japan_2023_to_2025_adds_entries_and_drops_the_pellicle_paragraph()
    {
        var root = Path.Combine(Repository.Root, "content", "packs", "jp");
        var (a, b) = (Directory.CreateTempSubdirectory("reticle-jp-").FullName, Directory.CreateTempSubdirectory("reticle-jp-").FullName);
        File.Copy(Path.Combine(root, "jp-meti-sme-2023.yaml"), Path.Combine(a, "jp.yaml"));
        File.Copy(Path.Combine(root, "jp-meti-sme-2025.yaml"), Path.Combine(b, "jp.yaml"));

        var byFolder = (await new CliRun().RunAsync("packs", "diff", a, b, "--json")).Json;
        var byId = (await new CliRun().RunAsync("packs", "diff", "jp.meti-sme-2023", "jp.meti-sme-2025", "--json")).Json;

        byFolder["entries"]!.ToJsonString().ShouldBe(byId["entries"]!.ToJsonString());
        var kinds = byId["entries"]!.AsArray().GroupBy(e => e!["change"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        kinds["added"].ShouldBeGreaterThan(0);
        Entry(byId, "6.17-2")["change"]!.GetValue<string>().ShouldBe("removed");
        byId["requirements"]!.AsArray().ShouldContain(r => r!["change"]!.GetValue<string>() == "added");
    }

    [Fact]
    public async Task A_diff_of_a_pack_not_in_use_is_rejected_naming_the_packs_known() =>
        (await new CliRun().RunAsync("packs", "diff", "nl.sme-2023", "nl.sme-2099")).Error.ShouldContain("nl.sme-2099: no such folder, nor a pack in use (known: ");

    [Fact]
    public async Task Packs_whose_source_was_read_longer_ago_than_the_age_given_are_warned_about()
    {
        var result = await new CliRun().RunAsync("packs", "--max-source-age", "100", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldContain("warning: us.ear-2024-12: source read on 2026-07-23, 125 days ago (more than 100)");
        result.Error.ShouldNotContain("nl.sme-2024");
        var packs = result.Json.AsArray();
        packs.Single(p => p!["pack"]!.GetValue<string>() == "us.ear-2024-12")!["sourceStale"]!.GetValue<bool>().ShouldBeTrue();
        packs.Single(p => p!["pack"]!.GetValue<string>() == "nl.sme-2024")!["sourceStale"]!.GetValue<bool>().ShouldBeFalse();
        (await new CliRun().With("RETICLE_MAX_SOURCE_AGE_DAYS", "100").RunAsync("packs")).Error.ShouldContain("warning: us.ear-2024-12");
        (await new CliRun().RunAsync("packs", "--max-source-age", "1000")).Error.ShouldNotContain("warning");
    }
}
