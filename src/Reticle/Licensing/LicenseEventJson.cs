using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using Reticle.Input;
using Reticle.Model;
using Reticle.Time;

namespace Reticle.Licensing;

/// <summary>
/// A licence event as a JSON object, the payload a store keeps and audits: <c>{"type", "license", ...}</c>,
/// with the terms of an issue or amendment in the shape <see cref="LicenseReader"/> reads (CONTRACT §5).
/// </summary>
/// <remarks>
/// Reading is for events a store wrote after <see cref="LicenseBook.Check"/> accepted them, so a
/// malformed payload is a broken store, not bad input: it throws rather than collecting errors.
/// </remarks>
public static class LicenseEventJson
{
    public const string Issued = "issued";
    public const string Amended = "amended";
    public const string Reserved = "reserved";
    public const string Consumed = "consumed";
    public const string Released = "released";
    public const string Revoked = "revoked";

    /// <summary>The event's type as the payload names it.</summary>
    public static string TypeOf(LicenseEvent e) => e switch
    {
        LicenseIssued => Issued,
        LicenseAmended => Amended,
        LicenseReserved => Reserved,
        LicenseConsumed => Consumed,
        LicenseReleased => Released,
        LicenseRevoked => Revoked,
        _ => throw new ArgumentException($"unknown licence event {e.GetType().Name}", nameof(e)),
    };

    public static JsonObject ToJson(LicenseEvent e)
    {
        var json = new JsonObject { ["type"] = TypeOf(e), ["license"] = e.LicenseId };
        switch (e)
        {
            case LicenseIssued issued:
                json["terms"] = LicenseJson.ToJson(issued.License);
                break;
            case LicenseAmended amended:
                json["terms"] = LicenseJson.ToJson(amended.Terms);
                json["reason"] = amended.Reason;
                break;
            case LicenseUse use:
                json["line"] = use.Line;
                json["quantity"] = use.Quantity;
                json["value"] = LicenseJson.ToJson(use.Value);
                json["reference"] = use.Reference;
                break;
            case LicenseRevoked revoked:
                json["scope"] = revoked.Scope switch
                {
                    RevocationScope.Lines lines => new JsonObject { ["lines"] = new JsonArray([.. lines.Numbers.Select(n => (JsonNode?)n)]) },
                    RevocationScope.Party party => new JsonObject { ["party"] = party.Name },
                    _ => new JsonObject { ["whole"] = true },
                };
                json["reason"] = revoked.Reason;
                break;
        }
        json["effective"] = EffectivePeriod.Format(e.Effective);
        json["announced"] = EffectivePeriod.Format(e.Announced);
        return json;
    }

    /// <summary>The event a payload written by <see cref="ToJson"/> holds; throws <see cref="FormatException"/> if it is not one.</summary>
    public static LicenseEvent FromJson(JsonObject json)
    {
        var type = Text(json, "type");
        var id = Text(json, "license");
        var effective = Date(json, "effective");
        var announced = Date(json, "announced");
        LicenseEvent e = type switch
        {
            Issued => new LicenseIssued(Terms(json)),
            Amended => new LicenseAmended(Terms(json), effective, announced, OptionalText(json, "reason")),
            Reserved => new LicenseReserved(id, Line(json), Quantity(json), Value(json), Text(json, "reference"), effective, announced),
            Consumed => new LicenseConsumed(id, Line(json), Quantity(json), Value(json), Text(json, "reference"), effective, announced),
            Released => new LicenseReleased(id, Line(json), Quantity(json), Value(json), Text(json, "reference"), effective, announced),
            Revoked => new LicenseRevoked(id, Scope(json), effective, announced, OptionalText(json, "reason")),
            _ => throw new FormatException($"unknown licence event type '{type}'"),
        };
        return e.LicenseId == id ? e : throw new FormatException($"licence event of '{id}' holds terms of '{e.LicenseId}'");
    }

    private static License Terms(JsonObject json)
    {
        var errors = new List<InputError>();
        var terms = json["terms"] as JsonObject ?? throw new FormatException("licence event without terms");
        var read = LicenseReader.Read("terms", terms.ToJsonString(), errors);
        return errors.Count == 0 && read.Count == 1
            ? read[0]
            : throw new FormatException($"stored licence terms do not read: {string.Join("; ", errors)}");
    }

    private static RevocationScope Scope(JsonObject json) => json["scope"] switch
    {
        JsonObject { } s when s["lines"] is JsonArray lines => RevocationScope.ForLines(lines.Select(n => n!.GetValue<int>())),
        JsonObject { } s when s["party"] is JsonValue party => RevocationScope.ForParty(party.GetValue<string>()),
        JsonObject { } s when s["whole"] is not null => RevocationScope.Whole,
        _ => throw new FormatException("revocation without a scope"),
    };

    private static int Line(JsonObject json) => json["line"]?.GetValue<int>() ?? throw new FormatException("use without a line");

    private static decimal Quantity(JsonObject json) => json["quantity"]?.GetValue<decimal>() ?? throw new FormatException("use without a quantity");

    private static Money? Value(JsonObject json) => json["value"] is JsonObject v
        ? new Money(v["amount"]!.GetValue<decimal>(), v["currency"]!.GetValue<string>())
        : null;

    private static string Text(JsonObject json, string name) =>
        json[name]?.GetValue<string>() ?? throw new FormatException($"licence event without '{name}'");

    private static string? OptionalText(JsonObject json, string name) => json[name]?.GetValue<string>();

    private static LocalDate Date(JsonObject json, string name)
    {
        var parsed = LocalDatePattern.Iso.Parse(Text(json, name));
        return parsed.Success ? parsed.Value : throw new FormatException($"licence event '{name}' is not a date");
    }
}
