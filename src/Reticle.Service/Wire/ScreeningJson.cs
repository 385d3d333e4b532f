using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Reticle.Screening;
using Reticle.Screening.Matching;

namespace Reticle.Service.Wire;

/// <summary>A screening as <c>reticle screen --json</c>, <c>screen --batch --out X.jsonl</c> and <c>/api/v1/screenings</c> answer it (CONTRACT §4).</summary>
internal static class ScreeningJson
{
    /// <param name="ownership">
    /// What the ownership facts say of the name on the screening's date (an extension of CONTRACT §4, present only when
    /// there is a finding): a subsidiary of a listed company is caught here though no name on a list resembles its own.
    /// </param>
    public static JsonObject Result(ScreeningQuery query, double threshold, ImmutableArray<ScreeningHit> hits,
        IReadOnlyCollection<Ownership.OwnershipFinding>? ownership = null)
    {
        var q = new JsonObject { ["name"] = query.Name };
        if (query.Country is { } country)
        {
            q["country"] = country;
        }
        if (query.Type != PartyType.Unknown)
        {
            q["type"] = query.Type.ToWire();
        }
        var result = new JsonObject
        {
            ["query"] = q,
            ["mode"] = query.Mode == ScoringMode.Ofac ? "ofac" : "reticle",
            ["threshold"] = threshold,
            ["hits"] = Hits(hits),
        };
        if (ownership is { Count: > 0 })
        {
            result["ownership"] = OwnersJson.Findings(ownership);
        }
        return result;
    }

    /// <summary>
    /// One row of a batch screening (<c>screen --batch --out X.jsonl</c>, screening jobs): <c>{"id", "name", "hits"}</c>, and
    /// <c>"ownership"</c> when the row's party is owned 50 % or more by listed parties (or possibly so) on the screening's date
    /// (from <c>OwnershipScreen.Find</c>; an extension of CONTRACT §1).
    /// </summary>
    public static JsonObject Row(string id, string name, ImmutableArray<ScreeningHit> hits, IReadOnlyCollection<Ownership.OwnershipFinding>? ownership = null)
    {
        var row = new JsonObject { ["id"] = id, ["name"] = name, ["hits"] = Hits(hits) };
        if (ownership is { Count: > 0 })
        {
            row["ownership"] = OwnersJson.Findings(ownership);
        }
        return row;
    }

    public static JsonArray Hits(ImmutableArray<ScreeningHit> hits) => new([.. hits.Select(h => (JsonNode?)Hit(h))]);

    private static JsonObject Hit(ScreeningHit h)
    {
        var json = new JsonObject
        {
            ["list"] = h.Entry.ListName,
            ["listCode"] = h.Entry.List,
            ["entryId"] = h.Entry.Id,
            ["name"] = h.Entry.Name,
            ["matchedName"] = h.MatchedName,
            ["score"] = Math.Round(h.Score, 3),
            ["explanation"] = new JsonArray([.. h.Explanation.Select(e => (JsonNode?)e)]),
        };
        if (h.Entry.Type != PartyType.Unknown)
        {
            json["type"] = h.Entry.Type.ToWire();
        }
        if (!h.Entry.Countries.IsDefaultOrEmpty)
        {
            json["countries"] = new JsonArray([.. h.Entry.Countries.Select(c => (JsonNode?)c)]);
        }
        if (!h.Entry.Programs.IsDefaultOrEmpty)
        {
            json["programs"] = new JsonArray([.. h.Entry.Programs.Select(p => (JsonNode?)p)]);
        }
        if (h.Entry.LicenseRequirement is not null || h.Entry.List == "EL")
        {
            json["licenseRequirement"] = h.Entry.LicenseRequirement;
            json["licensePolicy"] = h.Entry.LicensePolicy;
            json["federalRegister"] = h.Entry.FederalRegister;
            json["footnotes"] = new JsonArray([.. h.Entry.Footnotes.Select(f => (JsonNode?)f)]);
        }
        // Extension of CONTRACT §4: the day the entry was listed, where its citations or a snapshot date it exactly or as a bound.
        if (h.Entry.Listing is { } listing)
        {
            if ((listing.Exact ?? listing.By) is { } listedOn)
            {
                json["listedOn"] = NodaTime.Text.LocalDatePattern.Iso.Format(listedOn);
            }
            json["listing"] = listing.Summary;
        }
        return json;
    }
}
