using Reticle.Model;

namespace Reticle.Licensing;

/// <summary>
/// One line of a licence: the items it is for and how many of them, worth how much, may be exported under it.
/// </summary>
/// <param name="Number">1-based, as printed on the licence; uses and revocations refer to lines by it, so an amendment keeps it.</param>
/// <param name="Quantity">The most units that may be used under the line over its life; <c>null</c> is no quantity limit.</param>
/// <param name="Value">The most value; <c>null</c> is no value limit. Uses in another currency are never converted.</param>
public sealed record LicenseLine(int Number, LicenseItemCriteria Item, decimal? Quantity, Money? Value);
