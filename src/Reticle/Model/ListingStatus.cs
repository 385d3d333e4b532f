namespace Reticle.Model;

/// <summary>How an Entity List listing stands on the date of an act.</summary>
public enum ListingStatus
{
    /// <summary>The act is on or after the day the entry was certainly listed.</summary>
    Listed,

    /// <summary>The act is before the earliest day the listing can have applied: for this act the party is not listed.</summary>
    NotYetListed,

    /// <summary>The evidence cannot say whether the listing applied on the act's date: treated as listed, with a finding.</summary>
    TreatedAsListed,
}
