using System.ComponentModel;
using Outcomes = Reticle.Determination.Outcome;

namespace Reticle.Cli.Api.Schemas;

// Holds as HoldsJson writes them, and the body of a release.

internal sealed record Hold
{
    public required long Id { get; init; }

    public required string Order { get; init; }

    [WireValues(typeof(WireValues.HoldState))]
    public required string Status { get; init; }

    [WireValues(typeof(Outcomes)), Description("The outcome that placed the hold.")]
    public required string Outcome { get; init; }

    public required string Reason { get; init; }

    [Description("Who requested the determination that placed the hold (api:NAME or the command line's actor).")]
    public required string RequestedBy { get; init; }

    [Format(FormatAttribute.DateTime)]
    public required string PlacedAt { get; init; }

    public required string? ReleasedBy { get; init; }

    public required string? ReasonCode { get; init; }

    [Description("The release's explanation.")]
    public required string? Text { get; init; }

    [Description("A released hold: whether its release still stands (nothing known has changed since); null otherwise.")]
    public required bool? ReleaseStands { get; init; }
}

[Description("Release a hold; the caller must not be the key that requested the determination (four eyes).")]
internal sealed record HoldReleaseRequest
{
    public required string ReasonCode { get; init; }

    public required string Text { get; init; }
}

internal sealed record HoldReleased
{
    public required long Hold { get; init; }

    [WireValues(typeof(WireValues.HoldState))]
    public required string Status { get; init; }

    public required string By { get; init; }

    public required long AuditSequence { get; init; }
}
