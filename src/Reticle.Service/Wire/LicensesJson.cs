using System.Text.Json.Nodes;
using Reticle.Audit;
using Reticle.Licensing;
using Reticle.Time;

namespace Reticle.Service.Wire;

/// <summary>The JSON of <c>reticle licenses --json</c> and <c>/api/v1/licenses</c>: one writer, so both answer the same shapes.</summary>
internal static class LicensesJson
{
    /// <summary><c>{"id", "kind", "jurisdiction", "holder", "status", "validFrom", "validUntil", "lines": [...]}</c> as listed.</summary>
    public static JsonObject Summary(LicenseState s) => new()
    {
        ["id"] = s.Id,
        ["kind"] = s.Terms.Kind.ToWire(),
        ["jurisdiction"] = s.Terms.Jurisdiction,
        ["holder"] = s.Terms.Holder,
        ["status"] = s.Status.ToWire(),
        ["validFrom"] = EffectivePeriod.Format(s.Terms.Validity.From),
        ["validUntil"] = s.Terms.ValidUntil is { } until ? EffectivePeriod.Format(until) : null,
        ["lines"] = new JsonArray([.. s.Lines.Select(l => (JsonNode?)new JsonObject
        {
            ["line"] = l.Line.Number,
            ["item"] = l.Line.Item.ToString(),
            ["quantity"] = l.Line.Quantity,
            ["value"] = LicenseJson.ToJson(l.Line.Value),
            ["reserved"] = l.Reserved.Quantity - l.Released.Quantity,
            ["consumed"] = l.Consumed.Quantity,
            ["remainingQuantity"] = l.RemainingQuantity,
            ["remainingValue"] = LicenseJson.ToJson(l.RemainingValue),
            ["revoked"] = l.Revocation?.Describe(),
        })]),
    };

    public static JsonArray List(IEnumerable<LicenseState> states) => new([.. states.Select(s => (JsonNode?)Summary(s))]);

    /// <summary><c>licenses show ID --json</c>: the summary with the terms and every event of the licence.</summary>
    public static JsonObject Detail(LicenseState state, IEnumerable<LicenseEvent> events)
    {
        var json = Summary(state);
        json["terms"] = LicenseJson.ToJson(state.Terms);
        json["events"] = new JsonArray([.. events.Select(e => (JsonNode?)LicenseEventJson.ToJson(e))]);
        return json;
    }

    /// <summary>What <c>licenses add</c> recorded: <c>[{"id", "auditSequence"}]</c>.</summary>
    public static JsonArray Added(IEnumerable<(License License, AuditRecord Audit)> added) =>
        new([.. added.Select(a => (JsonNode?)new JsonObject { ["id"] = a.License.Id, ["auditSequence"] = a.Audit.Sequence })]);

    /// <summary>A recorded event (a revocation) with its audit sequence.</summary>
    public static JsonObject Recorded(LicenseEvent e, AuditRecord audit)
    {
        var json = LicenseEventJson.ToJson(e);
        json["auditSequence"] = audit.Sequence;
        return json;
    }
}
