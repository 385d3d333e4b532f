using System.ComponentModel;

namespace Reticle.Cli.Api.Schemas;

// Ownership findings as OwnershipJson writes them (in determinations and screenings), and the ownership picture of
// GET /api/v1/owners as OwnersJson writes it (CONTRACT §10, extended).

[Description("A party owned 50 % or more, directly or indirectly, individually or in the aggregate, by listed parties (or possibly so), with the paths.")]
internal sealed record OwnershipFinding
{
    [Description("In a determination: the party's role.")]
    public string? Role { get; init; }

    [Description("The party's name (in a determination, as the transaction gives it; elsewhere as the ownership facts spell it).")]
    public required string Name { get; init; }

    public string? Country { get; init; }

    [Description("bis-affiliates (the BIS Affiliates rule: EL, MEU and SDN owners aggregated) or ofac-50 (OFAC's 50 % rule: SDN owners).")]
    public required string Regime { get; init; }

    public required string Rule { get; init; }

    public required string Citation { get; init; }

    [Description("owned: the facts show 50 % or more; undetermined: they could but do not (a share not stated), see missing.")]
    public required string Status { get; init; }

    [Description("The share held by listed and ownership-restricted owners, added up (0 to 100).")]
    public required decimal Percent { get; init; }

    [Description("\"owned 30 % by X (EL, footnote 4) and 25 % through Y, itself owned 60 % by X (EL, footnote 4)\".")]
    public required string Because { get; init; }

    [Description("The listed parties the status flows from; the party takes the strictest licence requirement and review policy among them.")]
    public required IReadOnlyList<ListedOwner> ListedOwners { get; init; }

    [Description("Each path from the party up to a listed owner, one step per stake.")]
    public required IReadOnlyList<IReadOnlyList<OwnershipStep>> Paths { get; init; }

    [Description("For an undetermined party: the facts that would settle it.")]
    public IReadOnlyList<string>? Missing { get; init; }
}

internal sealed record ListedOwner
{
    public required string List { get; init; }

    public required string ListName { get; init; }

    public required string EntryId { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<int> Footnotes { get; init; }

    public string? LicenseRequirement { get; init; }

    public string? LicensePolicy { get; init; }
}

[Description("One stake of a path: the owner holds percent of the entity below it; list and entryId where the owner is listed.")]
internal sealed record OwnershipStep
{
    public required string Owner { get; init; }

    public string? Country { get; init; }

    public required decimal Percent { get; init; }

    public string? List { get; init; }

    public string? EntryId { get; init; }

    public required string Source { get; init; }
}

[Description("What the ownership facts held say of one party on one date: its owners and holdings, and the findings with their paths.")]
internal sealed record OwnershipPicture
{
    public required OwnershipQuery Query { get; init; }

    [Description("Whether the ownership facts name the party at all.")]
    public required bool Known { get; init; }

    public OwnershipEntity? Entity { get; init; }

    [Description("The stakes held in the party.")]
    public required IReadOnlyList<OwnershipHolding> Owners { get; init; }

    [Description("The stakes the party holds.")]
    public required IReadOnlyList<OwnershipHolding> Holdings { get; init; }

    public required IReadOnlyList<OwnershipFinding> Findings { get; init; }

    public required IReadOnlyDictionary<string, string> OwnershipVersions { get; init; }

    public required IReadOnlyDictionary<string, string> ListVersions { get; init; }
}

internal sealed record OwnershipQuery
{
    public required string Name { get; init; }

    public string? Country { get; init; }

    [Format(FormatAttribute.Date)]
    public required string Date { get; init; }
}

internal sealed record OwnershipEntity
{
    public required string Name { get; init; }

    public string? Country { get; init; }
}

[Description("One stake seen from the party: owner (in owners) or owned (in holdings), with the other entity's listings.")]
internal sealed record OwnershipHolding
{
    public string? Owner { get; init; }

    public string? OwnerCountry { get; init; }

    public string? Owned { get; init; }

    public string? OwnedCountry { get; init; }

    [Description("0 to 100, or null when the source does not state the share.")]
    public decimal? Percent { get; init; }

    [Format(FormatAttribute.Date)]
    public string? From { get; init; }

    [Format(FormatAttribute.Date)]
    public string? Until { get; init; }

    [Description("Whether the stake is held on the date asked.")]
    public required bool Held { get; init; }

    public required string Source { get; init; }

    public required IReadOnlyList<OwnershipListing> Listed { get; init; }

    [Description("Whether the other entity is itself owned 50 % or more by listed parties (BIS Affiliates rule).")]
    public required bool OwnedByListed { get; init; }
}

internal sealed record OwnershipListing
{
    public required string List { get; init; }

    public required string EntryId { get; init; }

    public required string Name { get; init; }

    public required string Listing { get; init; }
}

[Description("An ownership snapshot held.")]
internal sealed record OwnershipSnapshot
{
    public required string Dataset { get; init; }

    public required string Format { get; init; }

    public required int Stakes { get; init; }

    public required string Sha256 { get; init; }

    public required string ImportedAt { get; init; }

    public required System.Text.Json.Nodes.JsonObject Changes { get; init; }
}
