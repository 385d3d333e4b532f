using System.ComponentModel;
using LicenseKinds = Reticle.Licensing.LicenseKind;
using LicenseStatuses = Reticle.Licensing.LicenseStatus;
using PartyRoles = Reticle.Model.PartyRole;

namespace Reticle.Cli.Api.Schemas;

// Licences: the terms as LicenseReader reads them and LicenseJson writes them (CONTRACT §5), the state LicensesJson
// writes, and licence events as LicenseEventJson writes them.

[Description("A licence's terms (CONTRACT §5), as recorded and as shown. An individual licence needs holder and validUntil and limits each line by quantity or value; a general authorization has neither limit.")]
internal sealed record License
{
    public required string Id { get; init; }

    [WireValues(typeof(LicenseKinds)), Description("individual unless given.")]
    public string? Kind { get; init; }

    public required string Jurisdiction { get; init; }

    public string? Holder { get; init; }

    [Format(FormatAttribute.Date), Description("When the licence became known; validFrom if left out.")]
    public string? Issued { get; init; }

    [Format(FormatAttribute.Date)]
    public required string ValidFrom { get; init; }

    [Format(FormatAttribute.Date)]
    public string? ValidUntil { get; init; }

    [Description("Destination countries (ISO 3166-1 alpha-2).")]
    public required IReadOnlyList<string> Destinations { get; init; }

    public IReadOnlyList<LicenseParty>? Parties { get; init; }

    public required IReadOnlyList<LicenseLine> Lines { get; init; }

    public IReadOnlyList<string>? Conditions { get; init; }
}

internal sealed record LicenseParty
{
    [WireValues(typeof(PartyRoles))]
    public required string Role { get; init; }

    public required string Name { get; init; }
}

internal sealed record LicenseLine
{
    [Description("What the line covers: every criterion given must match.")]
    public required LicenseItemCriteria Item { get; init; }

    public decimal? Quantity { get; init; }

    public Money? Value { get; init; }
}

internal sealed record LicenseItemCriteria
{
    public string? Sku { get; init; }

    public string? Classification { get; init; }

    [Description("A substring of the transaction item's description.")]
    public string? Description { get; init; }
}

[Description("Licences to record: one object, an array, or {\"licenses\": [...]}; any error records none.")]
internal sealed record LicenseBatch
{
    public required IReadOnlyList<License> Licenses { get; init; }
}

[OneOf(typeof(License), typeof(IReadOnlyList<License>), typeof(LicenseBatch))]
internal sealed record LicensesRequest;

[Description("A licence as listed: status today, validity and the balance of each line.")]
internal sealed record LicenseSummary
{
    public required string Id { get; init; }

    [WireValues(typeof(LicenseKinds))]
    public required string Kind { get; init; }

    public required string Jurisdiction { get; init; }

    public required string? Holder { get; init; }

    [WireValues(typeof(LicenseStatuses))]
    public required string Status { get; init; }

    [Format(FormatAttribute.Date)]
    public required string ValidFrom { get; init; }

    [Format(FormatAttribute.Date)]
    public required string? ValidUntil { get; init; }

    public required IReadOnlyList<LicenseLineState> Lines { get; init; }
}

internal sealed record LicenseLineState
{
    public required int Line { get; init; }

    [Description("The line's item criteria, as text.")]
    public required string Item { get; init; }

    public required decimal? Quantity { get; init; }

    public required Money? Value { get; init; }

    [Description("Quantity held by open orders' reservations.")]
    public required decimal Reserved { get; init; }

    public required decimal Consumed { get; init; }

    public required decimal? RemainingQuantity { get; init; }

    public required Money? RemainingValue { get; init; }

    [Description("How the line was revoked, if it was.")]
    public required string? Revoked { get; init; }
}

[Description("A licence with its terms and every event on record.")]
internal sealed record LicenseDetail
{
    public required string Id { get; init; }

    [WireValues(typeof(LicenseKinds))]
    public required string Kind { get; init; }

    public required string Jurisdiction { get; init; }

    public required string? Holder { get; init; }

    [WireValues(typeof(LicenseStatuses))]
    public required string Status { get; init; }

    [Format(FormatAttribute.Date)]
    public required string ValidFrom { get; init; }

    [Format(FormatAttribute.Date)]
    public required string? ValidUntil { get; init; }

    public required IReadOnlyList<LicenseLineState> Lines { get; init; }

    public required License Terms { get; init; }

    public required IReadOnlyList<LicenseEvent> Events { get; init; }
}

[Description("A licence event: issued or amended (terms), reserved, consumed or released (a line's use), revoked (scope).")]
internal sealed record LicenseEvent
{
    [WireValues(typeof(WireValues.LicenseEventType))]
    public required string Type { get; init; }

    public required string License { get; init; }

    [Description("issued and amended: the terms.")]
    public License? Terms { get; init; }

    [Description("amended and revoked: why.")]
    public string? Reason { get; init; }

    [Description("reserved, consumed, released: the line drawn on, how much, and the order or determination it was for.")]
    public int? Line { get; init; }

    public decimal? Quantity { get; init; }

    public Money? Value { get; init; }

    public string? Reference { get; init; }

    [Description("revoked: what was revoked.")]
    public RevocationScope? Scope { get; init; }

    [Format(FormatAttribute.Date)]
    public required string Effective { get; init; }

    [Format(FormatAttribute.Date)]
    public required string Announced { get; init; }

    [Description("The audit record of a revocation just recorded.")]
    public long? AuditSequence { get; init; }
}

[Description("One of: {\"whole\": true}, {\"lines\": [n]}, {\"party\": NAME}.")]
internal sealed record RevocationScope
{
    public bool? Whole { get; init; }

    public IReadOnlyList<int>? Lines { get; init; }

    public string? Party { get; init; }
}

[Description("A licence recorded, with its audit record.")]
internal sealed record LicenseRecorded
{
    public required string Id { get; init; }

    public required long AuditSequence { get; init; }
}

[Description("Revoke the licence the path names, whole or in part, from a date.")]
internal sealed record RevocationRequest
{
    [Format(FormatAttribute.Date)]
    public required string Effective { get; init; }

    [Format(FormatAttribute.Date), Description("When it became known; today if left out.")]
    public string? Announced { get; init; }

    [Description("Only these lines.")]
    public IReadOnlyList<int>? Lines { get; init; }

    [Description("Only for this party.")]
    public string? Party { get; init; }

    public string? Reason { get; init; }
}
