using System.Collections.Immutable;
using NodaTime;
using Reticle.Model;

namespace Reticle.Impact;

/// <summary>The orders whose outcome changes between what was known at <see cref="KnownAt"/> and at <see cref="Vs"/> (CONTRACT §6).</summary>
/// <param name="Immaterial">
/// Orders whose only movement was a jurisdiction between <c>not-applicable</c> and <c>permitted</c>; listed in
/// <see cref="Changes"/> (with <see cref="ImpactChange.Material"/> false) only when the run was asked for everything.
/// </param>
public sealed record ImpactReport(LocalDate KnownAt, LocalDate Vs, int Evaluated, int Immaterial, ImmutableArray<ImpactChange> Changes)
{
    /// <summary>The orders with a material change.</summary>
    public int Material => Changes.Count(c => c.Material);

    /// <summary>The orders without a material change (those that moved only between <c>not-applicable</c> and <c>permitted</c> included).</summary>
    public int Unchanged => Evaluated - Material;

    /// <summary>The value of the orders whose outcome got worse, per currency (amounts in different currencies are never added).</summary>
    public ImmutableArray<Money> ValueAtStake => ValueTotals.Sum(Changes.Where(c => c.Material && c.Worse).Select(c => c.Value));

    /// <summary>Material changes for the worse whose order states no value: not in <see cref="ValueAtStake"/>, and said so.</summary>
    public int WorseWithoutValue => Changes.Count(c => c.Material && c.Worse && c.Value is null);
}
