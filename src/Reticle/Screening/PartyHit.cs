using Reticle.Model;
using Reticle.Screening.Matching;

namespace Reticle.Screening;

/// <summary>A party of a transaction that screening found on a list, and how the hit counts.</summary>
/// <param name="Undecided">
/// True for a match on a list no rule decides (the packs ask only about lists they name, such as EL): the
/// determination cannot say what the listing means for this act, so a reviewer must.
/// </param>
public sealed record PartyHit(PartyRole Role, string PartyName, ScreeningHit Hit, ScreeningStatus Status, bool Undecided)
{
    /// <summary>
    /// For a potential match: the strong match that already identifies this party, if there is one. The
    /// potential match then stays in the report but does not hold the decision open.
    /// </summary>
    public ScreeningHit? IdentifiedAs { get; init; }

    /// <summary>
    /// The listing date the determination uses, where it differs from the entry's own: an Entity List party listed
    /// under several destinations (one entry each, same name) is dated by the earliest of them.
    /// </summary>
    public ListingDate? Listing { get; init; }

    /// <summary>Whether this hit holds the determination at <c>review</c> until a reviewer decides it.</summary>
    public bool Unresolved => Undecided || (Status == ScreeningStatus.PotentialMatch && IdentifiedAs is null);

    /// <summary>The hit as the engine's list tests read it.</summary>
    public PartyListing ToListing()
    {
        var entry = Hit.Entry;
        return new PartyListing(Role, PartyName, entry.List, entry.Id, entry.Name, entry.Footnotes, entry.LicenseRequirement,
            entry.LicensePolicy, entry.FederalRegister, Confirmed: Status == ScreeningStatus.Match)
        {
            CoversAllItems = entry.List != "EL" || entry.Terms.CoversAllItems,
            Listed = Listing ?? entry.Listing,
        };
    }
}
