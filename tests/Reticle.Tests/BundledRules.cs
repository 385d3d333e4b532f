using Reticle.Catalog;
using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;

namespace Reticle.Tests;

/// <summary>The bundled rule packs and catalogue, read from <c>content/</c> and compiled once for all tests.</summary>
internal static class BundledRules
{
    private static readonly Lazy<(IReadOnlyList<RulePack> Packs, RuleSet Rules)> Loaded = new(Load);
    private static readonly Lazy<ItemCatalog> LoadedCatalog = new(LoadCatalog);

    public static IReadOnlyList<RulePack> Packs => Loaded.Value.Packs;

    public static RuleSet Rules => Loaded.Value.Rules;

    public static ItemCatalog Catalog => LoadedCatalog.Value;

    public static IEnumerable<RulePackSource> Sources() =>
        Directory.EnumerateFiles(Path.Combine(Repository.Content, "packs"), "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => new RulePackSource(Path.GetRelativePath(Repository.Root, f), File.ReadAllText(f)));

    public static RuleSet KnownAt(NodaTime.LocalDate date)
    {
        var errors = new List<PackError>();
        return RuleSetCompiler.Compile(Packs, errors, date) ?? throw new InvalidOperationException(string.Join("\n", errors));
    }

    private static (IReadOnlyList<RulePack>, RuleSet) Load()
    {
        var errors = new List<PackError>();
        var packs = RulePackLoader.ReadAll(Sources(), errors);
        var rules = errors.Count == 0 ? RuleSetCompiler.Compile(packs, errors) : null;
        return rules is null ? throw new InvalidOperationException(string.Join("\n", errors)) : (packs, rules);
    }

    private static ItemCatalog LoadCatalog()
    {
        var errors = new List<PackError>();
        var items = Directory.EnumerateFiles(Path.Combine(Repository.Content, "catalog"), "*.yaml")
            .SelectMany(f => CatalogReader.Read(f, File.ReadAllText(f), errors))
            .ToList();
        return errors.Count == 0 ? new ItemCatalog(items) : throw new InvalidOperationException(string.Join("\n", errors));
    }
}
