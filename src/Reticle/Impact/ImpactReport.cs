using System.Collections.Immutable;
using NodaTime;

namespace Reticle.Impact;

/// <summary>The orders whose outcome changes between what was known at <see cref="KnownAt"/> and at <see cref="Vs"/> (CONTRACT §6).</summary>
public sealed record ImpactReport(LocalDate KnownAt, LocalDate Vs, int Evaluated, ImmutableArray<ImpactChange> Changes)
{
    public int Unchanged => Evaluated - Changes.Length;
}
