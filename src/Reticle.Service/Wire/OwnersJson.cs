using System.Text.Json.Nodes;
using NodaTime.Text;
using Reticle.Ownership;
using Reticle.Store;

namespace Reticle.Service.Wire;

/// <summary>Ownership as <c>reticle owners ... --json</c> and <c>/api/v1/owners</c> answer it (an extension of CONTRACT §10).</summary>
internal static class OwnersJson
{
    public static JsonObject Picture(OwnershipPicture p)
    {
        var query = new JsonObject { ["name"] = p.Name, ["date"] = LocalDatePattern.Iso.Format(p.Date) };
        if (p.Country is { } country)
        {
            query["country"] = country;
        }
        return new JsonObject
        {
            ["query"] = query,
            ["known"] = p.Entity is not null,
            ["entity"] = p.Entity is null ? null : new JsonObject { ["name"] = p.Entity, ["country"] = p.EntityCountry },
            ["owners"] = new JsonArray([.. p.Owners.Select(h => (JsonNode?)Holding(h, "owner"))]),
            ["holdings"] = new JsonArray([.. p.Holdings.Select(h => (JsonNode?)Holding(h, "owned"))]),
            ["findings"] = new JsonArray([.. p.Findings.Select(f => (JsonNode?)OwnershipJson.Node(f))]),
            ["ownershipVersions"] = Versions(p.OwnershipVersions),
            ["listVersions"] = Versions(p.ListVersions),
        };
    }

    /// <summary>Findings for a screening result (CONTRACT §4 extended): present only where there is one.</summary>
    public static JsonArray Findings(IEnumerable<OwnershipFinding> findings) => new([.. findings.Select(f => (JsonNode?)OwnershipJson.Node(f))]);

    private static JsonObject Holding(OwnershipPicture.Holding h, string role)
    {
        var s = h.Stake;
        return new JsonObject
        {
            [role] = h.Other,
            [role + "Country"] = h.OtherCountry,
            ["percent"] = s.Percent,
            ["from"] = s.From is { } from ? LocalDatePattern.Iso.Format(from) : null,
            ["until"] = s.Until is { } until ? LocalDatePattern.Iso.Format(until) : null,
            ["held"] = h.Held,
            ["source"] = s.Source,
            ["listed"] = new JsonArray([.. h.Listed.Select(e => (JsonNode?)new JsonObject
            {
                ["list"] = e.List,
                ["entryId"] = e.Id,
                ["name"] = e.Name,
                ["listing"] = OwnershipClosure.Listing(e),
            })]),
            ["ownedByListed"] = h.OwnedByListed,
        };
    }

    public static JsonObject Imported(string file, OwnershipImports.Result r) => new()
    {
        ["file"] = file,
        ["dataset"] = r.Dataset,
        ["sha256"] = r.Sha256,
        ["stakes"] = r.Stakes.Count,
        ["added"] = r.Added,
        ["removed"] = r.Removed,
        ["changed"] = r.Stored is not null,
        ["skipped"] = new JsonObject([.. r.Skipped.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))]),
    };

    public static JsonArray Snapshots(IEnumerable<StoredOwnershipSnapshot> held) => new([.. held.Select(s => (JsonNode?)new JsonObject
    {
        ["dataset"] = s.Dataset,
        ["format"] = s.Format,
        ["stakes"] = s.StakeCount,
        ["sha256"] = "sha256:" + s.Sha256,
        ["importedAt"] = InstantPattern.General.Format(s.ImportedAt),
        ["changes"] = JsonNode.Parse(s.ChangesJson),
    })]);

    private static JsonObject Versions(IEnumerable<KeyValuePair<string, string>> versions) =>
        new([.. versions.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value))]);
}
