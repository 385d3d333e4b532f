namespace Reticle.Cli.Tests;

/// <summary>The founding story's licence and shipments, written to files the CLI reads.</summary>
internal static class LicenseFixtures
{
    public const string Id = "NL-2023-0042";

    public const string LicenseJson = """
        { "id": "NL-2023-0042", "jurisdiction": "NL", "holder": "ASML Netherlands B.V.",
          "issued": "2023-09-08", "validFrom": "2023-09-10", "validUntil": "2024-12-31",
          "destinations": ["CN"],
          "parties": [ { "role": "end-user", "name": "Semiconductor Manufacturing International (Beijing) Corporation" } ],
          "lines": [ { "item": { "sku": "NXT:2050i" }, "quantity": 3, "value": { "amount": 195000000, "currency": "EUR" } },
                     { "item": { "sku": "NXT:2100i" }, "quantity": 2, "value": { "amount": 150000000, "currency": "EUR" } } ],
          "conditions": ["no re-export without the Minister's consent"] }
        """;

    /// <summary>A fab no list names.</summary>
    public const string UnlistedFab = "Quiet Harbour Wafer Works";

    /// <summary>
    /// The licences an NXT:2050i export to <see cref="UnlistedFab"/> in China needs on the test clock's day (2026-11-25), the day it
    /// ships: the founding story's NL licence (<see cref="Id"/>) renewed to 2027-12-31, and an EU licence (<see cref="EuId"/>) for the
    /// same lines, since the rules of that day require one under EU law too.
    /// </summary>
    public static (string Nl, string Eu) LicensesOnShippingDay
    {
        get
        {
            var nl = LicenseJson.Replace("\"validUntil\": \"2024-12-31\"", "\"validUntil\": \"2027-12-31\"", StringComparison.Ordinal)
                .Replace(SmicBeijing, UnlistedFab, StringComparison.Ordinal);
            return (nl, nl.Replace(Id, EuId, StringComparison.Ordinal).Replace("\"jurisdiction\": \"NL\"", "\"jurisdiction\": \"EU\"", StringComparison.Ordinal));
        }
    }

    public const string EuId = "EU-2023-0042";

    private const string SmicBeijing = "Semiconductor Manufacturing International (Beijing) Corporation";

    /// <summary>Adds both <see cref="LicensesOnShippingDay"/>; the run fails if either is refused.</summary>
    public static async Task AddLicensesOnShippingDayAsync(CliRun run)
    {
        var (nl, eu) = LicensesOnShippingDay;
        (await run.RunAsync("licenses", "add", Write(run, "licence-nl.json", nl))).ExitCode.ShouldBe(0);
        (await run.RunAsync("licenses", "add", Write(run, "licence-eu.json", eu))).ExitCode.ShouldBe(0);
    }

    /// <summary><see cref="Shipment"/> to <see cref="UnlistedFab"/> instead of SMIC Beijing (an Entity List party).</summary>
    public static string UnlistedShipment(string id, string date) => Shipment(id, date).Replace(SmicBeijing, UnlistedFab, StringComparison.Ordinal);

    public static string Write(CliRun run, string name, string text)
    {
        var path = Path.Combine(run.DataDirectory, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>
    /// The sample NXT:2050i shipment to SMIC Beijing, with another id and date, stating the facts the US rules ask for
    /// from December 2024 (<see cref="StatedUsFacts"/>), so the stories turn on licences, not on a missing fact.
    /// </summary>
    public static string Shipment(string id, string date) => StatedUsFacts(
        File.ReadAllText(Repository.Sample("nxt2050i-to-smic-beijing-2023-09-15.json"))
            .Replace("SO-2023-0915", id, StringComparison.Ordinal)
            .Replace("2023-09-15", date, StringComparison.Ordinal));

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// Who ships (ASML, located and headquartered in the Netherlands), that the scanner is no product of a US-technology
    /// plant, that no US person works on the shipment and where the fab's owner is headquartered: without them the
    /// EAR's allied-exporter exclusion, plant routes and US-person rules are undecided and the answer is review.
    /// </summary>
    public static string StatedUsFacts(string transaction)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(transaction)!.AsObject();
        json["item"]!["producedByUsTechnologyPlant"] = false;
        json["item"]!["containsUsTechnologyPlantProduct"] = false;
        var parties = json["parties"]!.AsArray();
        foreach (var party in parties)
        {
            party!["headquarters"] ??= party["country"]!.GetValue<string>();
        }
        parties.Add(new System.Text.Json.Nodes.JsonObject { ["role"] = "exporter", ["name"] = "ASML Netherlands B.V.", ["country"] = "NL", ["headquarters"] = "NL" });
        json["personnel"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["name"] = "Shipping clerk", ["usPerson"] = false });
        // Indented as the sample is ("key": value), so tests may still replace a field's text.
        return json.ToJsonString(Indented);
    }
}
