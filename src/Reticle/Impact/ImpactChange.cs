using System.Collections.Immutable;

namespace Reticle.Impact;

/// <summary>An order whose outcome differs between the two dates of knowledge, both full determinations, and why.</summary>
public sealed record ImpactChange(Determination.Determination Before, Determination.Determination After, ImmutableArray<string> Because);
