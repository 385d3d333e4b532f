using System.Collections.Immutable;
using NodaTime;
using Reticle.Model;
using Reticle.Ownership;
using Reticle.Screening;

namespace Reticle.Bench.Ownership;

/// <summary>
/// A synthetic ownership graph shaped like a commercial register extract: a few top holding companies, each later entity
/// owned by one to three earlier ones (chains several levels deep), a share of stakes with unstated percentages or ended,
/// some cross-holdings back up the chain (cycles), and a thousand listed entities among the holding companies. Seeded, so
/// every run measures the same graph.
/// </summary>
internal sealed class OwnershipWorkload
{
    public static readonly LocalDate Date = new(2026, 11, 25);

    public ImmutableArray<Stake> Stakes { get; }
    public OwnershipGraph Graph { get; }
    public Dictionary<int, ImmutableArray<ListEntry>> Listed { get; }
    public HashSet<string> ListedNames { get; }

    /// <summary>Parties to look up: a mix of owned, undetermined and clean names.</summary>
    public string[] Parties { get; }

    public OwnershipWorkload(int stakes, int listed = 1000, int seed = 17)
    {
        var random = new Random(seed);
        var entities = Math.Max(10, stakes * 6 / 10);
        string Name(int i) => $"Entity {i:D7} Holdings Co., Ltd.";
        var cn = CountryCode.Parse("CN");
        var list = new List<Stake>(stakes);
        var top = Math.Max(10, entities / 50);
        for (var owned = top; owned < entities && list.Count < stakes; owned++)
        {
            var owners = 1 + random.Next(3);
            var left = 100m;
            for (var k = 0; k < owners && list.Count < stakes; k++)
            {
                // Mostly an earlier entity (chains several levels deep), sometimes a later one (cross-holdings, cycles).
                var owner = random.Next(20) == 0 ? random.Next(entities) : random.Next(Math.Max(1, owned - 1));
                if (owner == owned)
                {
                    continue;
                }
                var share = k == owners - 1 ? left : Math.Round(left * (decimal)(0.3 + random.NextDouble() * 0.6), 2);
                left -= share;
                decimal? percent = random.Next(50) == 0 ? null : share;
                LocalDate? until = random.Next(20) == 0 ? new LocalDate(2024, 1, 1) : null;
                list.Add(new Stake(Name(owner), cn, Name(owned), cn, percent, new LocalDate(2015, 1, 1), until, "synthetic register"));
            }
        }
        while (list.Count < stakes)
        {
            var (a, b) = (random.Next(entities), random.Next(entities));
            if (a != b)
            {
                list.Add(new Stake(Name(a), cn, Name(b), cn, 1m + random.Next(10), new LocalDate(2015, 1, 1), null, "synthetic register"));
            }
        }
        Stakes = [.. list];
        Graph = OwnershipGraph.Build(Stakes);
        Listed = [];
        ListedNames = [];
        for (var i = 0; i < listed; i++)
        {
            var name = Name(random.Next(top * 5));
            var node = Graph.Find(name, "CN");
            if (node >= 0 && !Listed.ContainsKey(node))
            {
                Listed[node] = [new ListEntry("EL", $"el-{i}", name, [], ["CN"], "For all items subject to the EAR.", "Presumption of denial", "synthetic")];
                ListedNames.Add(name);
            }
        }
        Parties = [.. Enumerable.Range(0, 1024).Select(_ => Name(random.Next(entities)))];
    }
}
