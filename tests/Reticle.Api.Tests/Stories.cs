using System.Net;
using System.Text.Json.Nodes;

namespace Reticle.Api.Tests;

/// <summary>
/// Licences and orders for the API tests. Every test names its own end-user (and ids), because the tests of one class share
/// a host: a licence covers only its own party's orders, so one test's licences never cover another's shipments.
/// </summary>
internal static class Stories
{
    private const string SmicBeijing = "Semiconductor Manufacturing International (Beijing) Corporation";

    /// <summary>A short tag for ids and party names no other test uses.</summary>
    public static string Tag() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    /// <summary>An end-user no list names.</summary>
    public static string Party(string tag) => $"Quiet Harbour Wafer Works {tag}";

    /// <summary>The founding story's licence (NL, NXT:2050i x3 and NXT:2100i x2, to CN) for <paramref name="party"/>.</summary>
    public static string License(string id, string party) => $$"""
        { "id": "{{id}}", "jurisdiction": "NL", "holder": "ASML Netherlands B.V.",
          "issued": "2023-09-08", "validFrom": "2023-09-10", "validUntil": "2024-12-31",
          "destinations": ["CN"],
          "parties": [ { "role": "end-user", "name": "{{party}}" } ],
          "lines": [ { "item": { "sku": "NXT:2050i" }, "quantity": 3, "value": { "amount": 195000000, "currency": "EUR" } },
                     { "item": { "sku": "NXT:2100i" }, "quantity": 2, "value": { "amount": 150000000, "currency": "EUR" } } ],
          "conditions": ["no re-export without the Minister's consent"] }
        """;

    /// <summary>
    /// The licences an NXT:2050i export to China for <paramref name="party"/> needs on the test clock's day (2026-11-25), the day
    /// it ships: the founding story's NL licence (<paramref name="id"/>) renewed to 2027-12-31, and an EU licence (<paramref name="id"/>-EU)
    /// for the same lines, since the rules of that day require one under EU law too. A JSON array for <c>POST /licenses</c>.
    /// </summary>
    public static string LicensesOnShippingDay(string id, string party) =>
        $"[{License(id, party).Replace("\"validUntil\": \"2024-12-31\"", "\"validUntil\": \"2027-12-31\"", StringComparison.Ordinal)}, "
        + $"{License($"{id}-EU", party).Replace("\"jurisdiction\": \"NL\"", "\"jurisdiction\": \"EU\"", StringComparison.Ordinal).Replace("\"validUntil\": \"2024-12-31\"", "\"validUntil\": \"2027-12-31\"", StringComparison.Ordinal)}]";

    /// <summary>The sample NXT:2050i export to China (NL: license-required without a licence), for <paramref name="party"/>.</summary>
    public static string Order(string id, string date, string party, int quantity = 1) =>
        JsonNode.Parse(File.ReadAllText(Repository.Sample("nxt2050i-to-smic-beijing-2023-09-15.json"))
            .Replace("SO-2023-0915", id, StringComparison.Ordinal)
            .Replace("2023-09-15", date, StringComparison.Ordinal)
            .Replace(SmicBeijing, party, StringComparison.Ordinal)
            .Replace("\"quantity\": 1", $"\"quantity\": {quantity}", StringComparison.Ordinal)
            .Replace("\"amount\": 65000000", $"\"amount\": {65000000 * quantity}", StringComparison.Ordinal))!.AsObject().WithStatedUsFacts().ToJsonString();

    /// <summary>
    /// Who ships (ASML, located and headquartered in the Netherlands), that the scanner is no product of a US-technology
    /// plant, that no US person works on the shipment and where the fab's owner is headquartered: without them the EAR's
    /// allied-exporter exclusion, plant routes and US-person rules of December 2024 are undecided and the answer is review,
    /// and the stories are about licences and holds, not about a missing fact.
    /// </summary>
    public static JsonObject WithStatedUsFacts(this JsonObject json)
    {
        json["item"]!["producedByUsTechnologyPlant"] = false;
        json["item"]!["containsUsTechnologyPlantProduct"] = false;
        var parties = json["parties"]!.AsArray();
        foreach (var party in parties)
        {
            party!["headquarters"] ??= party["country"]!.GetValue<string>();
        }
        parties.Add(new JsonObject { ["role"] = "exporter", ["name"] = "ASML Netherlands B.V.", ["country"] = "NL", ["headquarters"] = "NL" });
        json["personnel"] = new JsonArray(new JsonObject { ["name"] = "Shipping clerk", ["usPerson"] = false });
        return json;
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("no JSON");

    /// <summary>The answer is a problem details document with <paramref name="status"/>.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await JsonAsync(response)).AsObject();
        problem["status"]!.GetValue<int>().ShouldBe((int)status);
        problem["title"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        return problem;
    }

    /// <summary>The places a problem's errors name.</summary>
    public static IReadOnlyList<string> Where(JsonObject problem) =>
        [.. problem["errors"]!.AsArray().Select(e => e!["where"]!.GetValue<string>())];

    public static async Task<JsonNode> CreatedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }
}
