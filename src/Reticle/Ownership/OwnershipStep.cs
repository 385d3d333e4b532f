using Reticle.Screening;

namespace Reticle.Ownership;

/// <summary>
/// One link of an ownership path, read from the party upwards: <see cref="Owner"/> holds <see cref="Percent"/> of the
/// entity below it; <see cref="Listing"/> is set where the owner is itself listed (the path's end).
/// </summary>
public sealed record OwnershipStep(string Owner, string? Country, decimal Percent, ListEntry? Listing, string Source);
