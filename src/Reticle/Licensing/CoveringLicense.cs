using Reticle.Model;

namespace Reticle.Licensing;

/// <summary>
/// The licence line that covers a transaction, and what the line has left once this transaction has used it
/// (<c>null</c> where the line has no such limit).
/// </summary>
public sealed record CoveringLicense(string LicenseId, LicenseKind Kind, int Line, decimal? RemainingQuantity, Money? RemainingValue);
