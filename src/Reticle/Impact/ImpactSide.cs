using NodaTime;
using Reticle.Determination;
using Reticle.Rules.Compilation;

namespace Reticle.Impact;

/// <summary>
/// What was known at one date (<see cref="DecisionBasis"/>): the rules published by then (whose <see cref="RuleSet.KnownAt"/> is
/// also the date up to which licence events count as announced), the lists imported by then, and the licence book.
/// </summary>
public sealed record ImpactSide(LocalDate KnownAt, DecisionBasis Basis);
