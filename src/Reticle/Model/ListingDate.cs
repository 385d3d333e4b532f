using NodaTime;

namespace Reticle.Model;

/// <summary>
/// When an Entity List entry began to apply, as far as the evidence held shows it, and on what basis. An entry
/// applies to acts on or after the day it was listed; the Consolidated Screening List carries no dates, so the
/// date is derived (from the entry's Federal Register citations, or from an older list snapshot that already held
/// it) and may be known only as a bound.
/// </summary>
/// <param name="NotBefore">
/// The earliest day the listing can have applied: for an act before it the entry was not yet listed. Null when
/// nothing bounds it from below (then the party is treated as listed whatever the act's date).
/// </param>
/// <param name="By">The day by which it was certainly listed (inclusive), or null when unknown.</param>
/// <param name="Basis">What dated it, for findings: "90 FR 4617", "in the us-csl snapshot of 2019-06-30"…</param>
public sealed record ListingDate(LocalDate? NotBefore, LocalDate? By, string Basis)
{
    /// <summary>A listing no evidence dates: treated as listed on every date.</summary>
    public static ListingDate Unknown(string why) => new(null, null, why);

    /// <summary>The date the listing took effect, where the evidence gives it exactly.</summary>
    public LocalDate? Exact => NotBefore is { } from && By == from ? from : null;

    /// <summary>How the listing stands for an act on <paramref name="act"/>.</summary>
    public ListingStatus For(LocalDate act) =>
        By is { } by && act >= by ? ListingStatus.Listed
        : NotBefore is { } from && act < from ? ListingStatus.NotYetListed
        : ListingStatus.TreatedAsListed;

    /// <summary>What dated the listing, whatever the act: "listed 2025-01-16 (90 FR 4617)", "listed by …", "listing date unknown (…)".</summary>
    public string Summary =>
        Exact is { } exact ? $"listed {Time.EffectivePeriod.Format(exact)} ({Basis})"
        : By is { } by ? $"listed by {Time.EffectivePeriod.Format(by)} ({Basis})"
        : $"listing date unknown ({Basis})";

    /// <summary>The finding for an act on <paramref name="act"/>: which basis dated the listing and what follows from it.</summary>
    public string Describe(LocalDate act) => For(act) switch
    {
        ListingStatus.Listed => Summary,
        ListingStatus.NotYetListed when Exact is not null => $"{Summary}, after this act ({Time.EffectivePeriod.Format(act)}): not listed for it",
        ListingStatus.NotYetListed => $"listed no earlier than {Time.EffectivePeriod.Format(NotBefore!.Value)} ({Basis}), after this act ({Time.EffectivePeriod.Format(act)}): not listed for it",
        _ when By is not null => $"{Summary}; whether it applied on {Time.EffectivePeriod.Format(act)} is not known: treated as listed",
        _ => $"{Summary}: treated as listed",
    };
}
