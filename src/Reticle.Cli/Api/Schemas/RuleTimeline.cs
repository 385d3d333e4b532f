using System.ComponentModel;
using Confidences = Reticle.Rules.Packs.Confidence;
using Effects = Reticle.Rules.Packs.Effect;

namespace Reticle.Cli.Api.Schemas;

// GET /api/v1/rules/timeline as Endpoints.RuleTimeline builds it.

[Description("The control entries of one item kind in the loaded rule packs over time, per jurisdiction and overlay band.")]
internal sealed record RuleTimeline
{
    public required string Kind { get; init; }

    public required string RuleSet { get; init; }

    public required IReadOnlyList<string> Jurisdictions { get; init; }

    [Description("The parameter whose bands are shown (dedicatedChuckOverlayNm).")]
    public required string OverlayParameter { get; init; }

    [Description("Bands between consecutive overlay thresholds: (above, atMost]; null is unbounded.")]
    public required IReadOnlyList<OverlayBand> OverlayBands { get; init; }

    public required IReadOnlyList<RuleTimelinePack> Packs { get; init; }
}

internal sealed record OverlayBand
{
    public required decimal? Above { get; init; }

    public required decimal? AtMost { get; init; }
}

internal sealed record RuleTimelinePack
{
    public required string Pack { get; init; }

    public required string Version { get; init; }

    [Description("A draft pack sent to POST /rules/timeline (never in force); false for the packs in use.")]
    public required bool Draft { get; init; }

    public required string Jurisdiction { get; init; }

    public required string? Title { get; init; }

    public required string Citation { get; init; }

    [Format(FormatAttribute.Date)]
    public required string Published { get; init; }

    [Format(FormatAttribute.Date)]
    public required string From { get; init; }

    [Format(FormatAttribute.Date)]
    public required string? Until { get; init; }

    [WireValues(typeof(Confidences))]
    public required string Confidence { get; init; }

    public required IReadOnlyList<RuleTimelineControl> Controls { get; init; }
}

internal sealed record RuleTimelineControl
{
    public required string Id { get; init; }

    public required string? Title { get; init; }

    [Description("The entry's own citation; null where it has none (the pack's citation stands for it).")]
    public required string? Citation { get; init; }

    [WireValues(typeof(Confidences))]
    public required string Confidence { get; init; }

    [Format(FormatAttribute.Date)]
    public required string From { get; init; }

    [Format(FormatAttribute.Date)]
    public required string? Until { get; init; }

    [Description("The control's condition, as written in its pack.")]
    public required string When { get; init; }

    [Description("The numeric thresholds the condition compares.")]
    public required IReadOnlyList<RuleBound> Bounds { get; init; }

    [Description("The indexes of the overlay bands the entry reaches; null if it names no overlay limit.")]
    public required IReadOnlyList<int>? OverlayBands { get; init; }

    public required IReadOnlyList<RuleRequirement> Requirements { get; init; }
}

internal sealed record RuleBound
{
    [Description("A parameter, or a formula such as mrf(K = 0.25).")]
    public required string Parameter { get; init; }

    public required string Operator { get; init; }

    public required decimal Value { get; init; }

    public required string? Unit { get; init; }
}

internal sealed record RuleRequirement
{
    public required string Id { get; init; }

    public required string? Title { get; init; }

    [WireValues(typeof(Effects))]
    public required string Effect { get; init; }
}

[Description("multipart/form-data: draft rule packs as files under 'files', and the item kind (default lithography).")]
internal sealed record RuleTimelineRequest
{
    [Format(FormatAttribute.Binary)]
    public required IReadOnlyList<string> Files { get; init; }

    public string? Kind { get; init; }
}
