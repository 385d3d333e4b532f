using System.ComponentModel;

namespace Reticle.Cli.Api.Schemas;

// POST /whatif and the report WhatIfJson writes (CONTRACT §9).

[Description("multipart/form-data: the draft rule packs as files under 'files' (YAML), and optional fields.")]
internal sealed record WhatIfRequest
{
    [Format(FormatAttribute.Binary), Description("The draft rule packs (one YAML file each); validated together with the packs in use.")]
    public required IReadOnlyList<string> Files { get; init; }

    [Format(FormatAttribute.Date), Description("Use the packs, licence events and lists as known on this date (default: everything held).")]
    public string? KnownAt { get; init; }

    [Description("\"true\": also list orders whose only movement is a jurisdiction between not-applicable and permitted.")]
    public string? All { get; init; }
}

[Description("The what-if report (CONTRACT §9): the impact report's shape (§6) with the drafts, the value at stake and totals.")]
internal sealed record WhatIfReport
{
    [Format(FormatAttribute.Date), Description("The packs in use as known on this date; null for everything held.")]
    public required string? KnownAt { get; init; }

    public required IReadOnlyList<DraftPack> Drafts { get; init; }

    [Description("The SHA-256 of the rule set in use and of the rule set with the drafts.")]
    public required WhatIfRuleSets RuleSets { get; init; }

    public required int Evaluated { get; init; }

    [Description("Orders without a material change.")]
    public required int Unchanged { get; init; }

    [Description("Orders whose only movement is a jurisdiction between not-applicable and permitted; in changes only when all was asked for.")]
    public required int Immaterial { get; init; }

    [Description("As in the impact report; 'because' names the draft rules that changed each order.")]
    public required IReadOnlyList<ImpactChange> Changes { get; init; }

    public required IReadOnlyList<Money> ValueAtStake { get; init; }

    public required int WorseWithoutValue { get; init; }

    public required WhatIfTotals Totals { get; init; }

    [Description("The sequence of the audit record of the run (the drafts by hash, the counts; no determination is stored).")]
    public required long? AuditRecord { get; init; }
}

internal sealed record DraftPack
{
    public required string Pack { get; init; }

    public required string Jurisdiction { get; init; }

    public required string File { get; init; }

    [Description("SHA-256 (hex) of the file's bytes.")]
    public required string Sha256 { get; init; }

    public required IReadOnlyList<string> Supersedes { get; init; }
}

internal sealed record WhatIfRuleSets
{
    public required string InUse { get; init; }

    public required string WithDrafts { get; init; }
}

[Description("The material changes totalled by jurisdiction, customer (end user, else consignee), item (SKU, else description) and month (of the order's date).")]
internal sealed record WhatIfTotals
{
    public required IReadOnlyList<JurisdictionTotal> ByJurisdiction { get; init; }

    public required IReadOnlyList<CustomerTotal> ByCustomer { get; init; }

    public required IReadOnlyList<ItemTotal> ByItem { get; init; }

    public required IReadOnlyList<MonthTotal> ByMonth { get; init; }
}

internal abstract record GroupTotal
{
    public required int Orders { get; init; }

    [Description("Orders whose outcome (the jurisdiction's, in byJurisdiction) got worse.")]
    public required int Worse { get; init; }

    public required IReadOnlyList<Money> ValueAtStake { get; init; }

    [Description("Value of the group's changed orders that could not go ahead as they stood (license-required, review, prohibited) before ...")]
    public required IReadOnlyList<Money> HeldBefore { get; init; }

    [Description("... and with the drafts in force.")]
    public required IReadOnlyList<Money> HeldAfter { get; init; }
}

internal sealed record JurisdictionTotal : GroupTotal
{
    public required string Jurisdiction { get; init; }
}

internal sealed record CustomerTotal : GroupTotal
{
    public required string Customer { get; init; }
}

internal sealed record ItemTotal : GroupTotal
{
    public required string Item { get; init; }
}

internal sealed record MonthTotal : GroupTotal
{
    [Description("YYYY-MM")]
    public required string Month { get; init; }
}
