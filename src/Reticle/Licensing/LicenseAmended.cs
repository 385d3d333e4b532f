using NodaTime;

namespace Reticle.Licensing;

/// <summary>
/// The licence's terms replaced from <paramref name="Effective"/> on: acts before that date are
/// judged by the earlier terms. Lines keep their numbers, so an amendment may add lines but not drop them.
/// </summary>
public sealed record LicenseAmended(License Terms, LocalDate Effective, LocalDate Announced, string? Reason = null)
    : LicenseEvent(Terms.Id, Effective, Announced);
