using NodaTime;
using Reticle.Time;

namespace Reticle.Licensing;

/// <summary>
/// The licence withdrawn, in whole or in part, for acts on or after <paramref name="Effective"/>.
/// Uses before that date stay lawful; the revocation counts only "as known" from <paramref name="Announced"/> on.
/// </summary>
public sealed record LicenseRevoked(string LicenseId, RevocationScope Scope, LocalDate Effective, LocalDate Announced, string? Reason)
    : LicenseEvent(LicenseId, Effective, Announced)
{
    /// <summary>"revoked from 2024-01-01 (announced 2024-01-01): reason", as reasons and notes quote it.</summary>
    public string Describe() =>
        $"revoked from {EffectivePeriod.Format(Effective)} (announced {EffectivePeriod.Format(Announced)}){(Reason is null ? "" : ": " + Reason)}";
}
