using System.Text.Json.Nodes;
using Reticle.Determination;
using Reticle.Time;

namespace Reticle.Impact;

/// <summary>The impact report as CONTRACT §6 shapes it.</summary>
public static class ImpactJson
{
    public static JsonObject ToJson(ImpactReport report) => new()
    {
        ["knownAt"] = EffectivePeriod.Format(report.KnownAt),
        ["vs"] = EffectivePeriod.Format(report.Vs),
        ["evaluated"] = report.Evaluated,
        ["unchanged"] = report.Unchanged,
        ["changes"] = new JsonArray([.. report.Changes.Select(c => (JsonNode?)new JsonObject
        {
            ["transaction"] = c.After.Transaction,
            ["date"] = EffectivePeriod.Format(c.After.AsOf),
            ["before"] = Side(c.Before),
            ["after"] = Side(c.After),
            ["because"] = new JsonArray([.. c.Because.Select(b => (JsonNode?)b)]),
        })]),
    };

    private static JsonObject Side(Determination.Determination d)
    {
        var full = DeterminationJson.ToJson(d);
        return new JsonObject
        {
            ["outcome"] = d.Outcome.ToWire(),
            ["jurisdictions"] = full["jurisdictions"]!.DeepClone(),
            ["ruleVersions"] = full["ruleVersions"]?.DeepClone(),
            ["listVersions"] = full["listVersions"]?.DeepClone(),
        };
    }
}
