using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Reticle.Determination;
using Reticle.Model;
using Reticle.Time;

namespace Reticle.Impact;

/// <summary>The impact report as CONTRACT §6 shapes it.</summary>
public static class ImpactJson
{
    /// <remarks>
    /// Beyond §6: <c>immaterial</c> (orders that moved only between <c>not-applicable</c> and <c>permitted</c>, listed
    /// with <c>--all</c>), <c>worseWithoutValue</c> (changes for the worse whose order states no value, so not in
    /// <c>valueAtStake</c>), and on each change <c>material</c> and <c>worse</c>.
    /// </remarks>
    public static JsonObject ToJson(ImpactReport report)
    {
        var json = Head(report.KnownAt, report.Vs);
        AddBody(json, report);
        return json;
    }

    /// <summary>
    /// The report's first fields. A writer that streams (<c>reticle impact</c>, <c>POST /impact</c>) writes these, then each of
    /// <see cref="Change"/> in turn as it is found, then <see cref="Counts"/>: it never holds the whole document (24,000
    /// changes made a 5 GB tree) nor the changes (the counts are known only after the last one).
    /// </summary>
    public static JsonObject Head(NodaTime.LocalDate knownAt, NodaTime.LocalDate vs) => new()
    {
        ["knownAt"] = EffectivePeriod.Format(knownAt),
        ["vs"] = EffectivePeriod.Format(vs),
    };

    /// <summary>The counts, value at stake and changes, after whatever header the caller wrote (what-if writes its own).</summary>
    public static void AddBody(JsonObject json, ImpactReport report)
    {
        foreach (var (name, value) in Counts(report.Summary).ToList())
        {
            json[name] = value?.DeepClone();
        }
        json["changes"] = new JsonArray([.. report.Changes.Select(c => (JsonNode?)Change(c))]);
    }

    /// <summary>The report's counts and value at stake.</summary>
    public static JsonObject Counts(ImpactSummary summary) => new()
    {
        ["evaluated"] = summary.Evaluated,
        ["unchanged"] = summary.Unchanged,
        ["immaterial"] = summary.Immaterial,
        ["valueAtStake"] = Values(summary.ValueAtStake),
        ["worseWithoutValue"] = summary.WorseWithoutValue,
    };

    /// <summary>One element of the report's <c>changes</c>.</summary>
    public static JsonObject Change(ImpactChange c) => new()
    {
        ["transaction"] = c.After.Transaction,
        ["date"] = EffectivePeriod.Format(c.After.AsOf),
        ["value"] = c.Value is { } value ? Value(value) : null,
        ["material"] = c.Material,
        ["worse"] = c.Worse,
        ["before"] = Side(c.Before),
        ["after"] = Side(c.After),
        ["because"] = new JsonArray([.. c.Because.Select(b => (JsonNode?)b)]),
    };

    public static JsonArray Values(ImmutableArray<Money> values) => new([.. values.Select(v => (JsonNode?)Value(v))]);

    public static JsonObject Value(Money money) => new() { ["currency"] = money.Currency, ["amount"] = money.Amount };

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
