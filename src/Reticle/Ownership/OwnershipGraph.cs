using System.Collections.Immutable;
using NodaTime;
using Reticle.Model;

namespace Reticle.Ownership;

/// <summary>
/// Who owns whom, as one ownership snapshot says, laid out for the 50 % closure: each entity is a node (its normalised name
/// and country), each stake an edge held in flat arrays (both directions, in compressed rows), so that a closure over a
/// million stakes walks arrays instead of objects. Immutable once built; built once per ownership snapshot.
/// </summary>
public sealed class OwnershipGraph
{
    /// <summary>A share as the closure adds it: millionths of a percent, so 49.9 + 0.1 is exactly 50 (decimal input, no float drift).</summary>
    internal const long Scale = 1_000_000;

    /// <summary>50 %, in <see cref="Scale"/>.</summary>
    internal const long Half = 50 * Scale;

    /// <summary>A stake whose share the source does not give.</summary>
    internal const long UnknownShare = -1;

    private readonly Dictionary<string, int> _nodes;

    internal string[] Names { get; }
    internal string?[] Countries { get; }

    // Per stake: owner node, owned node, share (Scale units, or UnknownShare), first day and first day after (days since epoch).
    internal int[] Owner { get; }
    internal int[] Owned { get; }
    internal long[] Share { get; }
    internal int[] FromDay { get; }
    internal int[] UntilDay { get; }

    // Stakes by owner (OutStart[n]..OutStart[n+1] index OutStakes) and by owned entity (InStart / InStakes).
    internal int[] OutStart { get; }
    internal int[] OutStakes { get; }
    internal int[] InStart { get; }
    internal int[] InStakes { get; }

    public ImmutableArray<Stake> Stakes { get; }

    public int NodeCount => Names.Length;

    private OwnershipGraph(ImmutableArray<Stake> stakes, Dictionary<string, int> nodes, string[] names, string?[] countries, int[] owner, int[] owned)
    {
        Stakes = stakes;
        _nodes = nodes;
        _byName = new Lazy<Dictionary<string, int>>(ByName, LazyThreadSafetyMode.ExecutionAndPublication);
        Names = names;
        Countries = countries;
        Owner = owner;
        Owned = owned;
        Share = new long[stakes.Length];
        FromDay = new int[stakes.Length];
        UntilDay = new int[stakes.Length];
        for (var i = 0; i < stakes.Length; i++)
        {
            var s = stakes[i];
            Share[i] = s.Percent is { } p ? (long)decimal.Round(p * Scale) : UnknownShare;
            FromDay[i] = s.From is { } from ? Day(from) : int.MinValue;
            UntilDay[i] = s.Until is { } until ? Day(until) : int.MaxValue;
        }
        (OutStart, OutStakes) = Rows(owner, names.Length);
        (InStart, InStakes) = Rows(owned, names.Length);
    }

    internal static int Day(LocalDate date) => Period.DaysBetween(Epoch, date);

    private static readonly LocalDate Epoch = new(1970, 1, 1);

    /// <summary>Lays out <paramref name="stakes"/>; two spellings of one name ("Acme Co., Ltd." and "ACME CO LTD") in one country are one entity (<see cref="OwnershipKey"/>).</summary>
    public static OwnershipGraph Build(IEnumerable<Stake> stakes)
    {
        var all = stakes.ToImmutableArray();
        var nodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var countries = new List<string?>();
        int Node(string name, CountryCode? country)
        {
            var key = OwnershipKey.Of(name, country?.Value);
            if (!nodes.TryGetValue(key, out var id))
            {
                id = names.Count;
                nodes.Add(key, id);
                names.Add(name);
                countries.Add(country?.Value);
            }
            return id;
        }
        var owner = new int[all.Length];
        var owned = new int[all.Length];
        for (var i = 0; i < all.Length; i++)
        {
            owner[i] = Node(all[i].Owner, all[i].OwnerCountry);
            owned[i] = Node(all[i].Owned, all[i].OwnedCountry);
        }
        return new OwnershipGraph(all, nodes, [.. names], [.. countries], owner, owned);
    }

    /// <summary>
    /// The entity a party is, by its normalised name and country; -1 when the snapshot does not name it. A party given
    /// without a country (<c>reticle screen NAME</c>) is the entity of that name when the facts hold exactly one; when they
    /// hold several in different countries it is none of them, since the name alone cannot say which.
    /// </summary>
    public int Find(string name, string? country)
    {
        if (_nodes.TryGetValue(OwnershipKey.Of(name, country), out var id))
        {
            return id;
        }
        if (country is not null)
        {
            // A stake that gives no country for an entity still names it.
            return _nodes.TryGetValue(OwnershipKey.Of(name, null), out id) ? id : -1;
        }
        return _byName.Value.TryGetValue(OwnershipKey.Of(name, null), out id) ? id : -1;
    }

    // Entities by name alone (Ambiguous when several countries share it): made on the first lookup without a country, so
    // laying out a million stakes for decisions, whose parties always have a country, does not pay for it.
    private readonly Lazy<Dictionary<string, int>> _byName;
    private const int Ambiguous = -1;

    private Dictionary<string, int> ByName()
    {
        var byName = new Dictionary<string, int>(Names.Length, StringComparer.Ordinal);
        for (var node = 0; node < Names.Length; node++)
        {
            var key = OwnershipKey.Of(Names[node], null);
            byName[key] = byName.ContainsKey(key) ? Ambiguous : node;
        }
        return byName;
    }

    public string NameOf(int node) => Names[node];

    /// <summary>The node that holds stake <paramref name="stake"/> (an index into <see cref="Stakes"/>).</summary>
    public int OwnerOf(int stake) => Owner[stake];

    /// <summary>The node stake <paramref name="stake"/> is held in.</summary>
    public int OwnedBy(int stake) => Owned[stake];

    public string? CountryOf(int node) => Countries[node];

    /// <summary>The stakes held in <paramref name="node"/> (its owners).</summary>
    public IEnumerable<int> StakesIn(int node)
    {
        for (var i = InStart[node]; i < InStart[node + 1]; i++)
        {
            yield return InStakes[i];
        }
    }

    /// <summary>The stakes <paramref name="node"/> holds (what it owns).</summary>
    public IEnumerable<int> StakesHeldBy(int node)
    {
        for (var i = OutStart[node]; i < OutStart[node + 1]; i++)
        {
            yield return OutStakes[i];
        }
    }

    /// <summary>The nodes that hold at least one stake: only they can pass a listing on.</summary>
    public IEnumerable<int> Owners()
    {
        for (var n = 0; n < NodeCount; n++)
        {
            if (OutStart[n + 1] > OutStart[n])
            {
                yield return n;
            }
        }
    }

    internal bool HeldOn(int stake, int day) => day >= FromDay[stake] && day < UntilDay[stake];

    // Counting sort of the stakes by one end: start offsets per node and the stake indices in node order.
    private static (int[] Start, int[] Stakes) Rows(int[] end, int nodes)
    {
        var start = new int[nodes + 1];
        foreach (var n in end)
        {
            start[n + 1]++;
        }
        for (var n = 0; n < nodes; n++)
        {
            start[n + 1] += start[n];
        }
        var next = (int[])start.Clone();
        var stakes = new int[end.Length];
        for (var i = 0; i < end.Length; i++)
        {
            stakes[next[end[i]]++] = i;
        }
        return (start, stakes);
    }
}
