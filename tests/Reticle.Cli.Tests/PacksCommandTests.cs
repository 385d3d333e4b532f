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
}
