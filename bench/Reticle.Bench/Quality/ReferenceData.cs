using System.Collections.Immutable;
using System.Text.Json;
using Reticle.Screening;

namespace Reticle.Bench.Quality;

/// <summary>The shared reference data (../shared/data beside the repository) the matching measurements read.</summary>
internal static class ReferenceData
{
    public static string Root { get; } = FindShared();

    public static string Matching(string file) => Path.Combine(Root, "matching", file);

    public static string CslFile => Path.Combine(Root, "lists", "us-csl-2026-07-31.json");

    /// <summary>
    /// The CSL snapshot's entries with their party type (the core reader leaves it unknown): a small local reader,
    /// the importers being another piece of work.
    /// </summary>
    public static IReadOnlyList<ListEntry> CslEntries()
    {
        using var stream = File.OpenRead(CslFile);
        using var document = JsonDocument.Parse(stream);
        var entries = new List<ListEntry>();
        var row = 0;
        foreach (var e in document.RootElement.GetProperty("results").EnumerateArray())
        {
            row++;
            var source = Text(e, "source") ?? "";
            var open = source.IndexOf('(', StringComparison.Ordinal);
            var close = open < 0 ? -1 : source.IndexOf(')', open);
            var list = close > open + 1 ? source[(open + 1)..close] : source;
            entries.Add(new ListEntry(
                list,
                Text(e, "id") ?? $"row-{row}",
                Text(e, "name") ?? "",
                e.TryGetProperty("alt_names", out var alt) && alt.ValueKind == JsonValueKind.Array
                    ? [.. alt.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!)]
                    : [],
                e.TryGetProperty("addresses", out var addresses) && addresses.ValueKind == JsonValueKind.Array
                    ? [.. addresses.EnumerateArray().Select(a => Text(a, "country")).OfType<string>().Distinct()]
                    : [],
                null, null, null)
            {
                ListName = source,
                Type = Text(e, "type") switch
                {
                    "Individual" => PartyType.Individual,
                    "Entity" => PartyType.Entity,
                    "Vessel" => PartyType.Vessel,
                    "Aircraft" => PartyType.Aircraft,
                    _ => PartyType.Unknown,
                },
            });
        }
        return entries;
    }

    public static IReadOnlyList<NameBenchCase> NameBench() =>
        [.. Csv.Rows(Matching("nomenklatura_name_bench_cases.csv")).Select(r => new NameBenchCase(
            r["case_group"], r["schema"], r["name1"], r["name2"], r["is_match"] == "true", r["quality"]))];

    public static IReadOnlyList<OfacObservation> OfacObservations() =>
        [.. Csv.Rows(Matching("nomenklatura_ofac_sls_observed_scores.csv")).Select(r => new OfacObservation(
            r["query_name"], r["result_name"], int.Parse(r["ofac_score"], System.Globalization.CultureInfo.InvariantCulture)))];

    public static IReadOnlyList<CrossScriptPair> CrossScriptPairs()
    {
        using var reader = new StreamReader(Matching("watchman_cross_script_pairs.csv"));
        return [.. Csv.Records(reader)
            .Where(f => f.Count >= 3 && f[0].Length > 0 && !f[0].StartsWith('#'))
            .Select(f => new CrossScriptPair(f[0], f[1], double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), f.Count > 3 ? f[3] : ""))];
    }

    /// <summary>Full names of the 50,000 synthetic non-listed persons, with their nationality as written ("France").</summary>
    public static IReadOnlyList<(string Name, string Nationality)> Negatives() =>
        [.. Csv.Rows(Matching("yente_cgb_negatives_us.csv")).Select(r => (r["full_name"], r["nationality"]))];

    public static IReadOnlyList<string> CongressMembers() =>
        [.. Csv.Rows(Matching("yente_cgb_positives_us_congress_untreated.csv")).Select(r => r["full_name"])];

    private static string? Text(JsonElement e, string key) =>
        e.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string FindShared()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(candidate, "matching")))
            {
                return candidate;
            }
            directory = directory.Parent;
        }
        return Environment.GetEnvironmentVariable("RETICLE_SHARED_DATA")
            ?? throw new InvalidOperationException("cannot find shared/data/matching above " + AppContext.BaseDirectory + "; set RETICLE_SHARED_DATA");
    }
}
