using System.Collections.Immutable;
using Reticle.Model;

namespace Reticle.Impact;

/// <summary>
/// The material changes of one group (a jurisdiction, customer, item or month): how many, how many for the worse, the value
/// at stake, and the value held (the order cannot go ahead as it stands: licence missing, review or prohibited) before and after.
/// </summary>
public sealed record ImpactGroup(string Key, int Orders, int Worse, ImmutableArray<Money> ValueAtStake, ImmutableArray<Money> HeldBefore, ImmutableArray<Money> HeldAfter);
