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
    ImmutableArray<string> RuleVersions)
{
    /// <summary>The named conditions the findings refer to ("subject to the EAR"), each explained once.</summary>
    public ImmutableArray<Rules.Compilation.NamedConditionResult> Conditions { get; init; } = [];
}
