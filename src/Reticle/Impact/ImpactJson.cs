using System.Text.Json.Nodes;
using Reticle.Determination;
using Reticle.Time;

namespace Reticle.Impact;

/// <summary>The impact report as CONTRACT §6 shapes it.</summary>
public static class ImpactJson
{
    public static JsonObject ToJson(ImpactReport report)
    {
        var json = Summary(report);
        json["changes"] = new JsonArray([.. report.Changes.Select(c => (JsonNode?)Change(c))]);
        return json;
    }

    /// <summary>
    /// The report without its <c>changes</c>, which follow it: a writer that streams (<c>reticle impact --json</c>) writes these
    /// fields, then each of <see cref="Change"/> in turn, and never holds the whole document (24,000 changes made a 5 GB tree).
    /// </summary>
    public static JsonObject Summary(ImpactReport report) => new()
    {
        ["knownAt"] = EffectivePeriod.Format(report.KnownAt),
        ["vs"] = EffectivePeriod.Format(report.Vs),
        ["evaluated"] = report.Evaluated,
        ["unchanged"] = report.Unchanged,
    };

    /// <summary>One element of the report's <c>changes</c>.</summary>
    public static JsonObject Change(ImpactChange c) => new()
    {
        ["transaction"] = c.After.Transaction,
        ["date"] = EffectivePeriod.Format(c.After.AsOf),
        ["before"] = Side(c.Before),
        ["after"] = Side(c.After),
        ["because"] = new JsonArray([.. c.Because.Select(b => (JsonNode?)b)]),
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
