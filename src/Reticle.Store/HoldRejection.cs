namespace Reticle.Store;

/// <summary>Why the store refused to release a hold, so a caller can answer each case in its own way (not found, conflict, forbidden).</summary>
public enum HoldRejection
{
    /// <summary>No hold has this id.</summary>
    Unknown,

    /// <summary>The hold is already released or has lapsed.</summary>
    NotHeld,

    /// <summary>The releaser requested the determination that placed the hold (four eyes).</summary>
    SameActor,
}
