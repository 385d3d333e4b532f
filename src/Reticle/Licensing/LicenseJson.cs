using System.Text.Json.Nodes;
using Reticle.Model;
using Reticle.Time;

namespace Reticle.Licensing;

/// <summary>A licence's terms in the shape <see cref="LicenseReader"/> reads (CONTRACT §5): what a store keeps and <c>licenses show</c> prints.</summary>
public static class LicenseJson
{
    public static JsonObject ToJson(License license)
    {
        var json = new JsonObject { ["id"] = license.Id };
        if (license.Kind != LicenseKind.Individual)
        {
            json["kind"] = license.Kind.ToWire();
        }
        json["jurisdiction"] = license.Jurisdiction;
        if (license.Holder is not null)
        {
            json["holder"] = license.Holder;
        }
        json["issued"] = EffectivePeriod.Format(license.Issued);
        json["validFrom"] = EffectivePeriod.Format(license.Validity.From);
        if (license.ValidUntil is { } until)
        {
            json["validUntil"] = EffectivePeriod.Format(until);
        }
        json["destinations"] = new JsonArray(license.Destinations.Select(d => (JsonNode?)JsonValue.Create(d.Value)).ToArray());
        json["parties"] = new JsonArray(license.Parties.Select(p => (JsonNode?)new JsonObject { ["role"] = p.Role.ToWire(), ["name"] = p.Name }).ToArray());
        json["lines"] = new JsonArray(license.Lines.Select(Line).ToArray<JsonNode?>());
        json["conditions"] = new JsonArray(license.Conditions.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
        if (license.Extensions is not null)
        {
            json["extensions"] = JsonNode.Parse(license.Extensions);
        }
        return json;
    }

    public static JsonObject? ToJson(Money? money) =>
        money is null ? null : new JsonObject { ["amount"] = money.Amount, ["currency"] = money.Currency };

    private static JsonObject Line(LicenseLine line)
    {
        var item = new JsonObject();
        if (line.Item.Sku is not null)
        {
            item["sku"] = line.Item.Sku;
        }
        if (line.Item.Classification is not null)
        {
            item["classification"] = line.Item.Classification;
        }
        if (line.Item.Description is not null)
        {
            item["description"] = line.Item.Description;
        }
        var json = new JsonObject { ["item"] = item };
        if (line.Quantity is { } quantity)
        {
            json["quantity"] = quantity;
        }
        if (line.Value is { } value)
        {
            json["value"] = ToJson(value);
        }
        return json;
    }
}
