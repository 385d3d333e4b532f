using NodaTime;
using Reticle.Catalog;
using Reticle.Model;
using Reticle.Rules.Packs;

namespace Reticle.Bench;

/// <summary>The bundled packs and catalogue, and a deterministic mix of realistic transactions.</summary>
internal static class Workload
{
    public static string Root { get; } = FindRoot();

    public static IReadOnlyList<RulePackSource> PackSources() =>
        Directory.EnumerateFiles(Path.Combine(Root, "content", "packs"), "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => new RulePackSource(f, File.ReadAllText(f)))
            .ToList();

    public static ItemCatalog Catalog()
    {
        var errors = new List<PackError>();
        var items = Directory.EnumerateFiles(Path.Combine(Root, "content", "catalog"), "*.yaml")
            .SelectMany(f => CatalogReader.Read(f, File.ReadAllText(f), errors)).ToList();
        return new ItemCatalog(items);
    }

    /// <summary>
    /// Catalogue items to a spread of destinations on dates across the story (2021-2026), with the facts
    /// an exporter gives (US content, US technology inputs, end use, personnel) so that the rules decide
    /// rather than stop at missing facts; one in eight leaves the end use unknown.
    /// </summary>
    public static Transaction[] Transactions(int count, ItemCatalog catalog)
    {
        var random = new Random(20231017);
        string[] destinations = ["CN", "US", "DE", "JP", "KR", "TW", "MO", "BE", "GB", "SG"];
        string[] origins = ["NL", "NL", "NL", "DE", "JP"];
        var result = new Transaction[count];
        for (var i = 0; i < count; i++)
        {
            var item = catalog.Items[random.Next(catalog.Items.Count)];
            var t = new Transaction
            {
                Id = $"B-{i}",
                Date = new LocalDate(2021, 1, 1).PlusDays(random.Next(0, 2190)),
                Activity = random.Next(10) == 0 ? Activity.Service : Activity.Export,
                From = CountryCode.Parse(origins[random.Next(origins.Length)]),
                To = CountryCode.Parse(destinations[random.Next(destinations.Length)]),
                Item = new Item
                {
                    Sku = item.Sku,
                    UsControlledContentPercent = random.Next(0, 30),
                    UsTechnologyInputs = random.Next(3) == 0 ? ["3E001"] : [],
                    ContainsUsOriginIc = random.Next(4) == 0,
                },
                EndUse = System.Collections.Immutable.ImmutableDictionary<string, Knowledge>.Empty
                    .Add("advancedNodeFacility", random.Next(8) switch { 0 => Knowledge.Unknown, 1 or 2 => Knowledge.Yes, _ => Knowledge.No })
                    .Add("smeDevelopmentOrProduction", random.Next(10) == 0 ? Knowledge.Yes : Knowledge.No),
                Personnel = [new Person("engineer", random.Next(5) == 0, null)],
            };
            result[i] = catalog.Complete(t);
        }
        return result;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Reticle.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? Environment.GetEnvironmentVariable("RETICLE_ROOT")
            ?? throw new InvalidOperationException("cannot find the repository root; set RETICLE_ROOT");
    }
}
