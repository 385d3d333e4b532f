using Reticle.Rules.Packs;

namespace Reticle.Service;

/// <summary>A folder of rule-pack YAML files (searched recursively, in name order), as <c>packs validate</c> and <c>whatif --packs</c> read it.</summary>
internal static class RulePackFolder
{
    /// <returns>Null when the folder does not exist.</returns>
    public static IReadOnlyList<RulePackSource>? Read(string directory) => !Directory.Exists(directory) ? null
        : [.. Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new RulePackSource(f, File.ReadAllText(f)))];
}
