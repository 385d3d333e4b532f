using System.Text.Json.Nodes;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Rules.Compilation;
using Reticle.Determination;
using Reticle.Time;

namespace Reticle.Bench.Baselines;

/// <summary>
/// The baseline for <see cref="DeterminationJsonBenchmarks"/>: a determination built as a tree of JSON nodes and then
/// serialized, as <c>DeterminationJson</c> did before it wrote straight to text. Same output, byte for byte.
/// </summary>
public static class NodeTreeDeterminationJson
{
    public static JsonObject ToJson(Reticle.Determination.Determination d)
    {
        var json = new JsonObject
        {
            ["transaction"] = d.Transaction,
            ["asOf"] = EffectivePeriod.Format(d.AsOf),
        };
        if (d.KnownAt is { } knownAt)
        {
            json["knownAt"] = EffectivePeriod.Format(knownAt);
        }
        json["outcome"] = d.Outcome.ToWire();
        json["jurisdictions"] = new JsonArray(d.Jurisdictions.Select(Jurisdiction).ToArray<JsonNode?>());
        json["screening"] = new JsonArray(d.Screening.Select(Screening).ToArray<JsonNode?>());
        json["ruleVersions"] = new JsonObject(d.RuleVersions.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value))));
        json["listVersions"] = new JsonObject(d.ListVersions.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value))));
        json["ruleSet"] = d.RuleSetHash;
        return json;
    }

    private static JsonObject Screening(Reticle.Screening.PartyHit h)
    {
        var json = new JsonObject
        {
            ["role"] = h.Role.ToWire(),
            ["name"] = h.PartyName,
            ["list"] = h.Hit.Entry.ListName,
            ["entryId"] = h.Hit.Entry.Id,
            ["entryName"] = h.Hit.Entry.Name,
            ["matchedName"] = h.Hit.MatchedName,
            ["score"] = Math.Round(h.Hit.Score, 3),
            ["status"] = Reticle.Screening.ScreeningStatusNames.ToWire(h.Status),
            ["explanation"] = new JsonArray([.. h.Hit.Explanation.Select(e => (JsonNode?)JsonValue.Create(e))]),
        };
        if (h.IdentifiedAs is { } identified)
        {
            json["note"] = $"not left open: the party is identified as '{identified.Entry.Name}' on {identified.Entry.List} (score {identified.Score:0.000})";
        }
        if (h.Undecided)
        {
            json["note"] = $"no rule pack decides {h.Hit.Entry.List} listings: a reviewer must";
        }
        return json;
    }

    private static JsonObject Jurisdiction(JurisdictionDetermination j)
    {
        var json = JurisdictionFields(j);
        // An extension of the contract: present only where a licence was needed and some were looked at.
        if (!j.LicensesConsidered.IsDefaultOrEmpty)
        {
            json["licensesConsidered"] = new JsonArray(j.LicensesConsidered.Select(c => (JsonNode?)new JsonObject
            {
                ["id"] = c.LicenseId,
                ["line"] = c.Line,
                ["reason"] = c.Reason,
            }).ToArray());
        }
        return json;
    }

    private static JsonObject? License(CoveringLicense? license) => license is null ? null : new JsonObject
    {
        ["id"] = license.LicenseId,
        ["line"] = license.Line,
        ["remainingQuantity"] = license.RemainingQuantity,
        ["remainingValue"] = LicenseJson.ToJson(license.RemainingValue),
    };

    private static JsonObject JurisdictionFields(JurisdictionDetermination j) => new()
    {
        ["jurisdiction"] = j.Jurisdiction,
        ["outcome"] = j.Outcome.ToWire(),
        ["classifications"] = new JsonArray(j.Classifications.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
        ["findings"] = new JsonArray(j.Findings.Select(Finding).ToArray<JsonNode?>()),
        ["license"] = License(j.License),
        ["notes"] = new JsonArray(j.Notes.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
        ["conditions"] = new JsonArray(j.Conditions.Select(c => (JsonNode?)new JsonObject
        {
            ["condition"] = c.Label,
            ["holds"] = c.Truth.ToWire(),
            ["because"] = c.Because,
        }).ToArray()),
    };

    private static JsonObject Finding(Finding f)
    {
        var json = new JsonObject
        {
            ["rule"] = f.Rule,
            ["effect"] = f.Effect.ToWire(),
            ["status"] = f.Status.ToWire(),
            ["citation"] = f.Citation,
            ["because"] = f.Because,
        };
        if (f.Title is not null)
        {
            json["title"] = f.Title;
        }
        if (!f.Missing.IsDefaultOrEmpty)
        {
            json["missing"] = new JsonArray(f.Missing.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray());
        }
        if (!f.Exceptions.IsDefaultOrEmpty)
        {
            json["licenseExceptions"] = new JsonArray(f.Exceptions.Select(e => (JsonNode?)new JsonObject
            {
                ["id"] = e.Id,
                ["kind"] = e.Kind.ToWire(),
                ["title"] = e.Title,
                ["citation"] = e.Citation,
                ["confirm"] = new JsonArray(e.Confirm.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
                ["because"] = e.Because,
                ["concluded"] = false,
            }).ToArray());
        }
        json["confidence"] = f.Confidence.ToString().ToLowerInvariant();
        json["ruleVersion"] = f.PackVersion;
        return json;
    }
}
