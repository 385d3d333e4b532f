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

    [Fact]
    public async Task A_damaged_index_file_is_rebuilt_not_trusted()
    {
        var (run, cache) = Fresh();
        var before = await HitsAsync(run, "Semiconductor Manufacturing Intl. Corp.");
        var kept = Indexes(cache).ShouldHaveSingleItem();
        await File.WriteAllBytesAsync(kept, [.. (await File.ReadAllBytesAsync(kept)).Take(1000)]);

        var after = await HitsAsync(run, "Semiconductor Manufacturing Intl. Corp.");

        after.ToJsonString().ShouldBe(before.ToJsonString());
        new FileInfo(kept).Length.ShouldBeGreaterThan(1000);
    }

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
