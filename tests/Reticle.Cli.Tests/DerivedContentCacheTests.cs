using System.Text.Json.Nodes;

namespace Reticle.Cli.Tests;

/// <summary>
/// What is derived from content (the screening index) is kept between commands under the snapshots it came from: a warm
/// command loads it, and a changed list is never answered from an index of the old one.
/// </summary>
public sealed class DerivedContentCacheTests
{
    private const string Invented = "Quillfeather Photonic Holdings";

    private static (CliRun Run, string Cache) Fresh()
    {
        var cache = Directory.CreateTempSubdirectory("reticle-cache-").FullName;
        return (new CliRun().With("RETICLE_CACHE", cache), cache);
    }

    private static string[] Indexes(string cache) => Directory.GetFiles(cache, "screening-*.bin");

    private static async Task<JsonArray> HitsAsync(CliRun run, string name)
    {
        var result = await run.RunAsync("screen", name, "--json");
        result.ExitCode.ShouldBe(0, result.Error);
        return result.Json["hits"]!.AsArray();
    }

    [Fact]
    public async Task The_first_screening_keeps_the_index_and_the_next_loads_it_with_the_same_answer()
    {
        var (run, cache) = Fresh();
        var first = await run.RunAsync("screen", "Semiconductor Manufacturing Intl. Corp.", "--country", "CN", "--json");
        first.ExitCode.ShouldBe(0, first.Error);
        var kept = Indexes(cache).ShouldHaveSingleItem();
        var written = File.GetLastWriteTimeUtc(kept);

        var second = await run.RunAsync("screen", "Semiconductor Manufacturing Intl. Corp.", "--country", "CN", "--json");

        second.Out.ShouldBe(first.Out);
        Indexes(cache).ShouldBe([kept]);
        File.GetLastWriteTimeUtc(kept).ShouldBe(written);
    }

    [Fact]
    public async Task A_list_imported_after_the_index_was_kept_is_screened_against_at_once()
    {
        var (run, cache) = Fresh();
        (await HitsAsync(run, Invented)).ShouldBeEmpty();
        Indexes(cache).ShouldHaveSingleItem();

        var dpl = Path.Combine(run.DataDirectory, "dpl.txt");
        var header = (await File.ReadAllLinesAsync(Path.Combine(Repository.Root, "content", "lists", "bis-dpl-2022-09-07.txt")))[0];
        await File.WriteAllLinesAsync(dpl, [header,
            $"\"{Invented.ToUpperInvariant()}\"\t\"1 MAIN STREET\"\t\"SPRINGFIELD\"\t\"\"\t\"US\"\t\"00000\"\t\"01/02/2026\"\t\"01/02/2036\"\t\"Y\"\t\"2026-01-02\"\t\"F.R. NOTICE ADDED\"\t\"91 F.R. 1 1/2/2026\""]);
        var import = await run.RunAsync("lists", "import", dpl, "--format", "bis-dpl");
        import.ExitCode.ShouldBe(0, import.Error);

        var hits = await HitsAsync(run, Invented);
        hits.ShouldHaveSingleItem()!["listCode"]!.GetValue<string>().ShouldBe("DPL");
        // The index of the lists before the import is kept beside the new one, never used for them.
        Indexes(cache).Length.ShouldBe(2);
    }

    [Theory]
    [InlineData("cut short")]
    [InlineData("one byte changed")]
    public async Task A_damaged_index_file_is_rebuilt_not_trusted_and_the_user_is_told(string damage)
    {
        var (run, cache) = Fresh();
        var before = await HitsAsync(run, "Semiconductor Manufacturing Intl. Corp.");
        var kept = Indexes(cache).ShouldHaveSingleItem();
        var bytes = await File.ReadAllBytesAsync(kept);
        if (damage == "cut short")
        {
            bytes = bytes[..1000];
        }
        else
        {
            // In the middle of the file, where the postings and names are: the file still reads, only its checksum differs.
            bytes[bytes.Length / 2] ^= 0x20;
        }
        await File.WriteAllBytesAsync(kept, bytes);

        var after = await run.RunAsync("screen", "Semiconductor Manufacturing Intl. Corp.", "--json");

        after.ExitCode.ShouldBe(0, after.Error);
        after.Json["hits"]!.ToJsonString().ShouldBe(before.ToJsonString());
        after.Error.ShouldContain("damaged");
        after.Error.ShouldContain(kept);
        // Kept again whole: the next command loads it without a word.
        (await run.RunAsync("screen", "Semiconductor Manufacturing Intl. Corp.", "--json")).Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_rule_pack_changed_after_a_check_decides_the_next_check()
    {
        // The bundled packs and catalogue, and one small list, in a content folder of the test's own.
        var content = Directory.CreateTempSubdirectory("reticle-content-").FullName;
        foreach (var folder in (string[])["packs", "catalog"])
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "content", folder), "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(content, folder, Path.GetRelativePath(Path.Combine(Repository.Root, "content", folder), file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
        }
        Directory.CreateDirectory(Path.Combine(content, "lists"));
        File.Copy(Path.Combine(Repository.Root, "content", "lists", "bis-dpl-2022-09-07.txt"), Path.Combine(content, "lists", "bis-dpl-2022-09-07.txt"));
        await File.WriteAllTextAsync(Path.Combine(content, "lists", "lists.yaml"),
            "- dataset: bis-dpl\n  format: bis-dpl\n  files: [bis-dpl-2022-09-07.txt]\n  source: test\n");
        var (run, _) = Fresh();
        run.With("RETICLE_CONTENT", content);
        var sample = Repository.Sample("nxt2050i-to-smic-beijing-2023-09-15.json");
        const string Cited = "Regulation (EU) 2021/821, Art. 3(1) (authorisation required for the export of dual-use items listed in Annex I)";

        var first = await run.RunAsync("check", sample, "--json");
        first.ExitCode.ShouldBe(0, first.Error);
        Citation(first.Json).ShouldBe(Cited);

        var pack = Path.Combine(content, "packs", "eu", "eu-annex-i-2021.yaml");
        await File.WriteAllTextAsync(pack, (await File.ReadAllTextAsync(pack)).Replace(Cited, "Article 3(1), as the amended pack cites it"));
        var second = await run.RunAsync("check", sample, "--json");

        second.ExitCode.ShouldBe(0, second.Error);
        Citation(second.Json).ShouldBe("Article 3(1), as the amended pack cites it");
        second.Json["ruleSet"]!.GetValue<string>().ShouldNotBe(first.Json["ruleSet"]!.GetValue<string>());
    }

    private static string Citation(JsonNode result) =>
        result["jurisdictions"]!.AsArray().Single(j => j!["jurisdiction"]!.GetValue<string>() == "EU")!["findings"]!.AsArray()
            .Single(f => f!["rule"]!.GetValue<string>() == "eu.annex-i.art3-lithography")!["citation"]!.GetValue<string>();

    [Fact]
    public async Task Opening_a_workspace_whose_content_is_unchanged_writes_nothing()
    {
        var (run, _) = Fresh();
        (await run.RunAsync("packs")).ExitCode.ShouldBe(0);
        var audit = (await run.RunAsync("audit", "verify", "--json")).Json;

        (await run.RunAsync("packs")).ExitCode.ShouldBe(0);
        (await run.RunAsync("screen", Invented)).ExitCode.ShouldBe(0);

        // No seeding, no content: the audit chain (which records every write) is as it was.
        (await run.RunAsync("audit", "verify", "--json")).Json.ToJsonString().ShouldBe(audit.ToJsonString());
    }

    [Fact]
    public async Task With_the_cache_off_nothing_is_kept_and_the_answer_is_the_same()
    {
        var (run, cache) = Fresh();
        var cached = await HitsAsync(run, "Semiconductor Manufacturing Intl. Corp.");
        var off = new CliRun().With("RETICLE_CACHE", "off");

        var built = await HitsAsync(off, "Semiconductor Manufacturing Intl. Corp.");

        built.ToJsonString().ShouldBe(cached.ToJsonString());
        Indexes(cache).ShouldHaveSingleItem();
    }
}
