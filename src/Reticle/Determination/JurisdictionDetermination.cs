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

    /// <summary>The licence line that covers the transaction (outcome <see cref="Outcome.Licensed"/>) and what it has left after it; <c>null</c> otherwise.</summary>
    public Licensing.CoveringLicense? License { get; init; }

    /// <summary>Where a licence was needed: the licences looked at that do not cover the transaction, each with why.</summary>
    public ImmutableArray<Licensing.LicenseConsidered> LicensesConsidered { get; init; } = [];
}
