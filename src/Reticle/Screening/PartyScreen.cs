using System.Collections.Immutable;
using Reticle.Model;
using Reticle.Screening.Matching;

namespace Reticle.Screening;

/// <summary>
/// Screens every party of a transaction against the lists held, for the determination: hits at or above the
/// alert threshold, each a match (at or above <see cref="ScreeningIndex.StrongMatch"/>) or a potential match.
/// </summary>
/// <remarks>
/// The same counterparties come back order after order (a fab's name is on every one of its shipments), and the
/// index is immutable: each distinct (name, country) is looked up once per index and the hits remembered, up to
/// <see cref="RememberedNames"/> names (then forgotten all at once and gathered again). A new list snapshot
/// builds a new index and with it a new <see cref="PartyScreen"/>, so nothing remembered outlives its lists.
/// </remarks>
public sealed class PartyScreen(ScreeningIndex index, IReadOnlySet<string> listsDecided)
{
    /// <summary>How many distinct (name, country) lookups are remembered.</summary>
    public const int RememberedNames = 50_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Name, string? Country), ImmutableArray<ScreeningHit>> _remembered = new();

    public ScreeningIndex Index { get; } = index;

    private ImmutableArray<ScreeningHit> Lookup(string name, string? country)
    {
        if (_remembered.TryGetValue((name, country), out var known))
        {
            return known;
        }
        var found = Index.Screen(new ScreeningQuery(name, country));
        if (_remembered.Count >= RememberedNames)
        {
            _remembered.Clear();
        }
        _remembered.TryAdd((name, country), found);
        return found;
    }

    public ImmutableArray<PartyHit> Screen(Transaction transaction)
    {
        if (transaction.Parties.IsDefaultOrEmpty)
        {
            return [];
        }
        var hits = ImmutableArray.CreateBuilder<PartyHit>();
        foreach (var party in transaction.Parties)
        {
            var found = Lookup(party.Name, party.Country.Value);
            // One entity is often on several datasets (SDN in the CSL and in OFAC's own file): report it once per
            // list and name, with its best score.
            var distinct = found.GroupBy(h => (h.Entry.List, h.Entry.Name)).Select(g => (Hit: g.MaxBy(h => h.Score)!, Listing: Earliest(g))).ToList();
            // A party is one legal person: once a strong match identifies it, weaker candidates for it (its parent,
            // a sister company) are other parties, shown for the reviewer but not left open as its identity.
            var identified = distinct.Select(d => d.Hit).Where(h => h.Score >= ScreeningIndex.StrongMatch).MaxBy(h => h.Score);
            foreach (var (hit, listing) in distinct)
            {
                var status = hit.Score >= ScreeningIndex.StrongMatch ? ScreeningStatus.Match : ScreeningStatus.PotentialMatch;
                hits.Add(new PartyHit(party.Role, party.Name, hit, status,
                    Undecided: status == ScreeningStatus.Match && !listsDecided.Contains(hit.Entry.List))
                {
                    IdentifiedAs = status == ScreeningStatus.PotentialMatch ? identified : null,
                    Listing = listing,
                });
            }
        }
        return hits.ToImmutable();
    }

    // One entity listed under several destinations has an entry for each, with one name and the citations of each
    // entry's own history ("Dart Aviation": 84 FR 61538 under Iran, 90 FR 14046 under France): it was listed from the
    // earliest of them. Null (the entry's own date) when the name has one entry.
    private static ListingDate? Earliest(IEnumerable<ScreeningHit> sameName)
    {
        ListingDate? earliest = null;
        var count = 0;
        foreach (var hit in sameName)
        {
            count++;
            if (hit.Entry.Listing is not { } listing)
            {
                return null;
            }
            if (earliest is null || Before(listing, earliest))
            {
                earliest = listing;
            }
        }
        return count > 1 ? earliest : null;
    }

    // Which listing applies from earlier: the one bounded less from below (no bound at all first), then the one certain sooner.
    private static bool Before(ListingDate a, ListingDate b) =>
        a.NotBefore != b.NotBefore
            ? a.NotBefore is null || (b.NotBefore is { } bFrom && a.NotBefore < bFrom)
            : a.By is { } aBy && (b.By is null || aBy < b.By);
}
