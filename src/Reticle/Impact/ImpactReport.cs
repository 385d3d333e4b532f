using System.Collections.Immutable;
using NodaTime;
using Reticle.Model;

namespace Reticle.Impact;

/// <summary>
/// The orders whose outcome changes between what was known at <see cref="KnownAt"/> and at <see cref="Vs"/> (CONTRACT §6), all held:
/// for callers whose changes are few (a job's shard, what-if's totals, tests). A report over a whole book is streamed instead
/// (<see cref="ImpactAnalysis.ChangesAsync{T}"/>).
/// </summary>
public sealed record ImpactReport(ImpactSummary Summary, ImmutableArray<ImpactChange> Changes)
{
    public LocalDate KnownAt => Summary.KnownAt;

    public LocalDate Vs => Summary.Vs;

    public int Evaluated => Summary.Evaluated;

    /// <inheritdoc cref="ImpactSummary.Immaterial"/>
    public int Immaterial => Summary.Immaterial;

    /// <inheritdoc cref="ImpactSummary.Material"/>
    public int Material => Summary.Material;

    /// <inheritdoc cref="ImpactSummary.Unchanged"/>
    public int Unchanged => Summary.Unchanged;

    /// <inheritdoc cref="ImpactSummary.ValueAtStake"/>
    public ImmutableArray<Money> ValueAtStake => Summary.ValueAtStake;

    /// <inheritdoc cref="ImpactSummary.WorseWithoutValue"/>
    public int WorseWithoutValue => Summary.WorseWithoutValue;
}
