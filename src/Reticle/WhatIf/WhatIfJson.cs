using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Reticle.Impact;
using Reticle.Time;

namespace Reticle.WhatIf;

/// <summary>The what-if report (CONTRACT §9): the §6 shape with <c>drafts</c>, <c>valueAtStake</c> and <c>totals</c>.</summary>
public static class WhatIfJson
{
    /// <param name="auditRecord">The sequence of the audit record of the run; null when not recorded (the pure report).</param>
    public static JsonObject ToJson(WhatIfReport report, long? auditRecord = null)
    {
        var json = new JsonObject
        {
            ["knownAt"] = report.KnownAt is { } date ? EffectivePeriod.Format(date) : null,
            ["drafts"] = Drafts(report.Drafts),
            ["ruleSets"] = new JsonObject { ["inUse"] = report.RuleSetInUse, ["withDrafts"] = report.RuleSetWithDrafts },
        };
        ImpactJson.AddBody(json, report.Changes);
        json["totals"] = new JsonObject
        {
            ["byJurisdiction"] = Groups(report.Totals.ByJurisdiction, "jurisdiction"),
            ["byCustomer"] = Groups(report.Totals.ByCustomer, "customer"),
            ["byItem"] = Groups(report.Totals.ByItem, "item"),
            ["byMonth"] = Groups(report.Totals.ByMonth, "month"),
        };
        json["auditRecord"] = auditRecord;
        return json;
    }

    public static JsonArray Drafts(IReadOnlyList<DraftPack> drafts) => new([.. drafts.Select(d => (JsonNode?)new JsonObject
    {
        ["pack"] = d.Id,
        ["jurisdiction"] = d.Jurisdiction,
        ["file"] = d.File,
        ["sha256"] = d.Sha256,
        ["supersedes"] = new JsonArray([.. d.Supersedes.Select(s => (JsonNode?)s)]),
    })]);

    private static JsonArray Groups(ImmutableArray<ImpactGroup> groups, string key) => new([.. groups.Select(g => (JsonNode?)new JsonObject
    {
        [key] = g.Key,
        ["orders"] = g.Orders,
        ["worse"] = g.Worse,
        ["valueAtStake"] = ImpactJson.Values(g.ValueAtStake),
        ["heldBefore"] = ImpactJson.Values(g.HeldBefore),
        ["heldAfter"] = ImpactJson.Values(g.HeldAfter),
    })]);
}
