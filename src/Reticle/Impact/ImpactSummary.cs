using System.Collections.Immutable;
using NodaTime;
using Reticle.Model;

namespace Reticle.Impact;

/// <summary>The counts of an impact run and the value it puts at stake (CONTRACT §6), without the changes themselves.</summary>
/// <param name="Evaluated">The open orders decided.</param>
/// <param name="Immaterial">
/// Orders whose only movement was a jurisdiction between <c>not-applicable</c> and <c>permitted</c>; listed among the changes
/// (with <see cref="ImpactChange.Material"/> false) only when the run was asked for everything.
/// </param>
/// <param name="Material">The orders with a material change.</param>
/// <param name="ValueAtStake">The value of the orders whose outcome got worse, per currency (amounts in different currencies are never added).</param>
/// <param name="WorseWithoutValue">Material changes for the worse whose order states no value: not in <paramref name="ValueAtStake"/>, and said so.</param>
public sealed record ImpactSummary(LocalDate KnownAt, LocalDate Vs, int Evaluated, int Immaterial, int Material, ImmutableArray<Money> ValueAtStake, int WorseWithoutValue)
{
    /// <summary>The orders without a material change (those that moved only between <c>not-applicable</c> and <c>permitted</c> included).</summary>
    public int Unchanged => Evaluated - Material;
}
