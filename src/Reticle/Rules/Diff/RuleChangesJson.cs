using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Reticle.Time;

namespace Reticle.Rules.Diff;

/// <summary><c>reticle packs diff --json</c> and <c>GET /api/v1/rules/diff</c>.</summary>
public static class RuleChangesJson
{
    public static JsonObject ToJson(RuleChanges diff) => new()
    {
        ["before"] = Packs(diff.Before),
        ["after"] = Packs(diff.After),
        ["entries"] = new JsonArray([.. diff.Entries.Select(e => (JsonNode?)new JsonObject
        {
            ["change"] = Kind(e.Kind),
            ["jurisdiction"] = e.Jurisdiction,
            ["id"] = e.Id,
            ["fields"] = Strings(e.Fields),
            ["before"] = Entry(e.Before),
            ["after"] = Entry(e.After),
        })]),
        ["requirements"] = new JsonArray([.. diff.Requirements.Select(r => (JsonNode?)new JsonObject
        {
            ["change"] = Kind(r.Kind),
            ["jurisdiction"] = r.Jurisdiction,
            ["id"] = r.Id,
            ["fields"] = Strings(r.Fields),
            ["before"] = Requirement(r.Before),
            ["after"] = Requirement(r.After),
        })]),
    };

    public static string Kind(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        _ => "changed",
    };

    private static JsonArray Packs(ImmutableArray<PackVersion> packs) => new([.. packs.Select(p => (JsonNode?)new JsonObject
    {
        ["pack"] = p.Id,
        ["jurisdiction"] = p.Jurisdiction,
        ["published"] = EffectivePeriod.Format(p.Published),
        ["effectiveFrom"] = EffectivePeriod.Format(p.Effective.From),
        ["effectiveUntil"] = p.Effective.Until is { } u ? EffectivePeriod.Format(u) : null,
        ["sha256"] = p.Sha256,
    })]);

    private static JsonObject? Entry(EntryVersion? e) => e is null ? null : new JsonObject
    {
        ["pack"] = e.Pack,
        ["entry"] = e.QualifiedId,
        ["title"] = e.Title,
        ["when"] = e.When,
        ["thresholds"] = Strings(e.Thresholds),
        ["citation"] = e.Citation,
        ["effective"] = e.Effective,
    };

    private static JsonObject? Requirement(RequirementVersion? r) => r is null ? null : new JsonObject
    {
        ["pack"] = r.Pack,
        ["title"] = r.Title,
        ["activities"] = Strings(r.Activities),
        ["items"] = Strings(r.Items),
        ["when"] = r.When,
        ["thresholds"] = Strings(r.Thresholds),
        ["effect"] = r.Effect,
        ["citation"] = r.Citation,
        ["effective"] = r.Effective,
    };

    private static JsonArray Strings(ImmutableArray<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
