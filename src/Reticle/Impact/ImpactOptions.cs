using System.Collections.Immutable;

namespace Reticle.Impact;

/// <summary>How an impact run reports.</summary>
/// <param name="IncludeImmaterial">List the orders whose only movement is between <c>not-applicable</c> and <c>permitted</c> too (<c>--all</c>).</param>
/// <param name="Explain">
/// Why a change happened, given the two full determinations; null for the impact report's own reasons (licence events,
/// rule packs and list snapshots that differ between the two dates of knowledge). What-if names the draft rules instead.
/// </param>
public sealed record ImpactOptions(bool IncludeImmaterial = false, Func<Determination.Determination, Determination.Determination, ImmutableArray<string>>? Explain = null)
{
    /// <summary>
    /// Batches of orders decided at once (<see cref="ImpactAnalysis.BatchSize"/> orders each); null for twice the cores. One
    /// decides the orders one batch after the other, on one core (the benchmark's baseline). The report is the same either way.
    /// </summary>
    public int? BatchesInFlight { get; init; }

    public static ImpactOptions Default { get; } = new();
}
