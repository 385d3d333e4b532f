using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using NodaTime;
using Reticle.Model;
using Reticle.Screening;
using Reticle.Screening.Matching;

namespace Reticle.Ownership;

/// <summary>
/// The ownership facts of one set of ownership snapshots joined to the lists of one screening index: which owners are
/// listed (each owner's name screened once, strong matches only), and the 50 % closure per regime and date, computed
/// once per (list snapshots, ownership snapshots, date) and kept. Parties are found by name and country.
/// </summary>
/// <remarks>
/// A party the ownership facts do not name has no owner on record: no finding, and no review on that account (the facts
/// held are the extent of what is known; <see cref="Versions"/> says which they are). A party they name whose owners could
/// add up to 50 % but whose shares are not all stated is <see cref="OwnershipStatus.Undetermined"/>.
/// </remarks>
public sealed class OwnershipScreen
{
    /// <summary>Closures kept per screen (one per regime and date asked).</summary>
    public const int ClosuresKept = 64;

    private readonly ScreeningIndex? _index;
    private readonly Lazy<FrozenDictionary<int, ImmutableArray<ListEntry>>> _listedOwners;
    private readonly ConcurrentDictionary<(string Regime, LocalDate Date), Lazy<OwnershipClosure>> _closures = new();

    public OwnershipGraph Graph { get; }

    /// <summary>The ownership snapshots in use (dataset → <c>sha256:</c> of the source), as determinations record them.</summary>
    public ImmutableSortedDictionary<string, string> Versions { get; }

    /// <param name="index">The lists to find listed owners in; null when no list is known (then nobody is listed through ownership).</param>
    public OwnershipScreen(OwnershipGraph graph, ScreeningIndex? index, ImmutableSortedDictionary<string, string> versions)
    {
        Graph = graph;
        _index = index;
        Versions = versions;
        _listedOwners = new(ResolveListedOwners);
    }

    /// <summary>The screen over given listed owners (graph node → entries): for tests and benchmarks that need no index.</summary>
    public OwnershipScreen(OwnershipGraph graph, IReadOnlyDictionary<int, ImmutableArray<ListEntry>> listedOwners, ImmutableSortedDictionary<string, string> versions)
    {
        Graph = graph;
        Versions = versions;
        _listedOwners = new(() => listedOwners.ToFrozenDictionary());
    }

    /// <summary>Owners that are on a list any regime passes on, with their entries.</summary>
    public FrozenDictionary<int, ImmutableArray<ListEntry>> ListedOwners => _listedOwners.Value;

    private FrozenDictionary<int, ImmutableArray<ListEntry>> ResolveListedOwners()
    {
        var lists = OwnershipRegime.All.SelectMany(r => r.Lists).ToFrozenSet(StringComparer.Ordinal);
        var listed = new Dictionary<int, ImmutableArray<ListEntry>>();
        if (_index is null)
        {
            return listed.ToFrozenDictionary();
        }
        foreach (var owner in Graph.Owners())
        {
            // An owner is listed when its name strongly matches an entry: the determination's own standard for "is listed".
            var hits = _index.Screen(new ScreeningQuery(Graph.NameOf(owner), Graph.CountryOf(owner), Threshold: ScreeningIndex.StrongMatch, Lists: lists));
            var entries = hits.Where(h => h.Score >= ScreeningIndex.StrongMatch).Select(h => h.Entry).DistinctBy(e => (e.List, e.Id)).ToImmutableArray();
            if (!entries.IsEmpty)
            {
                listed[owner] = entries;
            }
        }
        return listed.ToFrozenDictionary();
    }

    /// <summary>The closure under <paramref name="regime"/> on <paramref name="date"/>, computed on first use.</summary>
    public OwnershipClosure Closure(OwnershipRegime regime, LocalDate date)
    {
        if (_closures.TryGetValue((regime.Code, date), out var known))
        {
            return known.Value;
        }
        // Counting a ConcurrentDictionary takes every lock: only when a closure is added, never on a lookup.
        if (_closures.Count >= ClosuresKept)
        {
            _closures.Clear();
        }
        return _closures.GetOrAdd((regime.Code, date), _ => new Lazy<OwnershipClosure>(() => OwnershipClosure.Compute(Graph, regime, RootsOn(regime, date), date))).Value;
    }

    // The regime's listed owners on the date: an Entity List entry listed after it is not yet listed for that act.
    private Dictionary<int, ImmutableArray<ListEntry>> RootsOn(OwnershipRegime regime, LocalDate date)
    {
        var roots = new Dictionary<int, ImmutableArray<ListEntry>>();
        foreach (var (node, entries) in ListedOwners)
        {
            var inForce = entries.Where(e => regime.Lists.Contains(e.List) && e.Listing?.For(date) != ListingStatus.NotYetListed).ToImmutableArray();
            if (!inForce.IsEmpty)
            {
                roots[node] = inForce;
            }
        }
        return roots;
    }

    /// <summary>What the ownership facts say of one name on one date, under every regime.</summary>
    public ImmutableArray<OwnershipFinding> Find(string name, string? country, LocalDate date)
    {
        var node = Graph.Find(name, country);
        if (node < 0)
        {
            return [];
        }
        var findings = ImmutableArray.CreateBuilder<OwnershipFinding>();
        foreach (var regime in OwnershipRegime.All)
        {
            if (Closure(regime, date).Find(node) is { } finding)
            {
                findings.Add(finding);
            }
        }
        return findings.ToImmutable();
    }

    /// <summary>The ownership findings for every party of a transaction on <paramref name="date"/>.</summary>
    public ImmutableArray<PartyOwnership> Screen(Transaction transaction, LocalDate date)
    {
        if (transaction.Parties.IsDefaultOrEmpty)
        {
            return [];
        }
        var found = ImmutableArray.CreateBuilder<PartyOwnership>();
        foreach (var party in transaction.Parties)
        {
            foreach (var finding in Find(party.Name, party.Country.Value, date))
            {
                found.Add(new PartyOwnership(party.Role, party.Name, finding));
            }
        }
        return found.ToImmutable();
    }
}
