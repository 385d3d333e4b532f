using System.Collections.Immutable;

namespace Reticle.Model;

/// <summary>
/// A party of the transaction found on a restricted-party list, as screening reports it to the
/// engine: which list, which entry, the entry's footnotes (EAR Supp. 4 to Part 744: 1, 3, 4, 5) and
/// licence requirement, and whether the match is confirmed or only potential.
/// </summary>
public sealed record PartyListing(
    PartyRole Role,
    string PartyName,
    string List,
    string EntryId,
    string EntryName,
    ImmutableArray<int> Footnotes,
    string? LicenseRequirement,
    string? LicensePolicy,
    string? Citation,
    bool Confirmed)
{
    /// <summary>
    /// Whether the entry's licence requirement reaches every item subject to the EAR; where it is limited
    /// ("when used in projects specified in ...", listed CCL items) the engine cannot decide it alone.
    /// </summary>
    public bool CoversAllItems { get; init; } = true;

    /// <summary>
    /// For an Entity List entry, when it was listed and on what basis: an entry listed after the act's date is not
    /// listed for that act. Null for lists whose entries are not dated (then listed on every date).
    /// </summary>
    public ListingDate? Listed { get; init; }

    /// <summary>
    /// Set when the party is not on the list itself but owned 50 % or more by parties that are (or possibly so: then
    /// <see cref="Confirmed"/> is false): the entry is the listed owner's, and the finding holds the ownership paths. Only
    /// <c>ownedBy(...)</c> reads such a listing; <c>listed(...)</c> never does, because whether ownership carries a listing
    /// over is a rule of its own with its own dates (the BIS Affiliates rule, OFAC's 50 % rule).
    /// </summary>
    public Ownership.OwnershipFinding? Via { get; init; }
}
