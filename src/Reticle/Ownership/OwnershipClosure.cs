using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using Reticle.Screening;

namespace Reticle.Ownership;

/// <summary>
/// The 50 % closure of one ownership graph under one regime on one date: which entities are owned 50 % or more, directly
/// or indirectly, individually or in the aggregate, by listed parties, and which might be. Computed once (two linear
/// passes over the stakes), then asked per party in constant time plus the size of its explanation.
/// </summary>
/// <remarks>
/// <para>The rule is a least fixed point: the listed parties are restricted; an entity is restricted when the stakes held in
/// it by restricted entities add up to 50 % or more. Adding restricted owners only adds stakes, so a worklist that adds each
/// stake once when its owner becomes restricted reaches the fixed point in O(stakes); an ownership cycle (A owns B owns A)
/// is walked at most once per stake, and a cycle of unlisted entities owning each other restricts nothing, because nothing
/// listed starts it. A restricted owner's stake counts in full: neither BIS (744.11(a)(1): "owned, directly or indirectly
/// ... by ... unlisted entities that are subject to Entity List license requirements ... based upon their ownership") nor
/// OFAC (2014 guidance, FAQ 401: an entity owned 50 % by a blocked entity's blocked subsidiary is blocked) multiplies shares
/// down a chain.</para>
/// <para>A stake whose share is not stated is counted twice over: as nothing for what is certain, and as everything for what
/// is possible. An entity possible but not certain is <see cref="OwnershipStatus.Undetermined"/>.</para>
/// </remarks>
public sealed class OwnershipClosure
{
    /// <summary>Paths reported per party; a party owned through many chains is explained by its largest ones.</summary>
    public const int MaxPaths = 20;

    private const int MaxDepth = 12;

    private readonly OwnershipGraph _graph;
    private readonly IReadOnlyDictionary<int, ImmutableArray<ListEntry>> _roots;
    private readonly int _day;

    // Certain: restricted on the facts held (order: when it became so, 0 for the listed; -1 never). Possible: could be.
    private readonly int[] _order;
    private readonly long[] _share;
    private readonly bool[] _possible;

    public OwnershipRegime Regime { get; }
    public LocalDate Date { get; }

    private OwnershipClosure(OwnershipGraph graph, OwnershipRegime regime, IReadOnlyDictionary<int, ImmutableArray<ListEntry>> roots, LocalDate date)
    {
        _graph = graph;
        Regime = regime;
        _roots = roots;
        Date = date;
        _day = OwnershipGraph.Day(date);
        (_order, _share) = Certain();
        _possible = Possible();
    }

    /// <summary>
    /// The closure on <paramref name="date"/> from the listed parties <paramref name="roots"/> names (graph node → the list
    /// entries it is on, already limited to the regime's lists and to listings in force on the date).
    /// </summary>
    public static OwnershipClosure Compute(OwnershipGraph graph, OwnershipRegime regime, IReadOnlyDictionary<int, ImmutableArray<ListEntry>> roots, LocalDate date) =>
        new(graph, regime, roots, date);

    /// <summary>How many entities are restricted (listed or owned); for reports and benchmarks.</summary>
    public int RestrictedCount => _order.Count(o => o >= 0);

    /// <summary>Whether <paramref name="node"/> is owned 50 % or more by restricted parties (listed itself or not).</summary>
    public bool IsOwned(int node) => node >= 0 && _share[node] >= OwnershipGraph.Half;

    /// <summary>The finding for <paramref name="node"/>, or null when it is neither owned nor possibly owned by listed parties.</summary>
    public OwnershipFinding? Find(int node)
    {
        if (node < 0)
        {
            return null;
        }
        if (IsOwned(node))
        {
            return Owned(node);
        }
        return _possible[node] && !_roots.ContainsKey(node) ? Undetermined(node) : null;
    }

    private (int[] Order, long[] Share) Certain()
    {
        var g = _graph;
        var order = new int[g.NodeCount];
        Array.Fill(order, -1);
        var share = new long[g.NodeCount];
        var queue = new int[g.NodeCount];
        int head = 0, tail = 0, next = 1;
        foreach (var root in _roots.Keys)
        {
            order[root] = 0;
            queue[tail++] = root;
        }
        while (head < tail)
        {
            var owner = queue[head++];
            for (var i = g.OutStart[owner]; i < g.OutStart[owner + 1]; i++)
            {
                var stake = g.OutStakes[i];
                var s = g.Share[stake];
                if (s <= 0 || !g.HeldOn(stake, _day))
                {
                    continue;
                }
                var owned = g.Owned[stake];
                var before = share[owned];
                share[owned] = before + s;
                if (order[owned] < 0 && share[owned] >= OwnershipGraph.Half)
                {
                    order[owned] = next++;
                    queue[tail++] = owned;
                }
            }
        }
        return (order, share);
    }

    private bool[] Possible()
    {
        var g = _graph;
        var possible = new bool[g.NodeCount];
        var share = new long[g.NodeCount];
        var queue = new int[g.NodeCount];
        int head = 0, tail = 0;
        foreach (var root in _roots.Keys)
        {
            possible[root] = true;
            queue[tail++] = root;
        }
        while (head < tail)
        {
            var owner = queue[head++];
            for (var i = g.OutStart[owner]; i < g.OutStart[owner + 1]; i++)
            {
                var stake = g.OutStakes[i];
                if (g.Share[stake] == 0 || !g.HeldOn(stake, _day))
                {
                    continue;
                }
                var owned = g.Owned[stake];
                share[owned] += g.Share[stake] == OwnershipGraph.UnknownShare ? 100 * OwnershipGraph.Scale : g.Share[stake];
                if (!possible[owned] && share[owned] >= OwnershipGraph.Half)
                {
                    possible[owned] = true;
                    queue[tail++] = owned;
                }
            }
        }
        return possible;
    }

    // The stakes that prove a restricted node restricted: held on the date, a stated share, an owner restricted before it
    // (or listed). Owners restricted only after it (a cycle back) count in the share but are not followed.
    private IEnumerable<(int Stake, int Owner, bool Earlier)> Contributors(int node)
    {
        var g = _graph;
        for (var i = g.InStart[node]; i < g.InStart[node + 1]; i++)
        {
            var stake = g.InStakes[i];
            var owner = g.Owner[stake];
            if (g.Share[stake] > 0 && g.HeldOn(stake, _day) && _order[owner] >= 0)
            {
                yield return (stake, owner, _order[owner] == 0 || (_order[node] > 0 && _order[owner] < _order[node]) || _order[node] == 0);
            }
        }
    }

    private OwnershipFinding Owned(int node)
    {
        var listed = new Dictionary<(string, string), ListEntry>();
        var seen = new HashSet<int>();
        CollectListed(node, listed, seen, 0);
        var paths = ImmutableArray.CreateBuilder<ImmutableArray<OwnershipStep>>();
        CollectPaths(node, [], new HashSet<int> { node }, paths);
        var percent = Math.Min(100m, (decimal)_share[node] / OwnershipGraph.Scale);
        return new OwnershipFinding(Regime, _graph.NameOf(node), _graph.CountryOf(node), OwnershipStatus.Owned, percent,
            [.. listed.Values.OrderBy(e => e.List, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal)],
            paths.ToImmutable(), "owned " + Describe(node, new HashSet<int> { node }, 0), []);
    }

    private void CollectListed(int node, Dictionary<(string, string), ListEntry> listed, HashSet<int> seen, int depth)
    {
        if (!seen.Add(node) || depth > MaxDepth * 4)
        {
            return;
        }
        foreach (var (_, owner, earlier) in Contributors(node))
        {
            if (_roots.TryGetValue(owner, out var entries))
            {
                foreach (var entry in entries)
                {
                    listed.TryAdd((entry.List, entry.Id), entry);
                }
            }
            else if (earlier)
            {
                CollectListed(owner, listed, seen, depth + 1);
            }
        }
    }

    private void CollectPaths(int node, ImmutableArray<OwnershipStep> prefix, HashSet<int> onPath, ImmutableArray<ImmutableArray<OwnershipStep>>.Builder paths)
    {
        foreach (var (stake, owner, earlier) in Contributors(node).OrderByDescending(c => _graph.Share[c.Stake]))
        {
            if (paths.Count >= MaxPaths)
            {
                return;
            }
            var root = _roots.TryGetValue(owner, out var entries);
            var step = new OwnershipStep(_graph.NameOf(owner), _graph.CountryOf(owner), Percent(_graph.Share[stake]), root ? entries[0] : null,
                _graph.Stakes[stake].Source);
            var path = prefix.Add(step);
            if (root)
            {
                paths.Add(path);
            }
            else if (earlier && prefix.Length < MaxDepth && onPath.Add(owner))
            {
                CollectPaths(owner, path, onPath, paths);
                onPath.Remove(owner);
            }
        }
    }

    // "30 % by X (EL, footnote 4) and 25 % through Y, itself owned 60 % by X (EL)". Bounded: the largest stakes of each
    // owner, a few levels deep (an owner shared by many chains would otherwise be described once per chain); the paths and
    // the listed owners give the rest in full.
    private string Describe(int node, HashSet<int> onPath, int depth)
    {
        var parts = new List<string>();
        var contributors = Contributors(node).OrderByDescending(c => _graph.Share[c.Stake]).ThenBy(c => _graph.NameOf(c.Owner), StringComparer.Ordinal).ToList();
        foreach (var (stake, owner, earlier) in contributors.Take(PartsShown))
        {
            var share = Format(Percent(_graph.Share[stake]));
            if (_roots.TryGetValue(owner, out var entries))
            {
                parts.Add($"{share} % by {_graph.NameOf(owner)} ({string.Join("; ", entries.Select(Listing))})");
            }
            else if (earlier && depth < DescribedLevels && onPath.Add(owner))
            {
                parts.Add($"{share} % through {_graph.NameOf(owner)}, itself owned {Describe(owner, onPath, depth + 1)}");
                onPath.Remove(owner);
            }
            else if (earlier && depth >= DescribedLevels)
            {
                parts.Add($"{share} % through {_graph.NameOf(owner)}, itself owned {Format(Math.Min(100m, Percent(_share[owner])))} % by listed or ownership-restricted parties");
            }
            else
            {
                parts.Add($"{share} % by {_graph.NameOf(owner)} (itself restricted through ownership)");
            }
        }
        if (contributors.Count > PartsShown)
        {
            var rest = contributors.Skip(PartsShown).Sum(c => _graph.Share[c.Stake]);
            parts.Add($"{Format(Percent(rest))} % through {contributors.Count - PartsShown} more");
        }
        return parts.Count switch
        {
            0 => "by listed parties",
            1 => parts[0],
            _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
        };
    }

    private const int PartsShown = 5;

    private const int DescribedLevels = 3;

    private OwnershipFinding Undetermined(int node)
    {
        var g = _graph;
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var listed = new Dictionary<(string, string), ListEntry>();
        for (var i = g.InStart[node]; i < g.InStart[node + 1]; i++)
        {
            var stake = g.InStakes[i];
            var owner = g.Owner[stake];
            if (!_possible[owner] || g.Share[stake] == 0 || !g.HeldOn(stake, _day))
            {
                continue;
            }
            if (g.Share[stake] == OwnershipGraph.UnknownShare)
            {
                missing.Add($"ownership share of '{g.NameOf(node)}' held by '{g.NameOf(owner)}' ({g.Stakes[stake].Source})");
            }
            else if (_order[owner] < 0)
            {
                missing.Add($"whether '{g.NameOf(owner)}' is 50 % or more owned by listed parties");
            }
        }
        CollectPossibleListed(node, listed, []);
        var certain = Math.Min(100m, (decimal)_share[node] / OwnershipGraph.Scale);
        var because = $"possibly owned 50 % or more by listed parties: {Format(certain)} % is held by listed or ownership-restricted owners on the facts held, "
            + $"and {string.Join("; ", missing)} {(missing.Count == 1 ? "is" : "are")} not known";
        return new OwnershipFinding(Regime, g.NameOf(node), g.CountryOf(node), OwnershipStatus.Undetermined, certain,
            [.. listed.Values.OrderBy(e => e.List, StringComparer.Ordinal)], [], because, [.. missing]);
    }

    // The listed parties an undetermined node could take its status from: every listed owner up the possible chains.
    private void CollectPossibleListed(int node, Dictionary<(string, string), ListEntry> listed, HashSet<int> seen)
    {
        var g = _graph;
        if (!seen.Add(node))
        {
            return;
        }
        for (var i = g.InStart[node]; i < g.InStart[node + 1]; i++)
        {
            var stake = g.InStakes[i];
            var owner = g.Owner[stake];
            if (!_possible[owner] || g.Share[stake] == 0 || !g.HeldOn(stake, _day))
            {
                continue;
            }
            if (_roots.TryGetValue(owner, out var entries))
            {
                foreach (var entry in entries)
                {
                    listed.TryAdd((entry.List, entry.Id), entry);
                }
            }
            else
            {
                CollectPossibleListed(owner, listed, seen);
            }
        }
    }

    /// <summary>"EL, footnote 4", "SDN".</summary>
    public static string Listing(ListEntry entry) =>
        entry.Footnotes.IsDefaultOrEmpty ? entry.List : $"{entry.List}, footnote {string.Join(", ", entry.Footnotes)}";

    private static decimal Percent(long share) => (decimal)share / OwnershipGraph.Scale;

    public static string Format(decimal percent) => percent.ToString("0.####", CultureInfo.InvariantCulture);
}
