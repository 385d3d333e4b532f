using System.ComponentModel;
using OrderStatuses = Reticle.Store.OrderStatus;
using Outcomes = Reticle.Determination.Outcome;

namespace Reticle.Cli.Api.Schemas;

// Orders as OrdersJson writes them.

internal sealed record OrderSummary
{
    public required string Id { get; init; }

    [Format(FormatAttribute.Date), Description("The planned date.")]
    public required string Date { get; init; }

    [WireValues(typeof(OrderStatuses))]
    public required string Status { get; init; }

    [WireValues(typeof(Outcomes)), Description("The outcome of the order's latest determination, if any.")]
    public required string? LatestOutcome { get; init; }
}

[Description("An order recorded, with its audit record.")]
internal sealed record OrderRecorded
{
    public required string Id { get; init; }

    [Format(FormatAttribute.Date)]
    public required string Date { get; init; }

    [WireValues(typeof(OrderStatuses))]
    public required string Status { get; init; }

    public required long AuditSequence { get; init; }
}

[Description("A shipment attempt: whether it shipped, the licence use it drew, the release it shipped under or the hold placed, and the determination.")]
internal sealed record Shipment
{
    public required string Order { get; init; }

    public required bool Shipped { get; init; }

    [WireValues(typeof(Outcomes))]
    public required string Outcome { get; init; }

    [Description("The licence events (type consumed) the shipment drew.")]
    public required IReadOnlyList<LicenseEvent> Consumed { get; init; }

    [Description("The reviewer's release it shipped under, if any.")]
    public required ShipmentRelease? ReleasedBy { get; init; }

    [Description("The hold placed, if it did not ship.")]
    public required long? Hold { get; init; }

    public required long AuditSequence { get; init; }

    public required Determination Determination { get; init; }
}

internal sealed record ShipmentRelease
{
    public required long Hold { get; init; }

    public required string? By { get; init; }

    public required string? ReasonCode { get; init; }
}
