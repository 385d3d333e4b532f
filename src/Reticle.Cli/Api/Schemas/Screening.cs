using System.ComponentModel;
using PartyTypes = Reticle.Screening.PartyType;
using ScoringModes = Reticle.Screening.Matching.ScoringMode;

namespace Reticle.Cli.Api.Schemas;

// POST /screenings as ScreeningRequest reads it, and the answers ScreeningJson writes (CONTRACT §4).

[Description("Screen one name.")]
internal sealed record ScreeningRequest
{
    [Description("1 to 1,000 characters.")]
    public required string Name { get; init; }

    [Description("ISO 3166-1 alpha-2.")]
    public string? Country { get; init; }

    [WireValues(typeof(PartyTypes))]
    public string? Type { get; init; }

    [Description("The alert threshold, 0 to 1 (the product's default if left out).")]
    public double? Threshold { get; init; }

    [Description("At most this many hits, 1 to 100 (default 10).")]
    public int? Limit { get; init; }

    [Description("Only these lists (EL, SDN, DPL, UN ...).")]
    public IReadOnlyList<string>? Lists { get; init; }

    [WireValues(typeof(ScoringModes))]
    public string? Mode { get; init; }
}

[Description("Screen many names at once (1 to 10,000).")]
internal sealed record ScreeningBatchRequest
{
    public required IReadOnlyList<ScreeningParty> Parties { get; init; }

    public double? Threshold { get; init; }

    public int? Limit { get; init; }

    public IReadOnlyList<string>? Lists { get; init; }

    [WireValues(typeof(ScoringModes))]
    public string? Mode { get; init; }
}

internal sealed record ScreeningParty
{
    [Description("Your reference, given back with the party's result.")]
    public string? Id { get; init; }

    public required string Name { get; init; }

    public string? Country { get; init; }

    [WireValues(typeof(PartyTypes))]
    public string? Type { get; init; }
}

[OneOf(typeof(ScreeningRequest), typeof(ScreeningBatchRequest))]
[Description("One name, or {\"parties\": [...]}.")]
internal sealed record ScreeningsRequest;

[Description("A screening result (CONTRACT §4): the hits at or above the threshold, best first; none means no alert.")]
internal sealed record ScreeningResult
{
    [Description("The party's id as given in a batch.")]
    public string? Id { get; init; }

    public required ScreeningQuery Query { get; init; }

    [WireValues(typeof(ScoringModes))]
    public required string Mode { get; init; }

    public required double Threshold { get; init; }

    public required IReadOnlyList<ScreeningHit> Hits { get; init; }

    [Description("Present when the ownership facts show the name owned 50 % or more by listed parties (or possibly so) today: caught though no listed name resembles it.")]
    public IReadOnlyList<OwnershipFinding>? Ownership { get; init; }
}

internal sealed record ScreeningQuery
{
    public required string Name { get; init; }

    public string? Country { get; init; }

    [WireValues(typeof(PartyTypes))]
    public string? Type { get; init; }
}

internal sealed record ScreeningHit
{
    [Description("The list's name.")]
    public required string List { get; init; }

    [Description("The list's code (EL, SDN, DPL, UN ...).")]
    public required string ListCode { get; init; }

    public required string EntryId { get; init; }

    [Description("The entry's primary name.")]
    public required string Name { get; init; }

    [Description("The name or alias that matched.")]
    public required string MatchedName { get; init; }

    public required double Score { get; init; }

    [Description("Why it matched.")]
    public required IReadOnlyList<string> Explanation { get; init; }

    [WireValues(typeof(PartyTypes))]
    public string? Type { get; init; }

    public IReadOnlyList<string>? Countries { get; init; }

    public IReadOnlyList<string>? Programs { get; init; }

    [Description("Entity List entries: the licence requirement, review policy, Federal Register citation and footnotes.")]
    public string? LicenseRequirement { get; init; }

    public string? LicensePolicy { get; init; }

    public string? FederalRegister { get; init; }

    public IReadOnlyList<int>? Footnotes { get; init; }

    [Format(FormatAttribute.Date)]
    [Description("Entity List entries: the date the entry applies from (its listing date, or the date a snapshot held it by), when known.")]
    public string? ListedOn { get; init; }

    [Description("Entity List entries: how the listing is dated (\"listed 2025-01-16 (90 FR 4617)\", or that the date is unknown and the entry treated as listed).")]
    public string? Listing { get; init; }
}

[Description("The answer to a batch: one result per party, in order, each with the party's id.")]
internal sealed record ScreeningBatchResult
{
    public required IReadOnlyList<ScreeningResult> Results { get; init; }
}

[AnyOf(typeof(ScreeningResult), typeof(ScreeningBatchResult))]
internal sealed record ScreeningAnswer;
