using System.Collections.Immutable;
using Reticle.Model;
using Reticle.Screening.Matching;

namespace Reticle.Screening;

/// <summary>
/// Screens every party of a transaction against the lists held, for the determination: hits at or above the
/// alert threshold, each a match (at or above <see cref="ScreeningIndex.StrongMatch"/>) or a potential match.
/// </summary>
public sealed class PartyScreen(ScreeningIndex index, IReadOnlySet<string> listsDecided)
{
    public ScreeningIndex Index { get; } = index;

    public ImmutableArray<PartyHit> Screen(Transaction transaction)
    {
        if (transaction.Parties.IsDefaultOrEmpty)
        {
            return [];
        }
        var hits = ImmutableArray.CreateBuilder<PartyHit>();
        foreach (var party in transaction.Parties)
        {
            var found = Index.Screen(new ScreeningQuery(party.Name, party.Country.Value));
            // One entity is often on several datasets (SDN in the CSL and in OFAC's own file): report it once per
            // list and name, with its best score.
            var distinct = found.GroupBy(h => (h.Entry.List, h.Entry.Name)).Select(g => g.MaxBy(h => h.Score)!).ToList();
            // A party is one legal person: once a strong match identifies it, weaker candidates for it (its parent,
            // a sister company) are other parties, shown for the reviewer but not left open as its identity.
            var identified = distinct.Where(h => h.Score >= ScreeningIndex.StrongMatch).MaxBy(h => h.Score);
            foreach (var hit in distinct)
            {
                var status = hit.Score >= ScreeningIndex.StrongMatch ? ScreeningStatus.Match : ScreeningStatus.PotentialMatch;
                hits.Add(new PartyHit(party.Role, party.Name, hit, status,
                    Undecided: status == ScreeningStatus.Match && !listsDecided.Contains(hit.Entry.List))
                {
                    IdentifiedAs = status == ScreeningStatus.PotentialMatch ? identified : null,
                });
            }
        }
        return hits.ToImmutable();
    }
}
