using System.Collections.Immutable;
using NodaTime;
using Reticle.Ownership;
using Reticle.Screening;
using Reticle.Screening.Matching;

namespace Reticle.Service;

/// <summary>
/// What the ownership facts say about one party on one date (<c>reticle owners show</c>, <c>GET /api/v1/owners</c>, the
/// console's ownership picture): its direct owners with their stakes and whether each is listed or itself restricted through
/// ownership, what it holds, and the findings per regime with their paths to listed parties.
/// </summary>
/// <param name="Entity">The party as the ownership facts name it; null when they do not name it.</param>
internal sealed record OwnershipPicture(
    string Name,
    string? Country,
    LocalDate Date,
    string? Entity,
    string? EntityCountry,
    ImmutableArray<OwnershipPicture.Holding> Owners,
    ImmutableArray<OwnershipPicture.Holding> Holdings,
    ImmutableArray<OwnershipFinding> Findings,
    ImmutableSortedDictionary<string, string> OwnershipVersions,
    ImmutableSortedDictionary<string, string> ListVersions)
{
    /// <summary>One stake, seen from the party: the other entity, whether that entity is listed or restricted through ownership, and whether the stake is held on the date.</summary>
    public sealed record Holding(Stake Stake, string Other, string? OtherCountry, ImmutableArray<ListEntry> Listed, bool OwnedByListed, bool Held);

    /// <summary>The picture on <paramref name="date"/>; <paramref name="ownership"/> null means no ownership facts are held (or no list).</summary>
    public static OwnershipPicture Of(OwnershipScreen? ownership, ImmutableSortedDictionary<string, string> listVersions, string name, string? country, LocalDate date)
    {
        var empty = ImmutableSortedDictionary<string, string>.Empty;
        if (ownership is null || ownership.Graph.Find(name, country) is var node && node < 0)
        {
            return new OwnershipPicture(name, country, date, null, null, [], [], [], ownership?.Versions ?? empty, listVersions);
        }
        var graph = ownership.Graph;
        var bis = ownership.Closure(OwnershipRegime.BisAffiliates, date);
        Holding Of(int stake, int other)
        {
            var s = graph.Stakes[stake];
            var listed = ownership.ListedOwners.TryGetValue(other, out var entries) ? entries : [];
            return new Holding(s, graph.NameOf(other), graph.CountryOf(other), listed, bis.IsOwned(other), s.HeldOn(date));
        }
        var owners = graph.StakesIn(node).Select(i => Of(i, graph.OwnerOf(i))).OrderByDescending(h => h.Held).ThenByDescending(h => h.Stake.Percent ?? -1).ToImmutableArray();
        var holdings = graph.StakesHeldBy(node).Select(i => Of(i, graph.OwnedBy(i))).OrderByDescending(h => h.Held).ThenByDescending(h => h.Stake.Percent ?? -1).ToImmutableArray();
        return new OwnershipPicture(name, country, date, graph.NameOf(node), graph.CountryOf(node), owners, holdings, ownership.Find(name, country, date),
            ownership.Versions, listVersions);
    }
}
