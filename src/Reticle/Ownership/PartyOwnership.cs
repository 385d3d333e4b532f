using Reticle.Model;

namespace Reticle.Ownership;

/// <summary>An ownership finding for one party of a transaction.</summary>
public sealed record PartyOwnership(PartyRole Role, string PartyName, OwnershipFinding Finding)
{
    /// <summary>
    /// The finding as the engine's list tests read it: one listing per listed owner, each carrying the finding (so that
    /// <c>ownedBy(EL, footnote = 5)</c> finds the owner with that footnote), confirmed only when ownership is shown.
    /// </summary>
    public IEnumerable<PartyListing> ToListings() => Finding.ListedOwners.Select(entry => new PartyListing(Role, PartyName, entry.List, entry.Id,
        entry.Name, entry.Footnotes, entry.LicenseRequirement, entry.LicensePolicy, entry.FederalRegister,
        Confirmed: Finding.Status == OwnershipStatus.Owned)
    {
        CoversAllItems = entry.List != "EL" || entry.Terms.CoversAllItems,
        Via = Finding,
    });
}
