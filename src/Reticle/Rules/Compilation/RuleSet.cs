using NodaTime;

namespace Reticle.Rules.Compilation;

/// <summary>
/// All rule packs, validated and compiled once into an immutable object that decisions are made
/// against. A rule set is built for one state of knowledge: everything, or only what had been
/// published by <see cref="KnownAt"/> (<c>check --known-at</c>).
/// </summary>
public sealed class RuleSet
{
    internal RuleSet(IReadOnlyList<CompiledPack> packs, ParameterRegistry parameters, IReadOnlyDictionary<string, CountryGroup> groups,
        int controlCount, int namedCount, int classifiedCount, string hash, LocalDate? knownAt)
    {
        NamedCount = namedCount;
        ClassifiedCount = classifiedCount;
        Packs = packs;
        Parameters = parameters;
        Groups = groups;
        ControlCount = controlCount;
        Hash = hash;
        KnownAt = knownAt;
        Jurisdictions = packs.Select(p => p.Source.Jurisdiction).Distinct().Order(StringComparer.Ordinal).ToArray();
        ByJurisdiction = Jurisdictions.Select(j => packs.Where(p => p.Source.Jurisdiction == j).ToArray()).ToArray();
    }

    public IReadOnlyList<CompiledPack> Packs { get; }
    public ParameterRegistry Parameters { get; }
    public IReadOnlyDictionary<string, CountryGroup> Groups { get; }

    /// <summary>Jurisdictions with at least one pack, in code order (EU, JP, NL, US).</summary>
    public IReadOnlyList<string> Jurisdictions { get; }

    internal CompiledPack[][] ByJurisdiction { get; }

    internal int ControlCount { get; }

    internal int NamedCount { get; }

    internal int ClassifiedCount { get; }

    /// <summary>SHA-256 over the packs' own hashes: names exactly the rules a decision was made with.</summary>
    public string Hash { get; }

    public LocalDate? KnownAt { get; }

    /// <summary>The restricted-party lists (by code: EL…) whose listings some rule decides on.</summary>
    public System.Collections.Immutable.ImmutableSortedSet<string> ListsDecided { get; init; } = [];
}
