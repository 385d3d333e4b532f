using System.ComponentModel;

namespace Reticle.Cli.Api.Schemas;

// GET /rules/diff and reticle packs diff --json (RuleChangesJson).

[Description("What changed between two versions of rules: control entries (matched by jurisdiction and id) and requirement rules (by id).")]
internal sealed record RuleChanges
{
    public required IReadOnlyList<DiffPack> Before { get; init; }

    public required IReadOnlyList<DiffPack> After { get; init; }

    public required IReadOnlyList<EntryChange> Entries { get; init; }

    public required IReadOnlyList<RequirementChange> Requirements { get; init; }
}

internal sealed record DiffPack
{
    public required string Pack { get; init; }

    public required string Jurisdiction { get; init; }

    [Format(FormatAttribute.Date)]
    public required string Published { get; init; }

    [Format(FormatAttribute.Date)]
    public required string EffectiveFrom { get; init; }

    [Format(FormatAttribute.Date)]
    public required string? EffectiveUntil { get; init; }

    public required string Sha256 { get; init; }
}

internal sealed record EntryChange
{
    [Description("added, removed or changed")]
    public required string Change { get; init; }

    public required string Jurisdiction { get; init; }

    public required string Id { get; init; }

    [Description("What differs (title, when, citation, effective) when changed.")]
    public required IReadOnlyList<string> Fields { get; init; }

    public required EntryVersion? Before { get; init; }

    public required EntryVersion? After { get; init; }
}

internal sealed record EntryVersion
{
    public required string Pack { get; init; }

    [Description("The entry as listed: control list and paragraph.")]
    public required string Entry { get; init; }

    public required string? Title { get; init; }

    public required string When { get; init; }

    [Description("The comparisons with a number in the condition (\"dedicatedChuckOverlayNm <= 2.40 nm\").")]
    public required IReadOnlyList<string> Thresholds { get; init; }

    public required string? Citation { get; init; }

    [Description("The period in force, half-open: \"[2024-09-07, 2025-04-01)\" or \"[2025-11-15, open)\".")]
    public required string Effective { get; init; }
}

internal sealed record RequirementChange
{
    public required string Change { get; init; }

    public required string Jurisdiction { get; init; }

    public required string Id { get; init; }

    public required IReadOnlyList<string> Fields { get; init; }

    public required RequirementVersion? Before { get; init; }

    public required RequirementVersion? After { get; init; }
}

internal sealed record RequirementVersion
{
    public required string Pack { get; init; }

    public required string? Title { get; init; }

    public required IReadOnlyList<string> Activities { get; init; }

    public required IReadOnlyList<string> Items { get; init; }

    public required string? When { get; init; }

    public required IReadOnlyList<string> Thresholds { get; init; }

    public required string Effect { get; init; }

    public required string Citation { get; init; }

    public required string Effective { get; init; }
}
