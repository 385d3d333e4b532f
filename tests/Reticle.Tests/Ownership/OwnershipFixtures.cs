using System.Collections.Immutable;
using NodaTime;
using Reticle.Model;
using Reticle.Ownership;
using Reticle.Screening;

namespace Reticle.Tests.Ownership;

/// <summary>Small ownership graphs with listed owners given directly (no screening index).</summary>
internal static class OwnershipFixtures
{
    public static readonly LocalDate Day = new(2026, 12, 1);

    public static ListEntry El(string name, int? footnote = null, string policy = "Presumption of denial") =>
        new("EL", $"el-{name}", name, [], ["CN"], footnote is { } f ? $"For all items subject to the EAR. (See §744.11 of the EAR)){f}" : "For all items subject to the EAR.",
            policy, "85 FR 83420");

    public static ListEntry Sdn(string name) => new("SDN", $"sdn-{name}", name, [], ["RU"], null, null, null);

    public static Stake Stake(string owner, string owned, decimal? percent, LocalDate? from = null, LocalDate? until = null) =>
        new(owner, CountryCode.Parse("CN"), owned, CountryCode.Parse("CN"), percent, from ?? new LocalDate(2020, 1, 1), until, $"register {owner}/{owned}");

    public static OwnershipScreen Screen(IEnumerable<Stake> stakes, params ListEntry[] listed)
    {
        var graph = OwnershipGraph.Build(stakes);
        var roots = new Dictionary<int, ImmutableArray<ListEntry>>();
        foreach (var entry in listed)
        {
            var node = graph.Find(entry.Name, "CN");
            if (node >= 0)
            {
                roots[node] = roots.TryGetValue(node, out var held) ? held.Add(entry) : [entry];
            }
        }
        return new OwnershipScreen(graph, roots, ImmutableSortedDictionary<string, string>.Empty.Add("owners", "sha256:test"));
    }

    public static OwnershipFinding? Bis(this OwnershipScreen screen, string name, LocalDate? date = null) =>
        screen.Find(name, "CN", date ?? Day).SingleOrDefault(f => f.Regime == OwnershipRegime.BisAffiliates);

    public static OwnershipFinding? Ofac(this OwnershipScreen screen, string name, LocalDate? date = null) =>
        screen.Find(name, "CN", date ?? Day).SingleOrDefault(f => f.Regime == OwnershipRegime.Ofac50);
}
