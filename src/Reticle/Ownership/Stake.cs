using NodaTime;
using Reticle.Model;

namespace Reticle.Ownership;

/// <summary>
/// One fact of ownership: <paramref name="Owner"/> holds <paramref name="Percent"/> of <paramref name="Owned"/> from
/// <paramref name="From"/> until <paramref name="Until"/> (half-open, as rule periods are), and where that is said
/// (<paramref name="Source"/>: a register extract, a filing, a data vendor's record id).
/// </summary>
/// <param name="Percent">0–100; null when the source states the relationship but not the share (a GLEIF consolidation record
/// without a quantifier): such a stake can neither prove nor rule out 50 %, and is reported as the missing fact.</param>
/// <param name="From">The first day the stake is held; null when the source does not date its start (then held on every day before <paramref name="Until"/>).</param>
/// <param name="Until">The first day it is no longer held; null while it is held.</param>
public sealed record Stake(
    string Owner,
    CountryCode? OwnerCountry,
    string Owned,
    CountryCode? OwnedCountry,
    decimal? Percent,
    LocalDate? From,
    LocalDate? Until,
    string Source)
{
    /// <summary>Whether the stake is held on <paramref name="date"/>.</summary>
    public bool HeldOn(LocalDate date) => (From is not { } from || date >= from) && (Until is not { } until || date < until);
}
