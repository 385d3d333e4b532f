using System.Collections.Immutable;
using NodaTime;

namespace Reticle.Determination;

/// <summary>The decision on one transaction on one date, per jurisdiction and overall (CONTRACT §3).</summary>
public sealed record Determination(
    string Transaction,
    LocalDate AsOf,
    LocalDate? KnownAt,
    Outcome Outcome,
    ImmutableArray<JurisdictionDetermination> Jurisdictions,
    string RuleSetHash)
{
    /// <summary>The list snapshots the parties were screened against ("us-csl" -> "sha256:…").</summary>
    public ImmutableSortedDictionary<string, string> ListVersions { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>What screening found for the parties: matches and potential matches, best first per party.</summary>
    public ImmutableArray<Screening.PartyHit> Screening { get; init; } = [];

    /// <summary>Parties owned 50 % or more by listed parties (or possibly so) on the act's date, with their paths.</summary>
    public ImmutableArray<Ownership.PartyOwnership> Ownership { get; init; } = [];

    /// <summary>The ownership snapshots the ownership findings came from ("owners" -> "sha256:…"); empty when none is held.</summary>
    public ImmutableSortedDictionary<string, string> OwnershipVersions { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>
    /// Facts of the whole transaction that are missing and hold the outcome at <c>review</c> at least: <c>parties</c> when
    /// the transaction names no party, so nobody could be screened (CONTRACT §2). Per-rule missing facts are in findings.
    /// </summary>
    public ImmutableArray<string> Missing { get; init; } = [];

    /// <summary>The rule-pack versions each jurisdiction was decided with ("nl.sme-2023@2023-09-01").</summary>
    public ImmutableSortedDictionary<string, string> RuleVersions =>
        Jurisdictions.ToImmutableSortedDictionary(j => j.Jurisdiction, j => string.Join(", ", j.RuleVersions), StringComparer.Ordinal);
}
