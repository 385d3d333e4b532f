using System.Collections.Immutable;
using NodaTime;
using System.Text.Json.Nodes;
using Reticle.Impact;
using Reticle.Time;

namespace Reticle.WhatIf;

/// <summary>The what-if report (CONTRACT §9): the §6 shape with <c>drafts</c>, <c>valueAtStake</c> and <c>totals</c>.</summary>
public static class WhatIfJson
{
    /// <summary>
    /// The report's first members. A report is written as its changes are found: these, then <c>changes</c> one at a time
    /// (<see cref="ImpactJson.Write"/>), then <see cref="Tail"/>, known once the last change has been taken.
    /// </summary>
    public static JsonObject Head(LocalDate? knownAt, IReadOnlyList<DraftPack> drafts, string ruleSetInUse, string ruleSetWithDrafts) => new()
    {
        ["knownAt"] = knownAt is { } date ? EffectivePeriod.Format(date) : null,
        ["drafts"] = Drafts(drafts),
        ["ruleSets"] = new JsonObject { ["inUse"] = ruleSetInUse, ["withDrafts"] = ruleSetWithDrafts },
    };

    /// <summary>The counts and value at stake (as the impact report's), the totals, and the audit record of the run.</summary>
    public static JsonObject Tail(ImpactSummary summary, ImpactTotals totals, long? auditRecord)
    {
        var json = ImpactJson.Counts(summary);
        json["totals"] = new JsonObject
        {
            ["byJurisdiction"] = Groups(totals.ByJurisdiction, "jurisdiction"),
            ["byCustomer"] = Groups(totals.ByCustomer, "customer"),
            ["byItem"] = Groups(totals.ByItem, "item"),
            ["byMonth"] = Groups(totals.ByMonth, "month"),
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
