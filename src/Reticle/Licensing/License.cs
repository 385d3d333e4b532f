using System.Collections.Immutable;
using NodaTime;
using Reticle.Model;
using Reticle.Time;

namespace Reticle.Licensing;

/// <summary>The terms of a licence as issued or as last amended (CONTRACT §5).</summary>
/// <remarks>
/// Coverage depends on these terms alone, not on which rule-pack version was in force when the
/// licence was issued: that is how grandfathering is modelled. The Dutch amendment in force
/// 2024-09-07 (Art. III) keeps licences issued under the old annex valid, so a licence for an
/// NXT:2050i issued in 2023 goes on covering shipments after the annex was replaced.
/// </remarks>
public sealed record License
{
    public required string Id { get; init; }
    public LicenseKind Kind { get; init; } = LicenseKind.Individual;

    /// <summary>The law the licence is granted under, as a determination names it ("NL", "EU", "JP", "US").</summary>
    public required string Jurisdiction { get; init; }

    /// <summary>Who holds it; <c>null</c> for a general authorisation, which any qualifying exporter may use.</summary>
    public string? Holder { get; init; }

    /// <summary>When the licence was granted and became known: the announcement date of its issue.</summary>
    public required LocalDate Issued { get; init; }

    /// <summary>
    /// The dates on which it may be used. A licence states its last valid day ("valid until
    /// 2024-12-31"); the period is half-open, so <see cref="EffectivePeriod.Until"/> is the day after.
    /// </summary>
    public required EffectivePeriod Validity { get; init; }

    public required ImmutableArray<CountryCode> Destinations { get; init; }
    public ImmutableArray<LicenseParty> Parties { get; init; } = [];
    public required ImmutableArray<LicenseLine> Lines { get; init; }
    public ImmutableArray<string> Conditions { get; init; } = [];

    /// <summary>The holder's own data given under <c>extensions</c> (JSON text), kept with the licence and never read by rules.</summary>
    public string? Extensions { get; init; }

    /// <summary>The last day the licence may be used, as the licence states it; <c>null</c> if open-ended.</summary>
    public LocalDate? ValidUntil => Validity.Until?.PlusDays(-1);

    public LicenseLine? Line(int number) => number >= 1 && number <= Lines.Length ? Lines[number - 1] : null;
}
