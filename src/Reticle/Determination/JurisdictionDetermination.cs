using System.Collections.Immutable;

namespace Reticle.Determination;

/// <summary>What one jurisdiction's rules say about the transaction.</summary>
/// <param name="Notes">Context a reader needs that is not a finding: a rule not yet in force on the date, for instance.</param>
public sealed record JurisdictionDetermination(
    string Jurisdiction,
    Outcome Outcome,
    ImmutableArray<string> Classifications,
    ImmutableArray<Finding> Findings,
    ImmutableArray<string> Notes,
    ImmutableArray<string> RuleVersions);
