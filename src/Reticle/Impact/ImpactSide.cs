using System.Collections.Immutable;
using NodaTime;
using Reticle.Licensing;
using Reticle.Rules.Compilation;
using Reticle.Screening;

namespace Reticle.Impact;

/// <summary>
/// What was known at one date: the rules published by then (<see cref="RuleSet.KnownAt"/>, which is also the
/// date up to which licence events count as announced), the lists imported by then, and the licence book.
/// </summary>
/// <param name="ListVersions">The list snapshots in use (dataset → "sha256:…"), as determinations record them.</param>
public sealed record ImpactSide(LocalDate KnownAt, RuleSet Rules, PartyScreen Screen, ImmutableSortedDictionary<string, string> ListVersions, LicenseBook Licenses);
